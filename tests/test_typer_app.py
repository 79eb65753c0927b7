"""cli/typer_app.py: the commands' shared behaviour – help through our help page, and what the parser got
wrong said without repeating what was typed (it may be a name)."""

from __future__ import annotations

from .conftest import EXAMPLES, invoke


def test_an_argument_too_many_is_counted_not_repeated():
    result = invoke("participant", "list", EXAMPLES / "torsdagsgruppa.yaml", "Kari Hemmelig")
    assert result.exit_code == 2
    assert result.stderr == "Feil: Ett argument for mye. Se «selvhjelp participant list --help».\n"


def test_an_unknown_command_is_refused_with_the_closest():
    result = invoke("chek")
    assert result.exit_code == 2 and "Mente du «selvhjelp check»?" in result.stderr and "Traceback" not in result.stderr


def test_a_group_of_commands_without_one_shows_its_help():
    result = invoke("participant")
    assert "add" in result.stdout and "sign" in result.stdout and "remove" in result.stdout


def test_a_command_s_own_help_is_our_page():
    assert invoke("participant", "add", "-h").stdout.startswith("Bruk: selvhjelp participant add")
