"""places/registers.py: the registers of counties, municipalities, postcodes and the 2019 offices, and the
key places are matched by."""

from __future__ import annotations

import pytest

from selvhjelp_cli.places import registers


@pytest.mark.parametrize("typed, key", [("Ålesund", "alesund"), ("AALESUND", "alesund"), ("Møre og Romsdal",
                                        "moreromsdal"), ("More-og-Romsdal", "moreromsdal"), ("Sør-Fron", "sorfron"),
                                        ("Bø i Telemark", registers.fold("Bø i Telemark")), ("Évje", "evje")])
def test_places_match_however_they_are_spelled(typed, key):
    assert registers.fold(typed) == key


def test_the_registers_are_complete_for_2024():
    assert len([c for c in registers.counties() if c.era == "2024"]) == 15
    assert len(registers.municipalities()) == 357
    assert registers.county_2024("11").name == "Rogaland"
    assert registers.municipalities()["1106"].name == "Haugesund"


def test_a_postcode_row_is_found_and_a_missing_one_is_none():
    assert registers.postcode_row("5501") == {"poststed": "HAUGESUND", "kommunenummer": "1106", "kontor": ""}
    assert registers.postcode_row("0000") is None and registers.postcode_row("550") is None
    assert registers.postcode_rows()["5501"] == ("HAUGESUND", "1106")


def test_a_county_of_any_generation_stands_for_the_2024_municipalities_in_its_area():
    rogaland = registers.county_2024("11")
    municipalities = registers.county_municipalities(rogaland)
    assert "1106" in municipalities and "4601" not in municipalities  # Haugesund, not Bergen
    hordaland = next(c for c in registers.counties() if c.name == "Hordaland")
    assert "4601" in registers.county_municipalities(hordaland)


def test_the_2019_offices_in_order_without_repeats():
    assert [o.id for o in registers.office_list(["sandnes", "oslo", "sandnes"])] == ["sandnes", "oslo"]
    assert registers.office_names(["sandnes", "oslo"]).endswith("Oslo")
