"""What `publish` says on stderr: how many groups it listed, and why others are not there."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from selvhjelp_cli.console import printable
from selvhjelp_cli.i18n import _, ngettext

if TYPE_CHECKING:
    from selvhjelp_cli.publish import Selection

# Why groups were left out, as whole sentences so that each language can say it its own way.
_LEFT_OUT = {
    "closed": lambda n: ngettext("Ikke med: {count} gruppe som har startet og er lukket.",
                                 "Ikke med: {count} grupper som har startet og er lukket.", n),
    "ended": lambda n: ngettext("Ikke med: {count} gruppe som er avsluttet.",
                                "Ikke med: {count} grupper som er avsluttet.", n),
    "invalid": lambda n: ngettext("Ikke med: {count} gruppe som er en ugyldig fil (se «selvhjelp check»).",
                                  "Ikke med: {count} grupper som er ugyldige filer (se «selvhjelp check»).", n),
    "no_meetings": lambda n: ngettext("Ikke med: {count} gruppe som har ingen flere møter i planen.",
                                      "Ikke med: {count} grupper som har ingen flere møter i planen.", n),
}


def print_summary(selection: Selection, written: str | None) -> None:
    count = len(selection.listings)
    listed = _("Ingen grupper tar imot nye deltakere.") if not count else ngettext(
        "{count} gruppe tar imot nye deltakere.", "{count} grupper tar imot nye deltakere.", count).format(count=count)
    if written:
        listed += " " + _("Skrev {path}.").format(path=printable(written))
    lines = [listed]
    for reason, number in selection.left_out.items():
        lines.append(_LEFT_OUT[reason](number).format(count=number))
    print("\n".join(lines), file=sys.stderr)
