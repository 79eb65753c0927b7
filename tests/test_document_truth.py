"""Documents say only what is true of the group, and work on paper (issue: documents
that tell the truth). Every check reads the PDF back with pypdf."""

from __future__ import annotations

import io
import re
from datetime import date

import pytest
from pypdf import PdfReader

from selvhjelp_cli.documents import contents as documents
from selvhjelp_cli.documents import render
from selvhjelp_cli.groupfile.loader import load_group

from .conftest import EXAMPLES, FIXTURES, invoke

TORSDAG = EXAMPLES / "torsdagsgruppa.yaml"
DIGITAL = EXAMPLES / "nettgruppa-nord.yaml"
PROBLEMS = EXAMPLES / "onsdagsgruppa-med-problemer.yaml"
FOURTEEN = FIXTURES / "group_of_14.yaml"


def pdf(document) -> PdfReader:
    return PdfReader(io.BytesIO(render.render_document(document, "pdf")))


def text_of(reader: PdfReader, page: int | None = None) -> str:
    pages = reader.pages if page is None else [reader.pages[page]]
    text = "\n".join(p.extract_text() for p in pages)
    text = re.sub("\xad\\s*", "", text).replace("\u2060", "").replace("\u2011", "-")
    return " ".join(text.replace("\xa0", " ").split())


def handout(kind: str, path, today: str = "2026-11-23", language: str = "nb"):
    group = load_group(path).group if path else None
    return documents.handout(kind, group, language, date.fromisoformat(today))


# What they must say


def test_free_of_charge_is_said_only_when_it_is_true():
    assert "Det koster ingenting å delta." in text_of(pdf(handout("framework", TORSDAG)))
    assert "Gratis" in text_of(pdf(handout("poster", TORSDAG)))
    framework = text_of(pdf(handout("framework", PROBLEMS)))
    assert "Det koster ingenting" not in framework and "Rammene sier at det skal være gratis å delta." in framework
    assert "Gratis" not in text_of(pdf(handout("poster", PROBLEMS)))


def test_a_leader_or_a_minor_turns_facts_into_what_the_framework_asks():
    framework = text_of(pdf(handout("framework", PROBLEMS)))
    assert "Gruppa har ingen leder." not in framework
    assert "Rammene sier at gruppa ikke skal ha noen leder." in framework
    assert "Alle deltakere har fylt 18 år." not in framework and "Alle deltakere skal ha fylt 18 år." in framework
    assert "Ingen leder – alle deler ansvaret" not in text_of(pdf(handout("poster", PROBLEMS)))
    good = text_of(pdf(handout("framework", TORSDAG)))
    assert "Gruppa har ingen leder." in good and "Alle deltakere har fylt 18 år." in good


@pytest.mark.parametrize("args", [
    ["print-handout", "framework", PROBLEMS], ["print-handout", "poster", PROBLEMS],
    ["print-declaration", PROBLEMS], ["print-handout", "principles", PROBLEMS],
])
def test_a_broken_requirement_prints_but_warns_naming_the_rule(tmp_path, args):
    result = invoke(*args, "-o", tmp_path / "ut.pdf", "--today", "2026-11-23")
    assert result.exit_code == 0 and (tmp_path / "ut.pdf").exists()
    for rule in ("free-of-charge", "leaderless", "adult"):
        assert f"Merk: Gruppefilen bryter et krav i rammene ({rule}):" in result.stderr
    # The declaration is how a missing signature is put right: no warning about that there.
    assert ("(confidentiality)" in result.stderr) is (args[0] != "print-declaration")
    assert "Dokumentet er skrevet likevel." in result.stderr


def test_a_good_group_prints_without_a_word_of_warning(tmp_path):
    result = invoke("print-handout", "framework", TORSDAG, "-o", tmp_path / "ut.pdf", "--today", "2026-11-23")
    assert result.stderr == f"Skrev {tmp_path / 'ut.pdf'}.\n"


def test_decisions_say_what_the_group_agreed_and_never_the_note():
    text = text_of(pdf(handout("framework", TORSDAG)))
    assert "torsdag 29. oktober 2026: Gruppa bestemte å ta inn nye deltakere." in text
    assert "valgt bort" not in text and "Hege sluttet" not in text
    assert "Gruppa er lukket." in text  # still true: it took in one person by a decision
    fourteen = text_of(pdf(handout("framework", FOURTEEN)))
    assert "Gruppa bestemte å ha et annet antall deltakere enn de anbefalte 5–8." in fourteen
    assert "Gruppa bestemte at aldersforskjellen kan være større enn anbefalt." in fourteen
    assert "faller fra" not in fourteen  # the decision's note


def test_every_decision_a_group_can_make_has_plain_words_in_every_language():
    from selvhjelp_cli.rules import all_rules

    settable = {rule.ID for rule in all_rules() if rule.SEVERITY == "warning"} - {"age-unknown"}
    for language in ("nb", "nn", "en"):
        agreed = documents.texts(language)["framework"]["agreed"]
        assert set(agreed) == settable


def test_the_poster_before_and_after_the_first_meeting():
    before = text_of(pdf(handout("poster", TORSDAG, today="2026-09-02")))
    assert "Vi møtes hver torsdag kl. 18.00–20.00, første gang 3. september 2026." in before
    after = text_of(pdf(handout("poster", TORSDAG, today="2026-11-23")))
    assert "Gruppa møtes hver torsdag kl. 18.00–20.00." in after and "første gang" not in after
    assert "2026" not in after.split("Ta kontakt")[0]


def test_a_closed_group_that_has_started_gets_a_warning_with_its_poster(tmp_path):
    result = invoke("print-handout", "poster", TORSDAG, "-o", tmp_path / "p.pdf", "--today", "2026-11-23")
    assert result.exit_code == 0
    assert (
        "Merk: Gruppa har startet og er lukket, så plakaten sier at den ikke tar inn nye deltakere nå." in result.stderr
    )
    before = invoke("print-handout", "poster", TORSDAG, "-o", tmp_path / "q.pdf", "--today", "2026-09-01")
    assert "Merk:" not in before.stderr


def test_digital_groups_sign_on_video_and_get_no_coffee():
    plan = text_of(pdf(handout("first-meeting", DIGITAL)))
    assert "les erklæringen høyt sammen" in plan and "Gruppa noterer bare hvem som har bekreftet, og datoen" in plan
    assert "kaffen" not in plan and "stoler i ring" not in plan
    physical = text_of(pdf(handout("first-meeting", TORSDAG)))
    assert "kaffen står klar" in physical and "les erklæringen høyt" not in physical
    assert "Taushetserklæringen på video" in text_of(pdf(handout("digital", DIGITAL)))


CONTACT_POINTS = FIXTURES / "directory" / "kontaktpunkter.yaml"


def test_the_starters_plan_prints_the_contact_point_from_the_directory(monkeypatch):
    monkeypatch.setenv("SELVHJELP_DIRECTORY", str(CONTACT_POINTS))
    assert "Ha kontaktinformasjonen til Sandnes frivilligsentral (51 00 00 00) for hånden" in \
        text_of(pdf(handout("first-meeting", TORSDAG)))


def test_no_document_prints_a_district_office_closed_in_2023():
    for kind in ("first-meeting", "poster"):
        text = " ".join(text_of(pdf(handout(kind, TORSDAG, today="2026-09-01"))).split())
        assert "981 02 067" not in text and "Distriktskontoret" not in text, kind
    assert "Ha kontaktinformasjonen til kontaktpunktet ditt (eller Selvhjelp Norge, post@selvhjelp.no)" in \
        " ".join(text_of(pdf(handout("first-meeting", TORSDAG))).split())


# What they must do on paper


def sizes(reader: PdfReader) -> list[tuple[float, str]]:
    found = []

    def visit(text, cm, tm, font, size):
        if text.strip():
            found.append((round(size * tm[3] * cm[3], 1), text.replace("\xa0", " ").strip()))

    reader.pages[0].extract_text(visitor_text=visit)
    return found


def test_the_poster_fills_one_page_and_reads_from_two_metres(monkeypatch):
    monkeypatch.setenv("SELVHJELP_DIRECTORY", str(CONTACT_POINTS))
    reader = pdf(handout("poster", TORSDAG, today="2026-09-01"))
    assert len(reader.pages) == 1
    found = sizes(reader)
    for needle in ("Vi møtes hver torsdag", "Sted: Haugesund", "Kari Nilsen: 473 92 870",
                   "Sandnes frivilligsentral: 51 00 00 00"):
        assert any(size >= 24 and text.startswith(needle) for size, text in found), needle
    # The tear-off strips: the group and the first contact, eight times.
    text = text_of(reader)
    assert text.count("Torsdagsgruppa 473 92 870") == 8


def test_the_poster_leads_with_the_theme_and_who_it_is_for():
    found = sizes(pdf(handout("poster", TORSDAG, today="2026-09-01")))
    order = [text for _, text in found]
    assert order.index("Tema: Sorg og tap") < order.index("Torsdagsgruppa") < next(
        i for i, text in enumerate(order) if text.startswith("Vi møtes"))
    assert any(text.startswith("En gruppe for deg som") for text in order[:6])


def test_numbers_postcodes_and_addresses_never_break_across_lines(monkeypatch):
    monkeypatch.setenv("SELVHJELP_DIRECTORY", str(CONTACT_POINTS))
    reader = pdf(handout("poster", FOURTEEN, today="2026-11-01"))
    lines = [line.replace("\xa0", " ").replace("\u2011", "-") for line in reader.pages[0].extract_text().splitlines()]
    # Too long for one line at 24 pt, the address breaks only before its @, never at a hyphen.
    at = next(i for i, line in enumerate(lines) if line.startswith("@"))
    assert lines[at - 1] + lines[at] == "kari-margrethe.nordmann-hansen@frivilligsentralen-nordrefollo.no"
    assert any("1410 Kolbotn" in line for line in lines)
    assert any("473 92 870" in line for line in lines)
    assert any("18.30–\u206020.30" in line or "18.30–20.30" in line for line in lines)
    assert len(reader.pages) == 1


def test_the_blank_poster_has_write_in_lines_for_theme_time_place_and_contact():
    text = text_of(pdf(handout("poster", None)))
    for label in ("Tema:", "Tid:", "Sted:", "Kontakt:"):
        assert label in text
    assert "…" not in text


def test_a_signature_sheet_that_runs_over_repeats_title_group_and_promise():
    group = load_group(FOURTEEN).group
    reader = pdf(documents.declaration(group, "nb", date(2026, 11, 23), sheet=True))
    assert len(reader.pages) == 2
    second = text_of(reader, 1)
    assert "Taushetserklæring – liste for underskrifter (forts.)" in second
    assert "Onsdagsgruppa for pårørende i Nordre Follo og omegn" in second
    assert "Jeg lover å holde taushet om det som blir fortalt i gruppa" in second
    assert "(forts.)" not in text_of(reader, 0)


def test_every_attendance_page_has_title_and_group_and_an_honest_sum():
    group = load_group(FOURTEEN).group
    reader = pdf(documents.handout("attendance", group, "nb", date(2026, 11, 23)))
    assert len(reader.pages) >= 2
    for number in range(len(reader.pages)):
        page = text_of(reader, number)
        assert page.startswith("Oppmøteliste Onsdagsgruppa for pårørende i Nordre Follo og omegn")
        assert "Sum denne siden" in page


def test_holidays_are_footnotes_and_new_years_bring_the_year():
    reader = pdf(handout("attendance", TORSDAG))
    first = text_of(reader, 0)
    assert "tor. 24.12.20261" in first and "tor. 31.12.20262" in first  # the mark follows the date
    assert "1julaften" in first and "2nyttårsaften" in first
    header = first.split("Ola N.")[0]
    assert "julaften" not in header.split("Sum denne siden")[0]
    second = text_of(reader, 1)
    # One year on the sheet: it stands once beside the group, not on every date.
    assert "Torsdagsgruppa · 2027" in second and "tor. 4.2." in second
    assert "2027" not in second.split("Navn", 1)[1].split("Sum")[0]


def test_english_dates_cannot_be_read_the_american_way():
    text = text_of(pdf(handout("attendance", TORSDAG, language="en")))
    assert "Thu 26 Nov 2026" in text and "Thu 7 Jan 2027" in text
    assert "26/11" not in text and "7/1" not in text


def test_the_blank_framework_has_no_placeholders_and_fits_one_page():
    for language in ("nb", "nn", "en"):
        reader = pdf(handout("framework", None, language=language))
        assert len(reader.pages) == 1, language
        assert "…" not in text_of(reader)
    assert "med en pause midt i" in text_of(pdf(handout("framework", None)))


def test_the_nynorsk_sheet_title_keeps_its_dash_with_the_words_before_it():
    title = documents.texts("nn")["declaration"]["sheet_title"]
    assert "teieplikt\u00a0– underskriftsliste" in title
    for language in ("nb", "en"):
        assert "\u00a0–" in documents.texts(language)["declaration"]["sheet_title"]


def test_short_last_lines_are_expensive_for_the_line_breaker():
    source = render.render_typst(handout("principles", TORSDAG))
    assert "costs: (runt: 400%" in source


@pytest.mark.parametrize("text, kept", [
    ("The group meets every Thursday, 18:00–20:00.", "18:00–\u206020:00"),
    ("Gruppa møtes hver torsdag kl. 18.00–20.00.", "kl.\u00a018.00–\u206020.00"),
    ("Ring 473 92 870 eller +47 23 33 19 00", "473\u00a092\u00a0870 eller +47\u00a023\u00a033\u00a019\u00a000"),
    ("Skåregata 1, 5528 Haugesund", "5528\u00a0Haugesund"),
    ("kari-anne@frivillig-sentral.no", "kari\u2011anne@frivillig\u2011sentral.no"),
])
def test_what_must_stay_on_one_line_is_bound_together(text, kept):
    assert kept in documents.unbreakable(text)


def test_a_contact_point_s_e_mail_is_never_hyphenated(monkeypatch):
    monkeypatch.setenv("SELVHJELP_DIRECTORY", str(EXAMPLES / "kontor" / "kontaktpunkter.yaml"))
    text = text_of(pdf(handout("first-meeting", TORSDAG, today="2026-08-01", language="nn")))
    assert "(selvhjelp@haugaland.example.no) klar om nokon har spørsmål" in text
