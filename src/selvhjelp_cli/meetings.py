"""The group's planned meetings: dates, times, holidays, who attends.

One function, `plan`, gives the dates for the calendar command, the ICS file,
the attendance list and the framework handout, so they cannot disagree.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cache

from selvhjelp_cli.model import Group, Schedule

# Not public holidays, but few groups meet on them.
_EXTRA_DAYS = {(12, 24): "Julaften", (12, 31): "Nyttårsaften"}
_MAX_MEETINGS = 1000


@dataclass(frozen=True)
class Meeting:
    number: int  # counted from the first meeting, among meetings that take place
    day: date
    start: datetime
    end: datetime
    break_minutes: int
    holiday: str | None
    starters: tuple[str, ...]

    @property
    def break_window(self) -> tuple[datetime, datetime] | None:
        """The break, placed midway through the meeting."""
        if not self.break_minutes:
            return None
        pause = timedelta(minutes=self.break_minutes)
        begins = self.start + (self.end - self.start - pause) / 2
        # Round down to five minutes: "18:50", not "18:52:30".
        begins = begins.replace(minute=begins.minute - begins.minute % 5, second=0, microsecond=0)
        return begins, begins + pause


def series(schedule: Schedule) -> Iterator[date]:
    """The dates of the schedule's recurrence, from the first meeting on."""
    day = schedule.first_meeting
    step = timedelta(weeks=schedule.every_weeks)
    while True:
        yield day
        day += step


@cache
def _norwegian_holidays(year: int) -> dict[date, str]:
    import holidays

    days = {d: name for d, name in holidays.Norway(years=year, language="no").items()}
    for (month, day), name in _EXTRA_DAYS.items():
        days.setdefault(date(year, month, day), name)
    return days


def holiday_name(day: date) -> str | None:
    """The Norwegian name of a public holiday (or Christmas or New Year's Eve)."""
    name = _norwegian_holidays(day.year).get(day)
    # holidays joins two on one day ("Andre pinsedag; Grunnlovsdag").
    return name.replace("; ", " og ") if name else None


def plan(
    group: Group,
    *,
    since: date | None = None,
    count: int | None = None,
    until: date | None = None,
    skip_holidays: bool = False,
) -> list[Meeting]:
    """Planned meetings on or after `since`, up to `count` meetings or up to `until`.

    With skip_holidays, holiday dates are left out and do not count towards
    `count` or towards the starters' meetings.
    """
    if count is None and until is None:
        raise ValueError("plan() needs count or until")
    schedule = group.schedule
    meetings: list[Meeting] = []
    held = 0
    for day in series(schedule):
        if until is not None and day > until:
            break
        if held >= _MAX_MEETINGS:
            break
        holiday = holiday_name(day)
        if skip_holidays and holiday:
            continue
        held += 1
        if since is not None and day < since:
            continue
        start = datetime.combine(day, schedule.start)
        attending = tuple(s.name for s in group.starters if s.meetings and held <= s.meetings)
        meetings.append(Meeting(held, day, start, start + timedelta(minutes=schedule.duration_minutes),
                                schedule.break_minutes, holiday, attending))
        if count is not None and len(meetings) >= count:
            break
    return meetings


def listing(
    group: Group,
    *,
    today: date,
    count: int | None = None,
    until: date | None = None,
    from_start: bool = False,
    skip_holidays: bool = False,
) -> tuple[list[Meeting], list[tuple[date, str]]]:
    """What `calendar` shows: meetings from the first (or the next on or after
    today), 12 unless count or until says otherwise; and the holidays skipped."""
    since = group.schedule.first_meeting if from_start else max(today, group.schedule.first_meeting)
    if count is None and until is None:
        count = 12
    meetings = plan(group, since=since, count=count, until=until, skip_holidays=skip_holidays)
    skipped: list[tuple[date, str]] = []
    if skip_holidays:
        last = meetings[-1].day if meetings else since
        for day in series(group.schedule):
            if day > last:
                break
            name = holiday_name(day) if day >= since else None
            if name:
                skipped.append((day, name))
    return meetings, skipped


def next_meeting(schedule: Schedule, today: date) -> date:
    """The first planned date on or after today (holidays not considered)."""
    first = schedule.first_meeting
    if today <= first:
        return first
    step = 7 * schedule.every_weeks
    periods = -(-(today - first).days // step)
    return first + timedelta(days=periods * step)


def to_ics(group: Group, meetings: list[Meeting], *, stamp: datetime) -> bytes:
    """An RFC 5545 calendar of the meetings, in Europe/Oslo time.

    One event per meeting (so holidays left out are simply absent), each with a
    UID made from the group and the date, so importing an updated file replaces
    events instead of adding copies. Group name and place only: no people.
    """
    from zoneinfo import ZoneInfo

    from icalendar import Calendar, Event, Timezone

    from selvhjelp_cli.files import slug

    oslo = ZoneInfo("Europe/Oslo")
    calendar = Calendar()
    calendar.add("prodid", "-//selvhjelp//selvhjelp-cli//NO")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", group.name)
    calendar.add("x-wr-timezone", "Europe/Oslo")
    days = [m.day for m in meetings] or [group.schedule.first_meeting]
    # Whole years, so the summer-time rules are in the file even for a short plan.
    calendar.add_component(Timezone.from_tzid("Europe/Oslo", first_date=date(days[0].year, 1, 1),
                                              last_date=date(days[-1].year, 12, 31)))
    place = group.place("Digitalt møte ({platform})")
    for meeting in meetings:
        event = Event()
        event.add("uid", f"{slug(group.name)}-{meeting.day:%Y%m%d}@selvhjelp")
        event.add("dtstamp", stamp)
        event.add("dtstart", meeting.start.replace(tzinfo=oslo))
        event.add("dtend", meeting.end.replace(tzinfo=oslo))
        event.add("summary", group.name)
        if place:
            event.add("location", place)
        if group.mode == "digital" and group.online and group.online.url:
            event.add("url", group.online.url)
        event.add("description", _description(meeting))
        event.add("transp", "OPAQUE")
        calendar.add_component(event)
    return calendar.to_ical()


def _description(meeting: Meeting) -> str:
    minutes = int((meeting.end - meeting.start).total_seconds() // 60)
    text = f"Møte nr. {meeting.number} i selvhjelpsgruppa, {minutes} minutter"
    window = meeting.break_window
    if window:
        text += f", med pause {window[0]:%H:%M}–{window[1]:%H:%M}"
    return text + "."
