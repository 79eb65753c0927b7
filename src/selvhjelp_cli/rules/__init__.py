"""The framework as rules: one module per rule id (groupfile/rule_ids.py lists them).

Each module has ID, SEVERITY, SUMMARY (one line), EXPLANATION (why the
framework says so, in Norwegian), EXAMPLES (files it fires on and files it
does not, at each threshold and on either side of it) and check(context)
yielding findings. tests/test_rule_examples.py runs every example.
"""

from __future__ import annotations

import importlib
from types import ModuleType

from selvhjelp_cli.groupfile.rule_ids import RULE_IDS

# One module per rule id, in the order the ids are listed.
_MODULES = tuple(rule_id.replace("-", "_") for rule_id in RULE_IDS)


# A group that breaks no rule: six adults who signed at the first meeting, a
# two-hour weekly meeting with a 15-minute break, closed and free. Each
# example replaces whole top-level keys of it.
EXAMPLE_BASE = """\
version: 1
name: Eksempelgruppa
county: Rogaland
venue:
  name: Frivilligsentralen
schedule:
  first_meeting: 2027-01-07
  start: 18:00
participants:
  - {name: Anne, born: 1985, declaration_signed: 2027-01-07}
  - {name: Bjørn, born: 1986, declaration_signed: 2027-01-07}
  - {name: Cecilie, born: 1987, declaration_signed: 2027-01-07}
  - {name: Dag, born: 1988, declaration_signed: 2027-01-07}
  - {name: Eva, born: 1989, declaration_signed: 2027-01-07}
  - {name: Frode, born: 1990, declaration_signed: 2027-01-07}
"""


def example_file(replacement: str) -> str:
    """EXAMPLE_BASE with the top-level keys `replacement` gives replaced by it."""
    import re

    def blocks(text: str) -> dict[str, str]:
        found: dict[str, str] = {}
        for block in re.split(r"(?m)^(?=[a-z_]+:)", text):
            if block.strip():
                found[block.split(":", 1)[0]] = block if block.endswith("\n") else block + "\n"
        return found

    merged = blocks(EXAMPLE_BASE) | blocks(replacement)
    return "".join(merged.values())




def all_rules() -> list[ModuleType]:
    return [importlib.import_module(f"selvhjelp_cli.rules.{name}") for name in _MODULES]


def is_requirement(rule: ModuleType) -> bool:
    """A requirement of the framework: the group cannot decide to set it aside (errors, and age-unknown,
    which warns only because the file cannot tell whether the 18-year requirement is met)."""
    return rule.SEVERITY == "error" or getattr(rule, "REQUIREMENT", False)


def get_rule(rule_id: str) -> ModuleType | None:
    if rule_id not in RULE_IDS:
        return None
    return importlib.import_module(f"selvhjelp_cli.rules.{rule_id.replace('-', '_')}")
