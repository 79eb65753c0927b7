"""cli/find_answer.py: the answer to find-district, in text for people and JSON for scripts."""

from __future__ import annotations

import json

from .conftest import CONTACT_POINTS, invoke
from .conftest import find_district_json as find


def test_cli_json_for_a_county():
    code, document = find("--county", "Rogaland")
    assert code == 0
    assert document == {
        "query": {"county": "Rogaland"},
        "matched": "Rogaland",
        "offices": [{"id": "sandnes", "office": "Sandnes", "phone": "981 02 067",
                     "covers": ["Rogaland", "Aust-Agder", "Vest-Agder"], "closed": True}],
        "notes": [],
        "suggestions": [],
        "head_office": {"name": "Selvhjelp Norge", "phone": "23 33 19 00", "email": "post@selvhjelp.no",
                        "web": "selvhjelp.no"},
        "directory": {"as_of": "2019-07-01", "source": document["directory"]["source"],
                      "notice": document["directory"]["notice"]},
    }
    assert "brosjyre" in document["directory"]["source"]
    assert "2023" in document["directory"]["notice"] and "post@selvhjelp.no" in document["directory"]["notice"]


def test_cli_no_match_exits_1_with_suggestions():
    code, document = find("--county", "Rogalnd")
    assert code == 1
    assert document["matched"] is None and document["offices"] == []
    assert document["suggestions"][0] == "Rogaland"
    text = invoke("find-district", "--county", "Rogalnd")
    assert text.exit_code == 1 and "Mente du «Rogaland»" in text.stdout


def test_cli_bad_postcode_exits_2():
    result = invoke("find-district", "--postcode", "12")
    assert result.exit_code == 2 and "fire sifre" in result.stderr


def test_cli_needs_exactly_one_question():
    assert invoke("find-district").exit_code == 2
    assert invoke("find-district", "--county", "Oslo", "--postcode", "0364").exit_code == 2


def test_cli_all():
    code, document = find("--all")
    assert code == 0
    assert [o["office"] for o in document["offices"]] == ["Oslo", "Brumunddal", "Trondheim", "Alta", "Sandnes",
                                                           "Tønsberg", "Bergen"]
    assert document["head_office"]["phone"] == "23 33 19 00"
    table = invoke("find-district", "--all")
    assert "467 78 204" in table.stdout and "legges ned" in table.stdout and "post@selvhjelp.no" in table.stdout


def test_cli_text_panel():
    result = invoke("find-district", "--postcode", "5501")
    assert result.exit_code == 0
    out = " ".join(result.stdout.replace("│", " ").split())
    assert out.index("Spør frivilligsentralen i kommunen") < out.index("I 2019 dekket distriktskontoret i Sandnes")
    assert "981 02 067" not in out  # a closed office's number is never offered to call


def test_find_district_json_names_its_directory():
    result = invoke("find-district", "Bergen", "--directory", CONTACT_POINTS, "--format", "json")
    document = json.loads(result.stdout)
    assert result.exit_code == 0
    assert document["directory"] == {"as_of": "2026-11-01", "source": "Oversikt fra kontaktpunktene (testdata)",
                                     "notice": ""}
    assert document["offices"] == [{"id": "link-bergen", "office": "LINK Bergen og omegn", "phone": "55 00 00 00",
                                    "covers": ["Hordaland"], "email": "post@link-bergen.example",
                                    "web": "link-bergen.example", "address": "Eksempelgata 1, 5003 Bergen",
                                    "kind": "senter for selvhjelp"}]
    assert document["head_office"] == {"name": "Selvhjelp Norge", "email": "post@selvhjelp.no", "web": "selvhjelp.no"}


def test_every_built_in_answer_shows_the_date_and_that_the_offices_closed():
    for args in (("Bergen",), ("--county", "Rogaland"), ("--postcode", "5501"), ("--all",)):
        out = " ".join(invoke("find-district", *args).stdout.replace("│", " ").split())
        assert "Listen er fra 1. juli 2019" in out, args
        assert "post@selvhjelp.no, selvhjelp.no" in out, args
        if args == ("--all",):
            assert "Selvhjelp Norge meldte i 2023 at alle distriktskontorene skulle legges ned" in out
        else:
            assert "distriktskontorene ble lagt ned i 2023" in out, args


def test_nothing_found_exits_1_with_suggestions():
    result = invoke("find-district", "Bryen", "--format", "json")
    document = json.loads(result.stdout)
    assert result.exit_code == 1 and document["matched"] is None and document["offices"] == []
    assert "Bryne" in document["suggestions"]
    assert "Mente du «Bryne»" in invoke("find-district", "Bryen").stdout
