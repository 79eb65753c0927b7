"""A participant whose role makes them the group's leader breaks the framework."""

from __future__ import annotations

import re
from collections.abc import Iterator

from selvhjelp_cli.core.i18n import N_, _
from selvhjelp_cli.rules.findings import Context, Example, Finding, Severity

ID = "leaderless"
SEVERITY: Severity = "error"
SUMMARY = N_("En deltaker har en rolle som gjør henne eller ham til leder for gruppa.")
# What needs following up, in a word (the overview and the app).
TITLE = N_("leder")
# Why the framework says so, for people who never see the file (the app).
WHY = N_("En selvorganisert selvhjelpsgruppe har ingen leder: Alle deler ansvaret, og samtalen har ingen ordstyrer."
         " Praktiske oppgaver, som å låse opp eller lage kaffe, gjør ingen til leder. Dette er et krav, ikke en "
         "anbefaling.")
EXPLANATION = N_("""\
En selvorganisert selvhjelpsgruppe har ingen leder. Alle deltakerne deler ansvaret for
gruppa og for sin egen deltakelse, og samtalen har ingen ordstyrer eller dagsorden.
En gruppe med leder er noe annet: en kursgruppe, en terapigruppe eller en
samtalegruppe med veileder. Derfor er dette et krav, ikke en anbefaling.

Praktiske oppgaver gjør ingen til leder: Den som låser opp lokalet eller lager
kaffe, leder ikke gruppa. Igangsetteren er heller ikke leder; hun eller han er med
de første gangene og trekker seg så ut.
""")

# Words (bokmål, nynorsk, English) that make a role a leading one; matched
# inside longer words too, so "gruppeleder" and "medleder" count.
_LEADING = re.compile(
    r"leder|leiar|leiir|leader|ledar|ordstyr|møteled|moteled|chair|moderator|facilitator|"
    r"terapeut|therapist|veileder|rettleiar|sjef|\bboss\b|\bhead\b",
    re.IGNORECASE,
)


def is_leading(role: str) -> bool:
    return bool(_LEADING.search(role))


def _role(role: str, extra: str = "") -> str:
    return f"participants:\n  - {{name: Ola, born: 1985, declaration_signed: 2027-01-07, role: {role}{extra}}}\n"


EXAMPLES = (
    Example(_role("leder"), ("error",), says="Rollen som er oppgitt for Ola, gjør Ola til leder."),
    *(Example(_role(word), ("error",)) for word in (
        "gruppeleder", "Medleder", "leiar", "Leader", "ordstyrer", "møteleder", "chair", "Chairperson",
        "moderator", "facilitator", "terapeut", "therapist", "veileder", "rettleiar", "sjef", "boss",
        "head of group")),
    *(Example(_role(word)) for word in ("kaffeansvarlig", "låser opp", "nøkkel", "headset", "bossa nova")),
    Example(_role("leder", ", left: 2027-02-28")),  # no longer in the group
    Example(_role("leder") + "decisions:\n  - {rule: leaderless, date: 2027-01-07}\n", ("error", "info")),
)


def check(ctx: Context) -> Iterator[Finding]:
    for index, person in ctx.active():
        if person.role and is_leading(person.role):
            yield Finding(
                ID, SEVERITY,
                _("Rollen som er oppgitt for {name}, gjør {name} til leder. En selvorganisert gruppe "
                "er lederløs; alle deler ansvaret.").format(name=person.name),
                line=ctx.line("participants", index, "role"), who=person.name,
            )
