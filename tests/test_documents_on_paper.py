"""Documents that hold up for real groups (paper round 2): long names, many
participants with a letterhead, a long e-mail, a fee, an open, a digital and an
ended group, blank forms, and the law said right. Each group in
tests/fixtures/paper is built to provoke one class of defect; every check reads
the PDF back with pypdf."""

from __future__ import annotations

import io
import itertools
import re
from datetime import date

import pytest
from pypdf import PdfReader

from selvhjelp_cli.documents import contents as documents
from selvhjelp_cli.documents import render
from selvhjelp_cli.documents.letterhead import load_letterhead
from selvhjelp_cli.groupfile.loader import load_group

from .conftest import invoke
from .paper import (
    DIGITAL,
    ENDED,
    FEE,
    LANGUAGES,
    LETTERHEAD,
    LONG,
    OPEN,
    TORSDAG,
    build,
    participants,
    pdf,
    runs,
    tags,
    text_of,
)

LEGAL = {
    "nb": ("drap, voldtekt og mishandling i nære relasjoner", "straffeloven § 196",
           "Den gjelder ikke det noen forteller om sitt eget liv", "tanker om å ta sitt eget liv"),
    "nn": ("drap, valdtekt og mishandling i nære relasjonar", "straffelova § 196",
           "Ho gjeld ikkje det nokon fortel om sitt eige liv", "tankar om å ta sitt eige liv"),
    "en": ("murder, rape and abuse in a close relationship", "section 196 of the Penal Code",
           "It does not cover what someone tells about their own life", "thoughts of taking their own life"),
}


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("kind", ["declaration", "declaration-sheet"])
def test_the_declaration_names_the_crimes_and_says_what_someone_tells_of_their_own_life_is_not_reported(
        kind, language):
    text = text_of(pdf(build(kind, TORSDAG, language)))
    for words in LEGAL[language]:
        assert words in text
    for wrong in ("liv eller helse", "livet eller helsa", "life or health"):
        assert wrong not in text


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("output_format", ["html", "md"])
def test_the_html_and_markdown_declarations_say_the_same_limit(language, output_format):
    text = render.render_document(build("declaration", TORSDAG, language), output_format).decode()
    assert LEGAL[language][2] in " ".join(text.split())


def test_english_marks_the_norwegian_term_so_it_is_hyphenated_as_norwegian():
    """«avvergingsplikt» in an English text: English patterns break it «avverg-ingsplikt»."""
    import typst

    source = render.render_typst(build("declaration", TORSDAG, "en"))
    rule = next(line for line in source.splitlines() if line.startswith("#show regex(\"«"))
    narrow = ('#set page(width: 45mm, height: auto, margin: 2mm)\n#set text(lang: "en", hyphenate: true)\n'
              '#set par(justify: true)\n' + rule + '\n' + "here in text and «avvergingsplikt». " * 6)
    text = PdfReader(io.BytesIO(typst.compile(narrow.encode(), format="pdf"))).pages[0].extract_text()
    assert "avverg\xad" not in text and "avvergingsp\xad" not in text
    assert "avvergings\xad" in text  # it is still hyphenated, the Norwegian way


# Names, never altered


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("kind", ["declaration-sheet", "attendance"])
def test_a_name_is_never_hyphenated_and_each_stands_whole_in_order(kind, language):
    reader = pdf(build(kind, LONG, language))
    raw = "\n".join(page.extract_text() for page in reader.pages)
    assert "\xad" not in raw  # no hyphenation anywhere, and a hyphen copies as a hyphen
    # A line may break between the words of a name, never inside a double name.
    assert not re.search(r"-\s*\n", raw), "a double name broken at its hyphen"
    names = participants(LONG)
    text = text_of(reader)
    positions = [text.find(name) for name in names]
    assert -1 not in positions, [n for n, p in zip(names, positions, strict=True) if p == -1]
    assert positions == sorted(positions)


def test_a_wrapped_name_grows_its_row_and_never_overprints_the_next():
    reader = pdf(build("attendance", LONG))
    lines = sorted({round(y, 1) for size, y, text in runs(reader) if size == 9.5}, reverse=True)
    gaps = [a - b for a, b in itertools.pairwise(lines)]
    assert min(gaps) >= 9.5, gaps  # no two lines of names closer than one line of type


# The signature sheet and the attendance list over several pages


@pytest.mark.parametrize("language", LANGUAGES)
def test_whoever_signs_on_page_two_signs_the_same_promise_and_limit(language):
    reader = pdf(build("declaration-sheet", LONG, language))
    assert len(reader.pages) == 2
    t = documents.texts(language)["declaration"]
    second = text_of(reader, 1)
    for part in (t["promise"], t["moral"], t["lasting"], t["legal"], t["sheet_title"]):
        assert " ".join(part.split()) in second
    assert "Tirsdagsgruppa for pårørende i Nordre Follo og omegn" in second
    # and page 2 starts below the printers' unprintable band, as page 1 does
    top = max(y for _size, y, _text in runs(reader, 1))
    assert reader.pages[1].mediabox.height - top >= 15 / 25.4 * 72


def test_a_letterhead_never_pushes_one_empty_row_onto_a_page_of_its_own():
    document = build("attendance", LONG)
    assert len(pdf(document, letterhead=load_letterhead(LETTERHEAD)).pages) == 2  # one per ten meetings
    assert len(pdf(document).pages) == 2


def test_a_list_too_long_for_a_page_says_on_the_next_what_it_is_and_for_which_group(write):
    text = LONG.read_text(encoding="utf-8")
    more = "".join(f"  - name: Deltaker nummer {n}\n    born: 1970\n" for n in range(12))
    reader = pdf(documents.attendance(load_group(write(text + more)).group, "nb", date(2026, 12, 2)))
    assert len(reader.pages) == 4
    for page in (1, 3):
        assert text_of(reader, page).startswith("Oppmøteliste (forts.) Tirsdagsgruppa for pårørende")


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_attendance_list_has_its_title_as_a_heading_and_the_letterhead_above_it(language):
    reader = pdf(build("attendance", TORSDAG, language), letterhead=load_letterhead(LETTERHEAD))
    assert tags(reader)["/H1"] == len(reader.pages)
    text = text_of(reader, 0)
    assert text.index("LINK Eksempelby") < text.index(documents.texts(language)["attendance"]["title"])


def test_landscape_footers_keep_ten_millimetres_from_the_edge():
    for kind in ("attendance", "registration"):
        reader = pdf(build(kind, TORSDAG))
        lowest = min(y for _size, y, _text in runs(reader))
        assert lowest >= 10 / 25.4 * 72, kind


# The poster




@pytest.mark.parametrize("args", [["print-handout", "poster"], ["print-handout", "registration"],
                                  ["print-handout", "attendance"], ["print-handout", "first-meeting"],
                                  ["print-declaration"]])
def test_an_ended_group_is_never_recruited_for_nor_asked_to_sign_or_attend(tmp_path, args):
    result = invoke(*args, ENDED, "-o", tmp_path / "x.pdf")
    assert result.exit_code == 2 and not (tmp_path / "x.pdf").exists()
    assert "Gruppa sluttet å møtes fredag 30. oktober 2026, så «" in result.stderr
    assert "Traceback" not in result.output


def test_the_poster_and_framework_state_the_fee_and_never_call_the_group_free():
    poster = text_of(pdf(build("poster", FEE)))
    assert "Egenandel: 50 kroner" in poster and "Gratis" not in poster
    framework = text_of(pdf(build("framework", FEE)))
    assert "Egenandel Det koster 50 kroner å delta." in framework and "Gratis" not in framework
    assert "Fee: NOK 50" in text_of(pdf(build("poster", FEE, "en")))
    from selvhjelp_cli.core.words import kroner

    assert [kroner(n, "nb") for n in (1, 50, 1500)] == ["1\xa0krone", "50\xa0kroner", "1\xa0500\xa0kroner"]


def test_dates_and_house_letters_stay_on_one_line():
    raw = pdf(build("poster", LONG)).pages[0].extract_text().replace("\xa0", " ")
    lines = raw.splitlines()
    assert any("12. januar 2027" in line for line in lines)
    assert any("123 B" in line for line in lines)
    assert documents.unbreakable("starting 12 January 2027") == "starting 12\xa0January\xa02027"
    assert documents.unbreakable("Maridalsveien 123 B, 1410 Kolbotn") == "Maridalsveien 123\xa0B, 1410\xa0Kolbotn"


# The framework and the first-meeting plan say what is true of the group


def test_an_open_group_s_framework_is_headed_open():
    text = text_of(pdf(build("framework", OPEN)))
    assert "Åpen gruppe Gruppa har valgt å være åpen for nye deltakere." in text and "Lukket gruppe" not in text


@pytest.mark.parametrize("language, food, place, printing", [
    ("nb", "Servering", "avtal tid og sted", "Skriv ut taushetserklæringene"),
    ("nn", "Servering", "avtal tid og stad", "Skriv ut erklæringane"),
    ("en", "Refreshments", "agree on a time and place", "Print the confidentiality declarations"),
])
def test_a_digital_group_gets_no_coffee_no_place_and_nothing_to_print(language, food, place, printing):
    assert food not in text_of(pdf(build("framework", DIGITAL, language)))
    plan = text_of(pdf(build("first-meeting", DIGITAL, language)))
    assert place not in plan and printing not in plan
    assert place in text_of(pdf(build("first-meeting", TORSDAG, language)))


def test_the_plan_names_every_starter():
    text = text_of(pdf(build("first-meeting", LONG)))
    assert "Anne-Marie Kristiansen-Bjørnstad er med på de tre første møtene" in text
    assert "Bjørn-Erik Haugland er med på de to første møtene" in text


# Blank forms


@pytest.mark.parametrize("language", LANGUAGES)
def test_blank_forms_have_lines_for_what_the_group_fills_in(language):
    common = documents.texts(language)["common"]
    declaration = text_of(pdf(documents.declaration(None, language, date(2026, 12, 2), blank=1)))
    assert f"{documents.texts(language)['declaration']['subtitle']} {common['group']} " in declaration
    framework = text_of(pdf(build("framework", None, language)))
    for label in (common["time"], common["place"], common["first_meeting"]):
        assert label in framework
    plan = text_of(pdf(build("first-meeting", None, language)))
    assert not re.search(r"\d{1,2}[.:]\d{2}", plan), "a blank plan assumes a time"


# Headings are headings


@pytest.mark.parametrize("kind, sections", [("principles", 10), ("digital", 8)])
def test_sections_of_principles_and_digital_use_are_headings(kind, sections):
    found = tags(pdf(build(kind, TORSDAG)))
    assert found["/H1"] == 1 and found["/H2"] == sections


# HTML


@pytest.mark.parametrize("kind", ["declaration-sheet", "attendance", "poster"])
def test_html_that_cannot_print_as_the_pdf_does_says_so_and_points_to_pdf(tmp_path, kind):
    args = ["print-declaration", LONG, "--sheet"] if kind == "declaration-sheet" else ["print-handout", kind, LONG]
    result = invoke(*args, "--format", "html", "-o", tmp_path / "x.html")
    assert result.exit_code == 0 and "bruk --format pdf" in result.stderr
    quiet = invoke("print-handout", "principles", LONG, "--format", "html", "-o", tmp_path / "y.html")
    assert "--format pdf" not in quiet.stderr


def test_every_attendance_sheet_says_its_year():
    reader = pdf(build("attendance", TORSDAG, today="2027-02-01"))
    assert all(re.search(r"Torsdagsgruppa · 2027\b", text_of(reader, page)) for page in range(len(reader.pages)))


def test_with_a_letterhead_the_page_carries_one_phone_number():
    document = build("principles", TORSDAG)
    assert "23 33 19 00" in text_of(pdf(document))
    with_office = text_of(pdf(document, letterhead=load_letterhead(LETTERHEAD)))
    assert "23 33 19 00" not in with_office and "12 34 56 78" in with_office and "selvhjelp.no" in with_office


def test_markdown_carries_no_invisible_word_joiner():
    assert "\u2060" not in render.render_document(build("poster", TORSDAG), "md").decode()


def test_english_says_every_three_weeks_never_every_third_wednesday():
    text = text_of(pdf(build("framework", OPEN, "en")))
    assert "every third week, on Wednesdays" in text and "every third Wednesday" not in text


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_large_letterhead_changes_no_page_count_and_never_overprints(language):
    from .paper import LARGE_LETTERHEAD

    large = load_letterhead(LARGE_LETTERHEAD)
    for kind, pages in (("attendance", 2), ("registration", 1), ("poster", 1)):
        plain = pdf(build(kind, LONG, language))
        lettered = pdf(build(kind, LONG, language), letterhead=large)
        assert len(plain.pages) == len(lettered.pages) == pages, kind
    # Every name stands on the first sheet, with the letterhead; the continuation sheet is the next dates.
    first = text_of(pdf(build("attendance", LONG, language), letterhead=large), page=0)
    assert all(name in first for name in participants(LONG))
