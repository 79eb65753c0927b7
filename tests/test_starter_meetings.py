"""rules/starter_meetings.py: when it fires and when not, decisions, its line, and its own examples."""

from __future__ import annotations

import pytest

from selvhjelp_cli.rules import starter_meetings as rule

from .conftest import BASE, example_findings, people, rule_findings


def test_starter_meetings(write):
    text = BASE + people(6) + "starters:\n  - name: Igang\n    meetings: {n}\n"
    [warning] = rule_findings(write, text.format(n=6), rule="starter-meetings")
    assert warning.severity == "warning" and warning.line == 24
    [info] = rule_findings(write, text.format(n=1), rule="starter-meetings")
    assert info.severity == "info"
    assert rule_findings(write, text.format(n=3), rule="starter-meetings") == []


@pytest.mark.parametrize("example", rule.EXAMPLES, ids=lambda example: example.today)
def test_its_own_examples_find_exactly_what_they_expect(example):
    findings = [f for f in example_findings(example) if f.rule == rule.ID]
    assert tuple("acknowledged" if f.acknowledged else f.severity for f in findings) == example.expect
    if example.says:
        assert example.says in findings[0].message
