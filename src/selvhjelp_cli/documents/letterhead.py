"""An office's letterhead, as data: a small YAML file with a name, up to four
lines of contact text and an optional logo beside it.

The file is read and checked like a group file (unknown keys, file and line
in every message). The logo must be a regular file inside the letterhead's
own folder (after resolving symlinks), no larger than MAX_LOGO_BYTES, and a
PNG, JPEG or self-contained SVG; nothing is ever fetched from the network.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

from selvhjelp_cli.core.errors import InvalidFile, Problem, UserError
from selvhjelp_cli.core.i18n import _
from selvhjelp_cli.core.source import SourceMap, parse, read_text
from selvhjelp_cli.groupfile.model import Text, none_is_empty

MAX_LOGO_BYTES = 1_000_000
# A small file can hold a huge picture (a PNG of 30 000 × 30 000 pixels is
# 110 KB and takes 1.8 GB to draw): the pixels are limited before Typst sees them.
MAX_LOGO_SIDE = 6000
MAX_LOGO_PIXELS = 16_000_000
MAX_LINES = 4


class _LetterheadFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)

    version: Literal[1]
    name: Text
    lines: Annotated[list[Text], BeforeValidator(none_is_empty)] = Field(default_factory=list, max_length=MAX_LINES)
    logo: Text | None = None


@dataclass(frozen=True)
class Logo:
    kind: str  # "png", "jpg" or "svg"
    data: bytes
    path: str = ""  # the file, to name when it cannot be read as an image

    @property
    def media_type(self) -> str:
        return {"png": "image/png", "jpg": "image/jpeg", "svg": "image/svg+xml"}[self.kind]


@dataclass(frozen=True)
class Letterhead:
    name: str
    lines: tuple[str, ...]
    logo: Logo | None = None


_SVG_START = re.compile(rb"^\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*(<!DOCTYPE[^>]*>\s*)?(<!--.*?-->\s*)*<svg\b", re.S)
# In an SVG, a reference to anything but its own parts or an inline data: URL
# would make the renderer look for a file or a web address.
_SVG_EXTERNAL = re.compile(rb"""(?:href|src)\s*=\s*["']\s*(?!#|data:)""", re.I)
# ... and so would a style sheet that imports another, or a url() that is not its own.
_SVG_CSS_EXTERNAL = re.compile(rb"""@import|url\((?!\s*["']?\s*(?:#|data:))""", re.I)


def _pixels(data: bytes, kind: str) -> tuple[int, int] | None:
    """Width and height of a PNG or JPEG from its header; None where the header cannot be read."""
    import struct

    if kind == "png":
        if len(data) < 24 or data[12:16] != b"IHDR":
            return None
        return struct.unpack(">II", data[16:24])
    at = 2  # JPEG: walk the markers to the first start of frame
    while at + 9 <= len(data):
        if data[at] != 0xFF:
            return None
        marker = data[at + 1]
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:
            at += 2
            continue
        length = struct.unpack(">H", data[at + 2:at + 4])[0]
        if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
            height, width = struct.unpack(">HH", data[at + 5:at + 9])
            return width, height
        at += 2 + length
    return None


def _image_kind(data: bytes) -> str | None:
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if data.startswith(b"\xff\xd8\xff"):
        return "jpg"
    if _SVG_START.match(data[:4096]):
        return "svg"
    return None


def _logo(path: str, given: str, source: SourceMap) -> Logo:
    line = source.position(("logo",)) or (None, None)

    def refuse(message: str) -> InvalidFile:
        return InvalidFile(path, [Problem(message, *line)])

    folder = os.path.realpath(os.path.dirname(os.path.abspath(path)))
    target = os.path.realpath(os.path.join(folder, given))
    if os.path.commonpath([folder, target]) != folder or target == folder:
        raise refuse(_("Logoen må ligge i samme mappe som brevhodefilen (eller i en mappe under den)."))
    try:
        info = os.stat(target)
    except OSError:
        raise refuse(_("Fant ikke logofilen.")) from None
    import stat

    if not stat.S_ISREG(info.st_mode):
        raise refuse(_("Logoen må være en vanlig fil."))
    if info.st_size > MAX_LOGO_BYTES:
        raise refuse(_("Logofilen er for stor (høyst {value} MB).").format(value=MAX_LOGO_BYTES // 1000000))
    try:
        with open(target, "rb") as handle:
            data = handle.read(MAX_LOGO_BYTES + 1)
    except OSError:
        raise refuse(_("Logofilen kan ikke leses.")) from None
    kind = _image_kind(data)
    if kind is None:
        raise refuse(_("Logoen må være et bilde i formatet PNG, JPEG eller SVG."))
    if kind == "svg" and (_SVG_EXTERNAL.search(data) or _SVG_CSS_EXTERNAL.search(data)):
        raise refuse(_("SVG-logoen viser til andre filer eller nettadresser. Bruk en SVG der alt ligger i filen."))
    if kind != "svg":
        size = _pixels(data, kind)
        if size is None:
            raise refuse(_("Logofilen kan ikke leses som bilde. Lagre logoen på nytt som PNG eller JPEG."))
        width, height = size
        if max(width, height) > MAX_LOGO_SIDE or width * height > MAX_LOGO_PIXELS:
            raise refuse(_("Logoen er for stor: {width} × {height} piksler (høyst {most} piksler på den lengste "
                           "siden). Lagre den i en mindre størrelse.").format(width=width, height=height,
                                                                               most=MAX_LOGO_SIDE))
    return Logo(kind, data, target)


def load_letterhead(path: str) -> Letterhead:
    """The letterhead in a file, or InvalidFile / UserError naming the file and line."""
    from selvhjelp_cli.groupfile.validation import validate_as

    data, source = parse(read_text(path, "letterhead"), path)
    if not isinstance(data, dict):
        raise InvalidFile(path, [Problem(_("Et brevhode er en tabell med nøklene version, name, lines og logo."),
                                         *(source.position(()) or (1, 1)))])
    if isinstance(data.get("version"), str) and data["version"].strip().isdigit():
        data = {**data, "version": int(data["version"])}
    parsed = validate_as(_LetterheadFile, data, source)
    logo = _logo(path, parsed.logo, source) if parsed.logo else None
    return Letterhead(parsed.name, tuple(parsed.lines), logo)


def letterhead_from_option(path: str | None) -> Letterhead | None:
    if path is None:
        return None
    if os.path.isdir(path):
        raise UserError(_("Dette er en mappe. Oppgi brevhodefilen (YAML)."), path=path)
    return load_letterhead(path)


def is_letterhead(path: str) -> bool:
    """Whether a YAML file is a usable letterhead. Its first lines are looked at before it is read as
    one: a group file (which has a schedule) is not, and is not parsed for it."""
    import re

    try:
        with open(path, "rb") as handle:
            head = handle.read(16_384).decode("utf-8", "replace")
    except OSError:
        return False
    if re.search(r"^schedule\s*:", head, re.M) or not re.search(r"^(lines|logo)\s*:", head, re.M):
        return False
    try:
        load_letterhead(path)
    except UserError:
        return False
    return True
