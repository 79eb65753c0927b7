"""Warn when the birth years of the active participants lie far apart."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from selvhjelp_cli.findings import Context, Finding

ID = "age-span"
SEVERITY = "warning"
SUMMARY = "Deltakernes fødselsår spenner over mer enn 15 år."
EXPLANATION = """\
Erfaring tilsier at det er lettere å kjenne seg igjen i hverandres livssituasjon når
aldersforskjellen i gruppa ikke er for stor. Anbefalingen er et aldersspenn på omtrent
15 år eller mindre. Mange grupper fungerer godt med større spenn; har gruppa valgt det
bevisst, kan dere registrere det som en beslutning.
"""

MAX_SPAN = 15


def check(ctx: Context) -> Iterator[Finding]:
    years = [p.born.year if isinstance(p.born, date) else p.born
             for _, p in ctx.active() if p.born is not None]
    if len(years) < 2:
        return
    span = max(years) - min(years)
    if span > MAX_SPAN:
        yield Finding(
            ID, SEVERITY,
            f"Fødselsårene i gruppa spenner over {span} år ({min(years)}–{max(years)}). "
            f"Anbefalt er høyst {MAX_SPAN} år.",
            line=ctx.key_line("participants"),
        )
