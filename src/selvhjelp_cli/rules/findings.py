"""What a rule reports, and what every rule is given to look at."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Literal

from selvhjelp_cli.core.i18n import N_

if TYPE_CHECKING:
    from selvhjelp_cli.core.source import SourceMap
    from selvhjelp_cli.groupfile.model import Group, Participant

Severity = Literal["error", "warning", "info"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")  # the worst first
SEVERITY_RANK = {severity: rank for rank, severity in enumerate(SEVERITIES)}
SEVERITY_LABEL = {"error": N_("feil"), "warning": N_("advarsel"), "info": N_("info")}


@dataclass
class Finding:
    rule: str
    severity: Severity
    message: str
    line: int | None = None
    # A decision counts for this finding only if dated on or before this day
    # (closed-group: the day the participant joined).
    decision_cutoff: date | None = None
    acknowledged: bool = False
    # What the finding says once a decision of the group covers it: what the
    # group agreed, with {day} for the decision's date (never a reproach).
    agreed: str | None = None
    column: int | None = None  # known for problems found while reading the file
    # The same finding for someone who never sees the file (the app): no keys, no rule ids.
    plain: str | None = None
    who: str | None = None  # the participant or starter it is about, so that findings can be told together
    decidable: bool = True  # whether a decision of the group makes sense for it (not for a group with no one yet)
    count: int = 1  # how many times it was found (a status file reports a rule once, with its count)

    @property
    def for_people(self) -> str:
        """What the app shows: the message in plain words, or the message itself when it has no file words."""
        return self.plain if self.plain and not self.acknowledged else self.message

    def as_json(self) -> dict:
        document = {
            "rule": self.rule,
            "severity": self.severity,
            "line": self.line,
            "message": self.message,
            "acknowledged": self.acknowledged,
        }
        if self.column is not None:
            document["column"] = self.column
        if self.count != 1:
            document["count"] = self.count
        return document


@dataclass(frozen=True)
class Example:
    """A file a rule fires on, or does not: the rule's documentation and its test.

    `yaml` replaces whole top-level keys of rules.EXAMPLE_BASE (a group that
    breaks no rule). `expect` lists what this rule reports, in order: a
    severity, or "acknowledged" for a warning the group's decision set aside;
    empty when the rule stays silent. `says` is a part of the first message.
    """

    yaml: str
    expect: tuple[str, ...] = ()
    today: str = "2027-03-01"
    says: str = ""


@dataclass(frozen=True)
class Context:
    group: Group
    source: SourceMap
    today: date

    def line(self, *loc: str | int) -> int | None:
        return self.source.line(*loc)

    def key_line(self, *loc: str | int) -> int | None:
        return self.source.key_line(*loc)

    def active(self) -> list[tuple[int, Participant]]:
        # Asked by most rules of every file: worked out once per check (the group and the day do not change).
        if "_active" not in self.__dict__:
            object.__setattr__(self, "_active", self.group.active_participants(self.today))
        return list(self.__dict__["_active"])



