"""`undo`: put a group file back as it was before selvhjelp's last change to it, and the
short history of earlier versions that makes that possible."""

from __future__ import annotations

from typing import Annotated

import typer

from selvhjelp_cli.cli import options
from selvhjelp_cli.cli.console import printable
from selvhjelp_cli.cli.options import EditForceOption, GroupFile
from selvhjelp_cli.cli.typer_app import command
from selvhjelp_cli.core.errors import UserError
from selvhjelp_cli.core.i18n import _, ngettext


@command("undo")
def undo(
    file: GroupFile,
    show: Annotated[bool, typer.Option("--list", help="Vis endringene som kan angres, den siste først.")] = False,
    clear: Annotated[bool, typer.Option("--clear", help="Slett hele angre-historikken for filen.")] = False,
    forget: Annotated[str | None, typer.Option(
        "--forget", metavar="NAVN", show_default=False,
        help="Slett de tidligere utgavene som har med dette navnet (for eksempel en som er fjernet).")] = None,
    force: EditForceOption = False,
) -> None:
    """Angre den siste endringen selvhjelp gjorde i gruppefilen, hvis ingenting annet har endret den siden."""
    from selvhjelp_cli.editing import history

    if sum((show, clear, forget is not None)) > 1:
        raise UserError(_("Bruk bare én av --list, --clear og --forget."))
    options.load(file)  # an invalid file is neither changed nor shown
    if show:
        _print_history(file)
    elif clear:
        count = history.clear(file)
        print(ngettext("Slettet angre-historikken ({count} tidligere utgave).",
                       "Slettet angre-historikken ({count} tidligere utgaver).", count).format(count=count))
    elif forget is not None:
        from selvhjelp_cli.editing.participants import forgotten

        name = " ".join(forget.split())
        if not name:
            raise UserError(_("--forget trenger et navn."))
        print(printable(forgotten(history.forget(file, name), name)))
    else:
        print(_("{said} ({path} er oppdatert.)").format(said=printable(history.undo(file, force=force)),
                                                        path=printable(file)))


def _print_history(file: str) -> None:
    from selvhjelp_cli.core.dates import clock, short_date
    from selvhjelp_cli.editing import history

    found = history.entries(file)
    if not found:
        print(_("Ingen endringer å angre i {path}.").format(path=printable(file)))
        return
    undoable = history.last(file) is not None
    for entry in reversed(found):
        mark = _(" (kan angres nå)") if undoable and entry is found[-1] else ""
        print(printable(f"{short_date(entry.at.date())} {clock(entry.at.time())}  {entry.said}{mark}"))
    if not undoable:
        print(_("Filen er endret etter den siste endringen selvhjelp gjorde, så ingen av dem kan angres nå."))
