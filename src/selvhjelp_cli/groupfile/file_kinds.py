"""Which file is which, by its name alone: a status file ends in `.status.json`.

Kept apart from the status file's model (statusfile.py), whose pydantic classes take time to
build: checking one group file needs to know only that it is not a status file.
"""

from __future__ import annotations

STATUS_FORMAT = "selvhjelp-status"
STATUS_SUFFIX = ".status.json"


def is_status_file(name: str) -> bool:
    return name.lower().endswith(STATUS_SUFFIX)
