"""The Rich consoles every command prints through."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console


def make_console(*, stderr: bool = False) -> Console:
    # Rich honours NO_COLOR and TERM=dumb itself; highlighting is off so that
    # numbers and dates in people's data are not coloured at random.
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, emoji=False, markup=False)
