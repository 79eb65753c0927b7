"""Dates and times as Norwegians write them, and the ISO forms the file uses."""

from __future__ import annotations

import re
from datetime import date, datetime, time
from functools import cache

from selvhjelp_cli.core.i18n import current

# The dates a group file and the command line may hold. Birth dates reach back
# to 1900; nothing a group plans lies past 2100. Outside this range the
# calendar and the holiday tables have nothing sensible to say, so such a date
# is refused where it is read instead of failing where it is used.
FIRST_DAY = date(1900, 1, 1)
LAST_DAY = date(2100, 12, 31)


class DateOutOfRange(ValueError):
    """A real date, but outside FIRST_DAY..LAST_DAY."""


class DateDoesNotExist(ValueError):
    """Day and month that no calendar has, such as 31.2."""


_NUMERIC = re.compile(r"(\d{1,2})\.(\d{1,2})\.?(?:(\d{4}|\d{2}))?")
_WORDS = re.compile(r"(\d{1,2})\.? *([a-zæøå]+)\.?(?: +(\d{4}))?")
_RELATIVE = {"i dag": 0, "idag": 0, "i morgen": 1, "i morgon": 1, "imorgen": 1, "i overmorgen": 2,
             "i overmorgon": 2, "today": 0, "tomorrow": 1, "the day after tomorrow": 2}
# English months come after the day too («7 January 2027») or before it («January 7, 2027»).
_MONTH_FIRST = re.compile(r"([a-z]+)\.? +(\d{1,2})(?:st|nd|rd|th)?,?(?: +(\d{4}))?")


@cache
def _names() -> tuple[dict[str, int], dict[str, int]]:
    """Month and weekday names people type, in bokmål, nynorsk and English, from Babel's locale data."""
    from babel import Locale

    months: dict[str, int] = {}
    weekdays: dict[str, int] = {}
    for code in ("en", "nn", "nb"):
        locale = Locale.parse(code)
        for width in ("wide", "abbreviated"):
            months.update({name.rstrip(".").casefold(): number
                           for number, name in locale.months["format"][width].items()})
        weekdays.update({name.casefold(): number for number, name in locale.days["format"]["wide"].items()})
    return months, weekdays


def _whole(year: int | None, month: int, day: int, today: date | None) -> date:
    """A date from its parts; without a year, the next such day from today on."""
    import calendar

    if not 1 <= month <= 12 or not 1 <= day <= calendar.monthrange(year or 2028, month)[1]:
        raise DateDoesNotExist(f"{day}.{month}")
    if year is not None:
        return date(year, month, day)
    base = today or date.today()
    found = date(base.year, month, day) if (month, day) != (2, 29) or calendar.isleap(base.year) else None
    if found is None or found < base:
        year = base.year + 1
        while (month, day) == (2, 29) and not calendar.isleap(year):
            year += 1
        found = date(year, month, day)
    return found


_FULL = re.compile(r"\d{4}-\d{1,2}-\d{1,2}|\d{1,2}\.\d{1,2}\.\d{4}")
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")


def parse_date(text: str, today: date | None = None, *, strict: bool = False) -> date:
    """A date as people write it: 2027-01-07, 7.1.2027, 07.01.2027, 7.1.27, 7.1,
    7. januar 2027, 7 jan, i dag, i morgen, (neste) torsdag; in English also
    7 January 2027, January 7, 2027, today, tomorrow, (next) Thursday.

    ValueError otherwise; DateDoesNotExist for 31.2.2027; DateOutOfRange for a
    real date before 1900 or after 2100. Relative words count from `today`.
    With strict (a group file, which must mean the same next year), only
    2027-01-07 and 7.1.2027 are dates.
    """
    from datetime import timedelta

    raw = " ".join(text.split()).casefold()
    if strict and not _FULL.fullmatch(raw):
        raise ValueError(text)
    base = today or date.today()
    value = None
    if raw in _RELATIVE:
        value = base + timedelta(days=_RELATIVE[raw])
    elif match := _NUMERIC.fullmatch(raw):
        day, month, year = match.groups()
        full_year = None if year is None else int(year) + (2000 if len(year) == 2 else 0)
        value = _whole(full_year, int(month), int(day), today)
    elif match := _ISO.fullmatch(raw):
        value = _whole(int(match.group(1)), int(match.group(2)), int(match.group(3)), today)
    else:
        # Names of months and weekdays come from Babel's locale data, loaded only for a date written in words.
        months, weekdays = _names()
        if (words := raw.split()) and words[-1] in weekdays and (
                len(words) == 1 or words[:-1] in (["neste"], ["på"], ["next"], ["on"], ["this"])):
            ahead = (weekdays[words[-1]] - base.weekday()) % 7 or 7
            value = base + timedelta(days=ahead)
        elif (match := _WORDS.fullmatch(raw.replace(",", ""))) and match.group(2) in months:
            day, name, year = match.groups()
            value = _whole(int(year) if year else None, months[name], int(day), today)
        elif (match := _MONTH_FIRST.fullmatch(raw)) and match.group(1) in months:
            name, day, year = match.groups()
            value = _whole(int(year) if year else None, months[name], int(day), today)
        else:
            value = date.fromisoformat(raw)
    if not FIRST_DAY <= value <= LAST_DAY:
        raise DateOutOfRange(text)
    return value


_CLOCK = re.compile(r"(?:kl\.? *)?(\d{1,2})(?:[:.](\d{2}))?")


def parse_time(text: str) -> time:
    """18:00, 18.00, 18, kl 18 or kl. 18.30; ValueError otherwise."""
    match = _CLOCK.fullmatch(" ".join(text.split()).casefold())
    if not match:
        raise ValueError("not a time")
    return time(int(match.group(1)), int(match.group(2) or 0))


def format_day(day: date, pattern: str, language: str | None = None) -> str:
    """A date in a CLDR pattern ("EEEE", "full", ...) in the given language (else the program's), by Babel."""
    from babel.dates import format_date

    from selvhjelp_cli.core.language import BABEL_LOCALE

    return format_date(day, format=pattern, locale=BABEL_LOCALE[current(language)])


def long_date(day: date, language: str | None = None) -> str:
    """'torsdag 7. januar 2027' (nb/nn) or 'Thursday, 7 January 2027' (en)."""
    return format_day(day, "full", language)


def plain_date(day: date, language: str | None = None) -> str:
    """'7. januar 2027' (nb/nn) or '7 January 2027' (en): a date without its weekday."""
    return format_day(day, "d MMMM y" if current(language) == "en" else "d. MMMM y", language)


def short_date(day: date, language: str | None = None) -> str:
    """7.1.2027, as Norwegians write a date in running text; 7 Jan 2027 in English (7/1 is read both ways)."""
    if current(language) == "en":
        return format_day(day, "d MMM y", "en")
    return f"{day.day}.{day.month}.{day.year}"


def clock(moment: time | datetime, language: str | None = None) -> str:
    """18.00 as Språkrådet writes it (18:00 in English)."""
    separator = ":" if current(language) == "en" else "."
    return f"{moment.hour:02d}{separator}{moment.minute:02d}"
