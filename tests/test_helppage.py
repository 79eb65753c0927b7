"""cli/helppage.py: the help pages, in the reader's language, with every command and option explained."""

from __future__ import annotations

import pytest

from selvhjelp_cli.cli.helppage import help_texts
from selvhjelp_cli.cli.main import app

from .conftest import invoke


def test_a_command_s_help_says_how_to_use_it_its_arguments_and_options():
    page = invoke("check", "--help").stdout
    assert page.startswith("Bruk: selvhjelp check [VALG] [STI...]")
    assert "Argumenter:\n  STI...  Gruppefiler eller mapper (standard: denne mappen)." in page
    assert "Valg:" in page and "--format FORMAT" in page and "[standard: text]" in page


def test_the_program_s_help_lists_every_command():
    page = invoke("--help").stdout
    for name in ("check", "init-group", "participant", "meeting", "calendar", "print-declaration", "app", "undo",
                 "status", "find-district"):
        assert f"\n  {name} " in page, name


@pytest.mark.parametrize("language, usage, options", [("nn", "Bruk: ", "Val:"), ("en", "Usage: ", "Options:")])
def test_help_is_in_the_language_the_program_speaks(monkeypatch, language, usage, options):
    monkeypatch.setenv("SELVHJELP_LANG", language)
    page = invoke("undo", "--help").stdout
    assert page.startswith(usage) and options in page and "Valg:" not in page


def test_every_help_text_is_offered_to_the_catalogues():
    import typer.main

    texts = help_texts(typer.main.get_command(app))
    assert "Sjekk gruppefiler mot rammene for selvorganiserte selvhjelpsgrupper." in texts
    assert len(texts) == len(set(texts)) and "FIL" in texts
