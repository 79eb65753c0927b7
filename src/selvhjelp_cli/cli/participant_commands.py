"""The participants of a group: add, sign, leave, remove (added by mistake), list."""

from __future__ import annotations

import sys
from typing import Annotated

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

NameArgument = Annotated[str | None, typer.Argument(help="Deltakeren (navnet, eller starten av det).",
                                                       metavar="NAVN", show_default=False)]


@subcommand(participant_app, "add")
def participant_add(
    file: GroupFile,
    name: Annotated[str | None, option("Navnet (fornavn og initial er nok).", "--name")] = None,
    born: Annotated[str | None, option("Fødselsår eller fødselsdato.", "--born", "ÅR|DATO")] = None,
    adult: Annotated[bool, typer.Option(
        "--adult", help="Bekreft at deltakeren har fylt 18 år, uten å lagre alderen.")] = False,
    joined: Annotated[str | None, option("Første møte for deltakeren (standard: gruppas første møte).",
                                            "--joined", "DATO")] = None,
    signed: Annotated[str | None, option("Datoen taushetserklæringen ble skrevet under.", "--signed",
                                            "DATO")] = None,
    role: Annotated[str | None, option("Praktisk oppgave, for eksempel «låser opp».", "--role")] = None,
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


@subcommand(participant_app, "edit")
def participant_edit(
    file: GroupFile,
    name: NameArgument = None,
    new_name: Annotated[str | None, option("Nytt navn.", "--name")] = None,
    born: Annotated[str | None, option("Fødselsår eller fødselsdato.", "--born", "ÅR|DATO")] = None,
    adult: Annotated[bool, typer.Option(
        "--adult", help="Deltakeren har fylt 18 år; fødselsåret tas ut av filen.")] = False,
    joined: Annotated[str | None, option("Første møte for deltakeren; tomt (\"\") er gruppas første møte.",
                                            "--joined", "DATO")] = None,
    signed: Annotated[str | None, option("Datoen taushetserklæringen ble skrevet under; tomt (\"\") tar den "
                                            "bort.", "--signed", "DATO")] = None,
    left: Annotated[str | None, option("Siste møte; tomt (\"\") betyr at deltakeren ikke har sluttet.",
                                          "--left", "DATO")] = None,
    no_input: NoInputOption = False,
    today: TodayOption = None,
    force: EditForceOption = False,
) -> None:
    """Rett det gruppefilen sier om en deltaker: navn, alder og datoer. Samme sjekk som når noen legges til."""
    from selvhjelp_cli.editing import participants
    from selvhjelp_cli.groupfile import answers as parsers

    now = options.today(today)
    group = options.load(file)  # an invalid file stops before any question
    who = asking.ask(name, prompt=_("Hvem skal rettes?"), parse=asking.name, flag="NAVN", no_input=no_input)
    day = parsers.optional(asking.day_parser(now))
    changes = {}
    if new_name is not None:
        changes["new_name"] = asking.ask(new_name, prompt="", parse=parsers.text, flag="--name", no_input=True)
    if born is not None:
        changes["born"] = asking.ask(born, prompt="", parse=parsers.optional(parsers.birth), flag="--born",
                                     no_input=True, required=False)
    if adult:
        changes["adult"] = True
    for key, value, flag in (("joined", joined, "--joined"), ("signed", signed, "--signed"), ("left", left, "--left")):
        if value is not None:
            changes[key] = asking.ask(value, prompt="", parse=day, flag=flag, no_input=True, required=False)
    if not changes:
        from selvhjelp_cli.core.errors import UserError

        raise UserError(_("Si hva som skal rettes: --name, --born, --adult, --joined, --signed eller --left."))
    asking.edit(file, lambda editor: participants.edit_participant(editor, who, **changes), force)
    if "born" in changes or "adult" in changes or "joined" in changes:
        fresh = options.load(file)
        person = fresh.participants[participants.find_participant(fresh, changes.get("new_name") or who)]
        notice = participants.age_notice(group, person.name, person.born, person.adult, person.joined, now)
        if notice is not None:
            print_notice(notice)


@subcommand(participant_app, "sign")
def participant_sign(
    file: GroupFile,
    name: NameArgument = None,
    everyone: Annotated[bool, typer.Option(
        "--all", help="Alle aktive deltakere som ikke har skrevet under ennå, skrev under denne dagen.")] = False,
    when: DateOption = None,
    no_input: NoInputOption = False,
    today: TodayOption = None,
    force: EditForceOption = False,
) -> None:
    """Registrer at en deltaker, eller alle, har skrevet under taushetserklæringen."""
    from selvhjelp_cli.editing import participants

    if everyone:
        if name is not None:
            from selvhjelp_cli.core.errors import UserError

            raise UserError(_("Oppgi enten et navn eller --all, ikke begge."))
        now = options.today(today)
        day = options.day(when, "--date", today=now) or now
        options.load(file)
        asking.edit(file, lambda editor: participants.sign_all(editor, day), force)
        return
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
    forget: Annotated[bool, typer.Option(
        "--forget", help="Ta navnet ut av angre-historikken også, så fjerningen ikke kan angres.")] = False,
    no_input: NoInputOption = False,
    force: EditForceOption = False,
) -> None:
    """Fjern en deltaker som ble lagt til ved en feil (den som slutter, registreres med «leave»)."""
    from selvhjelp_cli.editing import history, participants

    group = options.load(file)
    who = asking.ask(name, prompt=_("Hvem skal fjernes?"), parse=asking.name, flag="NAVN", no_input=no_input)
    removed = group.participants[participants.find_participant(group, who)].name
    asking.edit(file, lambda editor: participants.remove_participant(editor, who), force)
    if forget:
        print(printable(participants.forgotten(history.forget(file, removed), removed)))
    elif kept := history.holding(file, removed):
        print(printable(participants.still_in_history(kept, removed)), file=sys.stderr)
        print(printable(_("Vil du ta navnet ut av historikken også: selvhjelp undo {file} --forget «{name}»").format(
            file=file, name=removed)), file=sys.stderr)


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
