"""`selvhjelp calendar`: the meeting plan as a table."""

from __future__ import annotations

from typing import TYPE_CHECKING

from selvhjelp_cli.cli.console import printable
from selvhjelp_cli.core.i18n import _

if TYPE_CHECKING:
    from rich.console import Console


def print_calendar(console: Console, group, meetings: list, skipped: list, *, language: str | None = None) -> None:
    from rich import box
    from rich.table import Table
    from rich.text import Text

    from selvhjelp_cli.calendar.meetings import holiday_label
    from selvhjelp_cli.core.dates import clock, long_date

    table = Table(title=_("Møteplan for "
                          "{name}").format(name=printable(group.name)), title_justify="left", box=box.SIMPLE_HEAD)
    table.add_column(_("Nr."), justify="right", no_wrap=True)
    table.add_column(_("Dato"), no_wrap=True)
    table.add_column(_("Tid"), no_wrap=True)
    with_starters = any(m.starters for m in meetings)
    held = [m for m in meetings if not m.cancelled]
    if with_starters:
        table.add_column(_("Igangsetteren er med"), overflow="fold")
    table.add_column(_("Merknad"), overflow="fold")
    for meeting in meetings:
        number = "–" if meeting.cancelled else str(meeting.number)
        row: list[str | Text] = [
            number,
            long_date(meeting.day, language),
            f"{clock(meeting.start, language)}–{clock(meeting.end, language)}",
        ]
        if with_starters:
            row.append(printable(", ".join(meeting.starters)))
        notes = Text()
        if meeting.cancelled:
            said = _("Opphold") if meeting.paused else _("Avlyst")
            notes.append(said + (f" ({printable(meeting.reason)})" if meeting.reason else ""), style="bold red")
        elif meeting.planned:
            notes.append(_("Flyttet fra {planned}").format(planned=long_date(meeting.planned, language)), style="cyan")
        if meeting.holiday:
            notes.append(("; " if notes else "") + holiday_label(meeting.holiday, language), style="bold yellow")
        row.append(notes)
        table.add_row(*row, style="dim" if meeting.cancelled else None)
    console.print(table)
    if held and held[0].break_window:
        start, end = held[0].break_window
        console.print(Text(_("Pause midt i møtet, omtrent kl. "
                             "{start}–{end}.").format(start=clock(start, language), end=clock(end, language))))
    elif held:
        console.print(Text(_("Møtene har ingen pause.")))
    if not meetings:
        console.print(Text(_("Ingen planlagte møter i denne perioden.")))
    shown = [m.day for m in meetings]
    for pause in group.schedule.pauses:
        if shown and pause.to >= shown[0] and pause.from_ <= shown[-1]:
            why = f" ({printable(pause.reason)})" if pause.reason else ""
            console.print(
                Text(
                    _("Pause fra {from_} til {to}{why}.").format(
                        from_=long_date(pause.from_, language), to=long_date(pause.to, language), why=why
                    )
                )
            )
    if group.ended is not None:
        console.print(Text(_("Gruppa ble avsluttet {ended}.").format(ended=long_date(group.ended, language))))
    if skipped:
        left_out = ", ".join(f"{long_date(day, language)} ({holiday_label(name, language)})" for day, name in skipped)
        console.print(Text(_("Hoppet over: {left_out}.").format(left_out=left_out), style="dim"))
    elif any(m.holiday for m in meetings):
        console.print(Text(_("Noen møter faller på en helligdag, julaften eller nyttårsaften. Bruk --skip-holidays "
                           "for å hoppe over dem, eller avtal en annen dag i gruppa."), style="dim"))




def ics_summary(meetings: list, path: str, *, season=None) -> str:
    """What `calendar --ics` says: how many meetings it wrote (and cancelled ones), and how to get more."""
    from selvhjelp_cli.core.i18n import ngettext

    held = sum(not m.cancelled for m in meetings)
    cancelled = len(meetings) - held
    said = ngettext("Skrev {count} møte til {path}.", "Skrev {count} møter til {path}.", held).format(
        count=held, path=path)
    if cancelled:
        said += " " + ngettext("{count} avlyst møte er med, slik at kalendere som har lagt det inn, fjerner det.",
                               "{count} avlyste møter er med, slik at kalendere som har lagt dem inn, fjerner dem.",
                               cancelled).format(count=cancelled)
    if season is not None:
        from selvhjelp_cli.core.dates import long_date

        said += " " + _("Kalenderfilen går til og med {day}, slutten av halvåret; for flere møter: --until "
                        "DATO.").format(
            day=long_date(season))
    return said
