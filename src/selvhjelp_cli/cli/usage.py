"""Mistakes on the command line, told in Norwegian.

Typer parses the command line with the Click it vendors. Its exceptions carry
what went wrong as attributes (the option's name, the parameter, the
candidates); the sentences here are built from those, never by reading
Click's English text, so a new Typer cannot change what users read.

Every value is checked by our own parsers (see cli.py), so Click's own
errors are only about the shape of the command line: an unknown command or
option, a missing argument, an option without its value, too many arguments.
"""

from __future__ import annotations

import difflib

from typer._click import exceptions as click_errors

from selvhjelp_cli.cli.console import printable
from selvhjelp_cli.core.errors import UserError, did_you_mean
from selvhjelp_cli.core.i18n import _

# The command words are English; what a Norwegian user types first, in bokmål
# and nynorsk, leads to the command meant (only those the group at hand has).
NORWEGIAN_COMMANDS = {
    "sjekk": ("check",), "sjekke": ("check",), "kontroller": ("check",), "valider": ("check",),
    "publiser": ("publish",), "regler": ("rules",), "regel": ("rules",), "reglar": ("rules",),
    "finn-distrikt": ("find-district",), "finn-kontor": ("find-district",), "finn": ("find-district",),
    "ny-gruppe": ("init-group",), "lag-gruppe": ("init-group",), "ny": ("init-group",), "opprett": ("init-group",),
    "skriv-ut": ("print-declaration", "print-handout"), "skriv": ("print-declaration", "print-handout"),
    "utskrift": ("print-declaration", "print-handout"), "erklæring": ("print-declaration",),
    "taushetserklæring": ("print-declaration",), "teieplikt": ("print-declaration",),
    "utdelingsark": ("print-handout",), "ark": ("print-handout",), "plakat": ("print-handout",),
    "kalender": ("calendar",), "møteplan": ("calendar",), "skjema": ("schema",),
    "avslutt": ("end-group",), "avslutt-gruppe": ("end-group",), "slutt": ("end-group", "leave"),
    "nettleser": ("app",), "deltaker": ("participant",), "deltakere": ("participant",),
    "deltakar": ("participant",), "deltakarar": ("participant",), "beslutning": ("decision",),
    "vedtak": ("decision",), "avgjerd": ("decision",), "møte": ("meeting",), "mote": ("meeting",),
    "møter": ("meeting",), "katalog": ("directory",), "legg-til": ("add",), "leggtil": ("add",),
    "ny-deltaker": ("add",), "signer": ("sign",), "signere": ("sign",), "skriv-under": ("sign",),
    "slutter": ("leave",), "fjern": ("remove",), "slett": ("remove",), "vis": ("list",), "liste": ("list",),
    "avlys": ("cancel",), "flytt": ("move",), "utsett": ("move",), "sjekk-katalog": ("check",),
}


class UnknownCommand(click_errors.UsageError):
    def __init__(self, name: str, known: list[str], ctx) -> None:
        super().__init__(f"No such command {name!r}.", ctx)
        self.name = name
        meant = [command for command in NORWEGIAN_COMMANDS.get(name.lower(), ()) if command in known]
        self.suggestions = meant or difflib.get_close_matches(name, known, n=1, cutoff=0.6)
        self.prefix = ctx.command_path if ctx is not None else "selvhjelp"


class ExtraArguments(click_errors.UsageError):
    def __init__(self, extra: list[str], ctx) -> None:
        super().__init__(f"Got {len(extra)} unexpected extra arguments.", ctx)
        self.count = len(extra)


class CommandLineError(UserError):
    """A usage mistake, with the help page that explains the command."""

    def __init__(self, message: str, help_command: str) -> None:
        super().__init__(_("{message} Se «{help_command} --help».").format(message=message,
                                                                          help_command=help_command))


def _metavar(param) -> str:
    return param.metavar or param.name.upper()


def _option_takes_value(ctx, option: str) -> bool:
    params = ctx.command.params if ctx is not None else []
    for param in params:
        if option in getattr(param, "opts", ()) or option in getattr(param, "secondary_opts", ()):
            return not getattr(param, "is_flag", False)
    return True


def describe(error: click_errors.UsageError) -> str:
    """One Norwegian sentence for a usage error."""
    ctx = error.ctx
    if isinstance(error, UnknownCommand):
        suggestions = [f"{error.prefix} {command}" for command in error.suggestions]
        return _("Ukjent kommando "
                 "«{name}».{suggestion}").format(name=printable(error.name), suggestion=did_you_mean(suggestions))
    if isinstance(error, ExtraArguments):
        if error.count == 1:
            return _("Ett argument for mye.")
        return _("{count} argumenter for mye.").format(count=error.count)
    if isinstance(error, click_errors.NoSuchOption):
        # Click offers every option near the typo; the nearest one is the one meant.
        possible = difflib.get_close_matches(error.option_name, sorted(error.possibilities or []), n=1, cutoff=0)
        return _("Ukjent valg {option_name}.{suggestion}").format(
            option_name=printable(error.option_name), suggestion=did_you_mean(possible)
        )
    if isinstance(error, click_errors.MissingParameter):
        param = error.param
        if param is None:
            return _("Det mangler et argument.")
        if param.param_type_name == "argument":
            return _("Mangler {name}.").format(name=_(_metavar(param)))
        return _("Mangler valget {opts}.").format(opts=param.opts[0])
    if isinstance(error, click_errors.BadOptionUsage):
        name = printable(error.option_name)
        if _option_takes_value(ctx, error.option_name):
            return _("{name} må ha en verdi.").format(name=name)
        return _("{name} tar ingen verdi.").format(name=name)
    if isinstance(error, click_errors.BadParameter):
        param = error.param
        hint = (param.opts[0] if getattr(param, "opts", None) else _metavar(param)) if param else _("et argument")
        return _("Ugyldig verdi for {hint}.").format(hint=hint)
    if ctx is not None and ctx.invoked_subcommand is None and ctx.command.name == "selvhjelp":
        return _("Oppgi en kommando.")
    return _("Kommandolinjen kan ikke brukes slik.")


def as_user_error(error: click_errors.UsageError) -> CommandLineError:
    help_command = error.ctx.command_path if error.ctx is not None else "selvhjelp"
    return CommandLineError(describe(error), help_command)
