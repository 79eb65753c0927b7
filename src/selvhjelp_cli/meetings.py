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
    holiday: str | None
    starters: tuple[str, ...]

    @property
    def break_start(self) -> datetime:
        return self.start + (self.end - self.start) / 2


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
                                holiday, attending))
        if count is not None and len(meetings) >= count:
            break
    return meetings


def next_meeting(schedule: Schedule, today: date) -> date:
    """The first planned date on or after today (holidays not considered)."""
    first = schedule.first_meeting
    if today <= first:
        return first
    step = 7 * schedule.every_weeks
    periods = -(-(today - first).days // step)
    return first + timedelta(days=periods * step)
