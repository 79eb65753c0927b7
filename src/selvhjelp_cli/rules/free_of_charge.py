"""Taking part costs nothing."""

from __future__ import annotations

from collections.abc import Iterator

from selvhjelp_cli.core.i18n import N_, _
from selvhjelp_cli.core.words import kroner
from selvhjelp_cli.rules.findings import Context, Example, Finding, Severity

ID = "free-of-charge"
SEVERITY: Severity = "error"
SUMMARY = N_("Det koster penger å delta.")
# What needs following up, in a word (the overview and the app).
TITLE = N_("betaling")
# Why the framework says so, for people who never see the file (the app).
WHY = N_("Det er gratis å være med, så alle kan delta uansett økonomi. Lokaler finnes nesten alltid gratis, for "
         "eksempel på frivilligsentralen eller biblioteket, og serveringen holdes enkel. Dette er et krav, ikke en "
         "anbefaling.")
EXPLANATION = N_("""\
Det er gratis å være med i en selvorganisert selvhjelpsgruppe. Alle som har et problem
de vil gjøre noe med, skal kunne delta, uansett økonomi. Lokaler finnes nesten alltid
gratis, for eksempel på frivilligsentralen, biblioteket eller i kommunale lokaler, og
serveringen holdes enkel. Dette er et krav, ikke en anbefaling.
""")


EXAMPLES = (
    Example("fee_nok: 0\n"),
    Example("fee_nok: 1\n", ("error",), says="Deltakelse koster 1\u00a0krone («fee_nok»)."),
    Example("fee_nok: 50\ndecisions:\n  - {rule: free-of-charge, date: 2027-01-07}\n", ("error", "info")),
)


def check(ctx: Context) -> Iterator[Finding]:
    fee = ctx.group.fee_nok
    if fee > 0:
        yield Finding(
            ID, SEVERITY,
            _("Deltakelse koster {fee} («fee_nok»). Det skal være gratis å være med.").format(fee=kroner(fee)),
            plain=_("Deltakelse koster {fee}. Det skal være gratis å være med.").format(fee=kroner(fee)),
            line=ctx.line("fee_nok"),
        )
