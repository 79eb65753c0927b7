"""Every participant must have turned 18 by their first meeting."""

from __future__ import annotations

from collections.abc import Iterator

from selvhjelp_cli.findings import Context, Finding, short_date
from selvhjelp_cli.model import adult_on

ID = "adult"
SEVERITY = "error"
SUMMARY = "Alle deltakere må ha fylt 18 år når de begynner i gruppa."
EXPLANATION = """\
Selvorganiserte selvhjelpsgrupper er for voksne. Alle som deltar, må ha fylt 18 år
senest den dagen de er med på sitt første møte. Dette er et krav, ikke en anbefaling,
og gruppa kan ikke velge det bort.

Regelen bruker «born» (fødselsår eller fødselsdato) eller «adult: true». Er bare
fødselsåret kjent, og deltakeren fyller 18 samme år som hun eller han begynner,
kan ikke året alene avgjøre saken; da melder regelen age-unknown i stedet.
"""


def check(ctx: Context) -> Iterator[Finding]:
    for index, person in ctx.active():
        joined = ctx.group.joined_on(person)
        if adult_on(person, joined) is False:
            field = "born" if person.born is not None else "adult"
            yield Finding(
                ID, SEVERITY,
                f"{person.name} har ikke fylt 18 år ved sitt første møte ({short_date(joined)}). "
                "Alle deltakere må være voksne.",
                line=ctx.line("participants", index, field),
            )
