"""Warn when the group has fewer than 5 or more than 8 active participants."""

from __future__ import annotations

from collections.abc import Iterator

from selvhjelp_cli.core.i18n import N_, _, ngettext
from selvhjelp_cli.core.words import number
from selvhjelp_cli.rules.findings import Context, Example, Finding, Severity

LOW, HIGH, FRAGILE = 5, 8, 4

ID = "group-size"
SEVERITY: Severity = "warning"
SUMMARY = N_("Gruppa har færre enn 5 eller flere enn 8 aktive deltakere.")
# What needs following up, in a word (the overview and the app).
TITLE = N_("gruppestørrelse")
# Why the framework says so, for people who never see the file (the app).
WHY = N_("Erfaring viser at 5–8 deltakere gir best utbytte og en stabil gruppe. Med færre enn fire blir gruppa "
         "sårbar, og med flere enn åtte blir det for lite tid til hver enkelt. Mange grupper starter med åtte, "
         "fordi noen ofte faller fra.")
EXPLANATION = N_("""\
Erfaring viser at 5–8 deltakere gir best utbytte og en stabil gruppe. Med færre enn
fire blir gruppa sårbar: et par fravær, og det er nesten ingen igjen. Med flere enn
åtte blir det for lite tid og plass til hver enkelt. Mange grupper starter med åtte,
fordi noen ofte faller fra underveis.

En ny gruppe uten deltakere ennå får denne advarselen til deltakerne er lagt inn.
""")


def _people(n: int) -> str:
    return "participants:\n" + "".join(f"  - {{name: P{i}, born: 1985, declaration_signed: 2027-01-07}}\n"
                                        for i in range(n))


EXAMPLES = (
    Example("participants: "
            "[]\n", ("warning",), says="Gruppa har ingen aktive deltakere ennå. Det anbefales 5–8 deltakere."),
    Example(_people(3), ("warning",),
            says="Gruppa har 3 aktive deltakere. Det anbefales 5–8 deltakere. Med færre enn fire deltakere blir gruppa "
                 "sårbar"),
    Example(_people(4), ("warning",), says="Gruppa har 4 aktive deltakere. Det anbefales 5–8 deltakere."),
    Example(_people(5)),
    Example(_people(8)),
    Example(_people(9), ("warning",), says="Gruppa har 9 aktive deltakere. Det anbefales 5–8 deltakere, så alle får "
                                           "nok tid"),
    Example(_people(4) + "decisions:\n  - {rule: group-size, date: 2027-03-01}\n", ("acknowledged",)),
    Example(_people(4) + "decisions:\n  - {rule: group-size, date: 2027-03-02}\n", ("warning",)),
    # A participant who has left does not count; one who leaves on the day checked still does.
    Example(_people(4) + "  - {name: Ola, born: 1985, declaration_signed: 2027-01-07, left: 2027-03-01}\n"),
    Example(_people(4) + "  - {name: Ola, born: 1985, declaration_signed: 2027-01-07, left: 2027-02-28}\n",
            ("warning",)),
    Example("participants: []\nended: 2027-03-01\n"),  # ended: nobody is expected any more
    Example("participants: []\nended: 2027-03-02\n", ("warning",)),  # not yet
)

def check(ctx: Context) -> Iterator[Finding]:
    ended = ctx.group.ended
    if ended is not None and ended <= ctx.today:
        return  # a group that has ended has no participants left, and needs none
    count = len(ctx.active())
    if LOW <= count <= HIGH:
        return
    line = ctx.key_line("participants") or ctx.line("name")
    if count == 0:
        message = _("Gruppa har ingen aktive deltakere ennå. Det anbefales {low}–{high} "
                    "deltakere.").format(low=LOW, high=HIGH)
    elif count > HIGH:
        message = _("Gruppa har {count} aktive deltakere. Det anbefales {low}–{high} deltakere, så alle får nok tid og "
                    "plass.").format(count=count, low=LOW, high=HIGH)
    else:
        message = ngettext("Gruppa har {count} aktiv deltaker. Det anbefales {low}–{high} deltakere.",
                           "Gruppa har {count} aktive deltakere. Det anbefales {low}–{high} deltakere.",
                           count).format(count=count, low=LOW, high=HIGH)
    if 0 < count < FRAGILE:
        message += " " + _("Med færre enn {fragile} deltakere blir gruppa sårbar og lite stabil.").format(
            fragile=number(FRAGILE))
    agreed = ngettext("Gruppa bestemte {day} å fortsette med {count} deltaker.",
                      "Gruppa bestemte {day} å fortsette med {count} "
                      "deltakere.", count).format(day="{day}", count=count)
    # With no one yet there is nothing for the group to decide: the people are simply not in the file.
    yield Finding(ID, SEVERITY, message, line=line, agreed=agreed, decidable=count > 0)
