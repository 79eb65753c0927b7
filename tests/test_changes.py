"""app/changes.py: each of the app's forms read as the CLI reads the same options – every field's error at
once, under its field – and turned into the change the CLI makes."""

from __future__ import annotations

from datetime import date

import pytest

from selvhjelp_cli.app.changes import CHANGES, Invalid
from selvhjelp_cli.core.i18n import in_language
from selvhjelp_cli.editing.editor import edit
from selvhjelp_cli.groupfile.loader import load_group

TODAY = date(2026, 12, 6)


def build(action, form, group_file):
    _tab, reader, _confirm = CHANGES[action]
    with in_language("nb"):
        return reader(form, load_group(group_file).group, TODAY)


def errors(action, form, group_file) -> dict[str, str]:
    with pytest.raises(Invalid) as invalid:
        build(action, form, group_file)
    return invalid.value.errors


def test_every_field_that_cannot_be_read_is_said_at_once_under_its_own_name(group_file):
    assert errors("participant/add", {"name": "", "born": "84", "joined": "snart"}, group_file) == {
        "name": "Dette feltet må fylles ut.", "born": "Skriv et fødselsår (1984) eller en dato (17.5.1984).",
        "joined": "Skriv datoen som 7.1.2027, 7. januar 2027 eller 2027-01-07."}
    assert set(errors("meeting/move", {"date": "", "new-date": "31.2.2027", "start": "25:00"}, group_file)) == {
        "date", "new-date", "start"}
    assert errors("meeting/pause", {"from": "1.7.2027", "to": ""}, group_file) == {
        "to": "Skriv datoen som 7.1.2027, 7. januar 2027 eller 2027-01-07."}


def test_the_age_is_asked_for_at_the_birth_field_and_under_18_is_said_as_an_error_at_once(group_file):
    assert errors("participant/add", {"name": "Uten alder"}, group_file) == {"born": (
        "Alle deltakere må være fylt 18 år. Oppgi fødselsåret, eller bekreft at personen er fylt 18 år.")}
    change, warn = build("participant/add", {"name": "Ung", "born": "2015"}, group_file)
    before = load_group(group_file).group
    edit(str(group_file), change)
    with in_language("nb"):
        notice = warn(before)
    assert notice.severity == "error" and "Ung er under 18 år" in notice.message


def test_the_end_date_is_never_filled_in_for_the_person(group_file):
    assert "date" in errors("group/end", {}, group_file)


def test_a_form_read_gives_the_change_the_command_line_makes(group_file):
    change, warn = build("participant/add", {"name": "  Kari   N. ", "adult": "ja"}, group_file)
    said = edit(str(group_file), change)
    assert said == "La til «Kari N.» i gruppa." and warn is not None
    assert load_group(group_file).group.participants[-1].name == "Kari N."
    change, _after = build("meeting/cancel", {"date": "2027-01-14", "reason": "Snø"}, group_file)
    assert edit(str(group_file), change).startswith("Møtet 14.1.2027 er avlyst")


def test_what_cannot_be_undone_lightly_asks_first_and_each_form_belongs_to_a_page():
    asking = {action for action, (_tab, _reader, confirm) in CHANGES.items() if confirm}
    assert asking == {"participant/remove", "group/end"}
    assert {tab for tab, _reader, _confirm in CHANGES.values()} == {"", "participants", "meetings"}
