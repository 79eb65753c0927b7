"""places/directory_file.py: an office's own directory file read and checked, every problem at its line."""

from __future__ import annotations

import pytest

from selvhjelp_cli.places import directory as dirs

from .conftest import CONTACT_POINTS, invoke
from .conftest import DIRECTORY_BROKEN as BROKEN


def test_a_directory_file_is_read_with_what_each_entry_covers():
    found = dirs.load_directory(str(CONTACT_POINTS))
    assert not found.builtin and found.notice == ""
    link = found.contact("link-bergen")
    assert (link.office, link.phone, link.email, link.web, link.address, link.kind) == (
        "LINK Bergen og omegn", "55 00 00 00", "post@link-bergen.example", "link-bergen.example",
        "Eksempelgata 1, 5003 Bergen", "senter for selvhjelp")
    assert "4601" in link.coverage.county_municipalities()  # Hordaland (before 2020) holds Bergen
    assert found.contact("askoy").coverage.municipalities == {"4627"}
    assert found.contact("bergen-sentrum").coverage.postcodes == {"5003", "5004"}


def test_every_error_is_named_with_file_and_line():
    result = invoke("directory", "check", BROKEN / "feil.yaml")
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    expected = [
        ("11:5", "Ukjent nøkkel «telefon» under kontor nr. 1. Nøklene i katalogen er engelske: Denne heter «phone»."),
        ("13:18", "Fylket «Hordland» er ukjent. Mente du «Hordaland»"),
        ("14:9", "«id» «link-bergen» er brukt før, av kontor nr. 1."),
        ("18:24", "Det finnes flere kommuner som heter Herøy. Skriv for eksempel «Herøy (Møre og Romsdal)»."),
        ("19:19", "Postnummeret 9999 finnes ikke"),
        ("19:27", "«12a» er ikke et postnummer."),
        ("20:5", "Kontor nr. 3 trenger minst én av «phone», «email» og «web»"),
        ("20:9", "«id» for kontor nr. 3 kan bare ha små bokstaver"),
        ("22:5", "«covers» for kontor nr. 3 må ha minst én av"),
    ]
    assert len(lines) == len(expected)
    for line, (where, message) in zip(lines, expected, strict=True):
        assert f"feil.yaml:{where}: {message}" in line


def test_no_head_office_is_an_error():
    result = invoke("directory", "check", BROKEN / "mangler_hovedkontor.yaml")
    assert result.exit_code == 2 and "mangler_hovedkontor.yaml:1:1: «head_office» mangler." in result.stderr


def test_overlapping_coverage_at_the_same_level_is_an_info_with_its_line():
    result = invoke("directory", "check", BROKEN / "overlapp.yaml")
    assert result.exit_code == 0
    assert "overlapp.yaml:18:7: info: Fylkene til «a» og «b» overlapper (25 kommuner" in result.stdout
    assert "overlapp.yaml:19:7: info: Askøy dekkes både av «a» og «b». Begge blir oppgitt." in result.stdout


@pytest.mark.parametrize("text, message", [
    ("version: 2\n", "katalogfiler av versjon 1"),
    ("- a\n- b\n", "En katalog er en tabell"),
    ("", "Filen er tom."),
    ("version: 1\nas_of: 2026-13-01\nsource: x\nhead_office: {name: N, email: e}\noffices: []\n", "«as_of» må være"),
    ("version: 1\nas_of: 2026-11-01\nsource: x\nhead_office: {name: N}\noffices: []\n",
     "«head_office» trenger minst én av"),
    ("version: 1\nas_of: 2026-11-01\nsource: x\nhead_office: {name: N, web: w}\noffices:\n - id: a\n   name: A\n"
     "   web: w\n   covers: {counties: [Sør-Trøndelag]}\n", "verktøyet vet ikke hvilke kommuner"),
    ("version: 1\nas_of: 2026-11-01\nsource: \"a\\u0007b\"\nhead_office: {name: N, web: w}\noffices: []\n",
     "kontrolltegn"),
    ("version: 1\nas_of: 2026-11-01\nsource: x\nhead_office: N\noffices: []\n",
     "4:14: «head_office» må være en tabell"),
    ("version: 1\nas_of: 2026-11-01\nsource: x\nhead_office: {name: N, web: w}\noffices: {a: b}\n",
     "5:1: «offices» må være en liste"),
    ("version: 1\nas_of: 2026-11-01\nsource: x\nhead_office: {name: N, web: w}\noffices:\n - id: a\n   name: A\n"
     "   web: w\n   covers: {municipalities: [Askøy, [Bergen], \"\"]}\n",
     "9:37: Hver oppføring i listen må være en enkelt verdi"),
    ("version: 1\nas_of: 2026-11-01\nsource: x\nhead_office: {name: N, web: w}\noffices:\n - id: a\n   name: A\n"
     "   web: w\n   covers: {municipalities: [Askøy, \"\"]}\n", "9:37: Tom oppføring i listen."),
])
def test_bad_directories(tmp_path, text, message):
    path = tmp_path / "katalog.yaml"
    path.write_text(text, encoding="utf-8")
    result = invoke("directory", "check", path)
    assert result.exit_code == 2 and message in result.stderr and "Traceback" not in result.output


def test_a_county_of_an_older_generation_can_be_named_with_its_years(tmp_path):
    path = tmp_path / "katalog.yaml"
    path.write_text("version: 1\nas_of: 2026-11-01\nsource: x\nhead_office: {name: N, web: w}\noffices:\n"
                    " - id: a\n   name: A\n   web: w\n   covers: {counties: [Akershus (før 2020)]}\n"
                    " - id: b\n   name: B\n   web: w\n   covers: {counties: [Akershus]}\n", encoding="utf-8")
    found = dirs.load_directory(str(path))
    older, today = (found.contact(i).coverage.county_municipalities() for i in ("a", "b"))
    assert "3203" in today and "3234" in today  # Asker and Lunner lie in Akershus today
    assert "3234" not in older  # Lunner lay in Oppland before 2020


def test_a_folder_is_not_a_directory_file(tmp_path):
    for args in (("directory", "check", tmp_path), ("find-district", "Bergen", "--directory", tmp_path)):
        result = invoke(*args)
        assert result.exit_code == 2 and "Dette er en mappe. Oppgi katalogfilen (YAML)." in result.stderr, args


def test_many_offices_sharing_a_county_are_one_info_found_in_linear_time(tmp_path):
    """1,500 offices over the same county were 1.1 million pair comparisons (122 s)."""
    offices = "".join(f"  - id: kontor-{n}\n    name: Kontor {n}\n    email: k{n}@example.no\n"
                      f"    covers:\n      counties: [Rogaland]\n" for n in range(1500))
    path = tmp_path / "mange.yaml"
    path.write_text("version: 1\nas_of: 2026-11-01\nsource: test\nhead_office:\n  name: Selvhjelp Norge\n"
                    "  email: post@selvhjelp.no\noffices:\n" + offices, encoding="utf-8")
    result = invoke("directory", "check", path)
    assert result.exit_code == 0, result.stderr
    infos = [line for line in result.stdout.splitlines() if "overlapper" in line]
    assert len(infos) == 1
    assert "Fylkene til «kontor-0», «kontor-1», «kontor-2», «kontor-3», «kontor-4» og 1495 andre overlapper" in infos[0]
