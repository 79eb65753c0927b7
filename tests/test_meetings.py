"""The meeting plan: dates, Norwegian holidays, starters, and the ICS file."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from selvhjelp_cli.calendar.meetings import holiday_label, holiday_name, listing, next_meeting, plan, to_ics
from selvhjelp_cli.groupfile.loader import load_group

from .conftest import BASE, EXAMPLES, invoke, people

OSLO = ZoneInfo("Europe/Oslo")


def group(write, first: str, every: int = 1, extra: str = ""):
    text = BASE.replace("2027-01-07", first) + f"  every_weeks: {every}\n" + extra + people(6)
    return write(text), load_group(write(text)).group


def test_thursday_group_across_easter_and_ascension(write):
    _, g = group(write, "2027-03-04")
    meetings = plan(g, count=10)
    holidays = {m.day: m.holiday for m in meetings if m.holiday}
    assert holidays == {date(2027, 3, 25): "Skjærtorsdag", date(2027, 5, 6): "Kristi himmelfartsdag"}
    skipped = plan(g, count=10, skip_holidays=True)
    assert len(skipped) == 10
    assert date(2027, 3, 25) not in [m.day for m in skipped]
    assert skipped[-1].day == date(2027, 5, 20)  # two holidays pushed the tenth meeting two weeks
    assert [m.number for m in skipped] == list(range(1, 11))


def test_monday_group_across_17_may_and_whit_monday(write):
    _, g = group(write, "2021-05-03")
    names = {m.day: m.holiday for m in plan(g, count=5)}
    assert names[date(2021, 5, 17)] == "Grunnlovsdag"
    assert names[date(2021, 5, 24)] == "Andre pinsedag"
    assert holiday_name(date(2027, 5, 17)) == "Andre pinsedag; Grunnlovsdag"
    assert holiday_label(holiday_name(date(2027, 5, 17)), "nb") == "andre pinsedag og grunnlovsdagen"
    assert holiday_label(holiday_name(date(2027, 5, 17)), "en") == "Whit Monday and Constitution Day"


@pytest.mark.parametrize(("day", "nb", "nn", "en"), [
    (date(2026, 12, 24), "julaften", "julaftan", "Christmas Eve"),
    (date(2026, 12, 31), "nyttårsaften", "nyttårsaftan", "New Year's Eve"),
    (date(2027, 3, 25), "skjærtorsdag", "skjærtorsdag", "Maundy Thursday"),
    (date(2027, 5, 6), "Kristi himmelfartsdag", "Kristi himmelfartsdag", "Ascension Day"),
    (date(2027, 5, 1), "arbeidernes dag", "arbeidarane sin dag", "Labour Day"),
])
def test_holiday_names_in_each_language(day, nb, nn, en):
    name = holiday_name(day)
    assert [holiday_label(name, language) for language in ("nb", "nn", "en")] == [nb, nn, en]


def test_fortnightly_group_across_christmas(write):
    path, g = group(write, "2026-12-10", every=2)
    assert [m.day for m in plan(g, count=3)] == [date(2026, 12, 10), date(2026, 12, 24), date(2027, 1, 7)]
    assert plan(g, count=3)[1].holiday == "Julaften"
    kept, skipped = listing(g, today=date(2026, 12, 1), count=3, skip_holidays=True)
    assert [m.day for m in kept] == [date(2026, 12, 10), date(2027, 1, 7), date(2027, 1, 21)]
    assert skipped == [(date(2026, 12, 24), "Julaften")]


def test_new_years_eve_and_day(write):
    assert holiday_name(date(2026, 12, 31)) == "Nyttårsaften"
    assert holiday_name(date(2027, 1, 1)) == "Første nyttårsdag"
    assert holiday_name(date(2027, 1, 2)) is None


def test_listing_starts_at_the_next_meeting_once_started(write):
    _, g = group(write, "2026-09-03")
    meetings, _ = listing(g, today=date(2026, 11, 23))
    assert meetings[0].day == date(2026, 11, 26) and meetings[0].number == 13 and len(meetings) == 12
    everything, _ = listing(g, today=date(2026, 11, 23), from_start=True, count=2)
    assert everything[0].day == date(2026, 9, 3)
    assert next_meeting(g, date(2026, 11, 26)) == date(2026, 11, 26)
    assert next_meeting(g, date(2026, 11, 27)) == date(2026, 12, 3)
    until, _ = listing(g, today=date(2026, 11, 23), until=date(2026, 12, 10))
    assert [m.day.day for m in until] == [26, 3, 10]


def test_starters_attend_their_first_meetings(write):
    extra = "starters:\n  - name: Kari\n    meetings: 3\n  - name: Per\n    meetings: 1\n"
    text = BASE.replace("2027-01-07", "2027-03-18") + people(6) + extra
    g = load_group(write(text)).group
    skipped = plan(g, count=4, skip_holidays=True)  # 25 March is skipped and does not count
    assert [m.starters for m in skipped] == [("Kari", "Per"), ("Kari",), ("Kari",), ()]


def test_break_midway(write):
    _, g = group(write, "2027-01-07")
    meeting = plan(g, count=1)[0]
    assert meeting.break_window == (datetime(2027, 1, 7, 18, 50), datetime(2027, 1, 7, 19, 5))


def test_ics_parses_back_date_by_date(write, tmp_path):
    path, g = group(write, "2027-03-04")
    target = tmp_path / "gruppe.ics"
    result = invoke("calendar", path, "--count", "10", "--skip-holidays", "--ics", target, "--today", "2027-01-01")
    assert result.exit_code == 0
    calendar = Calendar.from_ical(target.read_bytes())
    events = sorted(calendar.walk("VEVENT"), key=lambda e: e.decoded("dtstart"))
    expected = [m.day for m in plan(g, count=10, skip_holidays=True)]
    assert [e.decoded("dtstart").date() for e in events] == expected
    for event in events:
        start, end = event.decoded("dtstart"), event.decoded("dtend")
        assert start.utcoffset() == datetime.combine(start.date(), start.time(), OSLO).utcoffset()
        assert (start.hour, start.minute) == (18, 0) and end - start == timedelta(minutes=120)
        assert str(event["summary"]) == "Testgruppa" and "Frivilligsentralen" in str(event["location"])
    summer = next(e for e in events if e.decoded("dtstart").month == 5)
    assert summer.decoded("dtstart").utcoffset() == timedelta(hours=2)  # CEST
    assert len({str(e["uid"]) for e in events}) == 10
    assert any(c.name == "VTIMEZONE" and str(c["tzid"]) == "Europe/Oslo" for c in calendar.subcomponents)


def test_ics_uids_are_stable_and_hold_no_people(write):
    _, g = group(write, "2027-03-04")
    meetings = plan(g, count=3)
    first = to_ics(g, meetings, stamp=datetime(2027, 1, 1))
    again = to_ics(g, meetings, stamp=datetime(2027, 2, 1))
    uids = lambda raw: [str(e["uid"]) for e in Calendar.from_ical(raw).walk("VEVENT")]  # noqa: E731
    assert uids(first) == uids(again)
    assert b"Deltaker" not in first


def test_ics_for_a_digital_group(write):
    text = BASE.replace("venue:\n  name: Frivilligsentralen\n",
                        "mode: digital\nonline:\n  platform: Whereby\n  url: https://whereby.com/x\n") + people(6)
    g = load_group(write(text)).group
    event = Calendar.from_ical(to_ics(g, plan(g, count=1), stamp=datetime(2027, 1, 1))).walk("VEVENT")[0]
    assert "Whereby" in str(event["location"]) and str(event["url"]) == "https://whereby.com/x"


def test_calendar_command_text(write):
    path, _ = group(write, "2027-03-18")
    result = invoke("calendar", path, "--count", "3", "--today", "2027-01-01")
    assert result.exit_code == 0
    assert "torsdag 18. mars 2027" in result.stdout and "skjærtorsdag" in result.stdout
    assert "Pause midt i møtet, omtrent kl. 18.50–19.05." in result.stdout


def test_calendar_refuses_overwrite_and_bad_options(write, tmp_path):
    path, _ = group(write, "2027-03-18")
    target = tmp_path / "k.ics"
    target.write_text("gammel")
    refused = invoke("calendar", path, "--ics", target)
    assert refused.exit_code == 2 and target.read_text() == "gammel"
    assert invoke("calendar", path, "--ics", target, "--force").exit_code == 0
    assert invoke("calendar", path, "--count", "3", "--until", "2027-05-01").exit_code == 2
    assert invoke("calendar", path, "--until", "snart").exit_code == 2
    broken = invoke("calendar", tmp_path / "finnes-ikke.yaml")
    assert broken.exit_code == 2 and "finnes ikke" in broken.stderr


@pytest.mark.parametrize("every, days", [(1, 7), (2, 14), (3, 21)])
def test_series_interval(write, every, days):
    _, g = group(write, "2027-01-07", every=every)
    first, second = plan(g, count=2)
    assert (second.day - first.day).days == days


def test_holiday_names_do_not_depend_on_the_library_s_wording(monkeypatch):
    """A release of holidays that renames a day («Grunnlovsdagen», «Skjærtorsdag (helligdag)») changes nothing here."""
    import holidays

    from selvhjelp_cli.calendar import meetings

    real = holidays.Norway

    def renamed(**kwargs):
        return {day: f"{name} (omdøpt)" for day, name in real(**kwargs).items()}

    monkeypatch.setattr(holidays, "Norway", renamed)
    meetings._norwegian_holidays.cache_clear()
    try:
        assert holiday_label(holiday_name(date(2027, 5, 17)), "en") == "Whit Monday and Constitution Day"
        assert holiday_label(holiday_name(date(2027, 3, 25)), "nn") == "skjærtorsdag"
        assert holiday_label(holiday_name(date(2028, 4, 13)), "nb") == "skjærtorsdag"
    finally:
        meetings._norwegian_holidays.cache_clear()


def test_the_calendar_file_never_carries_a_cancel_reason_and_escapes_the_name(write):
    path = write(BASE.replace("name: Testgruppa", 'name: "Grp;X-INJ:1,a\\\\b"') +
                 "  cancelled:\n    - date: 2027-01-14\n      reason: Ola Hemmelig er innlagt\n")
    group = load_group(path).group
    raw = to_ics(group, plan(group, count=3, include_cancelled=True), stamp=datetime(2027, 1, 1))
    assert b"Hemmelig" not in raw and b"innlagt" not in raw
    assert b"X-WR-CALNAME:Grp\\;X-INJ:1\\,a\\\\b" in raw


@pytest.mark.parametrize("today, first, end", [
    ("2026-09-01", "2026-09-03", "2026-12-31"),  # the autumn, from its start
    ("2026-11-19", "2026-09-03", "2026-12-31"),  # six weeks left: still this half-year
    ("2026-11-20", "2026-09-03", "2027-06-30"),  # less: the spring too
    ("2026-12-06", "2027-08-19", "2027-12-31"),  # a group that starts later: its own half-year
])
def test_the_season_runs_to_the_end_of_the_half_year_or_the_next_when_it_is_nearly_over(today, first, end):
    from selvhjelp_cli.calendar.meetings import season_end

    group = load_group(EXAMPLES / "torsdagsgruppa.yaml").group
    group = group.model_copy(update={"schedule": group.schedule.model_copy(
        update={"first_meeting": date.fromisoformat(first)})})
    assert season_end(group, date.fromisoformat(today)) == date.fromisoformat(end)


def _varied(base, first, every, cancelled, moved, pauses, ended):
    from selvhjelp_cli.groupfile.model import Cancelled, Moved, Pause

    schedule = base.schedule.model_copy(update={
        "first_meeting": first, "every_weeks": every,
        "cancelled": [Cancelled(date=first + timedelta(weeks=every * n)) for n in cancelled],
        "moved": [Moved(from_=first + timedelta(weeks=every * n), to=first + timedelta(weeks=every * n, days=shift))
                  for n, shift in moved],
        "pauses": [Pause(from_=first + timedelta(days=start), to=first + timedelta(days=start + length))
                   for start, length in pauses]})
    return base.model_copy(update={"schedule": schedule,
                                   "ended": None if ended is None else first + timedelta(days=ended)})


def test_the_next_meeting_is_the_first_the_plan_holds_on_or_after_today(write):
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    _, base = group(write, "2027-01-07")
    weeks = st.integers(min_value=0, max_value=40)

    @settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(first=st.dates(min_value=date(2024, 1, 1), max_value=date(2028, 1, 1)),
           every=st.integers(min_value=1, max_value=4),
           cancelled=st.lists(weeks, max_size=5, unique=True),
           moved=st.lists(st.tuples(weeks, st.integers(min_value=-20, max_value=20)), max_size=4,
                          unique_by=lambda item: item[0]),
           pauses=st.lists(st.tuples(st.integers(min_value=-10, max_value=300), st.integers(min_value=0, max_value=60)),
                           max_size=3),
           ended=st.none() | st.integers(min_value=-5, max_value=400),
           today=st.integers(min_value=-30, max_value=500))
    def agrees(first, every, cancelled, moved, pauses, ended, today):
        varied = _varied(base, first, every, cancelled, moved, pauses, ended)
        day = first + timedelta(days=today)
        planned = plan(varied, since=day, count=1)
        assert next_meeting(varied, day) == (planned[0].day if planned else None)

    agrees()
