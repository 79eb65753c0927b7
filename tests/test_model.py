"""groupfile/model.py: the group as the program understands it – who is active when, where it meets, and the
checks that hold the file together."""

from __future__ import annotations

from datetime import date

import pytest

from selvhjelp_cli.core.errors import InvalidFile
from selvhjelp_cli.groupfile.loader import load_group
from selvhjelp_cli.groupfile.model import Participant, Schedule, adult_on, age_known_on, field_range

from .conftest import BASE, people

FIRST = date(2027, 1, 7)  # BASE's first meeting, a Thursday


def group_of(write, text):
    return load_group(write(text)).group


def test_who_is_active_is_judged_on_the_first_meeting_until_it_has_come(write):
    group = group_of(write, BASE + people(2) + "  - name: Sen\n    born: 1980\n    joined: 2027-02-04\n"
                     "  - name: Gikk\n    born: 1980\n    left: 2027-01-21\n")
    before, later, after_leaving = date(2026, 12, 1), date(2027, 2, 4), date(2027, 1, 28)
    assert group.reference_date(before) == FIRST and group.reference_date(later) == later
    assert [p.name for _i, p in group.active_participants(before)] == ["Deltaker 1", "Deltaker 2", "Gikk"]
    assert [p.name for _i, p in group.active_participants(later)] == ["Deltaker 1", "Deltaker 2", "Sen"]
    states = {p.name: group.participant_state(p, after_leaving) for p in group.participants}
    assert states == {"Deltaker 1": "active", "Deltaker 2": "active", "Sen": "not-yet", "Gikk": "left"}
    assert [i for i, _p in group.active_participants(later)] == [0, 1, 2]


def test_on_the_day_someone_leaves_they_are_still_there(write):
    group = group_of(write, BASE + people(1) + "  - name: Gikk\n    born: 1980\n    left: 2027-01-21\n")
    leaving = group.participants[1]
    assert group.is_active(leaving, date(2027, 1, 21)) and not group.is_active(leaving, date(2027, 1, 22))


def test_after_the_group_ended_no_one_is_active(write):
    group = group_of(write, BASE + "ended: 2027-02-04\n" + people(3))
    assert len(group.active_participants(date(2027, 2, 4))) == 3
    assert group.active_participants(date(2027, 2, 5)) == []


def test_a_participant_never_joins_before_the_group_s_first_meeting(write):
    group = group_of(write, BASE + "participants:\n  - name: Tidlig\n    born: 1980\n    joined: 2026-12-01\n")
    assert group.joined_on(group.participants[0]) == FIRST


def test_where_the_group_meets_on_one_line(write):
    physical = group_of(write, BASE + people(1))
    assert physical.place("digitalt ({platform})") == "Frivilligsentralen"
    digital = group_of(write, BASE.replace("venue:\n  name: Frivilligsentralen\n",
                                           "mode: digital\nonline:\n  platform: Whereby\n") + people(1))
    assert digital.place("digitalt ({platform})") == "digitalt (Whereby)"


@pytest.mark.parametrize("born, adult, day, expected", [
    (1990, None, FIRST, True), (2009, None, FIRST, None), (2009, True, FIRST, True), (2010, None, FIRST, False),
    (date(2009, 1, 7), None, FIRST, True), (date(2009, 1, 8), None, FIRST, False), (None, None, FIRST, None),
    (None, True, FIRST, True), (None, False, FIRST, False), (2008, None, date(2026, 12, 31), None),
])
def test_whether_someone_is_18_is_known_only_when_the_file_says_enough(born, adult, day, expected):
    assert age_known_on(born, adult, day) is expected
    assert adult_on(Participant(name="X", born=born, adult=adult), day) is expected


def test_the_planned_days_follow_the_rhythm_from_the_first_meeting():
    schedule = Schedule(first_meeting=FIRST, start="18:00", every_weeks=2)
    assert schedule.is_planned(FIRST) and schedule.is_planned(date(2027, 1, 21))
    assert not schedule.is_planned(date(2027, 1, 14)) and not schedule.is_planned(date(2026, 12, 24))


def test_the_ranges_of_numbers_come_from_the_model():
    assert field_range(Schedule, "every_weeks") == (1, 52)


@pytest.mark.parametrize("extra, says", [
    ("ended: 2026-12-01\n", "ended"),  # before the first meeting
    ("mode: digital\n", "online"),  # a digital group without its platform
])
def test_a_file_that_contradicts_itself_is_invalid(write, extra, says):
    with pytest.raises(InvalidFile):
        load_group(write(BASE + extra + people(1)))


def test_a_fee_too_large_to_print_is_an_invalid_file_not_a_crash(write):
    from .conftest import invoke

    result = invoke("check", write(BASE + "fee_nok: 1" + "0" * 100 + "\n" + people(6)), "--today", "2026-12-01")
    assert result.exit_code == 2 and "«fee_nok» kan være høyst 1000000." in result.stdout
    assert "uventet" not in result.stdout + result.stderr
