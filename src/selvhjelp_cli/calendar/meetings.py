"""The group's planned meetings: dates, times, holidays, who attends.

One function, `plan`, gives the dates for the calendar command, the ICS file,
the attendance list and the framework handout, so they cannot disagree.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from functools import cache

from selvhjelp_cli.core.i18n import N_, _
from selvhjelp_cli.groupfile.model import Group, Schedule

# Not public holidays, but few groups meet on them.
_EXTRA_DAYS = {(12, 24): "Julaften", (12, 31): "Nyttårsaften"}

# The holidays library's Norwegian names, as Norwegians write them in running
# text (lower case, except the name in «Kristi himmelfartsdag») in bokmål and
# nynorsk, and the English names. The library has no nynorsk and only US English.
_HOLIDAY_NAMES = {
    "Første nyttårsdag": ("første nyttårsdag", "første nyttårsdag", "New Year's Day"),
    "Skjærtorsdag": ("skjærtorsdag", "skjærtorsdag", "Maundy Thursday"),
    "Langfredag": ("langfredag", "langfredag", "Good Friday"),
    "Første påskedag": ("første påskedag", "første påskedag", "Easter Sunday"),
    "Andre påskedag": ("andre påskedag", "andre påskedag", "Easter Monday"),
    "Arbeidernes dag": ("arbeidernes dag", "arbeidarane sin dag", "Labour Day"),
    "Grunnlovsdag": ("grunnlovsdagen", "grunnlovsdagen", "Constitution Day"),
    "Kristi himmelfartsdag": ("Kristi himmelfartsdag", "Kristi himmelfartsdag", "Ascension Day"),
    "Første pinsedag": ("første pinsedag", "første pinsedag", "Whit Sunday"),
    "Andre pinsedag": ("andre pinsedag", "andre pinsedag", "Whit Monday"),
    "Første juledag": ("første juledag", "første juledag", "Christmas Day"),
    "Andre juledag": ("andre juledag", "andre juledag", "Boxing Day"),
    "Julaften": ("julaften", "julaftan", "Christmas Eve"),
    "Nyttårsaften": ("nyttårsaften", "nyttårsaftan", "New Year's Eve"),
}
_AND = {"nb": " og ", "nn": " og ", "en": " and "}
_MAX_MEETINGS = 1000


@dataclass(frozen=True)
class Meeting:
    number: int | None  # counted from the first meeting, among meetings that take place; None if cancelled
    day: date
    start: datetime
    end: datetime
    break_minutes: int
    starters: tuple[str, ...]
    planned: date | None = None  # the date in the plan, where the meeting was moved from it
    cancelled: bool = False
    reason: str | None = None  # why a meeting is cancelled
    paused: bool = False  # cancelled because it falls in a pause

    @property
    def holiday(self) -> str | None:
        """The holiday on the meeting's day, if any: looked up only when asked (the holiday tables are
        slow to load, and `check` of a file never asks)."""
        return holiday_name(self.day)

    @property
    def series_day(self) -> date:
        """The meeting's date in the plan: what identifies it, however it was moved."""
        return self.planned or self.day

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
    """The dates of the schedule's recurrence, from the first meeting on (before exceptions)."""
    from selvhjelp_cli.core.dates import LAST_DAY

    day = schedule.first_meeting
    step = timedelta(weeks=schedule.every_weeks)
    while day <= LAST_DAY:
        yield day
        day += step


def typical(group: Group) -> Meeting:
    """A meeting as the schedule has it (first date, usual time): for times and breaks in documents."""
    schedule = group.schedule
    start = datetime.combine(schedule.first_meeting, schedule.start)
    return Meeting(1, schedule.first_meeting, start, start + timedelta(minutes=schedule.duration_minutes),
                   schedule.break_minutes, ())


# Which holiday a day is, from its date alone: the library says which days are
# public holidays, but its names are its own text and change between releases.
_FIXED_DAYS = {(1, 1): "Første nyttårsdag", (5, 1): "Arbeidernes dag", (5, 17): "Grunnlovsdag",
               (12, 25): "Første juledag", (12, 26): "Andre juledag"}
_AFTER_EASTER = {-3: "Skjærtorsdag", -2: "Langfredag", 0: "Første påskedag", 1: "Andre påskedag",
                 39: "Kristi himmelfartsdag", 49: "Første pinsedag", 50: "Andre pinsedag"}


@cache
def _norwegian_holidays(year: int) -> dict[date, str]:
    import holidays
    from dateutil.easter import easter

    sunday = easter(year)
    days = {}
    for day, library_name in holidays.Norway(years=year, language="no").items():
        names = [name for name in (_AFTER_EASTER.get((day - sunday).days), _FIXED_DAYS.get((day.month, day.day)))
                 if name]
        # A holiday we do not know yet (a change in the law) keeps the library's name.
        days[day] = "; ".join(names) or library_name
    for (month, day_of_month), name in _EXTRA_DAYS.items():
        days.setdefault(date(year, month, day_of_month), name)
    return days


def holiday_name(day: date) -> str | None:
    """The library's Norwegian name of a public holiday (or Christmas or New Year's Eve); see holiday_label."""
    return _norwegian_holidays(day.year).get(day)


def holiday_label(name: str, language: str | None = None) -> str:
    """A holiday_name as running text in nb, nn or en: «andre pinsedag og grunnlovsdagen», «Christmas Eve»."""
    from selvhjelp_cli.core.i18n import current
    from selvhjelp_cli.core.language import LANGUAGES

    index = LANGUAGES.index(current(language))
    # Two on one day are joined with "; " ("Andre pinsedag; Grunnlovsdag").
    parts = [_HOLIDAY_NAMES.get(part, (part.lower(),) * 3)[index] for part in name.split("; ")]
    return _AND[LANGUAGES[index]].join(parts)


def plan(
    group: Group,
    *,
    since: date | None = None,
    count: int | None = None,
    until: date | None = None,
    skip_holidays: bool = False,
    include_cancelled: bool = False,
) -> list[Meeting]:
    """Planned meetings on or after `since`, up to `count` meetings or up to `until`,
    in date order, with the group's exceptions: cancelled meetings left out (or, with
    include_cancelled, listed as cancelled), moved ones on their new day, none in a
    pause or after the group ended.

    With skip_holidays, holiday dates are left out. Meetings left out do not count
    towards `count` or towards the starters' meetings.
    """
    if count is None and until is None:
        raise ValueError("plan() needs count or until")
    schedule = group.schedule
    cancelled = {item.date: item for item in schedule.cancelled}
    moved = {item.from_: item for item in schedule.moved}
    # A meeting moved earlier lands up to `reach` before its date in the plan.
    reach = max([item.from_ - item.to for item in schedule.moved] + [timedelta(0)])
    candidates: list[Meeting] = []
    wanted: list[date] = []  # days of held meetings on or after `since`
    for day in series(schedule):
        if until is not None and day - reach > until:
            break
        if count is not None and len(wanted) >= count and day - reach > sorted(wanted)[count - 1]:
            break
        if len(candidates) >= _MAX_MEETINGS or (group.ended is not None and day - reach > group.ended):
            break
        pause = next((p for p in schedule.pauses if p.from_ <= day <= p.to), None)
        if pause is not None:
            # Listed as cancelled (with include_cancelled), so that a calendar which imported the
            # plan before the pause drops these meetings: same UID, STATUS:CANCELLED.
            begins = datetime.combine(day, schedule.start)
            candidates.append(Meeting(None, day, begins, begins + timedelta(minutes=schedule.duration_minutes),
                                      schedule.break_minutes, (), cancelled=True,
                                      reason=pause.reason, paused=True))
            continue
        move = moved.get(day)
        actual = move.to if move else day
        begins = datetime.combine(actual, move.start if move and move.start else schedule.start)
        meeting = Meeting(None, actual, begins, begins + timedelta(minutes=schedule.duration_minutes),
                          schedule.break_minutes, (), planned=day if move else None)
        if day in cancelled:
            candidates.append(replace(meeting, cancelled=True, reason=cancelled[day].reason))
            continue
        if (group.ended is not None and actual > group.ended) or (skip_holidays and meeting.holiday):
            continue
        candidates.append(meeting)
        if since is None or actual >= since:
            wanted.append(actual)
    # Numbers and the starters' meetings follow the dates the meetings are held on.
    candidates.sort(key=lambda m: (m.day, m.start))
    meetings: list[Meeting] = []
    held = 0
    for meeting in candidates:
        if not meeting.cancelled:
            held += 1
            attending = tuple(s.name for s in group.starters if s.meetings and held <= s.meetings)
            meeting = replace(meeting, number=held, starters=attending)
        if (since is not None and meeting.day < since) or (until is not None and meeting.day > until):
            continue
        if meeting.cancelled and not include_cancelled:
            continue
        meetings.append(meeting)
        if count is not None and sum(not m.cancelled for m in meetings) >= count:
            break
    return meetings


def season_end(group: Group, today: date) -> date:
    """The end of the half-year the group is in (or starts in): 30 June or 31 December – or of the next
    half-year when less than six weeks are left, so a December look ahead shows the spring. The app lists
    the meetings up to it, and the calendar file covers the same span unless told otherwise."""
    start = max(today + timedelta(weeks=6), group.schedule.first_meeting)
    return date(start.year, 6, 30) if start.month <= 6 else date(start.year, 12, 31)


def listing(
    group: Group,
    *,
    today: date,
    count: int | None = None,
    until: date | None = None,
    from_start: bool = False,
    skip_holidays: bool = False,
    include_cancelled: bool = False,
) -> tuple[list[Meeting], list[tuple[date, str]]]:
    """What `calendar` shows: meetings from the first (or the next on or after
    today), 12 unless count or until says otherwise; and the holidays skipped."""
    since = group.schedule.first_meeting if from_start else max(today, group.schedule.first_meeting)
    if count is None and until is None:
        count = 12
    meetings = plan(group, since=since, count=count, until=until, skip_holidays=skip_holidays,
                    include_cancelled=include_cancelled)
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


def next_meeting(group: Group, today: date) -> date | None:
    """The first meeting on or after today, with the group's exceptions; None if none is planned.

    The day plan(group, since=today, count=1) gives, without making every meeting since the first (an
    office's list asks this of thousands of groups): the same days, pauses, moves, end and limit."""
    schedule = group.schedule
    cancelled = {item.date for item in schedule.cancelled}
    moved = {item.from_: item.to for item in schedule.moved}
    reach = max([item.from_ - item.to for item in schedule.moved] + [timedelta(0)])
    found: date | None = None
    candidates = 0
    for day in series(schedule):
        if found is not None and day - reach > found:
            break
        if candidates >= _MAX_MEETINGS or (group.ended is not None and day - reach > group.ended):
            break
        if day in cancelled or any(p.from_ <= day <= p.to for p in schedule.pauses):
            candidates += 1  # counted towards the limit, as plan() counts them, but never held
            continue
        actual = moved.get(day, day)
        if group.ended is not None and actual > group.ended:
            continue
        candidates += 1
        if actual >= today and (found is None or actual < found):
            found = actual
    return found


# A group's state in a word, for tables (both doors and the spreadsheet).
STATUS_WORDS = {"planned": N_("planlagt"), "running": N_("i gang"), "paused": N_("opphold"), "ended": N_("avsluttet")}


def status(group: Group, today: date) -> str:
    """planned (not started), running, paused (today is in a pause) or ended."""
    if group.ended is not None and group.ended <= today:
        return "ended"
    if today < group.schedule.first_meeting:
        return "planned"
    if any(pause.from_ <= today <= pause.to for pause in group.schedule.pauses):
        return "paused"
    return "running"


def _oslo_timezone():
    """Europe/Oslo as a VTIMEZONE with yearly rules (RRULE), the form Outlook
    reads right; a list of dates (RDATE) puts Outlook an hour off in summer."""
    from icalendar import Timezone, TimezoneDaylight, TimezoneStandard

    zone = Timezone()
    zone.add("tzid", "Europe/Oslo")
    for part, name, offsets, start, month in (
        (TimezoneDaylight(), "CEST", (timedelta(hours=1), timedelta(hours=2)), datetime(1970, 3, 29, 2), 3),
        (TimezoneStandard(), "CET", (timedelta(hours=2), timedelta(hours=1)), datetime(1970, 10, 25, 3), 10),
    ):
        part.add("tzname", name)
        part.add("tzoffsetfrom", offsets[0])
        part.add("tzoffsetto", offsets[1])
        part.add("dtstart", start)
        part.add("rrule", {"freq": "yearly", "bymonth": month, "byday": "-1su"})
        zone.add_component(part)
    return zone


def to_ics(group: Group, meetings: list[Meeting], *, stamp: datetime, language: str | None = None) -> bytes:
    """An RFC 5545 calendar of the meetings, in Europe/Oslo time.

    One event per meeting, with a UID made from the group and the meeting's
    date in the plan, so importing an updated file updates events instead of
    adding copies: a moved meeting keeps its UID and a higher SEQUENCE, and a
    cancelled one is published under the same UID with STATUS:CANCELLED.
    Group name and place only: no people.
    """
    from zoneinfo import ZoneInfo

    from icalendar import Calendar, Event, vText

    from selvhjelp_cli.core.files import slug

    oslo = ZoneInfo("Europe/Oslo")
    calendar = Calendar()
    calendar.add("prodid", "-//selvhjelp//selvhjelp-cli//NO")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", vText(group.name))  # TEXT, escaped: «,» and «;» are the group's own
    calendar.add("x-wr-timezone", "Europe/Oslo")
    calendar.add_component(_oslo_timezone())
    from selvhjelp_cli.core.i18n import current, in_language

    language = current(language)
    with in_language(language):
        place = group.place(_("Digitalt møte på {platform}"))
    for meeting in meetings:
        event = Event()
        event.add("uid", f"{slug(group.name)}-{meeting.series_day:%Y%m%d}@selvhjelp")
        event.add("sequence", 1 if meeting.cancelled or meeting.planned else 0)
        event.add("dtstamp", stamp)
        event.add("dtstart", meeting.start.replace(tzinfo=oslo))
        event.add("dtend", meeting.end.replace(tzinfo=oslo))
        with in_language(language):
            summary = _("Avlyst: {name}").format(name=group.name) if meeting.cancelled else group.name
            description = _description(meeting)
        event.add("summary", summary)
        if meeting.cancelled:
            event.add("status", "CANCELLED")
        if place:
            event.add("location", place)
        if group.mode == "digital" and group.online and group.online.url:
            event.add("url", group.online.url)
        event.add("description", description)
        event.add("transp", "TRANSPARENT" if meeting.cancelled else "OPAQUE")
        calendar.add_component(event)
    return calendar.to_ical()


def _description(meeting: Meeting) -> str:
    from selvhjelp_cli.core.dates import clock

    if meeting.cancelled:
        # Never the reason: it may name a person («… er innlagt»), and calendar
        # files end up in synced work and phone calendars.
        return _("Møtet er avlyst.")
    minutes = int((meeting.end - meeting.start).total_seconds() // 60)
    window = meeting.break_window
    if window:
        return _("Møte nr. {number} i selvhjelpsgruppa, {minutes} minutter, med pause omtrent kl. "
                 "{start}–{end}.").format(
            number=meeting.number, minutes=minutes, start=clock(window[0].time()), end=clock(window[1].time()))
    return _("Møte nr. {number} i selvhjelpsgruppa, {minutes} minutter.").format(number=meeting.number, minutes=minutes)
