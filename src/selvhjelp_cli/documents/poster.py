"""The recruitment poster: what, when, where and whom to ask, true on the day it is
printed, and never anything about participants."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from selvhjelp_cli.core.dates import format_day, long_date
from selvhjelp_cli.core.i18n import _
from selvhjelp_cli.core.words import kroner
from selvhjelp_cli.documents.document import (
    Document,
    base,
    firing,
    offices_named,
    rhythm,
    stem,
    texts,
    time_span,
    unbreakable,
)

if TYPE_CHECKING:
    from selvhjelp_cli.groupfile.model import Group


def poster(group: Group | None, language: str, today: date) -> Document:
    """A recruitment poster that says what is true on the day it is printed: never
    anything about participants."""
    from selvhjelp_cli.calendar.meetings import typical

    t = texts(language)
    p = t["poster"]
    breaks = firing(group, today)
    context = base(group, language, p["headline"])
    headline, contact_title = p["headline"], p["contact_title"]
    when = where = theme_line = status = None
    contacts: list[tuple[str, str]] = []
    notes: list[str] = []
    if group is not None:
        first = typical(group)
        hours = time_span(first.start, first.end, language)
        started = today > group.schedule.first_meeting
        ended_on = group.ended if group.ended is not None and group.ended <= today else None
        if ended_on is not None:
            headline, contact_title = p["headline_running"], p["contact_title_more"]
            status = unbreakable(p["status_ended"].format(date=long_date(ended_on, language)))
        elif started:
            # Nothing new starts: say when the group meets now, never "from" a date gone by.
            headline = p["headline_running"]
            when = unbreakable(p["when_started"].format(rhythm=rhythm(group, t, language), time=hours))
            status = p["status_closed"] if group.closed else p["status_open"]
            if group.closed:
                contact_title = p["contact_title_more"]
                notes.append(_("Merk: Gruppa har startet og er lukket, så plakaten sier at den ikke tar inn nye "
                             "deltakere nå. Har gruppa bestemt å ta inn nye, skriv «closed: false» i gruppefilen "
                             "før du skriver ut plakaten."))
        else:
            when = unbreakable(p["when"].format(rhythm=rhythm(group, t, language), time=hours,
                                               date=format_day(group.schedule.first_meeting,
                                                               _DAY_MONTH_YEAR[language], language)))
        if ended_on is None:
            where = unbreakable(p["where"].format(place=group.place(t["common"]["digital_place"])))
        theme_line = p["theme_line"].format(theme=group.theme) if group.theme else None
        contacts = [(starter.name, _poster_contact(starter.contact)) for starter in group.starters if starter.contact]
        contacts += [(p["contact_office"].format(office=o.office), _poster_contact(o.phone or o.email or o.web))
                     for o in offices_named(group)[:1]]
    untrue = {"free": "free-of-charge", "leaderless": "leaderless"}
    facts = [text for key, text in p["facts"].items() if untrue.get(key) not in breaks]
    if group is not None and group.fee_nok:
        facts.insert(0, p["fee"].format(fee=kroner(group.fee_nok, language)))
    # A strip to tear off carries the group's name and the contact that fits it
    # best: a phone number before a long e-mail address.
    strip_contact = min((how for _who, how in contacts), key=lambda how: ("@" in how, len(how)), default=None)
    strip = [group.name, strip_contact] if group is not None else []
    context |= {"headline": headline, "theme": group.theme if group else None, "theme_line": theme_line,
                "when": when, "where": where, "status": status, "contact_title": contact_title,
                "contacts": contacts, "facts": facts, "strip": strip}
    return Document("poster", p["headline"], stem("poster", group, language), private=False, context=context,
                    page_numbers=False, notes=notes)


def _poster_contact(how: str) -> str:
    # An e-mail address goes as it is: the PDF keeps it whole and splits it only
    # at its @, so a copied address is the address.
    return how if "@" in how else unbreakable(how)


_DAY_MONTH_YEAR = {"nb": "d. MMMM y", "nn": "d. MMMM y", "en": "d MMMM y"}


