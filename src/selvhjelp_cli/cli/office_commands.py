"""What offices and the public see: `publish` (the open groups)."""

from __future__ import annotations

from typing import Annotated

import typer

from selvhjelp_cli.cli import options
from selvhjelp_cli.cli.options import DirectoryOption, ForceOption, OutputOption, TodayOption
from selvhjelp_cli.cli.typer_app import command


@command()
def publish(
    paths: Annotated[list[str] | None, typer.Argument(
        help="Gruppefiler eller mapper (standard: denne mappen).", metavar="STI", show_default=False)] = None,
    output_format: Annotated[str, typer.Option("--format", metavar="FORMAT", help="json eller html.")] = "json",
    output: OutputOption = None,
    directory: DirectoryOption = None,
    today: TodayOption = None,
    force: ForceOption = False,
) -> None:
    """Lag en offentlig liste over gruppene som tar imot nye deltakere (JSON eller en nettside)."""
    from selvhjelp_cli.cli.publish_summary import print_summary
    from selvhjelp_cli.core.files import STDOUT, write_output
    from selvhjelp_cli.offices import publish as listing
    from selvhjelp_cli.places.directory import active_directory
    from selvhjelp_cli.rules.checker import check_paths

    output_format = options.choice(output_format, ("json", "html"), "--format")
    chosen = active_directory(directory)
    day = options.today(today)
    selection = listing.select(check_paths(paths or [], day), chosen)
    content = listing.to_json(selection) if output_format == "json" else listing.to_html(selection, day, chosen)
    write_output(output or STDOUT, content, force=force)
    print_summary(selection, output if output and output != STDOUT else None, output_format)


@command("status")
def status(
    file: Annotated[str | None, typer.Argument(help="Gruppefilen.", metavar="FIL", show_default=False)] = None,
    output: OutputOption = None,
    schema: Annotated[bool, typer.Option("--schema", help="Skriv ut JSON Schema for statusfilen i stedet.")] = False,
    today: TodayOption = None,
    force: ForceOption = False,
) -> None:
    """Lag en statusfil til kontaktpunktet: hvordan gruppa har det, uten navn på noen."""
    from selvhjelp_cli.core.errors import UserError
    from selvhjelp_cli.core.files import STDOUT, write_output
    from selvhjelp_cli.core.i18n import _

    if schema:
        from selvhjelp_cli.cli.group_commands import write_schema
        from selvhjelp_cli.groupfile.statusfile import status_schema

        if file is not None:
            raise UserError(_("--schema skriver ut skjemaet og tar ingen gruppefil."))
        write_schema(status_schema(), output, force)
        return
    if file is None:
        raise UserError(_("Oppgi gruppefilen det skal lages status for."))
    from selvhjelp_cli.offices.status import make_status, status_file_name

    target = output or status_file_name(file)
    text = make_status(file, options.today(today))
    write_output(target, text, force=force)
    if target != STDOUT:
        options.wrote(target, _(" Den har ingen navn, og kan gis til kontaktpunktet."))
