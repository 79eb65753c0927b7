"""The events of a group's life, as changes to its group file: decisions, cancelled,
moved and paused meetings, the end. What happens to participants is in participants.py.

Each function checks the event against the group as the file describes it and
raises UserError (nothing written) if it does not fit; otherwise it changes
the file through editor.GroupFile, which validates again before writing, and
returns one sentence saying what changed.
"""

from __future__ import annotations

import difflib
from datetime import date, time

from selvhjelp_cli.core.dates import short_date
from selvhjelp_cli.core.errors import UserError, did_you_mean
from selvhjelp_cli.core.i18n import _
from selvhjelp_cli.core.words import join
from selvhjelp_cli.editing.editor import GroupFile


def within_groups_time(group, day: date, what: str) -> None:
    if day < group.schedule.first_meeting:
        raise UserError(
            _("{what} ({day}) er før gruppas første møte ({first_meeting}).").format(
                what=what, day=short_date(day), first_meeting=short_date(group.schedule.first_meeting)
            )
        )
    if group.ended is not None and day > group.ended:
        raise UserError(_("{what} ({day}) er etter at gruppa ble avsluttet "
                          "({ended}).").format(what=what, day=short_date(day), ended=short_date(group.ended)))


def add_decision(file: GroupFile, rule_id: str, day: date, note: str | None) -> str:
    from selvhjelp_cli.rules import RULE_IDS, get_rule, is_requirement

    rule = get_rule(rule_id)
    if rule is None:
        close = difflib.get_close_matches(rule_id, RULE_IDS, n=1)
        raise UserError(_("Det finnes ingen regel som heter "
                          "«{rule_id}».{suggestion}").format(rule_id=rule_id, suggestion=did_you_mean(close)))
    if is_requirement(rule):
        raise UserError(_("«{rule_id}» er et krav i rammene og kan ikke velges bort.").format(rule_id=rule_id))
    if file.group.ended is not None and day > file.group.ended:
        raise UserError(_("Datoen for beslutningen ({day}) er etter at gruppa ble avsluttet "
                        "({ended}).").format(day=short_date(day), ended=short_date(file.group.ended)))
    file.append("decisions", entry=file.entry(rule=rule_id, date=day, note=note))
    if rule_id == "closed-group":
        return _("Gruppa bestemte {day} å ta inn nye deltakere.").format(day=short_date(day))
    return _("Registrerte gruppas beslutning fra {day} om anbefalingen «{rule_id}».").format(
        rule_id=rule_id, day=short_date(day))


def _meeting_days(group, around: date) -> str:
    from datetime import timedelta

    from selvhjelp_cli.calendar.meetings import plan

    near = plan(group, since=around - timedelta(weeks=3), until=around + timedelta(weeks=3))
    return join(short_date(m.day) for m in near) if near else _("ingen")


def _a_planned_meeting(group, day: date) -> None:
    schedule = group.schedule
    # A meeting moved only to another time is still this day's meeting.
    moved = next((m for m in schedule.moved if m.from_ == day and m.to != day), None)
    if moved is not None:
        raise UserError(_("Møtet {day} er alt flyttet til {to}.").format(day=short_date(day), to=short_date(moved.to)))
    if not schedule.is_planned(day) or any(p.from_ <= day <= p.to for p in schedule.pauses) or (
            group.ended is not None and day > group.ended):
        raise UserError(_("Gruppa har ikke møte {day}. Møter i nærheten: "
                          "{meeting_days}.").format(day=short_date(day), meeting_days=_meeting_days(group, day)))
    if any(c.date == day for c in schedule.cancelled):
        raise UserError(_("Møtet {day} er alt avlyst.").format(day=short_date(day)))


def _moved_here(group, day: date):
    """The moved meeting that now takes place on day, if any."""
    return next((m for m in group.schedule.moved if m.to == day and m.from_ != day), None)


def cancel(file: GroupFile, day: date, reason: str | None) -> str:
    group = file.group
    moved = _moved_here(group, day)
    if moved is not None:
        # A moved meeting is cancelled on its new day: the plan knows it by the day it was moved from.
        if any(c.date == moved.from_ for c in group.schedule.cancelled):
            raise UserError(_("Møtet {day} er alt avlyst.").format(day=short_date(day)))
        file.append("schedule", "cancelled", entry=file.entry(date=moved.from_, reason=reason))
        return _("Møtet {day} (flyttet fra {planned}) er avlyst.").format(day=short_date(day),
                                                                          planned=short_date(moved.from_))
    _a_planned_meeting(group, day)
    file.append("schedule", "cancelled", entry=file.entry(date=day, reason=reason))
    return _("Møtet {day} er avlyst.").format(day=short_date(day))


def move(file: GroupFile, day: date, new_day: date, start: time | None) -> str:
    group = file.group
    schedule = group.schedule
    _a_planned_meeting(group, day)
    if new_day == day and (start is None or start == schedule.start):
        raise UserError(_("Møtet {day} er allerede denne dagen og på dette klokkeslettet, så det er ingenting å "
                          "flytte.").format(
            day=short_date(day)))
    within_groups_time(group, new_day, _("Den nye datoen"))
    other = _moved_here(group, new_day)
    if other is not None:
        raise UserError(_("Møtet {planned} er alt flyttet til {new_day}. Velg en annen dag.").format(
            planned=short_date(other.from_), new_day=short_date(new_day)))
    if any(p.from_ <= new_day <= p.to for p in schedule.pauses):
        raise UserError(_("{new_day} er i en pause i møtene. Velg en annen dag.").format(new_day=short_date(new_day)))
    cancelled_there = any(c.date == new_day for c in schedule.cancelled)
    moved_away = any(m.from_ == new_day for m in schedule.moved)
    if new_day != day and schedule.is_planned(new_day) and not cancelled_there and not moved_away:
        raise UserError(_("Gruppa har alt møte {new_day}. Velg en annen dag.").format(new_day=short_date(new_day)))
    file.append("schedule", "moved", entry=file.entry(from_=day, to=new_day, start=start))
    from selvhjelp_cli.core.dates import clock

    at = _(" kl. {time}").format(time=clock(start)) if start else ""
    return _("Møtet {day} er flyttet til "
             "{new_day}{at}.").format(day=short_date(day), new_day=short_date(new_day), at=at)


def pause(file: GroupFile, first: date, last: date, reason: str | None) -> str:
    if last < first:
        raise UserError(_("Oppholdet slutter ({last}) før det begynner ({first}).").format(last=short_date(last),
                                                                                        first=short_date(first)))
    other = next((p for p in file.group.schedule.pauses if p.from_ <= last and first <= p.to), None)
    if other is not None:
        raise UserError(_("Gruppa har alt et opphold i møtene fra {first} til {last}. To opphold kan ikke gå over "
                          "hverandre; ta bort det første, eller velg andre "
                          "datoer.").format(first=short_date(other.from_),
                                                                             last=short_date(other.to)))
    file.append("schedule", "pauses", entry=file.entry(from_=first, to=last, reason=reason))
    return _("Ingen møter fra {first} til {last}.").format(first=short_date(first), last=short_date(last))


def restore(file: GroupFile, day: date) -> str:
    """Undo one exception to the plan: a cancelled meeting takes place again, a moved one goes back
    to its day in the plan, or the pause a day lies in is taken away (the day given is enough)."""
    group = file.group
    schedule = group.schedule
    moved_here = _moved_here(group, day)
    planned = moved_here.from_ if moved_here is not None else day
    cancelled = next((i for i, c in enumerate(schedule.cancelled) if c.date == planned), None)
    if cancelled is not None:
        file.remove(("schedule", "cancelled", cancelled))
        return _("Møtet {day} er ikke avlyst lenger.").format(day=short_date(day))
    moved = next((i for i, m in enumerate(schedule.moved) if day in (m.from_, m.to)), None)
    if moved is not None:
        item = schedule.moved[moved]
        taken = _moved_here(group, item.from_)
        if taken is not None and taken is not item:
            raise UserError(_("Møtet {other} er flyttet til {day}, så den dagen er ikke ledig. Flytt det møtet "
                              "først.").format(other=short_date(taken.from_), day=short_date(item.from_)))
        file.remove(("schedule", "moved", moved))
        from selvhjelp_cli.core.dates import clock

        return _("Møtet {moved} er flyttet tilbake til {day} kl. {time}.").format(
            moved=short_date(item.to), day=short_date(item.from_), time=clock(schedule.start))
    paused = next((i for i, p in enumerate(schedule.pauses) if p.from_ <= day <= p.to), None)
    if paused is not None:
        item = schedule.pauses[paused]
        file.remove(("schedule", "pauses", paused))
        return _("Oppholdet fra {first} til {last} er tatt bort, så møtene i det blir av likevel.").format(
            first=short_date(item.from_), last=short_date(item.to))
    raise UserError(_("{day} er ikke et avlyst eller flyttet møte og ligger ikke i et opphold i møtene, så det er "
                      "ingenting å angre.").format(day=short_date(day)))


def reopen(file: GroupFile) -> str:
    """The group meets again after all: the end date is taken away."""
    if file.group.ended is None:
        raise UserError(_("Gruppa er ikke avsluttet."))
    file.unset((), "ended")
    return _("Gruppa er ikke registrert som avsluttet lenger.")


def end(file: GroupFile, day: date) -> str:
    group = file.group
    if group.ended is not None:
        raise UserError(_("Gruppa har alt en sluttdato: {ended}.").format(ended=short_date(group.ended)))
    within_groups_time(group, day, _("Datoen gruppa avsluttes"))
    file.set((), "ended", day)
    return _("Gruppa er registrert som avsluttet {day}.").format(day=short_date(day))
