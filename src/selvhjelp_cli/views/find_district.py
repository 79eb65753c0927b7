"""The answer to `find-district`: text for people, JSON for scripts."""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING

from selvhjelp_cli.console import printable, write_json
from selvhjelp_cli.errors import did_you_mean
from selvhjelp_cli.words import join

if TYPE_CHECKING:
    from rich.console import Console

    from selvhjelp_cli.districts import Resolution


def answer_district(kind: str, value: str, output_format: str) -> bool:
    """Resolve a place and print the answer; True if an office was found.

    The one implementation behind `find-district`, whether Typer or the quick
    path in entry.py parsed the command line.
    """
    from selvhjelp_cli import districts

    resolve = {"county": districts.resolve_county, "municipality": districts.resolve_municipality,
               "postcode": districts.resolve_postcode}[kind]
    result = resolve(value)
    if output_format == "json":
        print_json(result.as_json())
    else:
        from selvhjelp_cli.console import make_console

        print_resolution(make_console(), result)
    return bool(result.offices)


def print_resolution(console: Console, result: Resolution) -> None:
    from rich.panel import Panel
    from rich.text import Text

    from selvhjelp_cli.districts import head_office

    if not result.matched:
        (kind, asked), = result.query.items()
        noun = {"county": "noe fylke", "municipality": "noen kommune", "postcode": "noe postnummer"}[kind]
        shown = asked if len(asked) <= 60 else asked[:60] + "…"
        message = Text(f"Fant ikke {noun} som heter «{printable(shown)}».")
        message.append(did_you_mean(result.suggestions))
        console.print(message)
        for note in result.notes:
            console.print(Text(note))
        return
    body = Text()
    for i, office in enumerate(result.offices):
        if i:
            body.append("\n\n")
        body.append(f"Distriktskontoret i {office.office}", style="bold")
        body.append(f"\nTelefon {office.phone}")
        body.append(f"\nDekker {join(office.covers)} (fylkene slik de het i 2019)", style="dim")
    if not result.offices:
        body.append("Intet distriktskontor dekker dette stedet.")
    console.print(Panel(body, title=printable(result.matched), title_align="left", expand=False))
    for note in result.notes:
        console.print(Text(f"Merk: {note}"))
    _print_head_office(console, head_office())


def _print_head_office(console: Console, head: dict[str, str]) -> None:
    from rich.text import Text

    console.print(Text(f"Hovedkontor: {head['name']}, {head['address']}, telefon {head['phone']}, "
                       f"{head['email']}, {head['district_pages']}", style="dim"))


def print_offices(console: Console) -> None:
    from rich.table import Table

    from selvhjelp_cli.districts import head_office, offices

    table = Table(title="Distriktskontorene i Selvhjelp Norge", title_justify="left")
    table.add_column("Kontor")
    table.add_column("Telefon", no_wrap=True)
    table.add_column("Dekker (fylkene slik de het i 2019)")
    for office in offices().values():
        table.add_row(office.office, office.phone, join(office.covers))
    console.print(table)
    _print_head_office(console, head_office())


def offices_json() -> dict:
    from selvhjelp_cli.districts import head_office_json, offices

    return {"offices": [o.as_json() for o in offices().values()], "head_office": head_office_json()}


def print_json(document: dict) -> None:
    write_json(document, sys.stdout)
