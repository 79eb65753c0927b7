"""groupfile/answers.py: what people type at a prompt, in an option or in a form, read as values – the same
judgement through either door, with a short reason when it is not a value."""

from __future__ import annotations

import datetime as dt

import pytest

from selvhjelp_cli.core.i18n import in_language
from selvhjelp_cli.groupfile import answers


def refused(parse, raw: str, *args) -> str:
    with in_language("nb"), pytest.raises(ValueError) as error:
        parse(raw, *args)
    return str(error.value)


def test_text_is_one_tidy_line_and_never_empty_or_endless():
    assert answers.text("  Kari \t Nilsen ") == "Kari Nilsen"
    assert answers.text("a\nb") == "a b"
    assert answers.text("x" * 200) == "x" * 200
    assert refused(answers.text, "   ") == "Dette feltet må fylles ut."
    assert refused(answers.text, "x" * 201) == "Teksten er for lang (høyst 200 tegn)."
    assert answers.optional_text("  ") is None and answers.optional_text(" a ") == "a"
    assert answers.optional(answers.yes_or_no)(" ") is None and answers.optional(answers.yes_or_no)("ja") is True


def test_a_county_or_municipality_must_exist_and_the_closest_are_offered():
    assert answers.county("Rogaland") == "Rogaland" and answers.county(" rogaland ") == "rogaland"
    with in_language("nb"), pytest.raises(answers.Unknown) as unknown:
        answers.county("Rogalnd")
    assert unknown.value.suggestions[0] == "Rogaland" and str(unknown.value).startswith("Fant ikke det fylket.")
    assert answers.municipality("") is None and answers.municipality("Haugesund") == "Haugesund"
    assert refused(answers.municipality, "Haugsund").startswith("Fant ikke den kommunen. Mente du «Haugesund»")


@pytest.mark.parametrize("raw, value", [("1984", 1984), (" 1900 ", 1900), ("2100", 2100),
                                        ("17.5.1984", dt.date(1984, 5, 17)), ("1984-05-17", dt.date(1984, 5, 17))])
def test_a_birth_year_or_date(raw, value):
    assert answers.birth(raw) == value


@pytest.mark.parametrize("raw, reason", [("1899", "Skriv et fødselsår mellom 1900 og 2100."),
                                         ("2101", "Skriv et fødselsår mellom 1900 og 2100."),
                                         ("17.5", "Skriv et fødselsår (1984) eller en dato (17.5.1984)."),
                                         ("84", "Skriv et fødselsår (1984) eller en dato (17.5.1984)."),
                                         ("", "Skriv et fødselsår (1984) eller en dato (17.5.1984).")])
def test_a_birth_that_cannot_be_read_says_how_to_write_it(raw, reason):
    assert refused(answers.birth, raw) == reason


@pytest.mark.parametrize("raw, value", [("j", True), ("Ja", True), ("y", True), ("YES", True), ("n", False),
                                        ("nei", False), ("No ", False)])
def test_yes_or_no(raw, value):
    assert answers.yes_or_no(raw) is value


def test_neither_yes_nor_no_asks_again():
    assert refused(answers.yes_or_no, "kanskje") == "Svar ja eller nei."


@pytest.mark.parametrize("raw, value", [("f", "physical"), ("Fysisk", "physical"), ("in-person", "physical"),
                                        ("i", "physical"), ("d", "digital"), ("digitalt", "digital"),
                                        ("video", "digital"), ("Online", "digital"), ("o", "digital")])
def test_physical_or_digital_in_the_words_people_use(raw, value):
    assert answers.mode(raw) == value


def test_another_mode_is_refused():
    assert refused(answers.mode, "telefon") == "Svar f (fysisk) eller d (digital)."


def test_a_date_relative_to_today_and_the_reason_when_it_is_not_one():
    today = dt.date(2026, 12, 6)
    assert answers.date("i morgen", today) == dt.date(2026, 12, 7)
    assert answers.date("7.1", today) == dt.date(2027, 1, 7)
    assert refused(answers.date, "31.2.2027", today) == "Den datoen finnes ikke. Sjekk dag og måned."
    assert refused(answers.date, "1.1.1800", today) == "Datoen må ligge mellom 1900 og 2100."
    assert refused(answers.date, "snart", today) == "Skriv datoen som 7.1.2027, 7. januar 2027 eller 2027-01-07."


def test_a_time():
    assert answers.clock("18.30") == dt.time(18, 30)
    assert refused(answers.clock, "halv sju") == "Skriv klokkeslettet som 18.00 eller 18:00."


def test_a_number_in_the_range_the_group_file_allows():
    duration = answers.number("duration_minutes")
    assert duration("120") == 120
    assert refused(duration, "5") == refused(duration, "1000") == refused(duration, "to")
    assert refused(duration, "5").startswith("Skriv et helt tall fra ")
    assert answers.number("meetings", "Starter")("3") == 3
