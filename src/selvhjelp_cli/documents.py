"""What each printed document contains: its template, title, file name and context.

The sentences live in templates/texts/{nb,nn,en}.yaml; this module chooses
which apply and fills in the group's own facts (dates by Babel, times, place).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import cache
from typing import TYPE_CHECKING, Any

from selvhjelp_cli.dates import format_day, long_date
from selvhjelp_cli.errors import UserError

if TYPE_CHECKING:
    from selvhjelp_cli.model import Group

# File name stems, in the document's language where it matters to the reader.
_STEMS = {
    "nb": {"declaration": "taushetserklaering", "principles": "prinsipper", "framework": "rammer",
           "first-meeting": "forste-mote", "digital": "digitale-moter", "registration": "registrering",
           "attendance": "oppmoteliste", "poster": "plakat"},
    "nn": {"declaration": "teieplikt", "principles": "prinsipp", "framework": "rammer",
           "first-meeting": "forste-mote", "digital": "digitale-mote", "registration": "registrering",
           "attendance": "oppmoteliste", "poster": "plakat"},
    "en": {"declaration": "confidentiality-declaration", "principles": "principles", "framework": "framework",
           "first-meeting": "first-meeting", "digital": "online-meetings", "registration": "registration",
           "attendance": "attendance", "poster": "poster"},
}
_MEETINGS_LISTED = 8  # dates on the framework handout
_ATTENDANCE_COLUMNS = 10  # dates per attendance page


@dataclass
class Document:
    template: str  # without extension: ".html.j2" or ".md.j2" is added
    title: str  # the PDF/HTML title: the kind of document only, never a name
    file_stem: str
    private: bool  # holds participants' names: written with mode 0600
    context: dict[str, Any] = field(default_factory=dict)
    landscape: bool = False
    page_numbers: bool = True  # off where each page stands alone (one declaration per person, the poster)


@cache
def texts(language: str) -> dict:
    import yaml

    from selvhjelp_cli.resources import templates_dir

    source = (templates_dir() / "texts" / f"{language}.yaml").read_text(encoding="utf-8")
    return yaml.load(source, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def _clock(moment: datetime, language: str) -> str:
    # Norwegian writes "kl. 18.00"; English "18:00".
    return f"{moment:%H:%M}" if language == "en" else f"{moment:%H.%M}"


def _time_span(start: datetime, end: datetime, language: str) -> str:
    span = f"{_clock(start, language)}–{_clock(end, language)}"
    return span if language == "en" else f"kl. {span}"


def _rhythm(group: Group, t: dict, language: str) -> str:
    weekday = format_day(group.schedule.first_meeting, "EEEE", language)
    weeks = group.schedule.every_weeks
    if weeks == 1:
        return t["common"]["every_week"].format(weekday=weekday)
    if weeks == 2:
        return t["common"]["every_second_week"].format(weekday=weekday)
    return t["common"]["every_n_weeks"].format(weekday=weekday, n=weeks)


def _participants(group: Group | None, today: date) -> list[str]:
    if group is None:
        return []
    return [p.name for _, p in group.active_participants(today)]


def _base(group: Group | None, language: str, title: str) -> dict[str, Any]:
    return {
        "t": texts(language),
        "title": title,
        "html_lang": language,
        "group_name": group.name if group else None,
    }


def _stem(kind: str, group: Group | None, language: str) -> str:
    from selvhjelp_cli.files import slug

    stem = _STEMS[language][kind]
    return f"{stem}-{slug(group.name)}" if group else stem


def declaration(group: Group | None, language: str, today: date, *, blank: int | None = None,
                sheet: bool = False) -> Document:
    t = texts(language)
    if blank is not None:
        people: list[str | None] = [None] * blank
    else:
        people = list(_participants(group, today))
        if not people and not sheet:
            raise UserError("Gruppa har ingen aktive deltakere ennå. Legg dem inn i gruppefilen, "
                            "eller bruk --blank N for N erklæringer uten navn.")
    if sheet:
        people = people + [None] * max(2, 8 - len(people))  # room for someone not yet in the file
    title = t["declaration"]["sheet_title"] if sheet else t["declaration"]["title"]
    stem = _stem("declaration", group, language)
    if sheet:
        stem += "-sheet" if language == "en" else "-liste"
    elif blank is not None and group is None:
        stem += "-blank"
    context = _base(group, language, title) | {"people": people}
    return Document("declaration_sheet" if sheet else "declaration", title, stem,
                    private=any(people), context=context, page_numbers=sheet)


def _schedule_block(group: Group, t: dict, language: str, today: date) -> dict[str, Any]:
    from selvhjelp_cli.meetings import listing

    f = t["framework"]
    meetings, _ = listing(group, today=today, count=_MEETINGS_LISTED)
    first = meetings[0] if meetings else None
    time_text = _time_span(first.start, first.end, language) if first else ""
    return {
        "meets": f["meets"].format(rhythm=_rhythm(group, t, language), time=time_text),
        "place": f["place"].format(place=group.place(t["common"]["digital_place"])),
        "first": f["first"].format(date=long_date(group.schedule.first_meeting, language)),
        "dates": [{"text": long_date(m.day, language), "holiday": m.holiday} for m in meetings],
    }


def _break_text(group: Group, t: dict, language: str) -> str:
    window = _first_break(group)
    if not window:
        return t["common"]["no_break"]
    return t["common"]["with_break"].format(start=_clock(window[0], language), end=_clock(window[1], language))


def framework(group: Group | None, language: str, today: date) -> Document:
    t = texts(language)
    f = t["framework"]
    context = _base(group, language, f["title"])
    sections = [("size_title", "size"), ("closed_title", "closed" if group is None or group.closed else "open"),
                ("leaderless_title", "leaderless")]
    if group is not None:
        length = f["length"].format(minutes=group.schedule.duration_minutes,
                                    **{"break": _break_text(group, t, language)})
    else:
        length = f["length"].format(minutes=120, **{"break": t["common"]["with_break"].format(start="…", end="…")})
    rest = [("interval_title", "interval"), ("age_title", "age"), ("confidentiality_title", "confidentiality"),
            ("notice_title", "notice"), ("leaving_title", "leaving"), ("free_title", "free"),
            ("sober_title", "sober"), ("food_title", "food")]
    items = [{"title": f[a], "text": f[b]} for a, b in sections]
    items.append({"title": f["length_title"], "text": length})
    items += [{"title": f[a], "text": f[b]} for a, b in rest]
    decisions = []
    if group is not None:
        topics = f["topics"]
        for decision in group.decisions:
            if decision.rule in topics and decision.date <= today:
                decisions.append(f["decision"].format(date=long_date(decision.date, language),
                                                      topic=topics[decision.rule]))
    context |= {
        "theme": group.theme if group else None,
        "schedule": _schedule_block(group, t, language, today) if group else None,
        "sections": items,
        "decisions": decisions,
    }
    return Document("framework", f["title"], _stem("framework", group, language), private=False, context=context)


def first_meeting(group: Group | None, language: str, today: date) -> Document:
    t = texts(language)
    m = t["first_meeting"]
    start = datetime.combine(group.schedule.first_meeting, group.schedule.start) if group else datetime(2000, 1, 1, 18)
    minutes = group.schedule.duration_minutes if group else 120
    # Rough shares of a first meeting before the break; the open floor gets the
    # rest. The break is where the calendar puts it.
    window = _first_break(group) if group else (start + timedelta(minutes=50), start + timedelta(minutes=65))
    before = int(((window[0] if window else start + timedelta(minutes=minutes // 2)) - start).total_seconds() // 60)
    marks = [
        (start, "welcome"), (start + timedelta(minutes=5), "presentation"),
        (start + timedelta(minutes=_five(before * 0.4)), "expectations"),
        (start + timedelta(minutes=_five(before * 0.65)), "framework"),
        (start + timedelta(minutes=_five(before * 0.85)), "declaration"),
    ]
    if window:
        marks.append((window[0], "break"))
    marks += [(window[1] if window else start + timedelta(minutes=before), "open"),
              (start + timedelta(minutes=minutes - 15), "closing")]
    agenda = [{"time": _clock(moment, language) if language == "en" else f"kl. {_clock(moment, language)}",
               "text": m["agenda"][key]} for moment, key in marks]
    starter = next((s for s in group.starters if s.meetings), None) if group else None
    after = (m["after_starter"].format(name=starter.name, n=starter.meetings) if starter else m["after_general"])
    context = _base(group, language, m["title"]) | {
        "agenda": agenda,
        "after_starter": after,
        "digital": bool(group and group.mode == "digital"),
        "first_date": long_date(group.schedule.first_meeting, language) if group else None,
    }
    return Document("first_meeting", m["title"], _stem("first-meeting", group, language), private=False,
                    context=context)


def _five(minutes: float) -> int:
    return int(minutes) - int(minutes) % 5


def _first_break(group: Group):
    from selvhjelp_cli.meetings import plan

    return plan(group, count=1)[0].break_window


def principles(group: Group | None, language: str, today: date) -> Document:
    title = texts(language)["principles"]["title"]
    return Document("principles", title, _stem("principles", group, language), private=False,
                    context=_base(group, language, title))


def digital(group: Group | None, language: str, today: date) -> Document:
    title = texts(language)["digital"]["title"]
    platform = group.online.platform if group and group.online else None
    return Document("digital", title, _stem("digital", group, language), private=False,
                    context=_base(group, language, title) | {"platform": platform})


def registration(group: Group | None, language: str, today: date) -> Document:
    title = texts(language)["registration"]["title"]
    return Document("registration", title, _stem("registration", group, language), private=False,
                    context=_base(group, language, title) | {"rows": 8}, landscape=True)


def attendance(group: Group | None, language: str, today: date) -> Document:
    from selvhjelp_cli.meetings import listing

    title = texts(language)["attendance"]["title"]
    if group is None:
        raise UserError("Oppmøtelisten trenger en gruppefil for å finne møtedatoene.")
    meetings, _ = listing(group, today=today, count=_ATTENDANCE_COLUMNS * 2)
    dates = [{"short": format_day(m.day, "EEE d/M" if language == "en" else "EEE d.M.", language), "holiday": m.holiday} for m in meetings]
    chunks = [dates[i:i + _ATTENDANCE_COLUMNS] for i in range(0, len(dates), _ATTENDANCE_COLUMNS)]
    people: list[str | None] = list(_participants(group, today))
    people += [None] * max(2, 8 - len(people))
    return Document("attendance", title, _stem("attendance", group, language), private=True,
                    context=_base(group, language, title) | {"people": people, "date_chunks": chunks},
                    landscape=True)


def poster(group: Group | None, language: str, today: date) -> Document:
    """A recruitment poster: never anything about participants."""
    from selvhjelp_cli import districts
    from selvhjelp_cli.meetings import plan

    t = texts(language)
    p = t["poster"]
    context = _base(group, language, p["headline"])
    when = where = theme_line = None
    contacts: list[str] = []
    if group is not None:
        first = plan(group, count=1)[0]
        when = p["when"].format(rhythm=_rhythm(group, t, language), time=_time_span(first.start, first.end, language),
                                date=long_date(group.schedule.first_meeting, language))
        where = p["where"].format(place=group.place(t["common"]["digital_place"]))
        theme_line = p["theme_line"].format(theme=group.theme) if group.theme else None
        for starter in group.starters:
            if starter.contact:
                contacts.append(f"{starter.name}: {starter.contact}")
        offices = districts.offices_for_place(group.county, group.municipality)
        contacts += [p["contact_office"].format(office=o.office, phone=o.phone) for o in offices[:1]]
    else:
        head = districts.head_office()
        contacts.append(f"{head['name']}: {head['phone']} · {head['email']}")
    context |= {"theme": group.theme if group else None, "theme_line": theme_line, "when": when, "where": where,
                "contacts": contacts}
    return Document("poster", p["headline"], _stem("poster", group, language), private=False, context=context,
                    page_numbers=False)


BUILDERS = {
    "principles": principles,
    "framework": framework,
    "first-meeting": first_meeting,
    "digital": digital,
    "registration": registration,
    "attendance": attendance,
    "poster": poster,
}


HANDOUTS = tuple(BUILDERS)


def handout(kind: str, group: Group | None, language: str, today: date) -> Document:
    return BUILDERS[kind](group, language, today)
