"""rules/leaderless.py: when it fires and when not, decisions, its line, and its own examples."""

from __future__ import annotations

import pytest

from selvhjelp_cli.rules import leaderless as rule
from selvhjelp_cli.rules.leaderless import is_leading

from .conftest import BASE, example_findings, people, rule_findings


@pytest.mark.parametrize("role, leading", [("gruppeleder", True), ("Leder", True), ("ordstyrer", True),
                                           ("group leader", True), ("gruppeleiar", True), ("medleder", True),
                                           ("kaffe", False), ("låser opp lokalet", False), ("kontaktperson", False)])
def test_leading_roles(role, leading):
    assert is_leading(role) == leading


def test_leaderless(write):
    text = BASE + people(5) + "  - name: Sjefen\n    born: 1985\n    role: gruppeleder\n"
    [finding] = rule_findings(write, text, rule="leaderless")
    assert finding.severity == "error" and finding.line == 22
    assert rule_findings(write, text.replace("gruppeleder", "lager kaffe"), rule="leaderless") == []


@pytest.mark.parametrize("example", rule.EXAMPLES, ids=lambda example: example.today)
def test_its_own_examples_find_exactly_what_they_expect(example):
    findings = [f for f in example_findings(example) if f.rule == rule.ID]
    assert tuple("acknowledged" if f.acknowledged else f.severity for f in findings) == example.expect
    if example.says:
        assert example.says in findings[0].message
