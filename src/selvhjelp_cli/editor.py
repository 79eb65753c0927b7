"""Changes to a group file that keep the person's file: comments, key order,
quoting, blank lines and indentation survive (ruamel.yaml's round trip), and
only the changed lines differ.

An invalid file is never edited: it is loaded by the same loader `check`
uses first. The changed text is loaded and validated again before anything is
written; if it would be invalid, nothing is written. The file is replaced
atomically and keeps its mode.
"""

from __future__ import annotations

import io
import os
import re
from datetime import date, time
from typing import Any

from selvhjelp_cli.errors import UserError
from selvhjelp_cli.i18n import _


def _indents(text: str) -> tuple[int, int, int]:
    """(mapping indent, sequence indent, dash offset) as the file writes them."""
    from ruamel.yaml.util import load_yaml_guess_indent

    mapping = 2
    lines = [line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    for before, after in zip(lines, lines[1:]):
        if re.fullmatch(r"[A-Za-z_]\w*:\s*", before) and not after.lstrip().startswith("-"):
            mapping = len(after) - len(after.lstrip(" ")) or 2
            break
    sequence, offset = mapping + 2, mapping  # "  - name:", as init-group writes (and its examples show)
    if any(re.match(r"\s*- ", line) for line in lines):
        try:
            _unused, guessed, guessed_offset = load_yaml_guess_indent(text)
        except Exception:  # noqa: BLE001 - a guess only; the house style stands
            guessed = None
        if guessed:
            sequence, offset = guessed, guessed_offset or 0
    return mapping, sequence, offset


def plain(value: Any) -> Any:
    """A value as the file should hold it: dates as 2027-01-07 (unquoted), times as 18:00."""
    if isinstance(value, time):
        return f"{value.hour:02d}:{value.minute:02d}"
    return value


class GroupFile:
    """A group file opened for a change: `data` is the round-trip YAML, `group` the model."""

    def __init__(self, path: str) -> None:
        from ruamel.yaml import YAML

        from selvhjelp_cli.loader import load_group
        from selvhjelp_cli.source import read_text

        self.path = path
        self.loaded = load_group(path)  # an invalid file stops here, with its problems
        self.group = self.loaded.group
        self.text = read_text(path)
        self._yaml = YAML(typ="rt")
        self._yaml.preserve_quotes = True
        self._yaml.width = 4096  # never fold a long line the person wrote on one
        mapping, sequence, offset = _indents(self.text)
        self._yaml.indent(mapping=mapping, sequence=sequence, offset=offset)
        self.data = self._yaml.load(self.text)

    def append(self, *keys: str, entry) -> None:
        """Add an entry to the list at keys (creating it), keeping the comments after the list after it."""
        from ruamel.yaml.comments import CommentedMap, CommentedSeq

        *outer, last = keys
        parent = self.data
        for key in outer:
            if parent.get(key) is None:
                parent[key] = CommentedMap()
            parent = parent[key]
        existing = parent.get(last)
        holder = existing if existing else parent
        with _trailing_comment_kept(holder, nested=holder is not self.data):
            if existing:
                existing.append(entry)
            else:
                parent[last] = CommentedSeq([entry])

    def set(self, mapping, key: str, value: Any) -> None:
        """Set a key in a mapping of the file, keeping the comments after it after it."""
        with _trailing_comment_kept(mapping, nested=mapping is not self.data):
            mapping[key] = plain(value)

    @staticmethod
    def entry(**values: Any):
        """A new list entry: a mapping in the order given, leaving out what is None."""
        from ruamel.yaml.comments import CommentedMap

        entry = CommentedMap()
        for key, value in values.items():
            if value is not None:
                entry[key.rstrip("_")] = plain(value)
        return entry

    def render(self) -> str:
        out = io.StringIO()
        self._yaml.dump(self.data, out)
        text = out.getvalue()
        if self.text.startswith("\ufeff"):
            text = "\ufeff" + text
        return text

    def save(self) -> None:
        """Validate the changed file as `check` would, then replace the file atomically."""
        from selvhjelp_cli.files import write_output
        from selvhjelp_cli.source import InvalidFile, parse
        from selvhjelp_cli.validation import validate

        text = self.render()
        try:
            data, source = parse(text, self.path)
            validate(data, source)
        except InvalidFile as error:
            raise UserError(_("Endringen ville gjort filen ugyldig, så ingenting er skrevet: "
                            "{message}").format(message=error.problems[0].message), path=self.path) from None
        mode = os.stat(self.path).st_mode & 0o777
        write_output(self.path, text, force=True, private=True, mode=mode)


def _deepest_last(node):
    """The (container, key) of the last scalar in node: where ruamel keeps the
    comment lines that follow it."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    while isinstance(node, (CommentedMap, CommentedSeq)) and len(node):
        key = list(node)[-1] if isinstance(node, CommentedMap) else len(node) - 1
        child = node[key]
        if isinstance(child, (CommentedMap, CommentedSeq)) and len(child):
            node = child
            continue
        return node, key
    return None


class _trailing_comment_kept:
    """Inside a list or a nested mapping, the comment lines after its last line
    (the commented examples, the next section's heading) stay after it when it grows.
    At the top level they belong to the section they follow, and stay there."""

    def __init__(self, container, *, nested: bool) -> None:
        self.container = container
        self.nested = nested

    def __enter__(self):
        self.before = _deepest_last(self.container) if self.nested else None
        return self

    def __exit__(self, *exc) -> None:
        if exc[0] is not None or self.before is None:
            return
        after = _deepest_last(self.container)
        if after is None or after == self.before:
            return
        (old, old_key), (new, new_key) = self.before, after
        slot = 2 if hasattr(old, "keys") else 0
        comments = old.ca.items.get(old_key)
        if not comments or comments[slot] is None:
            return
        token, comments[slot] = comments[slot], None
        new_slot = 2 if hasattr(new, "keys") else 0
        new.ca.items.setdefault(new_key, [None, None, None, None] if new_slot == 2 else [None, None])[new_slot] = token
