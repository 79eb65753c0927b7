"""Which district office serves a place: county, municipality or postcode.

Offices are defined by the counties of 2019. People name places by the county
of any generation (before 2020, 2020–2023, from 2024), with or without æ/ø/å,
by number, by Sami name, by municipality or by postcode. Every rule for
matching a name lives here, so `find-district`, `init-group` and `check`
agree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from selvhjelp_cli.core.errors import UserError
from selvhjelp_cli.core.i18n import _, translate
from selvhjelp_cli.core.words import join, number
from selvhjelp_cli.places.registers import (
    ERA_IN_SENTENCE,
    ERA_LABEL,
    ERA_ORDER,
    ERA_PHRASE,
    MAX_PLACE_NAME,
    County,
    Municipality,
    Office,
    counties,
    county_2024,
    county_index,
    county_municipalities,
    fold,
    former_municipalities,
    municipalities,
    municipality_index,
    office_list,
    office_names,
    postal_place_index,
    postcode_row,
    postcode_rows,
)


@dataclass
class Resolution:
    """The answer to "who covers this place?"."""

    query: dict[str, str]
    matched: str | None = None
    # The 2019 offices (registers.Office) as districts finds them; resolver.resolve gives the directory's
    # entries (contacts.Contact) in their place, which is what every answer shows.
    offices: list[Any] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    suggestions: list[str] = field(default_factory=list)
    readings: list[dict] = field(default_factory=list)  # for a place named freely: what it could mean

    @property
    def asked(self) -> str:
        """What was asked, as an answer repeats it: input longer than any place name is cut short."""
        (text,) = self.query.values()
        return text if len(text) <= 60 else text[:60] + "…"

    def as_json(self) -> dict:
        answer = {
            "query": self.query,
            "matched": self.matched,
            "offices": [o.as_json() for o in self.offices],
            "notes": self.notes,
            "suggestions": self.suggestions,
        }
        if self.readings:
            answer["readings"] = self.readings
        return answer


def _suggest(text: str, candidates: dict[str, str]) -> list[str]:
    """Up to three display names whose keys are closest to the folded text."""
    import difflib

    if len(text) > MAX_PLACE_NAME:
        return []
    close = difflib.get_close_matches(fold(text), list(candidates), n=6, cutoff=0.6)
    names: list[str] = []
    for key in close:
        if candidates[key] not in names:
            names.append(candidates[key])
    return names[:3]


def find_county(text: str) -> list[County]:
    """Every county entity the text names, the newest generation first."""
    if len(text) > MAX_PLACE_NAME:
        return []
    found = county_index().get(fold(text), [])
    return sorted(found, key=lambda c: ERA_ORDER[c.era])


@cache
def _county_names() -> dict[str, str]:
    """Folded key -> display name of every county name, the newest generation's spelling first."""
    candidates: dict[str, str] = {}
    for county in sorted(counties(), key=lambda c: ERA_ORDER[c.era]):
        for name in (county.name, *county.other_names):
            candidates.setdefault(fold(name), name)
    return candidates


def suggest_county(text: str) -> list[str]:
    return _suggest(text, _county_names())


def resolve_county(text: str) -> Resolution:
    result = Resolution(query={"county": text})
    found = find_county(text)
    if not found:
        result.suggestions = suggest_county(text)
        return result
    chosen = found[0]
    result.matched = chosen.name
    result.offices = office_list(chosen.offices)
    result.notes.extend(translate(note) for note in chosen.notes)  # the register's notes are bokmål msgids
    for older in found[1:]:
        if older.name == chosen.name and set(older.offices) != set(chosen.offices):
            older_part = (_("{older_era} hørte hele {name2} til {office_names}.") if len(older.offices) == 1
                          else _("{older_era} hørte {name2} til {office_names}.")).format(
                older_era=_(ERA_PHRASE[older.era]), name2=older.name, office_names=office_names(older.offices))
            result.notes.append(_("Svaret gjelder {name} slik fylket er avgrenset {era}.").format(
                name=chosen.name, era=_(ERA_LABEL[chosen.era])) + " " + older_part)
    if fold(text) in {chosen.number, chosen.number.lstrip("0")} and chosen.era != "2024":
        result.notes.append(_("Fylkesnummer {number} er nummeret {name} hadde {era}.").format(
            number=chosen.number, name=chosen.name, era=_(ERA_IN_SENTENCE[chosen.era])))
    return result


def find_municipality(text: str) -> list[Municipality]:
    """Municipalities the text names; "Herøy, Nordland" or "Herøy (Nordland)" picks one."""
    if len(text) > MAX_PLACE_NAME:
        return []
    name, qualifier = _split_qualifier(text)
    found = municipality_index().get(fold(name), [])
    if qualifier:
        # «Os, Hordaland» is the former Os: the county picks among every
        # place the name has meant, current or former.
        wanted = {c.number for c in find_county(qualifier)}
        found = [m for m in found if m.county in wanted] or found
    current = [m for m in found if not m.former]
    return current or found


def has_former_namesake(text: str) -> bool:
    """A name without county that a current and a former municipality both bear («Os»)."""
    if len(text) > MAX_PLACE_NAME:
        return False
    name, qualifier = _split_qualifier(text)
    found = municipality_index().get(fold(name), [])
    return qualifier is None and any(m.former for m in found) and any(not m.former for m in found)


def _split_qualifier(text: str) -> tuple[str, str | None]:
    """'Herøy, Nordland', 'Herøy (Nordland)' or 'Herøy i Nordland' -> ('Herøy', 'Nordland')."""
    text = text.strip()
    name = qualifier = None
    if text.endswith(")") and "(" in text:
        name, qualifier = text[: text.index("(")], text[text.index("(") + 1 : -1]
    elif "," in text:
        name, _unused, qualifier = text.partition(",")
    else:
        parts = re.split(r"\s+i\s+", text, maxsplit=1)
        if len(parts) == 2:
            name, qualifier = parts
    if not name or not name.strip() or not qualifier or not qualifier.strip() or not find_county(qualifier):
        return text, None
    return name.strip(), qualifier.strip()


@cache
def _municipality_names() -> dict[str, str]:
    """Folded key -> display name of every municipality name, current ones first."""
    candidates: dict[str, str] = {}
    for m in municipalities().values():
        for name in (m.name, *m.other_names):
            candidates.setdefault(fold(name), name)
    for m in former_municipalities():
        candidates.setdefault(fold(m.name), m.name)
    return candidates


def suggest_municipality(text: str, county: str | None = None) -> list[str]:
    """Up to three municipality names close to text; those in `county` (if given) first."""
    suggestions = _suggest(text, _municipality_names())
    if county and find_county(county):
        wanted = {c.number for c in find_county(county) if c.era == "2024"}
        in_county = {name for m in municipalities().values() if m.county in wanted for name in (m.name, *m.other_names)}
        suggestions.sort(key=lambda name: name not in in_county)
    return suggestions


def resolve_municipality(text: str) -> Resolution:
    result = Resolution(query={"municipality": text})
    found = find_municipality(text)
    if not found:
        result.suggestions = suggest_municipality(text)
        return result
    if len(found) > 1:
        result.matched = found[0].name
        result.offices = office_list(o for m in found for o in m.offices)
        places = [_("{municipality} i {county} ({offices})").format(
            municipality=m.name, county=county_2024(m.county).name, offices=office_names(m.offices)) for m in found]
        result.notes.append(
            _("Det finnes {count} kommuner som heter {name}: ").format(count=number(len(found)), name=found[0].name)
            + join(places)
            + _(". Skriv for eksempel «{name}, {name2}» for å velge "
                "én.").format(name=found[0].name, name2=county_2024(found[0].county).name)
        )
        return result
    m = found[0]
    result.matched = m.name
    result.offices = office_list(m.offices)
    if m.former:
        now = join(municipalities()[n].name for n in m.now)
        result.notes.append(
            _("{name} er ikke lenger en egen kommune; området hører nå til {now}. "
            "Det hørte til {office_names} etter fylkesinndelingen fra før "
            "2020.").format(name=m.name, now=now, office_names=office_names(m.offices))
        )
    elif len(m.offices) > 1:
        result.notes.extend(_shared_municipality_note(m))
    return result


def _shared_municipality_note(m: Municipality) -> list[str]:
    county = county_2024(m.county)
    notes = [translate(n) for n in county.notes if m.name in n]
    if not notes:
        notes = [_("{name} deles mellom {office_names}.").format(name=m.name, office_names=office_names(m.offices))]
    return notes + [_("Oppgi postnummer for å finne kontoret for din del av kommunen.")]


def resolve_postcode(text: str) -> Resolution:
    code = text.strip().replace(" ", "")
    if not re.fullmatch(r"[0-9]{4}", code):
        raise UserError(_("Et postnummer har fire sifre, for eksempel 0364 eller 5501."))
    result = Resolution(query={"postcode": code})
    row = postcode_row(code)
    if row is None:
        result.notes.append(_("Sjekk at postnummeret er riktig."))
        return result
    place = row["poststed"].title()
    m = municipalities().get(row["kommunenummer"])
    if m is None:
        result.matched = f"{code} {place}"
        result.notes.append(
            _("{place} hører ikke til noe fylke, og ingen distriktskontor dekket området i 2019. "
            "Ta kontakt med hovedkontoret.").format(place=place)
        )
        return result
    result.matched = f"{code} {place} ({m.name})"
    if row["kontor"]:
        result.offices = office_list([row["kontor"]])
        result.notes.append(
            _(
                "{name} deles mellom {office_names}. Postnummeret {code} hørte før 2020 til "
                "den delen som {office_names2} dekker. Postnumre følger ikke kommunegrensene "
                "helt, så spør kontoret hvis du er i "
                "tvil."
            ).format(
                name=m.name,
                office_names=office_names(m.offices),
                code=code,
                office_names2=office_names([row['kontor']]),
            )
        )
    else:
        result.offices = office_list(m.offices)
    return result


def offices_for_place(county: str, municipality: str | None) -> list[Office]:
    """The offices for a group's county and (optional) municipality."""
    if municipality:
        found = find_municipality(municipality)
        if len(found) == 1:
            return office_list(found[0].offices)
    found_counties = find_county(county)
    return office_list(found_counties[0].offices) if found_counties else []


# --- Places as people name them -------------------------------------------------
#
# A directory other than the built-in one covers places by county (of any
# generation), municipality or postcode. To answer from it, a query becomes
# one or more readings: what the words could mean, each with the 2024
# municipalities and postcodes it stands for.

@dataclass(frozen=True)
class Reading:
    kind: str  # "postcode", "postal-place", "municipality", "former-municipality" or "county"
    name: str
    municipalities: tuple[str, ...]  # 2024 municipality numbers
    postcodes: tuple[str, ...] = ()
    county: County | None = None
    municipality: Municipality | None = None

    @property
    def the_county(self) -> County:
        """The county of a county reading."""
        if self.county is None:
            raise ValueError(f"a {self.kind} reading has no county")
        return self.county

    @property
    def the_municipality(self) -> Municipality:
        """The municipality of a municipality reading (or a former one)."""
        if self.municipality is None:
            raise ValueError(f"a {self.kind} reading has no municipality")
        return self.municipality

    @property
    def label(self) -> str:
        """The reading in words, e.g. «Os i Innlandet» or «Bryne (poststed i Time og Klepp)»."""
        if self.kind == "county":
            whole = self.the_county
            return whole.label if whole.era != "2024" else _("{name} (fylke)").format(name=self.name)
        if self.kind == "former-municipality":
            m = self.the_municipality
            until, eras = {"2019": (2020, ("pre2020", "2018-2019")), "2020-2023": (2024, ("2020-2023",))}[m.period]
            county = next((c.name for c in counties() if c.era in eras and c.number == m.county), None)
            now = join(municipalities()[n].name for n in m.now)
            where = _(" i {county}").format(county=county) if county else ""
            return _("{name}{where} (kommune til {year}, nå en del av {now})").format(
                name=m.name, where=where, year=until, now=now)
        if self.kind == "municipality":
            county = county_2024(self.the_municipality.county).name
            return self.name if county == self.name else _("{name} i {county}").format(name=self.name, county=county)
        places = join(municipalities()[n].name for n in self.municipalities if n in municipalities())
        if self.kind == "postcode":
            return f"{self.postcodes[0]} {self.name} ({places})" if places else f"{self.postcodes[0]} {self.name}"
        # Longyearbyen and other places on Svalbard lie in no municipality of the register.
        return _("{name} (poststed i {places})").format(name=self.name, places=places) if places else self.name


def postcode_reading(code: str) -> Reading | None:
    row = postcode_rows().get(code)
    if row is None:
        return None
    place, number = row
    return Reading("postcode", place.title(), (number,) if number in municipalities() else (), (code,))


def _postal_place(text: str) -> Reading | None:
    codes = postal_place_index().get(fold(text), [])
    if not codes:
        return None
    rows = postcode_rows()
    numbers = tuple(dict.fromkeys(rows[c][1] for c in codes if rows[c][1] in municipalities()))
    return Reading("postal-place", rows[codes[0]][0].title(), numbers, tuple(codes))


def municipality_reading(m: Municipality) -> Reading:
    kind = "former-municipality" if m.former else "municipality"
    return Reading(kind, m.name, m.numbers_2024, municipality=m)


def county_reading(county: County) -> Reading:
    return Reading("county", county.name, tuple(sorted(county_municipalities(county))), county=county)


def read_place(text: str) -> list[Reading]:
    """What a place name could mean, in the order postal place, municipality, county.

    A postcode is read by `postcode_reading`. Readings that stand for the same
    municipalities are told once: the municipality rather than its post
    office (Bergen), the municipality rather than its county (Oslo).
    """
    if len(text) > MAX_PLACE_NAME or not fold(text):
        return []
    name, qualifier = _split_qualifier(text)
    found = find_municipality(text) if qualifier else municipality_index().get(fold(name), [])
    places = [municipality_reading(m) for m in sorted(found, key=lambda m: m.former)]
    readings: list[Reading] = []
    postal = None if qualifier else _postal_place(text)
    if postal and not any(set(postal.municipalities) == set(r.municipalities) for r in places):
        readings.append(postal)
    readings += places
    counties = [] if qualifier else find_county(text)
    if counties:
        county = county_reading(counties[0])
        if not any(set(county.municipalities) == set(r.municipalities) for r in readings):
            readings.append(county)
    return readings


def suggest_place(text: str) -> list[str]:
    """Up to three names close to text: municipalities, counties and postal places."""
    candidates = {**_postal_place_names(), **_county_names(), **_municipality_names()}
    return _suggest(text, candidates)


@cache
def _postal_place_names() -> dict[str, str]:
    rows = postcode_rows()
    return {key: rows[codes[0]][0].title() for key, codes in postal_place_index().items()}
