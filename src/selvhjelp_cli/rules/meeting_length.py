"""Warn when meetings are not two hours long."""

from __future__ import annotations

from collections.abc import Iterator

from selvhjelp_cli.findings import Context, Finding

ID = "meeting-length"
SEVERITY = "warning"
SUMMARY = "Møtene varer ikke to timer."
EXPLANATION = """\
Anbefalt lengde på et gruppemøte er to timer. Det gir alle tid til å komme til orde,
og et møte som alltid varer like lenge, gjør det forutsigbart å være med. Digitale
grupper kan ha behov for noe annet, fordi skjermtretthet kommer raskere; det kan
gruppa bestemme og registrere som en beslutning.
"""

RECOMMENDED = 120


def check(ctx: Context) -> Iterator[Finding]:
    minutes = ctx.group.schedule.duration_minutes
    if minutes != RECOMMENDED:
        yield Finding(
            ID, SEVERITY,
            f"Møtene varer {minutes} minutter. Anbefalt er to timer (120 minutter).",
            line=ctx.line("schedule", "duration_minutes"),
        )
