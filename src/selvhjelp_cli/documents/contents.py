"""What each printed document contains: its template, title, file name and context.

The sentences live in templates/texts/{nb,nn,en}.yaml; this module chooses
which apply and fills in the group's own facts (dates by Babel, times, place).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from selvhjelp_cli.core.dates import clock, format_day, long_date
from selvhjelp_cli.core.errors import UserError
from selvhjelp_cli.core.i18n import N_, _
from selvhjelp_cli.core.language import BABEL_LOCALE
from selvhjelp_cli.core.words import kroner, number

if TYPE_CHECKING:
    from selvhjelp_cli.groupfile.model import Group

# File name stems, in the document's language where it matters to the reader.
from selvhjelp_cli.documents.document import (
    Document,
    base,
    clock_text,
    firing,
    first_break,
    offices_named,
    requirement_notes,
    rhythm,
    stem,
    texts,
    time_span,
    unbreakable,
)

_MEETINGS_LISTED = 8  # dates on the framework handout
_ATTENDANCE_COLUMNS = 10  # dates per attendance page


def participant_names(group: Group | None, today: date) -> list[str]:
    if group is None:
        return []
    return [p.name for _unused, p in group.active_participants(today)]


def declaration(group: Group | None, language: str, today: date, *, blank: int | None = None,
                sheet: bool = False) -> Document:
    if blank is None:
        refuse_after_the_end("declaration-sheet" if sheet else "declaration", group, today)
    t = texts(language)
    if blank is not None:
        people: list[str | None] = [None] * blank
    else:
        people = list(participant_names(group, today))
        if not people and not sheet:
            raise UserError(_("Gruppa har ingen aktive deltakere ennå. Legg dem inn i gruppefilen, "
                            "eller bruk --blank N for N erklæringer uten navn."))
    if sheet:
        people = people + [None] * max(2, 8 - len(people))  # room for someone not yet in the file
    title = t["declaration"]["sheet_title"] if sheet else t["declaration"]["title"]
    file_stem = stem("declaration", group, language)
    if sheet:
        file_stem += "-sheet" if language == "en" else "-liste"
    elif blank is not None and group is None:
        file_stem += "-blank"
    context = base(group, language, title) | {"people": people}
    notes = requirement_notes(firing(group, today), skip=("confidentiality",))
    return Document("declaration_sheet" if sheet else "declaration", title, file_stem,
                    private=any(people), context=context, page_numbers=sheet, notes=notes)


def _schedule_block(group: Group, t: dict, language: str, today: date) -> dict[str, Any]:
    from selvhjelp_cli.calendar.meetings import holiday_label, listing, typical

    f = t["framework"]
    usual = typical(group)  # the group's own time: never a moved meeting's
    time_text = time_span(usual.start, usual.end, language)
    ended = group.ended is not None and group.ended <= today
    meetings = [] if ended else listing(group, today=today, count=_MEETINGS_LISTED)[0]
    dates = []
    for m in meetings:
        text = long_date(m.day, language)
        if (m.start.time(), m.end.time()) != (usual.start.time(), usual.end.time()):
            # A meeting moved to another time says its own, wherever its date is shown.
            text += " " + time_span(m.start, m.end, language)
        dates.append({"text": text, "holiday": m.holiday and holiday_label(m.holiday, language)})
    # Two columns of dates, unless a date with its holiday would wrap in one.
    widest = max((len(d["text"] or "") + len(d["holiday"] or "") + 3 for d in dates), default=0)
    meets = (f["met"].format(rhythm=rhythm(group, t, language), time=time_text,
                             date=long_date(group.ended, language)) if ended and group.ended
             else f["meets"].format(rhythm=rhythm(group, t, language), time=time_text))
    return {
        "dates_columns": 2 if widest <= 40 else 1,
        "meets": meets,
        "place": f["place"].format(place=group.place(t["common"]["digital_place"])),
        "first": f["first"].format(date=long_date(group.schedule.first_meeting, language)),
        "dates": dates,
    }


def _break_text(group: Group, t: dict, language: str) -> str:
    window = first_break(group)
    if not window:
        return t["common"]["no_break"]
    return t["common"]["with_break"].format(start=clock(window[0], language), end=clock(window[1], language))


def framework(group: Group | None, language: str, today: date) -> Document:
    t = texts(language)
    f = t["framework"]
    breaks = firing(group, today)
    context = base(group, language, f["title"])

    def text(key: str, unless: tuple[str, ...]) -> str:
        # Where the group file breaks a requirement, say what the framework
        # asks for instead of stating it as a fact about this group.
        return f[f"{key}_rule"] if any(rule in breaks for rule in unless) else f[key]

    if group is not None:
        length = f["length"].format(minutes=group.schedule.duration_minutes,
                                    **{"break": _break_text(group, t, language)})
    else:
        length = f["length"].format(minutes=120, **{"break": t["common"]["midway_break"]})
    items = [
        {"title": f["size_title"], "text": f["size"]},
        {"title": f["closed_title"], "text": f["closed"]}
        if group is None or group.closed
        else {"title": f["open_title"], "text": f["open"]},
        {"title": f["leaderless_title"], "text": text("leaderless", ("leaderless",))},
        {"title": f["length_title"], "text": length},
        {"title": f["interval_title"], "text": f["interval"]},
        {"title": f["age_title"], "text": text("age", ("adult", "age-unknown"))},
        {"title": f["confidentiality_title"], "text": f["confidentiality"]},
        {"title": f["notice_title"], "text": f["notice"]},
        {"title": f["leaving_title"], "text": f["leaving"]},
        {"title": f["fee_title"], "text": f["fee"].format(fee=kroner(group.fee_nok, language))}
        if group is not None and group.fee_nok
        else {"title": f["free_title"], "text": text("free", ("free-of-charge",))},
        {"title": f["sober_title"], "text": f["sober"]},
    ]
    if group is None or group.mode != "digital":  # no advice about coffee for a meeting on a screen
        items.append({"title": f["food_title"], "text": f["food"]})
    decisions = []
    if group is not None:
        for decision in group.decisions:
            if decision.rule in f["agreed"] and decision.date <= today:
                agreed = f["agreed"][decision.rule].format(minutes=group.schedule.duration_minutes,
                                                          rhythm=rhythm(group, t, language))
                decisions.append(f["decision"].format(date=long_date(decision.date, language), agreed=agreed))
    context |= {
        "theme": group.theme if group else None,
        "schedule": _schedule_block(group, t, language, today) if group else None,
        "sections": items,
        "decisions": decisions,
    }
    return Document("framework", f["title"], stem("framework", group, language), private=False, context=context)


def first_meeting(group: Group | None, language: str, today: date) -> Document:
    t = texts(language)
    m = t["first_meeting"]
    start = datetime.combine(group.schedule.first_meeting, group.schedule.start) if group else datetime(2000, 1, 1, 18)
    minutes = group.schedule.duration_minutes if group else 120
    # Rough shares of a first meeting before the break; the open floor gets the
    # rest. The break is where the calendar puts it.
    window = first_break(group) if group else (start + timedelta(minutes=50), start + timedelta(minutes=65))
    break_at = window[0] if window else start + timedelta(minutes=minutes // 2)
    until_break = int((break_at - start).total_seconds() // 60)
    marks = [
        (start, "welcome"), (start + timedelta(minutes=5), "presentation"),
        (start + timedelta(minutes=_five(until_break * 0.4)), "expectations"),
        (start + timedelta(minutes=_five(until_break * 0.65)), "framework"),
        (start + timedelta(minutes=_five(until_break * 0.85)), "declaration"),
    ]
    if window:
        marks.append((window[0], "break"))
    marks += [(window[1] if window else start + timedelta(minutes=until_break), "open"),
              (start + timedelta(minutes=minutes - 15), "closing")]
    digital_group = bool(group and group.mode == "digital")
    # Without a group file the times are left to write in: no group's clock is assumed.
    agenda = [{"time": clock_text(clock(moment, language) if group else "______", language),
               "write_in": group is None,
               "text": m["agenda"]["declaration_digital" if key == "declaration" and digital_group else key]}
              for moment, key in marks]
    after = [(m["after_starter_one"] if s.meetings == 1 else m["after_starter"]).format(
        name=s.name, n=number(s.meetings, language)) for s in group.starters if s.meetings] if group else []
    to_do = list(m["before_online" if digital_group else "before"])
    offices = offices_named(group)
    if offices:
        from selvhjelp_cli.core.words import join

        office = join((t["common"]["office"].format(office=o.office, reach=o.phone or o.email or o.web)
                       for o in offices), style="or",
                      locale=BABEL_LOCALE[language])
        to_do.append(m["before_office"].format(office=unbreakable(office)))
    else:
        to_do.append(m["before_office_general"])
    context = base(group, language, m["title"]) | {
        "agenda": agenda,
        "after_starters": after or [m["after_general"]],
        "before": to_do,
        "digital": digital_group,
        "first_date": long_date(group.schedule.first_meeting, language) if group else None,
    }
    return Document("first_meeting", m["title"], stem("first-meeting", group, language), private=False,
                    context=context)


def _five(minutes: float) -> int:
    return int(minutes) - int(minutes) % 5


def principles(group: Group | None, language: str, today: date) -> Document:
    title = texts(language)["principles"]["title"]
    return Document("principles", title, stem("principles", group, language), private=False,
                    context=base(group, language, title))


def digital(group: Group | None, language: str, today: date) -> Document:
    title = texts(language)["digital"]["title"]
    platform = group.online.platform if group and group.online else None
    return Document("digital", title, stem("digital", group, language), private=False,
                    context=base(group, language, title) | {"platform": platform})


def registration(group: Group | None, language: str, today: date) -> Document:
    title = texts(language)["registration"]["title"]
    return Document("registration", title, stem("registration", group, language), private=False,
                    context=base(group, language, title) | {"rows": 8}, landscape=True)


def attendance(group: Group | None, language: str, today: date) -> Document:
    from selvhjelp_cli.calendar.meetings import holiday_label, listing

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
    people = list(participant_names(group, today))
    # Empty rows for someone not yet in the file; the PDF keeps only those that fit the page.
    blank_rows = max(2, 8 - len(people))
    return Document("attendance", title, stem("attendance", group, language), private=True,
                    context=base(group, language, title) | {"people": people, "blank_rows": blank_rows,
                                                              "date_chunks": chunks},
                    landscape=True)


# Dates in an attendance list's column heads: without and with the year.
# English writes the month's name, so 7/1 is never read as July.
_SHORT_DATE = {"nb": ("EEE d.M.", "EEE d.M.y"), "nn": ("EEE d.M.", "EEE d.M.y"), "en": ("EEE d MMM", "EEE d MMM y")}


from selvhjelp_cli.documents.poster import poster  # noqa: E402 - the poster builds on what is above

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


# Each document by name, as both doors name it to people.
KIND_NAMES = {
    "declaration": N_("Taushetserklæring, én side per deltaker"),
    "declaration-sheet": N_("Taushetserklæring, én liste for alle"),
    "framework": N_("Rammene for gruppa"),
    "principles": N_("Prinsippene"),
    "first-meeting": N_("Plan for de første møtene"),
    "digital": N_("Råd for digitale møter"),
    "registration": N_("Registreringsskjema"),
    "attendance": N_("Oppmøteliste"),
    "poster": N_("Plakat"),
}
# What makes no sense once a group has stopped meeting: no one signs, registers, attends or is recruited.
_NOT_AFTER_THE_END = ("declaration", "declaration-sheet", "first-meeting", "registration", "attendance", "poster")


def refuse_after_the_end(kind: str, group: Group | None, today: date) -> None:
    """One clear message for a document an ended group has no use for, instead of an empty or untrue one."""
    if group is not None and group.ended is not None and group.ended <= today and kind in _NOT_AFTER_THE_END:
        from selvhjelp_cli.core.dates import long_date

        raise UserError(_("Gruppa sluttet å møtes {day}, så «{document}» gir ingen mening for den lenger. "
                          "Rammene og prinsippene kan fortsatt skrives ut.").format(
            day=long_date(group.ended), document=_(KIND_NAMES[kind])))


def kinds_for(group: Group, today: date) -> list[str]:
    """The documents that fit the group as it is now (the app offers these), in KIND_NAMES order."""
    ended = group.ended is not None and group.ended <= today

    def fits(kind: str) -> bool:
        if ended and kind in _NOT_AFTER_THE_END:
            return False
        if kind == "declaration":
            return bool(group.active_participants(today))
        return kind != "digital" or group.mode == "digital"

    return [kind for kind in KIND_NAMES if fits(kind)]


def handout(kind: str, group: Group | None, language: str, today: date) -> Document:
    refuse_after_the_end(kind, group, today)
    document = BUILDERS[kind](group, language, today)
    document.notes += requirement_notes(firing(group, today))
    return document


# The handout names an error lists, in the reader's language (all are accepted in any).
HANDOUT_NAMES_SHOWN = {
    "nb": ("rammer", "prinsipper", "første-møte", "digital", "registrering", "oppmøteliste", "plakat"),
    "nn": ("rammer", "prinsipp", "første-møte", "digital", "registrering", "oppmøteliste", "plakat"),
    "en": ("framework", "principles", "first-meeting", "digital", "registration", "attendance", "poster"),
}


def handout_kind(value: str) -> str:
    """The handout a word names («plakat», «poster», «rammer» …); UserError with the choices otherwise."""
    found = HANDOUT_WORDS.get(value.strip().casefold())
    if found is None:
        import difflib

        from selvhjelp_cli.core.errors import did_you_mean
        from selvhjelp_cli.core.i18n import current
        from selvhjelp_cli.core.words import join

        close = difflib.get_close_matches(value.strip().casefold(), list(HANDOUT_WORDS), n=1, cutoff=0.6)
        shown = HANDOUT_NAMES_SHOWN.get(current(), HANDOUT_NAMES_SHOWN["nb"])
        raise UserError(_("Det finnes ikke noe utdelingsark som heter «{value}». Velg blant {choices}.{suggestion}")
                        .format(value=value, choices=join(shown, style="or"), suggestion=did_you_mean(close)))
    return found


DOCUMENT_KINDS = ("declaration", "declaration-sheet", *HANDOUTS)
DOCUMENT_FORMATS = ("pdf", "html", "md")
# How many blank declarations one request may ask for (--blank N, the app's ?blank=N).
BLANK_COPIES = (1, 200)


def document(kind: str, group: Group | None, language: str, today: date, *, blank: int | None = None) -> Document:
    """A document by the name both doors use: a handout kind, «declaration» (one page
    per participant, or `blank` forms without names) or «declaration-sheet»."""
    if kind == "declaration":
        return declaration(group, language, today, blank=blank)
    if kind == "declaration-sheet":
        return declaration(group, language, today, sheet=True)
    return handout(kind, group, language, today)


