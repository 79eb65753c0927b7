"""The app's Jinja environment: templates/app/, escaped everywhere, words through the catalogues."""

from __future__ import annotations

from datetime import date
from functools import cache


def _pair(value):
    """A choice whose value is what it shows (a participant's name)."""
    return (value, value)


def _zip_names(values, names):
    return zip(values, names, strict=True)


def _document_name(kind: str, names: dict) -> str:
    from selvhjelp_cli.core.i18n import gettext

    return gettext(names[kind])


def _names_in_order(names: dict):
    """(key, translated text) for a dict of catalogued texts, in its own order."""
    from selvhjelp_cli.core.i18n import gettext

    return [(key, gettext(text)) for key, text in names.items()]


def _long_date_iso(value: str) -> str:
    from selvhjelp_cli.core.dates import long_date

    return long_date(date.fromisoformat(value))


@cache
def environment():
    import jinja2

    from selvhjelp_cli.core.dates import long_date, short_date
    from selvhjelp_cli.core.files import compiled_templates
    from selvhjelp_cli.core.i18n import gettext, ngettext
    from selvhjelp_cli.core.resources import templates_dir
    from selvhjelp_cli.core.words import digits

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates_dir() / "app")),
        bytecode_cache=compiled_templates(),
        autoescape=True,  # every value from a file is text, never markup
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(_=gettext, ngettext=ngettext)
    env.filters.update(long_date=long_date, short_date=short_date, pair=_pair, zip_names=_zip_names,
                       document_name=_document_name, dictsort_names=_names_in_order, long_date_iso=_long_date_iso,
                       grouped=digits)
    return env
