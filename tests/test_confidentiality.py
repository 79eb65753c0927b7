"""rules/confidentiality.py: when it fires and when not, decisions, its line, and its own examples."""

from __future__ import annotations

from datetime import date

import pytest

from selvhjelp_cli.rules import confidentiality as rule

from .conftest import AFTER_START, BASE, BEFORE_START, example_findings, people, rule_findings


def test_confidentiality_before_and_after_the_first_meeting(write):
    text = BASE + people(6)
    before = rule_findings(write, text, BEFORE_START, rule="confidentiality")
    assert {f.severity for f in before} == {"info"} and len(before) == 6
    after = rule_findings(write, text, AFTER_START, rule="confidentiality")
    assert {f.severity for f in after} == {"error"} and after[0].line == 10
    signed = BASE + people(6, signed="2027-01-07")
    assert rule_findings(write, signed, AFTER_START, rule="confidentiality") == []


def test_confidentiality_on_the_day_of_the_first_meeting(write):
    assert rule_findings(write, BASE + people(6), date(2027, 1, 7), rule="confidentiality")[0].severity == "error"


def test_confidentiality_cannot_be_set_aside(write):
    text = BASE + people(6) + "decisions:\n  - rule: confidentiality\n    date: 2026-11-01\n"
    result = rule_findings(write, text, AFTER_START, rule="confidentiality")
    assert all(not f.acknowledged for f in result)
    assert any(f.severity == "info" and "kan ikke velges bort" in f.message for f in result)


@pytest.mark.parametrize("example", rule.EXAMPLES, ids=lambda example: example.today)
def test_its_own_examples_find_exactly_what_they_expect(example):
    findings = [f for f in example_findings(example) if f.rule == rule.ID]
    assert tuple("acknowledged" if f.acknowledged else f.severity for f in findings) == example.expect
    if example.says:
        assert example.says in findings[0].message
