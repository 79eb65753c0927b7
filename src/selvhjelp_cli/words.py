"""Lists in running text: «a, b og c», «a, b eller c» (CLDR's rules, through Babel)."""

from __future__ import annotations

from collections.abc import Iterable


def join(items: Iterable[str], *, style: str = "and", locale: str = "nb_NO") -> str:
    """'a, b og c' (style 'and') or 'a, b eller c' (style 'or')."""
    listed = list(items)
    if len(listed) < 2:
        return "".join(listed)
    from babel.lists import format_list

    return format_list(listed, style="standard" if style == "and" else style, locale=locale)


_NUMBER_WORDS = ("null", "ett", "to", "tre", "fire", "fem", "seks", "sju", "åtte", "ni", "ti", "elleve", "tolv")


def number_word(n: int) -> str:
    """Whole numbers up to twelve in words, as Norwegian running text writes them; digits above."""
    return _NUMBER_WORDS[n] if 0 <= n < len(_NUMBER_WORDS) else str(n)
