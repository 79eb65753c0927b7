"""offices/spreadsheet.py: the overview as an Excel file an office can sort and filter, with no names."""

from __future__ import annotations

import re
import shutil

from .conftest import EXAMPLES, invoke, xlsx_parts

TODAY = ("--today", "2026-11-23")


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
