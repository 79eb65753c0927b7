"""A group's status for its contact point: the group file read, checked and told without names.

Both doors make it here (`selvhjelp status`, «Lag statusfil» in the app), so the
file is the same whichever made it. What it may hold is the model's
(groupfile/statusfile.py); nothing is taken from the group file that is not
listed there.
"""

from __future__ import annotations

import json
from collections import Counter
from datetime import date

from selvhjelp_cli.groupfile.file_kinds import STATUS_FORMAT as FORMAT
from selvhjelp_cli.groupfile.file_kinds import STATUS_SUFFIX as SUFFIX


def status_of(loaded, findings, today: date) -> dict:
    """The status file's contents for a checked group (its findings from the rules, on `today`)."""
    from selvhjelp_cli.calendar.meetings import next_meeting, status
    from selvhjelp_cli.groupfile.statusfile import StatusFile

    group = loaded.group
    state = status(group, today)
    active = group.active_participants(today)
    counted = Counter((f.rule, f.severity, f.acknowledged) for f in findings)
    document = {
        "format": FORMAT,
        "version": 1,
        "made": today,
        "group": {
            "name": group.name,
            "county": group.county,
            "municipality": group.municipality,
            "mode": group.mode,
            "first_meeting": group.schedule.first_meeting,
            "every_weeks": group.schedule.every_weeks,
            "status": state,
            "ended": group.ended,
            "next_meeting": next_meeting(group, today) if state != "ended" else None,
        },
        "counts": {
            "active": len(active),
            "signed": sum(1 for _i, p in active if p.declaration_signed is not None and p.declaration_signed <= today),
            "left": sum(1 for p in group.participants if p.left is not None and p.left < group.reference_date(today)),
        },
        "findings": [{"rule": rule, "severity": severity, "count": count, "acknowledged": acknowledged}
                     for (rule, severity, acknowledged), count in counted.items()],
    }
    # Through the model, so that nothing it does not list can ever be in the file.
    return StatusFile.model_validate(document).model_dump(mode="json")


def status_text(loaded, findings, today: date) -> str:
    return json.dumps(status_of(loaded, findings, today), ensure_ascii=False, indent=2) + "\n"


def status_file_name(group_path: str) -> str:
    """torsdag.yaml → torsdag.status.json, beside it."""
    import os

    stem, _extension = os.path.splitext(group_path)
    return stem + SUFFIX


def make_status(path: str, today: date) -> str:
    """The status file's text for the group file at `path` (an invalid file stops with its problems)."""
    from selvhjelp_cli.groupfile.loader import load_group
    from selvhjelp_cli.rules.checker import run_rules

    loaded = load_group(path)
    return status_text(loaded, run_rules(loaded, today), today)
