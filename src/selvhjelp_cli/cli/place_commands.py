"""Places and who covers them: `find-district` and the directory of contact points."""

from __future__ import annotations

from typing import Annotated

import typer

from selvhjelp_cli.cli import options
from selvhjelp_cli.cli.options import DirectoryOption, ForceOption, FormatOption, OutputOption, SchemaLanguageOption
from selvhjelp_cli.cli.typer_app import command, directory_app, subcommand
from selvhjelp_cli.core.errors import ExitCode


@command("find-district")
def find_district(
    place: Annotated[str | None, typer.Argument(
        help="Et sted: postnummer, poststed, kommune eller fylke.", metavar="STED", show_default=False)] = None,
    county: Annotated[str | None, typer.Option("--county", metavar="FYLKE", show_default=False,
                                                  help="Fylke: navn eller nummer, gammelt eller nytt.")] = None,
    municipality: Annotated[str | None, typer.Option("--municipality", metavar="KOMMUNE", show_default=False,
                                                        help="Kommune.")] = None,
    postcode: Annotated[str | None, typer.Option("--postcode", metavar="NNNN", show_default=False,
                                                    help="Postnummer (fire sifre).")] = None,
    show_all: Annotated[bool, typer.Option("--all", help="Vis alle kontorene i listen.")] = False,
    directory: DirectoryOption = None,
    output_format: FormatOption = "text",
) -> None:
    """Finn kontoret eller kontaktpunktet som dekker et sted."""
    from selvhjelp_cli.cli import find_answer as view

    output_format = options.choice(output_format, ("text", "json"), "--format")
    chosen = view.one_place({"place": place, "county": county, "municipality": municipality,
                             "postcode": postcode}, show_all)
    if chosen is None:
        from selvhjelp_cli.places.directory import active_directory

        listed = active_directory(directory)
        if output_format == "json":
            view.print_json(view.offices_json(listed))
        else:
            from selvhjelp_cli.cli.console import make_console

            view.print_offices(make_console(), listed)
        return
    kind, value = chosen
    found = view.answer_district(kind, value, output_format, directory)
    raise typer.Exit(ExitCode.OK if found else ExitCode.FINDINGS)


@subcommand(directory_app, "check")
def directory_check(
    path: Annotated[str, typer.Argument(help="Katalogfilen (YAML).", metavar="FIL", show_default=False)],
) -> None:
    """Sjekk en katalogfil. Feil vises med fil og linje."""
    from selvhjelp_cli.cli.console import make_console
    from selvhjelp_cli.cli.directory_report import check_directory

    raise typer.Exit(check_directory(make_console(), path))


@subcommand(directory_app, "schema")
def directory_schema(
    output: OutputOption = None,
    force: ForceOption = False,
    lang: SchemaLanguageOption = None,
) -> None:
    """Skriv ut JSON Schema for katalogfilen (for redigeringsprogrammer)."""
    from selvhjelp_cli.cli.group_commands import write_schema
    from selvhjelp_cli.groupfile.schema import directory_schema

    write_schema(directory_schema(), output, force, lang)
