"""cli/main.py: the program's front door – its version, and its words for what the command line got wrong."""

from __future__ import annotations

from selvhjelp_cli.entry import run

from .conftest import invoke


def test_bad_format_in_norwegian(capsys):
    assert run(["check", "--format", "xml"]) == 2
    assert "Ugyldig verdi for --format. Gyldige verdier: text, json, csv, concise, xlsx." in capsys.readouterr().err


def test_unknown_option_in_norwegian(capsys):
    assert run(["check", "--strikt"]) == 2
    assert "Ukjent valg --strikt" in capsys.readouterr().err


def test_version(capsys):
    result = invoke("--version")
    assert result.exit_code == 0 and result.stdout.startswith("selvhjelp ")


def test_a_command_line_builds_only_the_command_it_runs():
    import typer.main

    from selvhjelp_cli.cli.main import app, only

    assert list(typer.main.get_group(only("check")).commands) == ["check"]
    assert list(typer.main.get_group(only("participant")).commands) == ["participant"]
    assert only("chek") is app and only("--help") is app and only("") is app
    assert len(typer.main.get_group(app).commands) > 10  # the whole app is untouched
