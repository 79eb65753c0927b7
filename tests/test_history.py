"""Undo (editing/history.py): every change selvhjelp makes can be put back, never over a file
that something else changed, from a history that stays owner-only, bounded and out of sight."""

from __future__ import annotations

import json
import os
import stat
import sys

import pytest

from selvhjelp_cli.editing import history

from .conftest import run_cli as run

EVERY_CHANGE = [
    ("participant", "add", "{f}", "--name", "Ola N.", "--born", "1984", "--no-input"),
    ("participant", "sign", "{f}", "ola", "--date", "7.1.2027"),
    ("participant", "edit", "{f}", "ola", "--born", "1985"),
    ("participant", "leave", "{f}", "ola", "--date", "4.2.2027"),
    ("decision", "add", "{f}", "group-size", "--date", "7.1.2027"),
    ("meeting", "cancel", "{f}", "25.3.2027", "--reason", "påske"),
    ("meeting", "move", "{f}", "13.5.2027", "12.5.2027", "--start", "17:00"),
    ("meeting", "pause", "{f}", "21.6.2027", "15.8.2027"),
    ("meeting", "restore", "{f}", "25.3.2027"),
    ("end-group", "{f}", "--date", "16.12.2027"),
    ("end-group", "{f}", "--reopen"),
    ("participant", "remove", "{f}", "ola"),
]


def test_every_change_can_be_undone_back_to_the_first_byte(group_file):
    versions = [group_file.read_bytes()]
    for args in EVERY_CHANGE:
        result = run(*[a.replace("{f}", str(group_file)) for a in args])
        assert result.exit_code == 0, (args, result.stderr)
        versions.append(group_file.read_bytes())
    for version in reversed(versions[:-1]):
        result = run("undo", group_file)
        assert result.exit_code == 0 and result.stdout.startswith("Angret: "), result.stderr
        assert group_file.read_bytes() == version
    nothing = run("undo", group_file)
    assert nothing.exit_code == 2 and "Det er ingen endringer å angre" in nothing.stderr


def test_a_file_changed_by_something_else_is_never_undone(group_file):
    run("meeting", "cancel", group_file, "25.3.2027")
    with open(group_file, "a", encoding="utf-8") as handle:
        handle.write("# skrevet for hånd\n")
    edited = group_file.read_bytes()
    result = run("undo", group_file)
    assert result.exit_code == 2 and "endret etter den siste endringen selvhjelp gjorde (Møtet 25.3.2027 er avlyst.)" \
        in result.stderr
    assert group_file.read_bytes() == edited


def test_clearing_the_history_leaves_nothing_to_undo(group_file):
    run("meeting", "cancel", group_file, "25.3.2027")
    assert "Slettet angre-historikken (1 tidligere utgave)." in run("undo", group_file, "--clear").stdout
    assert run("undo", group_file).exit_code == 2
    assert not (group_file.parent / ".selvhjelp-historikk" / "rund.yaml.json").exists()


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX modes")
def test_the_history_is_the_owners_alone(group_file):
    run("participant", "add", group_file, "--name", "Ola N.", "--adult", "--no-input")
    folder = group_file.parent / ".selvhjelp-historikk"
    assert stat.S_IMODE(os.stat(folder).st_mode) == 0o700
    assert stat.S_IMODE(os.stat(folder / "rund.yaml.json").st_mode) == 0o600


def test_the_history_is_bounded(group_file, monkeypatch):
    monkeypatch.setattr(history, "MAX_ENTRIES", 3)
    for day in ("14.1.2027", "21.1.2027", "28.1.2027", "4.2.2027", "11.2.2027"):
        assert run("meeting", "cancel", group_file, day).exit_code == 0
    assert [e.said for e in history.entries(str(group_file))] == [
        "Møtet 28.1.2027 er avlyst.", "Møtet 4.2.2027 er avlyst.", "Møtet 11.2.2027 er avlyst."]


def test_the_history_is_bounded_in_bytes_too(group_file, monkeypatch):
    monkeypatch.setattr(history, "MAX_BYTES", 10_000)  # room for two copies of this file, not four
    for day in ("14.1.2027", "21.1.2027", "28.1.2027", "4.2.2027"):
        assert run("meeting", "cancel", group_file, day).exit_code == 0
    kept = history.entries(str(group_file))
    assert len(kept) == 2 and kept[-1].said == "Møtet 4.2.2027 er avlyst."
    assert os.path.getsize(group_file.parent / ".selvhjelp-historikk" / "rund.yaml.json") <= 10_000


def test_the_history_never_reaches_a_check_the_overview_or_the_public_list(group_file):
    run("participant", "add", group_file, "--name", "Ola N.", "--adult", "--no-input")
    run("participant", "remove", group_file, "ola")
    folder = group_file.parent
    checked = json.loads(run("check", folder, "--format", "json").stdout)
    assert [f["path"] for f in checked["files"]] == [str(group_file)]
    assert "Ola" not in run("publish", folder, "--format", "html", "--today", "2026-12-01").stdout


def test_a_damaged_history_offers_no_undo_and_breaks_nothing(group_file):
    run("meeting", "cancel", group_file, "25.3.2027")
    (group_file.parent / ".selvhjelp-historikk" / "rund.yaml.json").write_text("{ikke json", encoding="utf-8")
    assert run("meeting", "cancel", group_file, "1.4.2027").exit_code == 0
    assert run("undo", group_file).exit_code == 0  # the new entry replaced the damaged history
    assert run("undo", group_file).exit_code == 2


def test_a_change_that_changes_nothing_leaves_no_undo(group_file):
    run("participant", "add", group_file, "--name", "Ola N.", "--adult", "--signed", "7.1.2027", "--no-input")
    count = len(history.entries(str(group_file)))
    assert run("participant", "sign", group_file, "ola", "--date", "7.1.2027").exit_code == 0
    assert len(history.entries(str(group_file))) == count
