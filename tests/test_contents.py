"""documents/contents.py: every document in every language, what it holds, and the dates it uses."""

from __future__ import annotations

import io
import re
from datetime import date

import pytest
from pypdf import PdfReader

from selvhjelp_cli.documents import contents as documents
from selvhjelp_cli.documents.render import render_document
from selvhjelp_cli.groupfile.loader import load_group

from .conftest import EXAMPLES

TODAY = date(2026, 11, 23)
GROUP_FILE = EXAMPLES / "torsdagsgruppa.yaml"
PARTICIPANTS = ["Ola N.", "Lise H.", "Mona K.", "Jon E.", "Siv T.", "Arne B.", "Tor A."]
TITLES = {
    "nb": {"declaration": "Taushetserklæring", "principles": "Prinsipper for "
                                                             "samtalen", "framework": "Rammer for gruppa",
           "first-meeting": "Plan for de første møtene", "digital": "Tips for digitale møter",
           "registration": "Registrering av deltakere", "attendance": "Oppmøteliste", "poster": "Selvhjelpsgruppe"},
    "nn": {"declaration": "Erklæring om teieplikt", "principles": "Prinsipp for samtalen",
           "framework": "Rammer for gruppa", "first-meeting": "Plan for dei første møta",
           "digital": "Tips for digitale møte", "registration": "Registrering av deltakarar",
           "attendance": "Oppmøteliste", "poster": "Sjølvhjelpsgruppe"},
    "en": {"declaration": "Confidentiality declaration", "principles": "Principles for the conversation",
           "framework": "The group’s framework", "first-meeting": "Plan for the first meetings",
           "digital": "Tips for online meetings", "registration": "Participant registration",
           "attendance": "Attendance list", "poster": "A self-help group"},
}


@pytest.fixture(scope="module")
def group():
    return load_group(GROUP_FILE).group


def pdf_text(data: bytes) -> tuple[str, PdfReader]:
    """The text of a PDF on one line, with words hyphenated at a line end joined again."""
    reader = PdfReader(io.BytesIO(data))
    text = "\n".join(page.extract_text() for page in reader.pages)
    return " ".join(re.sub("\xad\\s*", "", text).split()), reader


def build(kind: str, group, language: str):
    if kind == "declaration":
        return documents.declaration(group, language, TODAY)
    return documents.handout(kind, group, language, TODAY)


@pytest.mark.parametrize("language", ["nb", "nn", "en"])
@pytest.mark.parametrize("kind", ["declaration", *documents.HANDOUTS])
def test_every_document_in_every_language(group, kind, language):
    document = build(kind, group, language)
    text, reader = pdf_text(render_document(document, "pdf"))
    assert TITLES[language][kind] in text
    metadata = " ".join(str(v) for v in (reader.metadata or {}).values())
    assert not any(name in metadata for name in PARTICIPANTS)
    if kind in ("declaration", "attendance"):
        assert all(name in text for name in PARTICIPANTS)
        assert "Hege R." not in text  # left the group
    if kind == "poster":
        assert not any(name in text for name in PARTICIPANTS)
        assert "Kari Nilsen" in text and "473 92 870" in text
    if kind != "digital" and kind != "principles":
        assert "Torsdagsgruppa" in text


def test_declaration_has_a_page_per_participant_and_the_legal_limit(group):
    text, reader = pdf_text(render_document(documents.declaration(group, "nb", TODAY), "pdf"))
    assert len(reader.pages) == len(PARTICIPANTS)
    assert "straffeloven § 196" in text and "etter at jeg har sluttet" in text
    nn_text, _ = pdf_text(render_document(documents.declaration(group, "nn", TODAY), "pdf"))
    assert "teieplikt" in nn_text.lower() and "ikkje" in nn_text and "Eg lovar" in nn_text


def test_sheet_and_blank(group):
    text, reader = pdf_text(render_document(documents.declaration(group, "nb", TODAY, sheet=True), "pdf"))
    assert len(reader.pages) == 1 and all(name in text for name in PARTICIPANTS)
    blank = documents.declaration(None, "nb", TODAY, blank=3)
    text, reader = pdf_text(render_document(blank, "pdf"))
    assert len(reader.pages) == 3 and not blank.private


def test_framework_and_attendance_use_the_planned_dates(group):
    text, _ = pdf_text(render_document(documents.handout("framework", group, "nb", TODAY), "pdf"))
    assert "torsdag 26. november 2026" in text and "julaften" in text and "kl. 18.00–20.00" in text
    attendance, _ = pdf_text(render_document(documents.handout("attendance", group, "nb", TODAY), "pdf"))
    assert "26.11." in attendance and "nyttårsaften" in attendance


def test_framework_shows_the_groups_choices_without_notes(group):
    html = render_document(documents.handout("framework", group, "nb", TODAY), "html").decode()
    assert "Gruppa bestemte å ta inn nye deltakere." in html and "valgt bort" not in html
    assert "Hege sluttet" not in html  # the decision's note may name people




def test_a_moved_meeting_says_its_own_time_and_the_usual_time_stays_the_group_s(tmp_path):
    from .conftest import invoke

    path = tmp_path / "g.yaml"
    path.write_bytes(GROUP_FILE.read_bytes())
    assert invoke("meeting", "move", path, "17.12.2026", "15.12.2026", "--start", "17").exit_code == 0
    group = load_group(path).group
    for language, says, usual in (("nb", "tirsdag 15. desember 2026 kl. 17.00–19.00", "kl. 18.00–20.00"),
                                  ("en", "Tuesday, 15 December 2026 17:00–19:00", "18:00–20:00")):
        text = render_document(documents.handout("framework", group, language, date(2026, 12, 6)), "md").decode()
        assert says in text and f"{usual}." in text


def test_an_ended_group_s_framework_says_in_the_past_when_it_met_and_lists_no_meetings():
    from .conftest import FIXTURES

    group = load_group(FIXTURES / "paper" / "ended.yaml").group
    text = render_document(documents.handout("framework", group, "nb", date(2026, 12, 6)), "md").decode()
    assert "Gruppa møttes hver fredag kl. 17.00–19.00. Den sluttet å møtes fredag 30. oktober 2026." in text
    assert "De neste møtene" not in text and " ." not in text
