"""cli/report.py: the check's report in text, JSON, CSV and one line per finding, for people and for scripts."""

from __future__ import annotations

import csv
import io
import json

import pytest

from .conftest import EXAMPLES, invoke
from .conftest import overview_folder as groups

TODAY = ("--today", "2026-11-23")


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
