"""documents/render.py: a document in PDF, HTML and Markdown, with people's text escaped."""

from __future__ import annotations

from datetime import date

import pytest

from selvhjelp_cli.documents import contents as documents
from selvhjelp_cli.documents.render import render_document
from selvhjelp_cli.groupfile.loader import load_group

from .conftest import EXAMPLES

TODAY = date(2026, 11, 23)
GROUP_FILE = EXAMPLES / "torsdagsgruppa.yaml"


@pytest.fixture(scope="module")
def group():
    return load_group(GROUP_FILE).group


def test_names_are_escaped_in_html_and_markdown(write):
    path = write(GROUP_FILE.read_text(encoding="utf-8").replace("Ola N.", "<b>Ola</b> *N*"))
    group = load_group(path).group
    html = render_document(documents.declaration(group, "nb", TODAY), "html").decode()
    assert "&lt;b&gt;Ola&lt;/b&gt; *N*" in html and "<b>Ola</b>" not in html
    markdown = render_document(documents.declaration(group, "nb", TODAY), "md").decode()
    assert r"\<b\>Ola\</b\> \*N\*" in markdown


def test_markdown_versions(group):
    for kind in documents.HANDOUTS:
        text = render_document(documents.handout(kind, group, "nb", TODAY), "md").decode()
        assert text.startswith("# ") and "{{" not in text and "\n\n\n" not in text


@pytest.mark.parametrize(
    "raw, escaped",
    [
        ("kl. 18.00–20.00", "kl. 18.00–20.00"),
        ("Kari *N*", r"Kari \*N\*"),
        ("- Ola", r"\- Ola"),
        ("1. Liv", r"1\. Liv"),
        ("Mor-Kari", "Mor-Kari"),
        ("# Per", r"\# Per"),
        ("a_b [c] <d> | e", r"a\_b \[c\] \<d\> \| e"),
    ],
)
def test_markdown_escape(raw, escaped):
    from selvhjelp_cli.documents.render import markdown_escape

    assert markdown_escape(raw) == escaped


def test_a_typst_string_holds_exactly_the_text_whatever_it_is():
    import re

    from hypothesis import example, given, settings
    from hypothesis import strategies as st

    from selvhjelp_cli.documents.render import typst_string

    escapes = {"\\\\": "\\", '\\"': '"', "\\n": "\n", "\\r": "\r", "\\t": "\t"}

    def read_back(literal: str) -> str:
        assert literal[0] == literal[-1] == '"'
        inner = literal[1:-1]
        assert re.fullmatch(r'(?:[^"\\]|\\[\\"nrt]|\\u\{[0-9a-f]+\})*', inner, re.DOTALL), literal
        return re.sub(r'\\u\{([0-9a-f]+)\}|\\[\\"nrt]',
                      lambda m: chr(int(m.group(1), 16)) if m.group(1) else escapes[m.group(0)], inner)

    @settings(max_examples=400, deadline=None)
    @given(st.text())
    @example('Kari «Kaja» "K." Nilsen')
    @example("C:\\mapper\\fil")
    @example("to\nlinjer\tog\u200b")
    def holds(text):
        literal = typst_string(text)
        assert read_back(literal) == text
        assert all(c.isprintable() for c in literal)

    holds()
