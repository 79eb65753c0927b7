"""Warn when the group is open, or someone joined without a joint decision."""

from __future__ import annotations

from collections.abc import Iterator

from selvhjelp_cli.findings import Context, Example, Finding, short_date

ID = "closed-group"
SEVERITY = "warning"
SUMMARY = "Gruppa er åpen, eller noen er tatt inn etter oppstart uten en felles beslutning."
EXPLANATION = """\
Når gruppa har startet, er den lukket. Tillit bygges mellom de samme menneskene fra
gang til gang, og nye deltakere tas bare inn når gruppa har bestemt det sammen.

Registrer en slik beslutning under «decisions» med «rule: closed-group» og datoen
gruppa bestemte det. Beslutningen gjelder dem som ble med på eller etter den datoen.
Har gruppa mistet mange og tar inn flere nye, er den i praksis en ny gruppe: gå
gjennom rammene på nytt, og alle signerer taushetserklæringen igjen.
"""


_LATE = "participants:\n  - {name: Ola, born: 1985, joined: 2027-02-04, declaration_signed: 2027-02-04}\n"


def _decided(day: str) -> str:
    return f"decisions:\n  - {{rule: closed-group, date: {day}}}\n"


EXAMPLES = (
    Example("closed: false\n", ("warning",),
            says="Gruppa er satt som åpen («closed: false»). Anbefalt er en lukket gruppe etter oppstart."),
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
)


def check(ctx: Context) -> Iterator[Finding]:
    group = ctx.group
    if not group.closed:
        yield Finding(
            ID, SEVERITY,
            "Gruppa er satt som åpen («closed: false»). Anbefalt er en lukket gruppe etter oppstart.",
            line=ctx.line("closed"),
        )
    first = group.schedule.first_meeting
    for index, person in ctx.active():
        joined = group.joined_on(person)
        if joined > first:
            yield Finding(
                ID, SEVERITY,
                f"{person.name} ble med {short_date(joined)}, etter oppstarten. En lukket gruppe tar inn nye "
                "deltakere bare etter en felles beslutning (decisions, rule: closed-group).",
                line=ctx.line("participants", index, "joined"),
                decision_cutoff=joined,
            )
