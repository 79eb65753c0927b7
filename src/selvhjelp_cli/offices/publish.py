"""The public list of groups that take new participants, for a web page or a feed.

JSON in the Code4Recovery Meeting Guide format (the open format meeting
lists are shared in), and a self-contained HTML page. Only what a poster
shows goes in: the group's name, theme, when and where it meets, the
starter's contact and the office. Never a participant, a decision, a note –
and never a video meeting's link, which would let anyone into the room: a
digital group is listed as online, to be contacted first.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING

from selvhjelp_cli.core.i18n import _

if TYPE_CHECKING:
    from selvhjelp_cli.groupfile.model import Group
    from selvhjelp_cli.places.contacts import Directory
    from selvhjelp_cli.rules.checker import CheckRun

TIMEZONE = "Europe/Oslo"


@dataclass(frozen=True)
class Listing:
    group: Group
    path: str
    starts: date | None  # the first meeting, if it lies ahead
    next_day: date
    region: str | None
    county: str | None  # the county's name today
    office: dict | None  # the office or head office, as Meeting Guide entity fields
    updated: datetime


@dataclass
class Selection:
    listings: list[Listing]
    left_out: dict[str, int]  # reason -> number of files


def select(run: CheckRun, directory: Directory) -> Selection:
    """The groups open to new participants: not ended, either not started yet or not closed, and
    keeping every requirement of the framework."""
    import os

    from selvhjelp_cli.offices.overview import row

    listings: list[Listing] = []
    left_out = {"invalid": 0, "ended": 0, "closed": 0, "no_meetings": 0, "requirement": 0}
    for result in run.files:
        overview = row(result, run.today, directory)
        if overview.status in ("invalid", "ended"):
            left_out[overview.status] += 1
            continue
        group = result.group
        if overview.status != "planned" and group.closed:
            left_out["closed"] += 1
            continue
        if overview.next_meeting is None:
            left_out["no_meetings"] += 1
            continue
        if any(f.severity == "error" and not f.acknowledged for f in result.findings):
            # A public page recruits: never to a group with a minor, a leader,
            # a fee or an unsigned declaration (every error is a requirement).
            left_out["requirement"] += 1
            continue
        try:
            stamp = datetime.fromtimestamp(os.stat(result.path).st_mtime, tz=UTC)
        except OSError:
            stamp = datetime.now(tz=UTC)
        listings.append(Listing(
            group=group, path=result.path,
            starts=group.schedule.first_meeting if group.schedule.first_meeting >= run.today else None,
            next_day=overview.next_meeting, region=group.municipality or overview.county, county=overview.county,
            office=_entity(directory, overview.office), updated=stamp.replace(microsecond=0)))
    return Selection(listings, {k: v for k, v in left_out.items() if v})


def region_label(listing: Listing) -> str:
    """What the region beside a group is: an online group meets nowhere, it only belongs somewhere."""
    if listing.group.mode == "digital":
        return _("Hører til")
    return _("Kommune") if listing.group.municipality else _("Fylke")


def _entity(directory: Directory, office_id: str | None) -> dict:
    """The office as Meeting Guide's entity; the head office when the list is the closed 2019 one."""
    contact = directory.contact(office_id) if office_id and not directory.builtin else None
    if contact is None:
        head = directory.head_office
        return {"entity": head.name, "entity_email": head.email, "entity_url": _url(head.web),
                "entity_phone": head.phone}
    return {"entity": contact.office, "entity_email": contact.email, "entity_url": _url(contact.web),
            "entity_phone": contact.phone}


def _url(web: str | None) -> str | None:
    if not web:
        return None
    return web if web.startswith(("http://", "https://")) else f"https://{web}"


def slugs(listings: list[Listing]) -> list[str]:
    from selvhjelp_cli.core.files import slug

    seen: dict[str, int] = {}
    result = []
    for listing in listings:
        base = slug(listing.group.name)
        seen[base] = seen.get(base, 0) + 1
        result.append(base if seen[base] == 1 else f"{base}-{seen[base]}")
    return result


def _contact(listing: Listing) -> dict:
    for starter in listing.group.starters:
        if starter.contact:
            key = "contact_1_email" if "@" in starter.contact else "contact_1_phone"
            return {"contact_1_name": starter.name, key: starter.contact}
    return {}


def in_feed(listing: Listing) -> bool:
    """Whether the Meeting Guide JSON lists it. A client shows an online meeting
    only with the link to its room, and that link is never published (anyone
    could walk in): it would list a digital group as inactive. Such groups stay
    on the HTML page."""
    return listing.group.mode != "digital"


def published_contacts(selection: Selection, output_format: str) -> tuple[int, int]:
    """How many starters' phone numbers and e-mail addresses the output makes public."""
    listed = [listing for listing in selection.listings if output_format != "json" or in_feed(listing)]
    found = [_contact(listing) for listing in listed]
    return sum("contact_1_phone" in c for c in found), sum("contact_1_email" in c for c in found)


def rhythm(listing: Listing) -> str | None:
    from selvhjelp_cli.core.words import every_weeks

    every = listing.group.schedule.every_weeks
    return None if every == 1 else every_weeks(every)


def promises() -> str:
    """What the framework promises; only groups that keep it are listed (select)."""
    return _("Gratis, uten leder, med taushetsplikt.")


def _notes(listing: Listing) -> str:
    from selvhjelp_cli.core.dates import plain_date

    parts = []
    if listing.group.theme:
        parts.append(_("Tema: {theme}.").format(theme=listing.group.theme))
    if listing.starts:
        parts.append(_("Første møte {starts}.").format(starts=plain_date(listing.starts)))
    if every := rhythm(listing):
        parts.append(_("Møtes {every}.").format(every=every))
    parts.append(promises())
    parts.append(_("Ta kontakt før du kommer."))  # the web page says it once, above the groups
    return " ".join(parts)


def _address(listing: Listing) -> tuple[str, str]:
    """(formatted_address, approximate) as Meeting Guide clients read them.

    A client counts fewer than four comma parts as approximate unless told, and
    drops a meeting with no address at all: a known street address goes with its
    town and country and «approximate: no»; without one, the municipality, county
    and country, honestly marked approximate."""
    group = listing.group
    address = group.venue.address if group.venue and group.venue.address else None
    if address:
        parts = [address]
        if group.municipality and group.municipality.casefold() not in address.casefold():
            parts.append(group.municipality)
        return ", ".join([*parts, COUNTRY]), "no"
    return ", ".join(p for p in (group.municipality, listing.county, COUNTRY) if p), "yes"


COUNTRY = "Norway"


def entry(listing: Listing, slug: str) -> dict:
    """One listing in the Meeting Guide format (a digital group's, too: the HTML page lists it)."""
    from selvhjelp_cli.calendar.meetings import typical

    group = listing.group
    meeting = typical(group)
    found = {
        "name": group.name,
        "slug": slug,
        "day": (listing.next_day.weekday() + 1) % 7,
        "time": meeting.start.strftime("%H:%M"),
        "end_time": meeting.end.strftime("%H:%M"),
        "timezone": TIMEZONE,
    }
    if group.mode == "digital":
        found["attendance_option"] = "online"
        found["conference_url_notes"] = (_("Møtes på {platform}. Lenken får du av "
                                           "igangsetteren.").format(platform=group.online.platform)
                                         if group.online else _("Lenken får du av igangsetteren."))
    else:
        found["attendance_option"] = "in_person"
        found["location"] = group.venue.name if group.venue else None
        found["formatted_address"], found["approximate"] = _address(listing)
    found["region"] = listing.region
    found["notes"] = _notes(listing)
    found |= _contact(listing)
    found |= {k: v for k, v in (listing.office or {}).items() if v}
    found["updated"] = listing.updated.strftime("%Y-%m-%d %H:%M:%S")
    return {k: v for k, v in found.items() if v is not None}


def meeting_guide(selection: Selection) -> list[dict]:
    """The listings in the Meeting Guide format, those `in_feed` only (the command says how many are not)."""
    return [entry(listing, slug) for listing, slug in zip(selection.listings, slugs(selection.listings), strict=True)
            if in_feed(listing)]


def to_json(selection: Selection) -> str:
    import json

    return json.dumps(meeting_guide(selection), ensure_ascii=False, indent=2) + "\n"


def to_html(selection: Selection, today: date, directory: Directory) -> str:
    from selvhjelp_cli.calendar.meetings import typical
    from selvhjelp_cli.core.dates import format_day, plain_date
    from selvhjelp_cli.documents.render import environment

    groups = []
    for listing, slug in zip(selection.listings, slugs(selection.listings), strict=True):
        found = entry(listing, slug)
        meeting = typical(listing.group)
        weekday = format_day(listing.next_day, "EEEE")
        when = _("{upper}{weekday}er kl. {start:%H.%M}–{end:%H.%M}").format(
            upper=weekday[0].upper(), weekday=weekday[1:], start=meeting.start, end=meeting.end
        )
        if every := rhythm(listing):
            when += f", {every}"
        if listing.starts:
            when += _(", fra {day}").format(day=plain_date(listing.starts))
        else:
            when += _(", neste møte {next_day}").format(next_day=plain_date(listing.next_day))
        where = (found.get("conference_url_notes") if listing.group.mode == "digital"
                 else ", ".join(p for p in (found.get("location"), listing.group.venue and listing.group.venue.address)
                                if p))
        contact = found.get("contact_1_phone") or found.get("contact_1_email")
        groups.append({"entry": found, "theme": listing.group.theme, "when": when, "where": where,
                       "facts": promises(),
                       "contact": contact, "digital": listing.group.mode == "digital",
                       "region_label": region_label(listing)})
    template = environment("html").get_template("publish.html.j2")
    from selvhjelp_cli.core.i18n import current

    return template.render(groups=groups, today=plain_date(today), directory=directory, lang=current())
