"""What `directory check` prints."""

from __future__ import annotations

from typing import TYPE_CHECKING

from selvhjelp_cli.cli.console import printable
from selvhjelp_cli.core.errors import ExitCode
from selvhjelp_cli.core.i18n import _, ngettext

if TYPE_CHECKING:
    from rich.console import Console


def check_directory(console: Console, path: str) -> int:
    """Print the infos and a summary; every error is raised as one InvalidFile."""
    from rich.text import Text

    from selvhjelp_cli.core.errors import InvalidFile
    from selvhjelp_cli.places.directory_file import read_directory

    directory, errors, infos = read_directory(path)
    for info in infos:
        where = ":".join(str(part) for part in (path, info.line, info.column) if part)
        console.print(Text(f"{printable(where)}: info: {printable(info.message)}"), soft_wrap=True)
    if errors:
        raise InvalidFile(path, errors)
    from selvhjelp_cli.core.dates import plain_date

    count = len(directory.contacts)
    entries = ngettext("{count} kontaktpunkt", "{count} kontaktpunkter", count).format(count=count)
    console.print(Text(_("Katalogen er i orden: {entries}, sist sjekket "
                         "{as_of}.").format(entries=entries, as_of=plain_date(directory.as_of))))
    return ExitCode.OK
