"""offices/status.py and `selvhjelp status`: a group's state for its contact point, without anyone's name."""

from __future__ import annotations

from .conftest import invoke
from .conftest import made_status as made

NAMES = ("Ola N.", "Lise H.", "Mona K.", "Jon E.", "Siv T.", "Arne B.", "Hege R.", "Tor A.", "Kari Nilsen",
         "473 92 870", "Skåregata", "1979", "1983", "låser opp")




def test_the_status_file_lies_beside_the_group_file_and_says_how_the_group_is(tmp_path):
    document, said = made(tmp_path)
    assert "Skrev " in said and "torsdagsgruppa.status.json. Den har ingen navn, og kan gis til kontaktpunktet." in said
    assert document == {
        "format": "selvhjelp-status", "version": 1, "made": "2026-12-02",
        "group": {"name": "Torsdagsgruppa", "county": "Rogaland", "municipality": "Haugesund", "mode": "physical",
                  "first_meeting": "2026-09-03", "every_weeks": 1, "status": "running", "ended": None,
                  "next_meeting": "2026-12-03"},
        "counts": {"active": 7, "signed": 7, "left": 1},
        "findings": [{"rule": "closed-group", "severity": "warning", "count": 1, "acknowledged": True}],
    }


def test_no_name_contact_birth_year_role_or_address_is_ever_in_it(tmp_path):
    for example in ("torsdagsgruppa.yaml", "onsdagsgruppa-med-problemer.yaml", "nettgruppa-nord.yaml"):
        made(tmp_path, example)
        text = (tmp_path / example.replace(".yaml", ".status.json")).read_text(encoding="utf-8")
        for private in (*NAMES, "whereby", "http", "Trine", "Kim S.", "Gunnar"):
            assert private not in text, (example, private)


def test_findings_are_counted_by_rule(tmp_path):
    document, _said = made(tmp_path, "onsdagsgruppa-med-problemer.yaml")
    counted = {(f["rule"], f["severity"]): f["count"] for f in document["findings"]}
    assert counted[("free-of-charge", "error")] == 1 and counted[("adult", "error")] == 1
    assert document["counts"]["active"] == 3


def test_an_invalid_group_file_gives_no_status(tmp_path):
    broken = tmp_path / "x.yaml"
    broken.write_text("version: 1\nname: [\n", encoding="utf-8")
    result = invoke("status", broken)
    assert result.exit_code == 2 and not (tmp_path / "x.status.json").exists()
