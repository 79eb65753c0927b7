"""rules/findings.py: what a rule reports, for the file (keys, lines) and for people (the app)."""

from __future__ import annotations

from selvhjelp_cli.rules.findings import SEVERITIES, SEVERITY_RANK, Finding


def test_the_worst_comes_first():
    assert SEVERITIES == ("error", "warning", "info")
    assert sorted(["info", "error", "warning"], key=SEVERITY_RANK.__getitem__) == list(SEVERITIES)


def test_people_read_the_plain_message_unless_the_group_has_decided():
    finding = Finding("meeting-length", "warning", "«duration_minutes» er 90.", plain="Møtene varer 90 minutter.")
    assert finding.for_people == "Møtene varer 90 minutter."
    finding.acknowledged, finding.message = True, "Gruppa bestemte 1.1.2027 at møtene skal vare 90 minutter."
    assert finding.for_people == finding.message
    assert Finding("adult", "error", "Ola er under 18.").for_people == "Ola er under 18."


def test_as_json_holds_the_file_s_facts_and_only_the_extra_ones_it_has():
    assert Finding("adult", "error", "X", line=4).as_json() == {
        "rule": "adult", "severity": "error", "line": 4, "message": "X", "acknowledged": False}
    assert Finding("invalid", "error", "X", line=4, column=2, count=3).as_json() == {
        "rule": "invalid", "severity": "error", "line": 4, "message": "X", "acknowledged": False, "column": 2,
        "count": 3}
