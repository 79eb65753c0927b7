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
