"""The JSON Schema of the group file, generated from the model check uses."""

from __future__ import annotations

import json


def group_schema() -> dict:
    from selvhjelp_cli.model import Group
    from selvhjelp_cli.rules import RULE_IDS

    schema = Group.model_json_schema()
    # An editor can offer the rule ids as it would an enum; the model leaves
    # that check to validation.py, which knows the rules.
    schema["$defs"]["Decision"]["properties"]["rule"]["enum"] = list(RULE_IDS)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://selvhjelp.no/schema/gruppefil-v1.json",
        "title": "Gruppefil for selvhjelp, versjon 1",
        **{k: v for k, v in schema.items() if k != "title"},
    }


def schema_json() -> str:
    return json.dumps(group_schema(), ensure_ascii=False, indent=2) + "\n"
