"""rules/meeting_interval.py: when it fires and when not, decisions, its line, and its own examples."""

from __future__ import annotations

import pytest

from selvhjelp_cli.rules import meeting_interval as rule

from .conftest import example_findings, rule_findings, schedule_group


def test_meeting_interval(write):
    [info] = rule_findings(write, schedule_group(every_weeks=2), rule="meeting-interval")
    assert info.severity == "info" and info.line == 9
    [warning] = rule_findings(write, schedule_group(every_weeks=4), rule="meeting-interval")
    assert warning.severity == "warning"
    assert rule_findings(write, schedule_group(every_weeks=1), rule="meeting-interval") == []


@pytest.mark.parametrize("example", rule.EXAMPLES, ids=lambda example: example.today)
def test_its_own_examples_find_exactly_what_they_expect(example):
    findings = [f for f in example_findings(example) if f.rule == rule.ID]
    assert tuple("acknowledged" if f.acknowledged else f.severity for f in findings) == example.expect
    if example.says:
        assert example.says in findings[0].message
