"""The program's entry point, with two quick paths around Typer.

Typer 0.29 validates every option through pydantic, about 70 ms before a
command even starts. Two questions are asked while someone waits: the version,
and "who covers this place?". For their plain forms the arguments are read
here and the same functions the Typer commands call are run directly. Any
other form (help, a mistake, another command) goes to Typer as usual, so the
quick path never decides anything Typer would decide differently; a test
runs both paths on the same arguments and compares the output.
"""

from __future__ import annotations

import sys

_PLACE_OPTIONS = ("--county", "--municipality", "--postcode")


def _plain_find_district(args: list[str]) -> dict[str, str] | None:
    """The options of `find-district --county X [--format F]` and its siblings, or None."""
    options: dict[str, str] = {}
    index = 0
    while index < len(args):
        name, _, value = args[index].partition("=")
        if not _:
            if index + 1 >= len(args):
                return None
            value = args[index + 1]
            index += 1
        if name not in (*_PLACE_OPTIONS, "--format") or name in options or value.startswith("-"):
            return None
        options[name] = value
        index += 1
    places = [name for name in _PLACE_OPTIONS if name in options]
    if len(places) != 1 or options.get("--format", "text") not in ("text", "json"):
        return None
    return options


def quick(argv: list[str]) -> int | None:
    """The exit code if a quick path answered, or None to go through Typer."""
    if argv == ["--version"]:
        from selvhjelp_cli import __version__

        print(f"selvhjelp {__version__}")
        return 0
    if argv[:1] == ["find-district"]:
        options = _plain_find_district(argv[1:])
        if options is None:
            return None
        from selvhjelp_cli.errors import UserError
        from selvhjelp_cli.report import answer_district, printable

        kind = next(name for name in _PLACE_OPTIONS if name in options)
        try:
            found = answer_district(kind[2:], options[kind], options.get("--format", "text"))
        except UserError as error:
            print(f"Feil: {printable(str(error))}", file=sys.stderr)
            return 2
        return 0 if found else 1
    return None


def main() -> None:
    argv = sys.argv[1:]
    code = quick(argv)
    if code is None:
        from selvhjelp_cli.cli import run

        code = run(argv)
    sys.exit(code)
