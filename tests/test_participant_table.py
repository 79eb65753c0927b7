"""cli/participant_table.py: participant list, as a table for people and JSON for scripts."""

from __future__ import annotations

import json

from .conftest import TEN_EDITS
from .conftest import run_cli as run


def test_participant_list_text_and_json(group_file):
    for edit in TEN_EDITS[:5]:
        run(*edit[:2], group_file, *edit[2:])
    result = run("participant", "list", group_file, "--today", "2027-03-10")
    out = " ".join(result.stdout.split())
    assert "Ola N. aktiv 7.1.2027 7.1.2027" in out and "Kari sluttet 7.1.2027 7.1.2027 4.3.2027" in out
    assert "Per aktiv 7.1.2027 ikke skrevet under" in out
    document = json.loads(run("participant", "list", group_file, "--format", "json", "--today", "2027-03-10").stdout)
    assert document["participants"][1] == {"name": "Kari", "status": "left", "joined": "2027-01-07",
                                           "declaration_signed": "2027-01-07", "left": "2027-03-04"}
