"""Warn when meetings have no break, or a break that is too short."""

from __future__ import annotations

from collections.abc import Iterator

from selvhjelp_cli.findings import Context, Finding

ID = "meeting-break"
SEVERITY = "warning"
SUMMARY = "Møtene har ingen pause, eller en pause under 10 minutter i et langt møte."
EXPLANATION = """\
Et møte på to timer har en pause midt i. Pausen gir hvile fra samtalen og tid til å
kjenne etter, og den gjør det lettere å holde oppmerksomheten i andre halvdel. I et
møte på 90 minutter eller mer bør pausen vare minst 10 minutter.
"""

LONG_MEETING, SHORTEST_BREAK = 90, 10


def check(ctx: Context) -> Iterator[Finding]:
    schedule = ctx.group.schedule
    line = ctx.line("schedule", "break_minutes")
    if schedule.break_minutes == 0:
        yield Finding(ID, SEVERITY, "Møtene har ingen pause. Anbefalt er en pause midt i møtet.", line=line)
    elif schedule.duration_minutes >= LONG_MEETING and schedule.break_minutes < SHORTEST_BREAK:
        yield Finding(
            ID, SEVERITY,
            f"Pausen er {schedule.break_minutes} minutter. I et møte på {schedule.duration_minutes} minutter "
            f"er anbefalt minst {SHORTEST_BREAK} minutter.",
            line=line,
        )
