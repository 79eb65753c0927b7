"""rules/: the registry of rules (each rule has its own tests/test_<rule>.py; their examples run there and in
test_rule_examples.py)."""

from __future__ import annotations

from selvhjelp_cli.rules import RULE_IDS, all_rules, get_rule

from .conftest import AFTER_START, BASE, people, rule_findings


def test_registry_matches_modules():
    modules = all_rules()
    assert [m.ID for m in modules] == list(RULE_IDS)
    assert len(RULE_IDS) == 13
    for module in modules:
        assert module.SEVERITY in {"error", "warning", "info"}
        assert module.SUMMARY and len(module.EXPLANATION) > 100
        assert get_rule(module.ID) is module
    assert get_rule("nope") is None


def test_a_good_group_has_no_findings(write):
    assert rule_findings(write, BASE + people(6, signed="2027-01-07"), AFTER_START) == []
