"""The group file: make one (`init-group`), check it (`check`), and the rules and
schema it is checked against (`rules`, `schema`)."""

from __future__ import annotations

import os
import sys
from typing import Annotated

import typer

from selvhjelp_cli.cli import options
from selvhjelp_cli.cli.console import printable
from selvhjelp_cli.cli.options import (
    DirectoryOption,
    ForceOption,
    OutputOption,
    SchemaLanguageOption,
    TodayOption,
    option,
)
from selvhjelp_cli.cli.typer_app import command
from selvhjelp_cli.core.errors import ExitCode, UserError
from selvhjelp_cli.core.i18n import _


@command("init-group")
def init_group(
    file: Annotated[str | None, typer.Argument(help="Filen som skal lages (standard: etter gruppas navn).",
                                                  metavar="FIL", show_default=False)] = None,
    name: Annotated[str | None, option("Gruppas navn.", "--name")] = None,
    theme: Annotated[str | None, option("Tema (valgfritt).", "--theme")] = None,
    county: Annotated[str | None, option("Fylke (gammelt eller nytt navn, eller nummer).", "--county",
                                            "FYLKE")] = None,
    municipality: Annotated[str | None, option("Kommune.", "--municipality", "KOMMUNE")] = None,
    first_meeting: Annotated[str | None, option("Første møte, for eksempel 7.1.2027.", "--first-meeting",
                                                   "DATO")] = None,
    start: Annotated[str | None, option("Klokkeslett, for eksempel 18.00.", "--start", "TT:MM")] = None,
    duration: Annotated[str | None, option("Lengde i minutter (standard 120).", "--duration", "MIN")] = None,
    pause: Annotated[str | None, option("Pause i minutter (standard 15).", "--break", "MIN")] = None,
    every_weeks: Annotated[str | None, option("Uker mellom møtene (standard 1).", "--every-weeks", "N")] = None,
    venue: Annotated[str | None, option("Møtested (fysisk gruppe).", "--venue")] = None,
    address: Annotated[str | None, option("Adressen til møtestedet.", "--address")] = None,
    digital: Annotated[bool, typer.Option("--digital", help="Gruppa møtes på video.")] = False,
    platform: Annotated[str | None, option("Videoverktøy (digital gruppe).", "--platform")] = None,
    url: Annotated[str | None, option("Lenke til møterommet.", "--url", "LENKE")] = None,
    language: Annotated[str | None, option("Språk for utskrifter: nb, nn eller en.", "--language",
                                              "SPRÅK")] = None,
    starter: Annotated[str | None, option("Igangsetterens navn.", "--starter")] = None,
    starter_contact: Annotated[str | None, option("Igangsetterens telefon eller e-post.",
                                                     "--starter-contact")] = None,
    starter_meetings: Annotated[str | None, option("Møter igangsetteren er med på (standard 3).",
                                                      "--starter-meetings", "N")] = None,
    no_input: options.NoInputOption = False,
    force: ForceOption = False,
    today: TodayOption = None,
) -> None:
    """Lag en ny gruppefil med forklaringer, ved å svare på spørsmål eller med valg."""
    from selvhjelp_cli.cli.console import make_console
    from selvhjelp_cli.cli.interview import TerminalAsker, print_next_steps
    from selvhjelp_cli.core.files import STDOUT, refuse_existing
    from selvhjelp_cli.editing import new

    flags = new.given(
        digital=digital, name=name, theme=theme, county=county, municipality=municipality, venue_name=venue,
        venue_address=address, platform=platform, url=url, first_meeting=first_meeting, start=start,
        duration=duration, break_minutes=pause, every_weeks=every_weeks, starter_name=starter,
        starter_contact=starter_contact, starter_meetings=starter_meetings, language=language)
    if file == STDOUT:
        raise UserError(_("En gruppefil skrives alltid til en fil, slik at bare du kan lese den. Oppgi et filnavn."))
    console = make_console()
    day = options.today(today)
    if file:
        refuse_existing(file, force)  # before the questions, not after them
    if not no_input:
        console.print(_("Ny gruppefil. Trykk Enter for å bruke forslaget i [hakeparentes]; Ctrl+C avbryter "
                      "uten å lagre noe."))
    try:
        answers = new.collect(flags, None if no_input else TerminalAsker(console, day), day)
    except EOFError:
        raise UserError(_("Fikk ikke flere svar. Ingenting er lagret.")) from None
    path = file or new.free_file_name(answers["name"], force)
    new.write_group_file(path, answers, today=day, force=force)
    print_next_steps(console, path, answers)


@command()
def check(
    paths: Annotated[list[str] | None, typer.Argument(
        help="Gruppefiler eller mapper (standard: denne mappen).", metavar="STI", show_default=False)] = None,
    output_format: Annotated[str, typer.Option("--format", metavar="FORMAT",
                                               help="text, json, csv, concise eller xlsx (regneark; "
                                                    "med -o).")] = "text",
    output: Annotated[str | None, typer.Option("-o", "--output", metavar="FIL", show_default=False,
                                                  help="Filen oversikten skrives til (for xlsx).")] = None,
    force: ForceOption = False,
    strict: Annotated[bool, typer.Option(
        "--strict", help="Avslutt med kode 1 også når det er advarsler gruppa ikke har bestemt noe om.")] = False,
    office: Annotated[str | None, typer.Option("--office", metavar="ID", show_default=False,
                                                  help="Bare gruppene til dette kontoret (id i katalogen).")] = None,
    directory: DirectoryOption = None,
    today: TodayOption = None,
) -> None:
    """Sjekk gruppefiler mot rammene for selvorganiserte selvhjelpsgrupper."""
    from selvhjelp_cli.cli.report import REPORTER_BY_NAME
    from selvhjelp_cli.core.files import STDOUT, write_output
    from selvhjelp_cli.offices.overview import strict_reason, survey
    from selvhjelp_cli.places.directory import active_directory

    output_format = options.choice(output_format, (*REPORTER_BY_NAME, "xlsx"), "--format")
    if output_format == "xlsx" and (output is None or output == STDOUT):
        raise UserError(_("Et regneark skrives til en fil: legg til -o FIL, for eksempel -o oversikt.xlsx."))
    if output is not None and output_format != "xlsx":
        raise UserError(_("-o brukes med --format xlsx. Andre formater skrives til skjermen; send dem "
                          "videre med > FIL."))
    reporter = REPORTER_BY_NAME.get(output_format)
    from selvhjelp_cli.places.directory import ENVIRONMENT_VARIABLE

    if directory is not None or os.environ.get(ENVIRONMENT_VARIABLE):
        active_directory(directory)  # a directory named but unreadable stops here, whatever is checked
    run, table = survey(paths or [], options.today(today), lambda: active_directory(directory), office=office,
                        with_rows=reporter is None or reporter.uses_overview)
    if reporter is None:
        from selvhjelp_cli.offices.spreadsheet import overview_xlsx

        assert output is not None  # refused above: a spreadsheet is written to a file

        write_output(output, overview_xlsx(table), force=force)
        options.wrote(output)
    else:
        reporter(sys.stdout).report(run, table)
    code = run.exit_code(strict)
    if strict and code == ExitCode.FINDINGS and (reason := strict_reason(run)):
        print(reason, file=sys.stderr)
    if not run.files and office is None:
        where = ", ".join(printable(p) for p in paths) if paths else os.getcwd()
        print(_("Fant ingen gruppefiler i {where}. Lag en med «selvhjelp init-group», "
                "eller oppgi mappen der gruppefilene ligger.").format(where=printable(where)), file=sys.stderr)
        if paths:  # the person named where to look, and there was nothing to check
            code = ExitCode.USAGE
    raise typer.Exit(code)


@command()
def rules(
    rule: Annotated[str | None, typer.Argument(
        help="Id-en til en regel, for eksempel group-size.", metavar="REGEL", show_default=False)] = None,
) -> None:
    """Vis reglene, eller forklar én regel."""
    from selvhjelp_cli.cli.rule_pages import print_rule, print_rules

    if rule is None:
        print_rules()
    else:
        print_rule(rule)


@command()
def schema(
    output: OutputOption = None,
    force: ForceOption = False,
    lang: SchemaLanguageOption = None,
) -> None:
    """Skriv ut JSON Schema for gruppefilen (for redigeringsprogrammer)."""
    from selvhjelp_cli.groupfile.schema import group_schema

    write_schema(group_schema(), output, force, lang)


def write_schema(schema: dict, output: str | None, force: bool, lang: str | None = None) -> None:
    from selvhjelp_cli.core.files import STDOUT, write_output
    from selvhjelp_cli.core.i18n import current, in_language
    from selvhjelp_cli.groupfile.schema import in_reader_language, schema_text

    with in_language(options.language(lang) or current()):
        text = schema_text(in_reader_language(schema))
    write_output(output or STDOUT, text, force=force)
    if output and output != STDOUT:
        options.wrote(output)
