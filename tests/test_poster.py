"""documents/poster.py: the poster, read from two metres – facts, tear-off strips, and nothing that recruits
a closed group."""

from __future__ import annotations

import pytest

from selvhjelp_cli.documents import contents as documents
from selvhjelp_cli.documents.letterhead import load_letterhead

from .paper import (
    LANGUAGES,
    LARGE_LETTERHEAD,
    LETTERHEAD,
    LONG,
    OPEN,
    TORSDAG,
    build,
    pdf,
    poster_sizes,
    runs,
    tags,
    text_of,
)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("letterhead", [None, LETTERHEAD, LARGE_LETTERHEAD])
def test_the_poster_s_facts_read_from_two_metres_however_long_the_texts(language, letterhead):
    reader = pdf(build("poster", LONG, language), letterhead=load_letterhead(letterhead) if letterhead else None)
    assert len(reader.pages) == 1
    p = documents.texts(language)["poster"]
    where = p["where"].split("{")[0]
    sizes = poster_sizes(reader, where, "Anne-Marie Kristiansen-Bjørnstad:", "anne-marie", "@frivillig",
                         "Bjørn-Erik Haugland:", p["contact_title"])
    assert len(sizes) == 6, sizes
    assert min(sizes.values()) >= 24, sizes
    body = [size for size, _y, text in runs(reader) if size >= 20]
    assert body, "nothing large on the poster"



def test_tear_off_strips_stay_readable_and_carry_the_contact_that_fits():
    reader = pdf(build("poster", LONG))
    strips = [(size, text) for size, _y, text in runs(reader) if "912" in text and size < 20]
    assert len(strips) == 8 and min(size for size, _text in strips) >= 8
    names = [size for size, _y, text in runs(reader) if size < 12 and text.startswith("Tirsdagsgruppa")]
    assert len(names) == 8 and min(names) >= 8


def test_the_poster_copies_an_e_mail_address_as_it_is():
    raw = pdf(build("poster", LONG)).pages[0].extract_text()
    assert "\u2011" not in raw
    lines = raw.splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("@frivillig"))
    assert lines[at - 1] + lines[at] == "anne-marie.kristiansen-bjornstad@frivilligsentralen-i-nordrefollo-kommune.no"


@pytest.mark.parametrize("language, headline, status", [
    ("nb", "Selvhjelpsgruppe", "Gruppa har startet og er lukket. Den tar ikke inn nye deltakere nå."),
    ("nn", "Sjølvhjelpsgruppe", "Gruppa har starta og er lukka. Ho tek ikkje inn nye deltakarar no."),
    ("en", "A self-help group", "It is not taking in new participants now."),
])
def test_a_started_closed_group_s_poster_does_not_recruit(language, headline, status):
    text = text_of(pdf(build("poster", TORSDAG, language)))
    assert text.startswith(headline) and status in text
    p = documents.texts(language)["poster"]
    assert p["headline"] not in text and p["contact_title"] not in text and p["contact_title_more"] in text


def test_a_started_open_group_says_it_is_open_and_a_new_one_is_new():
    assert "Gruppa har startet og er åpen for nye deltakere." in text_of(pdf(build("poster", OPEN)))
    assert text_of(pdf(build("poster", TORSDAG, today="2026-09-01"))).startswith("Ny selvhjelpsgruppe")


def test_strips_of_a_group_without_a_contact_still_name_the_group():
    strips = [size for size, _y, text in runs(pdf(build("poster", OPEN))) if text.startswith("Onsdagsgruppa")]
    assert len([size for size in strips if size < 12]) == 8


def test_the_poster_has_headings():
    found = tags(pdf(build("poster", TORSDAG)))
    assert found["/H1"] == 1 and found["/H2"] == 1
