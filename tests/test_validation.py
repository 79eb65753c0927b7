"""groupfile/validation.py: what is wrong in a group file, said once per problem in the reader's words, at its
line, never echoing a value."""

from __future__ import annotations

import pytest

from selvhjelp_cli.core.errors import InvalidFile
from selvhjelp_cli.groupfile.loader import load_group

from .conftest import BASE, EXAMPLES, FIXTURES, invoke


def test_unknown_field_value_is_never_echoed():
    with pytest.raises(InvalidFile) as caught:
        load_group(FIXTURES / "broken" / "unknown_participant_field.yaml")
    assert all("depresjon" not in p.message for p in caught.value.problems)


def test_wrong_values_are_not_echoed(write):
    path = write(BASE + "participants:\n  - name: Ola\n    born: hemmelig-diagnose\n")
    with pytest.raises(InvalidFile) as caught:
        load_group(path)
    assert "hemmelig" not in str(caught.value.problems)


def test_all_problems_are_reported_in_line_order(write):
    path = write(BASE.replace("18:00", "25:00") + "fee_nok: mye\nclosd: true\n")
    with pytest.raises(InvalidFile) as caught:
        load_group(path)
    lines = [p.line for p in caught.value.problems]
    assert lines == sorted(lines) and len(lines) == 3


@pytest.mark.parametrize("key, english", [("navn", "name"), ("fylke", "county"), ("deltakere", "participants"),
                                          ("Tema", "theme")])
def test_a_norwegian_key_is_named_in_english(write, key, english):
    text = BASE.replace("name: Testgruppa", f"name: Testgruppa\n{key}: x") if key != "navn" else \
        BASE.replace("name: Testgruppa", "navn: Testgruppa")
    with pytest.raises(InvalidFile) as caught:
        load_group(write(text))
    messages = [p.message for p in caught.value.problems]
    assert f"Ukjent nøkkel «{key}». Nøklene i gruppefilen er engelske: Denne heter «{english}»." in messages


@pytest.mark.parametrize("county, municipality, valid", [
    ("Rogaland", "Bergen", False), ("Vestfold og Telemark", "Bergen", False), ("Hordaland", "Bergen", True),
    ("Viken", "Asker", True), ("Rogaland", "Haugesund", True), ("Oppland", "Jevnaker", True), ("Troms", "Alta", False),
])
def test_a_municipality_must_lie_in_the_county(write, county, municipality, valid):
    text = BASE.replace("county: Rogaland", f"county: {county}\nmunicipality: {municipality}")
    if valid:
        load_group(write(text))
        return
    with pytest.raises(InvalidFile) as caught:
        load_group(write(text))
    [problem] = caught.value.problems
    assert problem.line == 4 and problem.message.startswith(f"{municipality} ligger i ")
    assert problem.message.endswith(f", ikke i {county}. Rett fylket eller kommunen.")


def test_thousands_of_unknown_keys_show_the_first_twenty_and_count_the_rest(write):
    keys = "".join(f"ukjent_{n}: x\n" for n in range(3000))
    path = write((EXAMPLES / "torsdagsgruppa.yaml").read_text(encoding="utf-8") + keys)
    result = invoke("check", path)
    assert result.exit_code == 2
    lines = [line for line in result.stdout.splitlines() if "kjent nøkkel" in line or "ukjente nøkler" in line]
    assert len(lines) == 21
    assert lines[-1].split("feil", 1)[1].strip() == "… og 2\u00a0980 ukjente nøkler til."


def test_an_empty_name_says_it_cannot_be_empty(write):
    path = write(
        (EXAMPLES / "torsdagsgruppa.yaml").read_text(encoding="utf-8").replace("name: Torsdagsgruppa", 'name: ""')
    )
    result = invoke("check", path)
    assert result.exit_code == 2 and "«name» kan ikke være tom." in result.stdout
