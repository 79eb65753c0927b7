"""A printed document as data, and what every document builds on: the texts in
the document's language, the group's rhythm and times, names kept whole on paper,
and the requirements the group file breaks (a document never claims them).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cache
from typing import TYPE_CHECKING, Any

from selvhjelp_cli.core.dates import clock, format_day
from selvhjelp_cli.core.i18n import _

if TYPE_CHECKING:
    from selvhjelp_cli.groupfile.model import Group

STEMS = {
    "nb": {"declaration": "taushetserklaering", "principles": "prinsipper", "framework": "rammer",
           "first-meeting": "forste-mote", "digital": "digitale-moter", "registration": "registrering",
           "attendance": "oppmoteliste", "poster": "plakat"},
    "nn": {"declaration": "teieplikt", "principles": "prinsipp", "framework": "rammer",
           "first-meeting": "forste-mote", "digital": "digitale-mote", "registration": "registrering",
           "attendance": "oppmoteliste", "poster": "plakat"},
    "en": {"declaration": "confidentiality-declaration", "principles": "principles", "framework": "framework",
           "first-meeting": "first-meeting", "digital": "online-meetings", "registration": "registration",
           "attendance": "attendance", "poster": "poster"},
}


@dataclass
class Document:
    template: str  # without extension: ".html.j2" or ".md.j2" is added
    title: str  # the PDF/HTML title: the kind of document only, never a name
    file_stem: str
    private: bool  # holds participants' names: written with mode 0600
    context: dict[str, Any] = field(default_factory=dict)
    landscape: bool = False
    page_numbers: bool = True  # off where each page stands alone (one declaration per person, the poster)
    notes: list[str] = field(default_factory=list)  # what the user should know: printed by the command


# A group file that breaks one of these requirements still gets its documents
# (the starter may need them to put it right), but the command says so.
REQUIREMENTS = ("free-of-charge", "leaderless", "adult", "confidentiality")


def firing(group: Group | None, today: date) -> dict[str, list]:
    """The rules that fire for the group, not set aside by its decisions: rule id -> findings."""
    if group is None:
        return {}
    from selvhjelp_cli.rules.checker import findings_for_group

    firing: dict[str, list] = {}
    for finding in findings_for_group(group, today):
        if not finding.acknowledged and finding.severity != "info":
            firing.setdefault(finding.rule, []).append(finding)
    return firing


def requirement_notes(firing: dict[str, list], skip: tuple[str, ...] = ()) -> list[str]:
    return [_("Merk: Gruppefilen bryter et krav i rammene ({rule}): {message} Dokumentet er skrevet "
              "likevel.").format(rule=rule, message=finding.message)
            for rule in REQUIREMENTS if rule not in skip for finding in firing.get(rule, [])]


@cache
def texts(language: str) -> dict:
    import yaml

    from selvhjelp_cli.core.resources import templates_dir

    source = (templates_dir() / "texts" / f"{language}.yaml").read_text(encoding="utf-8")
    return yaml.load(source, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def time_span(start: datetime, end: datetime, language: str) -> str:
    return clock_text(f"{clock(start, language)}–{clock(end, language)}", language)


def clock_text(time: str, language: str) -> str:
    """A time as running text writes it: «kl. 18.00» in Norwegian, «18:00» in English."""
    return time if language == "en" else f"kl. {time}"


def rhythm(group: Group, t: dict, language: str) -> str:
    weekday = format_day(group.schedule.first_meeting, "EEEE", language)
    weeks = group.schedule.every_weeks
    if weeks == 1:
        return t["common"]["every_week"].format(weekday=weekday)
    if weeks == 2:
        return t["common"]["every_second_week"].format(weekday=weekday)
    from selvhjelp_cli.core.words import ordinal_word

    return t["common"]["every_n_weeks"].format(weekday=weekday, n=weeks, nth=ordinal_word(weeks, language))


def base(group: Group | None, language: str, title: str) -> dict[str, Any]:
    return {
        "t": texts(language),
        "title": title,
        "html_lang": language,
        "group_name": group.name if group else None,
    }


def stem(kind: str, group: Group | None, language: str) -> str:
    from selvhjelp_cli.core.files import slug

    stem = STEMS[language][kind]
    return f"{stem}-{slug(group.name)}" if group else stem


def offices_named(group: Group | None) -> list:
    """The contact points a document may name: never the district offices of 2019, closed in 2023."""
    if group is None:
        return []
    from selvhjelp_cli.places.directory import active_directory
    from selvhjelp_cli.places.resolver import offices_for_group

    directory = active_directory()
    return [] if directory.builtin else offices_for_group(directory, group.county, group.municipality)


def first_break(group: Group):
    from selvhjelp_cli.calendar.meetings import typical

    return typical(group).break_window



_TIME_SPAN = re.compile(r"(?:(kl\.) )?(\d{1,2}[.:]\d{2})–(?=\d)")
_PHONE = re.compile(r"(?<!\d)(\+?\d{2,3})((?: \d{2,3}){2,4})(?!\d)")
_POSTCODE_TOWN = re.compile(r"\b(\d{4}) (?=\w)")
_DAY_MONTH_YEAR_TEXT = re.compile(r"\b(\d{1,2}\.?) ([^\W\d]+) (\d{4})\b")
_HOUSE_LETTER = re.compile(r"\b(\d+) ([A-ZÆØÅ])\b")


def unbreakable(text: str) -> str:
    """Times ("kl. 18.00–20.00"), phone numbers, postcodes with their town, dates
    ("12. januar 2027"), house numbers with their letter ("123 B") and e-mail
    addresses kept on one line: no-break spaces inside them, a word joiner after the
    dash of a time span, no-break hyphens in addresses."""
    text = _TIME_SPAN.sub(lambda m: (f"{m.group(1)}\u00a0" if m.group(1) else "") + f"{m.group(2)}–\u2060", text)
    text = _PHONE.sub(lambda m: m.group(1) + m.group(2).replace(" ", "\u00a0"), text)
    text = _POSTCODE_TOWN.sub(lambda m: m.group(1) + "\u00a0", text)
    text = _DAY_MONTH_YEAR_TEXT.sub(lambda m: "\u00a0".join(m.groups()), text)
    text = _HOUSE_LETTER.sub(lambda m: m.group(1) + "\u00a0" + m.group(2), text)
    return " ".join(word.replace("-", "\u2011") if "@" in word else word for word in text.split(" "))



def language_for(group: Group | None, chosen: str | None = None) -> str:
    """A document's language: the one chosen, else the group file's own, else the program's."""
    if chosen:
        return chosen
    if group is not None and "language" in group.model_fields_set:
        return group.language
    from selvhjelp_cli.core.i18n import current

    return current()
