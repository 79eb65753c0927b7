"""Cancelled, moved and paused meetings and an ended group, everywhere dates are used:
the plan, calendar, ICS, the attendance list, the framework handout and check."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta

import pytest
from icalendar import Calendar

from selvhjelp_cli.calendar.meetings import next_meeting, plan, status, to_ics
from selvhjelp_cli.documents import contents as documents
from selvhjelp_cli.groupfile.loader import load_group

from .conftest import LIFE, invoke


@pytest.fixture
def life(write):
    return load_group(write(LIFE)).group


def test_the_plan_leaves_out_cancelled_and_paused_and_moves_the_moved(life):
    meetings = plan(life, until=date(2027, 9, 1))
    days = [m.day for m in meetings]
    assert date(2027, 3, 25) not in days
    assert date(2027, 5, 13) not in days and date(2027, 5, 12) in days
    assert date(2027, 5, 20) not in days and date(2027, 5, 28) in days
    assert not [d for d in days if date(2027, 6, 21) <= d <= date(2027, 8, 15)]
    assert days == sorted(days)
    assert [m.number for m in meetings] == list(range(1, len(meetings) + 1))
    moved = next(m for m in meetings if m.day == date(2027, 5, 12))
    assert moved.start == datetime(2027, 5, 12, 17) and moved.planned == date(2027, 5, 13)
    assert moved.series_day == date(2027, 5, 13)


def test_cancelled_meetings_do_not_count_towards_the_starters_meetings(life):
    meetings = plan(life, count=13)
    attended = [m.day for m in meetings if m.starters]
    assert len(attended) == 12 and attended[-1] == date(2027, 4, 1)  # 25 March does not count


def test_with_cancelled_the_plan_lists_them_without_a_number(life):
    meetings = plan(life, until=date(2027, 4, 1), include_cancelled=True)
    cancelled = [m for m in meetings if m.cancelled]
    assert [(m.day, m.number, m.reason) for m in cancelled] == [(date(2027, 3, 25), None, "Påske")]


def test_an_ended_group_has_no_more_meetings(write):
    group = load_group(write(LIFE + "ended: 2027-02-04\n")).group
    assert [m.day for m in plan(group, until=date(2027, 12, 31))][-1] == date(2027, 2, 4)
    assert next_meeting(group, date(2027, 2, 5)) is None
    assert status(group, date(2027, 2, 4)) == "ended"


@pytest.mark.parametrize("today, expected", [
    ("2027-01-06", "planned"), ("2027-01-07", "running"), ("2027-06-21", "paused"), ("2027-08-15", "paused"),
    ("2027-08-16", "running"),
])
def test_status(life, today, expected):
    assert status(life, date.fromisoformat(today)) == expected


def test_the_next_meeting_skips_cancellations_and_pauses(life):
    assert next_meeting(life, date(2027, 3, 19)) == date(2027, 4, 1)
    assert next_meeting(life, date(2027, 5, 12)) == date(2027, 5, 12)
    assert next_meeting(life, date(2027, 6, 18)) == date(2027, 8, 19)


def test_ics_publishes_cancellations_under_the_same_uid(write, life):
    ics = Calendar.from_ical(to_ics(life, plan(life, until=date(2027, 9, 1), include_cancelled=True),
                                    stamp=datetime(2027, 1, 1)))
    assert ics["METHOD"] == "PUBLISH"
    events = {str(e["UID"]): e for e in ics.walk("VEVENT")}
    cancelled = events["testgruppa-20270325@selvhjelp"]
    assert cancelled["STATUS"] == "CANCELLED" and cancelled["SEQUENCE"] == 1
    moved = events["testgruppa-20270513@selvhjelp"]
    assert moved.decoded("DTSTART").isoformat() == "2027-05-12T17:00:00+02:00" and moved["SEQUENCE"] == 1
    normal = events["testgruppa-20270107@selvhjelp"]
    assert normal["SEQUENCE"] == 0 and "STATUS" not in normal
    assert normal.decoded("DTSTART").utcoffset() == timedelta(hours=1)


def test_the_time_zone_is_written_as_yearly_rules_for_outlook(life):
    text = to_ics(life, plan(life, count=2), stamp=datetime(2027, 1, 1)).decode()
    zone = text[text.index("BEGIN:VTIMEZONE"):text.index("END:VTIMEZONE")]
    assert "RDATE" not in zone
    assert "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3" in zone and "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10" in zone
    assert "TZOFFSETTO:+0200" in zone and "TZOFFSETTO:+0100" in zone


def test_attendance_and_framework_use_the_same_plan(life):
    attendance = documents.handout("attendance", life, "nb", date(2027, 3, 1))
    heads = [d["short"] for chunk in attendance.context["date_chunks"] for d in chunk["dates"]]
    assert "tor. 25.3." not in heads and "ons. 12.5." in heads
    framework = documents.handout("framework", life, "nb", date(2027, 3, 15))
    listed = [d["text"] for d in framework.context["schedule"]["dates"]]
    assert "torsdag 25. mars 2027" not in listed and "torsdag 1. april 2027" in listed


def test_the_overview_shows_the_next_meeting_and_the_status(write, tmp_path):
    write(LIFE, "a.yaml")
    write(LIFE.replace("Testgruppa", "Avsluttet") + "ended: 2027-02-04\n", "b.yaml")
    result = invoke("check", tmp_path, "--today", "2027-03-20")
    out = " ".join(result.stdout.split())
    assert "Testgruppa Rogaland Sandnes* fysisk 1 1.4.2027" in out
    assert "Avsluttet Rogaland Sandnes* fysisk 0 – avsluttet" in out
    document = json.loads(invoke("check", tmp_path, "--today", "2027-03-20", "--format", "json").stdout)
    ended = next(f for f in document["files"] if f["group"] == "Avsluttet")
    assert not [f for f in ended["findings"] if f["rule"] == "group-size"]


@pytest.mark.parametrize("change, line, message, at", [
    ("    - date: 2027-03-25\n", "    - date: 2027-03-26\n", "Datoen er ikke en møtedato i gruppas plan.", 10),
    ("      to: 2027-05-28\n", "      to: 2027-05-27\n", "Møtet kan ikke flyttes til en dag der gruppa alt har møte.",
     17),
    ("      to: 2027-08-15\n", "      to: 2027-06-01\n",
     "Pausen slutter før den begynner («to» er tidligere enn «from»).", 20),
    ("participants:", "ended: 2026-12-01\nparticipants:", "«ended» er tidligere enn det første møtet.", 25),
])
def test_exceptions_that_do_not_fit_the_plan_make_the_file_invalid(write, change, line, message, at):
    result = invoke("check", write(LIFE.replace(change, line)), "--format", "json")
    assert result.exit_code == 2
    [finding] = json.loads(result.stdout)["files"][0]["findings"]
    assert (finding["message"], finding["line"]) == (message, at)
