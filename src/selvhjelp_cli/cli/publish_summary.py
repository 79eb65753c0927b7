"""What `publish` says on stderr: how many groups it listed, and why others are not there."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from selvhjelp_cli.cli.console import printable
from selvhjelp_cli.core.i18n import _, ngettext

if TYPE_CHECKING:
    from selvhjelp_cli.offices.publish import Selection

# Why groups were left out, as whole sentences so that each language can say it its own way.
_LEFT_OUT = {
    "closed": lambda n: ngettext("Ikke med: {count} gruppe som har startet og er lukket.",
                                 "Ikke med: {count} grupper som har startet og er lukket.", n),
    "ended": lambda n: ngettext("Ikke med: {count} gruppe som er avsluttet.",
                                "Ikke med: {count} grupper som er avsluttet.", n),
    "invalid": lambda n: ngettext("Ikke med: {count} gruppe med ugyldig gruppefil (se «selvhjelp check»).",
                                  "Ikke med: {count} grupper med ugyldig gruppefil (se «selvhjelp check»).", n),
    "requirement": lambda n: ngettext(
        "Ikke med: {count} gruppe som bryter et krav i rammene (se «selvhjelp check»).",
        "Ikke med: {count} grupper som bryter et krav i rammene (se «selvhjelp check»).", n),
    "no_meetings": lambda n: ngettext("Ikke med: {count} gruppe som ikke har flere møter i planen.",
                                      "Ikke med: {count} grupper som ikke har flere møter i planen.", n),
}


def digital_note(selection: Selection) -> str | None:
    """Why the feed leaves out the digital groups the list has, or None when there are none."""
    from selvhjelp_cli.offices.publish import in_feed

    digital = sum(not in_feed(listing) for listing in selection.listings)
    if not digital:
        return None
    return ngettext(
        "Ikke med i JSON-en: {count} digital gruppe. Meeting Guide-klienter viser en digital gruppe bare med "
        "lenken til møterommet, og den blir aldri publisert. Gruppa står på nettsiden (--format html).",
        "Ikke med i JSON-en: {count} digitale grupper. Meeting Guide-klienter viser en digital gruppe bare med "
        "lenken til møterommet, og den blir aldri publisert. Gruppene står på nettsiden (--format html).",
        digital).format(count=digital)


def print_summary(selection: Selection, written: str | None, output_format: str = "json") -> None:
    from selvhjelp_cli.offices.publish import published_contacts

    count = len(selection.listings)
    listed = _("Ingen grupper tar imot nye deltakere.") if not count else ngettext(
        "{count} gruppe tar imot nye deltakere.", "{count} grupper tar imot nye deltakere.", count).format(count=count)
    if written:
        listed += " " + _("Skrev {path}.").format(path=printable(written))
    lines = [listed]
    for reason, number in selection.left_out.items():
        lines.append(_LEFT_OUT[reason](number).format(count=number))
    if output_format == "json" and (note := digital_note(selection)):
        lines.append(note)
    phones, emails = published_contacts(selection, output_format)
    if phones or emails:
        # The starter's own number on the open web is the starter's choice: say what goes out.
        told = []
        if phones:
            told.append(ngettext("telefonnummeret til {count} igangsetter", "telefonnumrene til {count} igangsettere",
                                 phones).format(count=phones))
        if emails:
            told.append(ngettext("e-postadressen til {count} igangsetter", "e-postadressene til {count} igangsettere",
                                 emails).format(count=emails))
        from selvhjelp_cli.core.words import join

        lines.append(_("Offentlig: {what}. Den som ikke vil stå der, kan fjerne «contact» i gruppefilen.")
                     .format(what=join(told)))
    print("\n".join(lines), file=sys.stderr)
