"""Dates and times as Norwegians write them, and the ISO forms the file uses."""

from __future__ import annotations

import re
from datetime import date, time

# The dates a group file and the command line may hold. Birth dates reach back
# to 1900; nothing a group plans lies past 2100. Outside this range the
# calendar and the holiday tables have nothing sensible to say, so such a date
# is refused where it is read instead of failing where it is used.
FIRST_DAY = date(1900, 1, 1)
LAST_DAY = date(2100, 12, 31)


class DateOutOfRange(ValueError):
    """A real date, but outside FIRST_DAY..LAST_DAY."""


_NORWEGIAN_DATE = re.compile(r"\s*(\d{1,2})\.(\d{1,2})\.(\d{4})\s*")
_CLOCK = re.compile(r"\s*(\d{1,2})[:.](\d{2})\s*")


def parse_date(text: str) -> date:
    """`2027-01-07`, `7.1.2027` or `07.01.2027`; ValueError otherwise
    (DateOutOfRange for a real date before 1900 or after 2100)."""
    match = _NORWEGIAN_DATE.fullmatch(text)
    if match:
        day, month, year = (int(g) for g in match.groups())
        value = date(year, month, day)
    else:
        value = date.fromisoformat(text.strip())
    if not FIRST_DAY <= value <= LAST_DAY:
        raise DateOutOfRange(text)
    return value


def parse_time(text: str) -> time:
    """`18:00` or `18.00`; ValueError otherwise."""
    match = _CLOCK.fullmatch(text)
    if not match:
        raise ValueError("not a time")
    return time(int(match.group(1)), int(match.group(2)))


def format_day(day: date, pattern: str, language: str = "nb") -> str:
    """A date in a CLDR pattern ("EEEE", "full", ...) in the document's language, by Babel."""
    from babel.dates import format_date

    from selvhjelp_cli.language import BABEL_LOCALE

    return format_date(day, format=pattern, locale=BABEL_LOCALE[language])


def long_date(day: date, language: str = "nb") -> str:
    """'torsdag 7. januar 2027' (nb/nn) or 'Thursday, 7 January 2027' (en)."""
    return format_day(day, "full", language)


def clock(moment: time) -> str:
    return f"{moment.hour:02d}:{moment.minute:02d}"
