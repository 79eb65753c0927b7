"""What the app's pages say about a group and about the open groups: plain data for the templates.

The same words the CLI prints (participant list, calendar, check, rules)
wherever the CLI has them, so that both doors tell the same story.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from selvhjelp_cli.core.i18n import N_, _, ngettext, translate

_MODE = {"physical": N_("Fysisk"), "digital": N_("Digital")}
_SEVERITY = {"error": N_("Feil"), "warning": N_("Advarsel"), "info": N_("Til informasjon")}


def _plan(group, today: date) -> list[tuple[str, str]]:
    """The plan in words, as label and text."""
    from selvhjelp_cli.calendar.meetings import status, typical
    from selvhjelp_cli.core.dates import clock, format_day, long_date
    from selvhjelp_cli.core.words import every_weeks
    from selvhjelp_cli.places.directory import active_directory
    from selvhjelp_cli.places.resolver import office_sentence, offices_for_group

    schedule = group.schedule
    meeting = typical(group)
    weekday = format_day(schedule.first_meeting, "EEEE")
    often = _("hver uke") if schedule.every_weeks == 1 else every_weeks(schedule.every_weeks)
    lines = [
        (_("Status"), translate(_STATUS[status(group, today)])),
        (_("Første møte"), long_date(schedule.first_meeting)),
        (_("Møtes"), _("{often}, {weekday} kl. {start}–{end}").format(
            often=often, weekday=weekday, start=clock(meeting.start), end=clock(meeting.end))),
        (_("Pause"), ngettext("{count} minutt", "{count} minutter", schedule.break_minutes).format(
            count=schedule.break_minutes) if schedule.break_minutes else _("Ingen pause")),
    ]
    if group.theme:
        lines.insert(0, (_("Tema"), group.theme))
    if group.mode == "digital":
        lines.append((_("Sted"), _("Digitalt, med {platform}").format(
            platform=group.online.platform if group.online else "")))
    else:
        lines.append((_("Sted"), group.place("")))
    lines.append((_("Fylke og kommune"), ", ".join(p for p in (group.county, group.municipality) if p)))
    directory = active_directory()
    lines.append((_("Kontaktpunkt"), office_sentence(directory, offices_for_group(directory, group.county,
                                                                                    group.municipality))))
    if group.starters:
        lines.append((_("Igangsetter"), ", ".join(s.name for s in group.starters)))
    lines.append((_("Lukket gruppe"), _("Ja, etter oppstart") if group.closed else _("Nei, nye kan begynne")))
    if group.fee_nok:
        lines.append((_("Egenandel"), ngettext("{count} krone", "{count} kroner", group.fee_nok).format(
            count=group.fee_nok)))
    if group.ended:
        lines.append((_("Avsluttet"), long_date(group.ended)))
    return lines


_STATUS = {"planned": N_("Planlagt, ikke startet ennå"), "running": N_("I gang"), "paused": N_("Har pause nå"),
           "ended": N_("Avsluttet")}


def _findings(result) -> list[dict[str, Any]]:
    from selvhjelp_cli.rules import get_rule, is_requirement

    shown = []
    for finding in result.findings:
        rule = get_rule(finding.rule)
        explanation = " ".join(translate(rule.EXPLANATION).split()) if rule is not None else None
        decidable = (finding.severity == "warning" and rule is not None and not is_requirement(rule)
                     and not finding.acknowledged)
        shown.append({"rule": finding.rule, "severity": translate(_SEVERITY[finding.severity]),
                      "level": finding.severity, "message": finding.message, "line": finding.line,
                      "acknowledged": finding.acknowledged, "summary": translate(rule.SUMMARY) if rule else None,
                      "explanation": explanation, "decidable": decidable})
    return shown


def _participants(group, today: date) -> list[dict[str, Any]]:
    from selvhjelp_cli.core.dates import short_date
    from selvhjelp_cli.groupfile.model import PARTICIPANT_STATES

    people = []
    for person in group.participants:
        people.append({"name": person.name, "status": translate(PARTICIPANT_STATES[group.participant_state(person, today)]),
                       "joined": short_date(group.joined_on(person)),
                       "signed": short_date(person.declaration_signed) if person.declaration_signed else None,
                       "left": short_date(person.left) if person.left else None,
                       "active": group.is_active(person, today)})
    return people


def _meetings(group, today: date) -> list[dict[str, Any]]:
    from selvhjelp_cli.calendar.meetings import holiday_label, listing
    from selvhjelp_cli.core.dates import clock, long_date

    meetings, _skipped = listing(group, today=today, count=12, include_cancelled=True)
    shown = []
    for meeting in meetings:
        notes = []
        if meeting.cancelled:
            notes.append((_("Pause") if meeting.paused else _("Avlyst")) + (f" ({meeting.reason})" if meeting.reason else ""))
        elif meeting.planned:
            notes.append(_("Flyttet fra {planned}").format(planned=long_date(meeting.planned)))
        if meeting.holiday:
            notes.append(holiday_label(meeting.holiday))
        shown.append({"day": long_date(meeting.day), "iso": meeting.series_day.isoformat(),
                      "time": f"{clock(meeting.start)}–{clock(meeting.end)}", "notes": "; ".join(notes),
                      "cancelled": meeting.cancelled, "number": meeting.number})
    return shown


def typed_date(day: date) -> str:
    """A date as a person would type it into a field (7.1.2027; 2027-01-07 in English, never misread)."""
    from selvhjelp_cli.core.i18n import current

    return day.isoformat() if current() == "en" else f"{day.day}.{day.month}.{day.year}"


def group_view(result, today: date, letterheads: list[str]) -> dict[str, Any]:
    """Everything the group page shows, for a valid group file."""
    from selvhjelp_cli.calendar.meetings import status
    from selvhjelp_cli.documents.contents import DOCUMENT_KINDS
    from selvhjelp_cli.documents.document import language_for

    group = result.loaded.group
    return {
        "name": group.name,
        "plan": _plan(group, today),
        "findings": _findings(result),
        "participants": _participants(group, today),
        "meetings": _meetings(group, today),
        "pauses": [(p.from_, p.to, p.reason) for p in group.schedule.pauses],
        "ended": group.ended is not None,
        "status": status(group, today),
        "today": typed_date(today),
        "document_kinds": DOCUMENT_KINDS,
        "document_language": language_for(group),
        "letterheads": letterheads,
        "mode": translate(_MODE[group.mode]),
    }


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
        groups.append({"name": group.name, "rhythm": ", ".join(filter(None, (listing.rhythm(item), when))), "place": group.place(_("digitalt")),
                       "region": item.region, "next": long_date(item.next_day), "promises": listing.promises()})
    left_out = [_LEFT_OUT[reason](count).format(count=count) for reason, count in selection.left_out.items()]
    digital = sum(not listing.in_feed(item) for item in selection.listings)
    if digital:
        left_out.append(ngettext(
            "Den digitale gruppa står bare på nettsiden. Fila for Meeting Guide-appen viser aldri lenker til "
            "møterom, så den er ikke med der.",
            "De {count} digitale gruppene står bare på nettsiden. Fila for Meeting Guide-appen viser aldri lenker "
            "til møterom, så de er ikke med der.", digital).format(count=digital))
    return {"groups": groups, "left_out": left_out}
