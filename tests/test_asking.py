"""cli/asking.py: a value from its option or asked for at the prompt, read the same way either way."""

from __future__ import annotations

from datetime import date

import pytest

from selvhjelp_cli.cli import asking
from selvhjelp_cli.core.errors import UserError
from selvhjelp_cli.core.i18n import in_language
from selvhjelp_cli.groupfile import answers

from .conftest import run_cli


def test_an_option_is_read_as_its_answer_would_be():
    assert asking.ask("ja", prompt="?", parse=answers.yes_or_no, flag="--x", no_input=True) is True
    with in_language("nb"), pytest.raises(UserError) as refused:
        asking.ask("kanskje", prompt="?", parse=answers.yes_or_no, flag="--x", no_input=True)
    assert refused.value.message == "--x: Svar ja eller nei."


def test_without_input_a_missing_value_is_named_and_a_default_is_used():
    with in_language("nb"), pytest.raises(UserError) as refused:
        asking.ask(None, prompt="?", parse=answers.text, flag="--name", no_input=True)
    assert refused.value.message == "Mangler --name. Med --no-input må den oppgis som valg."
    assert asking.ask(None, prompt="?", parse=answers.text, flag="--x", no_input=True, default="Ja") == "Ja"
    assert asking.ask(None, prompt="?", parse=answers.text, flag="--x", no_input=True, required=False) is None


def test_relative_dates_count_from_the_day_given():
    assert asking.day_parser(date(2026, 12, 6))("i morgen") == date(2026, 12, 7)


def test_a_prompt_that_gets_no_more_answers_changes_nothing(group_file):
    before = group_file.read_bytes()
    result = run_cli("participant", "add", group_file)  # no input at all: the prompt meets the end
    assert result.exit_code == 2 and "Fikk ikke flere svar. Ingenting er endret." in result.stderr
    assert group_file.read_bytes() == before


def test_a_change_says_what_it_did_and_to_which_file(group_file):
    result = run_cli("meeting", "cancel", group_file, "14.1.2027")
    assert result.stdout.startswith("Møtet 14.1.2027 er avlyst.") and f"({group_file} er oppdatert.)" in result.stdout
