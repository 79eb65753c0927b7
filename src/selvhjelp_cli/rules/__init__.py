"""The framework as rules: one module per rule, listed once here.

Each module has ID, SEVERITY, SUMMARY (one line), EXPLANATION (why the
framework says so, in Norwegian) and check(context) yielding findings.
"""

from __future__ import annotations

import importlib
from types import ModuleType

_MODULES = (
    "adult",
    "age_unknown",
    "age_span",
    "group_size",
    "meeting_length",
    "meeting_break",
    "meeting_interval",
    "closed_group",
    "leaderless",
    "starter_meetings",
    "confidentiality",
    "free_of_charge",
    "digital_link",
)

RULE_IDS: tuple[str, ...] = tuple(name.replace("_", "-") for name in _MODULES)


def all_rules() -> list[ModuleType]:
    return [importlib.import_module(f"selvhjelp_cli.rules.{name}") for name in _MODULES]


def get_rule(rule_id: str) -> ModuleType | None:
    if rule_id not in RULE_IDS:
        return None
    return importlib.import_module(f"selvhjelp_cli.rules.{rule_id.replace('-', '_')}")
