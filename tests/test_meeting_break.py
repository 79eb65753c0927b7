"""rules/meeting_break.py: when it fires and when not, decisions, its line, and its own examples."""

from __future__ import annotations

import pytest

from selvhjelp_cli.rules import meeting_break as rule

from .conftest import example_findings, rule_findings, schedule_group


@pytest.mark.parametrize("duration, pause, fires", [(120, 0, True), (60, 0, True), (120, 5, True),
                                                    (90, 9, True), (89, 5, False), (120, 10, False)])
def test_meeting_break(write, duration, pause, fires):
    result = rule_findings(write, schedule_group(duration_minutes=duration, break_minutes=pause), rule="meeting-break")
    assert bool(result) == fires
    if fires:
        assert result[0].line == 10


def test_meeting_break_acknowledged(write):
    text = (
        schedule_group(break_minutes=0)
        + "decisions:\n  - rule: meeting-break\n    date: 2026-11-01\n    note: Kort møte.\n"
    )
    assert rule_findings(write, text, rule="meeting-break")[0].acknowledged


@pytest.mark.parametrize("example", rule.EXAMPLES, ids=lambda example: example.today)
def test_its_own_examples_find_exactly_what_they_expect(example):
    findings = [f for f in example_findings(example) if f.rule == rule.ID]
    assert tuple("acknowledged" if f.acknowledged else f.severity for f in findings) == example.expect
    if example.says:
        assert example.says in findings[0].message
