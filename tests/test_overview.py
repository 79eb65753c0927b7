"""`check` for offices: overview fields, CSV, concise lines, --office, the table at 80 columns, --strict."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil

import pytest

from .conftest import EXAMPLES, FIXTURES, invoke

CONTACT_POINTS = FIXTURES / "directory" / "kontaktpunkter.yaml"
TODAY = ("--today", "2026-11-23")


def groups(tmp_path):
    folder = tmp_path / "grupper"
    folder.mkdir()
    for name in ("torsdagsgruppa.yaml", "onsdagsgruppa-med-problemer.yaml", "nettgruppa-nord.yaml"):
        shutil.copy(EXAMPLES / name, folder / name)
    ended = (EXAMPLES / "torsdagsgruppa.yaml").read_text(encoding="utf-8").replace(
        "name: Torsdagsgruppa", "name: Den gamle gruppa\nended: 2026-10-01").replace("county: Rogaland",
                                                                                     "county: Hordaland").replace(
        "municipality: Haugesund\n", "")
    (folder / "avsluttet.yaml").write_text(ended, encoding="utf-8")
    (folder / "ugyldig.yaml").write_text("version: 1\nname: Ugyldig\ncounty: Atlantis\n", encoding="utf-8")
    return folder


def test_json_entries_carry_the_overview_fields(tmp_path):
    result = invoke("check", groups(tmp_path), "--format", "json", *TODAY)
    files = {f["group"]: f for f in json.loads(result.stdout)["files"]}
    torsdag = files["Torsdagsgruppa"]
    assert {k: torsdag[k] for k in ("county", "office", "mode", "active", "next_meeting", "status")} == {
        "county": "Rogaland", "office": "sandnes", "mode": "physical", "active": 7, "next_meeting": "2026-11-26",
        "status": "running"}
    assert files["Nettgruppa nord"]["status"] == "planned" and files["Nettgruppa nord"]["mode"] == "digital"
    old = files["Den gamle gruppa"]
    assert (old["status"], old["next_meeting"], old["county"]) == ("ended", None, "Vestland")  # today's name
    invalid = files[None]
    assert invalid["valid"] is False and invalid["status"] == "invalid" and invalid["county"] is None


def test_csv_is_one_row_per_group_with_a_bom_and_no_names(tmp_path):
    result = invoke("check", groups(tmp_path), "--format", "csv", *TODAY)
    assert result.stdout.startswith(
        "\ufeffpath,group,county,office,mode,active,next_meeting,status,errors,warnings\r\n"
    )
    rows = list(csv.DictReader(io.StringIO(result.stdout.lstrip("\ufeff"))))
    assert len(rows) == 5
    torsdag = next(r for r in rows if r["group"] == "Torsdagsgruppa")
    assert torsdag["office"] == "sandnes" and torsdag["active"] == "7" and torsdag["errors"] == "0"
    problems = next(r for r in rows if r["group"] == "Onsdagsgruppa")
    assert (problems["errors"], problems["warnings"]) == ("4", "7")
    for name in ("Kari Nilsen", "Trine L.", "Kim S.", "Gunnar P.", "Anne M."):
        assert name not in result.stdout


def test_a_cell_that_would_be_a_formula_is_kept_as_text(tmp_path):
    text = (EXAMPLES / "torsdagsgruppa.yaml").read_text(encoding="utf-8").replace("name: Torsdagsgruppa",
                                                                                  "name: \"=1+1\"")
    (tmp_path / "formel.yaml").write_text(text, encoding="utf-8")
    (tmp_path / "annen.yaml").write_text((EXAMPLES / "torsdagsgruppa.yaml").read_text(encoding="utf-8"),
                                         encoding="utf-8")
    assert ",'=1+1," in invoke("check", tmp_path, "--format", "csv", *TODAY).stdout


@pytest.mark.parametrize("start", ["\t=", "\r=", " =", "\t@"])
def test_a_path_starting_with_a_tab_or_space_before_a_formula_is_kept_as_text(tmp_path, monkeypatch, start):
    monkeypatch.chdir(tmp_path)
    name = start + "SUM(1).yaml"
    (tmp_path / name).write_text((EXAMPLES / "torsdagsgruppa.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    rows = list(csv.reader(io.StringIO(invoke("check", name, "--format", "csv", *TODAY).stdout.lstrip("\ufeff"))))
    assert rows[1][0] == "'" + name


def test_concise_lines_are_path_line_column_severity_rule_message(tmp_path):
    folder = groups(tmp_path)
    result = invoke("check", folder, "--format", "concise", *TODAY)
    lines = result.stdout.splitlines()
    assert f"{folder}/onsdagsgruppa-med-problemer.yaml:17: error free-of-charge Deltakelse koster 100 kroner " \
           "(«fee_nok»). Det skal være gratis å være med." in lines
    assert any(line.startswith(f"{folder}/ugyldig.yaml:3:9: error invalid ") for line in lines)
    assert all(": error " in line or ": warning " in line or ": info " in line for line in lines)
    assert result.exit_code == 2


def test_office_keeps_only_that_office_s_groups(tmp_path):
    folder = groups(tmp_path)
    result = invoke("check", folder, "--office", "sandnes", "--format", "json", *TODAY)
    assert [f["group"] for f in json.loads(result.stdout)["files"]] == ["Torsdagsgruppa"]
    assert result.exit_code == 0
    result = invoke("check", folder, "--office", "link-bergen", "--directory", CONTACT_POINTS, "--format", "csv",
                    *TODAY)
    assert sorted(r["group"] for r in csv.DictReader(io.StringIO(result.stdout.lstrip("\ufeff")))) == [
        "Den gamle gruppa", "Onsdagsgruppa"]


def test_an_unknown_office_is_refused_with_suggestions(tmp_path):
    result = invoke("check", groups(tmp_path), "--office", "sandnes-frivilligsentra", "--directory", CONTACT_POINTS)
    assert result.exit_code == 2
    assert "Det finnes ikke noe kontor med id-en «sandnes-frivilligsentra» i katalogen. Mente du " \
           "«sandnes-frivilligsentral»?" in result.stderr


def test_the_table_stays_readable_at_80_columns(tmp_path, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    folder = groups(tmp_path)
    text = (EXAMPLES / "torsdagsgruppa.yaml").read_text(encoding="utf-8").replace(
        "name: Torsdagsgruppa", "name: Selvhjelpsgruppa for pårørende etter selvmord i Haugesund og omegn")
    (folder / "lang.yaml").write_text(text, encoding="utf-8")
    out = invoke("check", folder, *TODAY).stdout
    table = out[out.index("Oversikt"):]
    assert max(len(line) for line in table.splitlines()) <= 80
    words = set(table.split())
    for word in ("Selvhjelpsgruppa", "pårørende", "Torsdagsgruppa", "Rogaland", "avsluttet", "ugyldig", "planlagt"):
        assert word in words, word  # whole, never cut in the middle


def test_strict_says_why_it_failed(tmp_path):
    path = tmp_path / "gruppe.yaml"
    path.write_text((EXAMPLES / "torsdagsgruppa.yaml").read_text(encoding="utf-8").replace(
        "duration_minutes: 120", "duration_minutes: 150"), encoding="utf-8")
    plain = invoke("check", path, *TODAY)
    strict = invoke("check", path, "--strict", *TODAY)
    assert plain.exit_code == 0 and strict.exit_code == 1
    assert ("Avslutter med kode 1 fordi du brukte --strict, og det er én advarsel som gruppa ikke har bestemt "
            "noe om. Rett den,") in strict.stderr
    assert "--strict" not in plain.stderr


def test_office_ids_match_in_any_case(tmp_path):
    folder = groups(tmp_path)
    for typed in ("Sandnes", "SANDNES"):
        result = invoke("check", folder, "--office", typed, "--format", "json", *TODAY)
        assert [f["group"] for f in json.loads(result.stdout)["files"]] == ["Torsdagsgruppa"], typed


def test_the_overview_marks_an_office_of_2019_that_has_closed(tmp_path):
    shutil.copy(EXAMPLES / "torsdagsgruppa.yaml", tmp_path / "t.yaml")
    shutil.copy(EXAMPLES / "nettgruppa-nord.yaml", tmp_path / "n.yaml")
    builtin = invoke("check", tmp_path, *TODAY).stdout
    assert "Sandnes*" in builtin and "* Distriktskontoret fra 2019; distriktskontorene ble lagt ned i 2023." in builtin
    current = invoke("check", tmp_path, "--directory", CONTACT_POINTS, *TODAY).stdout
    assert "Distriktskontoret fra 2019" not in current and "Sandnes frivilligsent" in current


def xlsx_parts(path) -> tuple[str, str, str]:
    import zipfile

    with zipfile.ZipFile(path) as book:
        return (book.read("xl/worksheets/sheet1.xml").decode(), book.read("xl/sharedStrings.xml").decode(),
                book.read("docProps/core.xml").decode())


def test_xlsx_is_a_real_spreadsheet_with_typed_cells_a_fixed_header_and_no_names(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for name in ("torsdagsgruppa.yaml", "nettgruppa-nord.yaml"):
        shutil.copy(EXAMPLES / name, tmp_path / name)
    (tmp_path / "formel.yaml").write_text((EXAMPLES / "torsdagsgruppa.yaml").read_text(encoding="utf-8")
                                          .replace("name: Torsdagsgruppa", 'name: "=1+1"'), encoding="utf-8")
    result = invoke("check", ".", "--format", "xlsx", "-o", "oversikt.xlsx", *TODAY)
    assert result.exit_code in (0, 1) and "Skrev oversikt.xlsx." in result.stderr and result.stdout == ""
    sheet, strings, core = xlsx_parts(tmp_path / "oversikt.xlsx")
    assert 'state="frozen"' in sheet and 'ySplit="1"' in sheet and "<autoFilter" in sheet and "<cols>" in sheet
    assert "<f>" not in sheet  # «=1+1» is text, never a formula
    for header in ("Gruppe", "Fylke", "Kontaktpunkt", "Følg opp", "Aktive deltakere", "Neste møte", "Status"):
        assert f"<t>{header}</t>" in strings
    assert "Torsdagsgruppa" in strings and "=1+1" in strings
    # Active participants and counts are numbers; the next meeting a date (a number with a date style).
    assert re.search(r'<c r="F\d+" s="\d+"?><v>7</v></c>|<c r="F\d+"><v>7</v></c>', sheet)
    assert re.search(r'<c r="G\d+" s="\d+"><v>46\d{3}</v></c>', sheet)
    for name in ("Ola N.", "Lise H.", "Kari Nilsen", "Ingrid Eira", "Anne M."):
        assert name not in strings and name not in core


def test_xlsx_needs_a_file_and_never_overwrites_one(tmp_path):
    shutil.copy(EXAMPLES / "torsdagsgruppa.yaml", tmp_path / "t.yaml")
    result = invoke("check", tmp_path, "--format", "xlsx")
    assert result.exit_code == 2 and "legg til -o FIL" in result.stderr
    (tmp_path / "o.xlsx").write_bytes(b"keep")
    again = invoke("check", tmp_path, "--format", "xlsx", "-o", tmp_path / "o.xlsx")
    assert again.exit_code == 2 and (tmp_path / "o.xlsx").read_bytes() == b"keep"
    assert invoke("check", tmp_path, "--format", "xlsx", "-o", tmp_path / "o.xlsx", "--force").exit_code == 0
