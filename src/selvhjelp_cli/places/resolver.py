"""Who covers a place, answered from a directory.

The built-in directory answers through districts.py, which knows how the 2019
offices split shared counties and municipalities. Any other directory is
answered from what each entry covers: the most specific coverage wins
(postcode, then municipality, then county), and entries that tie are all
listed in the order of the file.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from selvhjelp_cli.core.i18n import _
from selvhjelp_cli.core.words import join
from selvhjelp_cli.places.districts import Reading, Resolution

if TYPE_CHECKING:
    from collections.abc import Iterable

    from selvhjelp_cli.places.contacts import Contact, Directory
    from selvhjelp_cli.places.registers import Office

KINDS = ("place", "county", "municipality", "postcode")


def resolve(directory: Directory, kind: str, text: str) -> Resolution:
    """The answer for a query of one kind: a place named any way, a county, a municipality or a postcode."""
    from selvhjelp_cli.places import districts

    if kind == "place" and re.fullmatch(r"\s*[0-9]{4}\s*", text):
        kind = "postcode"
    if kind == "postcode":
        code = text.strip().replace(" ", "")
        result = districts.resolve_postcode(code)  # checks the form, says when the code does not exist
        if not directory.builtin and result.matched:
            reading = districts.postcode_reading(code)
            if reading is not None and reading.municipalities:
                result.notes = []
                result.offices = _covering(directory, reading, result.notes)
            else:
                result.offices = []
        else:
            result.offices = _contacts(directory, result.offices)
        return result
    if kind == "place" or (kind == "municipality" and districts.has_former_namesake(text)):
        # «Os» is Os in Innlandet and the Os in Hordaland that became Bjørnafjorden in 2020:
        # both readings, as the free query gives them, never one picked in silence.
        result = _resolve_place(directory, text)
        result.query = {kind: text}
        return result
    if directory.builtin:
        result = {"county": districts.resolve_county, "municipality": districts.resolve_municipality}[kind](text)
        result.offices = _contacts(directory, result.offices)
        return result
    result = Resolution(query={kind: text})
    if kind == "county":
        found = districts.find_county(text)
        if not found:
            result.suggestions = districts.suggest_county(text)
            return result
        readings = [districts.county_reading(found[0])]
    else:
        matches = districts.find_municipality(text)
        if not matches:
            result.suggestions = districts.suggest_municipality(text)
            return result
        readings = [districts.municipality_reading(m) for m in matches]
    return _answer(directory, result, readings, text)


def _contacts(directory: Directory, offices: Iterable[Office]) -> list[Contact]:
    """The built-in answer's offices as the directory's entries."""
    return [contact for o in offices if (contact := directory.contact(o.id))]


def _resolve_place(directory: Directory, text: str) -> Resolution:
    from selvhjelp_cli.places import districts

    readings = districts.read_place(text)
    result = Resolution(query={"place": text})
    if not readings:
        result.suggestions = _suggest_place(text)
        return result
    if len(readings) == 1 and directory.builtin and readings[0].kind != "postal-place":
        reading = readings[0]
        if reading.kind == "county":
            answer = districts.resolve_county(text)
        else:
            answer = districts.resolve_municipality(
                reading.the_municipality.number if reading.kind == "municipality" else text)
        answer.query = result.query
        answer.matched = reading.label if reading.kind != "county" else answer.matched
        answer.offices = _contacts(directory, answer.offices)
        answer.readings = [_reading_json(reading, answer.offices)]
        return answer
    return _answer(directory, result, readings, text)


def _answer(directory: Directory, result: Resolution, readings: list[Reading], text: str) -> Resolution:
    per_reading = []
    for reading in readings:
        notes: list[str] = []
        offices = _offices_for(directory, reading, notes)
        per_reading.append((reading, offices, notes))
    result.matched = readings[0].label if len(readings) == 1 else _("{strip} (flere steder)").format(strip=text.strip())
    for _reading, offices, _notes in per_reading:
        result.offices += [o for o in offices if o not in result.offices]
    if len(readings) == 1:
        result.notes += per_reading[0][2]
    else:
        result.notes.append(_("«{strip}» kan bety flere steder. Svaret gjelder alle:").format(strip=text.strip()))
        for reading, offices, notes in per_reading:
            who = join(o.office for o in offices) if offices else _("ingen i listen")
            result.notes.append(f"– {reading.label}: {who}." + "".join(f" {n}" for n in notes))
        result.notes.append(_how_to_choose(readings))
    if "place" in result.query:
        result.readings = [_reading_json(r, o) for r, o, _unused in per_reading]
    return result


def _how_to_choose(readings: list[Reading]) -> str:
    from selvhjelp_cli.places import registers

    for reading in readings:
        if reading.kind == "municipality":
            county = registers.county_2024(reading.the_municipality.county).name
            return _("Skriv kommunen med fylket, for eksempel «{name}, {county}», eller postnummeret "
                     "ditt.").format(name=reading.name, county=county)
    return _("Skriv postnummeret ditt for å få ett svar.")


def _reading_json(reading: Reading, offices) -> dict:
    return {"kind": reading.kind, "name": reading.name, "label": reading.label,
            "offices": [o.id for o in offices]}


def _suggest_place(text: str) -> list[str]:
    from selvhjelp_cli.places import districts

    return districts.suggest_place(text)


def _offices_for(directory: Directory, reading: Reading, notes: list[str]) -> list[Contact]:
    from selvhjelp_cli.places import districts, registers

    if not directory.builtin:
        return _covering(directory, reading, notes)
    if reading.kind == "county":
        answer = districts.resolve_county(reading.the_county.number)
        return _contacts(directory, answer.offices)
    if reading.kind in ("postcode", "postal-place"):
        ids: list = []
        for code in reading.postcodes:
            ids += [o for o in districts.resolve_postcode(code).offices if o not in ids]
        return _contacts(directory, ids)
    return _contacts(directory, [registers.offices()[i] for i in reading.the_municipality.offices])


def _municipalities_of(postcode: str) -> set[str]:
    from selvhjelp_cli.places import districts

    reading = districts.postcode_reading(postcode)
    return set(reading.municipalities) if reading is not None else set()


def _covering(directory: Directory, reading: Reading, notes: list[str]) -> list[Contact]:
    """The entries of a directory file that cover the place, most specific first."""
    from selvhjelp_cli.places import registers

    places = set(reading.municipalities)
    contacts = directory.contacts
    if reading.kind == "county":
        whole = [c for c in contacts if places <= c.coverage.county_municipalities()]
        part = [c for c in contacts if c not in whole and places & c.coverage.county_municipalities()]
        for c in part:
            notes.append(_("{office} dekker bare en del av {name}.").format(office=c.office, name=reading.name))
        local = []
        for c in contacts:
            if c in whole or c in part:
                continue
            inside = c.coverage.municipalities & places
            local_codes = [p for p in sorted(c.coverage.postcodes) if _municipalities_of(p) & places]
            if inside or local_codes:
                local.append(c)
                covered = [registers.municipalities()[n].name for n in sorted(inside)] + local_codes
                notes.append(_("{office} dekker {places}.").format(
                    office=c.office, places=join(covered[:6]) + (" …" if len(covered) > 6 else "")))
        return whole + part + local
    codes = set(reading.postcodes)
    if codes:
        found = [c for c in contacts if c.coverage.postcodes & codes]
        if found:
            return found
    found = [c for c in contacts if c.coverage.municipalities & places]
    if not found:
        found = [c for c in contacts if c.coverage.county_municipalities() & places]
    if reading.kind in ("municipality", "former-municipality"):
        local = [c for c in contacts if c not in found and any(
            _municipalities_of(p) & places for p in c.coverage.postcodes)]
        for c in local:
            notes.append(_("{office} dekker noen av postnumrene her. Søk på postnummeret ditt for å se om det "
                         "gjelder deg.").format(office=c.office))
        if not found:
            return local
    return found


def offices_for_group(directory: Directory, county: str, municipality: str | None) -> list[Contact]:
    """The entries that cover a group's municipality (if given) or county."""
    from selvhjelp_cli.places import districts

    if directory.builtin:
        return _contacts(directory, districts.offices_for_place(county, municipality))
    if municipality:
        found = districts.find_municipality(municipality)
        if len(found) == 1:
            return _covering(directory, districts.municipality_reading(found[0]), [])
    counties = districts.find_county(county)
    if not counties:
        return []
    return _covering(directory, districts.county_reading(counties[0]), [])


def office_sentence(directory: Directory, offices: list[Contact], place: str | None = None) -> str:
    """One sentence for the starter: whom the group can turn to about `place`. With the built-in list it
    leads with what to do today; the closed 2019 office is only history, with no number to call."""
    head = directory.head_office
    where = _("kontaktpunktet for {place}").format(place=place) if place else _("kontaktpunktet der gruppa møtes")
    if directory.builtin:
        ask = _("Spør frivilligsentralen i kommunen, eller {name} ({reach}), om {where}.").format(
            name=head.name, reach=head.reach, where=where)
        if not offices:
            return ask
        names = join(o.office for o in offices)
        was = (_("I 2019 dekket distriktskontoret i {names} stedet") if len(offices) == 1
               else _("I 2019 delte distriktskontorene i {names} fylket")).format(names=names)
        return _("{ask} {was}; distriktskontorene ble lagt ned i 2023.").format(ask=ask, was=was)
    ask = _("Spør {name} ({reach}) om {where}.").format(name=head.name, reach=head.reach, where=where)
    if not offices:
        return _("Ingen i katalogen dekker stedet. {ask}").format(ask=ask)
    if len(offices) == 1:
        return _("Kontaktpunktet for gruppa er {office} ({reach}).").format(office=offices[0].office,
                                                                             reach=offices[0].reach)
    return _("Stedet dekkes av {items}. Kommunen avgjør hvilket kontor.").format(
        items=join(f'{o.office} ({o.reach})' for o in offices))
