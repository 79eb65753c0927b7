"""Warn when meetings have no break, or a break that is too short."""

from __future__ import annotations

from collections.abc import Iterator

from selvhjelp_cli.core.i18n import N_, _, ngettext
from selvhjelp_cli.rules.findings import Context, Example, Finding, Severity

ID = "meeting-break"
SEVERITY: Severity = "warning"
SUMMARY = N_("Møtene har ingen pause, eller en pause under 10 minutter i et langt møte.")
# What needs following up, in a word (the overview and the app).
TITLE = N_("pause i møtet")
# Why the framework says so, for people who never see the file (the app).
WHY = N_("En pause midt i møtet gir hvile fra samtalen og tid til å kjenne etter, og det blir lettere å være "
         "oppmerksom i andre halvdel. I et møte på 90 minutter eller mer bør pausen vare minst 10 minutter.")
EXPLANATION = N_("""\
Et møte på to timer har en pause midt i. Pausen gir hvile fra samtalen og tid til å
kjenne etter, og den gjør det lettere å holde oppmerksomheten i andre halvdel. I et
møte på 90 minutter eller mer bør pausen vare minst 10 minutter.
""")

LONG_MEETING, SHORTEST_BREAK = 90, 10


def _schedule(minutes: int, pause: int) -> str:
    return (f"schedule:\n  first_meeting: 2027-01-07\n  start: 18:00\n  duration_minutes: {minutes}\n"
            f"  break_minutes: {pause}\n")


EXAMPLES = (
    Example(_schedule(120, 0), ("warning",), says="Møtene har ingen pause. Det anbefales en pause midt i møtet."),
    Example(_schedule(60, 0), ("warning",)),
    Example(_schedule(90, 9), ("warning",),
            says="Pausen er 9 minutter. I et møte på 90 minutter anbefales minst 10 minutters pause."),
    Example(_schedule(90, 10)),
    Example(_schedule(89, 9)),
    Example(_schedule(91, 5), ("warning",)),
    Example(_schedule(120, 0) + "decisions:\n  - {rule: meeting-break, date: 2027-01-07}\n", ("acknowledged",)),
)


def check(ctx: Context) -> Iterator[Finding]:
    schedule = ctx.group.schedule
    line = ctx.line("schedule", "break_minutes")
    if schedule.break_minutes == 0:
        yield Finding(ID, SEVERITY, _("Møtene har ingen pause. Det anbefales en pause midt i møtet."), line=line,
                      agreed=_("Gruppa bestemte {day} å ha møtene uten pause."))
    elif schedule.duration_minutes >= LONG_MEETING and schedule.break_minutes < SHORTEST_BREAK:
        yield Finding(
            ID,
            SEVERITY,
            ngettext(
                "Pausen er {break_minutes} minutt. I et møte på {duration_minutes} minutter "
                "anbefales minst {shortest} minutters pause.",
                "Pausen er {break_minutes} minutter. I et møte på {duration_minutes} minutter "
                "anbefales minst {shortest} minutters "
                "pause.",
                schedule.break_minutes,
            ).format(
                break_minutes=schedule.break_minutes,
                duration_minutes=schedule.duration_minutes,
                shortest=SHORTEST_BREAK,
            ),
            line=line,
            agreed=ngettext(
                "Gruppa bestemte {day} å ha {break_minutes} minutts pause.",
                "Gruppa bestemte {day} å ha {break_minutes} minutters pause.",
                schedule.break_minutes,
            ).format(day="{day}", break_minutes=schedule.break_minutes),
        )
