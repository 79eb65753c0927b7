"""What is printed and planned: the declaration, the handouts and the meeting calendar."""

from __future__ import annotations

import sys
from datetime import UTC
from typing import Annotated

import typer

from selvhjelp_cli.cli import options
from selvhjelp_cli.cli.console import printable
from selvhjelp_cli.cli.options import (
    DocFormatOption,
    ForceOption,
    GroupFileArgument,
    LanguageOption,
    LetterheadOption,
    OldTemplatesOption,
    OutputOption,
    TodayOption,
)
from selvhjelp_cli.cli.typer_app import command
from selvhjelp_cli.core.errors import UserError
from selvhjelp_cli.core.i18n import _


def _write_document(document, output: str | None, output_format: str, letterhead: str | None,
                    force: bool) -> None:
    from selvhjelp_cli.core.files import STDOUT, refuse_existing, write_output
    from selvhjelp_cli.documents.letterhead import letterhead_from_option
    from selvhjelp_cli.documents.render import render_document

    office = letterhead_from_option(letterhead)
    target = output or f"{document.file_stem}.{output_format}"
    refuse_existing(target, force)  # before the PDF is made, not after
    notes = list(document.notes)
    content = render_document(document, output_format, letterhead=office, notes=notes)
    write_output(target, content, force=force, private=document.private)
    for note in notes:
        print(printable(note), file=sys.stderr)
    if target != STDOUT:
        options.wrote(target, _(" Bare du kan lese den, fordi den inneholder navn.") if document.private else "")


def _document_format(value: str) -> str:
    from selvhjelp_cli.documents.contents import DOCUMENT_FORMATS

    return options.choice(value, DOCUMENT_FORMATS, "--format")


@command("print-declaration")
def print_declaration(
    file: GroupFileArgument = None,
    output: OutputOption = None,
    output_format: DocFormatOption = "pdf",
    lang: LanguageOption = None,
    sheet: Annotated[bool, typer.Option("--sheet", help="Én side med en underskriftslinje per deltaker.")] = False,
    blank: Annotated[str | None, typer.Option("--blank", metavar="N", show_default=False,
                                                 help="N erklæringer uten navn (trenger ingen gruppefil).")] = None,
    letterhead: LetterheadOption = None,
    today: TodayOption = None,
    force: ForceOption = False,
    templates: OldTemplatesOption = None,
) -> None:
    """Skriv ut taushetserklæringen: én side per deltaker, én liste for alle eller tomme skjemaer uten navn."""
    from selvhjelp_cli.documents.contents import BLANK_COPIES, declaration

    options.no_templates(templates)
    output_format = _document_format(output_format)
    copies = options.whole_number(blank, "--blank", *BLANK_COPIES)
    if sheet and copies is not None:
        raise UserError(_("Bruk enten --sheet eller --blank, ikke begge."))
    if file is None and copies is None:
        raise UserError(_("Oppgi en gruppefil, eller --blank N for erklæringer uten navn."))
    day = options.today(today)
    group = options.load(file) if file else None
    document = declaration(group, options.document_language(lang, group), day, blank=copies, sheet=sheet)
    _write_document(document, output, output_format, letterhead, force)


@command("print-handout")
def print_handout(
    kind: Annotated[str, typer.Argument(metavar="UTDELINGSARK", show_default=False,
                                        help="Hvilket utdelingsark: rammer, prinsipper, første-møte, digital, "
                                        "registrering, oppmøteliste eller plakat (eller de engelske navnene "
                                        "framework, principles, first-meeting, digital, registration, attendance "
                                        "og poster).")],
    file: GroupFileArgument = None,
    output: OutputOption = None,
    output_format: DocFormatOption = "pdf",
    lang: LanguageOption = None,
    letterhead: LetterheadOption = None,
    today: TodayOption = None,
    force: ForceOption = False,
    templates: OldTemplatesOption = None,
) -> None:
    """Skriv ut utdelingsark: rammer, prinsipper, plan for første møte, råd for digitale møter, registreringsskjema, oppmøteliste eller plakat."""  # noqa: E501 - one sentence, as the help page shows it
    from selvhjelp_cli.documents.contents import handout, handout_kind

    options.no_templates(templates)
    kind = handout_kind(kind)
    output_format = _document_format(output_format)
    day = options.today(today)
    group = options.load(file) if file else None
    document = handout(kind, group, options.document_language(lang, group), day)
    _write_document(document, output, output_format, letterhead, force)


@command()
def calendar(
    file: options.GroupFile,
    count: Annotated[str | None, typer.Option("--count", metavar="N", show_default=False,
                                                 help="Antall møter (standard 12).")] = None,
    until: Annotated[str | None, typer.Option("--until", metavar="DATO", show_default=False,
                                                 help="Vis møter til og med denne datoen.")] = None,
    from_start: Annotated[bool, typer.Option("--all", help="Begynn ved første møte, også om det er passert.")] = False,
    skip_holidays: Annotated[bool, typer.Option("--skip-holidays",
                                                help="Hopp over helligdager, julaften og nyttårsaften.")] = False,
    ics: Annotated[str | None, typer.Option(
        "--ics", metavar="FIL", show_default=False,
        help="Skriv møtene til en kalenderfil (.ics); - skriver til skjermen.")] = None,
    today: TodayOption = None,
    force: ForceOption = False,
) -> None:
    """Vis møteplanen med norske helligdager, og lag kalenderfil (.ics)."""
    from selvhjelp_cli.calendar.meetings import listing

    how_many = options.whole_number(count, "--count", 1, 500)
    if how_many is not None and until is not None:
        raise UserError(_("Bruk enten --count eller --until, ikke begge."))
    day = options.today(today)
    last = options.day(until, "--until", today=day)
    group = options.load(file)
    whole_season = ics is not None and how_many is None and last is None
    if whole_season:
        from selvhjelp_cli.calendar.meetings import season_end

        last = season_end(group, day)  # the span the app's calendar file covers
    meetings, skipped = listing(group, today=day, count=how_many, until=last, from_start=from_start,
                                skip_holidays=skip_holidays, include_cancelled=True)
    if ics is not None:
        from datetime import datetime

        from selvhjelp_cli.calendar.meetings import to_ics
        from selvhjelp_cli.core.files import STDOUT, write_output

        write_output(ics, to_ics(group, meetings, stamp=datetime.now(UTC),
                                 language=options.document_language(None, group)), force=force)
        if ics != STDOUT:
            from selvhjelp_cli.cli.calendar_table import ics_summary

            print(ics_summary(meetings, printable(ics), season=last if whole_season else None), file=sys.stderr)
        return
    from selvhjelp_cli.cli.calendar_table import print_calendar
    from selvhjelp_cli.cli.console import make_console

    print_calendar(make_console(), group, meetings, skipped)
