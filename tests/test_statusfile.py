"""groupfile/statusfile.py: the status file's format – what it may hold, read back with file and line."""

from __future__ import annotations

import json

import jsonschema
import pytest

from selvhjelp_cli.core.errors import InvalidFile
from selvhjelp_cli.groupfile.statusfile import StatusFile, read_status, status_schema

from .conftest import invoke

GOOD = {
    "format": "selvhjelp-status", "version": 1, "made": "2026-12-02",
    "group": {"name": "Torsdagsgruppa", "county": "Rogaland", "municipality": "Haugesund", "mode": "physical",
              "first_meeting": "2026-09-03", "every_weeks": 1, "status": "running", "ended": None,
              "next_meeting": "2026-12-03"},
    "counts": {"active": 7, "signed": 7, "left": 1},
    "findings": [{"rule": "closed-group", "severity": "warning", "count": 1, "acknowledged": True}],
}


def write(tmp_path, document, name="g.status.json"):
    path = tmp_path / name
    path.write_text(json.dumps(document, indent=2), encoding="utf-8")
    return str(path)


def test_a_status_file_reads_back_as_it_was_written(tmp_path):
    status = read_status(write(tmp_path, GOOD))
    assert status.group.name == "Torsdagsgruppa" and status.counts.active == 7
    assert status.model_dump(mode="json") == GOOD


@pytest.mark.parametrize("change, line", [
    (lambda d: d["group"].update(participants=["Ola"]), 15),  # a key the format does not have: no names sneak in
    (lambda d: d["counts"].update(active=-1), 17),
    (lambda d: d["findings"][0].update(rule="nope"), 23),
    (lambda d: d.update(version=2), 3),
    (lambda d: d.update(format="noe annet"), 2),
])
def test_anything_else_is_an_invalid_file_with_its_line(tmp_path, change, line):
    document = json.loads(json.dumps(GOOD))
    change(document)
    with pytest.raises(InvalidFile) as invalid:
        read_status(write(tmp_path, document))
    assert invalid.value.line == line


def test_the_schema_is_made_from_the_model_and_shipped():
    schema = status_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(GOOD, schema)
    from .conftest import EXAMPLES

    shipped = (EXAMPLES.parent / "schema" / "status-v1.json").read_text(encoding="utf-8")
    assert invoke("status", "--schema").stdout == shipped, (
        "run: selvhjelp status --schema -o schema/status-v1.json --force")
    assert StatusFile.model_json_schema()["additionalProperties"] is False
