"""Every participant must have turned 18 by their first meeting."""

from __future__ import annotations

from collections.abc import Iterator

from selvhjelp_cli.core.dates import short_date
from selvhjelp_cli.core.i18n import N_, _
from selvhjelp_cli.groupfile.model import adult_on
from selvhjelp_cli.rules.findings import Context, Example, Finding, Severity

ID = "adult"
SEVERITY: Severity = "error"
SUMMARY = N_("En deltaker er under 18 år ved sitt første møte.")
# What needs following up, in a word (the overview and the app).
TITLE = N_("under 18")
# Why the framework says so, for people who never see the file (the app).
WHY = N_("Selvorganiserte selvhjelpsgrupper er for voksne. Alle som deltar, må ha fylt 18 år senest den dagen de er"
         " med på sitt første møte. Dette er et krav, og gruppa kan ikke velge det bort.")
EXPLANATION = N_("""\
Selvorganiserte selvhjelpsgrupper er for voksne. Alle som deltar, må ha fylt 18 år
senest den dagen de er med på sitt første møte. Dette er et krav, ikke en anbefaling,
og gruppa kan ikke velge det bort.

Regelen bruker «born» (fødselsår eller fødselsdato) eller «adult: true». Er bare
fødselsåret kjent, og deltakeren fyller 18 samme år som hun eller han begynner,
kan ikke året alene avgjøre saken; da melder regelen age-unknown i stedet.
""")


EXAMPLES = (
    Example('participants:\n  - {name: Ada, born: 2009-01-07}\n'),  # 18 on the day of the first meeting
    Example('participants:\n  - {name: Ada, born: 2009-01-08}\n', ("error",),
            says="Ada er under 18 år ved sitt første møte (7.1.2027). Alle deltakere må være voksne."),
    Example('participants:\n  - {name: Ada, born: 2008}\n'),
    Example('participants:\n  - {name: Ada, born: 2010}\n', ("error",)),
    Example('participants:\n  - {name: Ada, born: 2009}\n'),  # turns 18 that year: age-unknown speaks instead
    Example('participants:\n  - {name: Ada, born: 2009, adult: true}\n'),
    Example('participants:\n  - {name: Ada, adult: false}\n', ("error",)),
    Example('participants:\n  - {name: Ada, adult: true}\n'),
    # Someone who joins later is judged on the day she joins.
    Example('participants:\n  - {name: Ada, born: 2009-06-04, joined: 2027-06-03}\n', ("error",), today="2027-06-03"),
    Example('participants:\n  - {name: Ada, born: 2009-06-03, joined: 2027-06-03}\n', today="2027-06-03"),
    Example('participants:\n  - {name: Ada, born: 2010, joined: 2027-06-03}\n', today="2027-06-02"),  # not yet joined
    Example('participants:\n  - {name: Ada, born: 2010, left: 2027-02-28}\n'),  # left before the day checked
    Example('participants:\n  - {name: Ada, born: 2010, left: 2027-03-01}\n', ("error",)),  # still there that day
)


def check(ctx: Context) -> Iterator[Finding]:
    for index, person in ctx.active():
        joined = ctx.group.joined_on(person)
        if adult_on(person, joined) is False:
            field = "born" if person.born is not None else "adult"
            yield Finding(
                ID, SEVERITY,
                _("{name} er under 18 år ved sitt første møte ({joined}). "
                "Alle deltakere må være voksne.").format(name=person.name, joined=short_date(joined)),
                line=ctx.line("participants", index, field), who=person.name,
            )
