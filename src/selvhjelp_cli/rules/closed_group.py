"""Warn when the group is open, or someone joined without a joint decision."""

from __future__ import annotations

from collections.abc import Iterator

from selvhjelp_cli.core.dates import short_date
from selvhjelp_cli.core.i18n import N_, _
from selvhjelp_cli.rules.findings import Context, Example, Finding, Severity

ID = "closed-group"
SEVERITY: Severity = "warning"
SUMMARY = N_("Gruppa er åpen, eller noen er tatt inn etter oppstart uten en felles beslutning.")
# What needs following up, in a word (the overview and the app).
TITLE = N_("nye deltakere")
# Why the framework says so, for people who never see the file (the app).
WHY = N_("Når gruppa har startet, er den lukket: Tilliten bygges mellom de samme menneskene fra gang til gang. Nye "
         "deltakere tas bare inn når gruppa har bestemt det sammen. Har gruppa mistet mange og tar inn flere nye, "
         "er den i praksis en ny gruppe.")
EXPLANATION = N_("""\
Når gruppa har startet, er den lukket. Tillit bygges mellom de samme menneskene fra
gang til gang, og nye deltakere tas bare inn når gruppa har bestemt det sammen.

Registrer en slik beslutning under «decisions» med «rule: closed-group» og datoen
gruppa bestemte det. Beslutningen gjelder dem som ble med på eller etter den datoen.
Har gruppa mistet mange og tar inn flere nye, er den i praksis en ny gruppe: gå
gjennom rammene på nytt, og alle skriver under på taushetserklæringen igjen.
""")


_LATE = "participants:\n  - {name: Ola, born: 1985, joined: 2027-02-04, declaration_signed: 2027-02-04}\n"


def _decided(day: str) -> str:
    return f"decisions:\n  - {{rule: closed-group, date: {day}}}\n"


EXAMPLES = (
    Example("closed: false\n", ("warning",),
            says="Gruppa er åpen («closed: false»). Det anbefales at gruppa er lukket etter oppstarten."),
    Example("closed: true\n"),
    Example(_LATE, ("warning",), says="Ola ble med 4.2.2027, etter oppstarten."),
    Example(_LATE + _decided("2027-02-04"), ("acknowledged",)),  # decided the day she joined
    Example(_LATE + _decided("2027-02-03"), ("acknowledged",)),
    Example(_LATE + _decided("2027-02-05"), ("warning",)),  # decided after she had joined
    Example(_LATE, (), today="2027-02-03"),  # not joined yet on the day checked
    # Joining before the first meeting is joining at the start.
    Example("participants:\n  - {name: Ola, born: 1985, joined: 2026-12-01, declaration_signed: 2027-01-07}\n"),
    Example("closed: false\n" + _decided("2027-03-01"), ("acknowledged",)),
    Example("closed: false\n" + _decided("2027-03-02"), ("warning",)),  # a decision dated after today
    # Two of three who started have left, and one has joined: in effect a new group.
    Example("participants:\n  - {name: A, born: 1985, left: 2027-02-01}\n  - {name: B, born: 1985, left: 2027-02-01}\n"
            "  - {name: C, born: 1985}\n  - {name: D, born: 1985, joined: 2027-02-04}\n" + _decided("2027-02-04"),
            ("info", "acknowledged"), says="2 av 3 som startet gruppa, har sluttet, og nye har kommet til."),
    Example("participants:\n  - {name: A, born: 1985, left: 2027-02-01}\n  - {name: B, born: 1985}\n"
            "  - {name: C, born: 1985}\n  - {name: D, born: 1985, joined: 2027-02-04}\n" + _decided("2027-02-04"),
            ("acknowledged",)),  # one of three left: still the same group
)


def check(ctx: Context) -> Iterator[Finding]:
    group = ctx.group
    yield from _new_group(ctx)
    if not group.closed:
        yield Finding(
            ID, SEVERITY,
            _("Gruppa er åpen («closed: false»). Det anbefales at gruppa er lukket etter oppstarten."),
            line=ctx.line("closed"),
            plain=_("Gruppa er åpen for nye deltakere. Det anbefales at gruppa er lukket etter oppstarten."),
            agreed=_("Gruppa bestemte {day} å være åpen for nye deltakere."),
        )
    first = group.schedule.first_meeting
    for index, person in ctx.active():
        joined = group.joined_on(person)
        if joined > first:
            yield Finding(
                ID, SEVERITY,
                _("{name} ble med {joined}, etter oppstarten. En lukket gruppe tar inn nye "
                "deltakere bare etter en felles beslutning (decisions, rule: "
                "closed-group).").format(name=person.name, joined=short_date(joined)),
                line=ctx.line("participants", index, "joined"),
                decision_cutoff=joined,
                agreed=_("Gruppa bestemte {day} å ta inn nye deltakere; {name} ble med {joined}.").format(
                    day="{day}", name=person.name, joined=short_date(joined)),
                plain=_("{name} ble med {joined}, etter oppstarten. En lukket gruppe tar inn nye deltakere bare når "
                        "gruppa har bestemt det sammen.").format(name=person.name, joined=short_date(joined)),
                who=person.name,
            )


def _new_group(ctx: Context) -> Iterator[Finding]:
    """Most of those who started have left, and others have joined: in effect a new group."""
    group = ctx.group
    first = group.schedule.first_meeting
    starters = [p for p in group.participants if group.joined_on(p) == first]
    gone = [p for p in starters if p.left is not None and p.left < ctx.today]
    newcomers = [p for _unused, p in ctx.active() if group.joined_on(p) > first]
    if starters and len(gone) * 2 > len(starters) and newcomers:
        yield Finding(
            ID, "info",
            _("{gone} av {starters} som startet gruppa, har sluttet, og nye har kommet til. Da er gruppa i "
            "praksis en ny gruppe: Gå gjennom rammene på nytt, og la alle skrive under taushetserklæringen "
            "igjen.").format(gone=len(gone), starters=len(starters)),
            line=ctx.key_line("participants"),
        )
