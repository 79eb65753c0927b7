"""A group's meetings and decisions: cancel, move or pause meetings, record what the
group agreed, and end the group."""

from __future__ import annotations

from typing import Annotated

import typer

from selvhjelp_cli.cli import asking, options
from selvhjelp_cli.cli.options import DateOption, EditForceOption, GroupFile, NoInputOption, TodayOption, option
from selvhjelp_cli.cli.typer_app import command, decision_app, meeting_app, subcommand
from selvhjelp_cli.core.i18n import _

DayArgument = Annotated[str | None, typer.Argument(help="Møtedatoen i planen.", metavar="DATO",
                                                      show_default=False)]


@subcommand(meeting_app, "cancel")
def meeting_cancel(
    file: GroupFile,
    day: DayArgument = None,
    reason: Annotated[str | None, option("Hvorfor, for eksempel påske. Står i gruppefilen, aldri i "
                                            "kalenderfilen.", "--reason")] = None,
    no_input: NoInputOption = False,
    today: TodayOption = None,
    force: EditForceOption = False,
) -> None:
    """Avlys ett møte."""
    from selvhjelp_cli.editing import life

    now = options.today(today)
    options.load(file)
    which = asking.ask(day, prompt=_("Hvilket møte (dato)?"), parse=asking.day_parser(now), flag="DATO",
                       no_input=no_input, today=now)
    asking.edit(file, lambda editor: life.cancel(editor, which, reason), force)


@subcommand(meeting_app, "move")
def meeting_move(
    file: GroupFile,
    day: DayArgument = None,
    new_day: Annotated[str | None, typer.Argument(help="Den nye dagen.", metavar="NY_DATO",
                                                     show_default=False)] = None,
    start: Annotated[str | None, option("Klokkeslett den dagen, om det er et annet.", "--start",
                                           "TT:MM")] = None,
    no_input: NoInputOption = False,
    today: TodayOption = None,
    force: EditForceOption = False,
) -> None:
    """Flytt ett møte til en annen dag (og tid)."""
    from selvhjelp_cli.editing import life
    from selvhjelp_cli.groupfile import answers as parsers

    now = options.today(today)
    options.load(file)
    which = asking.ask(day, prompt=_("Hvilket møte (dato)?"), parse=asking.day_parser(now), flag="DATO",
                       no_input=no_input, today=now)
    to = asking.ask(new_day, prompt=_("Ny dato"), parse=asking.day_parser(now), flag="NY_DATO", no_input=no_input,
                    today=now)
    begins = asking.ask(start, prompt="", parse=parsers.clock, flag="--start", no_input=True, required=False)
    asking.edit(file, lambda editor: life.move(editor, which, to, begins), force)


@subcommand(meeting_app, "pause")
def meeting_pause(
    file: GroupFile,
    first: Annotated[str | None, typer.Argument(help="Første dag uten møter.", metavar="FRA",
                                                   show_default=False)] = None,
    last: Annotated[str | None, typer.Argument(help="Siste dag uten møter.", metavar="TIL",
                                                  show_default=False)] = None,
    reason: Annotated[str | None, option("Hvorfor, for eksempel sommerferie.", "--reason")] = None,
    no_input: NoInputOption = False,
    today: TodayOption = None,
    force: EditForceOption = False,
) -> None:
    """Ta pause fra og med én dag til og med en annen, for eksempel sommerferien."""
    from selvhjelp_cli.editing import life

    now = options.today(today)
    options.load(file)
    start = asking.ask(first, prompt=_("Første dag uten møter"), parse=asking.day_parser(now), flag="FRA",
                       no_input=no_input, today=now)
    end = asking.ask(last, prompt=_("Siste dag uten møter"), parse=asking.day_parser(now), flag="TIL",
                     no_input=no_input, today=now)
    asking.edit(file, lambda editor: life.pause(editor, start, end, reason), force)


@subcommand(meeting_app, "restore")
def meeting_restore(
    file: GroupFile,
    day: DayArgument = None,
    no_input: NoInputOption = False,
    today: TodayOption = None,
    force: EditForceOption = False,
) -> None:
    """Angre en avlysning, flytt et møte tilbake til dagen i planen, eller ta bort oppholdet en dag ligger i."""
    from selvhjelp_cli.editing import life

    now = options.today(today)
    options.load(file)
    which = asking.ask(day, prompt=_("Hvilket møte (dato)?"), parse=asking.day_parser(now), flag="DATO",
                       no_input=no_input, today=now)
    asking.edit(file, lambda editor: life.restore(editor, which), force)


@subcommand(decision_app, "add")
def decision_add(
    file: GroupFile,
    rule: Annotated[str | None, typer.Argument(help="Regelen, for eksempel group-size.", metavar="REGEL",
                                                  show_default=False)] = None,
    when: DateOption = None,
    note: Annotated[str | None, option("En kort merknad (kan nevne navn; skrives aldri ut).", "--note")] = None,
    no_input: NoInputOption = False,
    today: TodayOption = None,
    force: EditForceOption = False,
) -> None:
    """Registrer noe gruppa har bestemt sammen, for eksempel å ta inn nye deltakere."""
    from selvhjelp_cli.editing import life

    now = options.today(today)
    day = options.day(when, "--date", today=now) or now
    options.load(file)
    which = asking.ask(rule, prompt=_("Hvilken anbefaling gjelder det (for eksempel group-size)?"),
                       parse=asking.name, flag="REGEL", no_input=no_input, today=day)
    asking.edit(file, lambda editor: life.add_decision(editor, which, day, note), force)


@command("end-group")
def end_group(
    file: GroupFile,
    when: DateOption = None,
    reopen: Annotated[bool, typer.Option("--reopen", help="Gruppa møtes likevel: ta bort sluttdatoen.")] = False,
    today: TodayOption = None,
    force: EditForceOption = False,
) -> None:
    """Registrer at gruppa har sluttet å møtes (eller, med --reopen, at den møtes likevel)."""
    from selvhjelp_cli.editing import life

    if reopen:
        if when is not None:
            from selvhjelp_cli.core.errors import UserError

            raise UserError(_("Bruk enten --date eller --reopen, ikke begge."))
        asking.edit(file, life.reopen, force)
        return
    now = options.today(today)
    day = options.day(when, "--date", today=now) or now
    asking.edit(file, lambda editor: life.end(editor, day), force)
