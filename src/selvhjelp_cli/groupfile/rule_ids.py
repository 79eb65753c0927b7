"""The rules a group file's decisions may name (`decisions: - rule: group-size`).

The ids are part of the file format (they are stable, and a decision naming
any other is an invalid file), so the group file knows them; `rules/` has one
module for each, in this order.
"""

from __future__ import annotations

RULE_IDS: tuple[str, ...] = (
    "adult",
    "age-unknown",
    "age-span",
    "group-size",
    "meeting-length",
    "meeting-break",
    "meeting-interval",
    "closed-group",
    "leaderless",
    "starter-meetings",
    "confidentiality",
    "free-of-charge",
    "digital-link",
)
