"""documents/document.py: what every document shares – its language, times, rhythm, file name, and text that
must stay on one line."""

from __future__ import annotations

from datetime import datetime

import pytest

from selvhjelp_cli.core.i18n import in_language
from selvhjelp_cli.documents import document
from selvhjelp_cli.groupfile.loader import load_group

from .conftest import BASE, EXAMPLES, people


@pytest.mark.parametrize("text, kept", [
    ("kl. 18.00–20.00", "kl.\u00a018.00–\u206020.00"),
    ("18:00–20:00", "18:00–\u206020:00"),
    ("ring 473 92 870", "ring 473\u00a092\u00a0870"),
    ("ring +47 473 92 870", "ring +47\u00a0473\u00a092\u00a0870"),
    ("5528 Haugesund", "5528\u00a0Haugesund"),
    ("7. januar 2027", "7.\u00a0januar\u00a02027"),
    ("7 January 2027", "7\u00a0January\u00a02027"),
    ("Gata 123 B", "Gata 123\u00a0B"),
    ("anne-marie@frivillig.no", "anne\u2011marie@frivillig.no"),
    ("Anne-Marie", "Anne-Marie"),  # a name keeps its own hyphen, and may break there
])
def test_what_must_be_read_whole_is_never_broken_over_a_line(text, kept):
    assert document.unbreakable(text) == kept


def test_times_and_rhythms_as_each_language_writes_them(write):
    start, end = datetime(2027, 1, 7, 18), datetime(2027, 1, 7, 20)
    assert document.time_span(start, end, "nb") == "kl. 18.00–20.00"
    assert document.time_span(start, end, "en") == "18:00–20:00"
    weekly = load_group(write(BASE + people(1))).group
    every_third = load_group(write(BASE.replace("  start: 18:00\n", "  start: 18:00\n  every_weeks: 3\n")
                                   + people(1), "tre.yaml")).group
    assert document.rhythm(weekly, document.texts("nb"), "nb") == "hver torsdag"
    assert document.rhythm(every_third, document.texts("nb"), "nb") == "hver tredje torsdag"
    assert document.rhythm(every_third, document.texts("en"), "en") == "every third week, on Thursdays"


def test_a_document_s_language_is_chosen_then_the_file_s_then_the_program_s(write):
    told = load_group(write(BASE + "language: nn\n" + people(1))).group
    silent = load_group(write(BASE + people(1), "stille.yaml")).group
    assert document.language_for(told, "en") == "en" and document.language_for(told) == "nn"
    with in_language("en"):
        assert document.language_for(silent) == "en" and document.language_for(None) == "en"


def test_a_file_name_says_what_it_is_in_its_language_and_whose():
    group = load_group(EXAMPLES / "torsdagsgruppa.yaml").group
    assert document.stem("declaration", group, "nb") == "taushetserklaering-torsdagsgruppa"
    assert document.stem("poster", group, "en") == "poster-torsdagsgruppa"
    assert document.stem("declaration", None, "nb") == "taushetserklaering"


def test_the_closed_offices_of_2019_are_never_named_on_paper(monkeypatch):
    group = load_group(EXAMPLES / "torsdagsgruppa.yaml").group
    assert document.offices_named(group) == [] and document.offices_named(None) == []
    from .conftest import FIXTURES

    monkeypatch.setenv("SELVHJELP_DIRECTORY", str(FIXTURES / "directory" / "kontaktpunkter.yaml"))
    assert [o.office for o in document.offices_named(group)] == ["Sandnes frivilligsentral"]
