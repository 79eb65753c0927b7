"""`selvhjelp app`: the toolkit as pages in the person's own browser."""

from __future__ import annotations

from typing import Annotated

import typer

from selvhjelp_cli.cli import options
from selvhjelp_cli.cli.typer_app import command


@command("app")
def app_command(
    folder: Annotated[str | None, typer.Argument(
        help="Mappen med gruppefilene (standard: mappen Selvhjelp i dokumentmappen din).", metavar="MAPPE",
        show_default=False)] = None,
    port: Annotated[str | None, typer.Option(
        "--port", metavar="N", show_default=False,
        help="Porten på 127.0.0.1 (standard: 28411 når den er ledig, så bokmerker virker; 0 gir en ledig "
             "port).")] = None,
    no_browser: Annotated[bool, typer.Option(
        "--no-browser", help="Ikke åpne nettleseren; skriv bare ut adressen.")] = False,
    lang: Annotated[str | None, typer.Option(
        "--lang", metavar="SPRÅK", show_default=False,
        help="Språket på sidene: nb, nn eller en (standard: språket verktøyet snakker).")] = None,
    directory: options.DirectoryOption = None,
) -> None:
    """Åpne selvhjelp i nettleseren: alt verktøyet gjør, med skjemaer, på din egen maskin."""
    from selvhjelp_cli.app.server import serve

    number = options.whole_number(port, "--port", 0, 65535)
    raise typer.Exit(serve(folder, port=number, open_browser=not no_browser, language=options.language(lang),
                           directory=directory))
