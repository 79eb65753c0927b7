"""Everyone signs the confidentiality declaration at their first meeting."""

from __future__ import annotations

from collections.abc import Iterator

from selvhjelp_cli.findings import Context, Finding, short_date

ID = "confidentiality"
SEVERITY = "error"
SUMMARY = "En deltaker har vært på møte uten å ha signert taushetserklæringen."
EXPLANATION = """\
Alle i gruppa har taushetsplikt om det som blir sagt, og om hvem som deltar. Det er
grunnlaget for at noen tør å fortelle. Taushetsplikten snakkes om på det første
møtet, og hver deltaker signerer en skriftlig taushetserklæring der. Dette er et krav
fra første møte av.

Før en deltakers første møte er en manglende signatur bare en påminnelse (info).
Når møtet har vært, er det en feil til «declaration_signed» er fylt inn.
Skriv ut erklæringene med «selvhjelp print-declaration».
"""


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
                f"{person.name} har vært på møte (fra {short_date(joined)}) uten signert taushetserklæring "
                "(«declaration_signed»).",
                line=line,
            )
        else:
            yield Finding(
                ID, "info",
                f"{person.name} signerer taushetserklæringen på sitt første møte ({short_date(joined)}).",
                line=line,
            )
