"""What `publish` says on stderr: how many groups it listed, and why others are not there."""

from __future__ import annotations

from selvhjelp_cli.i18n import N_, _

import sys
from typing import TYPE_CHECKING

from selvhjelp_cli.console import printable

if TYPE_CHECKING:
    from selvhjelp_cli.publish import Selection

_REASONS = {
    "closed": (N_("har startet og er lukket"), N_("har startet og er lukket")),
    "ended": (N_("er avsluttet"), N_("er avsluttet")),
    "invalid": (N_("er en ugyldig fil (se «selvhjelp check»)"), N_("er ugyldige filer (se «selvhjelp check»)")),
    "no_meetings": (N_("har ingen flere møter i planen"), N_("har ingen flere møter i planen")),
}


def print_summary(selection: Selection, written: str | None) -> None:
    count = len(selection.listings)
    listed = _("Ingen grupper tar imot nye deltakere.") if not count else (
        _("1 gruppe tar imot nye deltakere.") if count == 1 else _("{count} grupper tar imot nye deltakere.").format(count=count))
    if written:
        listed += " " + _("Skrev {path}.").format(path=printable(written))
    lines = [listed]
    for reason, number in selection.left_out.items():
        one, many = _REASONS[reason]
        lines.append(_("Ikke med: {number} {value}.").format(number=number, value='gruppe som ' + one if number == 1 else 'grupper som ' + many))
    print("\n".join(lines), file=sys.stderr)
