"""Regenerate the golden files the tests compare against, after a deliberate change.

    python scripts/refresh_golden.py

Writes tests/fixtures/broken_expected.json (every problem of the broken
corpus), tests/fixtures/rule_examples_expected.json (every finding of every
rule example) and tests/fixtures/districts_expected.json (find-district's
answer for every county, every municipality and a sample of postcodes).
Read the diff before committing: it is the change users will see.
"""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
sys.path.insert(0, str(ROOT / "src"))


def broken() -> dict:
    from selvhjelp_cli.core.errors import UserError
    from selvhjelp_cli.groupfile.loader import load_group

    expected = {}
    for path in sorted((FIXTURES / "broken").glob("*.yaml")):
        try:
            load_group(path)
        except UserError as error:
            problems = getattr(error, "problems", None)
            expected[path.name] = ([[p.line, p.column, p.message] for p in problems] if problems is not None
                                   else [[error.line, error.column, error.message]])
    return expected


def rule_examples() -> dict:
    from selvhjelp_cli.core.source import parse
    from selvhjelp_cli.groupfile.loader import LoadedGroup
    from selvhjelp_cli.groupfile.validation import validate
    from selvhjelp_cli.rules import all_rules, example_file
    from selvhjelp_cli.rules.checker import run_rules

    expected = {}
    for rule in all_rules():
        for number, example in enumerate(rule.EXAMPLES, start=1):
            data, source = parse(example_file(example.yaml), "eksempel.yaml")
            loaded = LoadedGroup("eksempel.yaml", validate(data, source), source)
            expected[f"{rule.ID}-{number}"] = [
                [f.rule, f.severity, f.line, f.acknowledged, f.message]
                for f in run_rules(loaded, date.fromisoformat(example.today))]
    return expected


def district_queries() -> list[tuple[str, str]]:
    from selvhjelp_cli.places import registers

    queries = []
    for county in registers.counties():
        queries += [("county", county.name), ("county", county.number)]
    for municipality in registers.municipalities().values():
        queries += [("municipality", municipality.name), ("municipality", municipality.number)]
    queries += [("municipality", name) for name in (
        "Herøy", "Herøy, Nordland", "Herøy (Møre og Romsdal)", "Os", "Bø", "Sande", "Nes", "Våler", "Holmestrand",
        "Sande i Vestfold", "Ålesund", "Kautokeino", "Guovdageaidnu", "Hamarøy", "Svelvik", "Rømskog", "Hornindal",
        "Tysfjord", "Snillfjord", "Hurum", "Røyken", "Ostre Toten", "Ååå", "")]
    queries += [("county", name) for name in ("More og Romsdal", "Ostfold", "Troendelag", "Viken", "Akershus",
                                              "Rogalnd", "Finnmárku", "Romsa", "Nordland fylke", "Oslo kommune")]
    text = (ROOT / "data" / "postcodes.csv").read_text(encoding="utf-8").splitlines()[1:]
    queries += [("postcode", line.split(",")[0]) for line in text[::37]]
    queries += [("postcode", code) for code in ("3480", "3485", "6121", "6100", "9170", "8099", "0000", " 0364 ")]
    return queries


def districts_expected() -> list:
    from selvhjelp_cli.places import districts

    resolve = {"county": districts.resolve_county, "municipality": districts.resolve_municipality,
               "postcode": districts.resolve_postcode}
    from selvhjelp_cli.places.directory import builtin_directory
    from selvhjelp_cli.places.resolver import resolve as resolve_place

    answers = []
    for kind, value in district_queries():
        answers.append([kind, value, resolve[kind](value).as_json()])
    for value in PLACES:
        answers.append(["place", value, resolve_place(builtin_directory(), "place", value).as_json()])
    return answers


# Places named the way people name them: postal places, Sami, Kven and
# parallel names, names that meant different places, counties, typos.
PLACES = ("Bryne", "Jessheim", "Oslove", "Aarborte", "Raane", "Fuolldá", "Hábmer", "Stïentje", "Nåavmesjenjaelmie",
          "Levangke", "Rivtták", "Ivgu", "Yykeä", "Evenášši", "Kárášjohka", "Os", "Bø", "Sande", "Nes", "Herøy",
          "Våler", "Os, Hordaland", "Bø i Telemark", "Herøy (Nordland)", "Bergen", "Oslo", "Vestland", "Viken",
          "Hordaland", "Sør-Trøndelag", "Asker", "Volda", "Hornindal", "Sandøy", "Ålesund", "Haram", "5501",
          "0364", "Bryen", "Trondhjem", "Longyearbyen", "Tromsø", "Guovdageaidnu")


def main() -> None:
    for name, build in (("broken_expected.json", broken), ("rule_examples_expected.json", rule_examples),
                        ("districts_expected.json", districts_expected)):
        (FIXTURES / name).write_text(json.dumps(build(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"wrote tests/fixtures/{name}")


if __name__ == "__main__":
    main()
