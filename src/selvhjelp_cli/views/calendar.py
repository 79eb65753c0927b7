"""`selvhjelp calendar`: the meeting plan as a table."""

from __future__ import annotations

from typing import TYPE_CHECKING

from selvhjelp_cli.console import printable

if TYPE_CHECKING:
    from rich.console import Console


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


