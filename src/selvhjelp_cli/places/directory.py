"""The directory: the offices and contact points that groups are referred to.

The built-in directory is the 2019 list of district offices from the
organisation's brochure; every answer from it carries its date and a notice
that the district offices were announced closed in 2023. Whoever coordinates
groups today keeps their own directory file (YAML, described in the README)
and points the tool at it with `--directory FILE` or SELVHJELP_DIRECTORY.
"""

from __future__ import annotations

import os
from datetime import date
from functools import cache

from selvhjelp_cli.core.errors import UserError
from selvhjelp_cli.core.i18n import _
from selvhjelp_cli.places.contacts import Contact, Directory, HeadOffice

ENVIRONMENT_VARIABLE = "SELVHJELP_DIRECTORY"


@cache
def builtin_directory() -> Directory:
    from selvhjelp_cli.places import registers

    data = registers.raw_directory()
    head = data["head_office"]
    about = data["directory"]
    contacts = tuple(
        Contact(o.id, o.office, phone=o.phone, covers=o.covers)
        for o in registers.offices().values()
    )
    return Directory(
        as_of=date.fromisoformat(about["as_of"]),
        source=about["source"],
        notice=about["notice"],
        head_office=HeadOffice(head["name"], head.get("email"), head.get("web"), head.get("phone")),
        contacts=contacts,
        builtin=True,
    )


def active_directory(path: str | None = None) -> Directory:
    """The directory named by the option, else by SELVHJELP_DIRECTORY, else the built-in one.

    A directory that is named but cannot be read is an error, never a silent
    fall-back to the built-in list.
    """
    if path is not None and not path.strip():
        raise UserError(_("--directory er tomt. Oppgi katalogfilen, eller la valget være, så brukes den innebygde "
                          "listen fra 2019."))
    if path is None:
        path = os.environ.get(ENVIRONMENT_VARIABLE) or None
        if path is not None and not os.path.exists(path):
            raise UserError(_("{ENVIRONMENT_VARIABLE} viser til en fil som ikke finnes. Rett variabelen, "
                            "eller fjern den for å bruke den innebygde listen fra "
                            "2019.").format(ENVIRONMENT_VARIABLE=ENVIRONMENT_VARIABLE), path=path)
    if path is None:
        return builtin_directory()
    return load_directory(path)


@cache
def _load_cached(path: str, stamp: tuple[int, int]) -> Directory:
    from selvhjelp_cli.places.directory_file import read_directory

    directory, errors, _unused = read_directory(path, infos=False)
    if errors:
        from selvhjelp_cli.core.errors import InvalidFile

        raise InvalidFile(path, errors)
    return directory


def load_directory(path: str) -> Directory:
    """The directory in a file, or InvalidFile with every error (infos are left to `directory check`)."""
    try:
        info = os.stat(path)
    except OSError:
        info = None
    return _load_cached(path, (info.st_mtime_ns, info.st_size) if info else (0, 0))


