"""groupfile/rule_ids.py: the rule ids a decision may name are part of the file format."""

from __future__ import annotations

from selvhjelp_cli.groupfile.rule_ids import RULE_IDS
from selvhjelp_cli.rules import all_rules

from .conftest import BASE, people


def test_the_ids_are_those_of_the_rules_in_their_order():
    assert tuple(rule.ID for rule in all_rules()) == RULE_IDS
    assert len(set(RULE_IDS)) == len(RULE_IDS)


def test_a_decision_naming_another_rule_is_an_invalid_file(write):
    from .conftest import invoke

    text = BASE + people(6) + "decisions:\n  - rule: group-sise\n    date: 2026-11-01\n"
    result = invoke("check", write(text), "--today", "2026-12-01")
    assert result.exit_code == 2 and "Mente du «group-size»" in result.stdout
