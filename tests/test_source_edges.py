"""The edges of reading a group file: every refusal names the file, limits are exact."""

from __future__ import annotations

import errno
import os

import pytest
import yaml

from selvhjelp_cli.core import source
from selvhjelp_cli.core.errors import InvalidFile, Problem, UserError
from selvhjelp_cli.core.source import MAX_BYTES, MAX_NODES, parse, read_text
from selvhjelp_cli.groupfile import validation
from selvhjelp_cli.groupfile.loader import is_group_data, is_letterhead_data, load_group, mentions_group_keys
from selvhjelp_cli.places import districts, registers

from .conftest import BASE


def refusal(path) -> tuple[str | None, str]:
    with pytest.raises(UserError) as caught:
        read_text(str(path))
    return caught.value.path, caught.value.message


def test_every_refusal_to_read_names_the_file(tmp_path, monkeypatch):
    assert refusal(tmp_path) == (str(tmp_path), "Dette er en mappe, ikke en fil.")
    assert refusal(tmp_path / "nei.yaml") == (str(tmp_path / "nei.yaml"), "Filen finnes ikke.")
    if hasattr(os, "mkfifo"):
        os.mkfifo(tmp_path / "rør.yaml")
        assert refusal(tmp_path / "rør.yaml") == (
            str(tmp_path / "rør.yaml"), "Dette er ikke en vanlig fil (men for eksempel en enhet eller en rørledning).")
    path = tmp_path / "g.yaml"
    path.write_text("a: b\n", encoding="utf-8")
    real_open = open
    for error, message in ((PermissionError(errno.EACCES, "x"), "Du har ikke lov til å lese filen."),
                           (OSError(errno.EIO, "x"), "Filen kan ikke leses.")):
        def failing(file, *args, _error=error, **kwargs):
            if str(file) == str(path):
                raise _error
            return real_open(file, *args, **kwargs)

        monkeypatch.setattr("builtins.open", failing)
        assert refusal(path) == (str(path), message)
        monkeypatch.setattr("builtins.open", real_open)


def test_the_size_limit_is_exact(tmp_path):
    path = tmp_path / "g.yaml"
    path.write_bytes(b"#" * (MAX_BYTES - 1) + b"\n")
    assert len(read_text(str(path))) == MAX_BYTES
    path.write_bytes(b"#" * MAX_BYTES + b"\n")
    assert refusal(path) == (str(path), "Filen er for stor til å være en gruppefil (over 1 MB).")


def test_a_byte_order_mark_is_not_part_of_the_text(tmp_path):
    path = tmp_path / "g.yaml"
    path.write_bytes("\ufeffa: b\n".encode("utf-8"))
    assert read_text(str(path)) == "a: b\n"


@pytest.mark.parametrize("text, line, column, message", [
    ("? [a]\n: b\n", 1, 3, "En nøkkel må være et enkelt ord, ikke en liste eller en tabell."),
    ("{[a]: b}\n", 1, 2, "En nøkkel må være et enkelt ord, ikke en liste eller en tabell."),
    ("? x\n? y\n? {a: 1}\n: z\n", 3, 3, "En nøkkel må være et enkelt ord, ikke en liste eller en tabell."),
    ("a: !!binary eA==\n", 1, 4, "YAML-tagger (som !!python/… eller !!binary) er ikke tillatt i en gruppefil."),
    ("a: !!set {x}\n", 1, 4, "YAML-tagger (som !!python/… eller !!set) er ikke tillatt i en gruppefil."),
    ("\ta: 1\n", 1, 1, "Tabulatortegn kan ikke brukes til innrykk i YAML. Bruk mellomrom."),
    ("a: *nei\n", 1, 4, "Et alias (*navn) viser til et anker som ikke finnes."),
])
def test_refusals_while_building_the_data(text, line, column, message):
    with pytest.raises(InvalidFile) as caught:
        parse(text, "g.yaml")
    [problem] = caught.value.problems
    assert (problem.line, problem.column, problem.message) == (line, column, message)
    assert caught.value.path == "g.yaml"


def test_an_alias_to_one_value_counts_one_node():
    def text(copies: int) -> str:  # the mapping, two keys, the list and the anchored value: five nodes
        return "a: &x y\nb: [" + ",".join(["*x"] * copies) + "]\n"

    parse(text(MAX_NODES - 5), "ok.yaml")
    with pytest.raises(InvalidFile, match="for mange alias"):
        parse(text(MAX_NODES - 4), "stor.yaml")


def test_a_syntax_error_without_words_keeps_its_place():
    mark = yaml.Mark("g.yaml", 0, 4, 6, "", 0)
    exc = yaml.MarkedYAMLError(problem="something new", problem_mark=mark)
    assert source._syntax_problem(exc, "") == Problem("YAML-syntaksen er ugyldig her.", 5, 7)


def test_what_counts_as_a_group_file_or_a_letterhead():
    assert is_letterhead_data({"version": "1", "name": "K", "lines": []})
    assert is_letterhead_data({"version": "1", "name": "K", "logo": "l.png"})
    assert not is_letterhead_data({"version": "1", "name": "K"})
    assert not is_letterhead_data(["version"])
    assert is_group_data({"version": "1", "name": "K"}) and not is_group_data(
        {"version": "1", "name": "K", "lines": []}
    )
    assert mentions_group_keys("# x\nversion: 1\nfoo: [\nname: X\n")
    assert not mentions_group_keys("# version: 1\nname: X\n")


def test_a_loaded_group_knows_its_path(write):
    path = write(BASE)
    assert load_group(path).path == str(path)


@pytest.mark.parametrize("text, message", [
    ("a" * 40 + ": 1\n", "Ukjent nøkkel «" + "a" * 40 + "»."),
    ("a" * 41 + ": 1\n", "Ukjent nøkkel «" + "a" * 40 + "…»."),
])
def test_long_unknown_keys_are_shortened(write, text, message):
    with pytest.raises(InvalidFile) as caught:
        load_group(write(BASE + text))
    assert caught.value.problems[0].message == message


def test_born_gets_its_own_words_but_not_when_it_is_missing(write):
    with pytest.raises(InvalidFile) as caught:
        load_group(write(BASE + "participants:\n  - name: A\n    born: [1]\n"))
    assert caught.value.problems[0].message == ("«born» for deltaker nr. 1 må være et fødselsår (for eksempel 1984) "
                                                "eller en dato (1984-05-17).")
    with pytest.raises(InvalidFile) as caught:
        load_group(write(BASE + "participants:\n  - born: 1984\n"))
    assert caught.value.problems[0].message == "«name» for deltaker nr. 1 mangler."


def test_an_error_pydantic_has_no_words_for_still_names_the_key():
    problem = validation._problem_for({"type": "something_new", "loc": ("fee_nok",), "ctx": {}},
                                      source.SourceMap("g.yaml"), validation.Group if hasattr(validation, "Group")
                                      else __import__("selvhjelp_cli.groupfile.model").groupfile.model.Group,
                                      frozenset({"fee_nok"}))
    assert problem.message == "«fee_nok» har en ugyldig verdi."


def test_a_county_typo_gets_suggestions_in_the_message(write):
    with pytest.raises(InvalidFile) as caught:
        load_group(write(BASE.replace("Rogaland", "Rogalnd")))
    assert caught.value.problems[0].message.endswith("Mente du «Rogaland» eller «Hordaland»?")


def test_a_list_where_the_file_needs_a_mapping_is_placed(write):
    with pytest.raises(InvalidFile) as caught:
        load_group(write("- a\n- b\n"))
    [problem] = caught.value.problems
    assert (problem.line, problem.column) == (1, 1)


def test_place_names_up_to_the_limit_are_matched():
    name = "Oslo" + " " * (registers.MAX_PLACE_NAME - 4)
    assert len(name) == registers.MAX_PLACE_NAME and districts.find_county(name)
    assert not districts.find_county(name + " ") and districts.suggest_county("x" * 101) == []


@pytest.mark.parametrize("typed, county", [("Østfold", "Østfold"), ("Oestfold", "Østfold"), ("Ostfold", "Østfold"),
                                           ("Møre og Romsdal", "Møre og Romsdal"), ("Troendelag", "Trøndelag"),
                                           ("Aust-Agder", "Aust-Agder"), ("Vest Agder", "Vest-Agder")])
def test_folding_letters_and_spellings(typed, county):
    assert districts.find_county(typed)[0].name == county


def test_offices_for_a_group_place():
    assert [o.id for o in districts.offices_for_place("Rogaland", None)] == ["sandnes"]
    assert [o.id for o in districts.offices_for_place("Viken", None)] == ["oslo", "tonsberg", "brumunddal"]
    assert [o.id for o in districts.offices_for_place("Rogaland", "Herøy")] == ["sandnes"]  # ambiguous: the county
    assert districts.offices_for_place("Atlantis", None) == []


def test_a_postcode_is_found_by_its_whole_line():
    assert districts.resolve_postcode("0001").matched == "0001 Oslo (Oslo)"
    assert districts.resolve_postcode(" 5003 ").matched == "5003 Bergen (Bergen)"
    assert districts.resolve_postcode("50 03").query == {"postcode": "5003"}


@pytest.mark.parametrize("version, shown", [("2", " 2"), ("12345", " 12345"), ("123456", ""), ("to", ""), ("1.5", "")])
def test_an_unknown_version_is_named_when_it_is_short(write, version, shown):
    with pytest.raises(InvalidFile) as caught:
        load_group(write(BASE.replace("version: 1", f"version: '{version}'")))
    [problem] = caught.value.problems
    assert problem.line == 1
    assert problem.message == f"Versjon{shown} av filformatet er ukjent. Denne utgaven av selvhjelp leser versjon 1."


@pytest.mark.parametrize(("left", "right"), [("«", "»"), ("„", "“"), ("„", "”"), ("‚", "‘"), ("“", "”"), ("‘", "’")])
def test_word_processor_quotes_around_a_value_are_taken_away(write, left, right):
    text = BASE.replace("start: 18:00", f"start: {left}18.00{right}") if "start: 18:00" in BASE else BASE
    group = load_group(write(text.replace("name: Testgruppa", f"name: {left}Testgruppa{right}"))).group
    assert group.name == "Testgruppa"


@pytest.mark.parametrize("dash", ["–", "—", "•"])
def test_a_word_processor_bullet_is_named_at_its_line(write, dash):
    with pytest.raises(InvalidFile) as caught:
        load_group(write(BASE + f"participants:\n  {dash} name: Ola\n"))
    [problem] = caught.value.problems
    assert f"«{dash}»" in problem.message and "«- »" in problem.message
    assert problem.line == BASE.count("\n") + 2 and problem.column == 3
