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


def invoke(argv: list[str]) -> int:
    """Run a command line through Typer; the exit code, or an exception for run()."""
    from typer._click import exceptions as click_errors

    from selvhjelp_cli.cli.usage import as_user_error

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
