"""cli/office_commands.py: selvhjelp status and publish from the command line – where their files go, and what
they refuse."""

from __future__ import annotations

import json

from .conftest import EXAMPLES, invoke
from .conftest import made_status as made


def test_an_existing_status_file_is_kept_unless_forced(tmp_path):
    made(tmp_path)
    again = invoke("status", tmp_path / "torsdagsgruppa.yaml", "--today", "2026-12-09")
    assert again.exit_code == 2 and "--force" in again.stderr
    document, _said = made(tmp_path, "torsdagsgruppa.yaml", "--force")
    assert document["made"] == "2026-12-02"


def test_it_can_go_to_the_screen_or_another_file(tmp_path):
    group = tmp_path / "g.yaml"
    group.write_bytes((EXAMPLES / "torsdagsgruppa.yaml").read_bytes())
    shown = invoke("status", group, "-o", "-", "--today", "2026-12-02")
    assert json.loads(shown.stdout)["group"]["name"] == "Torsdagsgruppa" and list(tmp_path.iterdir()) == [group]
    other = tmp_path / "til-kontoret.json"
    assert invoke("status", group, "-o", other, "--today", "2026-12-02").exit_code == 0
    assert json.loads(other.read_text(encoding="utf-8"))["format"] == "selvhjelp-status"


def test_without_a_group_file_or_with_one_and_the_schema_it_says_what_to_give():
    assert "Oppgi gruppefilen det skal lages status for." in invoke("status").stderr
    both = invoke("status", EXAMPLES / "torsdagsgruppa.yaml", "--schema")
    assert both.exit_code == 2 and "--schema skriver ut skjemaet og tar ingen gruppefil." in both.stderr
