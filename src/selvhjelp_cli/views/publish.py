"""What `publish` says on stderr: how many groups it listed, and why others are not there."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from selvhjelp_cli.console import printable

if TYPE_CHECKING:
    from selvhjelp_cli.publish import Selection

_REASONS = {
    "closed": ("har startet og er lukket", "har startet og er lukket"),
    "ended": ("er avsluttet", "er avsluttet"),
    "invalid": ("er en ugyldig fil (se «selvhjelp check»)", "er ugyldige filer (se «selvhjelp check»)"),
    "no_meetings": ("har ingen flere møter i planen", "har ingen flere møter i planen"),
}


def print_summary(selection: Selection, written: str | None) -> None:
    count = len(selection.listings)
    listed = "Ingen grupper tar imot nye deltakere." if not count else (
        "1 gruppe tar imot nye deltakere." if count == 1 else f"{count} grupper tar imot nye deltakere.")
    if written:
        listed += f" Skrev {printable(written)}."
    lines = [listed]
    for reason, number in selection.left_out.items():
        one, many = _REASONS[reason]
        lines.append(f"Ikke med: {number} {'gruppe som ' + one if number == 1 else 'grupper som ' + many}.")
    print("\n".join(lines), file=sys.stderr)
