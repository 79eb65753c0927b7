"""Changes to a group file that lose nothing.

Only the changed lines differ, byte for byte: each change is spliced into the
original text (splice.py) in the file's own indentation, quoting, line ending
and encoding (a byte order mark stays). An invalid file is never edited: it is
loaded by the same loader `check` uses first. The changed text is loaded and
validated again, held to the loader's limits, and compared with the change
that was meant, before anything is written; if any of that fails, nothing is
written.

`edit()` is the one way in, for the CLI and the app alike: it holds a lock on
the folder around read, change and write, and the file is replaced only if it
still holds what was read (a text editor or a synced folder does not take our
lock); otherwise the change is made again on the new text. A change only says
what it will do; edit() saves it, so nothing can report a change that was not
written, and records the file as it was (history.py), so every change can be
undone. A symbolic link is followed, and the file keeps its mode and owner.
"""

from __future__ import annotations

import copy
import os
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from selvhjelp_cli.core.errors import InvalidFile, UserError
from selvhjelp_cli.core.files import ChangedSinceShown, digest
from selvhjelp_cli.core.i18n import N_, _

if TYPE_CHECKING:
    from selvhjelp_cli.editing.splice import Text

__all__ = ["ChangedSinceShown", "GroupFile", "digest", "edit"]  # pragma: no mutate

_BOM = b"\xef\xbb\xbf"
_OTHER_LINES = N_("Denne endringen kan ikke gjøres uten å skrive om andre linjer i filen (for eksempel fordi lista "
                  "er et alias, *navn). Ingenting er lagret. Gjør endringen for hånd.")
_ATTEMPTS = 5


class GroupFile:
    """A group file opened for a change: `group` is the model, the changes are splices."""

    def __init__(self, path: str, *, force: bool) -> None:
        from selvhjelp_cli.core.source import decode, parse, read_bytes
        from selvhjelp_cli.editing.splice import CannotSplice, Text
        from selvhjelp_cli.groupfile.validation import validate

        self.path = path
        self.force = force
        self.raw = read_bytes(path)
        self.text = decode(self.raw, path)
        data, source = parse(self.text, path)  # an invalid file stops here, with its problems
        self.expected = copy.deepcopy(data)
        self.group = validate(data, source)
        self.digest = digest(self.raw)
        self._splice = Text(self.text)
        try:
            self._splice.root  # noqa: B018 - composed here, so a refusal is told as such
        except CannotSplice:  # a file PyYAML's composer refuses although our loader reads it
            raise UserError(_("Filen kan ikke endres av verktøyet. Endre den for hånd."), path=path) from None
        self.saved = False

    # -- changes (each also made to `expected`, what the new file must read as) --

    def append(self, *keys: str, entry: dict[str, Any]) -> None:
        """Add an entry to the list at keys, creating the list (and its key) if need be."""
        from selvhjelp_cli.editing.splice import scalar_text

        self._apply(lambda text: text.append(keys, entry))
        *outer, last = keys
        holder = self.expected
        for key in outer:
            holder = holder[key]
        if holder.get(last) is None:
            holder[last] = []
        holder[last].append({key: scalar_text(value) for key, value in entry.items()})

    def set(self, where: tuple[str | int, ...], key: str, value: Any) -> None:
        """Give the key of the mapping at `where` (() for the top) a value."""
        from selvhjelp_cli.editing.splice import scalar_text

        self._apply(lambda text: text.set(where, key, value))
        holder = self.expected
        for step in where:
            holder = holder[step]
        holder[key] = scalar_text(value)

    def unset(self, where: tuple[str | int, ...], key: str) -> None:
        """Take a key, and its value, out of the mapping at `where` (nothing if it is not there)."""
        holder = self.expected
        for step in where:
            holder = holder[step]
        if key not in holder:
            return
        self._apply(lambda text: text.unset(where, key))
        del holder[key]

    def remove(self, where: tuple[str | int, ...]) -> None:
        """Take the list entry at `where` out of the file."""
        self._apply(lambda text: text.remove(where))
        *outer, index = where
        holder = self.expected
        for step in outer:
            holder = holder[step]
        del holder[index]

    @staticmethod
    def entry(**values: Any) -> dict[str, Any]:
        """A new list entry: keys in the order given (a trailing _ dropped), leaving out what is None."""
        return {key.rstrip("_"): value for key, value in values.items() if value is not None}

    def _apply(self, change: Callable[[Text], Text]) -> None:
        from selvhjelp_cli.editing.splice import CannotSplice

        try:
            self._splice = change(self._splice)
        except CannotSplice:
            raise UserError(_(_OTHER_LINES), path=self.path) from None

    # -- writing ----------------------------------------------------------

    def render(self) -> str:
        """The changed text (without the byte order mark)."""
        return self._splice.text

    def save(self, said: str) -> None:
        """Check the changed file as `check` would, record the file as it was, then replace it
        atomically if no one changed it meanwhile (ChangedSinceRead otherwise)."""
        from selvhjelp_cli.core.files import replace_edited
        from selvhjelp_cli.core.source import MAX_BYTES, parse
        from selvhjelp_cli.editing import history
        from selvhjelp_cli.groupfile.validation import validate

        if self.saved:
            raise RuntimeError("a GroupFile is saved once")  # a second save would replace the first one's file
        text = self.render()
        data = (_BOM if self.raw.startswith(_BOM) else b"") + text.encode("utf-8")
        if data == self.raw:
            self.saved = True  # already so (a signature given again on the same day): nothing to write or undo
            return
        if len(data) > MAX_BYTES:
            raise UserError(_("Endringen ville gjort filen større enn 1 MB, grensen for en gruppefil. "
                              "Ingenting er lagret."), path=self.path)
        try:
            parsed, source = parse(text, self.path)
            meant = copy.deepcopy(parsed) == self.expected
            validate(parsed, source)
        except InvalidFile as error:
            raise UserError(_("Endringen ville gjort filen ugyldig, så ingenting er skrevet: "
                            "{message}").format(message=error.problems[0].message), path=self.path) from None
        if not meant:
            raise UserError(_(_OTHER_LINES), path=self.path)
        written = digest(data)
        history.record(self.path, self.raw, written, said)
        try:
            replace_edited(self.path, data, expected=self.raw, force=self.force)
        except BaseException:
            history.drop(self.path, written)  # nothing was written: no way back to offer
            raise
        self.saved = True


def edit(path: str, change: Callable[[GroupFile], str], *, force: bool = False, shown: str | None = None) -> str:
    """Open the group file, make the change, save it, and return what the change says it did.

    The folder is locked meanwhile; if the file changed under us anyway (a text
    editor, a synced folder), the change is made again on what is there now.
    With `shown` (a digest from the page the person saw), a file that changed
    since is never changed: ChangedSinceShown. Either the change is saved and its
    sentence returned, or an error is raised and nothing is saved.
    """
    from selvhjelp_cli.core.files import ChangedSinceRead, folder_lock

    folder = os.path.dirname(os.path.realpath(path)) or "."
    with folder_lock(folder):
        for _attempt in range(_ATTEMPTS):
            file = GroupFile(path, force=force)
            if shown is not None and file.digest != shown:
                raise ChangedSinceShown(path)
            said = change(file)
            try:
                file.save(said)
            except ChangedSinceRead:
                if shown is not None:
                    raise ChangedSinceShown(path) from None
                continue
            return said
    raise UserError(_("Filen ble endret av noe annet hele tiden mens endringen ble gjort, så ingenting er lagret. "
                      "Prøv igjen."), path=path)
