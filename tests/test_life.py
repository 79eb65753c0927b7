"""A group's life through commands: the file stays the person's own (comments,
layout, mode), every change is validated first, and bad input changes nothing."""

from __future__ import annotations

import difflib
import os
import stat

import pytest

from selvhjelp_cli.groupfile.loader import load_group

from .conftest import BASE, TEN_EDITS, invoke
from .conftest import run_cli as run


def test_ten_edits_keep_every_comment_and_change_only_their_lines(group_file):
    before = group_file.read_text(encoding="utf-8")
    os.chmod(group_file, 0o640)
    for edit in TEN_EDITS:
        command = edit[:2] if edit[0] in ("participant", "decision", "meeting") else edit[:1]
        rest = edit[len(command):]
        result = run(*command, group_file, *rest)
        assert result.exit_code == 0, (edit, result.stderr)
        assert "er oppdatert." in result.stdout
    after = group_file.read_text(encoding="utf-8")
    comments = [line for line in before.splitlines() if line.lstrip().startswith("#")]
    assert [line for line in after.splitlines() if line.lstrip().startswith("#")] == comments
    removed = [line for line in difflib.ndiff(before.splitlines(), after.splitlines()) if line.startswith("- ")]
    assert removed == []  # only additions: no line the person wrote was changed
    assert stat.S_IMODE(group_file.stat().st_mode) == 0o640
    group = load_group(group_file).group
    assert [p.name for p in group.participants] == ["Ola N.", "Kari", "Per"]
    assert str(group.participants[0].declaration_signed) == "2027-01-07"
    assert str(group.participants[1].left) == "2027-03-04" and group.participants[1].adult is True
    assert str(group.ended) == "2027-12-16" and group.schedule.pauses[0].reason == "Sommerferie"
    assert "  - name: Ola N.\n    born: 1984\n    declaration_signed: 2027-01-07\n" in after
    assert after.index("  pauses:") < after.index("# Gruppa er lukket")


def test_a_hand_written_file_keeps_its_own_indentation_and_quotes(tmp_path):
    path = tmp_path / "egen.yaml"
    text = ("version: 1\nname: 'Egen gruppe'   # vårt navn\ncounty: Rogaland\nvenue:\n    name: \"Biblioteket\"\n"
            "schedule:\n    first_meeting: 2027-01-07\n    start: '18:00'\nparticipants:\n- name: Ola\n  born: 1984\n"
            "# slutt på lista\n")
    path.write_text(text, encoding="utf-8")
    assert run("participant", "add", path, "--name", "Kari", "--born", "1985", "--no-input").exit_code == 0
    after = path.read_text(encoding="utf-8")
    assert after.startswith("version: 1\nname: 'Egen gruppe'   # vårt navn\n")
    assert "    name: \"Biblioteket\"\n" in after and "    start: '18:00'\n" in after
    assert "- name: Ola\n  born: 1984\n- name: Kari\n  born: 1985\n# slutt på lista\n" in after


@pytest.mark.parametrize("args, message", [
    (("participant", "sign", "{f}", "Mona", "--date", "2027-01-07"), "Ingen deltaker heter «Mona»."),
    (("participant", "sign", "{f}", "O", "--date", "2027-01-07"), "Flere deltakere passer: «Ola N.» og «Oda»."),
    (("participant", "sign", "{f}", "ola", "--date", "2027-01-06"), "Ola N. ble med 7.1.2027, og underskriften kan "
                                                                    "ikke være eldre enn det."),
    (("participant", "leave", "{f}", "oda", "--date", "2027-03-01"), None),
    (("participant", "add", "{f}", "--name", "ola n.", "--born", "1984", "--no-input"),
     "Det finnes alt en deltaker som heter «ola n.»."),
    (("participant", "add", "{f}", "--name", "Lise", "--born", "1984", "--adult", "--no-input"),
     "Oppgi enten fødselsår eller at personen er fylt 18 år, ikke begge."),
    # The same requirement as in the app: the file must show that a participant is 18 or older.
    (("participant", "add", "{f}", "--name", "Lise", "--no-input"),
     "Alle deltakere må være fylt 18 år. Oppgi fødselsåret, eller bekreft at personen er fylt 18 år."),
    (("participant", "add", "{f}", "--name", "Lise", "--adult", "--joined", "2026-12-01", "--no-input"),
     "Datoen deltakeren begynner (1.12.2026) er før gruppas første møte (7.1.2027)."),
    (("participant", "add", "{f}", "--name", "Lise", "--adult", "--signed", "2027-01-01", "--no-input"),
     "Taushetserklæringen kan ikke være skrevet under (1.1.2027) før deltakeren begynner (7.1.2027)."),
    (("participant", "add", "{f}", "--no-input"), "Mangler --name. Med --no-input må den oppgis som valg."),
    (("decision", "add", "{f}", "group-sise"), "Det finnes ingen regel som heter «group-sise». Mente du «group-size»?"),
    (("decision", "add", "{f}", "free-of-charge"), "«free-of-charge» er et krav i rammene og kan ikke velges bort."),
    (("meeting", "cancel", "{f}", "2027-03-26"), "Gruppa har ikke møte 26.3.2027. Møter i nærheten:"),
    (("meeting", "move", "{f}", "2027-03-25", "2027-04-01"), "Gruppa har alt møte 1.4.2027. Velg en annen dag."),
    (("meeting", "move", "{f}", "2027-03-25", "2026-12-01"), "Den nye datoen (1.12.2026) er før gruppas første møte"),
    (("meeting", "pause", "{f}", "2027-08-15", "2027-06-21"), "Oppholdet slutter (21.6.2027) før det begynner "
                                                              "(15.8.2027)."),
    (("end-group", "{f}", "--date", "2026-12-01"), "Datoen gruppa avsluttes (1.12.2026) er før gruppas første møte"),
])
def test_bad_input_is_exit_2_with_one_message_and_the_file_unchanged(group_file, args, message):
    run("participant", "add", group_file, "--name", "Ola N.", "--born", "1984", "--no-input")
    run("participant", "add", group_file, "--name", "Oda", "--born", "1984", "--no-input")
    if message is None:  # leaving twice
        run("participant", "leave", group_file, "oda", "--date", "2027-02-01")
        message = "Oda sluttet alt 1.2.2027."
    before = group_file.read_bytes()
    result = run(*[group_file if a == "{f}" else a for a in args])
    assert result.exit_code == 2
    assert result.stderr.startswith("Feil: ") and message in result.stderr
    assert result.stderr.count("\n") == 1
    assert group_file.read_bytes() == before


def test_an_invalid_file_is_never_edited(tmp_path):
    path = tmp_path / "feil.yaml"
    path.write_text("version: 1\nname: X\ncounty: Rgoaland\n", encoding="utf-8")
    before = path.read_bytes()
    result = run("participant", "add", path, "--name", "Ola", "--no-input")
    assert result.exit_code == 2 and f"{path}:3:9: Fylket er ukjent." in result.stderr
    assert path.read_bytes() == before


def test_a_change_that_would_make_the_file_invalid_writes_nothing(group_file, monkeypatch):
    from selvhjelp_cli.editing import editor

    real = editor.GroupFile.render
    monkeypatch.setattr(editor.GroupFile, "render", lambda self: real(self).replace("version: 1", "version: 2"))
    before = group_file.read_bytes()
    result = run("participant", "add", group_file, "--name", "Ola", "--born", "1984", "--no-input")
    assert result.exit_code == 2 and "Endringen ville gjort filen ugyldig, så ingenting er skrevet" in result.stderr
    assert group_file.read_bytes() == before


@pytest.mark.parametrize("args, answers, check", [
    (("participant", "sign"), "ola\n", lambda g: str(g.participants[0].declaration_signed) == "2027-01-07"),
    (("participant", "leave"), "ola\n", lambda g: str(g.participants[0].left) == "2027-01-07"),
    (("decision", "add"), "group-size\n", lambda g: g.decisions[0].rule == "group-size"),
    (("meeting", "cancel"), "25.3.2027\n", lambda g: str(g.schedule.cancelled[0].date) == "2027-03-25"),
    (("meeting", "move"), "25. mars 2027\n24.3.2027\n", lambda g: str(g.schedule.moved[0].to) == "2027-03-24"),
    (("meeting", "pause"), "21.6.2027\n15.8.2027\n", lambda g: str(g.schedule.pauses[0].to) == "2027-08-15"),
])
def test_each_command_asks_for_what_its_arguments_did_not_give(group_file, args, answers, check):
    run("participant", "add", group_file, "--name", "Ola N.", "--born", "1984", "--no-input")
    result = invoke(*args, group_file, "--today", "2027-01-07", input=answers)
    assert result.exit_code == 0, result.stderr
    assert check(load_group(group_file).group)
    before = group_file.read_bytes()
    refused = invoke(*args, group_file, "--no-input", "--today", "2027-01-07")
    assert refused.exit_code == 2 and "Med --no-input må den oppgis som valg." in refused.stderr
    assert group_file.read_bytes() == before


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
def test_prompts_in_a_real_terminal_edit_with_the_arrow_keys(group_file):
    import pty
    import subprocess
    import sys

    from .conftest import read_until as _read_until

    main, secondary = pty.openpty()
    env = dict(os.environ, COLUMNS="100", NO_COLOR="1")
    process = subprocess.Popen([sys.executable, "-m", "selvhjelp_cli", "participant", "add", str(group_file),
                                "--today", "2026-12-01"], stdin=secondary, stdout=secondary, stderr=secondary,
                               env=env, close_fds=True)
    os.close(secondary)
    try:
        # "Ol", arrow left, "a": the cursor moves, so the name is "Oal", not "Ol^[[Da".
        for prompt, answer in [(b"Navn", b"Ol\x1b[Da"), (b"dselsdato", b"1984"), (b"rste m", b""),
                               (b"Signert", b"")]:
            assert prompt in _read_until(main, prompt), prompt
            os.write(main, answer + b"\n")
        assert b"oppdatert" in _read_until(main, b"oppdatert")
        assert process.wait(timeout=20) == 0
    finally:
        if process.poll() is None:
            process.kill()
        os.close(main)
    assert load_group(group_file).group.participants[0].name == "Oal"


def test_relative_dates_count_from_today_option_and_birth_dates_must_be_whole(group_file):
    run("participant", "add", group_file, "--name", "Ola N.", "--born", "1984", "--no-input")
    assert run("participant", "sign", group_file, "ola", "--date", "i morgen", "--today", "2027-01-06").exit_code == 0
    assert str(load_group(group_file).group.participants[0].declaration_signed) == "2027-01-07"
    before = group_file.read_bytes()
    result = run("participant", "add", group_file, "--name", "Kari", "--born", "17.5", "--no-input")
    assert result.exit_code == 2 and "--born: Skriv et fødselsår (1984) eller en dato (17.5.1984)." in result.stderr
    assert group_file.read_bytes() == before
    assert run("participant", "add", group_file, "--name", "Kari", "--born", "17.5.1984", "--no-input").exit_code == 0


# Moves (the hostile pass, V82–V85): refused with the true reason, or made to work.



def test_a_hand_written_second_move_onto_the_same_day_is_an_invalid_file(tmp_path):
    path = tmp_path / "g.yaml"
    path.write_text("version: 1\nname: X\ncounty: Rogaland\nvenue:\n  name: B\nschedule:\n  first_meeting: 2027-01-07\n"
                    "  start: 18:00\n  moved:\n    - from: 2027-01-14\n      to: 2027-01-16\n"
                    "    - from: 2027-01-21\n      to: 2027-01-16\n", encoding="utf-8")
    result = run("check", path)
    assert result.exit_code == 2 and "13 feil  Et annet møte er alt flyttet til denne dagen." in result.stdout


def test_a_pause_reaches_the_calendar_file_as_cancelled_events_with_the_same_uids(group_file, tmp_path):
    from icalendar import Calendar

    from .conftest import invoke

    before = tmp_path / "before.ics"
    assert invoke("calendar", str(group_file), "--ics", str(before), "--today", "2027-01-01").exit_code == 0
    assert invoke("meeting", "pause", str(group_file), "14.1.2027", "28.1.2027", "--reason", "Ferie",
                  "--today", "2027-01-01").exit_code == 0
    after = tmp_path / "after.ics"
    result = invoke("calendar", str(group_file), "--ics", str(after), "--today", "2027-01-01")
    assert result.exit_code == 0
    said = " ".join(result.stderr.split())
    assert "Skrev 22 møter" in said and "3 avlyste møter er med" in said  # the whole half-year, as in the app
    assert "går til og med onsdag 30. juni 2027, slutten av halvåret" in said

    def events(path):
        return {str(e["uid"]): str(e.get("status", "")) for e in Calendar.from_ical(path.read_bytes()).walk("VEVENT")}

    old, new = events(before), events(after)
    paused = [uid for uid, status in new.items() if status == "CANCELLED"]
    assert len(paused) == 3 and all(uid in old for uid in paused)
    assert "Ferie" not in after.read_text(encoding="utf-8")


# Bringing back what was cancelled, moved or paused




# -- each event, one by one, as editing/life.py decides it ------------------------------------------------------
# A weekly group on Thursdays from 7 January 2027 at 18.00.

WEEKLY = BASE


def _day(text: str):
    from datetime import date

    return date.fromisoformat(text)


def change(tmp_path, what, text: str = WEEKLY):
    """Make one change to a fresh group file: (what it said, the group after). A refusal raises UserError and
    leaves the file as it was."""
    from selvhjelp_cli.editing.editor import edit

    path = tmp_path / "gruppe.yaml"
    if not path.exists():
        path.write_text(text, encoding="utf-8")
    before = path.read_bytes()
    try:
        said = edit(str(path), what)
    except Exception:
        assert path.read_bytes() == before
        raise
    return said, load_group(str(path)).group


def refused(tmp_path, what, text: str = WEEKLY) -> str:
    from selvhjelp_cli.core.errors import UserError

    with pytest.raises(UserError) as error:
        change(tmp_path, what, text)
    return error.value.message


ENDED = WEEKLY + "ended: 2027-06-03\n"
MOVED = WEEKLY + "  moved:\n    - from: 2027-01-14\n      to: 2027-01-15\n"
PAUSED = WEEKLY + "  pauses:\n    - from: 2027-07-01\n      to: 2027-08-05\n"
CANCELLED = WEEKLY + "  cancelled:\n    - date: 2027-01-21\n"


def test_cancel_a_meeting_and_what_is_refused(tmp_path):
    from selvhjelp_cli.editing import life

    said, group = change(tmp_path, lambda f: life.cancel(f, _day("2027-01-14"), "Sykdom"))
    assert said == "Møtet 14.1.2027 er avlyst."
    assert [(c.date.isoformat(), c.reason) for c in group.schedule.cancelled] == [("2027-01-14", "Sykdom")]
    assert refused(tmp_path, lambda f: life.cancel(f, _day("2027-01-14"), None)) == "Møtet 14.1.2027 er alt avlyst."


def test_a_day_without_a_meeting_names_the_meetings_three_weeks_either_side(tmp_path):
    from selvhjelp_cli.editing import life

    assert refused(tmp_path, lambda f: life.cancel(f, _day("2027-01-29"), None)) == (
        "Gruppa har ikke møte 29.1.2027. Møter i nærheten: 14.1.2027, 21.1.2027, 28.1.2027, 4.2.2027, 11.2.2027 og "
        "18.2.2027.")
    ended = ENDED.replace("2027-06-03", "2027-02-04")
    (tmp_path / "avsluttet").mkdir()
    assert refused(tmp_path / "avsluttet", lambda f: life.cancel(f, _day("2027-09-09"), None), ended) == (
        "Gruppa har ikke møte 9.9.2027. Møter i nærheten: ingen.")


@pytest.mark.parametrize("day, allowed", [("2027-06-24", True), ("2027-07-01", False), ("2027-07-15", False),
                                          ("2027-08-05", False), ("2027-08-12", True)])
def test_a_meeting_inside_a_pause_cannot_be_cancelled_or_moved(tmp_path, day, allowed):
    from selvhjelp_cli.editing import life

    if allowed:
        assert change(tmp_path, lambda f: life.cancel(f, _day(day), None), PAUSED)[0].startswith("Møtet")
    else:
        assert refused(tmp_path, lambda f: life.cancel(f, _day(day), None), PAUSED).startswith(
            f"Gruppa har ikke møte {_day(day).day}.")
        assert refused(tmp_path, lambda f: life.move(f, _day(day), _day("2027-06-25"), None), PAUSED).startswith(
            "Gruppa har ikke møte")


@pytest.mark.parametrize("day, allowed", [("2027-05-27", True), ("2027-06-03", True), ("2027-06-10", False)])
def test_an_ended_group_has_no_meetings_after_its_end(tmp_path, day, allowed):
    from selvhjelp_cli.editing import life

    if allowed:
        assert change(tmp_path, lambda f: life.cancel(f, _day(day), None), ENDED)[1].schedule.cancelled[0].date == \
            _day(day)
    else:
        assert refused(tmp_path, lambda f: life.cancel(f, _day(day), None), ENDED).startswith(
            "Gruppa har ikke møte 10.6.2027.")


def test_a_moved_meeting_is_cancelled_on_its_new_day_and_not_on_its_old_one(tmp_path):
    from selvhjelp_cli.editing import life

    assert refused(tmp_path, lambda f: life.cancel(f, _day("2027-01-14"), None), MOVED) == \
        "Møtet 14.1.2027 er alt flyttet til 15.1.2027."
    said, group = change(tmp_path, lambda f: life.cancel(f, _day("2027-01-15"), "Sykdom"))
    assert said == "Møtet 15.1.2027 (flyttet fra 14.1.2027) er avlyst."
    assert [c.date.isoformat() for c in group.schedule.cancelled] == ["2027-01-14"]
    assert refused(tmp_path, lambda f: life.cancel(f, _day("2027-01-15"), None)) == "Møtet 15.1.2027 er alt avlyst."


def test_a_meeting_moved_to_another_time_the_same_day_can_still_be_cancelled(tmp_path):
    from selvhjelp_cli.editing import life

    same_day = MOVED.replace("to: 2027-01-15", "to: 2027-01-14\n      start: \"17:00\"")
    said, group = change(tmp_path, lambda f: life.cancel(f, _day("2027-01-14"), None), same_day)
    assert said == "Møtet 14.1.2027 er avlyst." and group.schedule.cancelled[0].date == _day("2027-01-14")


def test_move_a_meeting_and_what_is_refused(tmp_path):
    from datetime import time

    from selvhjelp_cli.editing import life

    assert refused(tmp_path, lambda f: life.move(f, _day("2027-01-08"), _day("2027-01-09"), None)).startswith(
        "Gruppa har ikke møte 8.1.2027.")
    for start in (None, time(18)):
        assert refused(tmp_path, lambda f, start=start: life.move(f, _day("2027-01-14"), _day("2027-01-14"), start)) \
            == "Møtet 14.1.2027 er allerede denne dagen og på dette klokkeslettet, så det er ingenting å flytte."
    assert refused(tmp_path, lambda f: life.move(f, _day("2027-01-14"), _day("2027-01-21"), None)) == \
        "Gruppa har alt møte 21.1.2027. Velg en annen dag."
    assert refused(tmp_path, lambda f: life.move(f, _day("2027-01-14"), _day("2027-01-06"), None)) == \
        "Den nye datoen (6.1.2027) er før gruppas første møte (7.1.2027)."
    said, group = change(tmp_path, lambda f: life.move(f, _day("2027-01-14"), _day("2027-01-14"), time(17)))
    assert said == "Møtet 14.1.2027 er flyttet til 14.1.2027 kl. 17.00."
    said, group = change(tmp_path, lambda f: life.move(f, _day("2027-01-21"), _day("2027-01-22"), None))
    assert said == "Møtet 21.1.2027 er flyttet til 22.1.2027."
    assert [(m.from_.isoformat(), m.to.isoformat()) for m in group.schedule.moved] == [
        ("2027-01-14", "2027-01-14"), ("2027-01-21", "2027-01-22")]
    assert refused(tmp_path, lambda f: life.move(f, _day("2027-01-28"), _day("2027-01-22"), None)) == \
        "Møtet 21.1.2027 er alt flyttet til 22.1.2027. Velg en annen dag."


def test_a_meeting_may_move_onto_a_day_that_was_cancelled_or_moved_away(tmp_path):
    from selvhjelp_cli.editing import life

    for name in ("avlyst", "flyttet"):
        (tmp_path / name).mkdir()
    said, _group = change(tmp_path / "avlyst", lambda f: life.move(f, _day("2027-01-28"), _day("2027-01-21"), None),
                          CANCELLED)
    assert said == "Møtet 28.1.2027 er flyttet til 21.1.2027."
    said, _group = change(tmp_path / "flyttet", lambda f: life.move(f, _day("2027-01-21"), _day("2027-01-14"), None),
                          MOVED)
    assert said == "Møtet 21.1.2027 er flyttet til 14.1.2027."


@pytest.mark.parametrize("day, allowed", [("2027-06-30", True), ("2027-07-01", False), ("2027-07-20", False),
                                          ("2027-08-05", False), ("2027-08-06", True)])
def test_a_meeting_cannot_be_moved_into_a_pause(tmp_path, day, allowed):
    from selvhjelp_cli.editing import life

    move = lambda f: life.move(f, _day("2027-06-24"), _day(day), None)  # noqa: E731
    if allowed:
        assert change(tmp_path, move, PAUSED)[0].startswith("Møtet 24.6.2027 er flyttet til")
    else:
        assert refused(tmp_path, move, PAUSED) == \
            f"{_day(day).day}.{_day(day).month}.2027 er i en pause i møtene. Velg en annen dag."


@pytest.mark.parametrize("day, allowed", [("2027-05-08", True), ("2027-06-05", False)])
def test_a_meeting_cannot_be_moved_past_the_groups_end(tmp_path, day, allowed):
    from selvhjelp_cli.editing import life

    move = lambda f: life.move(f, _day("2027-05-06"), _day(day), None)  # noqa: E731
    if allowed:
        assert change(tmp_path, move, ENDED)[0] == "Møtet 6.5.2027 er flyttet til 8.5.2027."
    else:
        assert refused(tmp_path, move, ENDED) == \
            "Den nye datoen (5.6.2027) er etter at gruppa ble avsluttet (3.6.2027)."


@pytest.mark.parametrize("first, last, allowed", [
    ("2027-06-10", "2027-06-30", True), ("2027-06-10", "2027-07-01", False), ("2027-07-10", "2027-07-20", False),
    ("2027-08-05", "2027-08-19", False), ("2027-08-06", "2027-08-19", True), ("2027-06-01", "2027-09-01", False),
])
def test_pauses_never_overlap(tmp_path, first, last, allowed):
    from selvhjelp_cli.editing import life

    pause = lambda f: life.pause(f, _day(first), _day(last), "Ferie")  # noqa: E731
    if allowed:
        said, group = change(tmp_path, pause, PAUSED)
        assert said.startswith("Ingen møter fra") and len(group.schedule.pauses) == 2
    else:
        assert refused(tmp_path, pause, PAUSED) == (
            "Gruppa har alt et opphold i møtene fra 1.7.2027 til 5.8.2027. To opphold kan ikke gå over hverandre; "
            "ta bort det første, eller velg andre datoer.")
    assert refused(tmp_path, lambda f: life.pause(f, _day("2027-03-02"), _day("2027-03-01"), None), PAUSED) == \
        "Oppholdet slutter (1.3.2027) før det begynner (2.3.2027)."


def test_restore_a_cancelled_meeting(tmp_path):
    from selvhjelp_cli.editing import life

    text = CANCELLED.replace("    - date: 2027-01-21\n", "    - date: 2027-01-14\n    - date: 2027-01-21\n")
    said, group = change(tmp_path, lambda f: life.restore(f, _day("2027-01-21")), text)
    assert said == "Møtet 21.1.2027 er ikke avlyst lenger."
    assert [c.date.isoformat() for c in group.schedule.cancelled] == ["2027-01-14"]


def test_restore_a_moved_meeting_from_either_day_and_a_cancelled_one_on_its_new_day(tmp_path):
    from selvhjelp_cli.editing import life

    for number, day in enumerate(("2027-01-14", "2027-01-15")):
        folder = tmp_path / str(number)
        folder.mkdir()
        said, group = change(folder, lambda f, day=day: life.restore(f, _day(day)), MOVED)
        assert said == "Møtet 15.1.2027 er flyttet tilbake til 14.1.2027 kl. 18.00." and group.schedule.moved == []
    folder = tmp_path / "avlyst"
    folder.mkdir()
    change(folder, lambda f: life.cancel(f, _day("2027-01-15"), None), MOVED)
    said, group = change(folder, lambda f: life.restore(f, _day("2027-01-15")))
    assert said == "Møtet 15.1.2027 er ikke avlyst lenger."
    assert group.schedule.cancelled == [] and len(group.schedule.moved) == 1


def test_a_moved_meeting_cannot_go_back_to_a_day_another_meeting_took(tmp_path):
    from selvhjelp_cli.editing import life

    change(tmp_path, lambda f: life.move(f, _day("2027-01-21"), _day("2027-01-14"), None), MOVED)
    assert refused(tmp_path, lambda f: life.restore(f, _day("2027-01-15"))) == (
        "Møtet 21.1.2027 er flyttet til 14.1.2027, så den dagen er ikke ledig. Flytt det møtet først.")
    said, group = change(tmp_path, lambda f: life.restore(f, _day("2027-01-21")))
    assert said == "Møtet 14.1.2027 er flyttet tilbake til 21.1.2027 kl. 18.00."
    assert [(m.from_.isoformat(), m.to.isoformat()) for m in group.schedule.moved] == [("2027-01-14", "2027-01-15")]


@pytest.mark.parametrize("day", ["2027-07-01", "2027-07-20", "2027-08-05"])
def test_restore_a_day_in_a_pause_takes_the_pause_away(tmp_path, day):
    from selvhjelp_cli.editing import life

    said, group = change(tmp_path, lambda f: life.restore(f, _day(day)), PAUSED)
    assert said == "Oppholdet fra 1.7.2027 til 5.8.2027 er tatt bort, så møtene i det blir av likevel."
    assert group.schedule.pauses == []


@pytest.mark.parametrize("day", ["2027-06-30", "2027-08-06", "2027-01-13"])
def test_restore_of_a_day_with_nothing_to_undo_is_refused(tmp_path, day):
    from selvhjelp_cli.editing import life

    assert refused(tmp_path, lambda f: life.restore(f, _day(day)), PAUSED).endswith(
        "er ikke et avlyst eller flyttet møte og ligger ikke i et opphold i møtene, så det er ingenting å angre.")


def test_end_and_reopen(tmp_path):
    from selvhjelp_cli.editing import life

    assert refused(tmp_path, lambda f: life.reopen(f)) == "Gruppa er ikke avsluttet."
    assert refused(tmp_path, lambda f: life.end(f, _day("2027-01-06"))) == \
        "Datoen gruppa avsluttes (6.1.2027) er før gruppas første møte (7.1.2027)."
    said, group = change(tmp_path, lambda f: life.end(f, _day("2027-06-03")))
    assert said == "Gruppa er registrert som avsluttet 3.6.2027." and group.ended == _day("2027-06-03")
    assert refused(tmp_path, lambda f: life.end(f, _day("2027-06-10"))) == "Gruppa har alt en sluttdato: 3.6.2027."
    said, group = change(tmp_path, lambda f: life.reopen(f))
    assert said == "Gruppa er ikke registrert som avsluttet lenger." and group.ended is None
    assert (tmp_path / "gruppe.yaml").read_text(encoding="utf-8") == WEEKLY


def test_decisions_and_what_is_refused(tmp_path):
    from selvhjelp_cli.editing import life

    assert refused(tmp_path, lambda f: life.add_decision(f, "meeting-lenth", _day("2027-01-07"), None)) == \
        "Det finnes ingen regel som heter «meeting-lenth». Mente du «meeting-length»?"
    assert refused(tmp_path, lambda f: life.add_decision(f, "adult", _day("2027-01-07"), None)) == \
        "«adult» er et krav i rammene og kan ikke velges bort."
    said, group = change(tmp_path, lambda f: life.add_decision(f, "closed-group", _day("2027-02-04"), "To nye"))
    assert said == "Gruppa bestemte 4.2.2027 å ta inn nye deltakere."
    said, group = change(tmp_path, lambda f: life.add_decision(f, "meeting-length", _day("2027-02-04"), None))
    assert said == "Registrerte gruppas beslutning fra 4.2.2027 om anbefalingen «meeting-length»."
    assert [(d.rule, d.note) for d in group.decisions] == [("closed-group", "To nye"), ("meeting-length", None)]


@pytest.mark.parametrize("day, allowed", [("2027-05-27", True), ("2027-06-03", True), ("2027-06-04", False)])
def test_no_decision_after_the_end(tmp_path, day, allowed):
    from selvhjelp_cli.editing import life

    decide = lambda f: life.add_decision(f, "meeting-length", _day(day), None)  # noqa: E731
    if allowed:
        assert change(tmp_path, decide, ENDED)[1].decisions[0].date == _day(day)
    else:
        assert refused(tmp_path, decide, ENDED) == \
            "Datoen for beslutningen (4.6.2027) er etter at gruppa ble avsluttet (3.6.2027)."
