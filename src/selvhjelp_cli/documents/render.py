"""Templates to text: the group file (YAML) and documents (PDF, HTML, Markdown).

Environments come from one small factory, never from module state; an
undefined variable is an error, not a blank. PDF is made by Typst (the `typst`
package: no system libraries) from Typst source that Jinja renders; every
value a template prints goes through `typst_value`, which makes text a Typst
string literal, so a name can never be read as Typst markup or code. HTML is
autoescaped. The fonts are the ones shipped in templates/fonts; the fonts of
the machine are never used, so a file prints the same everywhere.
"""

from __future__ import annotations

import json
import re
from functools import cache
from typing import TYPE_CHECKING, Any

from selvhjelp_cli.core.errors import UserError
from selvhjelp_cli.core.i18n import N_, _

if TYPE_CHECKING:
    from jinja2 import Environment

    from selvhjelp_cli.documents.letterhead import Letterhead


def yaml_quote(value: Any) -> str:
    """A value as a YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(str(value), ensure_ascii=False)


_TYPST_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"}


def typst_string(text: str) -> str:
    """A Typst string literal holding exactly `text`."""
    if text.isprintable() and '"' not in text and "\\" not in text:
        return '"' + text + '"'  # most text: nothing to escape (a document has hundreds of strings)
    out = []
    for char in text:
        if char in _TYPST_ESCAPES:
            out.append(_TYPST_ESCAPES[char])
        elif not char.isprintable():
            out.append(f"\\u{{{ord(char):x}}}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def typst_value(value: Any) -> str:
    """Any value a template prints, as a Typst value: text becomes a string literal."""
    if value is None:
        return "none"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, (list, tuple)):
        return "(" + "".join(f"{typst_value(item)}, " for item in value) + ")"
    if isinstance(value, dict):
        items = ", ".join(f"{typst_string(str(k))}: {typst_value(v)}" for k, v in value.items())
        return f"({items})" if items else "(:)"
    return typst_string(str(value))


@cache
def environment(kind: str = "html") -> Environment:
    """A Jinja environment for "text" (the group file), "html", "md" or "typst" templates.

    One per kind and process: it is fully configured here and never changed
    afterwards, and keeping it keeps Jinja's cache of compiled templates."""
    import jinja2

    from selvhjelp_cli.core.files import compiled_templates
    from selvhjelp_cli.core.resources import templates_dir

    root = templates_dir()
    folders = [str(root / "typst")] if kind == "typst" else [str(root)]
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(folders),
        bytecode_cache=compiled_templates(),
        autoescape=kind == "html",
        undefined=jinja2.StrictUndefined,
        finalize=typst_value if kind == "typst" else None,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["yaml"] = yaml_quote
    env.filters["md"] = markdown_escape
    if kind in ("text", "html"):
        from selvhjelp_cli.core.i18n import gettext

        # The group file's comments and the publish page, in the language at hand.
        env.globals["_"] = gettext
    if kind == "text":
        env.filters["comment"] = yaml_comment
    return env


def yaml_comment(text: str, indent: int = 0) -> str:
    """Text as YAML comment lines of at most 80 columns; the first line's indent is the template's."""
    import textwrap

    lines = textwrap.wrap(text, width=80 - indent - 2, break_long_words=False, break_on_hyphens=False) or [""]
    return ("\n" + " " * indent).join("# " + line for line in lines)


def render_text(template: str, **context: Any) -> str:
    """A plain-text template (no escaping), such as the group file."""
    return environment("text").get_template(template).render(**context)


_MARKDOWN_INLINE = set("\\`*_[]<>|")
_MARKDOWN_LINE_START = re.compile(r"^(?:(?P<mark>[#>+-])|(?P<number>\d+)(?P<dot>[.)])\s)")


def markdown_escape(value: Any) -> str:
    """Names and places as literal text in Markdown, whatever characters they hold.

    Inline markup characters are always escaped; list, heading and quote
    markers only where they would start a line, so "kl. 18.00" stays readable.
    """
    text = " ".join(str(value).split())
    text = "".join("\\" + c if c in _MARKDOWN_INLINE else c for c in text)
    # "\\- Ola" for a marker; "1\\. Liv" for a number, whose digits cannot be escaped.
    return _MARKDOWN_LINE_START.sub(
        lambda m: "\\" + m["mark"] if m["mark"] else f"{m['number']}\\{m['dot']} ", text)


def _letterhead_context(letterhead: Letterhead | None, output_format: str) -> dict[str, Any] | None:
    if letterhead is None:
        return None
    logo = None
    if letterhead.logo is not None:
        if output_format == "pdf":
            logo = f"/logo.{letterhead.logo.kind}"  # written into the compiler's own folder
        elif output_format == "html":
            import base64

            logo = f"data:{letterhead.logo.media_type};base64,{base64.b64encode(letterhead.logo.data).decode()}"
    return {"name": letterhead.name, "lines": list(letterhead.lines), "logo": logo}


def _context(document, output_format: str, letterhead: Letterhead | None) -> dict[str, Any]:
    return {**document.context, "landscape": document.landscape, "page_numbers": document.page_numbers,
            "letterhead": _letterhead_context(letterhead, output_format)}


def render_html(document, letterhead: Letterhead | None = None) -> str:
    return environment("html").get_template(f"{document.template}.html.j2").render(
        **_context(document, "html", letterhead))


def render_markdown(document, letterhead: Letterhead | None = None) -> str:
    text = environment("md").get_template(f"{document.template}.md.j2").render(
        **_context(document, "md", letterhead))
    # Collapse the blank lines template logic leaves behind; a word joiner
    # (kept in a time span on paper) has no use in plain text and hides in a copy.
    return re.sub(r"\n{3,}", "\n\n", text.replace("\u2060", "")).strip() + "\n"


def render_typst(document, letterhead: Letterhead | None = None) -> str:
    return environment("typst").get_template(f"{document.template}.typ.j2").render(
        **_context(document, "pdf", letterhead))


@cache
def _fonts():
    import typst

    from selvhjelp_cli.core.resources import templates_dir

    # Typst's own fonts are left out: for a character Noto lacks it would fall
    # back to a monospace font. Such a character shows as an empty box instead,
    # and the command says which script it belongs to.
    return typst.Fonts(include_system_fonts=False, include_embedded_fonts=False,
                       font_paths=[str(templates_dir() / "fonts")])


@cache
def _compiler():
    """One compiler for documents without a logo; its root is an empty folder of its own."""
    import atexit
    import shutil
    import tempfile

    import typst

    root = tempfile.mkdtemp(prefix="selvhjelp-")
    atexit.register(shutil.rmtree, root, ignore_errors=True)
    return typst.Compiler(root=root, font_paths=_fonts(), ignore_system_fonts=True)


class NotAllPrintable(Exception):
    """Some text could not be shown by the bundled fonts (Chinese, emoji, ...):
    PDF/UA forbids that, so the PDF carries `pdf` without the PDF/UA claim."""

    def __init__(self, pdf: bytes) -> None:
        super().__init__("not all text printable")
        self.pdf = pdf


def typst_to_pdf(source: str, *, logo=None) -> bytes:
    """A tagged PDF/UA-1 from Typst source (NotAllPrintable when a character has
    no glyph). The compiler reads files only in its root: an empty folder, or
    one holding nothing but the letterhead's logo."""
    import tempfile

    import typst

    def compile_with(compiler) -> bytes:
        data = source.encode("utf-8")
        try:
            return compiler.compile(input=data, format="pdf", pdf_standards=["ua-1"])
        except typst.TypstError as error:
            if "PDF/UA-1" not in str(error):
                raise
        # Still tagged, with its language and title; only the claim is dropped.
        raise NotAllPrintable(compiler.compile(input=data, format="pdf"))

    if logo is None:
        return compile_with(_compiler())
    with tempfile.TemporaryDirectory(prefix="selvhjelp-") as root:
        with open(f"{root}/logo.{logo.kind}", "wb") as handle:
            handle.write(logo.data)
        return compile_with(typst.Compiler(root=root, font_paths=_fonts(), ignore_system_fonts=True))


def _logo_draws(logo) -> bool:
    """Whether Typst can draw the logo by itself: when a PDF fails, this says whose fault it is."""
    import typst

    try:
        typst_to_pdf(f'#image("/logo.{logo.kind}", height: 16mm, alt: "logo")', logo=logo)
    except NotAllPrintable:
        return True
    except typst.TypstError:
        return False
    return True


NOT_ALL_PRINTABLE = (N_("Merk: Noen tegn (for eksempel kinesiske tegn eller emoji) finnes ikke i skriften selvhjelp "
                     "bruker, og vises som tomme ruter. Skriv dem gjerne med latinske bokstaver i gruppefilen."))
MISSING_SCRIPT = N_("Merk: Skriftene selvhjelp har med, mangler tegn for {scripts}. De vises som tomme ruter i PDF-en. "
                    "Skriv dem gjerne med latinske bokstaver i gruppefilen, eller bruk --format html.")

# The first word of a character's Unicode name, for the scripts people in
# Norway write their names in that no bundled font holds.
_SCRIPT_NAMES = {
    "CJK": N_("kinesisk, japansk og koreansk skrift"), "HIRAGANA": N_("kinesisk, japansk og koreansk skrift"),
    "KATAKANA": N_("kinesisk, japansk og koreansk skrift"), "HANGUL": N_("kinesisk, japansk og koreansk skrift"),
    "DEVANAGARI": N_("devanagari (for eksempel hindi og nepali)"), "BENGALI": N_("bengalsk skrift"),
    "GURMUKHI": N_("gurmukhi (punjabi)"), "SINHALA": N_("singalesisk skrift"), "KHMER": N_("khmer"),
    "MYANMAR": N_("burmesisk skrift"), "LAO": N_("laotisk skrift"), "TIBETAN": N_("tibetansk skrift"),
    "MONGOLIAN": N_("mongolsk skrift"), "SYRIAC": N_("syrisk skrift"), "THAANA": N_("thaana"),
}


def missing_scripts(document) -> list[str]:
    """The scripts of the group's own words (names, places) that no bundled font can show, as words."""
    import unicodedata

    covered = _coverage()
    found: dict[str, None] = {}
    for text in _strings(document.context):
        for char in text:
            point = ord(char)
            if point < 0x250 or char.isspace() or _covered(point, covered):
                continue
            if unicodedata.category(char).startswith(("S", "C")) or point > 0x1F000:
                found[N_("emoji og andre symboler")] = None
                continue
            first = unicodedata.name(char, "?").split()[0]
            found[_SCRIPT_NAMES.get(first, N_("andre skrifttegn"))] = None
    return [_(name) for name in found]


def _strings(value: Any):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            if key != "t":  # the documents' own texts: always printable
                yield from _strings(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _strings(item)


@cache
def _coverage() -> tuple[tuple[int, ...], tuple[int, ...]]:
    from selvhjelp_cli.core.resources import templates_dir

    ranges = json.loads((templates_dir() / "fonts" / "coverage.json").read_text(encoding="utf-8"))
    return tuple(first for first, _last in ranges), tuple(last for _first, last in ranges)


def _covered(point: int, covered: tuple[tuple[int, ...], tuple[int, ...]]) -> bool:
    import bisect

    firsts, lasts = covered
    index = bisect.bisect_right(firsts, point) - 1
    return index >= 0 and point <= lasts[index]


# What a browser cannot print as the PDF does: a list whose later pages must
# repeat title, group and promise, and a poster that must stay one sheet.
PRINT_FROM_PDF = ("declaration_sheet", "attendance", "poster")
HTML_IS_FOR_THE_SCREEN = N_("Merk: HTML-utgaven er til å lese på skjermen. Skal du skrive ut, bruk --format pdf: "
                            "bare PDF-en holder plakaten på ett ark og gjentar tittel, gruppe og løfte øverst "
                            "på hver side av en liste.")


def render_document(document, output_format: str, *, letterhead: Letterhead | None = None,
                    notes: list[str] | None = None) -> bytes:
    """The document as PDF, HTML or Markdown bytes; what the user should know goes into `notes`."""
    import jinja2

    if output_format == "html" and document.template in PRINT_FROM_PDF and notes is not None:
        notes.append(_(HTML_IS_FOR_THE_SCREEN))
    try:
        if output_format == "md":
            return render_markdown(document, letterhead).encode("utf-8")
        if output_format == "html":
            return render_html(document, letterhead).encode("utf-8")
        source = render_typst(document, letterhead)
    except jinja2.TemplateError as error:  # a bug of ours: our own templates are broken
        raise UserError(_("Kunne ikke lage «{title}»: en mal i selvhjelp har en feil "
                        "({__name__}). Ingenting er "
                        "skrevet.").format(title=document.title, __name__=type(error).__name__)) from None
    import typst

    try:
        return typst_to_pdf(source, logo=letterhead.logo if letterhead else None)
    except NotAllPrintable as partial:
        if notes is not None:
            from selvhjelp_cli.core.words import join

            scripts = missing_scripts(document)
            notes.append(_(MISSING_SCRIPT).format(scripts=join(scripts)) if scripts else _(NOT_ALL_PRINTABLE))
        return partial.pdf
    except typst.TypstError:
        if letterhead and letterhead.logo and not _logo_draws(letterhead.logo):
            raise UserError(_("Logoen i brevhodet kan ikke leses som bilde. Ingenting er skrevet. Lagre logoen "
                              "på nytt som PNG, JPEG eller SVG."), path=letterhead.logo.path or None) from None
        # Never for any group file: every value reaches Typst as a string literal.
        raise UserError(_("Kunne ikke lage PDF-en «{title}» (Typst meldte en feil). Ingenting er "
                        "skrevet. Prøv --format html, og meld gjerne fra til utviklerne (se "
                        "README).").format(title=document.title)) from None
