"""rules/age_span.py: when it fires and when not, decisions, its line, and its own examples."""

from __future__ import annotations

import pytest

from selvhjelp_cli.rules import age_span as rule

from .conftest import AFTER_START, BASE, example_findings, people, rule_findings


def test_age_span(write):
    text = BASE + people(5, born=1980) + "  - name: Eldre\n    born: 1960\n"
    [finding] = rule_findings(write, text, rule="age-span")
    assert finding.line == 9 and "20 år" in finding.message
    assert rule_findings(write, text.replace("1960", "1965"), rule="age-span") == []


def test_age_span_ignores_those_who_left(write):
    text = BASE + people(5, born=1980) + "  - name: Eldre\n    born: 1950\n    left: 2027-01-20\n"
    assert rule_findings(write, text, AFTER_START, rule="age-span") == []


@pytest.mark.parametrize("example", rule.EXAMPLES, ids=lambda example: example.today)
def test_its_own_examples_find_exactly_what_they_expect(example):
    findings = [f for f in example_findings(example) if f.rule == rule.ID]
    assert tuple("acknowledged" if f.acknowledged else f.severity for f in findings) == example.expect
    if example.says:
        assert example.says in findings[0].message
