"""The directory file: reading, checking, choosing it, and its JSON Schema."""

from __future__ import annotations

import json

from selvhjelp_cli.groupfile.schema import directory_schema
from selvhjelp_cli.places import directory as dirs
from selvhjelp_cli.places import directory_file
from selvhjelp_cli.places.contacts import HEAD_OFFICE_KEYS

from .conftest import CONTACT_POINTS, FIXTURES, invoke
from .conftest import DIRECTORY_BROKEN as BROKEN


def test_the_built_in_directory_is_dated_and_says_the_offices_closed():
    builtin = dirs.builtin_directory()
    assert builtin.builtin and builtin.as_of.isoformat() == "2019-07-01"
    assert "brosjyre" in builtin.source and "2019" in builtin.source
    assert "2023" in builtin.notice and "post@selvhjelp.no" in builtin.notice and "selvhjelp.no" in builtin.notice
    assert [c.id for c in builtin.contacts] == ["oslo", "brumunddal", "trondheim", "alta", "sandnes", "tonsberg",
                                                "bergen"]


def test_a_missing_directory_named_by_the_environment_is_an_error_not_a_fall_back(monkeypatch, tmp_path):
    missing = tmp_path / "finnes-ikke.yaml"
    monkeypatch.setenv("SELVHJELP_DIRECTORY", str(missing))
    for args in (("find-district", "Bergen"), ("find-district", "--county", "Vestland"), ("check", str(tmp_path))):
        result = invoke(*args)
        assert result.exit_code == 2, args
        assert "finnes-ikke.yaml" in result.stderr and "SELVHJELP_DIRECTORY viser til en fil som ikke finnes" in \
            result.stderr


def test_the_environment_points_every_command_at_the_directory(monkeypatch):
    monkeypatch.setenv("SELVHJELP_DIRECTORY", str(CONTACT_POINTS))
    result = invoke("find-district", "Askøy", "--format", "json")
    assert json.loads(result.stdout)["offices"][0]["id"] == "askoy"


def test_an_invalid_directory_stops_find_district_with_its_line():
    result = invoke("find-district", "Bergen", "--directory", BROKEN / "feil.yaml")
    assert result.exit_code == 2 and "feil.yaml:13:18: Fylket «Hordland» er ukjent." in result.stderr


def test_the_schema_names_exactly_the_keys_the_checker_reads():
    schema = directory_schema()
    assert tuple(schema["properties"]) == directory_file.TOP_KEYS
    assert tuple(schema["properties"]["head_office"]["properties"]) == HEAD_OFFICE_KEYS
    office = schema["properties"]["offices"]["items"]
    assert set(office["properties"]) == set(directory_file.OFFICE_KEYS)
    assert tuple(office["properties"]["covers"]["properties"]) == directory_file.COVERS_KEYS


def test_the_shipped_schema_is_what_the_command_prints():

    shipped = (FIXTURES.parent.parent / "schema" / "katalog-v1.json").read_text(encoding="utf-8")
    assert invoke("directory", "schema").stdout == shipped, \
        "run: selvhjelp directory schema -o schema/katalog-v1.json --force"


def test_the_example_directory_is_valid():
    from .conftest import EXAMPLES

    assert invoke("directory", "check", EXAMPLES / "kontor" / "kontaktpunkter.yaml").exit_code == 0


def test_an_empty_directory_option_says_so():
    from .conftest import invoke

    for args in (["find-district", "Bryne"], ["find-district", "--county", "Rogaland"], ["check"]):
        result = invoke(*args, "--directory", "")
        assert result.exit_code == 2 and "--directory er tomt" in result.stderr, args


