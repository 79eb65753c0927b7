"""Check results as text (Rich) or JSON.

Everything that comes from a user's file is printed as literal text: never as
Rich markup, and with control characters made visible, so a name like
`Kari [/]` or one holding terminal escape codes cannot change the output.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TextIO

from selvhjelp_cli.cli.console import printable, write_json
from selvhjelp_cli.core.dates import short_date
from selvhjelp_cli.core.i18n import _, ngettext, translate
from selvhjelp_cli.rules.findings import SEVERITY_LABEL

if TYPE_CHECKING:

    from selvhjelp_cli.offices.overview import Row
    from selvhjelp_cli.rules.checker import CheckRun, FileResult

SEVERITY_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}


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
    uses_overview = True

    def __init__(self, out: TextIO) -> None:
        self.out = out

    def report(self, run: CheckRun, rows: list[Row]) -> None:
        document = {
            "files": [
                {
                    "path": result.path,
                    "group": result.group_name,
                    "valid": result.valid,
                    **row.fields(),
                    "findings": [f.as_json() for f in result.findings],
                }
                for result, row in zip(run.files, rows, strict=True)
            ],
            "skipped": [s.path for s in run.skipped],
            "summary": summary_counts(run),
        }
        write_json(document, self.out)


class CsvReporter:
    """One row per group file for a spreadsheet: no participants, no notes.

    UTF-8 with a byte order mark, so that Excel shows æøå right when it opens
    the file; commas between fields, as RFC 4180 and scripts expect.
    """

    uses_overview = True

    def __init__(self, out: TextIO) -> None:
        self.out = out

    def report(self, run: CheckRun, rows: list[Row]) -> None:
        import csv
        import io

        from selvhjelp_cli.offices.overview import CSV_COLUMNS

        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(CSV_COLUMNS)
        for row in rows:
            writer.writerow([_no_formula(v) for v in row.csv_values()])
        self.out.write("\ufeff" + buffer.getvalue())


def _no_formula(value: str) -> str:
    """A cell a spreadsheet would run as a formula (= + - @, also after a tab,
    a carriage return or spaces, as OWASP lists them) is made text."""
    if value[:1] in ("\t", "\r") or value.lstrip(" \t\r\n")[:1] in ("=", "+", "-", "@"):
        return "'" + value
    return value


class ConciseReporter:
    """PATH:LINE:COL: SEVERITY RULE MESSAGE, one line per finding, as editors and CI read them."""

    uses_overview = False  # findings only: no office, county or next meeting to work out

    def __init__(self, out: TextIO) -> None:
        self.out = out

    def report(self, run: CheckRun, rows: list[Row]) -> None:
        lines = []
        for result in run.files:
            for finding in result.findings:
                if finding.acknowledged:
                    continue
                where = ":".join(str(part) for part in (result.path, finding.line, finding.column) if part)
                message = " ".join(finding.message.split())
                lines.append(printable(f"{where}: {finding.severity} {finding.rule} {message}"))
        self.out.write("".join(line + "\n" for line in lines))


class TextReporter:
    uses_overview = "several"  # the table, when there are several files

    def __init__(self, out: TextIO) -> None:
        from selvhjelp_cli.cli.console import make_console

        self.console = make_console()
        self.console.file = out

    def report(self, run: CheckRun, rows: list[Row]) -> None:
        from rich.text import Text

        for skipped in run.skipped:
            self.console.print(
                Text(
                    _("Hoppet over {path}: {reason}.").format(path=printable(skipped.path), reason=skipped.reason),
                    style="dim",
                )
            )
        for result in run.files:
            self._file(result)
        if len(run.files) > 1:
            self._table(rows)
        self.console.print(Text(self._summary_line(run), style="bold"))

    def _file(self, result: FileResult) -> None:
        from rich.text import Text

        title = Text(printable(result.path), style="bold")
        if result.valid:
            title.append(f"  {printable(result.group_name or '')}", style="")
            if result.status is not None:
                from selvhjelp_cli.core.dates import short_date

                title.append(_("  (statusfil fra {day})").format(day=short_date(result.status.made)), style="dim")
        elif result.findings:
            title.append(_("  ugyldig fil"), style="bold red")
        self.console.print(title)
        if not result.findings:
            self.console.print(Text(_("  Ingen funn. Gruppa følger rammene."), style="green"))
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
            # A decision the group made together is what it agreed, not a fault set aside.
            label = _("avtalt") if finding.acknowledged else _(SEVERITY_LABEL[finding.severity])
            style = "green" if finding.acknowledged else SEVERITY_STYLE[finding.severity]
            # "invalid" is an id for scripts (JSON); people read the message.
            grid.add_row(str(finding.line or "-"), Text(label, style=style),
                         "" if finding.rule == "invalid" else finding.rule,
                         Text(printable(finding.message)))
        return grid

    def _table(self, rows: list[Row]) -> None:
        # For an office: which groups, where, and how they are doing.
        # Participant names never appear here. Long words wrap between
        # words, never inside one, down to 80 columns.
        from rich import box
        from rich.table import Table

        from selvhjelp_cli.groupfile.model import MODE_WORDS

        table = Table(title=_("Oversikt"), title_justify="left", box=box.SIMPLE_HEAD, pad_edge=False,
                      collapse_padding=True)
        table.add_column(_("Gruppe"), ratio=3, min_width=8)
        table.add_column(_("Fylke"), ratio=2, min_width=6)
        table.add_column(_("Kontor"), ratio=2, min_width=6)
        table.add_column(_("Form"), no_wrap=True)  # short: the group names need the width at 80 columns
        table.add_column(_("Aktive"), justify="right", no_wrap=True)
        table.add_column(_("Neste møte"), no_wrap=True)
        table.add_column(_("Status"), ratio=1, min_width=7)
        for row in rows:
            if row.status == "invalid":
                table.add_row(printable(row.path), "", "", "", "", "", _("ugyldig fil"))
                continue
            office = printable(row.office_name or "–")
            if row.office_closed:
                office += "*"  # explained under the table, to keep the columns narrow
            table.add_row(printable(row.group or ""), printable(row.county or ""), office,
                          translate(MODE_WORDS[row.mode or "physical"]), str(row.active), _next(row.next_meeting),
                          _status(row))
        self.console.print(table)
        if any(row.office_closed for row in rows):
            self.console.print(_("* Distriktskontoret fra 2019; distriktskontorene ble lagt ned i 2023. Bruk "
                                 "--directory med kontaktpunktene deres."))

    @staticmethod
    def _summary_line(run: CheckRun) -> str:
        counts = summary_counts(run)
        parts = [
            ngettext("{count} feil", "{count} feil", counts["errors"]).format(count=counts["errors"]),
            ngettext("{count} advarsel", "{count} advarsler", counts["warnings"]).format(count=counts["warnings"]),
            ngettext("{count} info", "{count} info", counts["infos"]).format(count=counts["infos"]),
        ]
        if counts["acknowledged"]:
            parts.append(ngettext("{count} avtalt i gruppa", "{count} avtalt i gruppa",
                                  counts["acknowledged"]).format(count=counts["acknowledged"]))
        checked = ngettext("{count} fil "
                           "sjekket", "{count} filer sjekket", counts["files"]).format(count=counts["files"])
        return _("{checked}: {counts}.").format(checked=checked, counts=", ".join(parts))


def _status(row: Row) -> str:
    """How a group is doing, in a narrow column: its errors before its state, so no state hides them."""
    if row.status == "ended":
        return _("avsluttet")
    if row.errors:
        return ngettext("{count} feil", "{count} feil", row.errors).format(count=row.errors)
    if row.warnings:
        return ngettext("{count} advarsel", "{count} advarsler", row.warnings).format(count=row.warnings)
    if row.status == "paused":
        return _("opphold")
    return _("planlagt") if row.status == "planned" else _("i orden")


# Each takes the stream it writes to; `uses_overview` says whether it needs the overview's rows.
REPORTER_BY_NAME: dict[str, Any] = {"text": TextReporter, "json": JsonReporter, "csv": CsvReporter,
                                    "concise": ConciseReporter}
