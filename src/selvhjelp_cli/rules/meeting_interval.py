"""Warn when the group meets less often than every second week."""

from __future__ import annotations

from collections.abc import Iterator

from selvhjelp_cli.core.dates import short_date
from selvhjelp_cli.core.i18n import N_, _
from selvhjelp_cli.core.words import every_weeks, number
from selvhjelp_cli.rules.findings import Context, Example, Finding, Severity

ID = "meeting-interval"
SEVERITY: Severity = "warning"
# Weekly is recommended; every second week is a common alternative (an info);
# less often than that is a warning.
WEEKLY, USUAL_MOST = 1, 2
# A pause longer than this (the summer break is usually about eight weeks) is an info.
LONG_PAUSE_WEEKS = 8
SUMMARY = N_("Gruppa møtes sjeldnere enn annenhver uke (annenhver uke nevnes bare til informasjon).")
# What needs following up, in a word (the overview and the app).
TITLE = N_("tid mellom møtene")
# Why the framework says so, for people who never see the file (the app).
WHY = N_("Det vanlige er å møtes hver uke, særlig i starten, så deltakerne blir kjent og trygge på hverandre. "
         "Annenhver uke er et godt alternativ senere. Går det lengre tid mellom møtene, blir det vanskelig å holde "
         "tråden. Gruppa bestemmer dette selv.")
EXPLANATION = N_("""\
Det vanlige er å møtes hver uke, særlig i starten: Deltakerne blir kjent og trygge på
hverandre, og det er lett å følge hverandres prosess. Annenhver uke er et godt
alternativ, og mange grupper går over til det etter en tid. Går det lengre tid mellom
møtene, blir det vanskelig å holde tråden. Gruppa bestemmer dette selv.
""")



def _every(weeks: int) -> str:
    return f"schedule:\n  first_meeting: 2027-01-07\n  start: 18:00\n  every_weeks: {weeks}\n"


EXAMPLES = (
    Example(_every(1)),
    Example(_every(2), ("info",), says="Gruppa møtes annenhver uke."),
    Example(_every(3), ("warning",), says="Gruppa møtes hver tredje uke."),
    Example(_every(3) + "decisions:\n  - {rule: meeting-interval, date: 2027-01-07}\n", ("acknowledged",)),
    Example(_every(2) + "decisions:\n  - {rule: meeting-interval, date: 2027-01-07}\n", ("info",)),
    Example(_every(1) + "  pauses:\n    - {from: 2027-06-21, to: 2027-08-15}\n"),  # eight weeks
    Example(_every(1) + "  pauses:\n    - {from: 2027-06-21, to: 2027-08-16}\n", ("info",),
            says="Oppholdet i møtene fra 21.6.2027 til 16.8.2027 varer i over åtte uker."),
)

def check(ctx: Context) -> Iterator[Finding]:
    for index, pause in enumerate(ctx.group.schedule.pauses):
        if (pause.to - pause.from_).days + 1 > 7 * LONG_PAUSE_WEEKS:
            yield Finding(
                ID,
                "info",
                _(
                    "Oppholdet i møtene fra {from_} til {to} varer i over {weeks} uker. "
                    "Med lange opphold blir det vanskelig å følge hverandres "
                    "prosess."
                ).format(from_=short_date(pause.from_), to=short_date(pause.to), weeks=number(LONG_PAUSE_WEEKS)),
                line=ctx.line("schedule", "pauses", index),
            )
    weeks = ctx.group.schedule.every_weeks
    line = ctx.line("schedule", "every_weeks")
    if weeks > USUAL_MOST:
        yield Finding(
            ID, SEVERITY,
            _("Gruppa møtes {every}. Med så lang tid mellom møtene blir det vanskelig å følge "
            "prosessen. Det anbefales å møtes hver uke, eventuelt annenhver uke.").format(every=every_weeks(weeks)),
            line=line,
            agreed=_("Gruppa bestemte {day} å møtes {every}.").format(day="{day}", every=every_weeks(weeks)),
        )
    elif weeks == USUAL_MOST:
        yield Finding(
            ID, "info",
            _("Gruppa møtes annenhver uke. Det er vanlig etter en tid, men i starten anbefales ukentlige møter."),
            line=line,
        )
