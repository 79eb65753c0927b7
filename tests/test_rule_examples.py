"""Every rule's own examples, run through the loader and the checker.

Each rule module documents, in EXAMPLES, files it fires on and files it does
not, at each threshold and on either side of it (yamllint's and ruff's way of
testing rules). Here each example becomes a group file; the findings of that
rule, with the group's decisions applied, must be exactly what it expects.
"""

from __future__ import annotations

from datetime import date

import pytest

from selvhjelp_cli.core.source import parse
from selvhjelp_cli.groupfile.loader import LoadedGroup
from selvhjelp_cli.groupfile.validation import validate
from selvhjelp_cli.rules import EXAMPLE_BASE, all_rules, example_file
from selvhjelp_cli.rules.checker import run_rules

CASES = [pytest.param(rule, example, id=f"{rule.ID}-{number}")
         for rule in all_rules() for number, example in enumerate(rule.EXAMPLES, start=1)]


def findings_for(text: str, today: str):
    data, source = parse(text, "eksempel.yaml")
    return run_rules(LoadedGroup("eksempel.yaml", validate(data, source), source), date.fromisoformat(today))


def label(finding) -> str:
    return "acknowledged" if finding.acknowledged else finding.severity


@pytest.mark.parametrize("rule, example", CASES)
def test_example(rule, example):
    findings = [f for f in findings_for(example_file(example.yaml), example.today) if f.rule == rule.ID]
    assert tuple(label(f) for f in findings) == example.expect
    if example.says:
        assert example.says in findings[0].message


def test_the_base_group_breaks_no_rule():
    for today in ("2027-01-07", "2027-03-01"):
        assert findings_for(EXAMPLE_BASE, today) == []


def test_every_rule_has_examples_on_both_sides():
    for rule in all_rules():
        expectations = {bool(example.expect) for example in rule.EXAMPLES}
        assert expectations == {True, False}, f"{rule.ID} needs examples that fire and that do not"


def test_example_file_replaces_whole_keys():
    text = example_file("schedule:\n  first_meeting: 2027-02-01\n  start: 19:00\nfee_nok: 0\n")
    assert text.count("schedule:") == 1 and "2027-01-07" not in text.split("participants:")[0]
    assert text.endswith("fee_nok: 0\n") and "participants:" in text


def test_every_finding_of_every_example_is_exactly_as_recorded():
    """Golden file: tests/fixtures/rule_examples_expected.json, every finding of every
    example (rule, severity, line, acknowledged, message). After a deliberate change,
    run `python scripts/refresh_golden.py` and read the diff."""
    import json

    from .conftest import FIXTURES

    expected = json.loads((FIXTURES / "rule_examples_expected.json").read_text(encoding="utf-8"))
    got = {}
    for rule in all_rules():
        for number, example in enumerate(rule.EXAMPLES, start=1):
            got[f"{rule.ID}-{number}"] = [[f.rule, f.severity, f.line, f.acknowledged, f.message]
                                          for f in findings_for(example_file(example.yaml), example.today)]
    assert got == expected
