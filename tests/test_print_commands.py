"""cli/print_commands.py: print-declaration and print-handout – private files for names, the screen, and the errors."""

from __future__ import annotations

import os
import stat

from .conftest import EXAMPLES, invoke

GROUP_FILE = EXAMPLES / "torsdagsgruppa.yaml"


def test_cli_writes_private_files_for_names(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = invoke("print-declaration", GROUP_FILE, "--today", "2026-11-23")
    assert result.exit_code == 0
    target = tmp_path / "taushetserklaering-torsdagsgruppa.pdf"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    again = invoke("print-declaration", GROUP_FILE)
    assert again.exit_code == 2 and "--force" in again.stderr
    assert invoke("print-handout", "poster", GROUP_FILE, "--format", "html").exit_code == 0
    poster = tmp_path / "plakat-torsdagsgruppa.html"
    assert stat.S_IMODE(poster.stat().st_mode) & 0o044  # no names: normal permissions


def test_cli_stdout_and_language_from_file(tmp_path):
    result = invoke("print-handout", "principles", EXAMPLES / "nettgruppa-nord.yaml", "--format", "md", "-o", "-")
    assert result.exit_code == 0 and result.stdout.startswith("# Prinsipp for samtalen")
    english = invoke("print-handout", "principles", "--format", "md", "-o", "-", "--lang", "en")
    assert english.stdout.startswith("# Principles for the conversation")


def test_cli_errors(tmp_path):
    assert invoke("print-declaration").exit_code == 2
    assert invoke("print-declaration", GROUP_FILE, "--sheet", "--blank", "2").exit_code == 2
    assert invoke("print-handout", "attendance").exit_code == 2
    assert invoke("print-handout", "plakatt").exit_code == 2
    old = invoke("print-handout", "principles", "--templates", tmp_path, "-o", "-")
    assert old.exit_code == 2 and old.stderr == (
        "Feil: --templates finnes ikke lenger. Bruk --letterhead FIL med et brevhode i YAML (se README, «Brevhode»).\n")
    empty = tmp_path / "tom.yaml"
    empty.write_text(GROUP_FILE.read_text(encoding="utf-8").split("participants:")[0])
    no_people = invoke("print-declaration", empty, "-o", tmp_path / "x.pdf")
    assert no_people.exit_code == 2 and "--blank" in no_people.stderr


def test_html_does_not_load_the_pdf_engine(tmp_path):
    import subprocess
    import sys

    code = ("import sys; from selvhjelp_cli.entry import run; "
            f"run(['print-handout', 'principles', '--format', 'html', '-o', r'{tmp_path / 'p.html'}']); "
            "print('typst' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=dict(os.environ))
    assert out.stdout.split()[-1] == "False"
