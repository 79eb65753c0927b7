"""The languages documents are printed in, and the words people use for them."""

from __future__ import annotations

from selvhjelp_cli.i18n import _

LANGUAGES = ("nb", "nn", "en")
BABEL_LOCALE = {"nb": "nb_NO", "nn": "nn_NO", "en": "en_GB"}
_ALIASES = {"bokmål": "nb", "bokmal": "nb", "nynorsk": "nn", "engelsk": "en", "english": "en", "no": "nb"}


def parse_language(raw: str) -> str:
    """'nb', 'nn' or 'en' from a code or a name; ValueError otherwise."""
    value = raw.strip().casefold()
    value = _ALIASES.get(value, value)
    if value not in LANGUAGES:
        raise ValueError(_("Svar nb (bokmål), nn (nynorsk) eller en (engelsk)."))
    return value
