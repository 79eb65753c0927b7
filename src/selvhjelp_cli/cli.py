"""The `selvhjelp` command line: parse options, call one function, print, exit.

Only Typer is imported at start-up; each command imports what it needs.
Every option reaches a command as text and is checked by a parser here, so
every message about a value is our own. Commands raise UserError; entry.run()
alone turns errors into messages and exit codes.
"""

from __future__ import annotations

import os
import sys
from datetime import date
from typing import Annotated, Optional

# Pydantic plugins (tracing, logging) see every value validated, and group
# files hold the names of people in a self-help group: none may look.
os.environ["PYDANTIC_DISABLE_PLUGINS"] = "__all__"

import typer  # noqa: E402
import typer.core  # noqa: E402

from selvhjelp_cli import __version__  # noqa: E402
from selvhjelp_cli.console import printable  # noqa: E402
from selvhjelp_cli.errors import ExitCode, OutputFailed, UserError  # noqa: E402
from selvhjelp_cli.i18n import _, translate  # noqa: E402
from selvhjelp_cli.language import LANGUAGES  # noqa: E402


class _Group(typer.core.TyperGroup):
    def get_help(self, ctx) -> str:
        from selvhjelp_cli.helppage import help_page

        return help_page(self, ctx)

    def resolve_command(self, ctx, args):
        from selvhjelp_cli.usage import UnknownCommand

        name = args[0]
        if not name.startswith("-") and self.get_command(ctx, name) is None:
            raise UnknownCommand(name, list(self.commands), ctx)
        return super().resolve_command(ctx, args)


class _Command(typer.core.TyperCommand):
    def get_help(self, ctx) -> str:
        from selvhjelp_cli.helppage import help_page

        return help_page(self, ctx)

    def parse_args(self, ctx, args):
        # Left-over arguments are counted here instead of in Click's English
        # sentence, which would also repeat them (they may be names).
        from typer._click.exceptions import UsageError

        from selvhjelp_cli.usage import ExtraArguments

        ctx.allow_extra_args = True
        try:
            rest = super().parse_args(ctx, args)
        except UsageError as error:
            # The option parser raises some errors without the context that
            # says which command (and so which --help) they belong to.
            if error.ctx is None:
                error.ctx, error.cmd = ctx, ctx.command
            raise
        if rest:
            raise ExtraArguments(rest, ctx)
        return rest

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except OSError as error:
            raise OutputFailed(error) from None


app = typer.Typer(
    cls=_Group,
    name="selvhjelp",
    help="Verktøy for selvorganiserte selvhjelpsgrupper: sjekk gruppefiler, finn kontaktpunktet, "
    "lag møteplan og skriv ut taushetserklæringer og utdelingsark.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def command(*args, **kwargs):
    return app.command(*args, cls=_Command, **kwargs)


def invoke(argv: list[str]) -> int:
    """Run a command line through Typer; the exit code, or an exception for run()."""
    from typer._click import exceptions as click_errors

    from selvhjelp_cli.usage import as_user_error

    try:
        code = app(args=argv, prog_name="selvhjelp", standalone_mode=False)
    except click_errors.NoArgsIsHelpError as error:
        print(error.ctx.get_help())
        return ExitCode.USAGE
    except click_errors.UsageError as error:
        raise as_user_error(error) from None
    except typer.Abort:
        raise KeyboardInterrupt from None
    return code if isinstance(code, int) else ExitCode.OK


# Parsers for option values: text in, a value or a UserError naming the option.

def _choice(value: str, choices: tuple[str, ...], option: str) -> str:
    if value not in choices:
        import difflib

        from selvhjelp_cli.errors import did_you_mean

        close = difflib.get_close_matches(value, choices, n=1, cutoff=0.6)
        raise UserError(_("Ugyldig verdi for {option}. Gyldige verdier: {items}."
                        "{suggestion}").format(option=option, items=', '.join(choices), suggestion=did_you_mean(close)))
    return value


def _whole_number(value: str | None, option: str, low: int, high: int) -> int | None:
    if value is None:
        return None
    text = value.strip()
    if not text.isdigit() or not low <= int(text) <= high:
        raise UserError(_("{option} må være et helt tall fra {low} til {high}.").format(option=option, low=low, high=high))
    return int(text)


def _date(value: str | None, option: str, *, strict: bool = False, today: date | None = None) -> date | None:
    """A date option; relative words ("i morgen") count from `today` (--today, or the real one)."""
    if value is None:
        return None
    from selvhjelp_cli.dates import DateDoesNotExist, DateOutOfRange, parse_date

    try:
        return parse_date(value, today, strict=strict)
    except DateOutOfRange:
        raise UserError(_("{option} må være en dato mellom 1900 og 2100.").format(option=option)) from None
    except DateDoesNotExist:
        raise UserError(_("{option}: Den datoen finnes ikke. Sjekk dag og måned.").format(option=option)) from None
    except ValueError:
        raise UserError(_("{option} må være en dato, for eksempel 2027-01-07 (ÅÅÅÅ-MM-DD) eller 7.1.2027.").format(option=option)) from None


def _today(value: str | None) -> date:
    # A full date: "i morgen" means nothing where "today" itself is being set.
    return _date(value, "--today", strict=True) or date.today()


def _language_option(value: str | None) -> str | None:
    """--lang as nb, nn or en (None when not given); a word we do not know is a UserError."""
    if value is None:
        return None
    from selvhjelp_cli.language import parse_language

    try:
        return parse_language(value)
    except ValueError:
        _choice(value, _LANGUAGE_WORDS, "--lang")
        return None


def _language(value: str | None, group) -> str:
    from selvhjelp_cli.documents import language_for

    return language_for(group, _language_option(value))


_LANGUAGE_WORDS = (*LANGUAGES, "bokmål", "nynorsk", "engelsk")


def _load(path: str):
    from selvhjelp_cli.loader import load_group

    return load_group(path).group


def _wrote(path: str, note: str = "") -> None:
    print(_("Skrev {path}.").format(path=printable(path)) + note, file=sys.stderr)


# Shared options.

TodayOption = Annotated[Optional[str], typer.Option(
    "--today", metavar="ÅÅÅÅ-MM-DD", help="Vurder som om det var denne datoen.", show_default=False)]
FormatOption = Annotated[str, typer.Option("--format", metavar="FORMAT", help="text eller json.")]
ForceOption = Annotated[bool, typer.Option("--force", help="Skriv over en fil som finnes.")]
DirectoryOption = Annotated[Optional[str], typer.Option(
    "--directory", metavar="FIL", show_default=False,
    help="Katalogfil med kontaktpunkter (standard: SELVHJELP_DIRECTORY, ellers listen fra 2019).")]
GroupFileArgument = Annotated[Optional[str], typer.Argument(help="Gruppefilen (valgfri).", metavar="FIL",
                                                            show_default=False)]
OutputOption = Annotated[Optional[str], typer.Option("--output", "-o", metavar="FIL", show_default=False,
                                                     help="Filen som skal skrives; - skriver til skjermen.")]
DocFormatOption = Annotated[str, typer.Option("--format", metavar="FORMAT", help="pdf, html eller md.")]
LanguageOption = Annotated[Optional[str], typer.Option(
    "--lang", metavar="SPRÅK", show_default=False,
    help="nb (bokmål), nn (nynorsk) eller en (engelsk). Standard: gruppefilens språk, ellers språket "
    "verktøyet snakker.")]
SchemaLanguageOption = Annotated[Optional[str], typer.Option(
    "--lang", metavar="SPRÅK", show_default=False,
    help="Språket i beskrivelsene: nb (bokmål), nn (nynorsk) eller en (engelsk). Standard: språket verktøyet "
    "snakker.")]
LetterheadOption = Annotated[Optional[str], typer.Option(
    "--letterhead", metavar="FIL", show_default=False,
    help="Brevhode for kontoret: en YAML-fil med navn, kontaktlinjer og eventuelt logo.")]
# --templates DIR was replaced by --letterhead FILE; it is kept, hidden, to say so.
OldTemplatesOption = Annotated[Optional[str], typer.Option("--templates", hidden=True)]


def _no_templates(value: str | None) -> None:
    if value is not None:
        raise UserError(_("--templates finnes ikke lenger. Bruk --letterhead FIL med et brevhode i YAML "
                        "(se README, «Brevhode»)."))


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
    output_format: Annotated[str, typer.Option("--format", metavar="FORMAT",
                                               help="text, json, csv, concise eller xlsx (regneark; "
                                                    "med -o).")] = "text",
    output: Annotated[Optional[str], typer.Option("-o", "--output", metavar="FIL", show_default=False,
                                                  help="Filen oversikten skrives til (for xlsx).")] = None,
    force: ForceOption = False,
    strict: Annotated[bool, typer.Option("--strict", help="Avslutt med kode 1 også når det er advarsler gruppa ikke har bestemt noe om.")] = False,
    office: Annotated[Optional[str], typer.Option("--office", metavar="ID", show_default=False,
                                                  help="Bare gruppene til dette kontoret (id i katalogen).")] = None,
    directory: DirectoryOption = None,
    today: TodayOption = None,
) -> None:
    """Sjekk gruppefiler mot rammene for selvorganiserte selvhjelpsgrupper."""
    from selvhjelp_cli.checker import check_paths
    from selvhjelp_cli.directory import active_directory
    from selvhjelp_cli.files import STDOUT, write_output
    from selvhjelp_cli.overview import keep_office, rows, strict_reason
    from selvhjelp_cli.report import REPORTER_BY_NAME

    output_format = _choice(output_format, (*REPORTER_BY_NAME, "xlsx"), "--format")
    if output_format == "xlsx" and (output is None or output == STDOUT):
        raise UserError(_("Et regneark skrives til en fil: legg til -o FIL, for eksempel -o oversikt.xlsx."))
    if output is not None and output_format != "xlsx":
        raise UserError(_("-o brukes med --format xlsx. Andre formater skrives til skjermen; send dem "
                          "videre med > FIL."))
    reporter = REPORTER_BY_NAME.get(output_format)
    chosen = active_directory(directory)
    run = check_paths(paths or [], _today(today))
    table = rows(run, chosen) if reporter is None or reporter.uses_overview or office is not None else []
    if office is not None:
        run, table = keep_office(run, table, chosen, office)
    if reporter is None:
        from selvhjelp_cli.spreadsheet import overview_xlsx

        write_output(output, overview_xlsx(table), force=force)
        print(_("Skrev {path}.").format(path=printable(output)), file=sys.stderr)
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
def publish(
    paths: Annotated[Optional[list[str]], typer.Argument(
        help="Gruppefiler eller mapper (standard: denne mappen).", metavar="STI", show_default=False)] = None,
    output_format: Annotated[str, typer.Option("--format", metavar="FORMAT", help="json eller html.")] = "json",
    output: OutputOption = None,
    directory: DirectoryOption = None,
    today: TodayOption = None,
    force: ForceOption = False,
) -> None:
    """Lag en offentlig liste over gruppene som tar imot nye deltakere (JSON eller en nettside)."""
    from selvhjelp_cli import publish as listing
    from selvhjelp_cli.checker import check_paths
    from selvhjelp_cli.directory import active_directory
    from selvhjelp_cli.files import STDOUT, write_output

    output_format = _choice(output_format, ("json", "html"), "--format")
    chosen = active_directory(directory)
    day = _today(today)
    selection = listing.select(check_paths(paths or [], day), chosen)
    content = listing.to_json(selection) if output_format == "json" else listing.to_html(selection, day, chosen)
    write_output(output or STDOUT, content, force=force)
    from selvhjelp_cli.views.publish import print_summary

    print_summary(selection, output if output and output != STDOUT else None, output_format)


@command()
def rules(
    rule: Annotated[Optional[str], typer.Argument(
        help="Id-en til en regel, for eksempel group-size.", metavar="REGEL", show_default=False)] = None,
) -> None:
    """Vis reglene, eller forklar én regel."""
    from selvhjelp_cli.views.rules import print_rule, print_rules

    if rule is None:
        print_rules()
    else:
        print_rule(rule)


@command("find-district")
def find_district(
    place: Annotated[Optional[str], typer.Argument(
        help="Et sted: postnummer, poststed, kommune eller fylke.", metavar="STED", show_default=False)] = None,
    county: Annotated[Optional[str], typer.Option("--county", metavar="FYLKE", show_default=False,
                                                  help="Fylke: navn eller nummer, gammelt eller nytt.")] = None,
    municipality: Annotated[Optional[str], typer.Option("--municipality", metavar="KOMMUNE", show_default=False,
                                                        help="Kommune.")] = None,
    postcode: Annotated[Optional[str], typer.Option("--postcode", metavar="NNNN", show_default=False,
                                                    help="Postnummer (fire sifre).")] = None,
    show_all: Annotated[bool, typer.Option("--all", help="Vis alle kontorene i listen.")] = False,
    directory: DirectoryOption = None,
    output_format: FormatOption = "text",
) -> None:
    """Finn kontoret eller kontaktpunktet som dekker et sted."""
    from selvhjelp_cli.views import find_district as view

    output_format = _choice(output_format, ("text", "json"), "--format")
    given = [v is not None for v in (place, county, municipality, postcode)] + [show_all]
    if sum(given) != 1:
        raise UserError(_("Oppgi ett sted (for eksempel «selvhjelp find-district Bryne»), eller nøyaktig én av "
                        "--county, --municipality, --postcode eller --all."))
    if show_all:
        from selvhjelp_cli.directory import active_directory

        chosen = active_directory(directory)
        if output_format == "json":
            view.print_json(view.offices_json(chosen))
        else:
            from selvhjelp_cli.console import make_console

            view.print_offices(make_console(), chosen)
        return
    kind, value = next((k, v) for k, v in (("place", place), ("county", county), ("municipality", municipality),
                                           ("postcode", postcode)) if v is not None)
    found = view.answer_district(kind, value, output_format, directory)
    raise typer.Exit(ExitCode.OK if found else ExitCode.FINDINGS)


def _opt(help_text: str, flag: str, metavar: str = "TEKST"):
    return typer.Option(flag, help=help_text, metavar=metavar, show_default=False)


@command("init-group")
def init_group(
    file: Annotated[Optional[str], typer.Argument(help="Filen som skal lages (standard: etter gruppas navn).",
                                                  metavar="FIL", show_default=False)] = None,
    name: Annotated[Optional[str], _opt("Gruppas navn.", "--name")] = None,
    theme: Annotated[Optional[str], _opt("Tema (valgfritt).", "--theme")] = None,
    county: Annotated[Optional[str], _opt("Fylke (gammelt eller nytt navn, eller nummer).", "--county",
                                          "FYLKE")] = None,
    municipality: Annotated[Optional[str], _opt("Kommune.", "--municipality", "KOMMUNE")] = None,
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
    url: Annotated[Optional[str], _opt("Lenke til møterommet.", "--url", "LENKE")] = None,
    language: Annotated[Optional[str], _opt("Språk for utskrifter: nb, nn eller en.", "--language",
                                            "SPRÅK")] = None,
    starter: Annotated[Optional[str], _opt("Igangsetterens navn.", "--starter")] = None,
    starter_contact: Annotated[Optional[str], _opt("Igangsetterens telefon eller e-post.",
                                                   "--starter-contact")] = None,
    starter_meetings: Annotated[Optional[str], _opt("Møter igangsetteren er med på (standard 3).",
                                                    "--starter-meetings", "N")] = None,
    no_input: Annotated[bool, typer.Option("--no-input", help="Ikke still spørsmål. Mangler det noe, stopper kommandoen med en feilmelding.")] = False,
    force: ForceOption = False,
    today: TodayOption = None,
) -> None:
    """Lag en ny gruppefil med forklaringer, ved å svare på spørsmål eller med valg."""
    from selvhjelp_cli import init_group as setup
    from selvhjelp_cli.console import make_console
    from selvhjelp_cli.files import STDOUT, refuse_existing
    from selvhjelp_cli.views.init_group import TerminalAsker, print_next_steps

    if venue is not None and (digital or platform is not None):
        raise UserError(_("Velg enten --venue (fysisk gruppe) eller --digital med --platform."))
    if file == STDOUT:
        raise UserError(_("En gruppefil skrives alltid til en fil, slik at bare du kan lese den. Oppgi et filnavn."))
    mode = "d" if digital or platform is not None or url is not None else ("f" if venue is not None else None)
    given = {
        "name": name, "theme": theme, "county": county, "municipality": municipality, "mode": mode,
        "venue_name": venue, "venue_address": address, "platform": platform, "url": url,
        "first_meeting": first_meeting, "start": start, "duration": duration, "break_minutes": pause,
        "every_weeks": every_weeks, "starter_name": starter, "starter_contact": starter_contact,
        "starter_meetings": starter_meetings, "language": language,
    }
    console = make_console()
    day = _today(today)
    if file:
        refuse_existing(file, force)  # before the questions, not after them
    if not no_input:
        console.print(_("Ny gruppefil. Trykk Enter for å bruke forslaget i [hakeparentes]; Ctrl+C avbryter "
                      "uten å lagre noe."))
    try:
        answers = setup.collect(given, None if no_input else TerminalAsker(console, day), day)
    except EOFError:
        raise UserError(_("Fikk ikke flere svar. Ingenting er lagret.")) from None
    path = file or setup.free_file_name(answers["name"], force)
    setup.write_group_file(path, answers, today=day, force=force)
    print_next_steps(console, path, answers)


def _write_document(document, output: str | None, output_format: str, letterhead: str | None,
                    force: bool) -> None:
    from selvhjelp_cli.files import STDOUT, refuse_existing, write_output
    from selvhjelp_cli.letterhead import letterhead_from_option
    from selvhjelp_cli.render import render_document

    office = letterhead_from_option(letterhead)
    target = output or f"{document.file_stem}.{output_format}"
    refuse_existing(target, force)  # before the PDF is made, not after
    notes = list(document.notes)
    content = render_document(document, output_format, letterhead=office, notes=notes)
    write_output(target, content, force=force, private=document.private)
    for note in notes:
        print(printable(note), file=sys.stderr)
    if target != STDOUT:
        _wrote(target, _(" Bare du kan lese den, fordi den inneholder navn.") if document.private else "")


_DOC_FORMATS = ("pdf", "html", "md")


def _handout_kind(value: str) -> str:
    from selvhjelp_cli.documents import HANDOUT_WORDS

    found = HANDOUT_WORDS.get(value.strip().casefold())
    if found is None:
        import difflib

        from selvhjelp_cli.errors import did_you_mean

        close = difflib.get_close_matches(value.strip().casefold(), list(HANDOUT_WORDS), n=1, cutoff=0.6)
        from selvhjelp_cli.i18n import current
        from selvhjelp_cli.words import join

        shown = _HANDOUT_SHOWN.get(current(), _HANDOUT_SHOWN["nb"])
        raise UserError(_("Det finnes ikke noe utdelingsark som heter «{value}». Velg blant {choices}.{suggestion}")
                        .format(value=printable(value), choices=join(shown, style="or"), suggestion=did_you_mean(close)))
    return found


# The handout names an error lists, in the reader's language (all are accepted in any).
_HANDOUT_SHOWN = {
    "nb": ("rammer", "prinsipper", "første-møte", "digital", "registrering", "oppmøteliste", "plakat"),
    "nn": ("rammer", "prinsipp", "første-møte", "digital", "registrering", "oppmøteliste", "plakat"),
    "en": ("framework", "principles", "first-meeting", "digital", "registration", "attendance", "poster"),
}


@command("print-declaration")
def print_declaration(
    file: GroupFileArgument = None,
    output: OutputOption = None,
    output_format: DocFormatOption = "pdf",
    lang: LanguageOption = None,
    sheet: Annotated[bool, typer.Option("--sheet", help="Én side med en underskriftslinje per deltaker.")] = False,
    blank: Annotated[Optional[str], typer.Option("--blank", metavar="N", show_default=False,
                                                 help="N erklæringer uten navn (trenger ingen gruppefil).")] = None,
    letterhead: LetterheadOption = None,
    today: TodayOption = None,
    force: ForceOption = False,
    templates: OldTemplatesOption = None,
) -> None:
    """Skriv ut taushetserklæringen: én side per deltaker, én liste for alle eller tomme skjemaer uten navn."""
    _no_templates(templates)
    output_format = _choice(output_format, _DOC_FORMATS, "--format")
    copies = _whole_number(blank, "--blank", 1, 200)
    if sheet and copies is not None:
        raise UserError(_("Bruk enten --sheet eller --blank, ikke begge."))
    if file is None and copies is None:
        raise UserError(_("Oppgi en gruppefil, eller --blank N for erklæringer uten navn."))
    day = _today(today)
    group = _load(file) if file else None
    from selvhjelp_cli.documents import declaration

    document = declaration(group, _language(lang, group), day, blank=copies, sheet=sheet)
    _write_document(document, output, output_format, letterhead, force)


@command("print-handout")
def print_handout(
    kind: Annotated[str, typer.Argument(metavar="ARK", show_default=False,
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
    """Skriv ut utdelingsark: rammer, prinsipper, plan for første møte, råd for digitale møter, registreringsskjema, oppmøteliste eller plakat."""
    _no_templates(templates)
    kind = _handout_kind(kind)
    output_format = _choice(output_format, _DOC_FORMATS, "--format")
    day = _today(today)
    group = _load(file) if file else None
    from selvhjelp_cli.documents import handout

    document = handout(kind, group, _language(lang, group), day)
    _write_document(document, output, output_format, letterhead, force)


@command()
def calendar(
    file: Annotated[str, typer.Argument(help="Gruppefilen.", metavar="FIL", show_default=False)],
    count: Annotated[Optional[str], typer.Option("--count", metavar="N", show_default=False,
                                                 help="Antall møter (standard 12).")] = None,
    until: Annotated[Optional[str], typer.Option("--until", metavar="DATO", show_default=False,
                                                 help="Vis møter til og med denne datoen.")] = None,
    from_start: Annotated[bool, typer.Option("--all", help="Begynn ved første møte, også om det er passert.")] = False,
    skip_holidays: Annotated[bool, typer.Option("--skip-holidays",
                                                help="Hopp over helligdager, julaften og nyttårsaften.")] = False,
    ics: Annotated[Optional[str], typer.Option("--ics", metavar="FIL", show_default=False,
                                               help="Skriv møtene til en kalenderfil (.ics); - skriver til skjermen.")] = None,
    today: TodayOption = None,
    force: ForceOption = False,
) -> None:
    """Vis møteplanen med norske helligdager, og lag kalenderfil (.ics)."""
    how_many = _whole_number(count, "--count", 1, 500)
    if how_many is not None and until is not None:
        raise UserError(_("Bruk enten --count eller --until, ikke begge."))
    day = _today(today)
    last = _date(until, "--until", today=day)
    group = _load(file)
    from selvhjelp_cli.meetings import listing

    meetings, skipped = listing(group, today=day, count=how_many, until=last, from_start=from_start,
                                skip_holidays=skip_holidays, include_cancelled=True)
    if ics is not None:
        from datetime import datetime, timezone

        from selvhjelp_cli.files import STDOUT, write_output
        from selvhjelp_cli.meetings import to_ics

        write_output(ics, to_ics(group, meetings, stamp=datetime.now(timezone.utc), language=_language(None, group)),
                     force=force)
        if ics != STDOUT:
            from selvhjelp_cli.views.calendar import ics_summary

            print(ics_summary(meetings, printable(ics), more=how_many is None and last is None), file=sys.stderr)
        return
    from selvhjelp_cli.console import make_console
    from selvhjelp_cli.views.calendar import print_calendar

    print_calendar(make_console(), group, meetings, skipped)


@command()
def schema(
    output: OutputOption = None,
    force: ForceOption = False,
    lang: SchemaLanguageOption = None,
) -> None:
    """Skriv ut JSON Schema for gruppefilen (for redigeringsprogrammer)."""
    from selvhjelp_cli.schema import group_schema

    _write_schema(group_schema(), output, force, lang)


def _write_schema(schema: dict, output: str | None, force: bool, lang: str | None = None) -> None:
    from selvhjelp_cli.files import STDOUT, write_output
    from selvhjelp_cli.i18n import current, in_language
    from selvhjelp_cli.schema import in_reader_language, schema_text

    with in_language(_language_option(lang) or current()):
        text = schema_text(in_reader_language(schema))
    write_output(output or STDOUT, text, force=force)
    if output and output != STDOUT:
        _wrote(output)


# A group's life: commands that change a group file.

participant_app = typer.Typer(cls=_Group, help="Deltakerne: legg til, skriv under, slutt, fjern, vis.", no_args_is_help=True,
                              rich_markup_mode=None)
decision_app = typer.Typer(cls=_Group, help="Gruppas beslutninger.", no_args_is_help=True, rich_markup_mode=None)
meeting_app = typer.Typer(cls=_Group, help="Enkeltmøter: avlys, flytt, ta pause.", no_args_is_help=True,
                          rich_markup_mode=None)
app.add_typer(participant_app, name="participant")
app.add_typer(decision_app, name="decision")
app.add_typer(meeting_app, name="meeting")
directory_app = typer.Typer(cls=_Group, help="Katalogen over kontorer og kontaktpunkter.", no_args_is_help=True,
                            rich_markup_mode=None)
app.add_typer(directory_app, name="directory")


@directory_app.command("check", cls=_Command)
def directory_check(
    path: Annotated[str, typer.Argument(help="Katalogfilen (YAML).", metavar="FIL", show_default=False)],
) -> None:
    """Sjekk en katalogfil. Feil vises med fil og linje."""
    from selvhjelp_cli.console import make_console
    from selvhjelp_cli.views.directory import check_directory

    raise typer.Exit(check_directory(make_console(), path))


@directory_app.command("schema", cls=_Command)
def directory_schema(
    output: OutputOption = None,
    force: ForceOption = False,
    lang: SchemaLanguageOption = None,
) -> None:
    """Skriv ut JSON Schema for katalogfilen (for redigeringsprogrammer)."""
    from selvhjelp_cli.schema import directory_schema

    _write_schema(directory_schema(), output, force, lang)

GroupFile = Annotated[str, typer.Argument(help="Gruppefilen.", metavar="FIL", show_default=False)]
NameArgument = Annotated[Optional[str], typer.Argument(help="Deltakeren (navnet, eller starten av det).",
                                                       metavar="NAVN", show_default=False)]
DayArgument = Annotated[Optional[str], typer.Argument(help="Møtedatoen i planen.", metavar="DATO",
                                                      show_default=False)]
NoInputOption = Annotated[bool, typer.Option("--no-input", help="Ikke still spørsmål. Mangler det noe, stopper kommandoen med en feilmelding.")]
DateOption = Annotated[Optional[str], typer.Option("--date", metavar="DATO", show_default=False,
                                                   help="Datoen (standard: i dag).")]
EditForceOption = Annotated[bool, typer.Option("--force", help="Endre filen selv om den er skrivebeskyttet.")]


def _edit(file: str, change, force: bool) -> None:
    """Make one change to a group file through the editor, and say what changed."""
    from selvhjelp_cli.editor import edit

    _done(file, edit(file, change, force=force))


def _ask(value: str | None, *, prompt: str, parse, flag: str, no_input: bool, default: str | None = None,
         required: bool = True, today: date | None = None):
    """A value from its option, or asked for in the terminal, parsed the same way either way."""
    from selvhjelp_cli.init_group import Question

    if value is not None:
        try:
            return parse(value)
        except ValueError as error:
            raise UserError(f"{translate(flag)}: {error}") from None
    if no_input:
        if required and default is None:
            raise UserError(_("Mangler {flag}. Med --no-input må den oppgis som valg.").format(flag=translate(flag)))
        return parse(default) if default is not None else None
    from selvhjelp_cli.console import make_console
    from selvhjelp_cli.views.init_group import TerminalAsker

    question = Question(flag.strip("-"), flag, prompt, parse, default=default)
    try:
        return TerminalAsker(make_console(), today or date.today())(question, {})
    except EOFError:
        raise UserError(_("Fikk ikke flere svar. Ingenting er endret.")) from None


def _day_parser(today: date):
    from functools import partial

    from selvhjelp_cli.init_group import _date

    return partial(_date, today=today)


def _name(raw: str) -> str:
    from selvhjelp_cli.init_group import _text

    return _text(raw)


def _optional(parse):
    return lambda raw: parse(raw) if raw.strip() else None


def _done(path: str, said: str) -> None:
    print(_("{said} ({path} er oppdatert.)").format(said=printable(said), path=printable(path)))


@participant_app.command("add", cls=_Command)
def participant_add(
    file: GroupFile,
    name: Annotated[Optional[str], _opt("Navnet (fornavn og initial er nok).", "--name")] = None,
    born: Annotated[Optional[str], _opt("Fødselsår eller fødselsdato.", "--born", "ÅR|DATO")] = None,
    adult: Annotated[bool, typer.Option("--adult", help="Bekreft at deltakeren har fylt 18 år, uten å lagre alderen.")] = False,
    joined: Annotated[Optional[str], _opt("Første møte for deltakeren (standard: gruppas første møte).",
                                          "--joined", "DATO")] = None,
    signed: Annotated[Optional[str], _opt("Datoen taushetserklæringen ble skrevet under.", "--signed", "DATO")] = None,
    role: Annotated[Optional[str], _opt("Praktisk oppgave, for eksempel «låser opp».", "--role")] = None,
    no_input: NoInputOption = False,
    today: TodayOption = None,
    force: EditForceOption = False,
) -> None:
    """Legg til en deltaker i gruppefilen."""
    from selvhjelp_cli import init_group as parsers
    from selvhjelp_cli import life

    day = _today(today)
    if adult and born is not None:
        raise UserError(_("Oppgi enten fødselsår eller --adult, ikke begge."))
    group = _load(file)
    # Without a name the command interviews; with one, what the flags left out stays out.
    interview = name is None and not no_input
    who = _ask(name, prompt="Navn", parse=parsers._text, flag="--name", no_input=no_input)
    birth = None if adult else _ask(born, prompt=_("Fødselsår eller fødselsdato (tomt: bare bekreft 18 år)"),
                                    parse=_optional(parsers.birth), flag="--born", no_input=not interview, default="",
                                    required=False)
    if interview and birth is None and not adult:
        over_18 = _ask(None, prompt=_("Er personen fylt 18 år? (ja/nei)"), parse=parsers.yes_or_no, flag="--adult",
                       no_input=False)
        if not over_18:
            raise UserError(_("Alle deltakere i en selvhjelpsgruppe må være fylt 18 år, så ingen er lagt til."))
        adult = True
    offered = life.offered_join_day(group, day) if interview else None
    joined_day = _ask(joined, prompt=_("Første møte for deltakeren"), parse=_optional(_day_parser(day)),
                      flag="--joined", no_input=not interview,
                      default=f"{offered.day}.{offered.month}.{offered.year}" if offered else "", required=False)
    signed_day = _ask(signed, prompt=_("Signert taushetserklæringen (dato, tomt hvis ikke ennå)"),
                      parse=_optional(_day_parser(day)), flag="--signed", no_input=not interview, default="",
                      required=False)
    _edit(file, lambda editor: life.add_participant(editor, who, born=birth, adult=adult, joined=joined_day,
                                                    signed=signed_day, role=role), force)
    warning = life.age_warning(group, " ".join(who.split()), birth, adult, joined_day, day)
    if warning:
        print(printable(warning), file=sys.stderr)


@participant_app.command("sign", cls=_Command)
def participant_sign(
    file: GroupFile,
    name: NameArgument = None,
    when: DateOption = None,
    no_input: NoInputOption = False,
    today: TodayOption = None,
    force: EditForceOption = False,
) -> None:
    """Registrer at en deltaker har skrevet under taushetserklæringen."""
    from selvhjelp_cli import life

    _participant_event(file, name, when, no_input, today, _("Hvem har skrevet under?"), life.sign, force)


@participant_app.command("leave", cls=_Command)
def participant_leave(
    file: GroupFile,
    name: NameArgument = None,
    when: DateOption = None,
    no_input: NoInputOption = False,
    today: TodayOption = None,
    force: EditForceOption = False,
) -> None:
    """Registrer at en deltaker har sluttet (siste møte)."""
    from selvhjelp_cli import life

    _participant_event(file, name, when, no_input, today, _("Hvem har sluttet?"), life.leave, force)


def _participant_event(file: str, name, when, no_input: bool, today, prompt: str, event, force: bool) -> None:
    """Something that happens to one participant on one day (signing, leaving)."""
    now = _today(today)
    day = _date(when, "--date", today=now) or now
    _load(file)  # an invalid file stops before any question
    who = _ask(name, prompt=prompt, parse=_name, flag="NAVN", no_input=no_input, today=day)
    _edit(file, lambda editor: event(editor, who, day), force)


@participant_app.command("remove", cls=_Command)
def participant_remove(
    file: GroupFile,
    name: NameArgument = None,
    no_input: NoInputOption = False,
    force: EditForceOption = False,
) -> None:
    """Fjern en deltaker som ble lagt til ved en feil (den som slutter, registreres med «leave»)."""
    from selvhjelp_cli import life

    _load(file)
    who = _ask(name, prompt=_("Hvem skal fjernes"), parse=_name, flag="NAVN", no_input=no_input)
    _edit(file, lambda editor: life.remove_participant(editor, who), force)


@participant_app.command("list", cls=_Command)
def participant_list(
    file: GroupFile,
    output_format: FormatOption = "text",
    today: TodayOption = None,
) -> None:
    """Vis deltakerne med status og taushetserklæring."""
    from selvhjelp_cli.views.participants import print_participants

    output_format = _choice(output_format, ("text", "json"), "--format")
    print_participants(_load(file), _today(today), output_format)


@decision_app.command("add", cls=_Command)
def decision_add(
    file: GroupFile,
    rule: Annotated[Optional[str], typer.Argument(help="Regelen, for eksempel group-size.", metavar="REGEL",
                                                  show_default=False)] = None,
    when: DateOption = None,
    note: Annotated[Optional[str], _opt("En kort merknad (kan nevne navn; skrives aldri ut).", "--note")] = None,
    no_input: NoInputOption = False,
    today: TodayOption = None,
    force: EditForceOption = False,
) -> None:
    """Registrer noe gruppa har bestemt sammen, for eksempel å ta inn nye deltakere."""
    from selvhjelp_cli import life

    now = _today(today)
    day = _date(when, "--date", today=now) or now
    _load(file)
    which = _ask(rule, prompt=_("Hvilken anbefaling gjelder det (for eksempel group-size)?"), parse=_name, flag="REGEL",
                 no_input=no_input, today=day)
    _edit(file, lambda editor: life.add_decision(editor, which, day, note), force)


@meeting_app.command("cancel", cls=_Command)
def meeting_cancel(
    file: GroupFile,
    day: DayArgument = None,
    reason: Annotated[Optional[str], _opt("Hvorfor, for eksempel påske. Står i gruppefilen, aldri i kalenderfilen.", "--reason")] = None,
    no_input: NoInputOption = False,
    today: TodayOption = None,
    force: EditForceOption = False,
) -> None:
    """Avlys ett møte."""
    from selvhjelp_cli import life

    now = _today(today)
    _load(file)
    which = _ask(day, prompt=_("Hvilket møte (dato)?"), parse=_day_parser(now), flag="DATO", no_input=no_input, today=now)
    _edit(file, lambda editor: life.cancel(editor, which, reason), force)


@meeting_app.command("move", cls=_Command)
def meeting_move(
    file: GroupFile,
    day: DayArgument = None,
    new_day: Annotated[Optional[str], typer.Argument(help="Den nye dagen.", metavar="NY_DATO",
                                                     show_default=False)] = None,
    start: Annotated[Optional[str], _opt("Klokkeslett den dagen, om det er et annet.", "--start", "TT:MM")] = None,
    no_input: NoInputOption = False,
    today: TodayOption = None,
    force: EditForceOption = False,
) -> None:
    """Flytt ett møte til en annen dag (og tid)."""
    from selvhjelp_cli import init_group as parsers
    from selvhjelp_cli import life

    now = _today(today)
    _load(file)
    which = _ask(day, prompt=_("Hvilket møte (dato)?"), parse=_day_parser(now), flag="DATO", no_input=no_input, today=now)
    to = _ask(new_day, prompt=_("Ny dato"), parse=_day_parser(now), flag="NY_DATO", no_input=no_input, today=now)
    begins = _ask(start, prompt="", parse=parsers._clock, flag="--start", no_input=True, required=False)
    _edit(file, lambda editor: life.move(editor, which, to, begins), force)


@meeting_app.command("pause", cls=_Command)
def meeting_pause(
    file: GroupFile,
    first: Annotated[Optional[str], typer.Argument(help="Første dag uten møter.", metavar="FRA",
                                                   show_default=False)] = None,
    last: Annotated[Optional[str], typer.Argument(help="Siste dag uten møter.", metavar="TIL",
                                                  show_default=False)] = None,
    reason: Annotated[Optional[str], _opt("Hvorfor, for eksempel sommerferie.", "--reason")] = None,
    no_input: NoInputOption = False,
    today: TodayOption = None,
    force: EditForceOption = False,
) -> None:
    """Ta pause fra og med én dag til og med en annen, for eksempel sommerferien."""
    from selvhjelp_cli import life

    now = _today(today)
    _load(file)
    start = _ask(first, prompt=_("Første dag uten møter"), parse=_day_parser(now), flag="FRA", no_input=no_input,
                 today=now)
    end = _ask(last, prompt=_("Siste dag uten møter"), parse=_day_parser(now), flag="TIL", no_input=no_input, today=now)
    _edit(file, lambda editor: life.pause(editor, start, end, reason), force)


@command("end-group")
def end_group(
    file: GroupFile,
    when: DateOption = None,
    today: TodayOption = None,
    force: EditForceOption = False,
) -> None:
    """Registrer at gruppa har sluttet å møtes."""
    from selvhjelp_cli import life

    now = _today(today)
    day = _date(when, "--date", today=now) or now
    _edit(file, lambda editor: life.end(editor, day), force)


@command("app")
def app_command(
    folder: Annotated[Optional[str], typer.Argument(
        help="Mappen med gruppefilene (standard: mappen Selvhjelp i dokumentmappen din).", metavar="MAPPE",
        show_default=False)] = None,
    port: Annotated[Optional[str], typer.Option("--port", metavar="N", show_default=False,
                                                help="Porten på 127.0.0.1 (standard: en ledig port).")] = None,
    no_browser: Annotated[bool, typer.Option("--no-browser", help="Ikke åpne nettleseren; skriv bare ut adressen.")] = False,
    lang: Annotated[Optional[str], typer.Option(
        "--lang", metavar="SPRÅK", show_default=False,
        help="Språket på sidene: nb, nn eller en (standard: språket verktøyet snakker).")] = None,
) -> None:
    """Åpne selvhjelp i nettleseren: alt verktøyet gjør, med skjemaer, på din egen maskin."""
    from selvhjelp_cli.app.server import serve

    number = _whole_number(port, "--port", 0, 65535)
    raise typer.Exit(serve(folder, port=number or 0, open_browser=not no_browser, language=_language_option(lang)))
