"""--letterhead FILE: an office's letterhead as data, checked like a group file."""

from __future__ import annotations

import base64
import os

import pytest
from pypdf import PdfReader

from selvhjelp_cli.documents.letterhead import MAX_LOGO_BYTES, load_letterhead

from .conftest import EXAMPLES, invoke

EXAMPLE = EXAMPLES / "brevhode" / "brevhode.yaml"
# A 1x1 PNG and the start of a JPEG: enough for the format to be recognised.
PNG = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==")  # noqa: E501
JPEG = base64.b64decode("/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8UHRofHh0aHBwgJC4nICIsIxwcKDcpLDAxNDQ0Hyc5PTgyPC4zNDL/2wBDAQkJCQwLDBgNDRgyIRwhMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjL/wAARCAACAAIDASIAAhEBAxEB/8QAHwAAAQUBAQEBAQEAAAAAAAAAAAECAwQFBgcICQoL/8QAtRAAAgEDAwIEAwUFBAQAAAF9AQIDAAQRBRIhMUEGE1FhByJxFDKBkaEII0KxwRVS0fAkM2JyggkKFhcYGRolJicoKSo0NTY3ODk6Q0RFRkdISUpTVFVWV1hZWmNkZWZnaGlqc3R1dnd4eXqDhIWGh4iJipKTlJWWl5iZmqKjpKWmp6ipqrKztLW2t7i5usLDxMXGx8jJytLT1NXW19jZ2uHi4+Tl5ufo6erx8vP09fb3+Pn6/8QAHwEAAwEBAQEBAQEBAQAAAAAAAAECAwQFBgcICQoL/8QAtREAAgECBAQDBAcFBAQAAQJ3AAECAxEEBSExBhJBUQdhcRMiMoEIFEKRobHBCSMzUvAVYnLRChYkNOEl8RcYGRomJygpKjU2Nzg5OkNERUZHSElKU1RVVldYWVpjZGVmZ2hpanN0dXZ3eHl6goOEhYaHiImKkpOUlZaXmJmaoqOkpaanqKmqsrO0tba3uLm6wsPExcbHyMnK0tPU1dbX2Nna4uPk5ebn6Onq8vP09fb3+Pn6/9oADAMBAAIRAxEAPwDnqKKK8k/Qz//Z")  # noqa: E501


def write_head(folder, text: str, name: str = "brevhode.yaml"):
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_the_example_letterhead_prints_on_every_format(tmp_path):
    for output_format in ("pdf", "html", "md"):
        target = tmp_path / f"p.{output_format}"
        result = invoke("print-handout", "principles", "--letterhead", EXAMPLE, "-o", target, "--format", output_format)
        assert result.exit_code == 0, result.stderr
    text = PdfReader(tmp_path / "p.pdf").pages[0].extract_text()
    assert "LINK Eksempelby" in text and "Storgata 1, 1234 Eksempelby" in text
    html = (tmp_path / "p.html").read_text(encoding="utf-8")
    assert "LINK Eksempelby" in html and 'src="data:image/svg+xml;base64,' in html
    assert (tmp_path / "p.md").read_text(encoding="utf-8").startswith("**LINK Eksempelby**")


@pytest.mark.parametrize("logo_name, data", [("logo.png", PNG), ("logo.jpg", JPEG)])
def test_png_and_jpeg_logos_are_accepted(tmp_path, logo_name, data):
    (tmp_path / logo_name).write_bytes(data)
    head = load_letterhead(str(write_head(tmp_path, f"version: 1\nname: Kontoret\nlogo: {logo_name}\n")))
    assert head.logo.data == data and head.name == "Kontoret" and head.lines == ()


def test_a_png_logo_reaches_the_pdf(tmp_path):
    (tmp_path / "logo.png").write_bytes(PNG)
    head = write_head(tmp_path, "version: 1\nname: Kontoret\nlines: [Telefon 12 34 56 78]\nlogo: logo.png\n")
    result = invoke("print-handout", "principles", "--letterhead", head, "-o", tmp_path / "p.pdf")
    assert result.exit_code == 0, result.stderr
    page = PdfReader(tmp_path / "p.pdf").pages[0]
    assert any("/Image" in str(x.get_object().get("/Subtype")) for x in page["/Resources"]["/XObject"].values())


@pytest.mark.parametrize("text, line, message", [
    ("name: [\n", 2, "Det mangler en verdi her."),
    ("version: 1\nname: Kontoret\nadresse: Storgata 1\n", 3, "Ukjent nøkkel «adresse»."),
    ("version: 1\nnavn: Kontoret\n", 1, "«name» mangler."),
    ("version: 1\nname: Kontoret\nlines: [a, b, c, d, e]\n", 3, "«lines» har for mange oppføringer."),
    ("version: 2\nname: Kontoret\n", 1, "«version» må være 1."),
    ("version: 1\nname: Kontoret\nlogo: finnes-ikke.png\n", 3, "Fant ikke logofilen."),
    ("version: 1\nname: Kontoret\nlogo: ../utenfor.png\n", 3, "Logoen må ligge i samme mappe som brevhodefilen"),
    ("version: 1\nname: Kontoret\nlogo: /etc/passwd\n", 3, "Logoen må ligge i samme mappe som brevhodefilen"),
    ("version: 1\nname: Kontoret\nlogo: tekst.png\n", 3, "Logoen må være et bilde i formatet PNG, JPEG eller SVG."),
    ("version: 1\nname: Kontoret\nlogo: stor.png\n", 3, "Logofilen er for stor (høyst 1 MB)."),
    ("version: 1\nname: Kontoret\nlogo: lenke.png\n", 3, "Logoen må ligge i samme mappe som brevhodefilen"),
    ("version: 1\nname: Kontoret\nlogo: ekstern.svg\n", 3, "SVG-logoen viser til andre filer eller nettadresser."),
    ("version: 1\nname: Kontoret\nlogo: mappe\n", 3, "Logoen må være en vanlig fil."),
    ("- en liste\n", 1, "Et brevhode er en tabell"),
    ("version: 1\nname: Kontoret\nlogo: enorm.png\n", 3, "Logoen er for stor: 30000 × 30000 piksler"),
    ("version: 1\nname: Kontoret\nlogo: bred.jpg\n", 3, "Logoen er for stor: 60000 × 2 piksler"),
    ("version: 1\nname: Kontoret\nlogo: hode.png\n", 3, "Logofilen kan ikke leses som bilde."),
    ("version: 1\nname: Kontoret\nlogo: import.svg\n", 3, "SVG-logoen viser til andre filer eller nettadresser."),
    ("version: 1\nname: Kontoret\nlogo: url.svg\n", 3, "SVG-logoen viser til andre filer eller nettadresser."),
])
def test_a_bad_letterhead_is_exit_2_with_file_and_line(tmp_path, text, line, message):
    folder = tmp_path / "kontor"
    folder.mkdir()
    (tmp_path / "utenfor.png").write_bytes(PNG)
    (folder / "tekst.png").write_text("ikke et bilde", encoding="utf-8")
    (folder / "stor.png").write_bytes(PNG + b"\0" * MAX_LOGO_BYTES)
    (folder / "mappe").mkdir()
    # 110 KB of PNG can claim 30 000 × 30 000 pixels: the header alone is refused.
    (folder / "enorm.png").write_bytes(PNG[:16] + (30000).to_bytes(4, "big") * 2 + PNG[24:])
    (folder / "bred.jpg").write_bytes(
        JPEG.replace(bytes.fromhex("ffc000110800020002"), bytes.fromhex("ffc00011080002ea60"))
    )
    (folder / "hode.png").write_bytes(PNG[:8])
    (folder / "import.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"><style>@import '
                                       '"https://x.example/a.css";'
                                       "</style></svg>", encoding="utf-8")
    (folder / "url.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"><rect style="fill: url( '
                                    'http://x.example/p)"/>'
                                    "</svg>", encoding="utf-8")
    (folder / "ekstern.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"><image href="file:///etc/passwd"/>'
                                        "</svg>", encoding="utf-8")
    if hasattr(os, "symlink"):
        os.symlink(tmp_path / "utenfor.png", folder / "lenke.png")
    head = write_head(folder, text)
    result = invoke("print-handout", "principles", "--letterhead", head, "-o", tmp_path / "p.pdf")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"Feil: {head}:{line}")
    assert message in result.stderr
    assert not (tmp_path / "p.pdf").exists()


def test_a_folder_or_a_missing_letterhead(tmp_path):
    result = invoke("print-handout", "principles", "--letterhead", tmp_path, "-o", "-", "--format", "md")
    assert result.exit_code == 2 and "Dette er en mappe. Oppgi brevhodefilen (YAML)." in result.stderr
    result = invoke("print-handout", "principles", "--letterhead", tmp_path / "x.yaml", "-o", "-", "--format", "md")
    assert result.exit_code == 2 and "Filen finnes ikke." in result.stderr


def test_an_svg_with_only_its_own_references_is_fine(tmp_path):
    (tmp_path / "logo.svg").write_text(
        '<?xml version="1.0"?>\n<!-- logo -->\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
        '<defs><linearGradient id="g"/></defs><rect width="10" height="10" fill="url(#g)"/>'
        '<use href="#g"/></svg>', encoding="utf-8")
    head = load_letterhead(str(write_head(tmp_path, "version: 1\nname: K\nlogo: logo.svg\n")))
    assert head.logo.kind == "svg"


def test_a_logo_whose_picture_is_broken_is_named_and_nothing_is_written(tmp_path):
    broken = PNG[:33] + bytes.fromhex("0000000d49444154") + bytes(13) + bytes(4) + PNG[-12:]
    (tmp_path / "logo.png").write_bytes(broken)
    head = write_head(tmp_path, "version: 1\nname: Kontoret\nlogo: logo.png\n")
    result = invoke("print-handout", "principles", "--letterhead", head, "-o", tmp_path / "p.pdf")
    assert result.exit_code == 2, result.stderr
    assert result.stderr.startswith(f"Feil: {tmp_path / 'logo.png'}: Logoen i brevhodet kan ikke leses som bilde.")
    assert "Typst" not in result.stderr and "meld" not in result.stderr
    assert not (tmp_path / "p.pdf").exists()


def test_an_svg_may_use_its_own_gradients_in_css():
    from selvhjelp_cli.documents.letterhead import _SVG_CSS_EXTERNAL

    assert not _SVG_CSS_EXTERNAL.search(b'<rect style="fill: url(#g)"/><rect style="fill:url( \'#h\')"/>')
    assert not _SVG_CSS_EXTERNAL.search(b'<rect style="fill: url(data:image/png;base64,AAAA)"/>')
