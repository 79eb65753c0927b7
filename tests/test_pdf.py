"""PDFs from Typst: accessible, the same on every machine, and no value from a
group file ever read as Typst markup or code."""

from __future__ import annotations

import io
import json
import re
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from selvhjelp_cli.core.errors import UserError
from selvhjelp_cli.documents import contents as documents
from selvhjelp_cli.documents import render
from selvhjelp_cli.groupfile.loader import load_group

from .conftest import EXAMPLES, invoke

TODAY = date(2026, 11, 23)
GROUP_FILE = EXAMPLES / "torsdagsgruppa.yaml"
KINDS = ["declaration", "sheet", *documents.HANDOUTS]


def build(kind: str, group, language: str):
    if kind == "declaration":
        return documents.declaration(group, language, TODAY)
    if kind == "sheet":
        return documents.declaration(group, language, TODAY, sheet=True)
    return documents.handout(kind, group, language, TODAY)


def text_of(reader: PdfReader) -> str:
    text = "\n".join(page.extract_text() for page in reader.pages)
    return " ".join(re.sub("\xad\\s*", "", text).split())


def fonts_of(reader: PdfReader) -> dict[str, bool]:
    """Every font the pages use, and whether its program is embedded."""
    found = {}
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descendant = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            descriptor = descendant["/FontDescriptor"].get_object()
            found[str(font["/BaseFont"])] = any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
    return found


@pytest.fixture(scope="module")
def group():
    return load_group(GROUP_FILE).group


@pytest.mark.parametrize("language", ["nb", "nn", "en"])
@pytest.mark.parametrize("kind", KINDS)
def test_every_pdf_is_tagged_in_its_language_with_embedded_fonts_and_no_names_in_metadata(group, kind, language):
    document = build(kind, group, language)
    reader = PdfReader(io.BytesIO(render.render_document(document, "pdf")))
    root = reader.trailer["/Root"]
    assert bool(root["/MarkInfo"]["/Marked"]) and "/StructTreeRoot" in root
    assert root["/Lang"] == language
    assert reader.metadata.title == document.title
    fonts = fonts_of(reader)
    assert fonts and all(fonts.values()), fonts
    assert all(re.fullmatch(r"/[A-Z]{6}\+NotoSans(Symbols2)?-(Regular|Bold|Italic|BoldItalic)", name) for name in fonts)
    metadata = str(dict(reader.metadata)) + (reader.xmp_metadata.stream.get_data().decode("utf-8", "replace")
                                             if reader.xmp_metadata else "")
    for name in ("Ola N.", "Lise H.", "Kari Nilsen", "Torsdagsgruppa"):
        assert name not in metadata
    assert "pdfuaid" in metadata  # PDF/UA-1 is declared


def test_the_poster_holds_no_participant(group):
    text = text_of(PdfReader(io.BytesIO(render.render_document(build("poster", group, "nb"), "pdf"))))
    assert "Torsdagsgruppa" in text
    for name in ("Ola N.", "Lise H.", "Mona K.", "Jon E.", "Siv T.", "Arne B.", "Tor A."):
        assert name not in text


def test_norwegian_letters_sami_letters_and_signs_are_printed():
    sample = "Æsa Øye Åse Čáđ Ŋŋ Šŧž «sitat» – § ✓"
    document = documents.declaration(None, "nb", TODAY, blank=1)
    document.context["group_name"] = sample
    text = text_of(PdfReader(io.BytesIO(render.render_document(document, "pdf"))))
    assert sample in text


HOSTILE = [
    '#read("/etc/passwd")', "*fet* _kursiv_ $x^2$ @etikett <merke>", "[lenke] ] [", "\\ \\\\ `kode` ```raw```",
    '"); #panic("x") //', "/* kommentar", "= Overskrift", "- punkt\n+ tall", "#{1 + 1}", "#let x = 1", "~ -- --- ...",
]


@pytest.mark.parametrize("name", HOSTILE)
def test_names_full_of_typst_syntax_are_printed_literally(name):
    group_name = name.replace("\n", " ")
    document = documents.declaration(None, "nb", TODAY, blank=1)
    document.context["group_name"] = name
    document.context["people"] = [name]
    source = render.render_typst(document)
    pdf = render.render_document(document, "pdf")
    text = text_of(PdfReader(io.BytesIO(pdf)))
    assert " ".join(group_name.split()) in text
    assert b"root:" not in pdf and "panic" not in source.replace('\\"); #panic(\\"x\\")', "")


def test_typst_value_turns_every_value_into_a_literal():
    assert render.typst_value('a"b\\c\nd') == '"a\\"b\\\\c\\nd"'
    assert render.typst_value("\x07") == '"\\u{7}"'
    assert render.typst_value(None) == "none" and render.typst_value(True) == "true"
    assert render.typst_value(8) == "8" and render.typst_value(["a", None]) == '("a", none, )'
    assert render.typst_value({"x": 1}) == '("x": 1)' and render.typst_value({}) == "(:)"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(min_size=1, max_size=80))
def test_no_text_ever_breaks_the_typst_source(name):
    document = documents.declaration(None, "nb", TODAY, blank=1)
    document.context["group_name"] = name
    document.context["people"] = [name]
    render.render_document(document, "pdf")  # raises UserError if Typst refused the source


def test_a_typst_error_names_the_document_and_writes_nothing(monkeypatch, tmp_path):
    monkeypatch.setattr(render, "render_typst", lambda document, letterhead=None: "#panic()")
    target = tmp_path / "p.pdf"
    result = invoke("print-handout", "principles", "-o", target)
    assert result.exit_code == 2
    assert result.stderr == ("Feil: Kunne ikke lage PDF-en «Prinsipper for samtalen» (Typst meldte en feil). "
                             "Ingenting er skrevet. Prøv --format html, og meld gjerne fra til utviklerne (se "
                             "README).\n")
    assert not target.exists()
    with pytest.raises(UserError):
        render.render_document(documents.handout("principles", None, "nb", TODAY), "pdf")


def test_only_the_bundled_fonts_are_used_never_the_system_s_or_typst_s_monospace():
    families = {f.family for f in render._fonts().fonts()}
    assert families == {"Noto Sans", "Noto Sans Symbols2", "Noto Sans Arabic", "Noto Sans Armenian",
                        "Noto Sans Devanagari", "Noto Sans Ethiopic", "Noto Sans Georgian", "Noto Sans Hebrew",
                        "Noto Sans Tamil", "Noto Sans Thai"}
    assert not any("Mono" in family for family in families)


def test_the_fonts_coverage_file_matches_the_fonts():
    import importlib.util

    script = EXAMPLES.parent / "scripts" / "font_coverage.py"
    spec = importlib.util.spec_from_file_location("font_coverage", script)
    font_coverage = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(font_coverage)

    assert (
        json.loads((font_coverage.FONTS / "coverage.json").read_text(encoding="utf-8")) == font_coverage.coverage()
    ), "run: python scripts/font_coverage.py"


@pytest.mark.parametrize("name, script", [("王芳", "kinesisk, japansk og koreansk skrift"),
                                          ("Kari 😀", "emoji og andre symboler")])
def test_each_script_no_bundled_font_holds_is_named_on_stderr_never_the_name(tmp_path, write, name, script):
    path = write(GROUP_FILE.read_text(encoding="utf-8").replace("Ola N.", name))
    result = invoke("print-declaration", path, "--sheet", "-o", tmp_path / "e.pdf", "--today", "2026-11-23")
    assert result.exit_code == 0, result.stderr
    assert f"mangler tegn for {script}." in result.stderr and name not in result.stderr


@pytest.mark.parametrize("name, font", [("محمد علي", "NotoSansArabic"), ("ሰላም ተስፋይ", "NotoSansEthiopic"),
                                        ("राम शर्मा", "NotoSansDevanagari"), ("สมชาย", "NotoSansThai")])
def test_names_in_the_scripts_of_norway_print_in_a_sans_font_of_their_own(tmp_path, write, name, font):
    path = write(GROUP_FILE.read_text(encoding="utf-8").replace("Ola N.", name))
    result = invoke("print-declaration", path, "--sheet", "-o", tmp_path / "e.pdf", "--today", "2026-11-23")
    assert result.exit_code == 0 and "Merk" not in result.stderr, result.stderr
    reader = PdfReader(tmp_path / "e.pdf")
    fonts = {str(f.get_object()["/BaseFont"]) for f in reader.pages[0]["/Resources"]["/Font"].values()}
    assert any(font in f for f in fonts) and not any("Mono" in f for f in fonts)


@pytest.mark.parametrize("name", ["王小明", "Kari 😀", "A\x1fB"])
def test_text_no_bundled_font_can_show_still_prints_and_says_so(tmp_path, write, name):
    text = GROUP_FILE.read_text(encoding="utf-8").replace("Ola N.", name.replace("\x1f", "\\x1f"))
    path = write(
        text.replace("- name: " + name.replace("\x1f", "\\x1f"), '- name: "' + name.replace("\x1f", "\\x1f") + '"')
    )
    result = invoke("print-declaration", path, "-o", tmp_path / "e.pdf", "--today", "2026-11-23")
    if "\x1f" in name:  # a control character never gets that far: the file is invalid
        assert result.exit_code == 2 and "kontrolltegn" in result.stderr
        return
    assert result.exit_code == 0, result.stderr
    assert "vises som tomme ruter" in result.stderr
    reader = PdfReader(tmp_path / "e.pdf")
    assert bool(reader.trailer["/Root"]["/MarkInfo"]["/Marked"]) and reader.trailer["/Root"]["/Lang"] == "nb"


@pytest.mark.parametrize("language", ["nb", "nn", "en"])
def test_typst_has_nothing_to_warn_about(group, language):
    for kind in KINDS:
        source = render.render_typst(build(kind, group, language))
        _, warnings = render._compiler().compile_with_warnings(input=source.encode(), format="pdf",
                                                               pdf_standards=["ua-1"])
        assert [w.message for w in warnings] == [], kind
