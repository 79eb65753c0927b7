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

from selvhjelp_cli import init_group as parsers
from selvhjelp_cli import life
from selvhjelp_cli.i18n import _


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
    parse = partial(parsers._date, today=today)
    return _optional(parse) if optional else parse


def participant_add(form, group, today):
    values = _fields(form, {"name": parsers._text, "born": _optional(parsers.birth),
                            "joined": _day(today, optional=True), "signed": _day(today, optional=True),
                            "role": parsers._optional_text})
    adult = bool(form.get("adult"))
    if values["born"] is not None and adult:
        raise Invalid({"born": _("Oppgi enten fødselsår eller at personen er fylt 18 år, ikke begge.")})
    if values["born"] is None and not adult:
        # What the CLI's interview asks when the birth answer is empty.
        raise Invalid({"born": _("Skriv fødselsåret, eller kryss av for at personen er fylt 18 år.")})
    name = " ".join(values["name"].split())

    def change(file):
        return life.add_participant(file, values["name"], born=values["born"], adult=adult,
                                    joined=values["joined"], signed=values["signed"], role=values["role"])

    def warn(before) -> str | None:
        return life.age_warning(before, name, values["born"], adult, values["joined"], today)

    return change, warn


def _event(event):
    def build(form, group, today):
        values = _fields(form, {"name": parsers._text, "date": _day(today, optional=True)})
        day = values["date"] or today
        return (lambda file: event(file, values["name"], day)), None

    return build


def participant_remove(form, group, today):
    values = _fields(form, {"name": parsers._text})
    return (lambda file: life.remove_participant(file, values["name"])), None


def decision_add(form, group, today):
    values = _fields(form, {"rule": parsers._text, "date": _day(today, optional=True), "note": parsers._optional_text})
    return (lambda file: life.add_decision(file, values["rule"], values["date"] or today, values["note"])), None


def meeting_cancel(form, group, today):
    values = _fields(form, {"date": _day(today), "reason": parsers._optional_text})
    return (lambda file: life.cancel(file, values["date"], values["reason"])), None


def meeting_move(form, group, today):
    values = _fields(form, {"date": _day(today), "new-date": _day(today), "start": _optional(parsers._clock)})
    return (lambda file: life.move(file, values["date"], values["new-date"], values["start"])), None


def meeting_pause(form, group, today):
    values = _fields(form, {"from": _day(today), "to": _day(today), "reason": parsers._optional_text})
    return (lambda file: life.pause(file, values["from"], values["to"], values["reason"])), None


def end_group(form, group, today):
    values = _fields(form, {"date": _day(today, optional=True)})
    return (lambda file: life.end(file, values["date"] or today)), None


CHANGES = {
    "participant/add": participant_add,
    "participant/sign": _event(life.sign),
    "participant/leave": _event(life.leave),
    "participant/remove": participant_remove,
    "decision/add": decision_add,
    "meeting/cancel": meeting_cancel,
    "meeting/move": meeting_move,
    "meeting/pause": meeting_pause,
    "group/end": end_group,
}
