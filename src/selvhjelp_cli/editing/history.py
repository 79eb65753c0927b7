"""Earlier versions of a group file, so that every change selvhjelp makes can be undone.

Before the editor replaces a group file it records the file as it was, what the
change said («La til «Ola N.» i gruppa.») and a digest of the new file. `undo`
puts the last version back if the file is still exactly what that change wrote:
a file changed since by anything else is never overwritten.

The history lies beside the group files, in a hidden folder of the owner's alone
(mode 0700, files 0600), one JSON file per group file. It holds the same names as
the group file, so it is bounded (the last MAX_ENTRIES changes, at most MAX_BYTES),
never read by `check`, the overview, the documents or the public list, and a
person can clear it, or take one name out of it when someone is removed.
"""

from __future__ import annotations

import base64
import json
import os
import stat
from dataclasses import dataclass
from datetime import datetime

from selvhjelp_cli.core.errors import UserError
from selvhjelp_cli.core.i18n import _

FOLDER = ".selvhjelp-historikk"
MAX_ENTRIES = 20
MAX_BYTES = 8_000_000  # of the history file; the oldest versions go first


@dataclass(frozen=True)
class Entry:
    at: datetime
    said: str  # what the change said it did
    before: bytes  # the whole file as it was
    after: str  # digest of the file the change wrote

    def as_json(self) -> dict:
        return {"at": self.at.isoformat(timespec="seconds"), "said": self.said,
                "before": base64.b64encode(self.before).decode("ascii"), "after": self.after}


def _history_path(path: str) -> str:
    target = os.path.realpath(path)
    return os.path.join(os.path.dirname(target), FOLDER, os.path.basename(target) + ".json")


def entries(path: str) -> list[Entry]:
    """The recorded changes of a group file, oldest first; none if there is no readable history."""
    try:
        with open(_history_path(path), encoding="utf-8") as handle:
            data = json.load(handle)
        return [Entry(datetime.fromisoformat(item["at"]), str(item["said"]), base64.b64decode(item["before"]),
                      str(item["after"])) for item in data["entries"]]
    except (OSError, ValueError, KeyError, TypeError):
        # No history, or one a person or a crash damaged: undo is then not offered, and nothing breaks.
        return []


def _own_folder(folder: str) -> bool:
    """The history folder, made owner-only if it is new; False if it is not ours to write in."""
    try:
        os.mkdir(folder, 0o700)
    except FileExistsError:
        pass
    except OSError:
        return False
    info = os.lstat(folder)
    return stat.S_ISDIR(info.st_mode) and (not hasattr(os, "geteuid") or info.st_uid == os.geteuid())


def _write(path: str, kept: list[Entry]) -> None:
    from selvhjelp_cli.core.files import write_output

    history = _history_path(path)
    if not kept:
        try:
            os.unlink(history)
        except FileNotFoundError:
            pass
        return
    if not _own_folder(os.path.dirname(history)):
        raise UserError(_("Kunne ikke lagre historikken for angring."), path=path)
    while True:
        text = json.dumps({"version": 1, "entries": [entry.as_json() for entry in kept]}, ensure_ascii=False)
        if len(text.encode("utf-8")) <= MAX_BYTES or len(kept) == 1:
            break
        kept = kept[1:]
    write_output(history, text, force=True, private=True)


def record(path: str, before: bytes, after: str, said: str) -> None:
    """Remember the file as it was before a change that wrote a file with digest `after`.

    Called under the folder lock, before the file is replaced: a change is never
    saved without its way back."""
    kept = [*entries(path), Entry(datetime.now().replace(microsecond=0), said, before, after)][-MAX_ENTRIES:]
    _write(path, kept)


def drop(path: str, after: str) -> None:
    """Forget a recorded change whose file was never written (the replace failed, or was interrupted)."""
    from selvhjelp_cli.core.files import digest

    try:
        with open(path, "rb") as handle:
            if digest(handle.read()) == after:
                return  # written after all (the interruption came just after): its way back stays
    except OSError:
        pass
    kept = entries(path)
    if kept and kept[-1].after == after:
        try:
            _write(path, kept[:-1])
        except UserError:
            pass  # undo then finds a file that is not what the entry says, and offers nothing


def last(path: str, current: bytes | None = None) -> Entry | None:
    """The change that can be undone now: the last one, if the file (`current`, or as it is on disk)
    is still what it wrote."""
    from selvhjelp_cli.core.files import digest

    found = entries(path)
    if not found:
        return None
    if current is None:
        try:
            with open(path, "rb") as handle:
                current = handle.read()
        except OSError:
            return None
    return found[-1] if found[-1].after == digest(current) else None


def undo(path: str, *, shown: str | None = None, force: bool = False) -> str:
    """Put the file back as it was before selvhjelp's last change to it; what was undone."""
    from selvhjelp_cli.core.files import ChangedSinceRead, ChangedSinceShown, digest, folder_lock, replace_edited
    from selvhjelp_cli.core.source import read_bytes

    with folder_lock(os.path.dirname(os.path.realpath(path)) or "."):
        current = read_bytes(path)
        if shown is not None and digest(current) != shown:
            raise ChangedSinceShown(path)
        found = entries(path)
        if not found:
            raise UserError(_("Det er ingen endringer å angre i denne filen."), path=path)
        entry = found[-1]
        if entry.after != digest(current):
            raise UserError(_("Filen er endret etter den siste endringen selvhjelp gjorde ({said}), så den kan ikke "
                              "angres. Ingenting er endret.").format(said=entry.said), path=path)
        try:
            replace_edited(path, entry.before, expected=current, force=force)
        except ChangedSinceRead:
            raise UserError(_("Filen ble endret mens den ble satt tilbake, så ingenting er endret. Prøv igjen."),
                            path=path) from None
        _write(path, found[:-1])
    return _("Angret: {said}").format(said=entry.said)


def clear(path: str) -> int:
    """Forget every earlier version of the file; how many there were."""
    from selvhjelp_cli.core.files import folder_lock

    with folder_lock(os.path.dirname(os.path.realpath(path)) or "."):
        count = len(entries(path))
        _write(path, [])
    return count


def forget(path: str, name: str) -> int:
    """Take every earlier version that holds a name out of the history; how many were taken out."""
    from selvhjelp_cli.core.files import folder_lock

    wanted = " ".join(name.split()).casefold()
    with folder_lock(os.path.dirname(os.path.realpath(path)) or "."):
        found = entries(path)
        kept = [entry for entry in found
                if wanted not in entry.before.decode("utf-8", "replace").casefold()
                and wanted not in entry.said.casefold()]
        _write(path, kept)
    return len(found) - len(kept)


def holding(path: str, name: str) -> int:
    """How many earlier versions hold a name (a removed participant's, say)."""
    wanted = " ".join(name.split()).casefold()
    return sum(1 for entry in entries(path)
               if wanted in entry.before.decode("utf-8", "replace").casefold() or wanted in entry.said.casefold())
