"""Warn when the birth years of the active participants lie far apart."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from selvhjelp_cli.core.i18n import N_, _
from selvhjelp_cli.rules.findings import Context, Example, Finding, Severity

ID = "age-span"
SEVERITY: Severity = "warning"
SUMMARY = N_("Deltakernes fødselsår spenner over mer enn 15 år.")
# What needs following up, in a word (the overview and the app).
TITLE = N_("stort aldersspenn")
# Why the framework says so, for people who never see the file (the app).
WHY = N_("Det er lettere å kjenne seg igjen i hverandres livssituasjon når aldersforskjellen ikke er for stor, og "
         "anbefalingen er omtrent 15 år eller mindre. Mange grupper fungerer godt med større spenn; har gruppa "
         "valgt det, kan dere registrere det som en beslutning.")
EXPLANATION = N_("""\
Erfaring tilsier at det er lettere å kjenne seg igjen i hverandres livssituasjon når
aldersforskjellen i gruppa ikke er for stor. Anbefalingen er et aldersspenn på omtrent
15 år eller mindre. Mange grupper fungerer godt med større spenn; har gruppa valgt det
bevisst, kan dere registrere det som en beslutning.
""")

MAX_SPAN = 15


EXAMPLES = (
    Example('participants:\n  - {name: Ada, born: 1980}\n  - {name: Bo, born: 1995}\n'),  # exactly MAX_SPAN
    Example(
        'participants:\n  - {name: Ada, born: 1980}\n  - {name: Bo, born: 1996}\n',
        ("warning",),
        says="Fødselsårene i gruppa spenner over 16 år (1980–1996). Det anbefales høyst 15 år.",
    ),
    Example('participants:\n  - {name: Ada, born: 1980-12-31}\n  - {name: Bo, born: 1996-01-01}\n', ("warning",)),
    Example('participants:\n  - {name: Ada, born: 1980}\n'),
    Example('participants:\n  - {name: Ada, born: 1980}\n  - {name: Bo, adult: true}\n  - {name: Cy, born: 1990}\n'),
    Example('participants:\n  - {name: Ada, born: 1970, left: 2027-02-28}\n  - {name: Bo, born: 1990}\n'),
    Example(
        'participants:\n  - {name: Ada, born: 1980}\n  - {name: Bo, born: 1996}\n'
        + "decisions:\n  - {rule: age-span, date: 2027-03-01}\n",
        ("acknowledged",),
    ),
)


def check(ctx: Context) -> Iterator[Finding]:
    years = [p.born.year if isinstance(p.born, date) else p.born
             for _unused, p in ctx.active() if p.born is not None]
    if len(years) < 2:
        return
    span = max(years) - min(years)
    if span > MAX_SPAN:
        yield Finding(
            ID, SEVERITY,
            _("Fødselsårene i gruppa spenner over {span} år ({min}–{max}). "
            "Det anbefales høyst {MAX_SPAN} år.").format(span=span, min=min(years), max=max(years), MAX_SPAN=MAX_SPAN),
            line=ctx.key_line("participants"),
            agreed=_("Gruppa bestemte {day} at fødselsårene kan spenne over {span} år ({min}–{max}).").format(
                day="{day}", span=span, min=min(years), max=max(years)),
        )
