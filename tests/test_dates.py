"""core/dates.py: dates and times as people write them, and as Språkrådet and CLDR print them."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from selvhjelp_cli.core.dates import (
    DateDoesNotExist,
    DateOutOfRange,
    clock,
    long_date,
    parse_date,
    parse_time,
    plain_date,
    short_date,
)

TODAY = date(2026, 12, 6)  # a Sunday


@pytest.mark.parametrize("text, expected", [
    ("2027-01-07", date(2027, 1, 7)), ("2027-1-7", date(2027, 1, 7)), ("7.1.2027", date(2027, 1, 7)),
    ("07.01.2027", date(2027, 1, 7)), ("7.1.27", date(2027, 1, 7)), ("7.1", date(2027, 1, 7)),
    ("7.1.", date(2027, 1, 7)), ("24.12", date(2026, 12, 24)), ("7. januar 2027", date(2027, 1, 7)),
    ("7 jan", date(2027, 1, 7)), ("7. Januar", date(2027, 1, 7)), ("i dag", TODAY), ("idag", TODAY),
    ("i morgen", date(2026, 12, 7)), ("i morgon", date(2026, 12, 7)), ("i overmorgen", date(2026, 12, 8)),
    ("torsdag", date(2026, 12, 10)), ("neste torsdag", date(2026, 12, 10)), ("søndag", date(2026, 12, 13)),
    ("på mandag", date(2026, 12, 7)), ("7 January 2027", date(2027, 1, 7)), ("January 7, 2027", date(2027, 1, 7)),
    ("january 7th", date(2027, 1, 7)), ("today", TODAY), ("tomorrow", date(2026, 12, 7)),
    ("next Thursday", date(2026, 12, 10)), ("  7.1.2027  ", date(2027, 1, 7)),
])
def test_a_date_as_people_write_it(text, expected):
    assert parse_date(text, TODAY) == expected


def test_a_day_and_month_without_a_year_is_the_next_such_day():
    assert parse_date("6.12", TODAY) == TODAY  # today itself is not gone by
    assert parse_date("5.12", TODAY) == date(2027, 12, 5)
    assert parse_date("29.2", TODAY) == date(2028, 2, 29)  # the next leap year


@pytest.mark.parametrize("text", ["31.2.2027", "30. februar 2027", "2027-02-29", "29.2.2027"])
def test_a_day_that_does_not_exist_is_said_to_be_so(text):
    with pytest.raises(DateDoesNotExist):
        parse_date(text, TODAY)


@pytest.mark.parametrize("text", ["1.1.1899", "1.1.2101", "1899-12-31"])
def test_dates_far_from_now_are_out_of_range(text):
    with pytest.raises(DateOutOfRange):
        parse_date(text, TODAY)
    assert parse_date("1.1.1900", TODAY) == date(1900, 1, 1) and parse_date("31.12.2100", TODAY) == date(2100, 12, 31)


@pytest.mark.parametrize("text", ["", "snart", "neste", "32.1.2027", "7/1/2027", "torsdag neste", "7.13"])
def test_what_is_not_a_date_is_refused(text):
    with pytest.raises(ValueError):
        parse_date(text, TODAY)


@pytest.mark.parametrize("text", ["7.1", "i morgen", "torsdag", "7. januar 2027", "7.1.27"])
def test_a_group_file_takes_only_dates_that_mean_the_same_next_year(text):
    with pytest.raises(ValueError):
        parse_date(text, TODAY, strict=True)
    assert parse_date("7.1.2027", TODAY, strict=True) == parse_date("2027-01-07", TODAY, strict=True)


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)))
def test_every_date_reads_back_from_how_it_is_written(day):
    assert parse_date(day.isoformat(), TODAY) == day
    assert parse_date(short_date(day, "nb"), TODAY) == day


@pytest.mark.parametrize("text, expected", [("18:00", time(18)), ("18.30", time(18, 30)), ("18", time(18)),
                                            ("kl 18", time(18)), ("kl. 18.30", time(18, 30)), ("9", time(9))])
def test_a_time_as_people_write_it(text, expected):
    assert parse_time(text) == expected


@pytest.mark.parametrize("text", ["", "18:0", "halv sju", "25:00", "18:60", "18-00"])
def test_what_is_not_a_time_is_refused(text):
    with pytest.raises(ValueError):
        parse_time(text)


def test_dates_and_times_are_printed_as_each_language_writes_them():
    day = date(2027, 1, 7)
    assert long_date(day, "nb") == "torsdag 7. januar 2027"
    assert long_date(day, "nn") == "torsdag 7. januar 2027"
    assert long_date(day, "en") == "Thursday, 7 January 2027"
    assert plain_date(day, "nb") == "7. januar 2027" and plain_date(day, "en") == "7 January 2027"
    assert short_date(day, "nb") == "7.1.2027" and short_date(day, "nn") == "7.1.2027"
    assert short_date(day, "en") == "7 Jan 2027"
    assert clock(time(18), "nb") == "18.00" and clock(time(9, 5), "en") == "09:05"
    assert clock(datetime(2027, 1, 7, 17, 30), "nn") == "17.30"
