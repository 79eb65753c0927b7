"""Reading the PDFs the documents tests make: text in order, sizes from the text matrix, the tag tree."""

from __future__ import annotations

import io
import re
from collections import Counter
from datetime import date

from pypdf import PdfReader

from selvhjelp_cli.documents import contents as documents
from selvhjelp_cli.documents import render
from selvhjelp_cli.groupfile.loader import load_group

from .conftest import EXAMPLES, FIXTURES

PAPER = FIXTURES / "paper"
LONG = PAPER / "long_names.yaml"
FEE = PAPER / "fee.yaml"
ENDED = PAPER / "ended.yaml"
TORSDAG = EXAMPLES / "torsdagsgruppa.yaml"
DIGITAL = EXAMPLES / "nettgruppa-nord.yaml"
OPEN = EXAMPLES / "onsdagsgruppa-med-problemer.yaml"  # open, no starter contact, a fee
LETTERHEAD = EXAMPLES / "brevhode" / "brevhode.yaml"
# As large as an office has made one: a 2400 × 1600 logo, an 88-character name, four long lines.
LARGE_LETTERHEAD = PAPER / "stort-brevhode" / "brevhode.yaml"
BEFORE_START = "2026-12-02"
LANGUAGES = ("nb", "nn", "en")


def build(kind: str, path, language: str = "nb", today: str = BEFORE_START):
    group = load_group(path).group if path else None
    return documents.document(kind, group, language, date.fromisoformat(today))


def pdf(document, letterhead=None) -> PdfReader:
    return PdfReader(io.BytesIO(render.render_document(document, "pdf", letterhead=letterhead)))


def text_of(reader: PdfReader, page: int | None = None) -> str:
    """The words on the page(s), with hyphenation at line ends undone."""
    pages = reader.pages if page is None else [reader.pages[page]]
    text = "\n".join(p.extract_text() for p in pages)
    text = re.sub("\xad\\s*", "", text).replace("\u2060", "")
    return " ".join(text.replace("\xa0", " ").split())


def runs(reader: PdfReader, page: int = 0) -> list[tuple[float, float, str]]:
    """(size in pt, baseline y, text) of each run of text drawn on the page."""
    found = []

    def visit(text, cm, tm, _font, size):
        if text.strip():
            scale = (cm[0] ** 2 + cm[1] ** 2) ** 0.5 * (tm[0] ** 2 + tm[1] ** 2) ** 0.5
            found.append((round(size * scale, 1), tm[5] * cm[3] + cm[5], text))

    reader.pages[page].extract_text(visitor_text=visit)
    return found


def tags(reader: PdfReader) -> Counter:
    """How often each structure type (H1, H2, P, Table, ...) occurs in the tag tree."""
    counts: Counter = Counter()
    todo = [reader.trailer["/Root"]["/StructTreeRoot"]]
    while todo:
        node = todo.pop()
        node = node.get_object() if hasattr(node, "get_object") else node
        if isinstance(node, list):
            todo.extend(node)
            continue
        if not hasattr(node, "get"):
            continue
        if "/S" in node:
            counts[str(node["/S"])] += 1
        if "/K" in node:
            kids = node["/K"]
            todo.extend(kids if isinstance(kids, list) else [kids])
    return counts


def participants(path) -> list[str]:
    return [p.name for p in load_group(path).group.participants]


# The law, said right


def poster_sizes(reader: PdfReader, *starts: str) -> dict[str, float]:
    found = {}
    for size, _y, text in runs(reader):
        for start in starts:
            if text.replace("\xa0", " ").startswith(start) and start not in found:
                found[start] = size
    return found
