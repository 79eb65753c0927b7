"""The `selvhjelp` command line: parse options, call one function, print, exit.

Only Typer is imported at start-up; each command imports what it needs. The
program starts in entry.py, which answers --version and plain find-district
questions before Typer is loaded.
"""

from __future__ import annotations

import os
import sys
from datetime import date
from enum import Enum
from typing import Annotated, Optional

# Pydantic plugins (tracing, logging) see every value validated, and group
# files hold the names of people in a self-help group: none may look.
os.environ["PYDANTIC_DISABLE_PLUGINS"] = "__all__"

import typer  # noqa: E402
import typer.core  # noqa: E402

from selvhjelp_cli import __version__  # noqa: E402
from selvhjelp_cli.errors import UserError  # noqa: E402

# Click's help frame (usage line, section titles, the --help option) is
# English; these are the words a user sees in it, in Norwegian.
_HELP_WORDS = (
    ("Usage: ", "Bruk: "),
    ("\nArguments:\n", "\nArgumenter:\n"),
    ("\nOptions:\n", "\nValg:\n"),
    ("\nCommands:\n", "\nKommandoer:\n"),
    ("Show this message and exit.", "Vis denne hjelpen og avslutt."),
    ("[default: ", "[standard: "),
    ("[required]", "[må oppgis]"),
    ("[OPTIONS]", "[VALG]"),
    ("COMMAND [ARGS]...", "KOMMANDO [ARGUMENTER]..."),
)


def _norwegian_help(text: str) -> str:
    for english, norwegian in _HELP_WORDS:
        text = text.replace(english, norwegian)
    return text


class _Group(typer.core.TyperGroup):
    def get_help(self, ctx) -> str:
        return _norwegian_help(super().get_help(ctx))


class _Command(typer.core.TyperCommand):
    def get_help(self, ctx) -> str:
        return _norwegian_help(super().get_help(ctx))


app = typer.Typer(
    cls=_Group,
    name="selvhjelp",
    help="Verktøy for selvorganiserte selvhjelpsgrupper: sjekk gruppefiler, finn distriktskontor, "
    "lag møteplan og skriv ut taushetserklæringer og ark.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def command(*args, **kwargs):
    return app.command(*args, cls=_Command, **kwargs)

EXIT_OK, EXIT_NOT_FOUND, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130


class OutputFormat(str, Enum):
    text = "text"
    json = "json"


TodayOption = Annotated[
    Optional[str],
    typer.Option("--today", metavar="ÅÅÅÅ-MM-DD", help="Vurder som om det var denne datoen."),
]
FormatOption = Annotated[OutputFormat, typer.Option("--format", help="text eller json.")]


def _today(value: str | None) -> date:
    if value is None:
        return date.today()
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise UserError("--today må være en dato på formen ÅÅÅÅ-MM-DD, for eksempel 2027-01-07.") from None


def _fail(error: UserError) -> typer.Exit:
    from selvhjelp_cli.report import printable

    print(f"Feil: {printable(str(error))}", file=sys.stderr)
    return typer.Exit(EXIT_USAGE)


def _load(path: str):
    """The group in a file, or every problem printed and exit 2."""
    from selvhjelp_cli.loader import InvalidFile, load_group
    from selvhjelp_cli.report import printable

    try:
        return load_group(path).group
    except InvalidFile as error:
        for problem in error.problems:
            where = ":".join(str(p) for p in (path, problem.line, problem.column) if p is not None)
            print(f"Feil: {printable(where)}: {printable(problem.message)}", file=sys.stderr)
        raise typer.Exit(EXIT_USAGE) from None
    except UserError as error:
        raise _fail(error) from None


def _date(value: str | None, option: str) -> date | None:
    if value is None:
        return None
    from selvhjelp_cli.dates import parse_date

    try:
        return parse_date(value)
    except ValueError:
        raise _fail(UserError(f"{option} må være en dato, for eksempel 2027-01-07 eller 7.1.2027.")) from None


def _version(value: bool) -> None:
    if value:
        print(f"selvhjelp {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Vis versjonen og avslutt.")
    ] = False,
) -> None:
    """Verktøy for selvorganiserte selvhjelpsgrupper."""


@command()
def check(
    paths: Annotated[Optional[list[str]], typer.Argument(
        help="Gruppefiler eller mapper (standard: denne mappen).", metavar="STI", show_default=False)] = None,
    output_format: FormatOption = OutputFormat.text,
    strict: Annotated[bool, typer.Option("--strict", help="Advarsler som ikke er valgt bort, gir også exit 1.")] = False,
    today: TodayOption = None,
) -> None:
    """Sjekk gruppefiler mot rammene for selvorganiserte selvhjelpsgrupper."""
    from selvhjelp_cli.checker import check_paths
    from selvhjelp_cli.report import REPORTER_BY_NAME

    try:
        run = check_paths(paths or [], _today(today))
    except UserError as error:
        raise _fail(error) from None
    REPORTER_BY_NAME[output_format.value](sys.stdout).report(run)
    raise typer.Exit(run.exit_code(strict))


@command()
def rules(
    rule: Annotated[Optional[str], typer.Argument(
        help="Id-en til en regel, for eksempel group-size.", metavar="REGEL", show_default=False)] = None,
) -> None:
    """Vis reglene, eller forklar én regel."""
    from selvhjelp_cli.report import print_rule, print_rules

    try:
        if rule is None:
            print_rules()
        else:
            print_rule(rule)
    except UserError as error:
        raise _fail(error) from None


@command("find-district")
def find_district(
    county: Annotated[Optional[str], typer.Option("--county", help="Fylke: navn eller nummer, gammelt eller nytt.")] = None,
    municipality: Annotated[Optional[str], typer.Option("--municipality", help="Kommune.")] = None,
    postcode: Annotated[Optional[str], typer.Option("--postcode", help="Postnummer (fire sifre).")] = None,
    show_all: Annotated[bool, typer.Option("--all", help="Vis alle distriktskontorene.")] = False,
    output_format: FormatOption = OutputFormat.text,
) -> None:
    """Finn distriktskontoret som dekker et fylke, en kommune eller et postnummer."""
    given = [v is not None for v in (county, municipality, postcode)] + [show_all]
    if sum(given) != 1:
        raise _fail(UserError("Oppgi nøyaktig én av --county, --municipality, --postcode eller --all."))
    from selvhjelp_cli import report

    if show_all:
        if output_format is OutputFormat.json:
            report.print_json(report.offices_json())
        else:
            from selvhjelp_cli.console import make_console

            report.print_offices(make_console())
        return
    kind, value = next((k, v) for k, v in (("county", county), ("municipality", municipality),
                                           ("postcode", postcode)) if v is not None)
    try:
        found = report.answer_district(kind, value, output_format.value)
    except UserError as error:
        raise _fail(error) from None
    raise typer.Exit(EXIT_OK if found else EXIT_NOT_FOUND)


def _opt(help_text: str, flag: str, metavar: str | None = None):
    return typer.Option(flag, help=help_text, metavar=metavar)


@command("init-group")
def init_group(
    file: Annotated[Optional[str], typer.Argument(help="Filen som skal lages (standard: etter gruppas navn).", metavar="FIL",
                                                  show_default=False)] = None,
    name: Annotated[Optional[str], _opt("Gruppas navn.", "--name")] = None,
    theme: Annotated[Optional[str], _opt("Tema (valgfritt).", "--theme")] = None,
    county: Annotated[Optional[str], _opt("Fylke (gammelt eller nytt navn, eller nummer).", "--county")] = None,
    municipality: Annotated[Optional[str], _opt("Kommune.", "--municipality")] = None,
    first_meeting: Annotated[Optional[str], _opt("Første møte, for eksempel 7.1.2027.", "--first-meeting",
                                                 "DATO")] = None,
    start: Annotated[Optional[str], _opt("Klokkeslett, for eksempel 18:00.", "--start", "TT:MM")] = None,
    duration: Annotated[Optional[str], _opt("Lengde i minutter (standard 120).", "--duration", "MIN")] = None,
    pause: Annotated[Optional[str], _opt("Pause i minutter (standard 15).", "--break", "MIN")] = None,
    every_weeks: Annotated[Optional[str], _opt("Uker mellom møtene (standard 1).", "--every-weeks", "N")] = None,
    venue: Annotated[Optional[str], _opt("Møtested (fysisk gruppe).", "--venue")] = None,
    address: Annotated[Optional[str], _opt("Adressen til møtestedet.", "--address")] = None,
    digital: Annotated[bool, typer.Option("--digital", help="Gruppa møtes på video.")] = False,
    platform: Annotated[Optional[str], _opt("Videoverktøy (digital gruppe).", "--platform")] = None,
    url: Annotated[Optional[str], _opt("Lenke til møterommet.", "--url")] = None,
    language: Annotated[Optional[str], _opt("Språk for utskrifter: nb, nn eller en.", "--language")] = None,
    starter: Annotated[Optional[str], _opt("Igangsetterens navn.", "--starter")] = None,
    starter_contact: Annotated[Optional[str], _opt("Igangsetterens telefon eller e-post.", "--starter-contact")] = None,
    starter_meetings: Annotated[Optional[str], _opt("Møter igangsetteren er med på (standard 3).",
                                                    "--starter-meetings", "N")] = None,
    no_input: Annotated[bool, typer.Option("--no-input", help="Ikke spør; mangler noe, avslutt med feil.")] = False,
    force: Annotated[bool, typer.Option("--force", help="Skriv over en fil som finnes.")] = False,
    today: TodayOption = None,
) -> None:
    """Lag en ny gruppefil med forklaringer, ved å svare på spørsmål eller med valg."""
    from selvhjelp_cli import init_group as setup
    from selvhjelp_cli.console import make_console
    from selvhjelp_cli.files import refuse_existing

    if venue is not None and (digital or platform is not None):
        raise _fail(UserError("Velg enten --venue (fysisk gruppe) eller --digital med --platform."))
    mode = "d" if digital or platform is not None or url is not None else ("f" if venue is not None else None)
    given = {
        "name": name, "theme": theme, "county": county, "municipality": municipality, "mode": mode,
        "venue_name": venue, "venue_address": address, "platform": platform, "url": url,
        "first_meeting": first_meeting, "start": start, "duration": duration, "break_minutes": pause,
        "every_weeks": every_weeks, "starter_name": starter, "starter_contact": starter_contact,
        "starter_meetings": starter_meetings, "language": language,
    }
    console = make_console()
    try:
        day = _today(today)
        if file:
            refuse_existing(file, force)  # before the questions, not after them
        if not no_input:
            console.print("Ny gruppefil. Trykk Enter for å bruke forslaget i [hakeparentes]; Ctrl+C avbryter "
                          "uten å lagre noe.")
        answers = setup.collect(given, None if no_input else setup.TerminalAsker(console))
        path = file or setup.free_file_name(answers["name"], force)
        setup.write_group_file(path, answers, today=day, force=force)
    except EOFError:
        print("\nAvbrutt: fikk ikke flere svar. Ingenting er lagret.", file=sys.stderr)
        raise typer.Exit(EXIT_USAGE) from None
    except UserError as error:
        raise _fail(error) from None
    from selvhjelp_cli.report import print_next_steps

    print_next_steps(console, path, answers)


class DocFormat(str, Enum):
    pdf = "pdf"
    html = "html"
    md = "md"


class Language(str, Enum):
    nb = "nb"
    nn = "nn"
    en = "en"


class HandoutKind(str, Enum):
    principles = "principles"
    framework = "framework"
    first_meeting = "first-meeting"
    digital = "digital"
    registration = "registration"
    attendance = "attendance"
    poster = "poster"


GroupFileArgument = Annotated[Optional[str], typer.Argument(help="Gruppefilen (valgfri).", metavar="FIL",
                                                            show_default=False)]
OutputOption = Annotated[Optional[str], typer.Option("--output", "-o", metavar="FIL",
                                                     help="Filen som skal skrives; - er standard ut.")]
DocFormatOption = Annotated[DocFormat, typer.Option("--format", help="pdf, html eller md.")]
LanguageOption = Annotated[Optional[Language], typer.Option("--lang", help="nb, nn eller en (standard: gruppefilens "
                                                                          "språk, ellers nb).")]
TemplatesOption = Annotated[Optional[str], typer.Option("--templates", metavar="MAPPE",
                                                        help="Mappe med egne maler, for eksempel et brevhode.")]
ForceOption = Annotated[bool, typer.Option("--force", help="Skriv over en fil som finnes.")]


def _write_document(document, output: str | None, output_format: DocFormat, templates: str | None,
                    force: bool) -> None:
    import os

    from selvhjelp_cli.files import refuse_existing, write_output
    from selvhjelp_cli.render import render_document

    if templates is not None and not os.path.isdir(templates):
        raise UserError("Malmappen finnes ikke.", path=templates)
    target = output or f"{document.file_stem}.{output_format.value}"
    refuse_existing(target, force)  # before the PDF is made, not after
    content = render_document(document, output_format.value, user_dir=templates)
    write_output(target, content, force=force, private=document.private)
    if target != "-":
        note = " Bare du kan lese den, fordi den inneholder navn." if document.private else ""
        print(f"Skrev {target}.{note}", file=sys.stderr)


def _language(choice: Optional[Language], group) -> str:
    if choice is not None:
        return choice.value
    return group.language if group is not None else "nb"


@command("print-declaration")
def print_declaration(
    file: GroupFileArgument = None,
    output: OutputOption = None,
    output_format: DocFormatOption = DocFormat.pdf,
    lang: LanguageOption = None,
    sheet: Annotated[bool, typer.Option("--sheet", help="Én side med en signaturlinje per deltaker.")] = False,
    blank: Annotated[Optional[int], typer.Option("--blank", min=1, max=200, metavar="N",
                                                 help="N erklæringer uten navn (trenger ingen gruppefil).")] = None,
    templates: TemplatesOption = None,
    today: TodayOption = None,
    force: ForceOption = False,
) -> None:
    """Skriv ut taushetserklæringen: én per deltaker, en signaturliste, eller blanke."""
    if sheet and blank is not None:
        raise _fail(UserError("Bruk enten --sheet eller --blank, ikke begge."))
    if file is None and blank is None:
        raise _fail(UserError("Oppgi en gruppefil, eller --blank N for erklæringer uten navn."))
    group = _load(file) if file else None
    from selvhjelp_cli.documents import declaration

    try:
        document = declaration(group, _language(lang, group), _today(today), blank=blank, sheet=sheet)
        _write_document(document, output, output_format, templates, force)
    except UserError as error:
        raise _fail(error) from None


@command("print-handout")
def print_handout(
    kind: Annotated[HandoutKind, typer.Argument(metavar="TYPE", help="principles, framework, first-meeting, digital, registration, "
                                                     "attendance eller poster.", show_default=False)],
    file: GroupFileArgument = None,
    output: OutputOption = None,
    output_format: DocFormatOption = DocFormat.pdf,
    lang: LanguageOption = None,
    templates: TemplatesOption = None,
    today: TodayOption = None,
    force: ForceOption = False,
) -> None:
    """Skriv ut ark til gruppa: prinsipper, rammer, plan for første møte, tips, skjema og plakat."""
    group = _load(file) if file else None
    from selvhjelp_cli.documents import handout

    try:
        document = handout(kind.value, group, _language(lang, group), _today(today))
        _write_document(document, output, output_format, templates, force)
    except UserError as error:
        raise _fail(error) from None


@command()
def calendar(
    file: Annotated[str, typer.Argument(help="Gruppefilen.", metavar="FIL", show_default=False)],
    count: Annotated[Optional[int], typer.Option("--count", min=1, max=500, metavar="N",
                                                 help="Antall møter (standard 12).")] = None,
    until: Annotated[Optional[str], typer.Option("--until", metavar="DATO", help="Vis møter til og med denne datoen.")] = None,
    from_start: Annotated[bool, typer.Option("--all", help="Begynn ved første møte, også om det er passert.")] = False,
    skip_holidays: Annotated[bool, typer.Option("--skip-holidays", help="Hopp over helligdager, julaften og nyttårsaften.")] = False,
    ics: Annotated[Optional[str], typer.Option("--ics", metavar="FIL", help="Skriv møtene til en kalenderfil (.ics); - er standard ut.")] = None,
    today: TodayOption = None,
    force: Annotated[bool, typer.Option("--force", help="Skriv over en fil som finnes.")] = False,
) -> None:
    """Vis møteplanen med norske helligdager, og lag kalenderfil (.ics)."""
    if count is not None and until is not None:
        raise _fail(UserError("Bruk enten --count eller --until, ikke begge."))
    try:
        day = _today(today)
    except UserError as error:
        raise _fail(error) from None
    last = _date(until, "--until")
    group = _load(file)
    from selvhjelp_cli.meetings import listing

    meetings, skipped = listing(group, today=day, count=count, until=last, from_start=from_start,
                                skip_holidays=skip_holidays)
    if ics is not None:
        from datetime import datetime, timezone

        from selvhjelp_cli.files import write_output
        from selvhjelp_cli.meetings import to_ics

        try:
            write_output(ics, to_ics(group, meetings, stamp=datetime.now(timezone.utc)), force=force)
        except UserError as error:
            raise _fail(error) from None
        if ics != "-":
            print(f"Skrev {len(meetings)} møter til {ics}.", file=sys.stderr)
        return
    from selvhjelp_cli.console import make_console
    from selvhjelp_cli.report import print_calendar

    print_calendar(make_console(), group, meetings, skipped)


@command()
def schema(
    output: Annotated[Optional[str], typer.Option("--output", "-o", help="Skriv skjemaet til denne filen.")] = None,
    force: Annotated[bool, typer.Option("--force", help="Skriv over en fil som finnes.")] = False,
) -> None:
    """Skriv ut JSON Schema for gruppefilen (for redigeringsprogrammer)."""
    from selvhjelp_cli.files import STDOUT, write_output
    from selvhjelp_cli.schema import schema_json

    try:
        write_output(output or STDOUT, schema_json(), force=force)
    except UserError as error:
        raise _fail(error) from None
    if output and output != STDOUT:
        print(f"Skrev {output}.", file=sys.stderr)


def _usage_message(error: Exception) -> str:
    """Click's usage errors, told in Norwegian."""
    kind = type(error).__name__
    param = getattr(error, "param", None)
    hint = getattr(error, "param_hint", None) or (param.opts[0] if param is not None and param.opts else None)
    if kind == "NoSuchOption":
        name = getattr(error, "option_name", "")
        possible = getattr(error, "possibilities", None) or []
        extra = f" Mente du {' eller '.join(sorted(possible))}?" if possible else ""
        return f"Ukjent valg {name}.{extra}"
    if kind == "MissingParameter":
        return f"Mangler {hint or 'et argument'}."
    if kind == "BadParameter":
        # The user's value is not repeated; the valid choices are.
        import re

        listed = re.search(r"is not one of (.*)", error.format_message())
        if listed:
            values = ", ".join(re.findall(r"'([^']*)'", listed.group(1)))
            return f"Ugyldig verdi for {hint}. Gyldige verdier: {values}."
        return f"Ugyldig verdi for {hint}."
    message = error.format_message() if hasattr(error, "format_message") else str(error)
    if message.startswith("No such command"):
        return "Ukjent kommando. Se «selvhjelp --help» for kommandoene."
    if "Got unexpected extra argument" in message:
        return "For mange argumenter."
    if "requires an argument" in message:
        return f"{message.split(' ')[0]} må ha en verdi."
    return message


def run(argv: list[str]) -> int:
    """Run the program with these arguments; returns the exit code."""
    from typer import TyperException

    try:
        code = app(args=argv, prog_name="selvhjelp", standalone_mode=False)
    except TyperException as error:
        if type(error).__name__ == "NoArgsIsHelpError":
            print(_norwegian_help(error.format_message()))
            return EXIT_USAGE
        print(f"Feil: {_usage_message(error)} Se «selvhjelp --help».", file=sys.stderr)
        return getattr(error, "exit_code", EXIT_USAGE)
    except (typer.Abort, KeyboardInterrupt):
        print("\nAvbrutt. Ingenting er lagret.", file=sys.stderr)
        return EXIT_INTERRUPTED
    except UserError as error:
        from selvhjelp_cli.report import printable

        print(f"Feil: {printable(str(error))}", file=sys.stderr)
        return EXIT_USAGE
    except Exception as error:  # noqa: BLE001 - the last line of defence: never a traceback
        # Only the kind of error is shown: its text could hold data from a group file.
        print(f"Feil: selvhjelp stoppet på grunn av en feil i programmet ({type(error).__name__}). "
              "Ingen filer er endret. Meld gjerne fra om hva du gjorde.", file=sys.stderr)
        return EXIT_USAGE
    if code == EXIT_INTERRUPTED:  # Typer turns Ctrl+C into this code
        print("\nAvbrutt. Ingenting er lagret.", file=sys.stderr)
    return code if isinstance(code, int) else EXIT_OK


def main() -> None:
    from selvhjelp_cli.entry import main as entry_main

    entry_main()
