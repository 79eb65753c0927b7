"""places/contacts.py: an office or contact point, the head office, and the list they come from."""

from __future__ import annotations

from datetime import date

from selvhjelp_cli.core.i18n import in_language
from selvhjelp_cli.places.contacts import Contact, Coverage, Directory, HeadOffice
from selvhjelp_cli.places.directory import active_directory


def test_a_contact_is_reached_as_written_and_told_in_json_with_only_what_it_has():
    full = Contact("link", "LINK Bergen", phone="55 00 00 00", email="post@link.example", web="link.example",
                   address="Gata 1", kind="senter", covers=("Vestland",))
    with in_language("nb"):
        assert full.reach == "telefon 55 00 00 00, post@link.example, link.example"
    assert full.as_json() == {"id": "link", "office": "LINK Bergen", "phone": "55 00 00 00", "covers": ["Vestland"],
                              "email": "post@link.example", "web": "link.example", "address": "Gata 1",
                              "kind": "senter"}
    bare = Contact("x", "X", email="x@example.no")
    assert bare.as_json() == {"id": "x", "office": "X", "phone": None, "covers": [], "email": "x@example.no"}


def test_the_head_office_is_reached_by_what_it_has():
    head = HeadOffice("Selvhjelp Norge", email="post@selvhjelp.no", web="selvhjelp.no", phone="23 33 19 00")
    with in_language("en"):
        assert head.reach == "post@selvhjelp.no, selvhjelp.no, phone 23 33 19 00"
    assert HeadOffice("A", web="a.no").as_json() == {"name": "A", "web": "a.no"}


def test_a_coverage_joins_its_counties():
    coverage = Coverage(counties=(("Agder", frozenset({"4201", "4202"})), ("Rogaland", frozenset({"1101"}))))
    assert coverage.county_municipalities() == {"4201", "4202", "1101"}
    assert Coverage().county_municipalities() == frozenset()


def test_a_directory_finds_its_contacts_and_says_how_old_it_is():
    directory = Directory(date(2026, 11, 1), "Kontorets liste", "", HeadOffice("S", web="s.no"),
                          (Contact("a", "A"), Contact("b", "B")))
    assert directory.contact("b").office == "B" and directory.contact("c") is None
    with in_language("nb"):
        assert directory.dated == "Listen er fra 1. november 2026 (kilde: Kontorets liste)."
    assert directory.info_json() == {"as_of": "2026-11-01", "source": "Kontorets liste", "notice": ""}


def test_the_built_in_list_speaks_its_notice_in_the_program_s_language():
    builtin = active_directory()
    with in_language("en"):
        assert builtin.builtin and "all its district offices would close by 1 June 2023" in builtin.shown_notice
    with in_language("nb"):
        assert "alle distriktskontorene skulle legges ned innen 1. juni 2023" in builtin.shown_notice
