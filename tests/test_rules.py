"""Every rule: when it fires, when it does not, decisions, and its line."""

from __future__ import annotations

from datetime import date

import pytest

from selvhjelp_cli.groupfile.loader import load_group
from selvhjelp_cli.rules import RULE_IDS, all_rules, get_rule
from selvhjelp_cli.rules.checker import run_rules
from selvhjelp_cli.rules.leaderless import is_leading

from .conftest import BASE, people

BEFORE_START = date(2026, 12, 1)
AFTER_START = date(2027, 3, 1)


def findings(write, text: str, today: date = BEFORE_START, rule: str | None = None):
    result = run_rules(load_group(write(text)), today)
    return [f for f in result if rule is None or f.rule == rule]


def test_registry_matches_modules():
    modules = all_rules()
    assert [m.ID for m in modules] == list(RULE_IDS)
    assert len(RULE_IDS) == 13
    for module in modules:
        assert module.SEVERITY in {"error", "warning", "info"}
        assert module.SUMMARY and len(module.EXPLANATION) > 100
        assert get_rule(module.ID) is module
    assert get_rule("nope") is None


def test_a_good_group_has_no_findings(write):
    assert findings(write, BASE + people(6, signed="2027-01-07"), AFTER_START) == []


# adult

def test_adult_fires_for_a_minor_with_the_line_of_born(write):
    text = BASE + people(5) + "  - name: Unge\n    born: 2010\n"
    [finding] = findings(write, text, rule="adult")
    assert finding.severity == "error" and finding.line == 21 and "Unge" in finding.message


def test_adult_uses_the_day_they_join(write):
    born_late = BASE + people(5) + "  - name: Snart\n    born: 2009-01-08\n"
    assert len(findings(write, born_late, rule="adult")) == 1  # 17 on 2027-01-07
    born_early = born_late.replace("2009-01-08", "2009-01-07")
    assert findings(write, born_early, rule="adult") == []


def test_adult_false_is_a_minor(write):
    text = BASE + people(5) + "  - name: Ung\n    adult: false\n"
    assert len(findings(write, text, rule="adult")) == 1


def test_adult_is_not_acknowledged_by_a_decision(write):
    text = BASE + people(5) + "  - name: Unge\n    born: 2010\n" + \
        "decisions:\n  - rule: adult\n    date: 2026-11-01\n"
    result = findings(write, text)
    adult = [f for f in result if f.rule == "adult"]
    assert [f.severity for f in adult] == ["error", "info"]
    assert not adult[0].acknowledged
    assert "kan ikke velges bort" in adult[1].message and adult[1].line == 23


# age-unknown

def test_age_unknown_when_nothing_is_given(write):
    text = BASE + people(5) + "  - name: Ukjent\n"
    [finding] = findings(write, text, rule="age-unknown")
    assert finding.severity == "warning" and finding.line == 20


def test_age_unknown_when_the_year_cannot_settle_it(write):
    text = BASE + people(5) + "  - name: Atten\n    born: 2009\n"
    [finding] = findings(write, text, rule="age-unknown")
    assert finding.line == 21 and "Fødselsåret alene" in finding.message
    assert findings(write, text.replace("born: 2009", "born: 2009\n    adult: true"), rule="age-unknown") == []


def test_age_unknown_cannot_be_set_aside(write):
    # It checks the 18-year requirement: a decision does not silence it, and is itself pointed out.
    text = BASE + people(5) + "  - name: Ukjent\ndecisions:\n  - rule: age-unknown\n    date: 2026-11-01\n"
    warning, info = sorted(findings(write, text, rule="age-unknown"), key=lambda f: f.severity, reverse=True)
    assert warning.severity == "warning" and not warning.acknowledged
    assert info.severity == "info" and "kan ikke velges bort" in info.message


# age-span

def test_age_span(write):
    text = BASE + people(5, born=1980) + "  - name: Eldre\n    born: 1960\n"
    [finding] = findings(write, text, rule="age-span")
    assert finding.line == 9 and "20 år" in finding.message
    assert findings(write, text.replace("1960", "1965"), rule="age-span") == []


def test_age_span_ignores_those_who_left(write):
    text = BASE + people(5, born=1980) + "  - name: Eldre\n    born: 1950\n    left: 2027-01-20\n"
    assert findings(write, text, AFTER_START, rule="age-span") == []


# group-size

@pytest.mark.parametrize("count, fires, fragile", [(0, True, False), (3, True, True), (4, True, False),
                                                   (5, False, False), (8, False, False), (9, True, False)])
def test_group_size(write, count, fires, fragile):
    text = BASE + (people(count) if count else "")
    result = findings(write, text, rule="group-size")
    assert bool(result) == fires
    if fires:
        assert ("sårbar" in result[0].message) == fragile
        assert result[0].line == (9 if count else 2)


def test_group_size_counts_only_active_participants(write):
    text = BASE + people(5) + "  - name: Sluttet\n    born: 1980\n    left: 2027-02-01\n"
    text += "  - name: Senere\n    born: 1980\n    joined: 2027-06-01\n"
    assert findings(write, text, AFTER_START, rule="group-size") == []
    assert len(findings(write, text.replace("  - name: Deltaker 5\n    born: 1985\n", ""), AFTER_START,
                        rule="group-size")) == 1


def test_group_size_acknowledged_and_future_decision_does_not_count(write):
    text = BASE + people(9) + "decisions:\n  - rule: group-size\n    date: 2026-11-10\n"
    assert findings(write, text, rule="group-size")[0].acknowledged
    later = text.replace("2026-11-10", "2027-02-01")
    assert not findings(write, later, rule="group-size")[0].acknowledged
    assert findings(write, later, AFTER_START, rule="group-size")[0].acknowledged


# meeting-length, meeting-break, meeting-interval

def schedule(**values: int) -> str:
    extra = "".join(f"  {k}: {v}\n" for k, v in values.items())
    return BASE + extra + people(6)


def test_meeting_length(write):
    [finding] = findings(write, schedule(duration_minutes=90), rule="meeting-length")
    assert finding.line == 9 and "90 minutter" in finding.message
    assert findings(write, schedule(duration_minutes=120), rule="meeting-length") == []


@pytest.mark.parametrize("duration, pause, fires", [(120, 0, True), (60, 0, True), (120, 5, True),
                                                    (90, 9, True), (89, 5, False), (120, 10, False)])
def test_meeting_break(write, duration, pause, fires):
    result = findings(write, schedule(duration_minutes=duration, break_minutes=pause), rule="meeting-break")
    assert bool(result) == fires
    if fires:
        assert result[0].line == 10


def test_meeting_interval(write):
    [info] = findings(write, schedule(every_weeks=2), rule="meeting-interval")
    assert info.severity == "info" and info.line == 9
    [warning] = findings(write, schedule(every_weeks=4), rule="meeting-interval")
    assert warning.severity == "warning"
    assert findings(write, schedule(every_weeks=1), rule="meeting-interval") == []


def test_meeting_break_acknowledged(write):
    text = schedule(break_minutes=0) + "decisions:\n  - rule: meeting-break\n    date: 2026-11-01\n    note: Kort møte.\n"
    assert findings(write, text, rule="meeting-break")[0].acknowledged


# closed-group

def test_closed_false(write):
    [finding] = findings(write, BASE + "closed: false\n" + people(6), rule="closed-group")
    assert finding.line == 9


def test_late_joiner_needs_a_decision_dated_on_or_before_joining(write):
    late = "  - name: Ny\n    born: 1985\n    joined: 2027-02-04\n"
    text = BASE + people(5) + late
    [finding] = findings(write, text, AFTER_START, rule="closed-group")
    assert finding.line == 22 and not finding.acknowledged and "Ny" in finding.message
    decided = text + "decisions:\n  - rule: closed-group\n    date: 2027-01-28\n"
    assert findings(write, decided, AFTER_START, rule="closed-group")[0].acknowledged
    too_late = text + "decisions:\n  - rule: closed-group\n    date: 2027-02-11\n"
    assert not findings(write, too_late, AFTER_START, rule="closed-group")[0].acknowledged


def test_joining_at_the_first_meeting_is_fine(write):
    text = BASE + people(6, extra="joined: 2027-01-07")
    assert findings(write, text, AFTER_START, rule="closed-group") == []


# leaderless

@pytest.mark.parametrize("role, leading", [("gruppeleder", True), ("Leder", True), ("ordstyrer", True),
                                           ("group leader", True), ("gruppeleiar", True), ("medleder", True),
                                           ("kaffe", False), ("låser opp lokalet", False), ("kontaktperson", False)])
def test_leading_roles(role, leading):
    assert is_leading(role) == leading


def test_leaderless(write):
    text = BASE + people(5) + "  - name: Sjefen\n    born: 1985\n    role: gruppeleder\n"
    [finding] = findings(write, text, rule="leaderless")
    assert finding.severity == "error" and finding.line == 22
    assert findings(write, text.replace("gruppeleder", "lager kaffe"), rule="leaderless") == []


# starter-meetings

def test_starter_meetings(write):
    text = BASE + people(6) + "starters:\n  - name: Igang\n    meetings: {n}\n"
    [warning] = findings(write, text.format(n=6), rule="starter-meetings")
    assert warning.severity == "warning" and warning.line == 24
    [info] = findings(write, text.format(n=1), rule="starter-meetings")
    assert info.severity == "info"
    assert findings(write, text.format(n=3), rule="starter-meetings") == []


# confidentiality

def test_confidentiality_before_and_after_the_first_meeting(write):
    text = BASE + people(6)
    before = findings(write, text, BEFORE_START, rule="confidentiality")
    assert {f.severity for f in before} == {"info"} and len(before) == 6
    after = findings(write, text, AFTER_START, rule="confidentiality")
    assert {f.severity for f in after} == {"error"} and after[0].line == 10
    signed = BASE + people(6, signed="2027-01-07")
    assert findings(write, signed, AFTER_START, rule="confidentiality") == []


def test_confidentiality_on_the_day_of_the_first_meeting(write):
    assert findings(write, BASE + people(6), date(2027, 1, 7), rule="confidentiality")[0].severity == "error"


def test_confidentiality_cannot_be_set_aside(write):
    text = BASE + people(6) + "decisions:\n  - rule: confidentiality\n    date: 2026-11-01\n"
    result = findings(write, text, AFTER_START, rule="confidentiality")
    assert all(not f.acknowledged for f in result)
    assert any(f.severity == "info" and "kan ikke velges bort" in f.message for f in result)


# free-of-charge, digital-link

def test_free_of_charge(write):
    [finding] = findings(write, BASE + "fee_nok: 50\n" + people(6), rule="free-of-charge")
    assert finding.severity == "error" and finding.line == 9
    assert findings(write, BASE + "fee_nok: 0\n" + people(6), rule="free-of-charge") == []


def test_digital_link(write):
    digital = BASE.replace("venue:\n  name: Frivilligsentralen\n", "mode: digital\nonline:\n  platform: Whereby\n")
    [finding] = findings(write, digital + people(6), rule="digital-link")
    assert finding.severity == "info" and finding.line == 5
    with_url = digital.replace("platform: Whereby\n", "platform: Whereby\n  url: https://whereby.com/x\n")
    assert findings(write, with_url + people(6), rule="digital-link") == []
    assert findings(write, BASE + people(6), rule="digital-link") == []
