"""Rebuild the compact register files in data/ from the reference CSV files.

Usage: python scripts/build_data.py SOURCE_DIR
       python scripts/build_data.py --districts   (after editing data/districts.yaml)

SOURCE_DIR holds newer copies of the same registers, with the same columns:
municipalities_2024.csv, municipalities_2019_pre2020.csv,
municipalities_2020_2023.csv, crosswalk_municipalities_2019_to_2020.csv,
crosswalk_municipalities_2023_to_2024.csv, district_offices_by_pre2020_county.csv,
postnummer_hint_asker_volda_pre2020.csv and one postnummer_YYYY-MM-DD.csv (the
newest is used). Nothing at run time reads SOURCE_DIR; the tool reads only data/.
"""

from __future__ import annotations

import csv
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data"

OFFICE_IDS = {
    "Oslo": "oslo",
    "Brumunddal": "brumunddal",
    "Trondheim": "trondheim",
    "Alta": "alta",
    "Sandnes": "sandnes",
    "Tønsberg": "tonsberg",
    "Bergen": "bergen",
}

# Where a municipality spans two offices, the one covering most of its people
# comes first. Old Asker (about 61,000) outweighs Røyken and Hurum (about
# 40,000); old Volda (about 9,000) outweighs Hornindal (about 1,200).
MAIN_OFFICE = {"3203": "oslo", "1577": "trondheim"}

# Postcodes missing from the older Bring copies; placed by their place name,
# as PROVENANCE.md explains.
POSTCODE_OFFICE_FIXES = {"3485": "tonsberg", "6121": "trondheim", "6134": "trondheim"}


def read(source: Path, name: str) -> list[dict[str, str]]:
    with open(source / name, encoding="utf-8", newline="") as handle:
        return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(handle)]


def write(name: str, header: list[str], rows: list[list[str]]) -> None:
    target = DATA / name
    tmp = target.with_suffix(".tmp")
    with open(tmp, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)
    tmp.replace(target)
    print(f"{target.name}: {len(rows)} rows")


def other_names(ssb_name: str, name: str) -> list[str]:
    # SSB writes "Guovdageaidnu - Kautokeino" and "Herøy (Nordland)".
    if "(" in ssb_name:
        return []
    parts = [p.strip().replace("\u00a0", "") for p in ssb_name.split(" - ")]
    return [p for p in parts if p and p != name]


def norwegian_name(row: dict[str, str]) -> str:
    # SSB's 2019 names put the Sami form first or last; Kartverket's upper-case
    # name tells which part is the Norwegian one.
    wanted = row["kommunenavn_kartverket"].split(" (")[0].casefold()
    for part in row["kommunenavn_ssb"].split(" - "):
        part = part.split(" (")[0].strip()
        if part.casefold() == wanted:
            return part
    return row["kommunenavn_kartverket"].split(" (")[0].title()


def main(source: Path) -> None:
    offices_by_county = {
        r["fylkesnummer_pre2020"]: OFFICE_IDS[r["distriktskontor"]]
        for r in read(source, "district_offices_by_pre2020_county.csv")
    }

    # 2019 -> 2020 -> 2024, to find every 2024 municipality's 2019 predecessors.
    to_2020 = defaultdict(set)
    for r in read(source, "crosswalk_municipalities_2019_to_2020.csv"):
        to_2020[r["kommunenummer_2019"]].add(r["kommunenummer_2020"])
    to_2024 = defaultdict(set)
    for r in read(source, "crosswalk_municipalities_2023_to_2024.csv"):
        to_2024[r["kommunenummer_2020_2023"]].add(r["kommunenummer_2024"])

    old = read(source, "municipalities_2019_pre2020.csv")
    offices_2024: dict[str, Counter] = defaultdict(Counter)
    old_rows = []
    for r in old:
        office = offices_by_county[r["fylkesnummer"]]
        successors = sorted({n24 for n20 in to_2020[r["kommunenummer"]] for n24 in to_2024[n20]})
        for n24 in successors:
            offices_2024[n24][office] += 1
        old_rows.append((norwegian_name(r), r["kommunenummer"], r["fylkesnummer"], successors, office))

    current = read(source, "municipalities_2024.csv")
    current_names = {r["kommunenavn"].casefold() for r in current}
    rows = []
    for r in current:
        number = r["kommunenummer"]
        counted = offices_2024[number]
        offices = sorted(counted, key=lambda o: (o != MAIN_OFFICE.get(number), -counted[o], o))
        if not offices:
            raise SystemExit(f"no office for {number} {r['kommunenavn']}")
        aliases = other_names(r["kommunenavn_ssb_med_samisk_kvensk"], r["kommunenavn"])
        rows.append([number, r["kommunenavn"], r["fylkesnummer"], "|".join(aliases), "|".join(offices)])
    write("municipalities.csv", ["kommunenummer", "navn", "fylkesnummer", "andre_navn", "kontorer"], rows)

    # Earlier names that no 2024 municipality carries, and only where one name
    # means one place (Os, Nes, Bø, Sande and Herøy each meant two).
    former = []
    for name, number, county, successors, office in old_rows:
        if name.casefold() in current_names or not successors:
            continue
        former.append([name, number, county, "|".join(successors), office])
    for r in read(source, "municipalities_2020_2023.csv"):
        name = r["kommunenavn"]
        if name.casefold() in current_names or name.casefold() in {f[0].casefold() for f in former}:
            continue
        successors = sorted(to_2024[r["kommunenummer"]])
        offices = {o for n24 in successors for o in offices_2024[n24]}
        if len(offices) == 1:
            former.append([name, r["kommunenummer"], r["fylkesnummer"], "|".join(successors), offices.pop()])
    names = Counter(f[0].casefold() for f in former)
    former = sorted((f for f in former if names[f[0].casefold()] == 1), key=lambda f: f[0])
    write("former_municipalities.csv", ["navn", "nummer", "fylkesnummer", "kommunenummer_2024", "kontor"], former)

    hints = {}
    for r in read(source, "postnummer_hint_asker_volda_pre2020.csv"):
        office = OFFICE_IDS.get(r["kontor_etter_pre2020_fylke"])
        hints[r["postnummer"]] = office or POSTCODE_OFFICE_FIXES.get(r["postnummer"], "")
    postfile = sorted(source.glob("postnummer_20*.csv"))[-1]
    postcodes = []
    for r in read(source, postfile.name):
        postcodes.append([r["postnummer"], r["poststed"], r["kommunenummer"], hints.get(r["postnummer"], "")])
    write("postcodes.csv", ["postnummer", "poststed", "kommunenummer", "kontor"], postcodes)
    print(f"postcodes from {postfile.name}")
    compile_districts()


def compile_districts() -> None:
    """data/districts.yaml (edited by hand) -> data/districts.json (read at run time)."""
    import yaml

    data = yaml.safe_load((DATA / "districts.yaml").read_text(encoding="utf-8"))
    target = DATA / "districts.json"
    tmp = target.with_suffix(".tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    tmp.replace(target)
    print(f"{target.name}: {len(data['counties'])} counties, {len(data['offices'])} offices")


if __name__ == "__main__":
    if sys.argv[1:] == ["--districts"]:
        compile_districts()
        raise SystemExit(0)
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    main(Path(sys.argv[1]))
