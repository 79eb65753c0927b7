"""Check results as text (Rich) or JSON.

Everything that comes from a user's file is printed as literal text: never as
Rich markup, and with control characters made visible, so a name like
`Kari [/]` or one holding terminal escape codes cannot change the output.
"""

from __future__ import annotations

import json
import unicodedata
from typing import TYPE_CHECKING, TextIO

from selvhjelp_cli.errors import UserError, did_you_mean
from selvhjelp_cli.findings import short_date

if TYPE_CHECKING:
    from rich.console import Console

    from selvhjelp_cli.checker import CheckRun, FileResult
    from selvhjelp_cli.districts import Resolution

SEVERITY_LABEL = {"error": "feil", "warning": "advarsel", "info": "info"}
SEVERITY_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
MODE_LABEL = {"physical": "fysisk", "digital": "digital"}


def printable(text: str) -> str:
    """Control and bidi-override characters shown as escapes instead of acting."""
    out = []
    for char in text:
        if unicodedata.category(char) in {"Cc", "Cf"} and char not in "\u200d":
            out.append(char.encode("unicode_escape").decode("ascii"))
        else:
            out.append(char)
    return "".join(out)


def _plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def summary_counts(run: CheckRun) -> dict[str, int]:
    return {
        "files": len(run.files),
        "errors": sum(f.count("error") for f in run.files),
        "warnings": sum(f.count("warning") for f in run.files),
        "infos": sum(f.count("info") for f in run.files),
        "acknowledged": sum(f.acknowledged for f in run.files),
    }


class JsonReporter:
    def __init__(self, out: TextIO) -> None:
        self.out = out

    def report(self, run: CheckRun) -> None:
        document = {
            "files": [
                {
                    "path": result.path,
                    "group": result.loaded.group.name if result.valid else None,
                    "valid": result.valid,
                    "findings": [f.as_json() for f in result.findings],
                }
                for result in run.files
            ],
            "skipped": run.skipped,
            "summary": summary_counts(run),
        }
        json.dump(document, self.out, ensure_ascii=False, indent=2)
        self.out.write("\n")


class TextReporter:
    def __init__(self, out: TextIO) -> None:
        from selvhjelp_cli.console import make_console

        self.console = make_console()
        self.console.file = out

    def report(self, run: CheckRun) -> None:
        from rich.text import Text

        for path in run.skipped:
            self.console.print(Text(f"Hoppet over {printable(path)}: ikke en gruppefil.", style="dim"))
        for result in run.files:
            self._file(result)
        if len(run.files) > 1:
            self._table(run)
        self.console.print(Text(self._summary_line(run), style="bold"))

    def _file(self, result: FileResult) -> None:
        from rich.text import Text

        title = Text(printable(result.path), style="bold")
        if result.valid:
            title.append(f"  {printable(result.loaded.group.name)}", style="")
        elif result.findings:
            title.append("  ugyldig fil", style="bold red")
        self.console.print(title)
        if not result.findings:
            self.console.print(Text("  Ingen funn. Gruppa følger rammene.", style="green"))
        if result.findings:
            self.console.print(self._findings_grid(result))
        self.console.print()

    @staticmethod
    def _findings_grid(result: FileResult):
        from rich.table import Table
        from rich.text import Text

        grid = Table.grid(padding=(0, 1))
        grid.add_column(justify="right", style="dim", min_width=5, no_wrap=True)
        grid.add_column(no_wrap=True)
        grid.add_column(style="dim", no_wrap=True)
        grid.add_column(overflow="fold")
        for finding in result.findings:
            label = "valgt bort" if finding.acknowledged else SEVERITY_LABEL[finding.severity]
            style = "green" if finding.acknowledged else SEVERITY_STYLE[finding.severity]
            grid.add_row(str(finding.line or "-"), Text(label, style=style), finding.rule,
                         Text(printable(finding.message)))
        return grid

    def _table(self, run: CheckRun) -> None:
        # For a district office: which groups, where, and how they are doing.
        # Participant names never appear here.
        from rich.table import Table

        from selvhjelp_cli import districts
        from selvhjelp_cli.meetings import next_meeting

        from rich import box

        table = Table(title="Oversikt", title_justify="left", box=box.SIMPLE_HEAD, pad_edge=False)
        table.add_column("Gruppe", overflow="fold", ratio=3)
        table.add_column("Fylke", overflow="fold", ratio=2)
        table.add_column("Kontor", overflow="fold", ratio=2)
        table.add_column("Form", no_wrap=True)
        table.add_column("Aktive", justify="right", no_wrap=True)
        table.add_column("Neste møte", no_wrap=True)
        table.add_column("Status", no_wrap=True)
        for result in run.files:
            if not result.valid:
                table.add_row(printable(result.path), "", "", "", "", "", "ugyldig fil")
                continue
            group = result.loaded.group
            found = districts.find_county(group.county)
            offices = districts.offices_for_place(group.county, group.municipality)
            table.add_row(
                printable(group.name),
                found[0].name if found else printable(group.county),
                " / ".join(o.office for o in offices),
                MODE_LABEL[group.mode],
                str(len(group.active_participants(run.today))),
                short_date(next_meeting(group.schedule, run.today)),
                self._status(result),
            )
        self.console.print(table)

    @staticmethod
    def _status(result: FileResult) -> str:
        if result.count("error"):
            return _plural(result.count("error"), "feil", "feil")
        if result.count("warning"):
            return _plural(result.count("warning"), "advarsel", "advarsler")
        return "i orden"

    @staticmethod
    def _summary_line(run: CheckRun) -> str:
        counts = summary_counts(run)
        parts = [
            _plural(counts["errors"], "feil", "feil"),
            _plural(counts["warnings"], "advarsel", "advarsler"),
            _plural(counts["infos"], "info", "info"),
        ]
        if counts["acknowledged"]:
            parts.append(f"{counts['acknowledged']} valgt bort av gruppa")
        checked = _plural(counts["files"], "fil sjekket", "filer sjekket")
        return f"{checked}: " + ", ".join(parts) + "."


REPORTER_BY_NAME = {"text": TextReporter, "json": JsonReporter}


# find-district


def _join(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " og " + names[-1]


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
        message = Text(f"Fant ikke {noun} som heter «{printable(asked)}».")
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
        body.append(f"\nDekker {_join(list(office.covers))} (fylkene slik de het i 2019)", style="dim")
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
        table.add_row(office.office, office.phone, _join(list(office.covers)))
    console.print(table)
    _print_head_office(console, head_office())


def offices_json() -> dict:
    from selvhjelp_cli.districts import head_office_json, offices

    return {"offices": [o.as_json() for o in offices().values()], "head_office": head_office_json()}


def print_json(document: dict) -> None:
    import sys

    json.dump(document, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


# rules

_SEVERITY_TITLE = {"error": "krav (feil)", "warning": "anbefaling (advarsel)", "info": "info"}


def print_rules() -> None:
    from rich.table import Table

    from selvhjelp_cli.console import make_console
    from selvhjelp_cli.rules import all_rules

    table = Table(title="Reglene selvhjelp check bruker", title_justify="left")
    table.add_column("Regel", no_wrap=True)
    table.add_column("Alvor", no_wrap=True)
    table.add_column("Slår ut når")
    for rule in all_rules():
        table.add_row(rule.ID, SEVERITY_LABEL[rule.SEVERITY], rule.SUMMARY)
    console = make_console()
    console.print(table)
    console.print("Skriv «selvhjelp rules REGEL» for å se hvorfor rammene sier det de sier.")


def print_rule(rule_id: str) -> None:
    import difflib

    from rich.text import Text

    from selvhjelp_cli.console import make_console
    from selvhjelp_cli.rules import RULE_IDS, get_rule

    rule = get_rule(rule_id)
    if rule is None:
        close = difflib.get_close_matches(rule_id, RULE_IDS, n=1)
        hint = did_you_mean(close) or " Se «selvhjelp rules» for alle reglene."
        raise UserError(f"Det finnes ingen regel som heter «{printable(rule_id)}».{hint}")
    console = make_console()
    console.print(Text(f"{rule.ID} – {_SEVERITY_TITLE[rule.SEVERITY]}", style="bold"))
    console.print(Text(rule.SUMMARY))
    console.print()
    console.print(Text(rule.EXPLANATION.strip()))
    if rule.SEVERITY == "warning":
        console.print()
        console.print(Text(f"Har gruppa valgt bort anbefalingen sammen, skriv det under «decisions» med "
                           f"«rule: {rule.ID}», dato og en kort merknad."))


# calendar


def print_calendar(console: Console, group, meetings: list, skipped: list, *, language: str = "nb") -> None:
    from rich import box
    from rich.table import Table
    from rich.text import Text

    from selvhjelp_cli.dates import clock, long_date

    table = Table(title=f"Møteplan for {printable(group.name)}", title_justify="left", box=box.SIMPLE_HEAD)
    table.add_column("Nr.", justify="right", no_wrap=True)
    table.add_column("Dato", no_wrap=True)
    table.add_column("Tid", no_wrap=True)
    with_starters = any(m.starters for m in meetings)
    if with_starters:
        table.add_column("Igangsetter med", overflow="fold")
    table.add_column("Merknad", overflow="fold")
    for meeting in meetings:
        row = [str(meeting.number), long_date(meeting.day, language), f"{clock(meeting.start)}–{clock(meeting.end)}"]
        if with_starters:
            row.append(printable(", ".join(meeting.starters)))
        row.append(Text(meeting.holiday, style="bold yellow") if meeting.holiday else "")
        table.add_row(*row)
    console.print(table)
    if meetings and meetings[0].break_window:
        start, end = meetings[0].break_window
        console.print(Text(f"Pause midt i møtet, ca. {clock(start)}–{clock(end)}."))
    elif meetings:
        console.print(Text("Møtene har ingen pause."))
    if not meetings:
        console.print(Text("Ingen planlagte møter i denne perioden."))
    if skipped:
        left_out = ", ".join(f"{long_date(day, language)} ({name})" for day, name in skipped)
        console.print(Text(f"Hoppet over helligdager: {left_out}.", style="dim"))
    elif any(m.holiday for m in meetings):
        console.print(Text("Noen møter faller på en helligdag, julaften eller nyttårsaften. Bruk --skip-holidays "
                           "for å hoppe over dem, eller avtal en annen dag i gruppa.", style="dim"))


# init-group


def print_next_steps(console: Console, path: str, answers: dict) -> None:
    from rich.panel import Panel
    from rich.text import Text

    from selvhjelp_cli import districts

    shown = printable(path)
    offices = districts.offices_for_place(answers["county"], answers.get("municipality"))
    steps = Text()
    steps.append(f"Lagret {shown}. Bare du kan lese filen.\n", style="bold")
    steps.append(office_sentence(offices) + "\n\n")
    steps.append("Neste steg:\n", style="bold")
    for number, (what, command) in enumerate((
        ("Legg inn deltakerne under «participants» (fornavn og initial er nok).", None),
        ("Sjekk filen mot rammene:", f"selvhjelp check {shown}"),
        ("Skriv ut taushetserklæringene:", f"selvhjelp print-declaration {shown}"),
        ("Skriv ut rammene og prinsippene:", f"selvhjelp print-handout framework {shown}"),
        ("Se møteplanen og lag en kalenderfil:", f"selvhjelp calendar {shown} --ics moter.ics"),
        ("Få hjelp i redigeringsprogrammet:", "selvhjelp schema -o gruppefil-v1.json"),
    ), start=1):
        steps.append(f"{number}. {what}\n")
        if command:
            steps.append(f"   {command}\n", style="bold cyan")
    console.print(Panel(steps, title="Ny gruppe", title_align="left", expand=False))


def office_sentence(offices: list) -> str:
    """One sentence naming the office, or saying the county is shared."""
    if len(offices) == 1:
        return f"Gruppa hører til distriktskontoret i {offices[0].office} (telefon {offices[0].phone})."
    names = _join([f"{o.office} ({o.phone})" for o in offices])
    return f"Fylket deles mellom distriktskontorene i {names}. Kommunen avgjør hvilket."
