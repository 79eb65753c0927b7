"""The app's forms for a group's life, as the same calls the CLI's life commands make.

Each entry takes the posted fields (named as the command's options and
arguments: `name`, `born`, `date`, `new-date`, `from`, `to`, …), parses each
with the parser the CLI uses for that option, and returns the change for
editor.edit() – a function of life.py – and, optionally, what to say after it.
A field that cannot be read raises Invalid with a message per field.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import partial
from typing import Any

from selvhjelp_cli.core.errors import UserError
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


def _optional(parse: Callable[[str], Any]) -> Callable[[str], Any]:
    return lambda raw: parse(raw) if raw.strip() else None


def _day(today: date, *, optional: bool = False):
    parse = partial(parsers.date, today=today)
    return _optional(parse) if optional else parse


def participant_add(form, group, today):
    values = _fields(form, {"name": parsers.text, "born": _optional(parsers.birth),
                            "joined": _day(today, optional=True), "signed": _day(today, optional=True),
                            "role": parsers.optional_text})
    adult = True if form.get("adult") else None
    try:
        participants.check_age(values["born"], adult)
    except UserError as refused:  # shown at the birth field, where the person looks
        raise Invalid({"born": refused.message}) from None
    name = " ".join(values["name"].split())

    def change(file):
        return participants.add_participant(file, values["name"], born=values["born"], adult=adult,
                                            joined=values["joined"], signed=values["signed"], role=values["role"])

    def warn(before):
        return participants.age_notice(before, name, values["born"], adult, values["joined"], today)

    return change, warn


def _event(event):
    def build(form, group, today):
        values = _fields(form, {"name": parsers.text, "date": _day(today, optional=True)})
        day = values["date"] or today
        return (lambda file: event(file, values["name"], day)), None

    return build


def participant_remove(form, group, today):
    values = _fields(form, {"name": parsers.text})
    return (lambda file: participants.remove_participant(file, values["name"])), None


def decision_add(form, group, today):
    values = _fields(form, {"rule": parsers.text, "date": _day(today, optional=True), "note": parsers.optional_text})
    return (lambda file: life.add_decision(file, values["rule"], values["date"] or today, values["note"])), None


def meeting_cancel(form, group, today):
    values = _fields(form, {"date": _day(today), "reason": parsers.optional_text})
    return (lambda file: life.cancel(file, values["date"], values["reason"])), None


def meeting_move(form, group, today):
    values = _fields(form, {"date": _day(today), "new-date": _day(today), "start": _optional(parsers.clock)})
    return (lambda file: life.move(file, values["date"], values["new-date"], values["start"])), None


def meeting_pause(form, group, today):
    values = _fields(form, {"from": _day(today), "to": _day(today), "reason": parsers.optional_text})
    return (lambda file: life.pause(file, values["from"], values["to"], values["reason"])), None


def end_group(form, group, today):
    values = _fields(form, {"date": _day(today, optional=True)})
    return (lambda file: life.end(file, values["date"] or today)), None


CHANGES = {
    "participant/add": participant_add,
    "participant/sign": _event(participants.sign),
    "participant/leave": _event(participants.leave),
    "participant/remove": participant_remove,
    "decision/add": decision_add,
    "meeting/cancel": meeting_cancel,
    "meeting/move": meeting_move,
    "meeting/pause": meeting_pause,
    "group/end": end_group,
}
