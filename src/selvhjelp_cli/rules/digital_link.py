"""A digital group needs the link to its meeting room before the first meeting."""

from __future__ import annotations

from collections.abc import Iterator

from selvhjelp_cli.core.i18n import N_, _
from selvhjelp_cli.rules.findings import Context, Example, Finding, Severity

ID = "digital-link"
SEVERITY: Severity = "info"
SUMMARY = N_("En digital gruppe har ikke lenke til møterommet ennå.")
# What needs following up, in a word (the overview and the app).
TITLE = N_("lenke til møterommet")
# Why the framework says so, for people who never see the file (the app).
WHY = N_("En digital gruppe trenger en fast lenke til møterommet, og alle bør få den i god tid før første møte, så "
         "de kan prøve teknikken på forhånd.")
EXPLANATION = N_("""\
En digital gruppe trenger en fast lenke til møterommet, og alle bør få den i god tid
før første møte, så de kan prøve teknikken på forhånd og føle seg trygge. Legg lenken
inn under «online.url» når den er klar.
""")


EXAMPLES = (
    Example("mode: digital\nvenue:\nonline:\n  platform: Whereby\n", ("info",),
            says="Gruppa møtes digitalt, men har ingen lenke til møterommet («online.url») ennå."),
    Example("mode: digital\nvenue:\nonline:\n  platform: Whereby\n  url: https://whereby.com/x\n"),
    Example("online:\n  platform: Whereby\n"),  # a physical group with a spare online block
)


def check(ctx: Context) -> Iterator[Finding]:
    group = ctx.group
    if group.mode == "digital" and group.online is not None and group.online.url is None:
        yield Finding(
            ID, SEVERITY,
            _("Gruppa møtes digitalt, men har ingen lenke til møterommet («online.url») ennå."),
            plain=_("Gruppa møtes digitalt, men har ingen lenke til møterommet ennå."),
            line=ctx.line("online"),
        )
