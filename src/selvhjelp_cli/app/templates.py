"""The app's Jinja environment: templates/app/, escaped everywhere, words through the catalogues."""

from __future__ import annotations

from functools import cache


@cache
def environment():
    import jinja2

    from selvhjelp_cli.core.dates import long_date, short_date
    from selvhjelp_cli.core.i18n import gettext, ngettext
    from selvhjelp_cli.core.resources import templates_dir

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates_dir() / "app")),
        autoescape=True,  # every value from a file is text, never markup
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(_=gettext, ngettext=ngettext)
    env.filters.update(long_date=long_date, short_date=short_date)
    return env
