"""Check results as text (Rich) or JSON.

Everything that comes from a user's file is printed as literal text: never as
Rich markup, and with control characters made visible, so a name like
`Kari [/]` or one holding terminal escape codes cannot change the output.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

from selvhjelp_cli.console import printable, write_json
from selvhjelp_cli.findings import SEVERITY_LABEL, short_date

if TYPE_CHECKING:
    from rich.console import Console

    from selvhjelp_cli.checker import CheckRun, FileResult

SEVERITY_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
MODE_LABEL = {"physical": "fysisk", "digital": "digital"}


def _plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _next(day) -> str:
    return short_date(day) if day else "–"


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
            "skipped": [s.path for s in run.skipped],
            "summary": summary_counts(run),
        }
        write_json(document, self.out)


class TextReporter:
    def __init__(self, out: TextIO) -> None:
        from selvhjelp_cli.console import make_console

        self.console = make_console()
        self.console.file = out

    def report(self, run: CheckRun) -> None:
        from rich.text import Text

        for skipped in run.skipped:
            self.console.print(Text(f"Hoppet over {printable(skipped.path)}: {skipped.reason}.", style="dim"))
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
                _next(next_meeting(group, run.today)),
                self._status(result, run.today),
            )
        self.console.print(table)

    @staticmethod
    def _status(result: FileResult, today) -> str:
        from selvhjelp_cli.meetings import status

        state = status(result.loaded.group, today)
        if state in ("ended", "paused"):
            return {"ended": "avsluttet", "paused": "pause"}[state]
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
