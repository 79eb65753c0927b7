"""Lists in running text («a, b og c», CLDR's rules through Babel) and ordinal words."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

from selvhjelp_cli.core.i18n import current


def join(items: Iterable[str], *, style: Literal["and", "or"] = "and", locale: str | None = None) -> str:
    """'a, b og c' (style 'and') or 'a, b eller c' (style 'or'), in the program's language unless told."""
    listed = list(items)
    if len(listed) < 2:
        return "".join(listed)
    from babel.lists import format_list

    if locale is None:
        from selvhjelp_cli.core.language import BABEL_LOCALE

        locale = BABEL_LOCALE[current()]

    return format_list(listed, style="or" if style == "or" else "standard", locale=locale)


_ORDINAL_WORDS = {"nb": ("", "første", "andre", "tredje", "fjerde", "femte", "sjette", "sjuende", "åttende", "niende",
                         "tiende", "ellevte", "tolvte"),
                  "nn": ("", "første", "andre", "tredje", "fjerde", "femte", "sjette", "sjuande", "åttande", "niande",
                         "tiande", "ellevte", "tolvte"),
                  "en": ("", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
                         "tenth", "eleventh", "twelfth")}


def ordinal_word(n: int, language: str | None = None) -> str:
    """'tredje' (third) for 3, in words up to twelve; '13.' (13th) above, as running text writes them."""
    language = current(language)
    words = _ORDINAL_WORDS[language]
    if 0 < n < len(words):
        return words[n]
    return f"{n}th" if language == "en" else f"{n}."


def every_weeks(n: int) -> str:
    """'annenhver uke', 'hver tredje uke' (every n weeks, n >= 2), in the program's language."""
    from selvhjelp_cli.core.i18n import _

    if n == 2:
        return _("annenhver uke")
    return _("hver {ordinal} uke").format(ordinal=ordinal_word(n))


def digits(n: int, language: str | None = None) -> str:
    """A number in digits, grouped as the language writes it («2 980», «2,980»), never broken over a line."""
    if type(n) is int and 0 <= n < 1000:
        return str(n)  # nothing to group: Babel's locale data (tens of milliseconds to load) is not needed
    from babel.numbers import format_decimal

    from selvhjelp_cli.core.language import BABEL_LOCALE

    grouped = format_decimal(n, locale=BABEL_LOCALE[current(language)])
    return grouped.replace("\u202f", "\u00a0").replace(" ", "\u00a0")


def kroner(amount: int, language: str | None = None) -> str:
    """An amount of money as running text writes it: '1 krone', '1 500 kroner', 'NOK 50'."""
    language = current(language)
    if language == "en":
        return f"NOK\u00a0{digits(amount, language)}"
    return f"{digits(amount, language)}\u00a0{'krone' if amount == 1 else 'kroner'}"


_NUMBER_WORDS = {"nb": ("", "", "to", "tre", "fire", "fem", "seks", "sju", "åtte", "ni", "ti", "elleve", "tolv"),
                 "nn": ("", "", "to", "tre", "fire", "fem", "seks", "sju", "åtte", "ni", "ti", "elleve", "tolv"),
                 "en": ("", "", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
                        "twelve")}


def number(n: int, language: str | None = None) -> str:
    """A count in running text: in words from two to twelve, as Språkrådet writes it, digits otherwise.

    One is left to the sentence (ngettext's singular), whose gender it takes."""
    words = _NUMBER_WORDS[current(language)]
    return words[n] if 2 <= n < len(words) else str(n)
