"""cli/undo_commands.py: selvhjelp undo – what it undid, what can be undone, and what it refuses."""

from __future__ import annotations

from .conftest import run_cli as run


def test_undo_says_what_it_undid(group_file):
    run("meeting", "cancel", group_file, "25.3.2027")
    assert run("undo", group_file).stdout.startswith("Angret: Møtet 25.3.2027 er avlyst.")


def test_the_list_shows_what_can_be_undone(group_file):
    run("meeting", "cancel", group_file, "25.3.2027")
    run("meeting", "cancel", group_file, "1.4.2027")
    listed = run("undo", group_file, "--list").stdout.splitlines()
    assert listed[0].endswith("Møtet 1.4.2027 er avlyst. (kan angres "
                              "nå)") and listed[1].endswith("25.3.2027 er avlyst.")


def test_undo_of_an_invalid_file_is_refused(group_file):
    run("meeting", "cancel", group_file, "25.3.2027")
    group_file.write_text("version: 1\nname: Brutt\n", encoding="utf-8")
    result = run("undo", group_file)
    assert result.exit_code == 2 and group_file.read_text(encoding="utf-8") == "version: 1\nname: Brutt\n"
