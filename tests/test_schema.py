"""The JSON Schema: generated from the model, in sync with the copy in schema/."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from selvhjelp_cli.core.source import parse
from selvhjelp_cli.groupfile.schema import group_schema, schema_text

from .conftest import BASE, EXAMPLES, invoke

SCHEMA_FILE = Path(__file__).parent.parent / "schema" / "gruppefil-v1.json"


def as_editor_sees_it(text: str):
    """YAML 1.2 core types, as the YAML language server in VS Code reads a file."""
    data, _ = parse(text, "x.yaml")

    def convert(value):
        if isinstance(value, dict):
            return {k: convert(v) for k, v in value.items()}
        if isinstance(value, list):
            return [convert(v) for v in value]
        if isinstance(value, str):
            if re.fullmatch(r"[-+]?[0-9]+", value):
                return int(value)
            if value in {"true", "false"}:
                return value == "true"
        return value

    return convert(data)


@pytest.fixture(scope="module")
def validator():
    schema = group_schema()
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def test_committed_schema_is_current():
    assert SCHEMA_FILE.read_text(encoding="utf-8") == schema_text(group_schema()), \
        "run: selvhjelp schema -o schema/gruppefil-v1.json --force"


@pytest.mark.parametrize("example", sorted(EXAMPLES.glob("*.yaml")), ids=lambda p: p.name)
def test_schema_accepts_every_example(validator, example):
    errors = list(validator.iter_errors(as_editor_sees_it(example.read_text(encoding="utf-8"))))
    assert errors == []


@pytest.mark.parametrize("extra, problem", [
    ("colsed: true\n", "Additional properties"),
    ("fee_nok: gratis\n", "is not of type"),
    ("mode: hybrid\n", "is not one of"),
    ("participants:\n  - name: Ola\n    diagnose: x\n", "Additional properties"),
    ("decisions:\n  - rule: gruppe-size\n    date: 2027-01-07\n", "is not one of"),
])
def test_schema_rejects_unknown_keys_and_wrong_types(validator, extra, problem):
    errors = list(validator.iter_errors(as_editor_sees_it(BASE + extra)))
    assert errors and problem in errors[0].message


def test_schema_command(tmp_path):
    result = invoke("schema")
    assert result.exit_code == 0 and json.loads(result.stdout)["title"].startswith("Gruppefil")
    target = tmp_path / "s.json"
    assert invoke("schema", "--output", target).exit_code == 0
    again = invoke("schema", "--output", target)
    assert again.exit_code == 2 and "--force" in again.stderr
    assert invoke("schema", "--output", target, "--force").exit_code == 0


@pytest.mark.parametrize("language, says", [("en", "A first name and an initial are enough."),
                                            ("nn", "Førenamn og initial er nok."),
                                            ("nb", "Fornavn og initial er nok.")])
def test_the_schema_s_descriptions_are_in_the_language_asked_for(language, says):
    result = invoke("schema", "--lang", language)
    schema = json.loads(result.stdout)
    assert schema["$defs"]["Participant"]["properties"]["name"]["description"] == says
    texts = json.dumps(schema, ensure_ascii=False)
    if language != "nb":
        assert "Fornavn" not in texts and "Hvorfor" not in texts and "Gruppas navn" not in texts
    directory = json.loads(invoke("directory", "schema", "--lang", language).stdout)
    assert (directory["properties"]["source"]["description"] == "Where the list comes from.") == (language == "en")


def test_the_model_s_languages_are_the_program_s():
    from typing import get_args

    from selvhjelp_cli.core.language import LANGUAGES
    from selvhjelp_cli.groupfile.model import Language

    assert get_args(Language) == LANGUAGES
