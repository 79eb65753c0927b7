"""Rebuild the compact register files in data/ from the reference CSV files.

Usage: python scripts/build_data.py SOURCE_DIR            rebuild data/
       python scripts/build_data.py SOURCE_DIR --check    rebuild into a temporary folder, compare with data/
       python scripts/build_data.py SOURCE_DIR --record   accept changed or newer sources, record them
       python scripts/build_data.py --districts           only districts.json, after editing districts.yaml

SOURCE_DIR holds the registers named in data/sources.json, which records for
each where it comes from, the date of the copy and its SHA-256:
municipalities_2024.csv, municipalities_2019_pre2020.csv,
municipalities_2020_2023.csv, crosswalk_municipalities_2019_to_2020.csv,
crosswalk_municipalities_2023_to_2024.csv, district_offices_by_pre2020_county.csv,
postnummer_hint_asker_volda_pre2020.csv and one postnummer_YYYY-MM-DD.csv (the
newest is used). A file that is missing stops the build; one whose checksum
differs from the record (or a newer postcode file) is built only with
--record, which writes its date and checksum into data/sources.json. The
sources and their licences are described in data/README.md. Nothing at run
time reads SOURCE_DIR; the tool reads only data/.
"""

from __future__ import annotations

import argparse
import csv
import filecmp
import hashlib
import json
import shutil
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data"
SOURCES = DATA / "sources.json"
BUILT = ("municipalities.csv", "former_municipalities.csv", "postcodes.csv", "districts.json")

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


def write(name: str, header: list[str], rows: list[list[str]], out: Path = DATA) -> None:
    target = out / name
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


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def verify_sources(source: Path, record: bool) -> None:
    """Every recorded source is there and unchanged, or --record accepts the change."""
    recorded = json.loads(SOURCES.read_text(encoding="utf-8"))
    files = recorded["files"]
    if not source.is_dir():
        raise SystemExit(f"build_data: {source} is not a folder")
    postcode_files = sorted(source.glob("postnummer_20*.csv"))
    if not postcode_files:
        raise SystemExit(f"build_data: {source} holds no postnummer_YYYY-MM-DD.csv")
    newest = postcode_files[-1].name
    recorded_postcodes = [name for name in files if name.startswith("postnummer_20")]
    wanted = [name for name in files if not name.startswith("postnummer_20")] + [newest]
    missing = [name for name in wanted if not (source / name).is_file()]
    if missing:
        raise SystemExit(f"build_data: missing in {source}: {', '.join(missing)} (see data/sources.json)")
    changed = []
    for name in wanted:
        actual = sha256(source / name)
        entry = files.get(name)
        if entry is None:  # a newer postcode register
            entry = dict(files[recorded_postcodes[-1]]) if recorded_postcodes else {"what": "postcodes"}
            entry["date"] = name.removeprefix("postnummer_").removesuffix(".csv")
            entry["copy"] = "(record where this copy comes from)"
        if entry.get("sha256") != actual:
            changed.append(name)
            entry["sha256"] = actual
        files[name] = entry
    if changed and not record:
        raise SystemExit("build_data: these sources differ from data/sources.json: " + ", ".join(changed)
                         + ". Check them, then run again with --record to accept and record them.")
    if changed:
        for name in recorded_postcodes:
            if name != newest:
                files.pop(name)
        SOURCES.write_text(json.dumps(recorded, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        print(f"recorded in {SOURCES.name}: {', '.join(changed)}")


def check(source: Path) -> int:
    """Rebuild into a temporary folder and compare with data/; 0 if identical."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        shutil.copy(DATA / "districts.yaml", out / "districts.yaml")
        main(source, out)
        differing = [name for name in BUILT if not filecmp.cmp(out / name, DATA / name, shallow=False)]
    if differing:
        print("differs from data/: " + ", ".join(differing))
        return 1
    print("data/ is what the sources build")
    return 0


def main(source: Path, out: Path = DATA) -> None:
    offices_by_county = {
        r["fylkesnummer_pre2020"]: OFFICE_IDS[r["distriktskontor"]]
        for r in read(source, "district_offices_by_pre2020_county.csv")
    }

    # 2019 -> 2020 -> 2024, to find every 2024 municipality's 2019 predecessors.
    to_2020 = defaultdict(set)
    for r in read(source, "crosswalk_municipalities_2019_to_2020.csv"):
        to_2020[r["kommunenummer_2019"]].add(r["kommunenummer_2020"])
    to_2024 = defaultdict(set)
    counties_2020 = defaultdict(set)  # 2024 municipality -> its 2020–2023 counties
    for r in read(source, "crosswalk_municipalities_2023_to_2024.csv"):
        to_2024[r["kommunenummer_2020_2023"]].add(r["kommunenummer_2024"])
        counties_2020[r["kommunenummer_2024"]].add(r["fylkesnummer_2020_2023"])

    old = read(source, "municipalities_2019_pre2020.csv")
    names_2024 = {r["kommunenummer"]: r["kommunenavn"] for r in read(source, "municipalities_2024.csv")}
    names_2020 = defaultdict(set)
    for r in read(source, "crosswalk_municipalities_2019_to_2020.csv"):
        names_2020[r["kommunenummer_2019"]].add(r["kommunenavn_2020"].split(" (")[0].title())

    def successors_of(r: dict[str, str]) -> list[str]:
        found = sorted({n24 for n20 in to_2020[r["kommunenummer"]] for n24 in to_2024[n20]})
        if len(found) > 1:
            # 2020 Ålesund split in 2024 into Ålesund and a re-created Haram:
            # each 2019 municipality went to the part carrying its own name,
            # and none to a part named after another 2019 municipality.
            same = [n for n in found if names_2024[n] == norwegian_name(r)]
            found = same or [n for n in found if names_2024[n] in names_2020[r["kommunenummer"]]] or found
        return found

    offices_2024: dict[str, Counter] = defaultdict(Counter)
    counties_2019 = defaultdict(set)  # 2024 municipality -> the 2019 counties its area lay in
    old_rows = []
    for r in old:
        office = offices_by_county[r["fylkesnummer"]]
        successors = successors_of(r)
        for n24 in successors:
            offices_2024[n24][office] += 1
            counties_2019[n24].add(r["fylkesnummer"])
        old_rows.append((norwegian_name(r), r["kommunenummer"], r["fylkesnummer"], successors, office))

    current = read(source, "municipalities_2024.csv")
    newer_names: dict[str, list[str]] = defaultdict(list)
    for r in read(DATA, "names_2024_2026.csv"):
        newer_names[r["kommunenummer"]].append(r["navn"])
    {r["kommunenavn"].casefold() for r in current}
    rows = []
    for r in current:
        number = r["kommunenummer"]
        counted = offices_2024[number]
        offices = sorted(counted, key=lambda o: (o != MAIN_OFFICE.get(number), -counted[o], o))
        if not offices:
            raise SystemExit(f"no office for {number} {r['kommunenavn']}")
        aliases = other_names(r["kommunenavn_ssb_med_samisk_kvensk"], r["kommunenavn"])
        aliases += [n for n in newer_names.get(number, ()) if n not in aliases]
        rows.append([number, r["kommunenavn"], r["fylkesnummer"], "|".join(aliases), "|".join(offices),
                     "|".join(sorted(counties_2020[number])), "|".join(sorted(counties_2019[number]))])
    write("municipalities.csv", ["kommunenummer", "navn", "fylkesnummer", "andre_navn", "kontorer",
                                 "fylker_2020_2023", "fylker_2019"], rows, out)

    # Earlier names: every 2019 or 2020–2023 municipality whose name no longer
    # stands for the same place. A name that meant two places (Os, Bø, Sande,
    # Nes) keeps a row for each, told apart by the county of the time.
    current_by_number = {r["kommunenummer"]: r["kommunenavn"].casefold() for r in current}
    former = []
    seen = set()
    for name, number, county, successors, office in old_rows:
        if not successors or name.casefold() in {current_by_number[s] for s in successors}:
            continue
        former.append([name, number, county, "|".join(successors), office, "2019"])
        seen.add(name.casefold())
    for r in read(source, "municipalities_2020_2023.csv"):
        name = r["kommunenavn"]
        successors = sorted(to_2024[r["kommunenummer"]])
        if name.casefold() in seen or name.casefold() in {current_by_number[s] for s in successors}:
            continue
        offices = sorted({o for n24 in successors for o in offices_2024[n24]})
        former.append([name, r["kommunenummer"], r["fylkesnummer"], "|".join(successors), "|".join(offices),
                       "2020-2023"])
    former.sort(key=lambda f: (f[0], f[1]))
    write("former_municipalities.csv", ["navn", "nummer", "fylkesnummer", "kommunenummer_2024", "kontor", "periode"],
          former, out)

    hints = {}
    for r in read(source, "postnummer_hint_asker_volda_pre2020.csv"):
        office = OFFICE_IDS.get(r["kontor_etter_pre2020_fylke"])
        hints[r["postnummer"]] = office or POSTCODE_OFFICE_FIXES.get(r["postnummer"], "")
    postfile = sorted(source.glob("postnummer_20*.csv"))[-1]
    postcodes = []
    for r in read(source, postfile.name):
        postcodes.append([r["postnummer"], r["poststed"], r["kommunenummer"], hints.get(r["postnummer"], "")])
    write("postcodes.csv", ["postnummer", "poststed", "kommunenummer", "kontor"], postcodes, out)
    print(f"postcodes from {postfile.name}")
    compile_districts(out)


def compile_districts(out: Path = DATA) -> None:
    """data/districts.yaml (edited by hand) -> data/districts.json (read at run time)."""
    import yaml

    data = yaml.safe_load((out / "districts.yaml").read_text(encoding="utf-8"))
    target = out / "districts.json"
    tmp = target.with_suffix(".tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    tmp.replace(target)
    print(f"{target.name}: {len(data['counties'])} counties, {len(data['offices'])} offices")


def cli(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description="Rebuild data/ from the registers in data/sources.json.")
    parser.add_argument("source", nargs="?", type=Path, help="folder with the register files")
    parser.add_argument("--check", action="store_true", help="compare a fresh build with data/, change nothing")
    parser.add_argument("--record", action="store_true", help="accept changed or newer sources and record them")
    parser.add_argument("--districts", action="store_true", help="only compile districts.yaml to districts.json")
    args = parser.parse_args(argv)
    if args.districts:
        compile_districts()
        return 0
    if args.source is None:
        parser.error("name the folder with the register files")
    verify_sources(args.source, record=args.record and not args.check)
    if args.check:
        return check(args.source)
    main(args.source)
    return 0


if __name__ == "__main__":
    sys.exit(cli(sys.argv[1:]))
