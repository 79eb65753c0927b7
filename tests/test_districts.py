"""find-district: every way people name where they live."""

from __future__ import annotations

import csv
import json
from collections import Counter
from pathlib import Path

import pytest
import yaml

from selvhjelp_cli.core.errors import UserError
from selvhjelp_cli.places import districts, registers

from .conftest import invoke

DATA = Path(__file__).parent.parent / "data"
COUNTIES = yaml.safe_load((DATA / "districts.yaml").read_text(encoding="utf-8"))["counties"]
MUNICIPALITIES = list(csv.DictReader((DATA / "municipalities.csv").open(encoding="utf-8")))
ERA_RANK = {"2024": 0, "2020-2023": 1, "2018-2019": 2, "pre2020": 3, "pre2018": 4}
POSTCODES = list(csv.DictReader((DATA / "postcodes.csv").open(encoding="utf-8")))


def office_ids(result: districts.Resolution) -> list[str]:
    return [o.id for o in result.offices]




@pytest.mark.parametrize("county", COUNTIES, ids=lambda c: f"{c['era']}-{c['number']}")
def test_every_county_of_every_generation_by_name_and_number(county):
    # A number several generations share (03, 11, 15, 18, 50) means today's county.
    newest = min((c for c in COUNTIES if c["number"] == county["number"]), key=lambda c: ERA_RANK[c["era"]])
    by_number = districts.resolve_county(county["number"])
    assert by_number.matched == county["name"]
    assert office_ids(by_number) == newest["offices"]
    by_name = districts.resolve_county(county["name"])
    assert by_name.matched == county["name"] and by_name.offices
    for other in county.get("other_names", []):
        assert districts.resolve_county(other).offices


@pytest.mark.parametrize("spelling, expected", [
    ("More og Romsdal", "Møre og Romsdal"), ("Ostfold", "Østfold"), ("Troendelag", "Trøndelag"),
    ("TRØNDELAG", "Trøndelag"), ("trondelag", "Trøndelag"), ("aust agder", "Aust-Agder"),
    ("Aust-Agder "
     "fylke", "Aust-Agder"), ("Sogn & Fjordane", "Sogn og Fjordane"), ("sogn-og-fjordane", "Sogn og Fjordane"),
    ("Finnmárku", "Finnmark"), ("Finnmarku", "Finnmark"), ("Romsa", "Troms"), ("Trööndelage", "Trøndelag"),
    ("Nordlánnda", "Nordland"), ("4", "Hedmark"), ("04", "Hedmark"), ("46", "Vestland"),
    ("Vestfold and Telemark", "Vestfold og Telemark"), ("Moere og Romsdal", "Møre og Romsdal"),
])
def test_county_spellings(spelling, expected):
    assert districts.resolve_county(spelling).matched == expected


def test_county_offices_agree_with_the_municipality_table():
    by_county: dict[str, Counter] = {}
    for row in MUNICIPALITIES:
        for office in row["kontorer"].split("|"):
            by_county.setdefault(row["fylkesnummer"], Counter())[office] += 1
    for county in COUNTIES:
        if county["era"] == "2024":
            assert set(county["offices"]) == set(by_county[county["number"]])
            assert county["offices"][0] == by_county[county["number"]].most_common(1)[0][0]


@pytest.mark.parametrize("query, offices, note", [
    ("Viken", ["oslo", "tonsberg", "brumunddal"], "Jevnaker og Lunner"),
    ("Akershus", ["oslo", "brumunddal", "tonsberg"], "Asker"),
    ("Møre og Romsdal", ["trondheim", "bergen"], "Hornindal"),
])
def test_shared_counties_name_every_office_main_first(query, offices, note):
    result = districts.resolve_county(query)
    assert office_ids(result) == offices
    assert any(note in n for n in result.notes)


def test_older_extent_is_explained_where_the_office_changes():
    notes = " ".join(districts.resolve_county("Akershus").notes)
    assert "Før 2020 hørte hele Akershus til Oslo" in notes
    assert districts.resolve_county("Rogaland").notes == []


@pytest.mark.parametrize("row", MUNICIPALITIES, ids=lambda r: r["kommunenummer"])
def test_every_2024_municipality(row):
    result = districts.resolve_municipality(row["navn"])
    assert row["kontorer"].split("|")[0] in office_ids(result)
    qualified = districts.resolve_municipality(f"{row['navn']}, {registers.county_2024(row['fylkesnummer']).name}")
    assert office_ids(qualified) == row["kontorer"].split("|")
    assert office_ids(districts.resolve_municipality(row["kommunenummer"])) == row["kontorer"].split("|")


@pytest.mark.parametrize("query, offices", [
    ("Asker", ["oslo", "tonsberg"]), ("Volda", ["trondheim", "bergen"]),
    ("Jevnaker", ["brumunddal"]), ("Lunner", ["brumunddal"]),
    ("Hornindal", ["bergen"]), ("Røyken", ["tonsberg"]), ("Guovdageaidnu", ["alta"]),
    ("Kárášjohka", ["alta"]), ("Baerum", ["oslo"]), ("Tromso", ["alta"]), ("Alta", ["alta"]),
    ("Herøy (Nordland)", ["alta"]), ("Herøy i Møre og Romsdal", ["trondheim"]),
])
def test_municipality_cases(query, offices):
    assert office_ids(districts.resolve_municipality(query)) == offices


def test_two_municipalities_with_one_name():
    result = districts.resolve_municipality("Herøy")
    assert set(office_ids(result)) == {"alta", "trondheim"}
    assert "to kommuner som heter Herøy" in result.notes[0]


def test_municipality_typo_gets_suggestions():
    result = districts.resolve_municipality("Haugesun")
    assert result.matched is None and "Haugesund" in result.suggestions


def _sample_postcodes():
    by_county: dict[str, list[dict]] = {}
    for row in POSTCODES:
        by_county.setdefault(row["kommunenummer"][:2], []).append(row)
    return [rows[i] for rows in by_county.values() for i in (0, len(rows) // 2, -1)]


@pytest.mark.parametrize("row", _sample_postcodes(), ids=lambda r: r["postnummer"])
def test_postcodes_per_county(row):
    result = districts.resolve_postcode(row["postnummer"])
    municipality = registers.municipalities().get(row["kommunenummer"])
    if municipality is None:  # Svalbard, Jan Mayen
        assert result.offices == [] and result.notes
    elif row["kontor"]:
        assert office_ids(result) == [row["kontor"]]
    else:
        assert office_ids(result) == list(municipality.offices)


@pytest.mark.parametrize("code, office", [("5501", "sandnes"), ("0364", "oslo"), ("9510", "alta"),
                                          ("1371", "oslo"), ("3480", "tonsberg"), ("6120", "trondheim")])
def test_postcode_examples(code, office):
    assert office_ids(districts.resolve_postcode(code)) == [office]


@pytest.mark.parametrize("bad", ["", "abc", "123", "12345", "50 011", "-501"])
def test_postcode_must_be_four_digits(bad):
    with pytest.raises(UserError):
        districts.resolve_postcode(bad)


@pytest.mark.parametrize("absurd", ["", "   ", "x" * 500, "🙂", "'; DROP TABLE", "\x1b[31m"])
def test_absurd_county_is_no_match(absurd):
    result = invoke("find-district", "--county", absurd)
    assert result.exit_code == 1
    assert "\x1b" not in result.stdout


def test_compiled_districts_match_the_yaml_source():
    compiled = json.loads((DATA / "districts.json").read_text(encoding="utf-8"))
    source = yaml.safe_load((DATA / "districts.yaml").read_text(encoding="utf-8"))
    assert compiled == source, "run: python scripts/build_data.py --districts"


def test_unknown_postcode_is_no_match():
    result = districts.resolve_postcode("0000")
    assert result.matched is None and result.offices == []


def test_every_answer_is_exactly_as_recorded():
    """Golden file: tests/fixtures/districts_expected.json, the whole answer for every
    county and municipality (by name and number), the shared and former names and a
    sample of postcodes. After a deliberate change, run `python scripts/refresh_golden.py`
    and read the diff."""
    import json

    from .conftest import FIXTURES

    resolve = {"county": districts.resolve_county, "municipality": districts.resolve_municipality,
               "postcode": districts.resolve_postcode}
    expected = json.loads((FIXTURES / "districts_expected.json").read_text(encoding="utf-8"))
    assert len(expected) > 900
    from selvhjelp_cli.places.directory import builtin_directory
    from selvhjelp_cli.places.resolver import resolve as resolve_place

    resolve["place"] = lambda value: resolve_place(builtin_directory(), "place", value)
    for kind, value, answer in expected:
        got = resolve[kind](value).as_json()
        assert got == answer, (kind, value)


@pytest.mark.parametrize("typed, suggested", [
    ("Nordlan", ["Nordland", "Nordlánnda", "Hordaland"]),
    ("Hornindl", ["Hornindal", "Rindal"]),  # a former municipality is suggested too
    ("Sandefjor", ["Sandefjord", "Sande", "Sunnfjord"]),
    ("Sand", ["Sande", "Strand", "Sandøy"]),
    ("Oss", ["Voss", "Moss", "Os"]),
])
def test_suggestions_are_the_three_closest(typed, suggested):
    found = districts.suggest_county(typed) if typed.startswith("Nord") else districts.suggest_municipality(typed)
    assert found == suggested


def test_a_county_number_without_its_leading_zero_is_explained():
    result = districts.resolve_county("1")
    assert result.matched == "Østfold" and result.notes == ["Fylkesnummer 01 er nummeret Østfold hadde før 2020."]


def test_a_postcode_that_is_not_four_digits():
    for text in ("12", "12345", "abcd", ""):
        with pytest.raises(UserError) as caught:
            districts.resolve_postcode(text)
        assert caught.value.message == "Et postnummer har fire sifre, for eksempel 0364 eller 5501."


def test_a_postcode_row_is_found_by_its_line_start(monkeypatch):
    monkeypatch.setattr(registers, "postcode_text", lambda: "postnummer,poststed,kommunenummer,kontor\n"
                                                            "15501,X,0301,oslo\n5501,HAUGESUND,1106,\n")
    assert registers.postcode_row("5501") == {"poststed": "HAUGESUND", "kommunenummer": "1106", "kontor": ""}
    assert registers.postcode_row("0364") is None


def test_municipality_suggestions_prefer_the_county_given():
    assert districts.suggest_municipality("Nesa") == ["Nesna", "Nes", "Vennesla"]
    assert districts.suggest_municipality("Nesa", county="Akershus") == ["Nes", "Nesna", "Vennesla"]
    assert districts.suggest_municipality("Nesa", county="Nordland") == ["Nesna", "Nes", "Vennesla"]
    assert districts.suggest_municipality("Nesa", county="Atlantis") == ["Nesna", "Nes", "Vennesla"]
    # A county of an older generation gives no preference of its own.
    assert districts.suggest_municipality("Nesa", county="Oppland") == ["Nesna", "Nes", "Vennesla"]


def test_names_of_exactly_the_longest_length_are_still_matched_and_suggested():
    padded = "Haugesund".ljust(registers.MAX_PLACE_NAME)
    assert [m.name for m in districts.find_municipality(padded)] == ["Haugesund"]
    assert districts.suggest_county("Rogalnd".ljust(registers.MAX_PLACE_NAME))[0] == "Rogaland"
    assert districts.find_municipality(padded + " ") == []
