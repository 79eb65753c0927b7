"""`selvhjelp init-group` in the terminal: asking the questions, and the next steps."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from selvhjelp_cli.cli.console import printable
from selvhjelp_cli.core.i18n import _, translate

if TYPE_CHECKING:
    from rich.console import Console

    from selvhjelp_cli.editing.new import Question


def print_next_steps(console: Console, path: str, answers: dict) -> None:
    from rich.panel import Panel
    from rich.text import Text

    from selvhjelp_cli.places.directory import active_directory
    from selvhjelp_cli.places.resolver import office_sentence, offices_for_group

    shown = printable(path)
    directory = active_directory()
    offices = offices_for_group(directory, answers["county"], answers.get("municipality"))
    steps = Text()
    steps.append(_("Lagret {shown}. Bare du kan lese filen.\n").format(shown=shown), style="bold")
    place = answers.get("municipality") or answers["county"]
    steps.append(printable(office_sentence(directory, offices, place=place)) + "\n\n")
    steps.append(_("Neste steg:\n"), style="bold")
    for number, (what, command) in enumerate((
        (_("Legg inn deltakerne under «participants» (fornavn og initial er nok)."), None),
        (_("Sjekk filen mot rammene:"), f"selvhjelp check {shown}"),
        (_("Skriv ut taushetserklæringene:"), f"selvhjelp print-declaration {shown}"),
        (_("Skriv ut rammene og prinsippene:"), f"selvhjelp print-handout framework {shown}"),
        (_("Se møteplanen og lag en "
           "kalenderfil:"), _("selvhjelp calendar {shown} --ics kalender.ics").format(shown=shown)),
        (_("Få hjelp i redigeringsprogrammet:"), "selvhjelp schema -o gruppefil-v1.json"),
    ), start=1):
        steps.append(f"{number}. {what}\n")
        if command:
            steps.append(f"   {command}\n", style="bold cyan")
    console.print(Panel(steps, title=_("Ny gruppe"), title_align="left", expand=False))


class TerminalAsker:
    """Asks in the terminal; re-asks with a short reason until an answer parses."""

    def __init__(self, console: Console, today: date) -> None:
        import sys

        self.console = console
        self.today = today
        # An answer in another encoding arrives as lone surrogates instead of
        # breaking the stream, so that it can be asked again.
        reconfigure = getattr(sys.stdin, "reconfigure", None)
        if reconfigure is not None:
            try:
                reconfigure(errors="surrogateescape")
            except (ValueError, OSError):  # a stream already read from in a way that forbids it
                pass

    def __call__(self, question: Question, answers: dict) -> Any:
        from rich.text import Text

        from selvhjelp_cli.editing.new import choices, confirmation, parser
        from selvhjelp_cli.groupfile.answers import Unknown

        try:
            import readline  # noqa: F401 - arrow keys and history at the prompts (not on Windows, whose console has its own)
        except ImportError:
            pass

        if question.note:
            self.console.print(Text(translate(question.note), style="dim"))
        default = question.default_value()
        while True:
            prompt = translate(question.prompt)
            shown = f"{prompt} [{default}]: " if default else f"{prompt}: "
            raw = self.console.input(Text(shown))
            if any("\udc80" <= char <= "\udcff" for char in raw):
                # Bytes that are not UTF-8 (a terminal set to Latin-1 or cp1252): the answer is at fault, not a file.
                self.console.print(Text(_("  Svaret er ikke gyldig UTF-8-tekst. Sjekk at terminalen bruker UTF-8, "
                                          "og skriv svaret på nytt."), style="yellow"))
                continue
            if raw.strip() == "?":
                listed = choices(question, answers)
                self.console.print(Text("  " + (", ".join(listed) if listed else _("Her kan du skrive fritt.")),
                                        style="dim"))
                continue
            if not raw.strip() and default is not None:
                raw = default
            try:
                value = parser(question, self.today, answers)(raw)
            except Unknown as error:
                self.console.print(Text(_("  {error} Trykk Enter for å bruke "
                                          "forslaget.").format(error=error), style="yellow"))
                default = error.suggestions[0] if error.suggestions else question.default_value()
                continue
            except ValueError as error:
                self.console.print(Text(f"  {error}", style="yellow"))
                continue
            said = confirmation(question, value, self.today)
            if said:
                self.console.print(Text(f"  {said}", style="green"))
            return value
