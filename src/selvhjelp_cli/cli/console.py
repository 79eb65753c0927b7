"""The Rich consoles every command prints through, and text made safe to print."""

from __future__ import annotations

import errno
import json
import unicodedata
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from rich.console import Console

# Control, format (bidi overrides) and lone surrogates (bytes of a file name
# that were not UTF-8) are shown as escapes instead of acting on the terminal
# or failing to encode. The zero-width joiner stays: emoji and some scripts need it.
_HIDDEN = {"Cc", "Cf", "Cs"}


def printable(text: str) -> str:
    """Text from a user's file or command line, safe to show in a terminal."""
    out = []
    for char in text:
        if unicodedata.category(char) in _HIDDEN and char != "\u200d":
            out.append(char.encode("unicode_escape", "backslashreplace").decode("ascii"))
        else:
            out.append(char)
    return "".join(out)


def make_console(*, stderr: bool = False) -> Console:
    # Rich honours NO_COLOR and TERM=dumb itself; highlighting is off so that
    # numbers and dates in people's data are not coloured at random.
    from rich.console import Console

    class _Console(Console):
        def on_broken_pipe(self) -> None:
            # Rich would end the process itself (exit 1); run() ends it the
            # same way for every command instead.
            raise BrokenPipeError(errno.EPIPE, "broken pipe")

    return _Console(stderr=stderr, highlight=False, emoji=False, markup=False)


def write_json(document: object, out: TextIO) -> None:
    """One JSON document, readable as UTF-8, and still valid JSON on a stream
    that cannot encode every character (a Windows console, latin-1)."""
    encoding = (getattr(out, "encoding", None) or "utf-8").lower().replace("_", "-")
    # One write: a reader that stops early (`| grep -q`) then rarely cuts the document in half.
    out.write(json.dumps(document, ensure_ascii=encoding not in {"utf-8", "utf8", "utf-8-sig"}, indent=2) + "\n")
