"""Dates and times as Norwegians write them, and the ISO forms the file uses."""

from __future__ import annotations

import re
from datetime import date, time

_NORWEGIAN_DATE = re.compile(r"\s*(\d{1,2})\.(\d{1,2})\.(\d{4})\s*")
_CLOCK = re.compile(r"\s*(\d{1,2})[:.](\d{2})\s*")


def parse_date(text: str) -> date:
    """`2027-01-07`, `7.1.2027` or `07.01.2027`; ValueError otherwise."""
    match = _NORWEGIAN_DATE.fullmatch(text)
    if match:
        day, month, year = (int(g) for g in match.groups())
        return date(year, month, day)
    return date.fromisoformat(text.strip())


def parse_time(text: str) -> time:
    """`18:00` or `18.00`; ValueError otherwise."""
    match = _CLOCK.fullmatch(text)
    if not match:
        raise ValueError("not a time")
    return time(int(match.group(1)), int(match.group(2)))


BABEL_LOCALE = {"nb": "nb_NO", "nn": "nn_NO", "en": "en_GB"}


def format_day(day: date, pattern: str, language: str = "nb") -> str:
    """A date in a CLDR pattern ("EEEE", "full", ...) in the document's language, by Babel."""
    from babel.dates import format_date

    return format_date(day, format=pattern, locale=BABEL_LOCALE[language])


def long_date(day: date, language: str = "nb") -> str:
    """'torsdag 7. januar 2027' (nb/nn) or 'Thursday, 7 January 2027' (en)."""
    return format_day(day, "full", language)


def clock(moment: time) -> str:
    return f"{moment.hour:02d}:{moment.minute:02d}"
