"""`publish`: the groups open to new participants, as Meeting Guide JSON and as a web page."""

from __future__ import annotations

import json

import pytest

from .conftest import EXAMPLES, FIXTURES, invoke
from .conftest import publish_folder as folder_of_groups

CONTACT_POINTS = FIXTURES / "directory" / "kontaktpunkter.yaml"




def published(tmp_path, *args) -> list[dict]:
    result = invoke("publish", folder_of_groups(tmp_path), "--today", "2026-11-23", *args)
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_only_groups_open_to_new_participants_are_listed(tmp_path):
    names = [g["name"] for g in published(tmp_path)]
    # Torsdagsgruppa has started and is closed; Ferdiggruppa has ended; Onsdagsgruppa breaks
    # requirements (a minor, a leader, a fee); Nettgruppa nord is digital, which the feed
    # leaves out (see below).
    assert sorted(names) == ["Fredagsgruppa", "Mandagsgruppa"]


def test_the_entries_follow_the_meeting_guide_format(tmp_path):
    entry = next(g for g in published(tmp_path, "--directory", CONTACT_POINTS) if g["name"] == "Mandagsgruppa")
    assert entry["slug"] == "mandagsgruppa"
    assert entry["day"] == 1  # Monday; 0 is Sunday
    assert (entry["time"], entry["end_time"], entry["timezone"]) == ("18:00", "20:00", "Europe/Oslo")
    assert entry["location"] == "Haugesund frivilligsentral"
    # Four comma parts and «no»: a Meeting Guide client shows it as an in-person meeting.
    assert (entry["formatted_address"], entry["approximate"]) == ("Skåregata 1, 5528 Haugesund, Norway", "no")
    assert entry["region"] == "Haugesund"
    assert entry["notes"].startswith("Tema: Sorg og tap. Første møte 4. januar 2027. Gratis, uten leder")
    assert (entry["contact_1_name"], entry["contact_1_phone"]) == ("Kari Nilsen", "473 92 870")
    assert (entry["entity"], entry["entity_phone"]) == ("Sandnes frivilligsentral", "51 00 00 00")
    assert len(entry["updated"]) == 19
    for us_only in ("address", "city", "state", "postal_code", "country"):
        assert us_only not in entry


def test_a_venue_without_a_street_address_is_placed_approximately_never_dropped(tmp_path):
    entry = next(g for g in published(tmp_path) if g["name"] == "Fredagsgruppa")
    assert entry["location"] == "Haugesund frivilligsentral"
    assert (entry["formatted_address"], entry["approximate"]) == ("Haugesund, Rogaland, Norway", "yes")


def test_the_built_in_list_never_publishes_a_closed_office(tmp_path):
    for entry in published(tmp_path):
        assert (entry["entity"], entry["entity_email"]) == ("Selvhjelp Norge", "post@selvhjelp.no")
        assert "981 02 067" not in json.dumps(entry)


def test_nothing_about_participants_or_decisions_or_notes(tmp_path):
    text = json.dumps(published(tmp_path), ensure_ascii=False)
    for private in ("Trine L.", "Kim S.", "Gunnar P.", "Anne M.", "Bjørn Haugland", "born", "decision", "rule"):
        assert private not in text


def test_a_group_that_breaks_a_requirement_is_never_recruited_to(tmp_path):
    """Onsdagsgruppa has a participant under 18, a leader and a fee: a public page must not send people there."""
    result = invoke("publish", folder_of_groups(tmp_path), "--today", "2026-11-23")
    assert "Onsdagsgruppa" not in result.stdout
    assert "Ikke med: 1 gruppe som bryter et krav i rammene (se «selvhjelp check»)." in result.stderr
    for entry in json.loads(result.stdout):
        assert "Gratis, uten leder, med taushetsplikt. Ta kontakt før du kommer." in entry["notes"]


def test_the_html_page_says_get_in_touch_once_in_the_program_s_language(tmp_path, monkeypatch):
    folder = folder_of_groups(tmp_path)
    page = invoke("publish", folder, "--format", "html", "--today", "2026-11-23").stdout
    assert page.count("Ta kontakt før du kommer") == 1 and '<html lang="nb">' in page
    monkeypatch.setenv("SELVHJELP_LANG", "nn")
    nynorsk = invoke("publish", folder, "--format", "html", "--today", "2026-11-23").stdout
    assert '<html lang="nn">' in nynorsk and "Sjølvhjelpsgrupper som tek imot nye deltakarar" in nynorsk
    for bokmål in ("Hvor", "Oppdatert 23", "Selvhjelpsgrupper som tar imot", "kommer"):
        assert bokmål not in nynorsk.replace("Oppdatert 23. november", "")
    monkeypatch.setenv("SELVHJELP_LANG", "en")
    english = invoke("publish", folder, "--format", "html", "--today", "2026-11-23").stdout
    assert (
        '<html lang="en">' in english and "<dt>Meeting place</dt>" in english and "Updated 23 November 2026." in english
    )


def test_the_html_page_is_self_contained_and_escaped(tmp_path):
    folder = folder_of_groups(tmp_path)
    text = (folder / "ny.yaml").read_text(encoding="utf-8").replace("theme: Sorg og tap",
                                                                    "theme: \"<script>alert(1)</script>\"")
    (folder / "ny.yaml").write_text(text, encoding="utf-8")
    out = tmp_path / "grupper.html"
    result = invoke("publish", folder, "--format", "html", "-o", out, "--today", "2026-11-23")
    assert result.exit_code == 0
    page = out.read_text(encoding="utf-8")
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert "src=" not in page and "href=" not in page and "@import" not in page
    assert "Mandager kl. 18.00–20.00, fra 4. januar 2027" in page
    assert "3 grupper tar imot nye deltakere. Skrev" in result.stderr
    assert "Ikke med: 1 gruppe som har startet og er lukket." in result.stderr
    assert "Ikke med: 1 gruppe som er avsluttet." in result.stderr
    again = invoke("publish", folder, "--format", "html", "-o", out, "--today", "2026-11-23")
    assert again.exit_code == 2 and "--force" in again.stderr


@pytest.mark.parametrize("reach", ["email: a@example.no", "web: example.no", "phone: \"55 00 00 00\""])
def test_the_html_page_works_for_offices_without_phone_or_email(tmp_path, reach):
    """Every optional field of a directory entry, empty, in both formats (the README's example directory has
    no phones)."""
    directory = tmp_path / "kontaktpunkter.yaml"
    directory.write_text("version: 1\nas_of: 2026-11-01\nsource: Test\nhead_office:\n  name: Selvhjelp Norge\n"
                         "  web: selvhjelp.no\noffices:\n  - id: rogaland\n    name: Kontaktpunkt Rogaland\n"
                         f"    {reach}\n    covers:\n      counties: [Rogaland, Troms]\n", encoding="utf-8")
    assert invoke("directory", "check", directory).exit_code == 0
    for output_format in ("html", "json"):
        (tmp_path / output_format).mkdir()
        result = invoke("publish", folder_of_groups(tmp_path / output_format), "--today", "2026-11-23", "--format",
                        output_format, "--directory", directory)
        assert result.exit_code == 0, result.stderr
        assert "uventet" not in result.stderr and reach.split(": ")[1].strip('"') in result.stdout


def test_the_html_page_says_what_the_region_beside_each_group_is(tmp_path):
    folder = folder_of_groups(tmp_path)
    text = (EXAMPLES / "torsdagsgruppa.yaml").read_text(encoding="utf-8")
    (folder / "fylke.yaml").write_text(text.replace("name: Torsdagsgruppa", "name: Tirsdagsgruppa").replace(
        "first_meeting: 2026-09-03", "first_meeting: 2027-01-05").replace("municipality: Haugesund\n", ""),
        encoding="utf-8")
    page = invoke("publish", folder, "--format", "html", "--today", "2026-11-23").stdout

    def region(name):
        import re

        article = page.split(f"<h2>{name}</h2>")[1].split("</article>")[0]
        return re.search(r"<dt>(Kommune|Fylke|Hører til)</dt><dd>([^<]*)</dd>", article).group(0)[4:-5]

    assert region("Mandagsgruppa") == "Kommune</dt><dd>Haugesund"
    assert region("Tirsdagsgruppa") == "Fylke</dt><dd>Rogaland"
    assert region("Nettgruppa nord") == "Hører til</dt><dd>Alta"  # an online group meets nowhere
