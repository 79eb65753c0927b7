"""The language the program speaks, and its message catalogues.

Messages are written in bokmål in the code: the bokmål text is the gettext
message id, so bokmål needs no catalogue. Nynorsk and English come from
`locale/<language>/LC_MESSAGES/selvhjelp.mo`, compiled by Babel from the
`.po` files beside them (see scripts/catalogues.py).

The language is set once per run by entry.run() from the environment:
SELVHJELP_LANG, else LC_ALL, LC_MESSAGES, LANG and LANGUAGE, the first one
that is set. It is a context variable, so that the app answers each request
in that request's language (two tabs in two languages never mix). Text for a
module-level constant is marked with N_() and translated where it is shown, so that a later run in another language (the
test suite runs many in one process) sees its own language.
"""

from __future__ import annotations

import os
import sys
from contextvars import ContextVar

LANGUAGES = ("nb", "nn", "en")
_LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE")
# What people write for the three languages, besides their codes.
LANGUAGE_NAMES = {"bokmål": "nb", "bokmal": "nb", "norsk": "nb", "norwegian": "nb", "no": "nb", "nynorsk": "nn",
                  "engelsk": "en", "english": "en"}

_current: ContextVar[str | None] = ContextVar("selvhjelp_language", default=None)
_catalogues: dict = {}


def language_of(value: str) -> str:
    """The language a locale name or a language name stands for: nn_NO.UTF-8 → nn, C → nb."""
    first = value.split(":", 1)[0].strip().casefold()
    if first in LANGUAGE_NAMES:
        return LANGUAGE_NAMES[first]
    code = first.replace("-", "_").split(".", 1)[0].split("@", 1)[0].split("_", 1)[0]
    if code == "nn" or first.startswith("norwegian nynorsk"):
        return "nn"
    if code == "en" or first.startswith("english"):
        return "en"
    return "nb"  # nb, no, C, POSIX and every language we do not speak


def language_from_environment(environ=None) -> str:
    environ = os.environ if environ is None else environ
    for name in ("SELVHJELP_LANG", *_LOCALE_VARIABLES):
        value = environ.get(name, "").strip()
        if value:
            return language_of(value)
    if sys.platform == "win32":
        # Windows sets no locale variables; its own setting is what the user chose.
        import locale

        return language_of(locale.getlocale()[0] or "")
    return "nb"


def set_language(language: str | None = None) -> str:
    """Speak `language` (nb, nn, en), or the environment's language when None."""
    chosen = language if language in LANGUAGES else language_from_environment()
    _current.set(chosen)
    return chosen


def current(chosen: str | None = None) -> str:
    """`chosen` (a document's own language) if given, else the language the program speaks."""
    if chosen:
        return chosen
    language = _current.get()
    return language if language is not None else set_language()


def _catalogue(language: str):
    found = _catalogues.get(language)
    if found is None:
        import gettext as gnu

        from selvhjelp_cli.core.resources import locale_dir

        try:
            with (locale_dir() / language / "LC_MESSAGES" / "selvhjelp.mo").open("rb") as mo:
                found = gnu.GNUTranslations(mo)
        except OSError:
            found = gnu.NullTranslations()
        _catalogues[language] = found
    return found


def gettext(message: str) -> str:
    language = current()
    if language == "nb" or not message:
        return message
    return _catalogue(language).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    language = current()
    if language == "nb":
        return singular if n == 1 else plural
    return _catalogue(language).ngettext(singular, plural, n)


_ = gettext


def N_(message: str) -> str:  # noqa: N802 - the name xgettext and Babel look for
    """Marks text for the catalogues without translating it yet (module-level constants)."""
    return message


class in_language:  # noqa: N801 - used as a function: `with in_language("nn"):`
    """Speak `language` inside the with-block (a file written in a group's language), then as before."""

    def __init__(self, language: str) -> None:
        self.language = language

    def __enter__(self) -> None:
        self.token = _current.set(self.language)

    def __exit__(self, *_exc) -> None:
        _current.reset(self.token)


# For text that is already in the catalogues by its own N_() (a looked-up
# constant): the extractor does not read this name, so it adds nothing.
translate = gettext
