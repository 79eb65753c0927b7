"""cli/console.py: what a terminal is given – people's text made harmless, and JSON that survives any stream."""

from __future__ import annotations

import io
import json

import pytest

from selvhjelp_cli.cli.console import make_console, printable, write_json


@pytest.mark.parametrize("text, shown", [
    ("Ola Nordmann", "Ola Nordmann"), ("Åse Ødegård", "Åse Ødegård"), ("a\x1b[31mb", "a\\x1b[31mb"),
    ("a\u202eb", "a\\u202eb"),  # a bidi override would turn the rest of the line round
    ("a\udce9b", "a\\udce9b"),  # a byte of a file name that was not UTF-8
    ("a\tb\n", "a\\tb\\n"), ("👩\u200d👧", "👩\u200d👧"),  # the zero-width joiner stays: emoji need it
])
def test_control_format_and_broken_characters_are_shown_not_obeyed(text, shown):
    assert printable(text) == shown


def test_json_is_utf8_where_the_stream_takes_it_and_escaped_where_not():
    document = {"name": "Åse", "note": "«»"}
    utf8 = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
    write_json(document, utf8)
    utf8.seek(0)
    assert utf8.read() == '{\n  "name": "Åse",\n  "note": "«»"\n}\n'
    latin = io.TextIOWrapper(io.BytesIO(), encoding="latin-1")
    write_json(document, latin)
    latin.seek(0)
    text = latin.read()
    assert "\\u00c5se" in text and json.loads(text) == document


def test_the_console_colours_no_numbers_and_reads_no_markup(capsys):
    make_console().print("[bold]Ola[/bold] 1980 :smile:")
    assert capsys.readouterr().out == "[bold]Ola[/bold] 1980 :smile:\n"


def test_a_broken_pipe_is_left_to_run():
    console = make_console()
    with pytest.raises(BrokenPipeError):
        console.on_broken_pipe()
