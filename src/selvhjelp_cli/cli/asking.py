"""The life commands' way with a person at the terminal: a value from its option or
asked for at a prompt (parsed the same way either way), one change made through
the editor, and one line saying what changed."""

from __future__ import annotations

from datetime import date
from functools import partial

from selvhjelp_cli.cli.console import printable
from selvhjelp_cli.core.errors import UserError
from selvhjelp_cli.core.i18n import _, translate


def ask(value: str | None, *, prompt: str, parse, flag: str, no_input: bool, default: str | None = None,
        required: bool = True, today: date | None = None):
    """A value from its option, or asked for in the terminal, parsed the same way either way."""
    from selvhjelp_cli.editing.new import Question

    if value is not None:
        try:
            return parse(value)
        except ValueError as error:
            raise UserError(f"{translate(flag)}: {error}") from None
    if no_input:
        if required and default is None:
            raise UserError(_("Mangler {flag}. Med --no-input må den oppgis som valg.").format(flag=translate(flag)))
        return parse(default) if default is not None else None
    from selvhjelp_cli.cli.console import make_console
    from selvhjelp_cli.cli.interview import TerminalAsker

    question = Question(flag.strip("-"), flag, prompt, parse, default=default)
    try:
        return TerminalAsker(make_console(), today or date.today())(question, {})
    except EOFError:
        raise UserError(_("Fikk ikke flere svar. Ingenting er endret.")) from None


def day_parser(today: date):
    """Dates as people type them, relative words counted from `today`."""
    from selvhjelp_cli.groupfile.answers import date as day

    return partial(day, today=today)


def name(raw: str) -> str:
    from selvhjelp_cli.groupfile.answers import text

    return text(raw)


def edit(file: str, change, force: bool) -> None:
    """Make one change to a group file through the editor, and say what changed."""
    from selvhjelp_cli.editing.editor import edit as change_file

    done(file, change_file(file, change, force=force))


def done(path: str, said: str) -> None:
    print(_("{said} ({path} er oppdatert.)").format(said=printable(said), path=printable(path)))
