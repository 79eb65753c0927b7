"""The JSON Schema of the group file, generated from the model check uses."""

from __future__ import annotations

import json


def group_schema() -> dict:
    from selvhjelp_cli.groupfile.model import Group
    from selvhjelp_cli.groupfile.rule_ids import RULE_IDS

    schema = Group.model_json_schema()
    # An editor can offer the rule ids as it would an enum; the model leaves
    # that check to validation.py, which knows the rules.
    schema["$defs"]["Decision"]["properties"]["rule"]["enum"] = list(RULE_IDS)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://selvhjelp.no/schema/gruppefil-v1.json",
        "title": "Gruppefil for selvhjelp, versjon 1",
        **{k: v for k, v in schema.items() if k != "title"},
        "description": "En selvorganisert selvhjelpsgruppe, slik gruppefilen beskriver den.",
    }


def in_reader_language(schema: dict) -> dict:
    """The schema with its descriptions and titles in the language at hand (the model's are bokmål)."""
    from selvhjelp_cli.core.i18n import translate

    def walk(value, key=None):
        if isinstance(value, dict):
            return {k: walk(v, k) for k, v in value.items()}
        if isinstance(value, list):
            return [walk(v) for v in value]
        if key in ("description", "title") and isinstance(value, str):
            return translate(value)
        return value

    return walk(schema)


def schema_texts() -> list[str]:
    """Every description and Norwegian title in the two schemas: for the catalogues."""
    found: list[str] = []

    def walk(value, key=None):
        if isinstance(value, dict):
            for k, v in value.items():
                walk(v, k)
        elif isinstance(value, list):
            for v in value:
                walk(v)
        elif key == "description" or (key == "title" and " " in str(value) and not str(value).istitle()):
            found.append(value)

    walk(group_schema())
    walk(directory_schema())
    return list(dict.fromkeys(found))


def schema_text(schema: dict) -> str:
    """A schema as the file editors read: UTF-8 JSON, indented, ending in a newline."""
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def directory_schema() -> dict:
    """The directory file, for editors. directory.py checks the same keys (a test keeps them equal)."""
    text = {"type": "string", "minLength": 1, "maxLength": 200}
    places = {"type": "array", "items": text}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://selvhjelp.no/schema/katalog-v1.json",
        "title": "Katalog over kontorer og kontaktpunkter for selvhjelp, versjon 1",
        "type": "object",
        "additionalProperties": False,
        "required": ["version", "as_of", "source", "head_office", "offices"],
        "properties": {
            "version": {"const": 1},
            "as_of": {"type": "string", "format": "date", "description": "Datoen listen sist ble sjekket."},
            "source": {**text, "description": "Hvor listen kommer fra."},
            "notice": {**text, "maxLength": 1000, "description": "En merknad som vises med hvert svar."},
            "head_office": {
                "type": "object",
                "additionalProperties": False,
                "required": ["name"],
                "anyOf": [{"required": ["email"]}, {"required": ["web"]}, {"required": ["phone"]}],
                "properties": dict.fromkeys(("name", "email", "web", "phone", "address"), text),
            },
            "offices": {
                "type": "array",
                "items": {
                    "type": "object",
                    "additionalProperties": False,
                    "required": ["id", "name", "covers"],
                    "anyOf": [{"required": ["phone"]}, {"required": ["email"]}, {"required": ["web"]}],
                    "properties": {
                        "id": {"type": "string", "pattern": "^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$",
                               "description": "Unik id: små bokstaver a–z, sifre og bindestrek."},
                        **dict.fromkeys(("name", "kind", "phone", "email", "web", "address"), text),
                        "covers": {
                            "type": "object",
                            "additionalProperties": False,
                            "minProperties": 1,
                            "properties": {
                                "counties": {**places, "description": "Fylker: navn eller nummer, fra alle tider."},
                                "municipalities": places,
                                "postcodes": {"type": "array", "items": {"type": "string", "pattern": "^[0-9]{4}$"}},
                            },
                        },
                    },
                },
            },
        },
    }
