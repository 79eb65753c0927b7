"""rules/adult.py: when it fires and when not, decisions, its line, and its own examples."""

from __future__ import annotations

import pytest

from selvhjelp_cli.rules import adult as rule

from .conftest import BASE, example_findings, people, rule_findings


def test_adult_fires_for_a_minor_with_the_line_of_born(write):
    text = BASE + people(5) + "  - name: Unge\n    born: 2010\n"
    [finding] = rule_findings(write, text, rule="adult")
    assert finding.severity == "error" and finding.line == 21 and "Unge" in finding.message


def test_adult_uses_the_day_they_join(write):
    born_late = BASE + people(5) + "  - name: Snart\n    born: 2009-01-08\n"
    assert len(rule_findings(write, born_late, rule="adult")) == 1  # 17 on 2027-01-07
    born_early = born_late.replace("2009-01-08", "2009-01-07")
    assert rule_findings(write, born_early, rule="adult") == []


def test_adult_false_is_a_minor(write):
    text = BASE + people(5) + "  - name: Ung\n    adult: false\n"
    assert len(rule_findings(write, text, rule="adult")) == 1


def test_adult_is_not_acknowledged_by_a_decision(write):
    text = BASE + people(5) + "  - name: Unge\n    born: 2010\n" + \
        "decisions:\n  - rule: adult\n    date: 2026-11-01\n"
    result = rule_findings(write, text)
    adult = [f for f in result if f.rule == "adult"]
    assert [f.severity for f in adult] == ["error", "info"]
    assert not adult[0].acknowledged
    assert "kan ikke velges bort" in adult[1].message and adult[1].line == 23


@pytest.mark.parametrize("example", rule.EXAMPLES, ids=lambda example: example.today)
def test_its_own_examples_find_exactly_what_they_expect(example):
    findings = [f for f in example_findings(example) if f.rule == rule.ID]
    assert tuple("acknowledged" if f.acknowledged else f.severity for f in findings) == example.expect
    if example.says:
        assert example.says in findings[0].message
