"""The project's own error type, and the exit codes every command uses."""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum

from selvhjelp_cli.core.i18n import _


class ExitCode(IntEnum):
    OK = 0
    FINDINGS = 1  # check: errors found; find-district: nothing matched
    USAGE = 2  # the command could not do its job
    INTERRUPTED = 130  # Ctrl+C, as shells report it
    BROKEN_PIPE = 141  # the reader went away (`| head`), as shells report SIGPIPE


def did_you_mean(names: list[str]) -> str:
    """' Mente du «a», «b» eller «c»?' – or '' when there is nothing to suggest."""
    if not names:
        return ""
    from selvhjelp_cli.core.words import join

    return _(" Mente du {items}?").format(items=join((_("«{name}»").format(name=name) for name in names), style="or"))


class UserError(Exception):
    """Something the user gave us is wrong; run() prints it and exits with 2.

    The message is a complete Norwegian sentence meant for the user. It never
    contains the value of a field that may be sensitive.
    """

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None,
                 column: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line
        self.column = column

    def location(self) -> str:
        parts = [p for p in (self.path, self.line, self.column) if p is not None]
        return ":".join(str(p) for p in parts)

    def __str__(self) -> str:
        where = self.location()
        return f"{where}: {self.message}" if where else self.message

    def lines(self) -> list[str]:
        """What the user is shown, one line per problem."""
        return [str(self)]


class OutputFailed(Exception):
    """Writing to standard output failed (a closed pipe, a full disk); carries
    the OSError past Typer, which would otherwise end the process itself."""

    def __init__(self, error: OSError) -> None:
        super().__init__(error.errno)
        self.error = error


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a file, at a line (and column) counted from 1."""

    message: str
    line: int | None = None
    column: int | None = None


class InvalidFile(UserError):
    """A file that is not a usable group file; holds every problem found."""

    def __init__(self, path: str, problems: list[Problem]) -> None:
        first = problems[0]
        super().__init__(first.message, path=path, line=first.line, column=first.column)
        self.problems = problems

    def lines(self) -> list[str]:
        return [str(UserError(p.message, path=self.path, line=p.line, column=p.column)) for p in self.problems]
