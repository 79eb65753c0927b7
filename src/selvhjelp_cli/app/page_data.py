"""What the app's pages say: plain data for the templates, in people's words.

The same facts the CLI prints, from the same rooms, but never a file key, a rule
id or a line number: the app is for people who never open the file.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from selvhjelp_cli.core.i18n import N_, _, ngettext, translate

_LEVEL = {"error": N_("Feil"), "warning": N_("Advarsel"), "info": N_("Til informasjon")}
_LEVEL_ORDER = {"error": 0, "warning": 1, "info": 2}
_STATE = {"planned": N_("Planlagt, ikke startet ennå"), "running": N_("I gang"),
          "paused": N_("Opphold i møtene nå"), "ended": N_("Avsluttet")}

# Several findings of one rule, told together («Seks deltakere skal skrive under …»).
_TOGETHER = {
    ("adult", "error"): lambda n: ngettext(
        "{count} deltaker er under 18 år ved sitt første møte: {names}. Alle deltakere må være voksne.",
        "{count} deltakere er under 18 år ved sitt første møte: {names}. Alle deltakere må være voksne.", n),
    ("age-unknown", "warning"): lambda n: ngettext(
        "For {count} deltaker står det ikke om hun eller han har fylt 18 år: {names}.",
        "For {count} deltakere står det ikke om de har fylt 18 år: {names}.", n),
    ("closed-group", "warning"): lambda n: ngettext(
        "{count} deltaker ble med etter oppstarten uten at gruppa har bestemt å ta inn nye: {names}.",
        "{count} deltakere ble med etter oppstarten uten at gruppa har bestemt å ta inn nye: {names}.", n),
    ("leaderless", "error"): lambda n: ngettext(
        "Rollen som er oppgitt for {names}, gjør en deltaker til leder. En selvorganisert gruppe er lederløs.",
        "Rollene som er oppgitt for {names}, gjør {count} deltakere til ledere. En selvorganisert gruppe er "
        "lederløs.", n),
    ("confidentiality", "error"): lambda n: ngettext(
        "{count} deltaker har vært på møte uten å ha skrevet under taushetserklæringen: {names}.",
        "{count} deltakere har vært på møte uten å ha skrevet under taushetserklæringen: {names}.", n),
    ("confidentiality", "info"): lambda n: ngettext(
        "{count} deltaker skal skrive under taushetserklæringen på sitt første møte: {names}.",
        "{count} deltakere skal skrive under taushetserklæringen på sitt første møte: {names}.", n),
    ("starter-meetings", "warning"): lambda n: ngettext(
        "{count} igangsetter er med på flere møter enn anbefalt: {names}.",
        "{count} igangsettere er med på flere møter enn anbefalt: {names}.", n),
}


def findings_view(findings) -> list[dict[str, Any]]:
    """The check as people read it: errors first, then warnings, then information, then what the group
    agreed; one line for several findings of one rule; the reason in words, never a key or a line."""
    from selvhjelp_cli.core.words import join
    from selvhjelp_cli.rules import get_rule, is_requirement

    groups: dict[tuple, list] = {}
    for finding in findings:
        key = (finding.rule, finding.severity, finding.acknowledged)
        groups.setdefault(key, []).append(finding)
    shown = []
    for (rule_id, severity, acknowledged), items in groups.items():
        rule = get_rule(rule_id)
        together = _TOGETHER.get((rule_id, severity)) if not acknowledged else None
        if len(items) > 1 and together is not None and all(f.who for f in items):
            texts = [together(len(items)).format(count=len(items), names=join(f.who for f in items))]
        else:
            texts = [f.for_people for f in items]
        for text in texts:
            shown.append({
                "level": severity, "acknowledged": acknowledged, "text": text,
                "label": _("Avtalt i gruppa") if acknowledged else translate(_LEVEL[severity]),
                "rule": rule_id, "title": translate(rule.TITLE) if rule else None,
                "why": translate(rule.WHY) if rule else None,
                "requirement": rule is not None and is_requirement(rule),
                "decidable": (severity == "warning" and rule is not None and not is_requirement(rule)
                              and not acknowledged and all(f.decidable for f in items)),
                "order": (1 if acknowledged else 0, _LEVEL_ORDER[severity]),
            })
    shown.sort(key=lambda item: item["order"])
    return shown


def plan_view(group, today: date, directory) -> list[tuple[str, str]]:
    """The plan in words, as label and text."""
    from selvhjelp_cli.calendar.meetings import status, typical
    from selvhjelp_cli.core.dates import clock, long_date
    from selvhjelp_cli.core.i18n import current
    from selvhjelp_cli.documents.document import rhythm, texts
    from selvhjelp_cli.places.resolver import office_sentence, offices_for_group

    schedule = group.schedule
    meeting = typical(group)
    language = current()
    state = status(group, today)
    lines = []
    if group.theme:
        lines.append((_("Tema"), group.theme))
    lines.append((_("Status"), translate(_STATE[state])))
    lines.append((_("Første møte"), long_date(schedule.first_meeting)))
    if state != "ended":
        lines.append((_("Møtes"), _("{rhythm}, kl. {start}–{end}").format(
            rhythm=rhythm(group, texts(language), language), start=clock(meeting.start), end=clock(meeting.end))))
    lines.append((_("Pause i møtet"), ngettext("{count} minutt", "{count} minutter", schedule.break_minutes).format(
        count=schedule.break_minutes) if schedule.break_minutes else _("Ingen pause")))
    if group.mode == "digital":
        lines.append((_("Sted"), _("Digitalt, med {platform}").format(
            platform=group.online.platform if group.online else "")))
    else:
        lines.append((_("Sted"), group.place("")))
    lines.append((_("Fylke og kommune"), ", ".join(p for p in (group.county, group.municipality) if p)))
    offices = offices_for_group(directory, group.county, group.municipality)
    lines.append((_("Kontaktpunkt"), office_sentence(directory, offices, place=group.municipality or group.county)))
    if group.starters:
        lines.append((_("Igangsetter"), ", ".join(s.name for s in group.starters)))
    lines.append((_("Lukket gruppe"), _("Ja, etter oppstart") if group.closed else _("Nei, nye kan begynne")))
    if group.fee_nok:
        from selvhjelp_cli.core.words import kroner

        lines.append((_("Egenandel"), kroner(group.fee_nok)))
    if group.ended:
        lines.append((_("Sluttet å møtes") if group.ended <= today else _("Sluttdato"), long_date(group.ended)))
    return lines


def exceptions_view(group) -> list[dict[str, Any]]:
    """What the group changed in its plan – pauses, cancelled and moved meetings – each with the day that
    brings it back (meeting restore)."""
    from selvhjelp_cli.core.dates import clock, long_date

    schedule = group.schedule
    found = []
    for pause in sorted(schedule.pauses, key=lambda p: p.from_):
        found.append({"sort": pause.from_, "text": _("Opphold i møtene fra {first} til {last}").format(
            first=long_date(pause.from_), last=long_date(pause.to)), "reason": pause.reason,
            "day": pause.from_.isoformat(), "undo": _("Ta bort oppholdet")})
    for item in schedule.cancelled:
        moved = next((m for m in schedule.moved if m.from_ == item.date), None)
        day = moved.to if moved else item.date
        found.append({"sort": day, "text": _("Avlyst: {day}").format(day=long_date(day)), "reason": item.reason,
                      "day": day.isoformat(), "undo": _("Angre avlysningen")})
    for item in schedule.moved:
        at = _(" kl. {time}").format(time=clock(item.start)) if item.start else ""
        found.append({"sort": item.to, "text": _("Flyttet fra {planned} til {day}{at}").format(
            planned=long_date(item.from_), day=long_date(item.to), at=at), "reason": None,
            "day": item.from_.isoformat(), "undo": _("Flytt tilbake")})
    found.sort(key=lambda item: item["sort"])
    return found


def participants_view(group, today: date) -> list[dict[str, Any]]:
    from selvhjelp_cli.core.dates import short_date
    from selvhjelp_cli.groupfile.model import PARTICIPANT_STATES

    people = []
    for index, person in enumerate(group.participants):
        age = (str(person.born) if isinstance(person.born, int) else short_date(person.born)) if person.born else (
            _("fylt 18 år") if person.adult else "")
        people.append({"index": index, "name": person.name,
                       "status": translate(PARTICIPANT_STATES[group.participant_state(person, today)]),
                       "age": age, "joined": short_date(group.joined_on(person)),
                       "signed": short_date(person.declaration_signed) if person.declaration_signed else None,
                       "left": short_date(person.left) if person.left else None,
                       "active": group.is_active(person, today), "person": person})
    return people


def meetings_view(meetings) -> list[dict[str, Any]]:
    from selvhjelp_cli.calendar.meetings import holiday_label
    from selvhjelp_cli.core.dates import clock, long_date

    shown = []
    for meeting in meetings:
        notes = []
        if meeting.cancelled:
            said = _("Opphold i møtene") if meeting.paused else _("Avlyst")
            notes.append(said + (f" ({meeting.reason})" if meeting.reason else ""))
        elif meeting.planned:
            notes.append(_("Flyttet fra {planned}").format(planned=long_date(meeting.planned)))
        if meeting.holiday:
            notes.append(holiday_label(meeting.holiday))
        shown.append({"day": long_date(meeting.day), "iso": meeting.series_day.isoformat(),
                      "time": f"{clock(meeting.start)}–{clock(meeting.end)}", "notes": "; ".join(notes),
                      "cancelled": meeting.cancelled, "paused": meeting.paused, "moved": bool(meeting.planned),
                      "number": meeting.number, "shown_day": meeting.day.isoformat()})
    return shown


def history_view(path: str) -> dict[str, Any]:
    from selvhjelp_cli.core.dates import clock, short_date
    from selvhjelp_cli.editing import history

    found = history.entries(path)
    undoable = history.last(path) is not None
    return {"entries": [{"when": f"{short_date(e.at.date())} {clock(e.at.time())}", "said": e.said}
                        for e in reversed(found)],
            "undoable": undoable, "last": found[-1].said if found and undoable else None}


def typed_date(day: date) -> str:
    """A date as the browser's date field takes it."""
    return day.isoformat()


# Why groups are not on the public list, in the app's words (the page to look at, never a command).
_LEFT_OUT = {
    "closed": lambda n: ngettext("Ikke med: {count} gruppe som har startet og er lukket.",
                                 "Ikke med: {count} grupper som har startet og er lukket.", n),
    "ended": lambda n: ngettext("Ikke med: {count} gruppe som er avsluttet.",
                                "Ikke med: {count} grupper som er avsluttet.", n),
    "invalid": lambda n: ngettext("Ikke med: {count} gruppe med en gruppefil som ikke kan leses (se listen over "
                                  "gruppene).",
                                  "Ikke med: {count} grupper med en gruppefil som ikke kan leses (se listen over "
                                  "gruppene).", n),
    "requirement": lambda n: ngettext(
        "Ikke med: {count} gruppe som bryter et krav i rammene (se «Sjekk mot rammene» på gruppesiden).",
        "Ikke med: {count} grupper som bryter et krav i rammene (se «Sjekk mot rammene» på gruppesidene).", n),
    "no_meetings": lambda n: ngettext("Ikke med: {count} gruppe som ikke har flere møter i planen.",
                                      "Ikke med: {count} grupper som ikke har flere møter i planen.", n),
}


def publish_view(selection) -> dict[str, Any]:
    """The open groups as the publish page lists them, and why others are not there."""
    from selvhjelp_cli.calendar.meetings import typical
    from selvhjelp_cli.core.dates import clock, format_day, long_date
    from selvhjelp_cli.offices import publish as listing

    groups = []
    for item in selection.listings:
        group = item.group
        meeting = typical(group)
        when = _("{weekday} kl. {start}–{end}").format(weekday=format_day(item.next_day, "EEEE"),
                                                      start=clock(meeting.start), end=clock(meeting.end))
        groups.append({"name": group.name, "rhythm": ", ".join(filter(None, (listing.rhythm(item), when))),
                       "place": group.place(_("digitalt")),
                       "where": f"{listing.region_label(item)}: {item.region}" if item.region else "",
                       "online": group.mode == "digital", "next": long_date(item.next_day),
                       "promises": listing.promises()})
    left_out = [_LEFT_OUT[reason](count).format(count=count) for reason, count in selection.left_out.items()]
    digital = sum(not listing.in_feed(item) for item in selection.listings)
    if digital:
        left_out.append(ngettext(
            "Den digitale gruppa står bare på nettsiden. Filen for Meeting Guide-appen viser aldri lenker til "
            "møterom, så den er ikke med der.",
            "De {count} digitale gruppene står bare på nettsiden. Filen for Meeting Guide-appen viser aldri lenker "
            "til møterom, så de er ikke med der.", digital).format(count=digital))
    return {"groups": groups, "left_out": left_out}
