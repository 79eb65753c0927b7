"""Group files from disk into the typed model: read and parse (source.py),
then validate (validation.py)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

from selvhjelp_cli.core.source import SourceMap, parse, read_text


@dataclass
class LoadedGroup:
    path: str
    group: Any  # model.Group; typed loosely so this module loads without pydantic
    source: SourceMap


def load_group(path: str | os.PathLike[str]) -> LoadedGroup:
    """Read, parse and validate one group file."""
    path = os.fspath(path)
    return load_text(read_text(path), path)


def load_text(text: str, path: str) -> LoadedGroup:
    """Parse and validate a group file's text, as `check` does."""
    from selvhjelp_cli.groupfile.validation import validate

    data, source = parse(text, path)
    return LoadedGroup(path, validate(data, source), source)


_LETTERHEAD_KEYS = frozenset({"version", "name", "lines", "logo"})


def is_letterhead_data(data: Any) -> bool:
    """A letterhead (--letterhead) also has version and name, but nothing a group file needs."""
    return isinstance(data, dict) and set(data) <= _LETTERHEAD_KEYS and bool(set(data) & {"lines", "logo"})


def is_group_data(data: Any) -> bool:
    """Folder scans check only YAML files that present themselves as group files."""
    return isinstance(data, dict) and "version" in data and "name" in data and not is_letterhead_data(data)


def mentions_group_keys(text: str) -> bool:
    """For a file too broken to parse: does it still look like a group file?"""
    import re

    return bool(re.search(r"^version\s*:", text, re.M) and re.search(r"^name\s*:", text, re.M))
