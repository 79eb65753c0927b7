"""Who covers a place: places named freely, and answers from a directory file."""

from __future__ import annotations

import pytest

from selvhjelp_cli.places import districts
from selvhjelp_cli.places.directory import builtin_directory, load_directory
from selvhjelp_cli.places.resolver import office_sentence, offices_for_group, resolve

from .conftest import FIXTURES

CONTACT_POINTS = FIXTURES / "directory" / "kontaktpunkter.yaml"


def points():
    return load_directory(str(CONTACT_POINTS))


def ids(result) -> list[str]:
    return [o.id for o in result.offices]


@pytest.mark.parametrize("query, kind, municipality", [
    ("Bryne", "postal-place", "1121"), ("Jessheim", "postal-place", "3209"), ("Oslove", "municipality", "0301"),
    ("Aarborte", "municipality", "1826"), ("Raane", "municipality", "1833"), ("Fuolldá", "municipality", "1845"),
    ("Hábmer", "municipality", "1875"), ("Stïentje", "municipality", "5006"),
    ("Nåavmesjenjaelmie", "municipality", "5007"), ("Levangke", "municipality", "5037"),
    ("Rivtták", "municipality", "5516"), ("Ivgu", "municipality", "5536"), ("Yykeä", "municipality", "5536"),
    ("Evenášši", "municipality", "1853"), ("Kárášjohka", "municipality", "5610"), ("Guovdageaidnu", "municipality",
                                                                                    "5612"),
])
def test_places_are_found_the_way_people_name_them(query, kind, municipality):
    readings = districts.read_place(query)
    assert len(readings) == 1
    assert readings[0].kind == kind and municipality in readings[0].municipalities


@pytest.mark.parametrize("query, labels", [
    ("Os", ["Os i Innlandet", "Os i Hordaland (kommune til 2020, nå en del av Bjørnafjorden)"]),
    ("Bø", ["Bø i Nordland", "Bø i Telemark (kommune til 2020, nå en del av Midt-Telemark)"]),
    ("Sande", ["Sande i Møre og Romsdal", "Sande i Vestfold (kommune til 2020, nå en del av Holmestrand)"]),
    ("Nes", ["Nes i Akershus", "Nes i Buskerud (kommune til 2020, nå en del av Nesbyen)"]),
    ("Herøy", ["Herøy i Møre og Romsdal", "Herøy i Nordland"]),
    ("Våler", ["Våler i Østfold", "Våler i Innlandet"]),
])
def test_a_name_that_meant_several_places_lists_each(query, labels):
    assert [r.label for r in districts.read_place(query)] == labels
    answer = resolve(builtin_directory(), "place", query)
    assert answer.matched == f"{query} (flere steder)"
    assert answer.notes[0] == f"«{query}» kan bety flere steder. Svaret gjelder alle:"
    assert [n.split(":")[0] for n in answer.notes[1:-1]] == [f"– {label}" for label in labels]
    assert [r["label"] for r in answer.readings] == labels


def test_a_county_names_the_former_place():
    assert [r.label for r in districts.read_place("Os, Hordaland")] == [
        "Os i Hordaland (kommune til 2020, nå en del av Bjørnafjorden)"]
    assert ids(resolve(builtin_directory(), "place", "Os i Hordaland")) == ["bergen"]
    assert ids(resolve(builtin_directory(), "place", "Os (Innlandet)")) == ["brumunddal"]


def test_the_same_area_is_told_once():
    assert [r.kind for r in districts.read_place("Bergen")] == ["municipality"]  # not also the post office
    assert [r.kind for r in districts.read_place("Oslo")] == ["municipality"]  # not also the county


def test_a_query_of_four_digits_is_a_postcode():
    answer = resolve(builtin_directory(), "place", "3480")
    assert answer.matched == "3480 Filtvet (Asker)" and ids(answer) == ["tonsberg"]


def test_an_unknown_place_gets_suggestions():
    answer = resolve(builtin_directory(), "place", "Trondhjem")
    assert answer.matched is None and answer.offices == [] and "Trondheim" in answer.suggestions


# Answers from a directory file: the most specific coverage wins


def test_a_postcode_beats_a_municipality_beats_a_county():
    directory = points()
    assert ids(resolve(directory, "postcode", "5003")) == ["bergen-sentrum"]
    assert ids(resolve(directory, "postcode", "5005")) == ["link-bergen"]  # Bergen by its county
    assert ids(resolve(directory, "place", "Askøy")) == ["askoy"]  # the municipality, not Hordaland
    assert ids(resolve(directory, "municipality", "Askøy")) == ["askoy"]


def test_entries_covering_a_part_of_a_municipality_are_mentioned():
    answer = resolve(points(), "place", "Bergen")
    assert ids(answer) == ["link-bergen"]
    assert answer.notes == ["Bergen sentrum kontaktpunkt dekker noen av postnumrene her. Søk på postnummeret "
                            "ditt for å se om det gjelder deg."]


def test_ties_are_all_listed_in_file_order(tmp_path):
    path = tmp_path / "katalog.yaml"
    path.write_text("version: 1\nas_of: 2026-11-01\nsource: x\nhead_office: {name: N, web: w}\noffices:\n"
                    " - {id: b, name: B, web: w, covers: {municipalities: [Askøy]}}\n"
                    " - {id: a, name: A, web: w, covers: {municipalities: [Askøy]}}\n"
                    " - {id: c, name: C, web: w, covers: {counties: [Vestland]}}\n", encoding="utf-8")
    directory = load_directory(str(path))
    assert ids(resolve(directory, "place", "Askøy")) == ["b", "a"]
    assert ids(resolve(directory, "place", "Bergen")) == ["c"]


def test_a_county_lists_whole_then_partial_then_local_entries():
    answer = resolve(points(), "county", "Vestland")
    assert ids(answer) == ["link-bergen", "askoy", "bergen-sentrum"]
    assert "LINK Bergen og omegn dekker bare en del av Vestland." in answer.notes


def test_counties_of_every_generation_cover_today_s_places():
    directory = points()
    assert ids(resolve(directory, "place", "Alta")) == ["nord"]  # Troms og Finnmark (2020–2023) holds Alta
    assert ids(resolve(directory, "place", "Bodø")) == ["nord"]
    assert ids(resolve(directory, "place", "Haugesund")) == ["sandnes-frivilligsentral"]


def test_nothing_covers_a_place_outside_the_directory():
    answer = resolve(points(), "place", "Hamar")
    assert answer.matched == "Hamar i Innlandet" and answer.offices == []


def test_the_offices_of_a_group_and_the_sentence_for_the_starter():
    directory = points()
    assert [o.id for o in offices_for_group(directory, "Vestland", "Askøy")] == ["askoy"]
    assert office_sentence(directory, offices_for_group(directory, "Rogaland", None)) == \
        "Kontaktpunktet for gruppa er Sandnes frivilligsentral (telefon 51 00 00 00)."
    assert office_sentence(directory, []).startswith("Ingen i katalogen dekker stedet. Spør Selvhjelp Norge")
    builtin = builtin_directory()
    # What to do today comes first; the closed office of 2019 is history, with no number to call.
    assert office_sentence(builtin, offices_for_group(builtin, "Rogaland", None), place="Haugesund") == (
        "Spør frivilligsentralen i kommunen, eller Selvhjelp Norge (post@selvhjelp.no, selvhjelp.no, telefon "
        "23 33 19 00), om kontaktpunktet for Haugesund. I 2019 dekket distriktskontoret i Sandnes stedet; "
        "distriktskontorene ble lagt ned i 2023.")
    assert "981 02 067" not in office_sentence(builtin, offices_for_group(builtin, "Rogaland", None))


# The command


def test_municipality_os_lists_both_readings_as_the_free_query_does():
    from selvhjelp_cli.places.directory import builtin_directory
    from selvhjelp_cli.places.resolver import resolve

    answer = resolve(builtin_directory(), "municipality", "Os")
    assert [o.office for o in answer.offices] == ["Brumunddal", "Bergen"]
    assert answer.query == {"municipality": "Os"} and any("Bjørnafjorden" in note for note in answer.notes)
    picked = resolve(builtin_directory(), "municipality", "Os, Hordaland")
    assert [o.office for o in picked.offices] == ["Bergen"]
