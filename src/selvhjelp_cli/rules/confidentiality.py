"""Everyone signs the confidentiality declaration at their first meeting."""

from __future__ import annotations

from collections.abc import Iterator

from selvhjelp_cli.core.dates import short_date
from selvhjelp_cli.core.i18n import N_, _
from selvhjelp_cli.rules.findings import Context, Example, Finding, Severity

ID = "confidentiality"
SEVERITY: Severity = "error"
SUMMARY = N_("En deltaker har vært på møte uten å ha skrevet under taushetserklæringen.")
# What needs following up, in a word (the overview and the app).
TITLE = N_("ikke skrevet under")
# Why the framework says so, for people who never see the file (the app).
WHY = N_("Alle i gruppa har taushetsplikt om det som blir sagt, og om hvem som deltar. Det er grunnlaget for at "
         "noen tør å fortelle. Hver deltaker skriver under taushetserklæringen på sitt første møte; det er et krav "
         "fra første møte av.")
EXPLANATION = N_("""\
Alle i gruppa har taushetsplikt om det som blir sagt, og om hvem som deltar. Det er
grunnlaget for at noen tør å fortelle. Taushetsplikten snakkes om på det første
møtet, og hver deltaker skriver under på en taushetserklæring der. Dette er et krav
fra første møte av.

Før en deltakers første møte er en manglende underskrift bare en påminnelse (info).
Når møtet har vært, er det en feil til «declaration_signed» er fylt inn.
Skriv ut erklæringene med «selvhjelp print-declaration».
""")


def _person(extra: str) -> str:
    return f"participants:\n  - {{name: Ola, born: 1985{extra}}}\n"


EXAMPLES = (
    Example(_person(""), ("error",), today="2027-01-07",
            says="Ola har vært på møte (fra 7.1.2027) uten underskrevet taushetserklæring («declaration_signed»)."),
    Example(_person(""), ("info",), today="2027-01-06",
            says="Ola skal skrive under taushetserklæringen på sitt første møte (7.1.2027)."),
    Example(_person(", declaration_signed: 2027-01-07"), today="2027-01-07"),
    Example(_person(", declaration_signed: 2027-01-08"), ("error",), today="2027-01-07"),  # signed later than today
    Example(_person(", joined: 2027-02-04"), today="2027-02-03"),  # not in the group yet
    Example(_person(", joined: 2027-02-04"), ("error",), today="2027-02-04"),
    Example(_person(", left: 2027-02-28")),
    Example(_person("") + "decisions:\n  - {rule: confidentiality, date: 2027-01-07}\n", ("error", "info")),
)


def check(ctx: Context) -> Iterator[Finding]:
    for index, person in ctx.active():
        signed = person.declaration_signed
        if signed is not None and signed <= ctx.today:
            continue
        joined = ctx.group.joined_on(person)
        line = ctx.line("participants", index, "declaration_signed") if signed else ctx.line("participants", index)
        if joined <= ctx.today:
            yield Finding(
                ID, SEVERITY,
                _("{name} har vært på møte (fra {joined}) uten underskrevet taushetserklæring "
                "(«declaration_signed»).").format(name=person.name, joined=short_date(joined)),
                line=line, who=person.name,
                plain=_("{name} har vært på møte (fra {joined}) uten å ha skrevet under taushetserklæringen.").format(
                    name=person.name, joined=short_date(joined)),
            )
        elif signed is not None:
            # Written down ahead of the meeting: a reminder that it is still to come, not that it is missing.
            yield Finding(
                ID, "info",
                _("{name} er ført opp med underskrift {signed}, en dag som ennå ikke har kommet.").format(
                    name=person.name, signed=short_date(signed)),
                line=line, who=person.name,
            )
        else:
            yield Finding(
                ID, "info",
                _("{name} skal skrive under taushetserklæringen på sitt første møte "
                  "({joined}).").format(name=person.name, joined=short_date(joined)),
                line=line, who=person.name,
            )
