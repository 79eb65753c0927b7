"""Participants' events (editing/participants.py) through the command line: add, correct, sign
one or all, remove, with the same checks whichever way in."""

from __future__ import annotations

from datetime import date

import pytest

from selvhjelp_cli.groupfile.loader import load_group

from .conftest import run_cli as run


def names(path):
    return [p.name for p in load_group(path).group.participants]




def test_a_wrong_birth_year_is_corrected_in_place_and_the_person_keeps_her_place(three):
    before = three.read_text(encoding="utf-8")
    result = run("participant", "edit", three, "emma", "--born", "1999-05-03")
    assert result.exit_code == 0 and "Rettet «Emma L.»: født 3.5.1999." in result.stdout
    after = three.read_text(encoding="utf-8")
    assert names(three) == ["Anne M.", "Bjørn K.", "Emma L."]
    # Only the birth line differs.
    assert [line for line in after.splitlines() if line not in before.splitlines()] == ["    born: 1999-05-03"]
    assert run("check", three, "--today", "2027-01-07").stdout.count("under 18") == 0


@pytest.mark.parametrize(("args", "says", "field", "value"), [
    (["--adult"], "fylt 18 år", "born", None),  # «18 or older» replaces the birth year: no age stored
    (["--name", "Anne Marie M."], "navnet er «Anne Marie M.»", "name", "Anne Marie M."),
    (["--signed", "7.1.2027"], "skrev under 7.1.2027", "declaration_signed", date(2027, 1, 7)),
    (["--joined", "14.1.2027"], "første møte 14.1.2027", "joined", date(2027, 1, 14)),
])
def test_each_fact_can_be_corrected(three, args, says, field, value):
    result = run("participant", "edit", three, "anne", *args)
    assert result.exit_code == 0 and says in result.stdout
    person = load_group(three).group.participants[0]
    assert getattr(person, field) == value


def test_a_date_given_empty_is_taken_out(three):
    assert run("participant", "sign", three, "anne", "--date", "7.1.2027").exit_code == 0
    assert run("participant", "leave", three, "anne", "--date", "4.2.2027").exit_code == 0
    result = run("participant", "edit", three, "anne", "--left", "", "--signed", "")
    assert result.exit_code == 0 and "har ikke skrevet under og har ikke sluttet" in result.stdout
    person = load_group(three).group.participants[0]
    assert person.left is None and person.declaration_signed is None
    assert "left:" not in three.read_text(encoding="utf-8").split("Anne M.")[1].split("- name")[0]


@pytest.mark.parametrize(("args", "says"), [
    (["--born", "1980", "--adult"], "Oppgi enten fødselsår eller at personen er fylt 18 år, ikke begge."),
    (["--born", ""], "Alle deltakere må være fylt 18 år."),
    (["--name", "Bjørn K."], "Det finnes alt en deltaker som heter «Bjørn K.»."),
    (["--joined", "1.12.2026"], "Datoen deltakeren begynner (1.12.2026) er før gruppas første møte"),
    (["--signed", "1.1.2027"], "Taushetserklæringen kan ikke være skrevet under (1.1.2027) før deltakeren begynner"),
    (["--left", "1.1.2027"], "begynte 7.1.2027 og kan ikke slutte før det"),
    ([], "Si hva som skal rettes"),
    (["--born", "1980"], "Det er ingenting å rette"),
])
def test_a_correction_gets_the_same_checks_as_adding(three, args, says):
    before = three.read_bytes()
    result = run("participant", "edit", three, "anne", *args)
    assert result.exit_code == 2 and says in result.stderr
    assert three.read_bytes() == before


def test_correcting_to_under_18_is_said_at_once_as_an_error(three):
    result = run("participant", "edit", three, "anne", "--born", "2010", "--today", "2026-12-06")
    assert result.exit_code == 0 and "Feil (adult): Anne M. er under 18 år" in result.stderr


def test_everyone_signs_at_the_first_meeting_in_one_go(three):
    result = run("participant", "sign", three, "--all", "--date", "7.1.2027")
    assert result.exit_code == 0
    assert "3 deltakere skrev under 7.1.2027: Anne M., Bjørn K. og Emma L." in result.stdout
    assert {p.declaration_signed for p in load_group(three).group.participants} == {date(2027, 1, 7)}
    again = run("participant", "sign", three, "--all", "--date", "7.1.2027")
    assert again.exit_code == 2 and "Alle deltakerne har alt skrevet under." in again.stderr


def test_signing_all_skips_who_has_signed_and_who_starts_later(three):
    assert (
        run("participant", "add", three, "--name", "Per", "--adult", "--joined", "4.2.2027", "--no-input").exit_code
        == 0
    )
    assert run("participant", "sign", three, "anne", "--date", "7.1.2027").exit_code == 0
    result = run("participant", "sign", three, "--all", "--date", "14.1.2027")
    assert result.exit_code == 0 and "2 deltakere skrev under 14.1.2027: Bjørn K. og Emma L." in result.stdout
    group = load_group(three).group
    assert [str(p.declaration_signed) for p in group.participants] == ["2027-01-07", "2027-01-14", "2027-01-14", "None"]


def test_no_one_can_sign_before_the_first_meeting(three):
    result = run("participant", "sign", three, "--all", "--date", "1.12.2026")
    assert result.exit_code == 2 and "De som ikke har skrevet under ennå, begynner 7.1.2027." in result.stderr


def test_the_suggested_signing_day_is_one_the_change_accepts():
    from types import SimpleNamespace

    from selvhjelp_cli.editing.participants import signing_day

    group = SimpleNamespace(schedule=SimpleNamespace(first_meeting=date(2027, 1, 7)))
    assert signing_day(group, date(2026, 12, 6)) == date(2027, 1, 7)  # before the start: the first meeting
    assert signing_day(group, date(2027, 3, 1)) == date(2027, 3, 1)


def test_removing_someone_says_the_name_is_still_in_the_history_and_forgets_it_when_asked(three):
    result = run("participant", "remove", three, "emma")
    assert result.exit_code == 0
    assert "«Emma L.» står fortsatt i" in result.stderr and "--forget «Emma L.»" in result.stderr
    assert run("undo", three).exit_code == 0 and "Emma L." in names(three)
    gone = run("participant", "remove", three, "emma", "--forget")
    assert gone.exit_code == 0 and "«Emma L.» er tatt ut av angre-historikken" in gone.stdout
    history = three.parent / ".selvhjelp-historikk" / "rund.yaml.json"
    assert "Emma" not in history.read_text(encoding="utf-8") if history.exists() else True
    import base64
    import json

    if history.exists():
        for entry in json.loads(history.read_text(encoding="utf-8"))["entries"]:
            assert b"Emma" not in base64.b64decode(entry["before"])
