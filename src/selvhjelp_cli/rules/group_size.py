"""Warn when the group has fewer than 5 or more than 8 active participants."""

from __future__ import annotations

from collections.abc import Iterator

from selvhjelp_cli.findings import Context, Finding

ID = "group-size"
SEVERITY = "warning"
SUMMARY = "Gruppa har færre enn 5 eller flere enn 8 aktive deltakere."
EXPLANATION = """\
Erfaring viser at 5–8 deltakere gir best utbytte og en stabil gruppe. Med færre enn
fire blir gruppa sårbar: et par fravær, og det er nesten ingen igjen. Med flere enn
åtte blir det for lite tid og plass til hver enkelt. Mange grupper starter med åtte,
fordi noen ofte faller fra underveis.

En ny gruppe uten deltakere ennå får denne advarselen til deltakerne er lagt inn.
"""

LOW, HIGH, FRAGILE = 5, 8, 4


def check(ctx: Context) -> Iterator[Finding]:
    count = len(ctx.active())
    if LOW <= count <= HIGH:
        return
    line = ctx.key_line("participants") or ctx.line("name")
    if count == 0:
        message = "Gruppa har ingen aktive deltakere ennå. Anbefalt er 5–8."
    elif count > HIGH:
        message = f"Gruppa har {count} aktive deltakere. Anbefalt er 5–8, så alle får nok tid og plass."
    else:
        message = f"Gruppa har {count} aktive deltakere. Anbefalt er 5–8."
    if 0 < count < FRAGILE:
        message += " Med færre enn fire blir gruppa sårbar og lite stabil."
    yield Finding(ID, SEVERITY, message, line=line)
