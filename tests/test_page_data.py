"""app/page_data.py: what the group pages show, in people's words – findings told together and worst first,
the plan, the exceptions with their way back, the meetings."""

from __future__ import annotations

from datetime import date

from selvhjelp_cli.app import page_data
from selvhjelp_cli.calendar.meetings import listing
from selvhjelp_cli.core.i18n import in_language
from selvhjelp_cli.groupfile.loader import load_group
from selvhjelp_cli.places.directory import active_directory
from selvhjelp_cli.rules.findings import Finding

from .conftest import EXAMPLES, LIFE


def test_findings_are_told_worst_first_and_several_of_one_rule_in_one_line():
    findings = [Finding("confidentiality", "info", "x", plain="Ola skal skrive under.", who="Ola"),
                Finding("adult", "error", "y", plain="Kim er under 18.", who="Kim"),
                Finding("confidentiality", "info", "x", plain="Kari skal skrive under.", who="Kari"),
                Finding("meeting-length", "warning", "z", plain="Møtene varer 90 minutter.")]
    with in_language("nb"):
        shown = page_data.findings_view(findings)
    assert [f["level"] for f in shown] == ["error", "warning", "info"]
    assert shown[2]["text"] == "2 deltakere skal skrive under taushetserklæringen på sitt første møte: Ola og Kari."
    assert shown[0]["label"] == "Feil" and shown[0]["requirement"] and not shown[0]["decidable"]
    assert shown[1]["decidable"] and not shown[1]["requirement"]
    assert all("rule" not in f["text"] and "«" not in f["text"] for f in shown)  # no keys in people's words


def test_what_the_group_decided_reads_as_agreed_and_asks_nothing_more():
    agreed = Finding("meeting-length", "warning", "Gruppa bestemte 1.1.2027 at møtene skal vare 90 minutter.",
                     acknowledged=True)
    with in_language("nb"):
        [shown] = page_data.findings_view([agreed])
    assert shown["label"] == "Avtalt i gruppa" and not shown["decidable"]


def test_the_plan_says_where_and_when_and_whom_to_ask(write):
    group = load_group(EXAMPLES / "torsdagsgruppa.yaml").group
    with in_language("nb"):
        plan = dict(page_data.plan_view(group, date(2026, 12, 6), active_directory()))
    assert plan["Møtes"] == "hver torsdag, kl. 18.00–20.00" and plan["Status"] == "I gang"
    assert plan["Kontaktpunkt"].startswith("Spør frivilligsentralen i kommunen")


def test_every_exception_in_the_plan_has_its_way_back(write):
    group = load_group(write(LIFE)).group
    with in_language("nb"):
        shown = page_data.exceptions_view(group)
    texts = [item["text"] for item in shown]
    assert any("Avlyst" in text and "25. mars 2027" in text for text in texts)
    assert any(text.startswith("Opphold i møtene fra") for text in texts)
    assert all(item["undo"] for item in shown)


def test_a_meeting_s_notes_say_cancelled_paused_moved_and_holidays(write):
    group = load_group(write(LIFE)).group
    meetings, _skipped = listing(group, today=date(2027, 1, 1), until=date(2027, 7, 1), include_cancelled=True)
    with in_language("nb"):
        shown = {m["shown_day"]: m for m in page_data.meetings_view(meetings)}
    assert shown["2027-03-25"]["notes"] == "Avlyst (Påske); skjærtorsdag" and shown["2027-03-25"]["cancelled"]
    assert "Flyttet fra" in shown["2027-05-12"]["notes"] and shown["2027-05-12"]["time"].startswith("17.00")
    assert page_data.typed_date(date(2027, 1, 7)) == "2027-01-07"
