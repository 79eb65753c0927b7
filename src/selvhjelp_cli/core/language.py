"""The languages documents are printed in, and the words people use for them."""

from __future__ import annotations

from selvhjelp_cli.core.i18n import LANGUAGE_NAMES, LANGUAGES, _

BABEL_LOCALE = {"nb": "nb_NO", "nn": "nn_NO", "en": "en_GB"}


def parse_language(raw: str) -> str:
    """'nb', 'nn' or 'en' from a code or a name; ValueError otherwise."""
    value = raw.strip().casefold()
    value = LANGUAGE_NAMES.get(value, value)
    if value not in LANGUAGES:
        raise ValueError(_("Svar nb (bokmål), nn (nynorsk) eller en (engelsk)."))
    return value
