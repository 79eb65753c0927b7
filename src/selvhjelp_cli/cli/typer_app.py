"""The Typer application every command registers with, and the command groups.

Commands live in files by what they are for (`*_commands.py`); main.py imports
them all, so that every command is registered before a command line is read.
Help pages and command-line mistakes are our own (helppage.py, usage.py): in
the reader's language, and never repeating an argument that may be a name.
"""

from __future__ import annotations

import os

# Pydantic plugins (tracing, logging) see every value validated, and group
# files hold the names of people in a self-help group: none may look.
os.environ["PYDANTIC_DISABLE_PLUGINS"] = "__all__"

import typer
import typer.core

from selvhjelp_cli.core.errors import OutputFailed


class Group(typer.core.TyperGroup):
    def get_help(self, ctx) -> str:
        from selvhjelp_cli.cli.helppage import help_page

        return help_page(self, ctx)

    def resolve_command(self, ctx, args):
        from selvhjelp_cli.cli.usage import UnknownCommand

        name = args[0]
        if not name.startswith("-") and self.get_command(ctx, name) is None:
            raise UnknownCommand(name, list(self.commands), ctx)
        return super().resolve_command(ctx, args)


class Command(typer.core.TyperCommand):
    def get_help(self, ctx) -> str:
        from selvhjelp_cli.cli.helppage import help_page

        return help_page(self, ctx)

    def parse_args(self, ctx, args):
        # Left-over arguments are counted here instead of in Click's English
        # sentence, which would also repeat them (they may be names).
        from typer._click.exceptions import UsageError

        from selvhjelp_cli.cli.usage import ExtraArguments

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


def _typer(help_text: str) -> typer.Typer:
    return typer.Typer(cls=Group, help=help_text, no_args_is_help=True, rich_markup_mode=None)


app = typer.Typer(
    cls=Group,
    name="selvhjelp",
    help="Verktøy for selvorganiserte selvhjelpsgrupper: sjekk gruppefiler, finn kontaktpunktet, "
    "lag møteplan og skriv ut taushetserklæringer og utdelingsark.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)
participant_app = _typer("Deltakerne: legg til, skriv under, slutt, fjern, vis.")
meeting_app = _typer("Enkeltmøter: avlys, flytt, ta pause.")
decision_app = _typer("Gruppas beslutninger.")
directory_app = _typer("Katalogen over kontorer og kontaktpunkter.")


def command(*args, **kwargs):
    """A top-level command: `selvhjelp NAME`."""
    return app.command(*args, cls=Command, **kwargs)


def subcommand(group: typer.Typer, name: str):
    """A command in a group: `selvhjelp participant add`."""
    return group.command(name, cls=Command)
