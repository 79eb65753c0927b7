"""Changes to YAML text as splices: the new or changed lines are written into
the original text at the places the parser reports, in the file's own
indentation, quoting and line ending, and every other byte is left alone.

Re-dumping a document (a round trip) cannot promise that: it rewrites what it
does not keep (a `+` before a phone number, `---`, comments at the end of a
line, CRLF, escapes, tags, anchors). Here the parser is only asked where
things stand; the text is never regenerated.

`Text` works on one document that the loader has already accepted. Each
change returns a new `Text`; the caller checks the result (editor.py loads
and validates it and compares it with the change it meant).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import time
from functools import cached_property
from typing import Any

import yaml

# libyaml's loader where PyYAML was built with it, else the pure-Python one: the same nodes and marks.
_Loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

Path_ = tuple[str | int, ...]  # pragma: no mutate


class CannotSplice(Exception):
    """The file is written in a way this change cannot be spliced into (say, an alias)."""


def scalar_text(value: Any) -> str:
    """What a new value reads as in the file: the loader keeps every scalar as text."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, time):
        return f"{value.hour:02d}:{value.minute:02d}"
    return str(value)  # a date is written 2027-01-07


def format_scalar(value: Any, quote: str | None = None) -> str:
    """A value as YAML that reads back as scalar_text(value) in block and flow context alike.

    quote is the file's own style for such values (None plain, "'" or '"').
    """
    if isinstance(value, time):
        # Always quoted, as init-group writes it: a YAML 1.1 reader takes a plain 17:00 for the number 1020.
        mark = quote or '"'
        return mark + scalar_text(value) + mark
    if not isinstance(value, str):
        return scalar_text(value)
    dumped = yaml.safe_dump([value], default_flow_style=True, allow_unicode=True, width=1_000_000,
                            default_style=quote)
    text = dumped.strip()
    return text[1:-1]  # the brackets of the one-item flow list


class _RedefiningLoader(yaml.SafeLoader):
    """PyYAML's composer, except that a later anchor of the same name replaces the earlier one."""

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        event = self.peek_event()  # type: ignore[no-untyped-call]
        if not isinstance(event, yaml.AliasEvent) and getattr(event, "anchor", None) is not None:
            self.anchors.pop(event.anchor, None)
        return super().compose_node(parent, index)


@dataclass
class _Where:
    node: yaml.Node
    key: yaml.Node | None  # the key node, when the node is a mapping value

    def key_node(self) -> yaml.Node:
        if self.key is None:
            raise CannotSplice("a list item has no key")
        return self.key


class Text:
    """One YAML document as text, with the parser's map of where each node stands."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.newline = "\r\n" if "\r\n" in text else ("\r" if "\r" in text and "\n" not in text else "\n")

    # Composed when a change first asks where things stand: the text a change
    # produces is only composed again if another change follows.
    @cached_property
    def root(self) -> yaml.MappingNode:
        try:
            root = yaml.compose(self.text, Loader=_Loader)
        except yaml.composer.ComposerError:
            # YAML 1.2 lets an anchor name be used again; PyYAML's composer does not.
            try:
                root = yaml.compose(self.text, Loader=_RedefiningLoader)
            except yaml.YAMLError:
                raise CannotSplice("the composer refuses the file") from None
        except yaml.YAMLError:
            raise CannotSplice("the composer refuses the file") from None
        if not isinstance(root, yaml.MappingNode):
            raise CannotSplice("the document is not a mapping")
        return root

    @cached_property
    def shared(self) -> set[int]:
        return _shared(self.root)

    # -- finding nodes ----------------------------------------------------

    def _child(self, node: yaml.Node, step: str | int) -> _Where | None:
        if isinstance(node, yaml.MappingNode) and isinstance(step, str):
            for key, value in node.value:
                if key.value == step:
                    return _Where(value, key)
            return None
        if isinstance(node, yaml.SequenceNode) and isinstance(step, int) and 0 <= step < len(node.value):
            return _Where(node.value[step], None)
        return None

    def find(self, path: Path_) -> _Where | None:
        where = _Where(self.root, None)
        for step in path:
            found = self._child(where.node, step)
            if found is None:
                return None
            where = found
        return where

    # -- positions --------------------------------------------------------

    def _line_start(self, index: int) -> int:
        return max(self.text.rfind("\n", 0, index), self.text.rfind("\r", 0, index)) + 1

    def _line_end(self, index: int) -> int:
        """The index just after the line break of the line holding index (or the end of the text)."""
        match = re.compile(r"\r\n|\r|\n").search(self.text, index)
        return match.end() if match else len(self.text)

    def _column(self, index: int) -> int:
        return index - self._line_start(index)

    def _content_end(self, node: yaml.Node) -> int:
        """Where the node's own text ends: a block collection's end mark lies past
        the comments that follow it, so its last scalar decides."""
        if isinstance(node, yaml.ScalarNode):
            end = node.end_mark.index
            if node.style in ("|", ">"):
                # A block scalar's text takes in its final line break(s).
                while end > node.start_mark.index and self.text[end - 1] in "\r\n":
                    end -= 1
            return end
        if not isinstance(node, yaml.CollectionNode) or node.flow_style or not node.value:
            node_end: int = node.end_mark.index
            return node_end
        last = node.value[-1]
        if isinstance(node, yaml.MappingNode):
            key, value = last
            key_end: int = key.end_mark.index
            if _is_empty(value):
                return key_end
            return max(self._content_end(value), key_end)
        return self._content_end(last)

    def _colon_end(self, key: yaml.Node) -> int:
        """The index just after the colon that follows a key."""
        index = self.text.index(":", key.end_mark.index)
        return index + 1

    def _rest_of_line(self, index: int) -> str:
        end = self._line_end(index)
        return self.text[index:end].rstrip("\r\n")

    def _document_end(self) -> int:
        """Where a new top-level key goes: the end of the document, before a `...` marker."""
        match = re.compile(r"^\.\.\.(?=[ \t\r\n#]|$)", re.M).search(self.text, self._content_end(self.root))
        return match.start() if match else len(self.text)

    # -- the file's own style ---------------------------------------------

    def _key_column(self, mapping: yaml.MappingNode) -> int:
        return self._column(mapping.value[0][0].start_mark.index)

    def _dash_index(self, item: yaml.Node) -> int:
        index = item.start_mark.index - 1
        while index >= 0 and self.text[index] in " \t\r\n":
            index -= 1
        if index < 0 or self.text[index] != "-":
            raise CannotSplice("no dash before a list item")
        return index

    def _block_sequences(self) -> Iterator[tuple[int, int, int]]:
        """(key column, dash column, content column) of every block list under a key."""
        stack = [self.root]
        while stack:
            node = stack.pop()
            if isinstance(node, yaml.MappingNode):
                for key, value in node.value:
                    if isinstance(value, yaml.SequenceNode) and not value.flow_style and value.value:
                        item = value.value[0]
                        dash = self._column(self._dash_index(item))
                        content = self._column(item.start_mark.index)
                        yield self._column(key.start_mark.index), dash, content
                    stack.append(value)
            elif isinstance(node, yaml.SequenceNode):
                stack.extend(node.value)

    def _list_style(self) -> tuple[int, int]:
        """(dash offset from its key, content offset from its key), as the file writes lists."""
        for key_column, dash, content in self._block_sequences():
            if content > dash:
                return dash - key_column, content - key_column
        return 2, 4  # «  - name:», as init-group writes

    def _quote_for(self, siblings: list[yaml.Node], key: str) -> str | None:
        """The quoting the file uses for this key's values in neighbouring entries."""
        for sibling in reversed(siblings):
            if isinstance(sibling, yaml.MappingNode):
                for k, v in sibling.value:
                    if k.value == key and isinstance(v, yaml.ScalarNode):
                        return v.style if v.style in ("'", '"') else None
        return None

    # -- building new text ------------------------------------------------

    def _with(self, start: int, end: int, new: str) -> Text:
        return Text(self.text[:start] + new + self.text[end:])

    def _block_entry(self, entry: dict[str, Any], dash_column: int, content_column: int,
                     siblings: list[yaml.Node]) -> str:
        nl = self.newline
        lines = []
        for number, (key, value) in enumerate(entry.items()):
            text = f"{key}: {format_scalar(value, self._quote_for(siblings, key))}"
            if number == 0:
                lines.append(" " * dash_column + "-" + " " * max(1, content_column - dash_column - 1) + text)
            else:
                lines.append(" " * content_column + text)
        return "".join(line + nl for line in lines)

    def _flow_entry(self, entry: dict[str, Any], siblings: list[yaml.Node]) -> str:
        items = ", ".join(f"{key}: {format_scalar(value, self._quote_for(siblings, key))}"
                          for key, value in entry.items())
        return "{" + items + "}"

    def _line_break_before(self, index: int) -> str:
        """A line break, if the text before index does not end with one."""
        return "" if index == 0 or self.text[index - 1] in "\r\n" else self.newline

    # -- the changes ------------------------------------------------------

    def set(self, path: Path_, key: str, value: Any) -> Text:
        """Give a mapping's key a scalar value, on its own line or in its flow mapping."""
        where = self.find(path)
        if where is None or not isinstance(where.node, yaml.MappingNode):
            raise CannotSplice("no mapping there")
        _refuse_alias(self, where)
        mapping = where.node
        found = self._child(mapping, key)
        if found is not None:
            old = found.node
            if not isinstance(old, yaml.ScalarNode):
                raise CannotSplice("the value is not a single value")
            if _is_empty(old):
                colon = self._colon_end(found.key_node())
                return self._with(colon, colon, " " + format_scalar(value))
            if old.start_mark.index != old.end_mark.index and old.style not in ("|", ">"):
                quote = old.style if old.style in ("'", '"') else None
                if "\n" in self.text[old.start_mark.index:old.end_mark.index]:
                    raise CannotSplice("the value runs over several lines")
                return self._with(old.start_mark.index, old.end_mark.index, format_scalar(value, quote))
            raise CannotSplice("the value cannot be replaced in place")
        line = f"{key}: {format_scalar(value)}"
        if mapping.flow_style:
            end = self._content_end(mapping.value[-1][1]) if mapping.value else mapping.start_mark.index + 1
            separator = ", " if mapping.value else ""
            return self._with(end, end, separator + line)
        if mapping is self.root:
            at = self._document_end()
            column = 0 if not mapping.value else self._key_column(mapping)
        else:
            at = self._line_end(self._content_end(mapping))
            column = self._key_column(mapping)
        return self._with(at, at, self._line_break_before(at) + " " * column + line + self.newline)

    def append(self, path: Path_, entry: dict[str, Any]) -> Text:
        """Add a mapping to the end of the list at path, creating the list (and its key) if need be."""
        *outer, last = path
        parent = self.find(tuple(outer))
        if parent is None or not isinstance(parent.node, yaml.MappingNode):
            raise CannotSplice("no mapping to hold the list")
        _refuse_alias(self, parent)
        found = self._child(parent.node, last)
        if found is None:
            if not isinstance(last, str):
                raise CannotSplice("no such list item")
            return self._new_key_with_list(parent.node, last, entry)
        node = found.node  # inside the parent: no alias there either
        if isinstance(node, yaml.SequenceNode) and node.value:
            items = node.value
            if node.flow_style:
                end = self._content_end(items[-1])
                return self._with(end, end, ", " + self._flow_entry(entry, items))
            last_item = items[-1]
            dash = self._column(self._dash_index(last_item))
            content = self._column(last_item.start_mark.index)
            if isinstance(last_item, yaml.MappingNode) and last_item.value and not last_item.flow_style:
                content = self._key_column(last_item)
            if content <= dash:
                content = dash + 2
            at = self._line_end(self._content_end(last_item))
            return self._with(at, at, self._line_break_before(at) + self._block_entry(entry, dash, content, items))
        if isinstance(node, yaml.SequenceNode) or _is_empty(node) or (
                isinstance(node, yaml.ScalarNode) and _plain(node) and node.value in ("~", "null", "Null", "NULL")):
            return self._list_under_key(found.key_node(), node, entry, parent.node)
        raise CannotSplice("the value is not a list")

    def _list_under_key(self, key: yaml.Node, old: yaml.Node, entry: dict[str, Any],
                        parent: yaml.MappingNode) -> Text:
        """`participants:`, `participants: ~` or `participants: []` becomes a block list with one entry."""
        if parent.flow_style:
            start, end = (old.start_mark.index, old.end_mark.index) if not _is_empty(old) else (
                self._colon_end(key),) * 2
            return self._with(start, end, ("" if not _is_empty(old) else " ") + "[" + self._flow_entry(entry, []) + "]")
        colon = self._colon_end(key)
        rest = self._rest_of_line(colon)
        comment = re.search(r"(?:^|[ \t])#.*$", rest)
        value_text = rest[:comment.start()] if comment else rest
        if value_text.strip() not in ("", "~", "null", "Null", "NULL", "[]"):
            raise CannotSplice("the empty value is written over several lines")
        new_rest = (" " + comment.group().lstrip(" \t")) if comment else ""
        line_end = self._line_end(colon)
        break_ = self.text[colon + len(rest):line_end]
        key_column = self._column(key.start_mark.index)
        dash_offset, content_offset = self._list_style()
        block = self._block_entry(entry, key_column + dash_offset, key_column + content_offset, [])
        if value_text.strip() == "":
            # Only new lines: the key's line stays as it is.
            return self._with(line_end, line_end, ("" if break_ else self.newline) + block)
        return self._with(colon, line_end, new_rest + (break_ or self.newline) + block)

    def _new_key_with_list(self, mapping: yaml.MappingNode, key: str, entry: dict[str, Any]) -> Text:
        if mapping.flow_style:
            end = self._content_end(mapping.value[-1][1]) if mapping.value else mapping.start_mark.index + 1
            separator = ", " if mapping.value else ""
            return self._with(end, end, f"{separator}{key}: [{self._flow_entry(entry, [])}]")
        if mapping is self.root:
            at = self._document_end()
            column = 0
        else:
            at = self._line_end(self._content_end(mapping))
            column = self._key_column(mapping)
        dash_offset, content_offset = self._list_style()
        block = self._block_entry(entry, column + dash_offset, column + content_offset, [])
        return self._with(at, at, self._line_break_before(at) + " " * column + f"{key}:" + self.newline + block)

    def unset(self, path: Path_, key: str) -> Text:
        """Take a key and its single value out of a mapping: its line (block) or `key: value` and a comma (flow)."""
        where = self.find(path)
        if where is None or not isinstance(where.node, yaml.MappingNode):
            raise CannotSplice("no mapping there")
        _refuse_alias(self, where)
        pairs = where.node.value
        index = next((i for i, (k, _v) in enumerate(pairs) if k.value == key), None)
        if index is None:
            return self
        found_key, value = pairs[index]
        if not isinstance(value, yaml.ScalarNode):
            raise CannotSplice("the value is not a single value")
        value_end = found_key.end_mark.index if _is_empty(value) else self._content_end(value)
        if where.node.flow_style:
            start, end = found_key.start_mark.index, value_end
            if index + 1 < len(pairs):
                end = pairs[index + 1][0].start_mark.index
            elif index > 0:
                before_key, before_value = pairs[index - 1]
                start = before_key.end_mark.index if _is_empty(before_value) else self._content_end(before_value)
            return self._with(start, end, "")
        if len(pairs) == 1:
            raise CannotSplice("the mapping's only key")
        start = self._line_start(found_key.start_mark.index)
        if self.text[start:found_key.start_mark.index].strip():
            raise CannotSplice("the key shares its line with other text (a list item's dash)")
        if "\n" in self.text[found_key.start_mark.index:value_end] and value.style not in ("|", ">"):
            raise CannotSplice("the value runs over several lines")
        return self._with(start, self._line_end(value_end), "")

    def remove(self, path: Path_) -> Text:
        """Take one entry out of a list: its lines (block) or its text and a comma (flow)."""
        *outer, index = path
        where = self.find(tuple(outer))
        if where is None or not isinstance(where.node, yaml.SequenceNode) or not isinstance(index, int):
            raise CannotSplice("no list there")
        _refuse_alias(self, where)
        items = where.node.value
        item = items[index]
        if where.node.flow_style:
            start, end = item.start_mark.index, self._content_end(item)
            if index + 1 < len(items):
                end = items[index + 1].start_mark.index
            elif index > 0:
                start = self._content_end(items[index - 1])
            return self._with(start, end, "")
        start = self._line_start(self._dash_index(item))
        if self.text[start:self._dash_index(item)].strip():
            raise CannotSplice("the list item shares its line with other text")
        end = self._line_end(self._content_end(item))
        if len(items) == 1 and where.key is not None:
            # The last entry: the key stays, with an empty list.
            colon = self._colon_end(where.key)
            rest = self._rest_of_line(colon)
            if rest.strip() and not rest.strip().startswith("#"):
                raise CannotSplice("text after the key")
            spliced = self.text[:colon] + " []" + self.text[colon:start] + self.text[end:]
            return Text(spliced)
        return self._with(start, end, "")


def _plain(node: yaml.ScalarNode) -> bool:
    return not node.style  # libyaml says "" for plain, the pure-Python parser None


def _is_empty(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode) and _plain(node) and node.value == "" and (
        node.start_mark.index == node.end_mark.index)


def _shared(root: yaml.Node) -> set[int]:
    """The nodes that stand in more than one place (an anchor and its aliases, *navn)."""
    seen: set[int] = set()
    shared: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            shared.add(id(node))
            continue
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                stack.extend((key, value))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
    return shared


def _refuse_alias(text: Text, where: _Where) -> None:
    """A change inside anything that is also used through an alias (*navn), or that holds one, is refused:
    it would change both places, or take away the anchor the alias needs, and an alias's node carries the
    anchor's position, so no place computed from it is where the alias stands."""
    shared = text.shared
    stack = [where.node]
    while stack:  # a node met twice is shared, so the walk never goes round
        node = stack.pop()
        if id(node) in shared:
            raise CannotSplice("alias")
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                stack.extend((key, value))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
