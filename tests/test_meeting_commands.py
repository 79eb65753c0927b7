"""cli/meeting_commands.py: meeting cancel, move, pause, restore and end-group from the command line."""

from __future__ import annotations

import pytest
import yaml

from selvhjelp_cli.groupfile.loader import load_group

from .conftest import run_cli as run


def _moving(group_file, *args):
    return run("meeting", "move", group_file, *args)


def test_cancelling_twice_and_ending_twice(group_file):
    assert run("meeting", "cancel", group_file, "2027-03-25").exit_code == 0
    again = run("meeting", "cancel", group_file, "2027-03-25")
    assert again.exit_code == 2 and "Møtet 25.3.2027 er alt avlyst." in again.stderr
    assert run("end-group", group_file, "--date", "2027-06-03").exit_code == 0
    twice = run("end-group", group_file, "--date", "2027-06-10")
    assert twice.exit_code == 2 and "Gruppa har alt en sluttdato: 3.6.2027." in twice.stderr


def test_two_meetings_cannot_be_moved_onto_the_same_day(group_file):
    assert _moving(group_file, "14.1.2027", "16.1.2027").exit_code == 0
    result = _moving(group_file, "21.1.2027", "16.1.2027")
    assert result.exit_code == 2 and "Møtet 14.1.2027 er alt flyttet til 16.1.2027" in result.stderr


def test_a_meeting_can_be_moved_onto_a_cancelled_day(group_file):
    assert run("meeting", "cancel", group_file, "4.2.2027").exit_code == 0
    result = _moving(group_file, "28.1.2027", "4.2.2027")
    assert result.exit_code == 0, result.stderr
    days = [
        m.day
        for m in __import__("selvhjelp_cli.calendar.meetings").calendar.meetings.plan(
            load_group(group_file).group, count=5
        )
    ]
    assert days.count(__import__("datetime").date(2027, 2, 4)) == 1


def test_a_moved_meeting_is_cancelled_on_its_new_day(group_file):
    assert _moving(group_file, "14.1.2027", "16.1.2027").exit_code == 0
    result = run("meeting", "cancel", group_file, "16.1.2027")
    assert result.exit_code == 0 and "flyttet fra 14.1.2027" in result.stdout
    assert "    - date: 2027-01-14\n" in group_file.read_text(encoding="utf-8")
    again = run("meeting", "cancel", group_file, "16.1.2027")
    assert again.exit_code == 2 and "alt avlyst" in again.stderr


def test_a_move_that_changes_nothing_is_refused_and_not_written(group_file):
    before = group_file.read_bytes()
    result = _moving(group_file, "14.1.2027", "14.1.2027")
    assert result.exit_code == 2 and "ingenting å flytte" in result.stderr
    assert group_file.read_bytes() == before
    assert run("meeting", "cancel", group_file, "14.1.2027").exit_code == 0


def test_a_move_into_a_pause_is_refused(group_file):
    assert run("meeting", "pause", group_file, "2027-06-21", "2027-08-15").exit_code == 0
    result = _moving(group_file, "17.6.2027", "1.7.2027")
    assert result.exit_code == 2 and "pause" in result.stderr


def test_a_cancelled_meeting_comes_back(group_file):
    before = group_file.read_bytes()
    run("meeting", "cancel", group_file, "25.3.2027", "--reason", "påske")
    result = run("meeting", "restore", group_file, "25.3.2027")
    assert result.exit_code == 0 and "Møtet 25.3.2027 er ikke avlyst lenger." in result.stdout
    assert load_group(group_file).group.schedule.cancelled == []
    assert group_file.read_bytes().replace(b"  cancelled: []\n", b"") == before


@pytest.mark.parametrize("given", ["13.5.2027", "12.5.2027"])
def test_a_moved_meeting_goes_back_to_its_day_whichever_date_is_given(group_file, given):
    run("meeting", "move", group_file, "13.5.2027", "12.5.2027", "--start", "17:00")
    result = run("meeting", "restore", group_file, given)
    assert result.exit_code == 0 and "Møtet 12.5.2027 er flyttet tilbake til 13.5.2027 kl. 18.00." in result.stdout
    assert load_group(group_file).group.schedule.moved == []


def test_a_moved_meeting_that_was_cancelled_comes_back_on_its_new_day(group_file):
    run("meeting", "move", group_file, "13.5.2027", "12.5.2027")
    run("meeting", "cancel", group_file, "12.5.2027")
    assert "ikke avlyst lenger" in run("meeting", "restore", group_file, "12.5.2027").stdout
    schedule = load_group(group_file).group.schedule
    assert schedule.cancelled == [] and str(schedule.moved[0].to) == "2027-05-12"


def test_a_day_in_a_pause_takes_the_pause_away_and_says_so(group_file):
    run("meeting", "pause", group_file, "21.6.2027", "15.8.2027", "--reason", "sommerferie")
    result = run("meeting", "restore", group_file, "1.7.2027")
    assert result.exit_code == 0
    assert "Oppholdet fra 21.6.2027 til 15.8.2027 er tatt bort, så møtene i det blir av likevel." in result.stdout
    assert load_group(group_file).group.schedule.pauses == []


def test_restoring_onto_a_day_another_meeting_was_moved_to_is_refused(group_file):
    run("meeting", "move", group_file, "14.1.2027", "15.1.2027")
    run("meeting", "move", group_file, "21.1.2027", "14.1.2027")
    before = group_file.read_bytes()
    result = run("meeting", "restore", group_file, "15.1.2027")
    assert result.exit_code == 2 and "Møtet 21.1.2027 er flyttet til 14.1.2027" in result.stderr
    assert group_file.read_bytes() == before


def test_nothing_to_restore_is_said(group_file):
    result = run("meeting", "restore", group_file, "14.1.2027")
    assert result.exit_code == 2 and "ingenting å angre" in result.stderr


def test_overlapping_pauses_are_refused(group_file):
    assert run("meeting", "pause", group_file, "21.6.2027", "15.8.2027").exit_code == 0
    before = group_file.read_bytes()
    result = run("meeting", "pause", group_file, "1.8.2027", "31.8.2027")
    assert result.exit_code == 2 and "opphold i møtene fra 21.6.2027 til 15.8.2027" in result.stderr
    assert group_file.read_bytes() == before


def test_an_ended_group_can_be_reopened(group_file):
    before = group_file.read_bytes()
    run("end-group", group_file, "--date", "16.12.2027")
    result = run("end-group", group_file, "--reopen")
    assert result.exit_code == 0 and "ikke registrert som avsluttet lenger" in result.stdout
    assert group_file.read_bytes() == before
    again = run("end-group", group_file, "--reopen")
    assert again.exit_code == 2 and "Gruppa er ikke avsluttet." in again.stderr


def test_every_time_is_written_in_one_quoted_form(group_file):
    run("meeting", "move", group_file, "14.1.2027", "15.1.2027", "--start", "17")
    text = group_file.read_text(encoding="utf-8")
    assert '      start: "17:00"\n' in text  # a YAML 1.1 reader takes a plain 17:00 for the number 1020
    assert yaml.safe_load(text)["schedule"]["moved"][0]["start"] == "17:00"
