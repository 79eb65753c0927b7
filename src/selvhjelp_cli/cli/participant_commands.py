"""The participants of a group: add, sign, leave, remove (added by mistake), list."""

from __future__ import annotations

import sys
from typing import Annotated, Optional

import typer

from selvhjelp_cli.cli import asking, options
from selvhjelp_cli.cli.console import printable
from selvhjelp_cli.cli.options import (
    DateOption,
    EditForceOption,
    FormatOption,
    GroupFile,
    NoInputOption,
    TodayOption,
    option,
)
from selvhjelp_cli.cli.typer_app import participant_app, subcommand
from selvhjelp_cli.core.i18n import _, translate

NameArgument = Annotated[Optional[str], typer.Argument(help="Deltakeren (navnet, eller starten av det).",
                                                       metavar="NAVN", show_default=False)]


@subcommand(participant_app, "add")
def participant_add(
    file: GroupFile,
    name: Annotated[Optional[str], option("Navnet (fornavn og initial er nok).", "--name")] = None,
    born: Annotated[Optional[str], option("Fødselsår eller fødselsdato.", "--born", "ÅR|DATO")] = None,
    adult: Annotated[bool, typer.Option(
        "--adult", help="Bekreft at deltakeren har fylt 18 år, uten å lagre alderen.")] = False,
    joined: Annotated[Optional[str], option("Første møte for deltakeren (standard: gruppas første møte).",
                                            "--joined", "DATO")] = None,
    signed: Annotated[Optional[str], option("Datoen taushetserklæringen ble skrevet under.", "--signed",
                                            "DATO")] = None,
    role: Annotated[Optional[str], option("Praktisk oppgave, for eksempel «låser opp».", "--role")] = None,
    no_input: NoInputOption = False,
    today: TodayOption = None,
    force: EditForceOption = False,
) -> None:
    """Legg til en deltaker i gruppefilen."""
    from selvhjelp_cli.editing import participants
    from selvhjelp_cli.groupfile import answers as parsers

    day = options.today(today)
    group = options.load(file)
    # Without a name the command interviews; with one, only what the group file must have is asked for.
    interview = name is None and not no_input
    who = asking.ask(name, prompt="Navn", parse=parsers.text, flag="--name", no_input=no_input)
    birth = asking.ask(born, prompt="", parse=parsers.optional(parsers.birth), flag="--born", no_input=True,
                       required=False)
    confirmed = True if adult else None
    if birth is None and confirmed is None and not no_input:
        # Every participant is 18 or older, and the file must say so: a birth year, or a yes.
        birth = asking.ask(None, prompt=_("Fødselsår eller fødselsdato (tomt: bare bekreft 18 år)"),
                           parse=parsers.optional(parsers.birth), flag="--born", no_input=False, default="",
                           required=False)
        if birth is None:
            confirmed = asking.ask(None, prompt=_("Er personen fylt 18 år? (ja/nei)"), parse=parsers.yes_or_no,
                                   flag="--adult", no_input=False)
    participants.check_age(birth, confirmed)  # before any further question
    offered = participants.offered_join_day(group, day) if interview else None
    joined_day = asking.ask(joined, prompt=_("Første møte for deltakeren"),
                            parse=parsers.optional(asking.day_parser(day)), flag="--joined", no_input=not interview,
                            default=f"{offered.day}.{offered.month}.{offered.year}" if offered else "",
                            required=False)
    signed_day = asking.ask(signed, prompt=_("Signert taushetserklæringen (dato, tomt hvis ikke ennå)"),
                            parse=parsers.optional(asking.day_parser(day)), flag="--signed",
                            no_input=not interview, default="", required=False)
    asking.edit(file, lambda editor: participants.add_participant(
        editor, who, born=birth, adult=confirmed, joined=joined_day, signed=signed_day, role=role), force)
    notice = participants.age_notice(group, " ".join(who.split()), birth, confirmed, joined_day, day)
    if notice is not None:
        print_notice(notice)


def print_notice(finding) -> None:
    """What `check` will say about a change just made, at once: «Feil (adult): …» on stderr."""
    from selvhjelp_cli.rules.findings import SEVERITY_LABEL

    label = translate(SEVERITY_LABEL[finding.severity])
    print(printable(_("{severity} ({rule}): {message}").format(
        severity=label[:1].upper() + label[1:], rule=finding.rule, message=finding.message)), file=sys.stderr)


@subcommand(participant_app, "sign")
def participant_sign(
    file: GroupFile,
    name: NameArgument = None,
    when: DateOption = None,
    no_input: NoInputOption = False,
    today: TodayOption = None,
    force: EditForceOption = False,
) -> None:
    """Registrer at en deltaker har skrevet under taushetserklæringen."""
    from selvhjelp_cli.editing import participants

    _participant_event(file, name, when, no_input, today, _("Hvem har skrevet under?"), participants.sign, force)


@subcommand(participant_app, "leave")
def participant_leave(
    file: GroupFile,
    name: NameArgument = None,
    when: DateOption = None,
    no_input: NoInputOption = False,
    today: TodayOption = None,
    force: EditForceOption = False,
) -> None:
    """Registrer at en deltaker har sluttet (siste møte)."""
    from selvhjelp_cli.editing import participants

    _participant_event(file, name, when, no_input, today, _("Hvem har sluttet?"), participants.leave, force)


def _participant_event(file: str, name, when, no_input: bool, today, prompt: str, event, force: bool) -> None:
    """Something that happens to one participant on one day (signing, leaving)."""
    now = options.today(today)
    day = options.day(when, "--date", today=now) or now
    options.load(file)  # an invalid file stops before any question
    who = asking.ask(name, prompt=prompt, parse=asking.name, flag="NAVN", no_input=no_input, today=day)
    asking.edit(file, lambda editor: event(editor, who, day), force)


@subcommand(participant_app, "remove")
def participant_remove(
    file: GroupFile,
    name: NameArgument = None,
    no_input: NoInputOption = False,
    force: EditForceOption = False,
) -> None:
    """Fjern en deltaker som ble lagt til ved en feil (den som slutter, registreres med «leave»)."""
    from selvhjelp_cli.editing import participants

    options.load(file)
    who = asking.ask(name, prompt=_("Hvem skal fjernes?"), parse=asking.name, flag="NAVN", no_input=no_input)
    asking.edit(file, lambda editor: participants.remove_participant(editor, who), force)


@subcommand(participant_app, "list")
def participant_list(
    file: GroupFile,
    output_format: FormatOption = "text",
    today: TodayOption = None,
) -> None:
    """Vis deltakerne med status og taushetserklæring."""
    from selvhjelp_cli.cli.participant_table import print_participants

    output_format = options.choice(output_format, ("text", "json"), "--format")
    print_participants(options.load(file), options.today(today), output_format)
