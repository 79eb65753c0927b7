"""The `selvhjelp` command line: read the command line, run one command, return its exit code.

Only Typer is imported at start-up; each command imports what it needs when it
runs. Commands raise UserError; entry.run() alone turns errors into messages
and exit codes.
"""

from __future__ import annotations

from typing import Annotated

import typer

from selvhjelp_cli import __version__
from selvhjelp_cli.cli import (  # noqa: F401 - importing a file of commands registers its commands
    app_command,
    group_commands,
    meeting_commands,
    office_commands,
    participant_commands,
    place_commands,
    print_commands,
    undo_commands,
)
from selvhjelp_cli.cli.typer_app import app, decision_app, directory_app, meeting_app, participant_app
from selvhjelp_cli.core.errors import ExitCode

app.add_typer(participant_app, name="participant")
app.add_typer(meeting_app, name="meeting")
app.add_typer(decision_app, name="decision")
app.add_typer(directory_app, name="directory")


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


def only(name: str) -> typer.Typer:
    """The app with just the command (or group of commands) called `name`, or the whole app if there is
    none: Typer builds every command's options before it runs one, and a command line runs one."""
    import copy

    from typer.main import get_command_name

    commands = [info for info in app.registered_commands
                if (info.name or get_command_name(info.callback.__name__ if info.callback else "")) == name]
    groups = [info for info in app.registered_groups if info.name == name]
    if not commands and not groups:
        return app  # an unknown command, an option or --help: the whole app answers
    slim = copy.copy(app)
    slim.registered_commands, slim.registered_groups = commands, groups
    return slim


def invoke(argv: list[str]) -> int:
    """Run a command line through Typer; the exit code, or an exception for run()."""
    from typer._click import exceptions as click_errors

    from selvhjelp_cli.cli.usage import as_user_error

    try:
        code = only(argv[0] if argv else "")(args=argv, prog_name="selvhjelp", standalone_mode=False)
    except click_errors.NoArgsIsHelpError as error:
        print(error.ctx.get_help())
        return ExitCode.USAGE
    except click_errors.UsageError as error:
        raise as_user_error(error) from None
    except typer.Abort:
        raise KeyboardInterrupt from None
    return code if isinstance(code, int) else ExitCode.OK
