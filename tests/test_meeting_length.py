"""rules/meeting_length.py: when it fires and when not, decisions, its line, and its own examples."""

from __future__ import annotations

import pytest

from selvhjelp_cli.rules import meeting_length as rule

from .conftest import example_findings, rule_findings, schedule_group


def test_meeting_length(write):
    [finding] = rule_findings(write, schedule_group(duration_minutes=90), rule="meeting-length")
    assert finding.line == 9 and "90 minutter" in finding.message
    assert rule_findings(write, schedule_group(duration_minutes=120), rule="meeting-length") == []


@pytest.mark.parametrize("example", rule.EXAMPLES, ids=lambda example: example.today)
def test_its_own_examples_find_exactly_what_they_expect(example):
    findings = [f for f in example_findings(example) if f.rule == rule.ID]
    assert tuple("acknowledged" if f.acknowledged else f.severity for f in findings) == example.expect
    if example.says:
        assert example.says in findings[0].message
