"""rules/closed_group.py: when it fires and when not, decisions, its line, and its own examples."""

from __future__ import annotations

import pytest

from selvhjelp_cli.rules import closed_group as rule

from .conftest import AFTER_START, BASE, example_findings, people, rule_findings


def test_closed_false(write):
    [finding] = rule_findings(write, BASE + "closed: false\n" + people(6), rule="closed-group")
    assert finding.line == 9


def test_late_joiner_needs_a_decision_dated_on_or_before_joining(write):
    late = "  - name: Ny\n    born: 1985\n    joined: 2027-02-04\n"
    text = BASE + people(5) + late
    [finding] = rule_findings(write, text, AFTER_START, rule="closed-group")
    assert finding.line == 22 and not finding.acknowledged and "Ny" in finding.message
    decided = text + "decisions:\n  - rule: closed-group\n    date: 2027-01-28\n"
    assert rule_findings(write, decided, AFTER_START, rule="closed-group")[0].acknowledged
    too_late = text + "decisions:\n  - rule: closed-group\n    date: 2027-02-11\n"
    assert not rule_findings(write, too_late, AFTER_START, rule="closed-group")[0].acknowledged


def test_joining_at_the_first_meeting_is_fine(write):
    text = BASE + people(6, extra="joined: 2027-01-07")
    assert rule_findings(write, text, AFTER_START, rule="closed-group") == []


@pytest.mark.parametrize("example", rule.EXAMPLES, ids=lambda example: example.today)
def test_its_own_examples_find_exactly_what_they_expect(example):
    findings = [f for f in example_findings(example) if f.rule == rule.ID]
    assert tuple("acknowledged" if f.acknowledged else f.severity for f in findings) == example.expect
    if example.says:
        assert example.says in findings[0].message
