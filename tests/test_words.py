"""core/words.py: lists, counts, ordinals and amounts in running text."""

from __future__ import annotations

import pytest

from selvhjelp_cli.core.i18n import in_language
from selvhjelp_cli.core.words import digits, every_weeks, join, kroner, number, ordinal_word


@pytest.mark.parametrize("items, language, style, expected", [
    ([], "nb", "and", ""), (["Ola"], "nb", "and", "Ola"), (["Ola", "Kari"], "nb", "and", "Ola og Kari"),
    (["Ola", "Kari", "Per"], "nb", "and", "Ola, Kari og Per"), (["Ola", "Kari"], "nb", "or", "Ola eller Kari"),
    (["Ola", "Kari", "Per"], "en", "and", "Ola, Kari and Per"), (["Ola", "Kari"], "en", "or", "Ola or Kari"),
    (["Ola", "Kari"], "nn", "and", "Ola og Kari"),
])
def test_a_list_in_running_text(items, language, style, expected):
    with in_language(language):
        assert join(items, style=style) == expected


def test_a_list_may_be_joined_in_another_language_than_the_program_s():
    with in_language("nb"):
        assert join(["a", "b"], locale="en_GB") == "a and b"


@pytest.mark.parametrize("n, language, expected", [(1, "nb", "1"), (2, "nb", "to"), (7, "nn", "sju"),
                                                   (12, "en", "twelve"), (13, "nb", "13"), (0, "nb", "0")])
def test_counts_from_two_to_twelve_are_words(n, language, expected):
    assert number(n, language) == expected


def test_ordinals_and_rhythms():
    assert ordinal_word(3, "nb") == "tredje" and ordinal_word(3, "en") == "third"
    assert ordinal_word(14, "nb") == "14." and ordinal_word(14, "en") == "14th"
    with in_language("nb"):
        assert every_weeks(2) == "annenhver uke" and every_weeks(3) == "hver tredje uke"
    with in_language("nn"):
        assert every_weeks(2) == "annakvar veke" and every_weeks(4) == "kvar fjerde veke"
    with in_language("en"):
        assert every_weeks(2) == "every other week" and every_weeks(3) == "every third week"


def test_numbers_and_amounts_never_break_over_a_line():
    assert digits(2980, "nb") == "2\u00a0980" and digits(2980, "en") == "2,980" and digits(50, "nb") == "50"
    assert kroner(1, "nb") == "1\u00a0krone" and kroner(1500, "nb") == "1\u00a0500\u00a0kroner"
    assert kroner(50, "en") == "NOK\u00a050"


@pytest.mark.parametrize("language", ["nb", "nn", "en"])
def test_digits_say_what_babel_says_for_every_small_number_too(language):
    from babel.numbers import format_decimal

    from selvhjelp_cli.core.language import BABEL_LOCALE

    for n in [*range(1100), 12_345, 1_000_000]:
        expected = format_decimal(n, locale=BABEL_LOCALE[language]).replace("\u202f", "\u00a0").replace(" ", "\u00a0")
        assert digits(n, language) == expected, n
