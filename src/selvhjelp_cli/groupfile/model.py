"""The group file, version 1, as pydantic models.

The loader hands these models plain strings (it never guesses YAML types), so
every conversion happens here, once: `18:00` is a time, `No` is a name and a
phone number stays text. The JSON Schema of `selvhjelp schema` is generated
from the same models.
"""

from __future__ import annotations

import unicodedata
from datetime import date, time
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    WithJsonSchema,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from selvhjelp_cli.core.dates import DateOutOfRange, parse_date, parse_time
from selvhjelp_cli.core.i18n import N_


def _to_text(value: Any) -> Any:
    # A plain YAML scalar such as 12345678 is text when the field wants text.
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return value


def _to_bool(value: Any) -> Any:
    if isinstance(value, str) and value.strip().casefold() in {"ja", "nei"}:
        return value.strip().casefold() == "ja"
    return value


def _to_date(value: Any) -> Any:
    if isinstance(value, str):
        try:
            return parse_date(value, strict=True)
        except DateOutOfRange:
            raise PydanticCustomError("date_range", "date out of range") from None
        except ValueError:
            raise PydanticCustomError("date_text", "is not a valid date") from None
    return value


def _to_time(value: Any) -> Any:
    if isinstance(value, str):
        try:
            return parse_time(value)
        except ValueError:
            raise PydanticCustomError("time_text", "is not a valid time") from None
    return value


def _control_characters(allowed: str) -> Any:
    """A validator refusing line breaks and other control characters (but those
    in `allowed`): a name or a place is printed on one line, in documents and
    in calendar files, where a raw line break would end the field."""

    def check(value: str) -> str:
        if any(unicodedata.category(c) in {"Cc", "Cf"} and c not in allowed and c != "\u200d" for c in value):
            raise PydanticCustomError("control_character", "control character")
        return value

    return AfterValidator(check)


def none_is_empty(value: Any) -> Any:
    # "participants:" with only commented-out entries under it is an empty list.
    return [] if value is None else value


def _to_birth(value: Any) -> Any:
    if isinstance(value, str) and not value.strip().isdigit():
        return _to_date(value)
    return value


# The JSON Schema describes what an editor sees in the YAML: a phone number
# written without spaces is a number there, and dates may be Norwegian.
_DATE_PATTERN = r"^(\d{4}-\d{2}-\d{2}|\d{1,2}\.\d{1,2}\.\d{4})$"
_DATE_SCHEMA = {"type": "string", "pattern": _DATE_PATTERN, "examples": ["2027-01-07"]}

Text = Annotated[
    str,
    BeforeValidator(_to_text),
    StringConstraints(strip_whitespace=True, min_length=1, max_length=300),
    _control_characters(allowed=""),
    WithJsonSchema({"type": ["string", "number"], "minLength": 1, "maxLength": 300}),
]
# Free text that may run over several lines (a block scalar, `note: |`).
Note = Annotated[
    str,
    BeforeValidator(_to_text),
    StringConstraints(strip_whitespace=True, min_length=1, max_length=2000),
    _control_characters(allowed="\n\t"),
    WithJsonSchema({"type": ["string", "number"], "minLength": 1, "maxLength": 2000}),
]
Flag = Annotated[bool, BeforeValidator(_to_bool), WithJsonSchema({"anyOf": [{"type": "boolean"},
                                                                          {"enum": ["ja", "nei"]}]})]
Day = Annotated[date, BeforeValidator(_to_date), WithJsonSchema(_DATE_SCHEMA)]
Clock = Annotated[time, BeforeValidator(_to_time),
                  WithJsonSchema({"type": "string", "pattern": r"^([01]?\d|2[0-3])[:.][0-5]\d$",
                                  "examples": ["18:00"]})]
BirthYear = Annotated[int, Field(ge=1900, le=2100)]
Birth = Annotated[BirthYear | date, BeforeValidator(_to_birth),
                  WithJsonSchema({"anyOf": [{"type": "integer", "minimum": 1900, "maximum": 2100}, _DATE_SCHEMA]})]
Language = Literal["nb", "nn", "en"]  # core.language.LANGUAGES, spelled out for the type checker


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Venue(_Strict):
    name: Text = Field(description="Navnet på stedet der gruppa møtes.")
    address: Text | None = Field(None, description="Adressen, om dere vil ha den med.")


class Online(_Strict):
    platform: Text = Field(description="Videoverktøyet gruppa bruker, for eksempel Whereby.")
    url: Text | None = Field(None, description="Lenken til møterommet.")


class Cancelled(_Strict):
    date: Day = Field(description="Møtet som ikke blir noe av.")
    reason: Text | None = Field(None, description="Hvorfor, for eksempel påske.")


class Moved(_Strict):
    model_config = ConfigDict(populate_by_name=True)

    from_: Day = Field(alias="from", description="Møtedatoen i planen.")
    to: Day = Field(description="Dagen møtet holdes i stedet.")
    start: Clock | None = Field(None, description="Klokkeslett den dagen, om det er et annet.")


class Pause(_Strict):
    model_config = ConfigDict(populate_by_name=True)

    from_: Day = Field(alias="from", description="Første dag uten møter.")
    to: Day = Field(description="Siste dag uten møter (begge dagene er med).")
    reason: Text | None = Field(None, description="Hvorfor, for eksempel sommerferie.")


class Schedule(_Strict):
    first_meeting: Day = Field(description="Datoen for det første møtet (ÅÅÅÅ-MM-DD).")
    start: Clock = Field(description="Når møtet begynner, for eksempel «18:00».")
    duration_minutes: int = Field(120, ge=15, le=480, description="Møtets lengde i minutter.")
    break_minutes: int = Field(15, ge=0, le=120, description="Pausens lengde i minutter; 0 er ingen pause.")
    every_weeks: int = Field(1, ge=1, le=52, description="1 er hver uke, 2 annenhver uke.")
    cancelled: Annotated[list[Cancelled], BeforeValidator(none_is_empty)] = Field(
        default_factory=list, max_length=500, description="Enkeltmøter som ikke blir noe av.")
    moved: Annotated[list[Moved], BeforeValidator(none_is_empty)] = Field(
        default_factory=list, max_length=500, description="Enkeltmøter som holdes en annen dag.")
    pauses: Annotated[list[Pause], BeforeValidator(none_is_empty)] = Field(
        default_factory=list, max_length=100, description="Perioder uten møter, for eksempel sommerferien.")

    @model_validator(mode="after")
    def _break_fits(self) -> Schedule:
        if self.break_minutes >= self.duration_minutes:
            raise PydanticCustomError("break_too_long", "break longer than meeting", {"field": "break_minutes"})
        return self

    def is_planned(self, day: date) -> bool:
        """Whether the recurrence puts a meeting on this day (before exceptions)."""
        return day >= self.first_meeting and (day - self.first_meeting).days % (7 * self.every_weeks) == 0

    @model_validator(mode="after")
    def _exceptions_fit(self) -> Schedule:
        for index, pause in enumerate(self.pauses):
            if pause.to < pause.from_:
                raise PydanticCustomError("pause_backwards", "pause ends before it starts",
                                          {"at": ("pauses", index, "to")})
        for index, item in enumerate(self.cancelled):
            if not self.is_planned(item.date):
                raise PydanticCustomError("not_a_meeting", "not a meeting", {"at": ("cancelled", index, "date")})
        # A day a meeting was moved away from, or a cancelled one, is free for another.
        free = {item.from_ for item in self.moved} | {item.date for item in self.cancelled}
        landed: set[date] = set()
        for index, move in enumerate(self.moved):
            if not self.is_planned(move.from_):
                raise PydanticCustomError("not_a_meeting", "not a meeting", {"at": ("moved", index, "from")})
            if move.to != move.from_ and self.is_planned(move.to) and move.to not in free:
                raise PydanticCustomError("moved_onto_meeting", "onto a meeting", {"at": ("moved", index, "to")})
            if move.to in landed:
                raise PydanticCustomError("moved_onto_moved", "onto a moved meeting", {"at": ("moved", index, "to")})
            landed.add(move.to)
        return self


class Starter(_Strict):
    name: Text
    organisation: Text | None = None
    contact: Text | None = Field(None, description="Telefon eller e-post.")
    meetings: int | None = Field(None, ge=0, le=100, description="Hvor mange av de første møtene igangsetteren er med "
                                                                 "på.")


class Participant(_Strict):
    name: Text = Field(description="Fornavn og initial er nok.")
    born: Birth | None = Field(None, description="Fødselsår eller fødselsdato.")
    adult: Flag | None = Field(None, description="Deltakeren har fylt 18 år (uten at alderen lagres).")
    joined: Day | None = Field(None, description="Første møte for denne deltakeren; standard er gruppas første møte.")
    declaration_signed: Day | None = Field(None, description="Datoen taushetserklæringen ble skrevet under.")
    left: Day | None = Field(None, description="Siste møte; deltakeren er ikke aktiv etter denne datoen.")
    role: Text | None = None

    @model_validator(mode="after")
    def _left_after_joined(self) -> Participant:
        if self.left and self.joined and self.left < self.joined:
            raise PydanticCustomError("left_before_joined", "left before joined", {"field": "left"})
        return self


class Decision(_Strict):
    # Whether the rule exists is checked in validation.py, which knows the
    # rules; the model stays below them.
    rule: Text = Field(description="Id-en til anbefalingen beslutningen gjelder, for eksempel closed-group.")
    date: Day
    note: Note | None = None


class Group(_Strict):
    """A self-organised self-help group, as its group file describes it."""

    version: Literal[1] = Field(description="Filformatets versjon. Alltid 1.")
    name: Text = Field(description="Gruppas navn.")
    theme: Text | None = Field(None, description="Tema, om gruppa har et felles tema.")
    language: Language = Field("nb", description="Språk for utskrifter: nb, nn eller en.")
    county: Text = Field(description="Fylket, i hvilken som helst form find-district forstår.")
    municipality: Text | None = Field(None, description="Kommunen.")
    mode: Literal["physical", "digital"] = Field("physical", description="physical (fysisk) eller digital.")
    venue: Venue | None = None
    online: Online | None = None
    schedule: Schedule
    closed: Flag = Field(True, description="Lukket gruppe etter oppstart.")
    # The bound is there so that no number is too large to print; no group asks that much.
    fee_nok: int = Field(0, ge=0, le=1_000_000, description="Egenandel i kroner; skal være 0.")
    starters: Annotated[list[Starter], BeforeValidator(none_is_empty)] = Field(default_factory=list, max_length=20)
    participants: Annotated[list[Participant], BeforeValidator(none_is_empty)] = Field(
        default_factory=list, max_length=200)
    decisions: Annotated[list[Decision], BeforeValidator(none_is_empty)] = Field(
        default_factory=list, max_length=100)
    ended: Day | None = Field(None, description="Gruppa har sluttet å møtes; siste møte var denne dagen eller før.")

    @field_validator("version", mode="before")
    @classmethod
    def _version_number(cls, value: Any) -> Any:
        return int(value) if isinstance(value, str) and value.strip().isdigit() else value

    @field_validator("county")
    @classmethod
    def _known_county(cls, value: str) -> str:
        from selvhjelp_cli.places import districts

        if not districts.find_county(value):
            raise PydanticCustomError(
                "unknown_county", "unknown county", {"suggestions": districts.suggest_county(value)}
            )
        return value

    @field_validator("municipality")
    @classmethod
    def _known_municipality(cls, value: str | None) -> str | None:
        from selvhjelp_cli.places import districts

        if value is not None and not districts.find_municipality(value):
            suggestions = districts.suggest_municipality(value)
            raise PydanticCustomError("unknown_municipality", "unknown municipality", {"suggestions": suggestions})
        return value

    @model_validator(mode="after")
    def _municipality_in_county(self) -> Group:
        if self.municipality is None:
            return self
        from selvhjelp_cli.places import districts, registers

        found = districts.find_municipality(self.municipality)
        counties = districts.find_county(self.county)
        if not found or not counties or len(found) > 1:
            return self  # unknown ones are reported by their own fields; a shared name is settled elsewhere
        place, county = found[0], counties[0]
        if county.era == "2024" and not place.former:
            fits = place.county == county.number
        else:  # across generations of counties, the offices covering both must meet
            fits = bool(set(place.offices) & set(county.offices))
        if not fits:
            actual = registers.county_2024(place.county).name if not place.former else "et annet fylke"
            raise PydanticCustomError("municipality_elsewhere", "municipality in another county",
                                      {"field": "municipality", "place": place.name, "actual": actual,
                                       "given": county.name})
        return self

    @model_validator(mode="after")
    def _ended_after_start(self) -> Group:
        if self.ended is not None and self.ended < self.schedule.first_meeting:
            raise PydanticCustomError("ended_before_start", "ended before the first meeting", {"field": "ended"})
        return self

    @model_validator(mode="after")
    def _place_for_mode(self) -> Group:
        if self.mode == "physical" and self.venue is None:
            raise PydanticCustomError("venue_required", "venue required", {"field": "mode"})
        if self.mode == "digital" and self.online is None:
            raise PydanticCustomError("online_required", "online required", {"field": "mode"})
        return self

    # Derived facts every rule and report uses.

    def reference_date(self, today: date) -> date:
        """The date activity is judged on: today, or the first meeting if it is still ahead."""
        return max(today, self.schedule.first_meeting)

    def joined_on(self, participant: Participant) -> date:
        """A participant's first meeting: never before the group's first meeting."""
        first = self.schedule.first_meeting
        return max(participant.joined, first) if participant.joined else first

    def is_active(self, participant: Participant, today: date) -> bool:
        ref = self.reference_date(today)
        if self.joined_on(participant) > ref or (self.ended is not None and self.ended < ref):
            return False
        return participant.left is None or participant.left >= ref

    def place(self, digital: str) -> str:
        """Where the group meets, on one line; `digital` is a template with {platform}."""
        if self.mode == "digital":
            return digital.format(platform=self.online.platform if self.online else "")
        if self.venue is None:
            return ""
        return ", ".join(part for part in (self.venue.name, self.venue.address) if part)

    def active_participants(self, today: date) -> list[tuple[int, Participant]]:
        return [(i, p) for i, p in enumerate(self.participants) if self.is_active(p, today)]

    def participant_state(self, participant: Participant, today: date) -> str:
        """active, left, or not-yet (joins later): one of PARTICIPANT_STATES."""
        if self.is_active(participant, today):
            return "active"
        ref = self.reference_date(today)
        if participant.left is not None and participant.left < ref:
            return "left"
        return "not-yet" if self.joined_on(participant) > ref else "left"


# How a group's mode reads in running text and tables.
MODE_WORDS = {"physical": N_("fysisk"), "digital": N_("digital")}

# How each state reads, for both doors.
PARTICIPANT_STATES = {"active": N_("aktiv"), "left": N_("sluttet"), "not-yet": N_("ikke begynt ennå")}



def field_range(model: type[BaseModel], name: str) -> tuple[int, int]:
    """The lowest and highest whole number a field allows (its ge and le)."""
    low = high = None
    for constraint in model.model_fields[name].metadata:
        low = getattr(constraint, "ge", low)
        high = getattr(constraint, "le", high)
    if low is None or high is None:
        raise LookupError(f"{model.__name__}.{name} has no ge/le range")
    return low, high


def adult_on(participant: Participant, day: date) -> bool | None:
    """True if the participant has turned 18 on that day, False if not, None if unknown."""
    return age_known_on(participant.born, participant.adult, day)


def age_known_on(born: int | date | None, adult: bool | None, day: date) -> bool | None:
    """adult_on for what a form says before there is a participant: the birth year or date, and `adult`."""
    if isinstance(born, date):
        had_birthday = (day.month, day.day) >= (born.month, born.day)
        return day.year - born.year - (0 if had_birthday else 1) >= 18
    if isinstance(born, int):
        if day.year - born != 18:
            return day.year - born > 18
        # Turns 18 some time that year: only `adult: true` settles it.
        return True if adult else None
    return adult
