"""groupfile/file_kinds.py: a status file is known by its name, without building its model."""

from __future__ import annotations

import subprocess
import sys

from selvhjelp_cli.groupfile.file_kinds import STATUS_SUFFIX, is_status_file


def test_a_status_file_is_known_by_its_name():
    assert is_status_file("torsdag.status.json") and is_status_file("X.STATUS.JSON")
    assert not is_status_file("torsdag.json") and not is_status_file("torsdag.yaml")
    assert not is_status_file("status.json.yaml") and STATUS_SUFFIX == ".status.json"


def test_checking_a_group_file_never_builds_the_status_file_s_model(tmp_path):
    from .conftest import EXAMPLES

    script = ("import sys; from datetime import date; from selvhjelp_cli.rules.checker import check_file; "
              f"check_file({str(EXAMPLES / 'torsdagsgruppa.yaml')!r}, date(2026, 12, 2)); "
              "print('selvhjelp_cli.groupfile.statusfile' in sys.modules)")
    assert subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          check=True).stdout.strip() == "False"
