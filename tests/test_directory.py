"""The directory file: reading, checking, choosing it, and its JSON Schema."""

from __future__ import annotations

from selvhjelp_cli.groupfile.schema import directory_schema
from selvhjelp_cli.places import directory as dirs
from selvhjelp_cli.places import directory_file
from selvhjelp_cli.places.contacts import HEAD_OFFICE_KEYS

from .conftest import FIXTURES, invoke


def test_the_built_in_directory_is_dated_and_says_the_offices_closed():
    builtin = dirs.builtin_directory()
    assert builtin.builtin and builtin.as_of.isoformat() == "2019-07-01"
    assert "brosjyre" in builtin.source and "2019" in builtin.source
    assert "2023" in builtin.notice and "post@selvhjelp.no" in builtin.notice and "selvhjelp.no" in builtin.notice
    assert [c.id for c in builtin.contacts] == ["oslo", "brumunddal", "trondheim", "alta", "sandnes", "tonsberg",
                                                "bergen"]


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


