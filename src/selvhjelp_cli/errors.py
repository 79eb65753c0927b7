"""The project's own error type: the user's input cannot be used."""

from __future__ import annotations


def did_you_mean(names: list[str]) -> str:
    """' Mente du «a», «b» eller «c»?' – or '' when there is nothing to suggest."""
    if not names:
        return ""
    quoted = [f"«{name}»" for name in names]
    joined = quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " eller " + quoted[-1]
    return f" Mente du {joined}?"


class UserError(Exception):
    """Something the user gave us is wrong; the CLI prints it and exits with 2.

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
