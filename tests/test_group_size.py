"""rules/group_size.py: when it fires and when not, decisions, its line, and its own examples."""

from __future__ import annotations

import pytest

from selvhjelp_cli.rules import group_size as rule

from .conftest import AFTER_START, BASE, example_findings, people, rule_findings


@pytest.mark.parametrize("count, fires, fragile", [(0, True, False), (3, True, True), (4, True, False),
                                                   (5, False, False), (8, False, False), (9, True, False)])
def test_group_size(write, count, fires, fragile):
    text = BASE + (people(count) if count else "")
    result = rule_findings(write, text, rule="group-size")
    assert bool(result) == fires
    if fires:
        assert ("sårbar" in result[0].message) == fragile
        assert result[0].line == (9 if count else 2)


def test_group_size_counts_only_active_participants(write):
    text = BASE + people(5) + "  - name: Sluttet\n    born: 1980\n    left: 2027-02-01\n"
    text += "  - name: Senere\n    born: 1980\n    joined: 2027-06-01\n"
    assert rule_findings(write, text, AFTER_START, rule="group-size") == []
    assert len(rule_findings(write, text.replace("  - name: Deltaker 5\n    born: 1985\n", ""), AFTER_START,
                        rule="group-size")) == 1


def test_group_size_acknowledged_and_future_decision_does_not_count(write):
    text = BASE + people(9) + "decisions:\n  - rule: group-size\n    date: 2026-11-10\n"
    assert rule_findings(write, text, rule="group-size")[0].acknowledged
    later = text.replace("2026-11-10", "2027-02-01")
    assert not rule_findings(write, later, rule="group-size")[0].acknowledged
    assert rule_findings(write, later, AFTER_START, rule="group-size")[0].acknowledged


@pytest.mark.parametrize("example", rule.EXAMPLES, ids=lambda example: example.today)
def test_its_own_examples_find_exactly_what_they_expect(example):
    findings = [f for f in example_findings(example) if f.rule == rule.ID]
    assert tuple("acknowledged" if f.acknowledged else f.severity for f in findings) == example.expect
    if example.says:
        assert example.says in findings[0].message
