"""offices/status.py and `selvhjelp status`: a group's state for its contact point, without anyone's name."""

from __future__ import annotations

import json

from .conftest import EXAMPLES, invoke

NAMES = ("Ola N.", "Lise H.", "Mona K.", "Jon E.", "Siv T.", "Arne B.", "Hege R.", "Tor A.", "Kari Nilsen",
         "473 92 870", "Skåregata", "1979", "1983", "låser opp")


def made(tmp_path, example="torsdagsgruppa.yaml", *args) -> tuple[dict, str]:
    group = tmp_path / example
    group.write_bytes((EXAMPLES / example).read_bytes())
    result = invoke("status", group, "--today", "2026-12-02", *args)
    assert result.exit_code == 0, result.stderr
    path = tmp_path / example.replace(".yaml", ".status.json")
    return json.loads(path.read_text(encoding="utf-8")), result.stderr


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


def test_an_existing_status_file_is_kept_unless_forced(tmp_path):
    made(tmp_path)
    again = invoke("status", tmp_path / "torsdagsgruppa.yaml", "--today", "2026-12-09")
    assert again.exit_code == 2 and "--force" in again.stderr
    document, _said = made(tmp_path, "torsdagsgruppa.yaml", "--force")
    assert document["made"] == "2026-12-02"


def test_it_can_go_to_the_screen_or_another_file(tmp_path):
    group = tmp_path / "g.yaml"
    group.write_bytes((EXAMPLES / "torsdagsgruppa.yaml").read_bytes())
    shown = invoke("status", group, "-o", "-", "--today", "2026-12-02")
    assert json.loads(shown.stdout)["group"]["name"] == "Torsdagsgruppa" and list(tmp_path.iterdir()) == [group]
    other = tmp_path / "til-kontoret.json"
    assert invoke("status", group, "-o", other, "--today", "2026-12-02").exit_code == 0
    assert json.loads(other.read_text(encoding="utf-8"))["format"] == "selvhjelp-status"


def test_without_a_group_file_or_with_one_and_the_schema_it_says_what_to_give():
    assert "Oppgi gruppefilen det skal lages status for." in invoke("status").stderr
    both = invoke("status", EXAMPLES / "torsdagsgruppa.yaml", "--schema")
    assert both.exit_code == 2 and "--schema skriver ut skjemaet og tar ingen gruppefil." in both.stderr


def test_an_invalid_group_file_gives_no_status(tmp_path):
    broken = tmp_path / "x.yaml"
    broken.write_text("version: 1\nname: [\n", encoding="utf-8")
    result = invoke("status", broken)
    assert result.exit_code == 2 and not (tmp_path / "x.status.json").exists()
