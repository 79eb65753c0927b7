"""Writing files safely: atomically, never over an existing file without
--force, never onto anything but a regular file, and readable by the owner
alone when the file holds names."""

from __future__ import annotations

import errno
import os
import re
import stat
import sys
import tempfile
import unicodedata

from selvhjelp_cli.errors import UserError
from selvhjelp_cli.i18n import N_, _

STDOUT = "-"


def slug(text: str, fallback: str = "gruppe") -> str:
    """A file-name-safe form of a group name: 'Torsdagsgruppa Ås' -> 'torsdagsgruppa-aas'."""
    text = text.casefold().replace("æ", "ae").replace("ø", "o").replace("å", "aa")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    return text[:60].rstrip("-") or fallback


_EXISTS = N_("Filen finnes allerede. Bruk --force hvis du vil skrive over den.")
_FOLDER = N_("Dette er en mappe. Oppgi et filnavn.")
_SPECIAL = N_("Dette er ikke en vanlig fil (men for eksempel en enhet eller en rørledning). Oppgi et annet filnavn.")


def refuse_existing(path: str, force: bool) -> None:
    """Stop before any work if the target cannot or may not be written."""
    if path == STDOUT:
        return
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return
    except OSError:
        raise UserError(_("Kan ikke se om filen finnes."), path=path) from None
    if stat.S_ISDIR(mode):
        raise UserError(_(_FOLDER), path=path)
    if not force:
        raise UserError(_(_EXISTS), path=path)
    if not stat.S_ISREG(mode):
        # --force means "replace my file", never "write into this device".
        raise UserError(_(_SPECIAL), path=path)


_WRITE_ERRORS = {
    getattr(errno, name): message
    for name, message in (
        ("ENOSPC", N_("Disken er full, så filen ble ikke skrevet.")),
        ("EDQUOT", N_("Du har brukt opp lagringsplassen din, så filen ble ikke skrevet.")),
        ("EACCES", N_("Du har ikke lov til å skrive i denne mappen.")),
        ("EPERM", N_("Du har ikke lov til å skrive i denne mappen.")),
        ("EROFS", N_("Mappen ligger på en disk som bare kan leses.")),
        ("ENAMETOOLONG", N_("Filnavnet er for langt.")),
    )
    if hasattr(errno, name)  # Windows lacks some of them
}


def _write_error(error: OSError, path: str) -> UserError:
    return UserError(_(_WRITE_ERRORS.get(error.errno, N_("Kunne ikke skrive filen."))), path=path)


def write_output(path: str, content: bytes | str, *, force: bool = False, private: bool = False,
                 mode: int | None = None) -> None:
    """Write content to path ('-' is standard output).

    The file appears whole or not at all. With private=True it is created with
    mode 0600, because it holds the names of people in a self-help group;
    `mode` keeps the mode of a file being replaced (never wider than it was).
    """
    data = content.encode("utf-8") if isinstance(content, str) else content
    if path == STDOUT:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    target = os.path.abspath(path)
    folder = os.path.dirname(target)
    refuse_existing(path, force)
    if not os.path.isdir(folder):
        raise UserError(_("Mappen finnes ikke."), path=path)
    try:
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".selvhjelp-", suffix=".tmp")
    except OSError as error:
        raise _write_error(error, path) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if mode is not None:
            os.chmod(tmp, mode)
        elif not private:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)
        _move_into_place(tmp, target, force=force, shown=path)
    except OSError as error:
        raise _write_error(error, path) from None
    finally:
        # Whatever stopped us (an error, Ctrl+C, SIGTERM), the temporary copy
        # holds the same names as the file would have: it must not stay behind.
        if os.path.lexists(tmp):
            os.unlink(tmp)


def _move_into_place(tmp: str, target: str, *, force: bool, shown: str) -> None:
    if force:
        refuse_existing(shown, force)  # still a regular file, or gone
        os.replace(tmp, target)
        return
    # link() refuses to replace an existing file, so a file that appeared
    # since we looked is not lost either.
    try:
        os.link(tmp, target)
    except FileExistsError:
        raise UserError(_(_EXISTS), path=shown) from None
    except OSError:
        if os.path.lexists(target):
            raise UserError(_(_EXISTS), path=shown) from None
        os.replace(tmp, target)  # file systems without hard links
