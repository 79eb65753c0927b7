"""rules/age_unknown.py: when it fires and when not, decisions, its line, and its own examples."""

from __future__ import annotations

import pytest

from selvhjelp_cli.rules import age_unknown as rule

from .conftest import BASE, example_findings, people, rule_findings


def test_age_unknown_when_nothing_is_given(write):
    text = BASE + people(5) + "  - name: Ukjent\n"
    [finding] = rule_findings(write, text, rule="age-unknown")
    assert finding.severity == "warning" and finding.line == 20


def test_age_unknown_when_the_year_cannot_settle_it(write):
    text = BASE + people(5) + "  - name: Atten\n    born: 2009\n"
    [finding] = rule_findings(write, text, rule="age-unknown")
    assert finding.line == 21 and "Fødselsåret alene" in finding.message
    assert rule_findings(write, text.replace("born: 2009", "born: 2009\n    adult: true"), rule="age-unknown") == []


def test_age_unknown_cannot_be_set_aside(write):
    # It checks the 18-year requirement: a decision does not silence it, and is itself pointed out.
    text = BASE + people(5) + "  - name: Ukjent\ndecisions:\n  - rule: age-unknown\n    date: 2026-11-01\n"
    warning, info = sorted(rule_findings(write, text, rule="age-unknown"), key=lambda f: f.severity, reverse=True)
    assert warning.severity == "warning" and not warning.acknowledged
    assert info.severity == "info" and "kan ikke velges bort" in info.message


@pytest.mark.parametrize("example", rule.EXAMPLES, ids=lambda example: example.today)
def test_its_own_examples_find_exactly_what_they_expect(example):
    findings = [f for f in example_findings(example) if f.rule == rule.ID]
    assert tuple("acknowledged" if f.acknowledged else f.severity for f in findings) == example.expect
    if example.says:
        assert example.says in findings[0].message
