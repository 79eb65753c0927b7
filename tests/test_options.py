"""cli/options.py: what every command's options accept, and the one message each refusal gives."""

from __future__ import annotations

from datetime import date

import pytest

from selvhjelp_cli.cli import options
from selvhjelp_cli.core.errors import UserError
from selvhjelp_cli.core.i18n import in_language


def message(function, *args, **kwargs) -> str:
    with in_language("nb"), pytest.raises(UserError) as refused:
        function(*args, **kwargs)
    return refused.value.message


def test_a_choice_names_every_value_and_the_closest():
    assert options.choice("json", ("text", "json"), "--format") == "json"
    assert message(options.choice, "jsn", ("text", "json"), "--format") == (
        "Ugyldig verdi for --format. Gyldige verdier: text, json. Mente du «json»?")
    assert message(options.choice, "xml", ("text", "json"), "--format") == (
        "Ugyldig verdi for --format. Gyldige verdier: text, json.")


@pytest.mark.parametrize("given, expected", [(None, None), ("1", 1), (" 12 ", 12), ("500", 500)])
def test_a_whole_number_within_its_bounds(given, expected):
    assert options.whole_number(given, "--count", 1, 500) == expected


@pytest.mark.parametrize("given", ["0", "501", "-1", "1.5", "tolv", "", "1e3"])
def test_anything_else_is_refused_with_the_bounds(given):
    assert message(options.whole_number, given, "--count", 1, 500) == "--count må være et helt tall fra 1 til 500."


def test_a_date_option_says_which_option_and_why():
    assert options.day(None, "--date") is None
    assert options.day("i morgen", "--date", today=date(2026, 12, 6)) == date(2026, 12, 7)
    assert message(options.day, "31.2.2027", "--date") == "--date: Den datoen finnes ikke. Sjekk dag og måned."
    assert message(options.day, "1.1.1800", "--date") == "--date må være en dato mellom 1900 og 2100."
    assert message(options.day, "snart", "--date").startswith("--date må være en dato, for eksempel 2027-01-07")


def test_today_takes_only_a_full_date():
    assert options.today("2027-01-07") == date(2027, 1, 7)
    assert options.today(None) == date.today()
    assert message(options.today, "i morgen").startswith("--today må være en dato")


@pytest.mark.parametrize("given, expected", [(None, None), ("nb", "nb"), ("NN", "nn"), ("bokmål", "nb"),
                                             ("nynorsk", "nn"), ("engelsk", "en"), ("English", "en")])
def test_a_language_by_code_or_name(given, expected):
    assert options.language(given) == expected


def test_an_unknown_language_names_the_choices():
    assert message(options.language, "svensk").startswith("Ugyldig verdi for --lang. Gyldige verdier: nb, nn, en")
