"""The app's forms for a group's life, as the same calls the CLI's life commands make.

Each entry takes the posted fields (named as the command's options and
arguments: `name`, `born`, `date`, `new-date`, `from`, `to`, …), parses each
with the parser the CLI uses for that option, and returns the change for
editor.edit() – a function of the editing room – and, optionally, what to say
after it. A field that cannot be read raises Invalid with a message per field.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import partial
from typing import Any

from selvhjelp_cli.core.errors import UserError
from selvhjelp_cli.core.i18n import _
from selvhjelp_cli.editing import life, participants
from selvhjelp_cli.groupfile import answers as parsers


class Invalid(Exception):
    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__(", ".join(errors))
        self.errors = errors


def _fields(form: dict[str, str], wanted: dict[str, Callable[[str], Any] | None]) -> dict[str, Any]:
    """Each wanted field parsed (None: an empty field gives None); every error at once."""
    values: dict[str, Any] = {}
    errors: dict[str, str] = {}
    for field, parse in wanted.items():
        raw = form.get(field, "")
        if parse is None:
            values[field] = raw.strip() or None
            continue
        try:
            values[field] = parse(raw)
        except ValueError as error:
            errors[field] = str(error)
    if errors:
        raise Invalid(errors)
    return values


def _day(today: date, *, optional: bool = False):
    parse = partial(parsers.date, today=today)
    return parsers.optional(parse) if optional else parse


def _age(field: str, born, adult) -> None:
    if born is not None and adult:
        # The form's words: a field and a box, where the command line has two options.
        raise Invalid({field: _("Skriv enten fødselsåret eller kryss av for at personen er fylt 18 år, ikke begge.")})
    try:
        participants.check_age(born, adult)
    except UserError as refused:  # shown at the birth field, where the person looks
        raise Invalid({field: refused.message}) from None


def participant_add(form, group, today):
    values = _fields(form, {"name": parsers.text, "born": parsers.optional(parsers.birth),
                            "joined": _day(today, optional=True), "signed": _day(today, optional=True),
                            "role": parsers.optional_text})
    adult = True if form.get("adult") else None
    _age("born", values["born"], adult)
    name = " ".join(values["name"].split())

    def change(file):
        return participants.add_participant(file, values["name"], born=values["born"], adult=adult,
                                            joined=values["joined"], signed=values["signed"], role=values["role"])

    def warn(before):
        return participants.age_notice(before, name, values["born"], adult, values["joined"], today)

    return change, warn


def participant_edit(form, group, today):
    """The correction form shows every fact; only what the person changed is corrected (an emptied date
    is taken out), with the same checks as adding."""
    who = _fields(form, {"who": parsers.text})["who"]
    values = _fields(form, {"name": parsers.text, "born": parsers.optional(parsers.birth),
                            "joined": _day(today, optional=True), "signed": _day(today, optional=True),
                            "left": _day(today, optional=True)})
    try:
        person = group.participants[participants.find_participant(group, who)]
    except UserError as unknown:
        raise Invalid({"name": unknown.message}) from None
    adult = bool(form.get("adult"))
    changes: dict[str, Any] = {}
    if values["name"] != person.name:
        changes["new_name"] = values["name"]
    if adult:
        if values["born"] is not None and values["born"] != person.born:
            _age("born", values["born"], True)  # a new birth year and «18 or older» at once: one or the other
        if person.born is not None or not person.adult:
            changes["adult"] = True  # «18 or older» takes the place of the birth year
    elif values["born"] != person.born or person.adult:
        _age("born", values["born"], None)
        changes["born"] = values["born"]
    for field, key in (("joined", "joined"), ("signed", "declaration_signed"), ("left", "left")):
        if values[field] != getattr(person, key):
            changes[field] = values[field]
    name = changes.get("new_name", person.name)

    def change(file):
        return participants.edit_participant(file, who, **changes)

    def warn(before):
        if "born" not in changes and "adult" not in changes and "joined" not in changes:
            return None
        return participants.age_notice(before, name, values["born"], adult or None, values["joined"], today)

    return change, warn


def _event(event):
    def build(form, group, today):
        values = _fields(form, {"name": parsers.text, "date": _day(today, optional=True)})
        day = values["date"] or today
        return (lambda file: event(file, values["name"], day)), None

    return build


def participant_sign_all(form, group, today):
    values = _fields(form, {"date": _day(today, optional=True)})
    day = values["date"] or participants.signing_day(group, today)
    return (lambda file: participants.sign_all(file, day)), None


def participant_remove(form, group, today):
    values = _fields(form, {"name": parsers.text})
    return (lambda file: participants.remove_participant(file, values["name"])), None


def decision_add(form, group, today):
    values = _fields(form, {"rule": parsers.text, "date": _day(today, optional=True),
                            "note": parsers.optional_text})
    return (lambda file: life.add_decision(file, values["rule"], values["date"] or today, values["note"])), None


def meeting_cancel(form, group, today):
    values = _fields(form, {"date": _day(today), "reason": parsers.optional_text})
    return (lambda file: life.cancel(file, values["date"], values["reason"])), None


def meeting_move(form, group, today):
    values = _fields(form, {"date": _day(today), "new-date": _day(today),
                            "start": parsers.optional(parsers.clock)})
    return (lambda file: life.move(file, values["date"], values["new-date"], values["start"])), None


def meeting_pause(form, group, today):
    values = _fields(form, {"from": _day(today), "to": _day(today), "reason": parsers.optional_text})
    return (lambda file: life.pause(file, values["from"], values["to"], values["reason"])), None


def meeting_restore(form, group, today):
    values = _fields(form, {"date": _day(today)})
    return (lambda file: life.restore(file, values["date"])), None


def end_group(form, group, today):
    values = _fields(form, {"date": _day(today)})  # never a day filled in for the person: they say which
    return (lambda file: life.end(file, values["date"])), None


def reopen_group(form, group, today):
    return life.reopen, None


# action: (the page the change belongs to, the form's reader, whether it asks «are you sure?» first)
CHANGES: dict[str, tuple[str, Callable, bool]] = {
    "participant/add": ("participants", participant_add, False),
    "participant/edit": ("participants", participant_edit, False),
    "participant/sign": ("participants", _event(participants.sign), False),
    "participant/sign-all": ("participants", participant_sign_all, False),
    "participant/leave": ("participants", _event(participants.leave), False),
    "participant/remove": ("participants", participant_remove, True),
    "decision/add": ("", decision_add, False),
    "meeting/cancel": ("meetings", meeting_cancel, False),
    "meeting/move": ("meetings", meeting_move, False),
    "meeting/pause": ("meetings", meeting_pause, False),
    "meeting/restore": ("meetings", meeting_restore, False),
    "group/end": ("", end_group, True),
    "group/reopen": ("", reopen_group, False),
}
