"""rules/free_of_charge.py: when it fires and when not, decisions, its line, and its own examples."""

from __future__ import annotations

import pytest

from selvhjelp_cli.rules import free_of_charge as rule

from .conftest import BASE, example_findings, people, rule_findings


def test_free_of_charge(write):
    [finding] = rule_findings(write, BASE + "fee_nok: 50\n" + people(6), rule="free-of-charge")
    assert finding.severity == "error" and finding.line == 9
    assert rule_findings(write, BASE + "fee_nok: 0\n" + people(6), rule="free-of-charge") == []


@pytest.mark.parametrize("example", rule.EXAMPLES, ids=lambda example: example.today)
def test_its_own_examples_find_exactly_what_they_expect(example):
    findings = [f for f in example_findings(example) if f.rule == rule.ID]
    assert tuple("acknowledged" if f.acknowledged else f.severity for f in findings) == example.expect
    if example.says:
        assert example.says in findings[0].message
