"""The two doors decide nothing: the same bad input given to the command line and to
the app gets the same answer (the same refusal, or the same file), because both ask
the same room."""

from __future__ import annotations

import pytest

from .conftest import invoke, post, shown


@pytest.fixture
def group_file(folder):
    return folder / "torsdagsgruppa.yaml"


def _add_in_app(app, data):
    client, guard = app
    return post(client, guard, "/g/torsdagsgruppa/participant/add", {"shown": shown(client, "torsdagsgruppa"), **data})


@pytest.mark.parametrize(("cli", "form", "says", "form_says"), [
    # No age: the framework needs everyone 18+, so the file must say so for each participant.
    (["--name", "Ola Ny"], {"name": "Ola Ny"},
     "Alle deltakere må være fylt 18 år. Oppgi fødselsåret, eller bekreft at personen er fylt 18 år.", None),
    # Both a birth year and «18 or older»: one or the other, each door in its own words (a field and a box).
    (["--name", "Ola Ny", "--born", "1980", "--adult"], {"name": "Ola Ny", "born": "1980", "adult": "ja"},
     "Oppgi enten fødselsår eller at personen er fylt 18 år, ikke begge.",
     "Skriv enten fødselsåret eller kryss av for at personen er fylt 18 år, ikke begge."),
])
def test_a_participant_without_a_settled_age_is_refused_by_both_doors(app, group_file, cli, form, says, form_says):
    before = group_file.read_bytes()
    result = invoke("participant", "add", group_file, *cli, "--no-input", "--today", "2027-01-20")
    assert result.exit_code == 2 and says in result.stderr
    answer = _add_in_app(app, form)
    assert answer.status_code == 400 and (form_says or says) in answer.text
    assert group_file.read_bytes() == before


def test_the_same_participant_gives_the_same_file_from_both_doors(app, group_file, tmp_path):
    twin = tmp_path / "tvilling.yaml"
    twin.write_bytes(group_file.read_bytes())
    assert invoke("participant", "add", twin, "--name", "Ola Ny", "--adult", "--no-input").exit_code == 0
    assert _add_in_app(app, {"name": "Ola Ny", "adult": "ja"}).status_code == 303
    assert group_file.read_bytes() == twin.read_bytes()


@pytest.mark.parametrize("blank", ["0", "201", "åtte", "-3"])
def test_a_bad_number_of_blank_declarations_is_refused_by_both_doors(app, tmp_path, blank):
    client, _guard = app
    result = invoke("print-declaration", "--blank", blank, "-o", tmp_path / "x.pdf")
    assert result.exit_code == 2 and "1 til 200" in result.stderr
    answer = client.get(f"/declaration.pdf?blank={blank}")
    assert answer.status_code == 400 and "1 til 200" in answer.text
    assert answer.headers["content-type"].startswith("text/html")
    assert not (tmp_path / "x.pdf").exists()


def test_an_unknown_document_language_is_refused_by_both_doors(app, group_file, tmp_path):
    client, _guard = app
    result = invoke("print-handout", "poster", group_file, "--lang", "tysk", "-o", tmp_path / "plakat.pdf")
    assert result.exit_code == 2 and "--lang" in result.stderr
    answer = client.get("/g/torsdagsgruppa/poster.pdf?lang=tysk")
    assert answer.status_code == 400 and "nb (bokmål), nn (nynorsk) eller en (engelsk)" in answer.text
    assert not (tmp_path / "plakat.pdf").exists()


def test_a_place_longer_than_any_place_name_is_no_place_in_either_door(app):
    client, _guard = app
    place = "Haugesund" * 17  # 153 characters: more than any place in Norway, less than the old limit of 200
    result = invoke("find-district", place)
    assert result.exit_code == 1 and "Fant ikke noe sted" in result.stdout
    page = client.get("/find", params={"place": place}).text
    assert "Fant ikke noe sted som heter" in page and "for lang" not in page
    assert f"«{place}»" not in page  # cut short in the answer, as the command line cuts it


@pytest.mark.parametrize("args", [
    ["find-district", "Bryne", "--county", "Rogaland"],
    ["find-district"],
    ["find-district", "--county", "Rogaland", "--postcode", "5501"],
])
def test_find_district_has_one_grammar_whichever_path_reads_the_command_line(args):
    from selvhjelp_cli.entry import quick

    assert quick(args) is None  # the quick path leaves what it cannot answer to Typer …
    result = invoke(*args)
    # … which refuses with the rule both paths ask (cli/find_answer.one_place).
    assert result.exit_code == 2 and "nøyaktig én av --county, --municipality, --postcode eller --all" in result.stderr
