"""The registers behind every answer about places: counties of three generations,
municipalities (and former ones), postcodes, and the district offices of 2019.

Read from data/ once, on first use, and kept; `fold` is the one matching key,
so that a name is found however it is spelt.
"""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from selvhjelp_cli.core.i18n import N_, _
from selvhjelp_cli.core.resources import data_file
from selvhjelp_cli.core.words import join

ERA_ORDER = {"2024": 0, "2020-2023": 1, "2018-2019": 2, "pre2020": 3, "pre2018": 4}
ERA_LABEL = {
    "2024": N_("fra 2024"),
    "2020-2023": "2020–2023",
    "2018-2019": "2018–2019",
    "pre2020": N_("før 2020"),
    "pre2018": N_("før 2018"),
}

ERA_IN_SENTENCE = {"2024": N_("fra 2024"), "2020-2023": N_("i 2020–2023"), "2018-2019": N_("i 2018–2019"),
                    "pre2020": N_("før 2020"), "pre2018": N_("før 2018")}
ERA_PHRASE = {
    "2020-2023": N_("I 2020–2023"),
    "2018-2019": N_("I 2018–2019"),
    "pre2020": N_("Før 2020"),
    "pre2018": N_("Før 2018"),
}
_FILLER_WORDS = {"og", "and", "fylke", "fylkeskommune", "county", "kommune", "kommun", "municipality"}
_DIGRAPHS = (("aa", "a"), ("oe", "o"), ("ae", "a"))


# No place in Norway has a name this long; longer input is no place, and is
# not compared with every name to find the closest.
MAX_PLACE_NAME = 100


def fold(text: str) -> str:
    """A matching key: case, æøå spelling, accents, hyphens and 'og' do not matter."""
    text = text.casefold().replace("æ", "ae").replace("ø", "oe").replace("å", "aa")
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    words = re.split(r"[^a-z0-9]+", text)
    text = "".join(w for w in words if w and w not in _FILLER_WORDS)
    for digraph, single in _DIGRAPHS:
        text = text.replace(digraph, single)
    return text


@dataclass(frozen=True)
class Office:
    id: str
    office: str
    phone: str
    covers: tuple[str, ...]

    def as_json(self) -> dict:
        return {"id": self.id, "office": self.office, "phone": self.phone, "covers": list(self.covers)}


@dataclass(frozen=True)
class County:
    era: str
    number: str
    name: str
    other_names: tuple[str, ...]
    made_of: str
    offices: tuple[str, ...]
    notes: tuple[str, ...]

    @property
    def label(self) -> str:
        return f"{self.name} ({_(ERA_LABEL[self.era])})"


@dataclass(frozen=True)
class Municipality:
    number: str
    name: str
    county: str  # 2024 county number
    other_names: tuple[str, ...]
    offices: tuple[str, ...]
    former: bool = False  # an earlier name, no longer a municipality
    now: tuple[str, ...] = ()  # for former names: the 2024 municipality numbers
    counties_2020: tuple[str, ...] = ()  # the 2020–2023 counties its area lay in
    counties_2019: tuple[str, ...] = ()  # the 2019 counties its area lay in
    period: str = ""  # for former names: "2019" or "2020-2023", when the name was last used

    @property
    def numbers_2024(self) -> tuple[str, ...]:
        return self.now if self.former else (self.number,)


@cache
def districts_data() -> dict:
    # districts.json is districts.yaml compiled by scripts/build_data.py: the
    # same data, read without loading a YAML parser while someone waits.
    return json.loads(data_file("districts.json").read_text(encoding="utf-8"))


def raw_directory() -> dict:
    """The built-in directory as data: its date, source and notice, head office, offices."""
    return districts_data()


@cache
def offices() -> dict[str, Office]:
    return {
        o["id"]: Office(o["id"], o["office"], o["phone"], tuple(o["covers"]))
        for o in districts_data()["offices"]
    }


@cache
def counties() -> tuple[County, ...]:
    return tuple(
        County(
            era=c["era"],
            number=c["number"],
            name=c["name"],
            other_names=tuple(c.get("other_names") or ()),
            made_of=c.get("made_of", ""),
            offices=tuple(c["offices"]),
            notes=tuple(c.get("notes") or ()),
        )
        for c in districts_data()["counties"]
    )


@cache
def county_index() -> dict[str, list[County]]:
    index: dict[str, list[County]] = {}
    for county in counties():
        keys = {fold(county.name), county.number, county.number.lstrip("0")}
        keys.update(fold(n) for n in county.other_names)
        for key in keys:
            index.setdefault(key, []).append(county)
    return index


def _read_csv(name: str) -> list[dict[str, str]]:
    text = data_file(name).read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO(text)))


@cache
def municipalities() -> dict[str, Municipality]:
    return {
        r["kommunenummer"]: Municipality(
            number=r["kommunenummer"],
            name=r["navn"],
            county=r["fylkesnummer"],
            other_names=tuple(n for n in r["andre_navn"].split("|") if n),
            offices=tuple(r["kontorer"].split("|")),
            counties_2020=tuple(r["fylker_2020_2023"].split("|")),
            counties_2019=tuple(r["fylker_2019"].split("|")),
        )
        for r in _read_csv("municipalities.csv")
    }


@cache
def former_municipalities() -> list[Municipality]:
    return [
        Municipality(
            number=r["nummer"],
            name=r["navn"],
            county=r["fylkesnummer"],
            other_names=(),
            offices=tuple(r["kontor"].split("|")),
            former=True,
            now=tuple(r["kommunenummer_2024"].split("|")),
            period=r["periode"],
        )
        for r in _read_csv("former_municipalities.csv")
    ]


@cache
def municipality_index() -> dict[str, list[Municipality]]:
    index: dict[str, list[Municipality]] = {}
    for m in municipalities().values():
        for key in {fold(m.name), m.number, *(fold(n) for n in m.other_names)}:
            index.setdefault(key, []).append(m)
    for m in former_municipalities():
        index.setdefault(fold(m.name), []).append(m)
    return index


def county_2024(number: str) -> County:
    return next(c for c in counties() if c.era == "2024" and c.number == number)


def office_list(ids) -> list[Office]:
    table = offices()
    seen: list[str] = []
    for office_id in ids:
        if office_id not in seen:
            seen.append(office_id)
    return [table[i] for i in seen]


def office_names(ids) -> str:
    return join(offices()[i].office for i in ids)


@cache
def postcode_text() -> str:
    return data_file("postcodes.csv").read_text(encoding="utf-8")


def postcode_row(code: str) -> dict[str, str] | None:
    # One row of 5,000 is needed: find it by its line start instead of
    # parsing the whole table.
    text = postcode_text()
    at = text.find(f"\n{code},")
    if at < 0:
        return None
    _unused, place, municipality, office = text[at + 1 : text.find("\n", at + 1)].split(",")
    return {"poststed": place, "kommunenummer": municipality, "kontor": office}


@cache
def county_municipalities(county: County) -> frozenset[str]:
    """The 2024 municipalities whose area lay, wholly or partly, in the county."""
    if county.era == "2024":
        return frozenset(m.number for m in municipalities().values() if m.county == county.number)
    if county.era == "2020-2023":
        return frozenset(m.number for m in municipalities().values() if county.number in m.counties_2020)
    if county.era == "pre2018":
        # Sør- and Nord-Trøndelag merged in 2018; the registers the tool has
        # do not say which municipality lay in which, so both mean Trøndelag.
        return frozenset(m.number for m in municipalities().values() if "50" in m.counties_2019)
    return frozenset(m.number for m in municipalities().values() if county.number in m.counties_2019)


@cache
def postcode_rows() -> dict[str, tuple[str, str]]:
    rows = {}
    for line in postcode_text().splitlines()[1:]:
        code, place, municipality, _unused = line.split(",")
        rows[code] = (place, municipality)
    return rows


@cache
def postal_place_index() -> dict[str, list[str]]:
    index: dict[str, list[str]] = {}
    for code, (place, _unused) in postcode_rows().items():
        index.setdefault(fold(place), []).append(code)
    return index


