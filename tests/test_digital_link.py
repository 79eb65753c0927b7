"""rules/digital_link.py: when it fires and when not, decisions, its line, and its own examples."""

from __future__ import annotations

import pytest

from selvhjelp_cli.rules import digital_link as rule

from .conftest import BASE, example_findings, people, rule_findings


def test_digital_link(write):
    digital = BASE.replace("venue:\n  name: Frivilligsentralen\n", "mode: digital\nonline:\n  platform: Whereby\n")
    [finding] = rule_findings(write, digital + people(6), rule="digital-link")
    assert finding.severity == "info" and finding.line == 5
    with_url = digital.replace("platform: Whereby\n", "platform: Whereby\n  url: https://whereby.com/x\n")
    assert rule_findings(write, with_url + people(6), rule="digital-link") == []
    assert rule_findings(write, BASE + people(6), rule="digital-link") == []


@pytest.mark.parametrize("example", rule.EXAMPLES, ids=lambda example: example.today)
def test_its_own_examples_find_exactly_what_they_expect(example):
    findings = [f for f in example_findings(example) if f.rule == rule.ID]
    assert tuple("acknowledged" if f.acknowledged else f.severity for f in findings) == example.expect
    if example.says:
        assert example.says in findings[0].message
