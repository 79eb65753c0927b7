"""Writing files safely: atomically, never over an existing file without
--force, and readable by the owner alone when the file holds names."""

from __future__ import annotations

import os
import re
import sys
import tempfile
import unicodedata

from selvhjelp_cli.errors import UserError

STDOUT = "-"


def slug(text: str, fallback: str = "gruppe") -> str:
    """A file-name-safe form of a group name: 'Torsdagsgruppa Ås' -> 'torsdagsgruppa-aas'."""
    text = text.casefold().replace("æ", "ae").replace("ø", "o").replace("å", "aa")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    return text[:60].rstrip("-") or fallback


_EXISTS = "Filen finnes allerede. Bruk --force hvis du vil skrive over den."


def refuse_existing(path: str, force: bool) -> None:
    """Stop before any work if the file is there and --force was not given."""
    if path != STDOUT and os.path.exists(path) and not force:
        raise UserError(_EXISTS, path=path)


def write_output(path: str, content: bytes | str, *, force: bool = False, private: bool = False) -> None:
    """Write content to path ('-' is standard output).

    The file appears whole or not at all. With private=True it is created with
    mode 0600, because it holds the names of people in a self-help group.
    """
    data = content.encode("utf-8") if isinstance(content, str) else content
    if path == STDOUT:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    target = os.path.abspath(path)
    folder = os.path.dirname(target)
    if os.path.isdir(target):
        raise UserError("Dette er en mappe. Oppgi et filnavn.", path=path)
    refuse_existing(path, force)
    if not os.path.isdir(folder):
        raise UserError("Mappen finnes ikke.", path=path)
    try:
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".selvhjelp-", suffix=".tmp")
    except OSError:
        raise UserError("Kan ikke skrive i denne mappen.", path=path) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if not private:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)
        _move_into_place(tmp, target, force=force, shown=path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def _move_into_place(tmp: str, target: str, *, force: bool, shown: str) -> None:
    if force:
        os.replace(tmp, target)
        return
    # link() refuses to replace an existing file, so a file that appeared
    # since we looked is not lost either.
    try:
        os.link(tmp, target)
    except FileExistsError:
        raise UserError(_EXISTS, path=shown) from None
    except OSError:
        if os.path.exists(target):
            raise UserError(_EXISTS, path=shown) from None
        os.replace(tmp, target)  # file systems without hard links
        return
    os.unlink(tmp)
