"""A starter attends the first few meetings, then withdraws."""

from __future__ import annotations

from collections.abc import Iterator

from selvhjelp_cli.core.i18n import N_, _, ngettext
from selvhjelp_cli.rules.findings import Context, Example, Finding, Severity

ID = "starter-meetings"
SEVERITY: Severity = "warning"
FEWEST, MOST = 2, 5
SUMMARY = N_("En igangsetter er med på flere enn fem møter (færre enn to nevnes til informasjon).")
# What needs following up, in a word (the overview and the app).
TITLE = N_("igangsetterens møter")
# Why the framework says so, for people who never see the file (the app).
WHY = N_("Igangsetteren er ikke leder. Hun eller han er med på de første 2–5 møtene og trekker seg så ut, slik at "
         "gruppa blir selvgående. Blir igangsetteren lenger, kan hun eller han lett bli en leder likevel.")
EXPLANATION = N_("""\
Igangsetteren er ikke leder. Hun eller han forteller om rammene og prinsippene for
samtalen, tar seg av det praktiske de første gangene og er med på de første 2–5
møtene. Så trekker igangsetteren seg ut, slik at gruppa blir selvgående, men kan
kontaktes senere ved behov. Blir igangsetteren lenger, kan hun eller han
lett bli en leder likevel. Er igangsetteren med på bare ett møte, rekker gruppa sjelden
å bli trygg på rammene.
""")


def _starter(meetings: str) -> str:
    return f"starters:\n  - {{name: Kari{meetings}}}\n"


EXAMPLES = (
    Example(_starter(", meetings: 6"), ("warning",),
            says="Igangsetteren Kari er med på 6 møter. Det anbefales 2–5 møter, så gruppa blir selvgående."),
    Example(_starter(", meetings: 5")),
    Example(_starter(", meetings: 2")),
    Example(_starter(", meetings: 1"), ("info",), says="Igangsetteren Kari er med på 1 møte. Det vanlige er 2–5 møter"),
    Example(_starter(", meetings: 0"), ("info",)),
    Example(_starter("")),
    Example(_starter(", meetings: 8") + "decisions:\n  - {rule: starter-meetings, date: 2027-01-07}\n",
            ("acknowledged",)),
)


def check(ctx: Context) -> Iterator[Finding]:
    for index, starter in enumerate(ctx.group.starters):
        if starter.meetings is None:
            continue
        line = ctx.line("starters", index, "meetings")
        if starter.meetings > MOST:
            yield Finding(
                ID, SEVERITY,
                _("Igangsetteren {name} er med på {meetings} møter. Det anbefales {fewest}–{most} møter, "
                "så gruppa blir "
                "selvgående.").format(name=starter.name, meetings=starter.meetings, fewest=FEWEST, most=MOST),
                line=line, who=starter.name,
                agreed=_("Gruppa bestemte {day} at igangsetteren {name} er med på {meetings} møter.").format(
                    day="{day}", name=starter.name, meetings=starter.meetings),
            )
        elif starter.meetings < FEWEST:
            yield Finding(
                ID,
                "info",
                ngettext(
                    "Igangsetteren {name} er med på {meetings} møte. Det vanlige er {fewest}–{most} møter, "
                    "så gruppa rekker å bli trygg på rammene.",
                    "Igangsetteren {name} er med på {meetings} møter. Det vanlige er {fewest}–{most} møter, "
                    "så gruppa rekker å bli trygg på rammene.",
                    starter.meetings,
                ).format(name=starter.name, meetings=starter.meetings, fewest=FEWEST, most=MOST),
                line=line,
                who=starter.name,
            )
