"""Warn when meetings are not two hours long."""

from __future__ import annotations

from collections.abc import Iterator

from selvhjelp_cli.core.i18n import N_, _
from selvhjelp_cli.rules.findings import Context, Example, Finding, Severity

ID = "meeting-length"
SEVERITY: Severity = "warning"
SUMMARY = N_("Møtene varer ikke to timer.")
# What needs following up, in a word (the overview and the app).
TITLE = N_("møtelengde")
# Why the framework says so, for people who never see the file (the app).
WHY = N_("Et gruppemøte bør vare i to timer. Det gir alle tid til å komme til orde, og når møtet alltid varer like "
         "lenge, er det lettere å vite hva man går til. Digitale grupper kan trenge kortere møter; det kan gruppa "
         "bestemme.")
EXPLANATION = N_("""\
Et gruppemøte bør vare i to timer. Det gir alle tid til å komme til orde,
og et møte som alltid varer like lenge, gjør det forutsigbart å være med. Digitale
grupper kan ha behov for noe annet, fordi skjermtretthet kommer raskere; det kan
gruppa bestemme og registrere som en beslutning.
""")

RECOMMENDED = 120


def _schedule(minutes: int) -> str:
    return f"schedule:\n  first_meeting: 2027-01-07\n  start: 18:00\n  duration_minutes: {minutes}\n"


EXAMPLES = (
    Example(_schedule(119), ("warning",), says="Møtene varer 119 minutter. Det anbefales to timer (120 minutter)."),
    Example(_schedule(120)),
    Example(_schedule(121), ("warning",)),
    Example(_schedule(90) + "decisions:\n  - {rule: meeting-length, date: 2027-01-07}\n", ("acknowledged",)),
)


def check(ctx: Context) -> Iterator[Finding]:
    minutes = ctx.group.schedule.duration_minutes
    if minutes != RECOMMENDED:
        yield Finding(
            ID, SEVERITY,
            _("Møtene varer {minutes} minutter. Det anbefales to timer ({recommended} minutter).").format(
                minutes=minutes, recommended=RECOMMENDED),
            line=ctx.line("schedule", "duration_minutes"),
            agreed=_("Gruppa bestemte {day} at møtene skal vare {minutes} minutter.").format(day="{day}",
                                                                                         minutes=minutes),
        )
