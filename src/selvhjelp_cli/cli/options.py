"""Options every command shares, and the parsers that read option values.

Every option reaches a command as text and is read here, so every message about
a value is our own and names the option. What a value may be is decided in the
rooms (dates in core/dates.py, answers in groupfile/answers.py, languages in
core/language.py); the door only adds the option's name to the reason.
"""

from __future__ import annotations

import sys
from datetime import date
from typing import Annotated

import typer

from selvhjelp_cli.cli.console import printable
from selvhjelp_cli.core.errors import UserError
from selvhjelp_cli.core.i18n import _, translate
from selvhjelp_cli.core.language import LANGUAGES


def choice(value: str, choices: tuple[str, ...], option: str) -> str:
    if value not in choices:
        import difflib

        from selvhjelp_cli.core.errors import did_you_mean

        close = difflib.get_close_matches(value, choices, n=1, cutoff=0.6)
        raise UserError(_("Ugyldig verdi for {option}. Gyldige verdier: {items}."
                        "{suggestion}").format(option=option, items=', '.join(choices), suggestion=did_you_mean(close)))
    return value


def whole_number(value: str | None, option: str, low: int, high: int) -> int | None:
    if value is None:
        return None
    text = value.strip()
    if not text.isdigit() or not low <= int(text) <= high:
        raise UserError(_("{option} må være et helt tall fra {low} til {high}.").format(option=option, low=low,
                                                                                      high=high))
    return int(text)


def day(value: str | None, option: str, *, strict: bool = False, today: date | None = None) -> date | None:
    """A date option; relative words ("i morgen") count from `today` (--today, or the real one)."""
    if value is None:
        return None
    from selvhjelp_cli.core.dates import DateDoesNotExist, DateOutOfRange, parse_date

    try:
        return parse_date(value, today, strict=strict)
    except DateOutOfRange:
        raise UserError(_("{option} må være en dato mellom 1900 og 2100.").format(option=option)) from None
    except DateDoesNotExist:
        raise UserError(_("{option}: Den datoen finnes ikke. Sjekk dag og måned.").format(option=option)) from None
    except ValueError:
        raise UserError(_("{option} må være en dato, for eksempel 2027-01-07 (ÅÅÅÅ-MM-DD) eller 7.1.2027.").format(
            option=option)) from None


def today(value: str | None) -> date:
    """--today, else the real today. A full date: "i morgen" means nothing where "today" itself is being set."""
    return day(value, "--today", strict=True) or date.today()


_LANGUAGE_WORDS = (*LANGUAGES, "bokmål", "nynorsk", "engelsk")


def language(value: str | None) -> str | None:
    """--lang as nb, nn or en (None when not given); a word we do not know is a UserError."""
    if value is None:
        return None
    from selvhjelp_cli.core.language import parse_language

    try:
        return parse_language(value)
    except ValueError:
        choice(value, _LANGUAGE_WORDS, "--lang")
        return None


def document_language(value: str | None, group) -> str:
    """A document's language: --lang, else the group file's, else the one the program speaks."""
    from selvhjelp_cli.documents.document import language_for

    return language_for(group, language(value))


def load(path: str):
    """The group in a group file (an invalid file stops here, with its problems)."""
    from selvhjelp_cli.groupfile.loader import load_group

    return load_group(path).group


def wrote(path: str, note: str = "") -> None:
    print(_("Skrev {path}.").format(path=printable(path)) + note, file=sys.stderr)


def flag_name(flag: str) -> str:
    """An option or argument as the help shows it, in the reader's language (NAVN, DATO)."""
    return translate(flag)


def option(help_text: str, flag: str, metavar: str = "TEKST"):
    return typer.Option(flag, help=help_text, metavar=metavar, show_default=False)


TodayOption = Annotated[str | None, typer.Option(
    "--today", metavar="ÅÅÅÅ-MM-DD", help="Vurder som om det var denne datoen.", show_default=False)]
FormatOption = Annotated[str, typer.Option("--format", metavar="FORMAT", help="text eller json.")]
ForceOption = Annotated[bool, typer.Option("--force", help="Skriv over en fil som finnes.")]
DirectoryOption = Annotated[str | None, typer.Option(
    "--directory", metavar="FIL", show_default=False,
    help="Katalogfil med kontaktpunkter (standard: SELVHJELP_DIRECTORY, ellers listen fra 2019).")]
GroupFileArgument = Annotated[str | None, typer.Argument(help="Gruppefilen (valgfri).", metavar="FIL",
                                                            show_default=False)]
GroupFile = Annotated[str, typer.Argument(help="Gruppefilen.", metavar="FIL", show_default=False)]
OutputOption = Annotated[str | None, typer.Option("--output", "-o", metavar="FIL", show_default=False,
                                                     help="Filen som skal skrives; - skriver til skjermen.")]
DocFormatOption = Annotated[str, typer.Option("--format", metavar="FORMAT", help="pdf, html eller md.")]
LanguageOption = Annotated[str | None, typer.Option(
    "--lang", metavar="SPRÅK", show_default=False,
    help="nb (bokmål), nn (nynorsk) eller en (engelsk). Standard: gruppefilens språk, ellers språket "
    "verktøyet snakker.")]
SchemaLanguageOption = Annotated[str | None, typer.Option(
    "--lang", metavar="SPRÅK", show_default=False,
    help="Språket i beskrivelsene: nb (bokmål), nn (nynorsk) eller en (engelsk). Standard: språket verktøyet "
    "snakker.")]
LetterheadOption = Annotated[str | None, typer.Option(
    "--letterhead", metavar="FIL", show_default=False,
    help="Brevhode for kontoret: en YAML-fil med navn, kontaktlinjer og eventuelt logo.")]
# --templates DIR was replaced by --letterhead FILE; it is kept, hidden, to say so.
OldTemplatesOption = Annotated[str | None, typer.Option("--templates", hidden=True)]
NoInputOption = Annotated[bool, typer.Option(
    "--no-input", help="Ikke still spørsmål. Mangler det noe, stopper kommandoen med en feilmelding.")]
EditForceOption = Annotated[bool, typer.Option("--force", help="Endre filen selv om den er skrivebeskyttet.")]
DateOption = Annotated[str | None, typer.Option("--date", metavar="DATO", show_default=False,
                                                   help="Datoen (standard: i dag).")]


def no_templates(value: str | None) -> None:
    if value is not None:
        raise UserError(_("--templates finnes ikke lenger. Bruk --letterhead FIL med et brevhode i YAML "
                        "(se README, «Brevhode»)."))
