"""A directory file read and checked: every problem named with its file and line.

Checked by hand-written code rather than pydantic: `find-district` reads the
file while someone waits, and pydantic alone takes longer to import than the
whole answer.
"""

from __future__ import annotations

import os
import re

from selvhjelp_cli.core.errors import UserError, did_you_mean
from selvhjelp_cli.core.i18n import _, ngettext
from selvhjelp_cli.places.contacts import HEAD_OFFICE_KEYS, Contact, Coverage, Directory, HeadOffice

MAX_TEXT = 200
MAX_NOTICE = 1000
_ID = re.compile(r"[a-z0-9](?:[a-z0-9-]*[a-z0-9])?")

TOP_KEYS = ("version", "as_of", "source", "notice", "head_office", "offices")
OFFICE_KEYS = ("id", "name", "kind", "phone", "email", "web", "address", "covers")
COVERS_KEYS = ("counties", "municipalities", "postcodes")
_REQUIRED_TOP = ("version", "as_of", "source", "head_office", "offices")

_NORWEGIAN_KEYS = {
    "versjon": "version", "dato": "as_of", "sjekket": "as_of", "kilde": "source", "merknad": "notice",
    "hovedkontor": "head_office", "kontorer": "offices", "kontaktpunkter": "offices", "navn": "name",
    "type": "kind", "slag": "kind", "telefon": "phone", "epost": "email", "e-post": "email", "nett": "web",
    "nettside": "web", "adresse": "address", "dekker": "covers", "fylker": "counties", "kommuner": "municipalities",
    "postnumre": "postcodes", "postnummer": "postcodes",
}



class _Checker:
    def __init__(self, source) -> None:
        from selvhjelp_cli.core.errors import Problem

        self.source = source
        self.errors: list[Problem] = []
        self.infos: list[Problem] = []
        self._problem = Problem

    def at(self, loc: tuple, key: bool = False) -> tuple[int | None, int | None]:
        if key and loc in self.source.keys:
            return self.source.keys[loc]
        return self.source.position(loc) or (None, None)

    def error(self, message: str, loc: tuple, key: bool = False) -> None:
        self.errors.append(self._problem(message, *self.at(loc, key)))

    def info(self, message: str, loc: tuple) -> None:
        self.infos.append(self._problem(message, *self.at(loc)))

    def keys(self, data: dict, allowed: tuple[str, ...], loc: tuple, where: str) -> None:
        from selvhjelp_cli.core.source import unknown_key_message

        for key in data:
            if key not in allowed:
                self.error(unknown_key_message(str(key), allowed, where, _NORWEGIAN_KEYS, _("katalogen")), (*loc, key),
                           key=True)

    def text(self, data: dict, key: str, loc: tuple, label: str, required: bool = False,
             limit: int = MAX_TEXT) -> str | None:
        value = data.get(key)
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                self.error(_("{label} mangler.").format(label=label), loc if key not in data else (*loc, key))
            return None
        if not isinstance(value, str):
            self.error(_("{label} må være tekst, ikke en liste eller tabell.").format(label=label), (*loc, key))
            return None
        value = value.strip()
        if any(ord(c) < 32 or ord(c) == 127 for c in value):
            self.error(_("{label} inneholder et linjeskift eller et annet kontrolltegn. Skriv verdien på én "
                         "linje.").format(label=label),
                       (*loc, key))
            return None
        if len(value) > limit:
            self.error(_("{label} er for lang (høyst {limit} tegn).").format(label=label, limit=limit), (*loc, key))
            return None
        return value

    def mapping(self, data: dict, key: str, loc: tuple, label: str) -> dict | None:
        value = data.get(key)
        if value is None:
            self.error(_("{label} mangler.").format(label=label), loc if key not in data else (*loc, key))
            return None
        if not isinstance(value, dict):
            self.error(_("{label} må være en tabell med nøkler og verdier (nøkkel: "
                         "verdi).").format(label=label), (*loc, key))
            return None
        return value

    def listing(self, data: dict, key: str, loc: tuple, label: str) -> list:
        value = data.get(key)
        if value is None:
            return []
        if isinstance(value, str):
            return [value]  # "counties: Vestland" is one county
        if not isinstance(value, list):
            self.error(_("{label} må være en liste (linjer som begynner med «- »).").format(label=label), (*loc, key))
            return []
        return value


def _county_coverage(checker: _Checker, name: str, loc: tuple) -> tuple[str, frozenset[str]] | None:
    from selvhjelp_cli.places import districts, registers

    found = _find_county_with_era(name)
    if not found:
        checker.error(
            _("Fylket «{short}» er ukjent.{suggestion}").format(
                short=_short(name), suggestion=did_you_mean(districts.suggest_county(name))
            ),
            loc,
        )
        return None
    county = found[0]
    if county.era == "pre2018":
        checker.error(_("{name} ble en del av Trøndelag i 2018, og verktøyet vet ikke hvilke kommuner som lå i "
                      "hvilket av de to fylkene. Skriv «Trøndelag», eller list kommunene under "
                      "«municipalities».").format(name=county.name), loc)
        return None
    return (name, registers.county_municipalities(county))


_ERA_WORDS = {"før 2020": "pre2020", "2019": "pre2020", "2018–2019": "2018-2019", "2018-2019": "2018-2019",
              "2020–2023": "2020-2023", "2020-2023": "2020-2023", "fra 2024": "2024", "2024": "2024"}


def _find_county_with_era(name: str):
    """«Akershus» is the county of today; «Akershus (før 2020)» the one of 2019."""
    from selvhjelp_cli.places import districts

    match = re.fullmatch(r"(.+?)\s*\(([^)]*)\)\s*", name)
    if match and match.group(2).strip().casefold() in _ERA_WORDS:
        era = _ERA_WORDS[match.group(2).strip().casefold()]
        return [c for c in districts.find_county(match.group(1)) if c.era == era]
    return districts.find_county(name)


def _municipality_coverage(checker: _Checker, name: str, loc: tuple) -> frozenset[str] | None:
    from selvhjelp_cli.places import districts, registers

    found = districts.find_municipality(name)
    if not found:
        checker.error(
            _("Kommunen «{short}» er ukjent.{suggestion}").format(
                short=_short(name), suggestion=did_you_mean(districts.suggest_municipality(name))
            ),
            loc,
        )
        return None
    if len(found) > 1:
        choices = [f"{m.name} ({registers.county_2024(m.county).name})" for m in found if not m.former]
        checker.error(_("Det finnes flere kommuner som heter {name}. Skriv for eksempel "
                        "«{choices}».").format(name=found[0].name, choices=choices[0]), loc)
        return None
    return frozenset(found[0].numbers_2024)


def _short(text: str) -> str:
    return text if len(text) <= 60 else text[:60] + "…"


def _office(checker: _Checker, data, index: int, seen_ids: dict[str, int]) -> Contact | None:
    from selvhjelp_cli.places import districts

    loc = ("offices", index)
    if not isinstance(data, dict):
        checker.error(_("Kontor nr. {value} må være en tabell med nøklene id, name, covers "
                        "…").format(value=index + 1), loc)
        return None
    where = _(" under kontor nr. {value}").format(value=index + 1)
    checker.keys(data, OFFICE_KEYS, loc, where)
    office_id = checker.text(data, "id", loc, _("«id» for kontor nr. {value}").format(value=index + 1), required=True)
    if office_id is not None:
        if not _ID.fullmatch(office_id):
            checker.error(_("«id» for kontor nr. {value} kan bare ha små bokstaver a–z, sifre og bindestrek, "
                          "for eksempel «link-bergen».").format(value=index + 1), (*loc, "id"))
        elif office_id in seen_ids:
            checker.error(_("«id» «{office_id}» er brukt før, av kontor nr. {value}. "
                          "Hvert kontor trenger sin egen "
                          "id.").format(office_id=office_id, value=seen_ids[office_id] + 1), (*loc, "id"))
        else:
            seen_ids[office_id] = index
    label = _("kontor nr. {value}").format(value=index + 1)
    name = checker.text(data, "name", loc, _("«name» for {label}").format(label=label), required=True)
    values = {
        key: checker.text(data, key, loc, _("«{key}» for {label}").format(key=key, label=label))
        for key in ("kind", "phone", "email", "web", "address")
    }
    if not any(values[key] for key in ("phone", "email", "web")) and not any(
            isinstance(data.get(key), (list, dict)) for key in ("phone", "email", "web")):
        checker.error(_("{value} trenger minst én av «phone», «email» og «web», "
                      "så folk kan ta kontakt.").format(value=label[0].upper() + label[1:]), loc)
    covers = checker.mapping(data, "covers", loc, _("«covers» for {label}").format(label=label))
    shown: list[str] = []
    counties: list[tuple[str, frozenset[str]]] = []
    municipalities: set[str] = set()
    postcodes: set[str] = set()
    if covers is not None:
        cloc = (*loc, "covers")
        checker.keys(covers, COVERS_KEYS, cloc, _(" under «covers» for {label}").format(label=label))
        for i, value in enumerate(checker.listing(covers, "counties", cloc, _("«counties» for "
                                                                              "{label}").format(label=label))):
            if (text := _entry(checker, value, (*cloc, "counties", i))) and (got := _county_coverage(
                    checker, text, (*cloc, "counties", i))):
                counties.append(got)
                shown.append(text)
        for i, value in enumerate(checker.listing(covers, "municipalities", cloc, _("«municipalities» for "
                                                                                    "{label}").format(label=label))):
            if (text := _entry(checker, value, (*cloc, "municipalities", i))) and (numbers := _municipality_coverage(
                    checker, text, (*cloc, "municipalities", i))):
                municipalities |= numbers
                shown.append(text)
        for i, value in enumerate(checker.listing(covers, "postcodes", cloc, _("«postcodes» for "
                                                                               "{label}").format(label=label))):
            text = _entry(checker, value, (*cloc, "postcodes", i))
            if text is None:
                continue
            code = text.replace(" ", "")
            if not re.fullmatch(r"[0-9]{4}", code):
                checker.error(_("«{short}» er ikke et postnummer. Et postnummer har fire sifre, for eksempel "
                              "0364 eller 5003.").format(short=_short(text)), (*cloc, "postcodes", i))
            elif districts.postcode_reading(code) is None:
                checker.error(_("Postnummeret {code} finnes ikke.").format(code=code),
                              (*cloc, "postcodes", i))
            else:
                postcodes.add(code)
                shown.append(code)
        if not any(covers.get(key) for key in COVERS_KEYS):
            checker.error(_("«covers» for {label} må ha minst én av «counties», «municipalities» og "
                            "«postcodes».").format(label=label),
                          cloc)
    if office_id is None or name is None:
        return None
    return Contact(office_id, name, covers=tuple(shown), coverage=Coverage(tuple(counties), frozenset(municipalities),
                                                                            frozenset(postcodes)), **values)


def _entry(checker: _Checker, value, loc: tuple) -> str | None:
    if isinstance(value, str) and value.strip():
        return value.strip()
    if value is None or isinstance(value, str):
        checker.error(_("Tom oppføring i listen."), loc)
    else:
        checker.error(_("Hver oppføring i listen må være en enkelt verdi, ikke en liste eller tabell."), loc)
    return None


def _overlaps(checker: _Checker, contacts: list[tuple[int, Contact]]) -> None:
    """Offices covering the same place at the same level: allowed, but worth knowing.

    Each place is looked up once and places are reported grouped by the offices
    that share them, so 1,500 overlapping offices take linear time, not 1,500²
    comparisons."""
    from selvhjelp_cli.core.words import join
    from selvhjelp_cli.places import registers

    names = registers.municipalities()
    levels = (("postcodes", lambda c: c.coverage.postcodes),
              ("municipalities", lambda c: c.coverage.municipalities),
              ("counties", lambda c: c.coverage.county_municipalities()))
    for level, members in levels:
        covering: dict[str, list[int]] = {}
        for at, (_index, contact) in enumerate(contacts):
            for place in members(contact):
                covering.setdefault(place, []).append(at)
        shared_by: dict[tuple[int, ...], list[str]] = {}
        for place, ats in covering.items():
            if len(ats) > 1:
                shared_by.setdefault(tuple(ats), []).append(place)
        for sharing, places in sorted(shared_by.items(), key=lambda item: (item[0][-1], item[0])):
            places.sort()
            offices = [contacts[at][1].id for at in sharing]
            where = ("offices", contacts[sharing[-1]][0], "covers", level)
            if level == "postcodes":
                shown = ", ".join(places[:5])
            else:
                shown = ", ".join(names[n].name for n in places[:5 if level == "municipalities" else 3])
            if level == "counties" and len(places) > 3:
                shown += " …"
            if len(offices) == 2:
                first, second = offices
                if level == "postcodes":
                    message = _("Postnummer {items} dekkes både av «{id}» og «{id2}». "
                                "Begge blir oppgitt.").format(items=shown, id=first, id2=second)
                elif level == "municipalities":
                    message = _("{places} dekkes både av «{id}» og «{id2}». Begge blir oppgitt.").format(
                        places=shown, id=first, id2=second)
                else:
                    message = ngettext("Fylkene til «{id}» og «{id2}» overlapper ({count} kommune: "
                                       "{places}). Begge blir oppgitt for denne kommunen.",
                                       "Fylkene til «{id}» og «{id2}» overlapper ({count} kommuner: "
                                       "{places}). Begge blir oppgitt for disse kommunene.", len(places)).format(
                                    id=first, id2=second, count=len(places), places=shown)
            else:
                listed = [f"«{office}»" for office in offices[:5]]
                if len(offices) > 5:
                    listed.append(_("{count} andre").format(count=len(offices) - 5))
                ids = join(listed)
                if level == "counties":
                    message = ngettext("Fylkene til {ids} overlapper ({count} kommune: {places}). Alle blir "
                                       "oppgitt for denne kommunen.",
                                       "Fylkene til {ids} overlapper ({count} kommuner: {places}). Alle blir "
                                       "oppgitt for disse kommunene.", len(places)).format(
                                           ids=ids, count=len(places), places=shown)
                else:
                    message = _("{places} dekkes av {ids}. Alle blir oppgitt.").format(
                        places=(_("Postnummer {items}").format(items=shown) if level == "postcodes" else shown),
                        ids=ids)
            checker.info(message, where)


def read_directory(path: str, infos: bool = True):
    """(Directory or None, errors, infos) for a directory file.

    Overlaps are infos for `directory check`; a command that only uses the
    directory skips looking for them.
    """
    from selvhjelp_cli.core.source import parse, read_text

    if os.path.isdir(path):
        raise UserError(_("Dette er en mappe. Oppgi katalogfilen (YAML)."), path=path)
    data, source = parse(read_text(path, "directory"), path)
    checker = _Checker(source)
    if data is None:
        checker.error(_("Filen er tom."), ())
        return None, checker.errors, checker.infos
    if not isinstance(data, dict):
        checker.error(_("En katalog er en tabell med nøklene version, as_of, source, head_office og offices."), ())
        return None, checker.errors, checker.infos
    checker.keys(data, TOP_KEYS, (), "")
    for key in _REQUIRED_TOP:
        if key not in data:
            checker.error(_("«{key}» mangler.").format(key=key), ())
    version = data.get("version")
    if version is not None and str(version).strip() != "1":
        checker.error(_("Denne utgaven av selvhjelp leser katalogfiler av versjon 1 («version: 1»)."), ("version",))
    as_of = None
    if "as_of" in data and data["as_of"] is None:
        checker.error(_("«as_of» mangler: datoen listen sist ble sjekket, for eksempel 2026-11-01."), ("as_of",))
    if data.get("as_of") is not None:
        from selvhjelp_cli.core.dates import parse_date

        try:
            as_of = parse_date(str(data["as_of"]), strict=True)
        except ValueError:
            checker.error(_("«as_of» må være datoen listen sist ble sjekket, for eksempel 2026-11-01."), ("as_of",))
    source_text = checker.text(data, "source", (), _("«source»"), required="source" in data)
    notice = checker.text(data, "notice", (), _("«notice»"), limit=MAX_NOTICE) or ""
    head = None
    if "head_office" in data:
        raw = checker.mapping(data, "head_office", (), _("«head_office»"))
        if raw is not None:
            hloc = ("head_office",)
            checker.keys(raw, HEAD_OFFICE_KEYS, hloc, _(" under «head_office»"))
            values = {
                key: checker.text(raw, key, hloc, _("«head_office.{key}»").format(key=key), required=key == "name")
                for key in HEAD_OFFICE_KEYS
            }
            if not values["email"] and not values["web"] and not values["phone"]:
                checker.error(_("«head_office» trenger minst én av «email», «web» og «phone»."), hloc)
            if name := values.pop("name"):
                head = HeadOffice(name, **values)
    contacts: list[tuple[int, Contact]] = []
    seen: dict[str, int] = {}
    offices = data.get("offices")
    if offices is not None and not isinstance(offices, list):
        checker.error(_("«offices» må være en liste (linjer som begynner med «- »)."), ("offices",))
    for index, raw in enumerate(offices if isinstance(offices, list) else []):
        contact = _office(checker, raw, index, seen)
        if contact is not None:
            contacts.append((index, contact))
    if infos:
        _overlaps(checker, contacts)
    checker.errors.sort(key=lambda p: (p.line or 0, p.column or 0))
    checker.infos.sort(key=lambda p: (p.line or 0, p.column or 0))
    if checker.errors or as_of is None or head is None or source_text is None:
        return None, checker.errors, checker.infos
    directory = Directory(as_of, source_text, notice, head, tuple(c for _unused, c in contacts), path=path)
    return directory, checker.errors, checker.infos


def looks_like_directory(path: str) -> bool:
    """Whether a YAML file presents itself as a directory file (read only as far as its first lines)."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(16_384).decode("utf-8", "replace")
    except OSError:
        return False
    return all(re.search(rf"^{key}\s*:", head, re.M) for key in ("as_of", "head_office")) and not re.search(
        r"^schedule\s*:", head, re.M)
