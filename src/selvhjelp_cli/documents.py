"""What each printed document contains: its template, title, file name and context.

The sentences live in templates/texts/{nb,nn,en}.yaml; this module chooses
which apply and fills in the group's own facts (dates by Babel, times, place).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import cache
from typing import TYPE_CHECKING, Any

from selvhjelp_cli.dates import clock, format_day, long_date
from selvhjelp_cli.errors import UserError
from selvhjelp_cli.i18n import _
from selvhjelp_cli.language import BABEL_LOCALE
from selvhjelp_cli.words import kroner, number

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
    notes: list[str] = field(default_factory=list)  # what the user should know: printed by the command


# A group file that breaks one of these requirements still gets its documents
# (the starter may need them to put it right), but the command says so.
_REQUIREMENTS = ("free-of-charge", "leaderless", "adult", "confidentiality")


def _firing(group: Group | None, today: date) -> dict[str, list]:
    """The rules that fire for the group, not set aside by its decisions: rule id -> findings."""
    if group is None:
        return {}
    from selvhjelp_cli.checker import findings_for_group

    firing: dict[str, list] = {}
    for finding in findings_for_group(group, today):
        if not finding.acknowledged and finding.severity != "info":
            firing.setdefault(finding.rule, []).append(finding)
    return firing


def _requirement_notes(firing: dict[str, list], skip: tuple[str, ...] = ()) -> list[str]:
    return [_("Merk: Gruppefilen bryter et krav i rammene ({rule}): {message} Dokumentet er skrevet likevel.").format(rule=rule, message=finding.message)
            for rule in _REQUIREMENTS if rule not in skip for finding in firing.get(rule, [])]


@cache
def texts(language: str) -> dict:
    import yaml

    from selvhjelp_cli.resources import templates_dir

    source = (templates_dir() / "texts" / f"{language}.yaml").read_text(encoding="utf-8")
    return yaml.load(source, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def _time_span(start: datetime, end: datetime, language: str) -> str:
    return _clock_text(f"{clock(start, language)}–{clock(end, language)}", language)


def _clock_text(time: str, language: str) -> str:
    """A time as running text writes it: «kl. 18.00» in Norwegian, «18:00» in English."""
    return time if language == "en" else f"kl. {time}"


def _rhythm(group: Group, t: dict, language: str) -> str:
    weekday = format_day(group.schedule.first_meeting, "EEEE", language)
    weeks = group.schedule.every_weeks
    if weeks == 1:
        return t["common"]["every_week"].format(weekday=weekday)
    if weeks == 2:
        return t["common"]["every_second_week"].format(weekday=weekday)
    from selvhjelp_cli.words import ordinal_word

    return t["common"]["every_n_weeks"].format(weekday=weekday, n=weeks, nth=ordinal_word(weeks, language))


def _participants(group: Group | None, today: date) -> list[str]:
    if group is None:
        return []
    return [p.name for _unused, p in group.active_participants(today)]


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
            raise UserError(_("Gruppa har ingen aktive deltakere ennå. Legg dem inn i gruppefilen, "
                            "eller bruk --blank N for N erklæringer uten navn."))
    if sheet:
        people = people + [None] * max(2, 8 - len(people))  # room for someone not yet in the file
    title = t["declaration"]["sheet_title"] if sheet else t["declaration"]["title"]
    stem = _stem("declaration", group, language)
    if sheet:
        stem += "-sheet" if language == "en" else "-liste"
    elif blank is not None and group is None:
        stem += "-blank"
    context = _base(group, language, title) | {"people": people}
    notes = _requirement_notes(_firing(group, today), skip=("confidentiality",))
    return Document("declaration_sheet" if sheet else "declaration", title, stem,
                    private=any(people), context=context, page_numbers=sheet, notes=notes)


def _schedule_block(group: Group, t: dict, language: str, today: date) -> dict[str, Any]:
    from selvhjelp_cli.meetings import holiday_label, listing

    f = t["framework"]
    meetings, _unused = listing(group, today=today, count=_MEETINGS_LISTED)
    first = meetings[0] if meetings else None
    time_text = _time_span(first.start, first.end, language) if first else ""
    dates = [{"text": long_date(m.day, language), "holiday": m.holiday and holiday_label(m.holiday, language)}
             for m in meetings]
    # Two columns of dates, unless a date with its holiday would wrap in one.
    widest = max((len(d["text"]) + len(d["holiday"] or "") + 3 for d in dates), default=0)
    return {
        "dates_columns": 2 if widest <= 40 else 1,
        "meets": f["meets"].format(rhythm=_rhythm(group, t, language), time=time_text),
        "place": f["place"].format(place=group.place(t["common"]["digital_place"])),
        "first": f["first"].format(date=long_date(group.schedule.first_meeting, language)),
        "dates": dates,
    }


def _break_text(group: Group, t: dict, language: str) -> str:
    window = _first_break(group)
    if not window:
        return t["common"]["no_break"]
    return t["common"]["with_break"].format(start=clock(window[0], language), end=clock(window[1], language))


def framework(group: Group | None, language: str, today: date) -> Document:
    t = texts(language)
    f = t["framework"]
    firing = _firing(group, today)
    context = _base(group, language, f["title"])

    def text(key: str, unless: tuple[str, ...]) -> str:
        # Where the group file breaks a requirement, say what the framework
        # asks for instead of stating it as a fact about this group.
        return f[f"{key}_rule"] if any(rule in firing for rule in unless) else f[key]

    if group is not None:
        length = f["length"].format(minutes=group.schedule.duration_minutes,
                                    **{"break": _break_text(group, t, language)})
    else:
        length = f["length"].format(minutes=120, **{"break": t["common"]["midway_break"]})
    items = [
        {"title": f["size_title"], "text": f["size"]},
        {"title": f["closed_title"], "text": f["closed"]} if group is None or group.closed
        else {"title": f["open_title"], "text": f["open"]},
        {"title": f["leaderless_title"], "text": text("leaderless", ("leaderless",))},
        {"title": f["length_title"], "text": length},
        {"title": f["interval_title"], "text": f["interval"]},
        {"title": f["age_title"], "text": text("age", ("adult", "age-unknown"))},
        {"title": f["confidentiality_title"], "text": f["confidentiality"]},
        {"title": f["notice_title"], "text": f["notice"]},
        {"title": f["leaving_title"], "text": f["leaving"]},
        {"title": f["fee_title"], "text": f["fee"].format(fee=kroner(group.fee_nok, language))}
        if group is not None and group.fee_nok else {"title": f["free_title"], "text": text("free", ("free-of-charge",))},
        {"title": f["sober_title"], "text": f["sober"]},
    ]
    if group is None or group.mode != "digital":  # no advice about coffee for a meeting on a screen
        items.append({"title": f["food_title"], "text": f["food"]})
    decisions = []
    if group is not None:
        for decision in group.decisions:
            if decision.rule in f["agreed"] and decision.date <= today:
                agreed = f["agreed"][decision.rule].format(minutes=group.schedule.duration_minutes,
                                                          rhythm=_rhythm(group, t, language))
                decisions.append(f["decision"].format(date=long_date(decision.date, language), agreed=agreed))
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
    digital_group = bool(group and group.mode == "digital")
    # Without a group file the times are left to write in: no group's clock is assumed.
    agenda = [{"time": _clock_text(clock(moment, language) if group else "______", language),
               "write_in": group is None,
               "text": m["agenda"]["declaration_digital" if key == "declaration" and digital_group else key]}
              for moment, key in marks]
    after = [(m["after_starter_one"] if s.meetings == 1 else m["after_starter"]).format(
        name=s.name, n=number(s.meetings, language)) for s in group.starters if s.meetings] if group else []
    before = list(m["before_online" if digital_group else "before"])
    offices = _offices(group)
    if offices:
        from selvhjelp_cli.words import join

        office = join((t["common"]["office"].format(office=o.office, reach=o.phone or o.email or o.web)
                       for o in offices), style="or",
                      locale=BABEL_LOCALE[language])
        before.append(m["before_office"].format(office=unbreakable(office)))
    else:
        before.append(m["before_office_general"])
    context = _base(group, language, m["title"]) | {
        "agenda": agenda,
        "after_starters": after or [m["after_general"]],
        "before": before,
        "digital": digital_group,
        "first_date": long_date(group.schedule.first_meeting, language) if group else None,
    }
    return Document("first_meeting", m["title"], _stem("first-meeting", group, language), private=False,
                    context=context)


def _offices(group: Group | None) -> list:
    """The contact points a document may name: never the district offices of 2019, closed in 2023."""
    if group is None:
        return []
    from selvhjelp_cli.directory import active_directory
    from selvhjelp_cli.resolver import offices_for_group

    directory = active_directory()
    return [] if directory.builtin else offices_for_group(directory, group.county, group.municipality)


def _five(minutes: float) -> int:
    return int(minutes) - int(minutes) % 5


def _first_break(group: Group):
    from selvhjelp_cli.meetings import typical

    return typical(group).break_window


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
    from selvhjelp_cli.meetings import holiday_label, listing

    title = texts(language)["attendance"]["title"]
    if group is None:
        raise UserError(_("Oppmøtelisten trenger en gruppefil for å finne møtedatoene."))
    meetings, _unused = listing(group, today=today, count=_ATTENDANCE_COLUMNS * 2)
    chunks = []
    for start in range(0, len(meetings), _ATTENDANCE_COLUMNS):
        chunk = meetings[start:start + _ATTENDANCE_COLUMNS]
        # A page that runs into a new year shows the year on every date.
        years = sorted({m.day.year for m in chunk})
        with_year = len(years) > 1
        pattern = _SHORT_DATE[language][with_year]
        holidays = [m.holiday for m in chunk if m.holiday]
        chunks.append({
            "years": "–".join(str(y) for y in years),
            "dates": [{"short": format_day(m.day, pattern, language),
                       "mark": holidays.index(m.holiday) + 1 if m.holiday else None} for m in chunk],
            "holidays": [{"mark": mark, "name": holiday_label(name, language)}
                         for mark, name in enumerate(holidays, start=1)],
        })
    people = list(_participants(group, today))
    # Empty rows for someone not yet in the file; the PDF keeps only those that fit the page.
    blank_rows = max(2, 8 - len(people))
    return Document("attendance", title, _stem("attendance", group, language), private=True,
                    context=_base(group, language, title) | {"people": people, "blank_rows": blank_rows,
                                                              "date_chunks": chunks},
                    landscape=True)


# Dates in an attendance list's column heads: without and with the year.
# English writes the month's name, so 7/1 is never read as July.
_SHORT_DATE = {"nb": ("EEE d.M.", "EEE d.M.y"), "nn": ("EEE d.M.", "EEE d.M.y"), "en": ("EEE d MMM", "EEE d MMM y")}

_TIME_SPAN = re.compile(r"(?:(kl\.) )?(\d{1,2}[.:]\d{2})–(?=\d)")
_PHONE = re.compile(r"(?<!\d)(\+?\d{2,3})((?: \d{2,3}){2,4})(?!\d)")
_POSTCODE_TOWN = re.compile(r"\b(\d{4}) (?=\w)")
_DAY_MONTH_YEAR_TEXT = re.compile(r"\b(\d{1,2}\.?) ([^\W\d]+) (\d{4})\b")
_HOUSE_LETTER = re.compile(r"\b(\d+) ([A-ZÆØÅ])\b")


def unbreakable(text: str) -> str:
    """Times ("kl. 18.00–20.00"), phone numbers, postcodes with their town, dates
    ("12. januar 2027"), house numbers with their letter ("123 B") and e-mail
    addresses kept on one line: no-break spaces inside them, a word joiner after the
    dash of a time span, no-break hyphens in addresses."""
    text = _TIME_SPAN.sub(lambda m: (f"{m.group(1)}\u00a0" if m.group(1) else "") + f"{m.group(2)}–\u2060", text)
    text = _PHONE.sub(lambda m: m.group(1) + m.group(2).replace(" ", "\u00a0"), text)
    text = _POSTCODE_TOWN.sub(lambda m: m.group(1) + "\u00a0", text)
    text = _DAY_MONTH_YEAR_TEXT.sub(lambda m: "\u00a0".join(m.groups()), text)
    text = _HOUSE_LETTER.sub(lambda m: m.group(1) + "\u00a0" + m.group(2), text)
    return " ".join(word.replace("-", "\u2011") if "@" in word else word for word in text.split(" "))


def poster(group: Group | None, language: str, today: date) -> Document:
    """A recruitment poster that says what is true on the day it is printed: never
    anything about participants."""
    from selvhjelp_cli.meetings import typical

    t = texts(language)
    p = t["poster"]
    firing = _firing(group, today)
    context = _base(group, language, p["headline"])
    headline, contact_title = p["headline"], p["contact_title"]
    when = where = theme_line = status = None
    contacts: list[tuple[str, str]] = []
    notes: list[str] = []
    if group is not None:
        first = typical(group)
        time_span = _time_span(first.start, first.end, language)
        started = today > group.schedule.first_meeting
        ended = group.ended is not None and group.ended <= today
        if ended:
            headline, contact_title = p["headline_running"], p["contact_title_more"]
            status = unbreakable(p["status_ended"].format(date=long_date(group.ended, language)))
        elif started:
            # Nothing new starts: say when the group meets now, never "from" a date gone by.
            headline = p["headline_running"]
            when = unbreakable(p["when_started"].format(rhythm=_rhythm(group, t, language), time=time_span))
            status = p["status_closed"] if group.closed else p["status_open"]
            if group.closed:
                contact_title = p["contact_title_more"]
                notes.append(_("Merk: Gruppa har startet og er lukket, så plakaten sier at den ikke tar inn nye "
                             "deltakere nå. Har gruppa bestemt å ta inn nye, skriv «closed: false» i gruppefilen "
                             "før du skriver ut plakaten."))
        else:
            when = unbreakable(p["when"].format(rhythm=_rhythm(group, t, language), time=time_span,
                                               date=format_day(group.schedule.first_meeting,
                                                               _DAY_MONTH_YEAR[language], language)))
        if not ended:
            where = unbreakable(p["where"].format(place=group.place(t["common"]["digital_place"])))
        theme_line = p["theme_line"].format(theme=group.theme) if group.theme else None
        contacts = [(starter.name, _poster_contact(starter.contact)) for starter in group.starters if starter.contact]
        contacts += [(p["contact_office"].format(office=o.office), _poster_contact(o.phone or o.email or o.web))
                     for o in _offices(group)[:1]]
    untrue = {"free": "free-of-charge", "leaderless": "leaderless"}
    facts = [text for key, text in p["facts"].items() if untrue.get(key) not in firing]
    if group is not None and group.fee_nok:
        facts.insert(0, p["fee"].format(fee=kroner(group.fee_nok, language)))
    # A strip to tear off carries the group's name and the contact that fits it
    # best: a phone number before a long e-mail address.
    strip_contact = min((how for _who, how in contacts), key=lambda how: ("@" in how, len(how)), default=None)
    strip = [group.name, strip_contact] if group is not None else []
    context |= {"headline": headline, "theme": group.theme if group else None, "theme_line": theme_line,
                "when": when, "where": where, "status": status, "contact_title": contact_title,
                "contacts": contacts, "facts": facts, "strip": strip}
    return Document("poster", p["headline"], _stem("poster", group, language), private=False, context=context,
                    page_numbers=False, notes=notes)


def _poster_contact(how: str) -> str:
    # An e-mail address goes as it is: the PDF keeps it whole and splits it only
    # at its @, so a copied address is the address.
    return how if "@" in how else unbreakable(how)


_DAY_MONTH_YEAR = {"nb": "d. MMMM y", "nn": "d. MMMM y", "en": "d MMMM y"}


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

# What people may type for a handout: the ids, and the Norwegian names in
# bokmål and nynorsk (with and without æ, ø, å).
HANDOUT_WORDS = {kind: kind for kind in HANDOUTS} | {
    "rammer": "framework", "prinsipper": "principles", "prinsipp": "principles",
    "første-møte": "first-meeting", "forste-mote": "first-meeting", "første-møtet": "first-meeting",
    "digitale-møter": "digital", "digitale-moter": "digital", "digitale-møte": "digital",
    "registrering": "registration", "skjema": "registration", "påmelding": "registration",
    "oppmøteliste": "attendance", "oppmoteliste": "attendance", "oppmøte": "attendance",
    "plakat": "poster",
}


def handout(kind: str, group: Group | None, language: str, today: date) -> Document:
    document = BUILDERS[kind](group, language, today)
    document.notes += _requirement_notes(_firing(group, today))
    return document


DOCUMENT_KINDS = ("declaration", "declaration-sheet", *HANDOUTS)


def document(kind: str, group: Group | None, language: str, today: date, *, blank: int | None = None) -> Document:
    """A document by the name both doors use: a handout kind, «declaration» (one page
    per participant, or `blank` forms without names) or «declaration-sheet»."""
    if kind == "declaration":
        return declaration(group, language, today, blank=blank)
    if kind == "declaration-sheet":
        return declaration(group, language, today, sheet=True)
    return handout(kind, group, language, today)


def language_for(group: Group | None, chosen: str | None = None) -> str:
    """A document's language: the one chosen, else the group file's own, else the program's."""
    if chosen:
        return chosen
    if group is not None and "language" in group.model_fields_set:
        return group.language
    from selvhjelp_cli.i18n import current

    return current()
