"""What people type, read as values: one parser per kind of answer.

Each parser turns the text a person typed (at a prompt, in an option, in a
form field) into a value, or raises ValueError with a short reason in the
reader's language. The command line and the app use the same parsers, so a
value is judged the same way whichever door it came through.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from selvhjelp_cli.core.dates import DateDoesNotExist, DateOutOfRange, parse_date, parse_time
from selvhjelp_cli.core.errors import did_you_mean
from selvhjelp_cli.core.i18n import _

# Longer than any name or place a person types; the file itself allows a little more (model.Text).
MAX_TEXT = 200


def text(raw: str) -> str:
    """Text on one line, its spaces tidied; never empty."""
    value = " ".join(raw.split())
    if not value:
        raise ValueError(_("Dette feltet må fylles ut."))
    if len(value) > MAX_TEXT:
        raise ValueError(_("Teksten er for lang (høyst 200 tegn)."))
    return value


def optional_text(raw: str) -> str | None:
    return text(raw) if raw.strip() else None


def optional(parse: Callable[[str], object]) -> Callable[[str], object]:
    """The parser, except that an empty answer is None."""
    return lambda raw: parse(raw) if raw.strip() else None


class Unknown(ValueError):
    """An answer we do not know, with the closest ones we do (the best first)."""

    def __init__(self, message: str, suggestions: list[str]) -> None:
        super().__init__(message + did_you_mean(suggestions))
        self.suggestions = suggestions


def county(raw: str) -> str:
    from selvhjelp_cli.places import districts

    value = text(raw)
    if not districts.find_county(value):
        raise Unknown(_("Fant ikke det fylket."), districts.suggest_county(value))
    return value


def municipality(raw: str, county: str | None = None) -> str | None:
    """A municipality, or None for an empty answer; `county` (already answered) narrows the suggestions."""
    from selvhjelp_cli.places import districts

    value = optional_text(raw)
    if value and not districts.find_municipality(value):
        raise Unknown(_("Fant ikke den kommunen."), districts.suggest_municipality(value, county=county))
    return value


def birth(raw: str) -> int | dt.date:
    """A birth year (1984) or a birth date (17.5.1984)."""
    value = raw.strip()
    if value.isdigit() and len(value) == 4:
        year = int(value)
        if not 1900 <= year <= 2100:
            raise ValueError(_("Skriv et fødselsår mellom 1900 og 2100."))
        return year
    try:
        return parse_date(value, strict=True)  # a birth date is never "the next 17 May"
    except ValueError:
        raise ValueError(_("Skriv et fødselsår (1984) eller en dato (17.5.1984).")) from None


def yes_or_no(raw: str) -> bool:
    value = raw.strip().casefold()
    if value in {"j", "ja", "y", "yes"}:
        return True
    if value in {"n", "nei", "no"}:
        return False
    raise ValueError(_("Svar ja eller nei."))


def mode(raw: str) -> str:
    """physical or digital, from the words people use for them."""
    value = raw.strip().casefold()
    value = " ".join(value.replace("-", " ").split())
    # Norwegian letters and words, and English words for newcomers to Norway.
    if value in {"f", "fysisk", "physical", "in person", "person", "i"}:
        return "physical"
    if value in {"d", "digital", "digitalt", "video", "online", "o"}:
        return "digital"
    raise ValueError(_("Svar f (fysisk) eller d (digital)."))


def date(raw: str, today: dt.date | None = None) -> dt.date:
    """A date as people type it (7.1.2027, 7. januar, i morgen, neste torsdag), relative to today."""
    try:
        return parse_date(raw, today)
    except DateOutOfRange:
        raise ValueError(_("Datoen må ligge mellom 1900 og 2100.")) from None
    except DateDoesNotExist:
        raise ValueError(_("Den datoen finnes ikke. Sjekk dag og måned.")) from None
    except ValueError:
        raise ValueError(_("Skriv datoen som 7.1.2027, 7. januar 2027 eller 2027-01-07.")) from None


def clock(raw: str) -> dt.time:
    try:
        return parse_time(raw)
    except ValueError:
        raise ValueError(_("Skriv klokkeslettet som 18.00 eller 18:00.")) from None


def number(field: str, owner: str = "Schedule") -> Callable[[str], int]:
    """A parser for a whole number in the range the group file allows for `field` of `owner`."""
    from selvhjelp_cli.groupfile import model

    low, high = model.field_range(getattr(model, owner), field)

    def parse(raw: str) -> int:
        value = raw.strip()
        if not value.isdigit() or not low <= int(value) <= high:
            raise ValueError(_("Skriv et helt tall fra {low} til {high}.").format(low=low, high=high))
        return int(value)

    return parse
