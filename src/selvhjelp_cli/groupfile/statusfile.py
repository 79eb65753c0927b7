"""The status file: how a group is doing, without anyone's name, for its contact point.

A starter makes it (`selvhjelp status`, or «Lag statusfil» in the app) and gives
it to the office instead of the group file. It holds the group's public facts,
counts and the findings by rule – never a participant's name, birth date or
year, contact, role, note, a cancel or pause reason, or a meeting link. The
office's overview reads `*.status.json` beside group files as groups.

The format is versioned («selvhjelp-status», version 1); `selvhjelp status
--schema` prints its JSON Schema, made from this model.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from selvhjelp_cli.groupfile.rule_ids import RULE_IDS

RuleId = Literal[RULE_IDS]  # type: ignore[valid-type]
Name = Annotated[str, Field(min_length=1, max_length=300)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class StatusGroup(_Strict):
    name: Name = Field(description="Gruppas navn.")
    county: Name = Field(description="Fylket.")
    municipality: Name | None = Field(None, description="Kommunen.")
    mode: Literal["physical", "digital"] = Field(description="physical (fysisk) eller digital.")
    first_meeting: date = Field(description="Datoen for det første møtet.")
    every_weeks: int = Field(ge=1, le=52, description="Uker mellom møtene.")
    status: Literal["planned", "running", "paused", "ended"] = Field(description="Hvordan gruppa har det på datoen.")
    ended: date | None = Field(None, description="Datoen gruppa sluttet å møtes.")
    next_meeting: date | None = Field(None, description="Neste møte etter planen, på datoen.")


class StatusCounts(_Strict):
    active: int = Field(ge=0, description="Aktive deltakere.")
    signed: int = Field(ge=0, description="Aktive deltakere som har skrevet under taushetserklæringen.")
    left: int = Field(ge=0, description="Deltakere som har sluttet.")


class StatusFinding(_Strict):
    rule: RuleId = Field(description="Regelen, for eksempel adult.")
    severity: Literal["error", "warning", "info"]
    count: int = Field(ge=1, description="Hvor mange ganger regelen slo ut.")
    acknowledged: bool = Field(False, description="Gruppa har bestemt noe om anbefalingen.")


class StatusFile(_Strict):
    """A group's state on one day, without names."""

    format: Literal["selvhjelp-status"] = Field(description="Alltid selvhjelp-status.")
    version: Literal[1] = Field(description="Filformatets versjon. Alltid 1.")
    made: date = Field(description="Dagen statusen gjelder.")
    group: StatusGroup
    counts: StatusCounts
    findings: list[StatusFinding] = Field(default_factory=list, max_length=100)

    @field_validator("version", mode="before")
    @classmethod
    def _version_number(cls, value: object) -> object:
        # The file is read as text, every value a string: «1» is the number.
        return int(value) if isinstance(value, str) and value.strip().isdigit() else value


def read_status(path: str) -> StatusFile:
    """A status file read and checked; InvalidFile (file and line) when it is not one."""
    from selvhjelp_cli.core.source import parse, read_text
    from selvhjelp_cli.groupfile.validation import validate_as

    data, source = parse(read_text(path, "status"), path)
    return validate_as(StatusFile, data, source)


def status_schema() -> dict:
    schema = StatusFile.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Statusfil for en selvhjelpsgruppe (selvhjelp-status, versjon 1)"
    return schema
