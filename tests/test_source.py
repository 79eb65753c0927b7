"""source.py: YAML text to plain data, and what is said when the text is not YAML."""

from __future__ import annotations

import json

import pytest

from selvhjelp_cli.core import source
from selvhjelp_cli.core.errors import InvalidFile, Problem, UserError
from selvhjelp_cli.core.source import parse
from selvhjelp_cli.groupfile.loader import load_group

from .conftest import FIXTURES

# A file for each of libyaml's syntax errors we put in words: (line, column, message).
SYNTAX = {
    "a:\n\tb: 1\n": (2, 1, "Tabulatortegn kan ikke brukes til innrykk i YAML. Bruk mellomrom."),
    # A tab just after the spot is not the cause: the colon is.
    "a: b:\tc\n": (1, 5, "Et kolon står på feil sted. Mangler det mellomrom etter kolonet, "
                         "eller bør verdien stå i anførselstegn?"),
    "a: b: c\n": (1, 5, "Et kolon står på feil sted. Mangler det mellomrom etter kolonet, "
                        "eller bør verdien stå i anførselstegn?"),
    "? a\n: b\nc\n": (4, 1, "Det mangler et kolon etter en nøkkel."),
    "a: b\n- c\n": (2, 1, "Innrykket stemmer ikke med linjene over. Rykk inn med like mange mellomrom som "
                         "linjene som hører sammen med denne."),
    "- a\nb: c\n": (2, 1, "Innrykket stemmer ikke med listen over."),
    "a: [b\n": (2, 1, "En liste i [hakeparenteser] er ikke lukket riktig."),
    "a: {b: 1\n": (2, 1, "En krøllparentes { } er ikke lukket riktig."),
    "a: 'b\n": (2, 1, "Filen slutter midt i en verdi. Mangler et avsluttende anførselstegn?"),
    'a: "\\q"\n': (1, 5, "En verdi i doble anførselstegn har en ukjent \\-kode."),
    "a: - b\n": (1, 4, "Et listepunkt (-) står på feil sted."),
    "a: [1,,2]\n": (1, 7, "Det mangler en verdi her."),
    "%YAML 2.0\n---\na: 1\n": (1, 1, "Filen oppgir en YAML-versjon verktøyet ikke kan lese."),
    "a: *\n": (1, 5, "Et anker eller alias (&navn, *navn) mangler navnet."),
    "a: |x\n": (1, 5, "Etter | eller > kan bare en kommentar stå på samme linje."),
    "%FOO bar\n---\na: 1\n": (1, 5, "Linjer som begynner med % er ikke tillatt i en gruppefil."),
    "a: @b\n": (1, 4, "Et tegn her kan ikke begynne en verdi. Sett verdien i anførselstegn."),
}


@pytest.mark.parametrize("text, expected", SYNTAX.items(), ids=range(len(SYNTAX)))
def test_each_syntax_error_in_words(text, expected):
    with pytest.raises(InvalidFile) as caught:
        parse(text, "g.yaml")
    [problem] = caught.value.problems
    assert (problem.line, problem.column, problem.message) == expected


@pytest.mark.parametrize("text, line", [("version: 1\nname:Ola\ncounty: Rogaland\n", 2),
                                        ("a: 1\nb:2\nc: 3\n", 2)])
def test_a_missing_space_after_a_colon_is_named(text, line):
    with pytest.raises(InvalidFile) as caught:
        parse(text, "g.yaml")
    [problem] = caught.value.problems
    assert (problem.line, problem.message) == (
        line, "Det mangler et mellomrom etter kolonet: Skriv «nøkkel: verdi», ikke «nøkkel:verdi».")


@pytest.mark.parametrize(
    "typed, value",
    [
        ("\u201cTorsdag\u201d", "Torsdag"),
        ("\u2018Torsdag\u2019", "Torsdag"),
        ("\u201eTorsdag\u201c", "Torsdag"),
        ("«Torsdag»", "Torsdag"),
        ("«Tors» dag", "«Tors» dag"),
        ("\u201cTors\u201d dag", "\u201cTors\u201d dag"),
    ],
)
def test_typographic_quotes_around_a_whole_value_are_taken_away(typed, value):
    assert parse(f"name: {typed}\n", "g.yaml")[0] == {"name": value}


def test_every_syntax_message_is_reachable():
    said = {message for _, _, message in SYNTAX.values()}
    assert {message for _, message in source._SYNTAX_MESSAGES} <= said


def test_a_syntax_error_we_have_no_words_for():
    with pytest.raises(InvalidFile) as caught:
        parse("a: &\n", "g.yaml")
    [problem] = caught.value.problems
    assert (problem.line, problem.column, problem.message) == (1, 5, "Et anker eller alias (&navn, *navn) mangler "
                                                                     "navnet.")
    exc = type("Fake", (source.yaml.MarkedYAMLError,), {})(problem="something new", problem_mark=None)
    assert source._syntax_problem(exc, "") == Problem("YAML-syntaksen er ugyldig her.", None, None)


def test_broken_corpus_gives_exactly_these_problems():
    """Golden file: tests/fixtures/broken_expected.json. After a deliberate change
    of wording, regenerate it (see the README, 'For developers') and read the diff."""
    expected = json.loads((FIXTURES / "broken_expected.json").read_text(encoding="utf-8"))
    got = {}
    for path in sorted((FIXTURES / "broken").glob("*.yaml")):
        with pytest.raises(UserError) as caught:
            load_group(path)
        problems = getattr(caught.value, "problems", None)
        got[path.name] = ([[p.line, p.column, p.message] for p in problems] if problems is not None
                          else [[caught.value.line, caught.value.column, caught.value.message]])
        assert all(line.startswith(f"{path}:") for line in caught.value.lines())
    assert got == expected


def test_lines_name_file_line_and_column():
    error = InvalidFile("g.yaml", [Problem("A.", 3, 7), Problem("B.", 4), Problem("C.")])
    assert error.lines() == ["g.yaml:3:7: A.", "g.yaml:4: B.", "g.yaml: C."]
    assert str(error) == "g.yaml:3:7: A." and (error.line, error.column) == (3, 7)


@pytest.mark.parametrize("text, data", [
    ("a: 1\n", {"a": "1"}),
    ("a: [x, 'y', null, ~]\n", {"a": ["x", "y", None, None]}),
    ("a:\n  - b: c\n    d: [e]\n", {"a": [{"b": "c", "d": ["e"]}]}),
    ("x: &k {b: 1}\ny: *k\n", {"x": {"b": "1"}, "y": {"b": "1"}}),
    ("\ufeffa: b\n", {"a": "b"}),
    ("--- \na: b\n...\n", {"a": "b"}),
])
def test_parse_builds_plain_data(text, data):
    assert parse(text, "g.yaml")[0] == data


def test_positions_of_keys_values_and_items():
    _, where = parse("a: b\nc:\n  - d\n  - e: f\n", "g.yaml")
    assert where.values[("a",)] == (1, 4) and where.keys[("a",)] == (1, 1)
    assert where.values[("c",)] == (2, 1)  # a block list stands where its key is
    assert where.values[("c", 0)] == (3, 5) and where.values[("c", 1, "e")] == (4, 8)
    assert where.keys[("c", 1, "e")] == (4, 5)
    assert where.line("c", 1, "missing") == 4 and where.line("nothing") == 1
    assert where.key_line("c") == 2 and where.key_line("x") is None
