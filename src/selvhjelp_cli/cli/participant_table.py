"""`selvhjelp participant list`: the participants of one group, for the file's owner."""

from __future__ import annotations

import sys

from selvhjelp_cli.cli.console import make_console, printable, write_json
from selvhjelp_cli.core.dates import short_date
from selvhjelp_cli.core.i18n import _, translate
from selvhjelp_cli.groupfile.model import PARTICIPANT_STATES


def print_participants(group, today, output_format: str) -> None:
    rows = []
    for person in group.participants:
        rows.append({
            "name": person.name,
            "status": group.participant_state(person, today),
            "joined": group.joined_on(person).isoformat(),
            "declaration_signed": person.declaration_signed.isoformat() if person.declaration_signed else None,
            "left": person.left.isoformat() if person.left else None,
        })
    if output_format == "json":
        write_json({"group": group.name, "participants": rows}, sys.stdout)
        return
    from datetime import date

    from rich import box
    from rich.table import Table

    table = Table(title=_("Deltakere i "
                          "{name}").format(name=printable(group.name)), title_justify="left", box=box.SIMPLE_HEAD)
    for heading in (_("Navn"), _("Status"), _("Begynte"), _("Taushetserklæring"), _("Sluttet")):
        table.add_column(heading, overflow="fold")
    for row in rows:
        signed = (
            short_date(date.fromisoformat(row["declaration_signed"]))
            if row["declaration_signed"]
            else _("ikke skrevet under")
        )
        table.add_row(printable(row["name"]), translate(PARTICIPANT_STATES[row["status"]]),
                      short_date(date.fromisoformat(row["joined"])), signed,
                      short_date(date.fromisoformat(row["left"])) if row["left"] else "")
    console = make_console()
    console.print(table)
    if not rows:
        console.print(_("Ingen deltakere ennå. Legg dem til med «selvhjelp participant add»."))
