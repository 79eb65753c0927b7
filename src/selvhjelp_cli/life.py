"""The events of a group's life, as changes to its group file: participants who
join, sign and leave, decisions, cancelled, moved and paused meetings, the end.

Each function checks the event against the group as the file describes it and
raises UserError (nothing written) if it does not fit; otherwise it changes
the file through editor.GroupFile, which validates again before writing, and
returns one sentence saying what changed.
"""

from __future__ import annotations

import difflib
from datetime import date, time

from selvhjelp_cli.editor import GroupFile
from selvhjelp_cli.errors import UserError, did_you_mean
from selvhjelp_cli.findings import short_date
from selvhjelp_cli.i18n import _
from selvhjelp_cli.words import join


def find_participant(group, name: str) -> int:
    """The index of the participant `name` means: the same name in any case, or a unique start of one."""
    wanted = " ".join(name.split()).casefold()
    names = [p.name for p in group.participants]
    exact = [i for i, n in enumerate(names) if n.casefold() == wanted]
    if len(exact) == 1:
        return exact[0]
    starts = [i for i, n in enumerate(names) if n.casefold().startswith(wanted)] if wanted else []
    if len(starts) == 1:
        return starts[0]
    if len(exact) > 1 or len(starts) > 1:
        both = join((_("«{names}»").format(names=names[i]) for i in (exact or starts)))
        raise UserError(_("Flere deltakere passer: {both}. Skriv mer av navnet.").format(both=both))
    close = difflib.get_close_matches(name, names, n=3, cutoff=0.5)
    if not names:
        raise UserError(_("Gruppa har ingen deltakere ennå. Legg dem til med «selvhjelp participant add»."))
    raise UserError(_("Ingen deltaker heter «{name}».{suggestion}").format(name=name, suggestion=did_you_mean(close)))


def _in_groups_time(group, day: date, what: str) -> None:
    if day < group.schedule.first_meeting:
        raise UserError(_("{what} ({day}) er før gruppas første møte "
                        "({first_meeting}).").format(what=what, day=short_date(day), first_meeting=short_date(group.schedule.first_meeting)))
    if group.ended is not None and day > group.ended:
        raise UserError(_("{what} ({day}) er etter at gruppa ble avsluttet ({ended}).").format(what=what, day=short_date(day), ended=short_date(group.ended)))


def add_participant(file: GroupFile, name: str, *, born: int | date | None = None, adult: bool = False,
                    joined: date | None = None, signed: date | None = None, role: str | None = None) -> str:
    group = file.group
    name = " ".join(name.split())
    if any(p.name.casefold() == name.casefold() for p in group.participants):
        raise UserError(_("Det finnes alt en deltaker som heter «{name}». Bruk et annet navn, for eksempel med initial.").format(name=name))
    if born is not None and adult:
        raise UserError(_("Oppgi enten fødselsår eller --adult, ikke begge."))
    if joined is not None:
        _in_groups_time(group, joined, _("Datoen deltakeren begynner"))
    starts = joined or group.schedule.first_meeting
    if signed is not None and signed < starts:
        raise UserError(_("Taushetserklæringen kan ikke være skrevet under ({signed}) før deltakeren begynner "
                        "({starts}).").format(signed=short_date(signed), starts=short_date(starts)))
    file.append("participants", entry=file.entry(name=name, born=born, adult=True if adult else None, joined=joined,
                                                 declaration_signed=signed, role=role))
    file.save()
    return _("La til «{name}» i gruppa.").format(name=name)


def offered_join_day(group, today: date) -> date | None:
    """The first meeting offered to someone added now: today, once the group has started (else its first meeting)."""
    return today if today > group.schedule.first_meeting else None


def age_warning(group, name: str, born: int | date | None, adult: bool, joined: date | None, today: date) -> str | None:
    """What `check` would say at once about a new participant's age (rule adult), or None."""
    from types import SimpleNamespace

    from selvhjelp_cli.model import adult_on

    starts = joined or group.schedule.first_meeting
    if isinstance(born, int) and born > today.year or isinstance(born, date) and born > today:
        return _("Advarsel (adult): Fødselsåret for {name} er etter i dag. Sjekk det.").format(name=name)
    if adult_on(SimpleNamespace(born=born, adult=True if adult else None), starts) is False:
        return _("Advarsel (adult): {name} er under 18 år ved sitt første møte ({joined}). "
                 "Alle deltakere må være voksne.").format(name=name, joined=short_date(starts))
    return None


def sign(file: GroupFile, name: str, day: date) -> str:
    group = file.group
    index = find_participant(group, name)
    person = group.participants[index]
    if day < group.joined_on(person):
        raise UserError(_("{name} ble med {joined_on}, og underskriften kan ikke være eldre enn det.").format(name=person.name, joined_on=short_date(group.joined_on(person))))
    if person.left is not None and day > person.left:
        raise UserError(_("{name} sluttet {left} og kan ikke skrive under etter det.").format(
            name=person.name, left=short_date(person.left)))
    again = person.declaration_signed is not None
    file.set(("participants", index), "declaration_signed", day)
    file.save()
    if again:
        return _("{name} skrev under på nytt {day}.").format(name=person.name, day=short_date(day))
    return _("{name} skrev under {day}.").format(name=person.name, day=short_date(day))


def leave(file: GroupFile, name: str, day: date) -> str:
    group = file.group
    index = find_participant(group, name)
    person = group.participants[index]
    if person.left is not None:
        raise UserError(_("{name} sluttet alt {left}.").format(name=person.name, left=short_date(person.left)))
    if day < group.joined_on(person):
        raise UserError(_("{name} begynte {joined_on} og kan ikke slutte før det.").format(name=person.name, joined_on=short_date(group.joined_on(person))))
    file.set(("participants", index), "left", day)
    file.save()
    return _("{name} sluttet {day}.").format(name=person.name, day=short_date(day))


def remove_participant(file: GroupFile, name: str) -> str:
    """Someone added by mistake: gone from the file, as if never added (someone who stopped `leave`s)."""
    index = find_participant(file.group, name)
    person = file.group.participants[index]
    file.remove(("participants", index))
    file.save()
    return _("Fjernet «{name}» fra gruppefilen.").format(name=person.name)


def add_decision(file: GroupFile, rule_id: str, day: date, note: str | None) -> str:
    from selvhjelp_cli.rules import RULE_IDS, get_rule, is_requirement

    rule = get_rule(rule_id)
    if rule is None:
        close = difflib.get_close_matches(rule_id, RULE_IDS, n=1)
        raise UserError(_("Det finnes ingen regel som heter «{rule_id}».{suggestion}").format(rule_id=rule_id, suggestion=did_you_mean(close)))
    if is_requirement(rule):
        raise UserError(_("«{rule_id}» er et krav i rammene og kan ikke velges bort.").format(rule_id=rule_id))
    if file.group.ended is not None and day > file.group.ended:
        raise UserError(_("Datoen for beslutningen ({day}) er etter at gruppa ble avsluttet "
                        "({ended}).").format(day=short_date(day), ended=short_date(file.group.ended)))
    file.append("decisions", entry=file.entry(rule=rule_id, date=day, note=note))
    file.save()
    if rule_id == "closed-group":
        return _("Gruppa ble enige {day} om å ta inn nye deltakere.").format(day=short_date(day))
    return _("Registrerte gruppas beslutning fra {day} om anbefalingen «{rule_id}».").format(
        rule_id=rule_id, day=short_date(day))


def _meeting_days(group, around: date) -> str:
    from datetime import timedelta

    from selvhjelp_cli.meetings import plan

    near = plan(group, since=around - timedelta(weeks=3), until=around + timedelta(weeks=3))
    return join(short_date(m.day) for m in near) if near else _("ingen")


def _a_planned_meeting(group, day: date) -> None:
    schedule = group.schedule
    if any(m.from_ == day for m in schedule.moved):
        moved = next(m for m in schedule.moved if m.from_ == day)
        raise UserError(_("Møtet {day} er alt flyttet til {to}.").format(day=short_date(day), to=short_date(moved.to)))
    if not schedule.is_planned(day) or any(p.from_ <= day <= p.to for p in schedule.pauses) or (
            group.ended is not None and day > group.ended):
        raise UserError(_("Gruppa har ikke møte {day}. Møter i nærheten: {meeting_days}.").format(day=short_date(day), meeting_days=_meeting_days(group, day)))
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
        file.save()
        return _("Møtet {day} (flyttet fra {planned}) er avlyst.").format(day=short_date(day),
                                                                          planned=short_date(moved.from_))
    _a_planned_meeting(group, day)
    file.append("schedule", "cancelled", entry=file.entry(date=day, reason=reason))
    file.save()
    return _("Møtet {day} er avlyst.").format(day=short_date(day))


def move(file: GroupFile, day: date, new_day: date, start: time | None) -> str:
    group = file.group
    schedule = group.schedule
    _a_planned_meeting(group, day)
    if new_day == day and (start is None or start == schedule.start):
        raise UserError(_("Møtet {day} er allerede denne dagen og på dette klokkeslettet, så det er ingenting å flytte.").format(
            day=short_date(day)))
    _in_groups_time(group, new_day, _("Den nye datoen"))
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
    file.save()
    from selvhjelp_cli.dates import clock

    at = _(" kl. {time}").format(time=clock(start)) if start else ""
    return _("Møtet {day} er flyttet til {new_day}{at}.").format(day=short_date(day), new_day=short_date(new_day), at=at)


def pause(file: GroupFile, first: date, last: date, reason: str | None) -> str:
    if last < first:
        raise UserError(_("Pausen slutter ({last}) før den begynner ({first}).").format(last=short_date(last), first=short_date(first)))
    file.append("schedule", "pauses", entry=file.entry(from_=first, to=last, reason=reason))
    file.save()
    return _("Pause fra {first} til {last}.").format(first=short_date(first), last=short_date(last))


def end(file: GroupFile, day: date) -> str:
    group = file.group
    if group.ended is not None:
        raise UserError(_("Gruppa har alt en sluttdato: {ended}.").format(ended=short_date(group.ended)))
    _in_groups_time(group, day, _("Datoen gruppa avsluttes"))
    file.set((), "ended", day)
    file.save()
    return _("Gruppa er registrert som avsluttet {day}.").format(day=short_date(day))
