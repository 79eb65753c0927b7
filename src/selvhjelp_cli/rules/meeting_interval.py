"""Warn when the group meets less often than every second week."""

from __future__ import annotations

from collections.abc import Iterator

from selvhjelp_cli.findings import Context, Finding

ID = "meeting-interval"
SEVERITY = "warning"
SUMMARY = "Gruppa møtes sjeldnere enn annenhver uke (annenhver uke gir en info)."
EXPLANATION = """\
Det vanlige er å møtes hver uke, særlig i starten: deltakerne blir kjent og trygge på
hverandre, og det er lett å følge hverandres prosess. Annenhver uke er et godt
alternativ, og mange grupper går over til det etter en tid. Går det lengre tid mellom
møtene, blir det vanskelig å holde tråden. Gruppa bestemmer dette selv.
"""


def check(ctx: Context) -> Iterator[Finding]:
    weeks = ctx.group.schedule.every_weeks
    line = ctx.line("schedule", "every_weeks")
    if weeks > 2:
        yield Finding(
            ID, SEVERITY,
            f"Gruppa møtes hver {weeks}. uke. Med så lang tid mellom møtene blir det vanskelig å følge "
            "prosessen; anbefalt er hver uke, eventuelt annenhver.",
            line=line,
        )
    elif weeks == 2:
        yield Finding(
            "meeting-interval", "info",
            "Gruppa møtes annenhver uke. Det er vanlig etter en tid, men i starten anbefales ukentlige møter.",
            line=line,
        )
