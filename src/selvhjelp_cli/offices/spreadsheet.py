"""The office's overview as a real spreadsheet (`check --format xlsx`).

A CSV opens in one column in a Norwegian Excel on double-click (it expects
semicolons); an .xlsx opens right everywhere. One row per group file, the
overview's columns with typed numbers and dates, a header row that stays in
view and filters, and columns as wide as what they hold. Never a participant's
name: the columns are the overview's, and nothing else of the file goes in.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from selvhjelp_cli.core.i18n import N_, _

if TYPE_CHECKING:
    from selvhjelp_cli.offices.overview import Row

HEADERS = (N_("Fil"), N_("Gruppe"), N_("Fylke"), N_("Kontaktpunkt"), N_("Møteform"), N_("Aktive deltakere"),
           N_("Neste møte"), N_("Status"), N_("Feil"), N_("Advarsler"), N_("Følg opp"), N_("Kilde"))
DATE_FORMAT = {"nb": "dd.mm.yyyy", "nn": "dd.mm.yyyy", "en": "yyyy-mm-dd"}


def office_cell(row: Row) -> str | None:
    """The contact point as a cell: a closed 2019 district office is marked as such, never shown as today's."""
    name = row.office_name or row.office
    if name and row.office_closed:
        return _("{office} (nedlagt 2023)").format(office=name)
    return name


def overview_xlsx(rows: list[Row]) -> bytes:
    import xlsxwriter

    from selvhjelp_cli.calendar.meetings import STATUS_WORDS
    from selvhjelp_cli.core.dates import short_date
    from selvhjelp_cli.core.i18n import current
    from selvhjelp_cli.groupfile.model import MODE_WORDS

    states = {**STATUS_WORDS, "invalid": N_("ugyldig fil")}

    buffer = io.BytesIO()
    # Text is text: a group named «=1+1» is never a formula, «www…» never a link.
    book = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_formulas": False,
                                        "strings_to_urls": False, "strings_to_numbers": False})
    book.set_properties({"title": _("Oversikt over gruppene"), "author": "", "company": ""})
    sheet = book.add_worksheet(_("Oversikt"))
    bold = book.add_format({"bold": True, "bg_color": "#E6EFF4", "border": 1})
    day = book.add_format({"num_format": DATE_FORMAT[current()], "align": "left"})
    headers = [_(h) for h in HEADERS]
    widths = [len(h) for h in headers]
    for column, header in enumerate(headers):
        sheet.write_string(0, column, header, bold)
    for number, row in enumerate(rows, start=1):
        source = (_("statusfil fra {day}").format(day=short_date(row.reported)) if row.reported
                  else _("gruppefil"))
        cells = [row.path, row.group, row.county, office_cell(row),
                 _(MODE_WORDS[row.mode]) if row.mode else None, row.active, row.next_meeting,
                 _(states[row.status]), row.errors, row.warnings, ", ".join(row.follow_up_words()), source]
        for column, value in enumerate(cells):
            if value is None:
                continue
            if isinstance(value, int):
                sheet.write_number(number, column, value)
                shown = str(value)
            elif isinstance(value, str):
                sheet.write_string(number, column, value)
                shown = value
            else:
                sheet.write_datetime(number, column, value, day)
                shown = "00.00.0000"
            widths[column] = max(widths[column], len(shown))
    for column, width in enumerate(widths):
        sheet.set_column(column, column, min(width, 60) + 2)
    sheet.freeze_panes(1, 0)
    sheet.autofilter(0, 0, max(len(rows), 1), len(headers) - 1)
    book.close()
    return buffer.getvalue()
