"""The answer to `find-district`: text for people, JSON for scripts."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from selvhjelp_cli.cli.console import printable, write_json
from selvhjelp_cli.core.errors import did_you_mean
from selvhjelp_cli.core.i18n import N_, _

if TYPE_CHECKING:
    from collections.abc import Mapping

    from rich.console import Console

    from selvhjelp_cli.places.contacts import Contact, Directory
    from selvhjelp_cli.places.districts import Resolution

_NOT_FOUND = {"county": N_("Fant ikke noe fylke som heter «{shown}»."),
              "municipality": N_("Fant ikke noen kommune som heter «{shown}»."),
              "postcode": N_("Fant ikke noe postnummer «{shown}»."),
              "place": N_("Fant ikke noe sted som heter «{shown}».")}


PLACE_KINDS = ("place", "county", "municipality", "postcode")


def one_place(given: Mapping[str, str | None], show_all: bool) -> tuple[str, str] | None:
    """The one place asked about, (kind, text), or None for --all: exactly one of PLACE,
    --county, --municipality, --postcode and --all. The quick path (entry.py) and the
    Typer command both ask this function, so they cannot disagree."""
    named = [(kind, text) for kind in PLACE_KINDS if (text := given.get(kind)) is not None]
    if len(named) + bool(show_all) != 1:
        from selvhjelp_cli.core.errors import UserError

        raise UserError(_("Oppgi ett sted (for eksempel «selvhjelp find-district Bryne»), eller nøyaktig én av "
                          "--county, --municipality, --postcode eller --all."))
    return named[0] if named else None


def answer_district(kind: str, value: str, output_format: str, directory_path: str | None = None) -> bool:
    """Resolve a place and print the answer; True if an office was found.

    The one implementation behind `find-district`, whether Typer or the quick
    path in entry.py parsed the command line.
    """
    from selvhjelp_cli.places.directory import active_directory
    from selvhjelp_cli.places.resolver import resolve

    directory = active_directory(directory_path)
    result = resolve(directory, kind, value)
    if output_format == "json":
        print_json(resolution_json(directory, result))
    else:
        from selvhjelp_cli.cli.console import make_console

        print_resolution(make_console(), directory, result)
    return bool(result.offices)


def resolution_json(directory: Directory, result: Resolution) -> dict:
    answer = result.as_json()
    answer["offices"] = [_office_json(directory, office) for office in result.offices]
    return {**answer, "head_office": directory.head_office.as_json(), "directory": directory.info_json()}


def _office_json(directory: Directory, contact: Contact) -> dict:
    # The built-in list holds the district offices of 2019, all closed in 2023: a script must be able to tell.
    return {**contact.as_json(), "closed": True} if directory.builtin else contact.as_json()


def _contact_text(contact: Contact, directory: Directory):
    from rich.text import Text

    body = Text()
    if directory.builtin:
        body.append(_("Distriktskontoret i {office}").format(office=contact.office), style="bold")
        body.append("\n" + _("Telefon {phone} (i 2019)").format(phone=contact.phone))
    else:
        body.append(printable(contact.office), style="bold")
        if contact.kind:
            body.append(f" ({printable(contact.kind)})", style="dim")
        for label, value in ((_("Telefon"), contact.phone), (_("E-post"), contact.email), (_("Nett"), contact.web),
                             (_("Adresse"), contact.address)):
            if value:
                body.append(f"\n{label} {printable(value)}")
    from selvhjelp_cli.core.words import join

    covers = join(printable(c) for c in contact.covers)
    if covers:
        line = _("Dekker {places} (fylkene slik de het i 2019)") if directory.builtin else _("Dekker {places}")
        body.append("\n" + line.format(places=covers), style="dim")
    return body


def print_resolution(console: Console, directory: Directory, result: Resolution) -> None:
    from rich.panel import Panel
    from rich.text import Text

    if not result.matched:
        (kind,) = result.query
        message = Text(_(_NOT_FOUND[kind]).format(shown=printable(result.asked)))
        message.append(did_you_mean(result.suggestions))
        console.print(message)
        for note in result.notes:
            console.print(Text(note))
        return
    if directory.builtin:
        # Today's way first; the closed office only as history, with no number to call.
        from selvhjelp_cli.places.resolver import office_sentence

        place = result.matched.split(" (", 1)[0]
        sentence = office_sentence(directory, result.offices, place=place)
        console.print(Panel(Text(printable(sentence)), title=printable(result.matched), title_align="left",
                            expand=False, width=min(console.width, 80)))
        console.print(Text(printable(directory.dated), style="dim"))
        return
    if directory.notice:
        console.print(Text(printable(directory.shown_notice), style="bold"))
    body = Text()
    for i, office in enumerate(result.offices):
        if i:
            body.append("\n\n")
        body.append(_contact_text(office, directory))
    if not result.offices:
        body.append(_("Ingen i listen dekker dette stedet.") if not directory.builtin
                    else _("Ingen distriktskontor dekket dette stedet i 2019."))
    console.print(Panel(body, title=printable(result.matched), title_align="left", expand=False))
    for note in result.notes:
        console.print(
            Text(printable(note) if note.startswith("– ") else _("Merk: {note}").format(note=printable(note)))
        )
    print_about(console, directory)


def print_about(console: Console, directory: Directory, notice: bool = False) -> None:
    """Where the list comes from and how old it is, then the head office."""
    from rich.text import Text

    console.print(Text(printable(directory.dated), style="dim"))
    if notice and directory.notice:
        console.print(Text(printable(directory.shown_notice), style="bold"))
    head = directory.head_office
    console.print(Text(printable(f"{head.name}: {head.reach}"), style="dim"))


def print_offices(console: Console, directory: Directory) -> None:
    from rich.table import Table

    from selvhjelp_cli.core.words import join

    title = _("Distriktskontorene i Selvhjelp Norge i 2019") if directory.builtin else _("Kontaktpunktene i listen")
    table = Table(title=title, title_justify="left")
    table.add_column(_("Id"), no_wrap=True, style="dim")
    table.add_column(_("Navn"))
    table.add_column(_("Kontakt"))
    table.add_column(_("Dekker (fylkene slik de het i 2019)") if directory.builtin else _("Dekker"))
    for contact in directory.contacts:
        reach = "\n".join(printable(v) for v in (contact.phone, contact.email, contact.web) if v)
        table.add_row(contact.id, printable(contact.office), reach, join(printable(c) for c in contact.covers))
    console.print(table)
    print_about(console, directory, notice=True)


def offices_json(directory: Directory) -> dict:
    return {
        "offices": [_office_json(directory, c) for c in directory.contacts],
        "head_office": directory.head_office.as_json(),
        "directory": directory.info_json(),
    }


def print_json(document: dict) -> None:
    write_json(document, sys.stdout)
