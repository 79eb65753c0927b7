"""`check` for offices: overview fields, CSV, concise lines, --office, the table at 80 columns, --strict."""

from __future__ import annotations

import csv
import io
import json
import shutil

from .conftest import EXAMPLES, FIXTURES, invoke
from .conftest import overview_folder as groups

CONTACT_POINTS = FIXTURES / "directory" / "kontaktpunkter.yaml"
TODAY = ("--today", "2026-11-23")




def test_office_keeps_only_that_office_s_groups(tmp_path):
    folder = groups(tmp_path)
    result = invoke("check", folder, "--office", "sandnes", "--format", "json", *TODAY)
    assert [f["group"] for f in json.loads(result.stdout)["files"]] == ["Torsdagsgruppa"]
    assert result.exit_code == 0
    result = invoke("check", folder, "--office", "link-bergen", "--directory", CONTACT_POINTS, "--format", "csv",
                    *TODAY)
    assert sorted(r["group"] for r in csv.DictReader(io.StringIO(result.stdout.lstrip("\ufeff")))) == [
        "Den gamle gruppa", "Onsdagsgruppa"]


def test_an_unknown_office_is_refused_with_suggestions(tmp_path):
    result = invoke("check", groups(tmp_path), "--office", "sandnes-frivilligsentra", "--directory", CONTACT_POINTS)
    assert result.exit_code == 2
    assert "Det finnes ikke noe kontor med id-en «sandnes-frivilligsentra» i katalogen. Mente du " \
           "«sandnes-frivilligsentral»?" in result.stderr


def test_strict_says_why_it_failed(tmp_path):
    path = tmp_path / "gruppe.yaml"
    path.write_text((EXAMPLES / "torsdagsgruppa.yaml").read_text(encoding="utf-8").replace(
        "duration_minutes: 120", "duration_minutes: 150"), encoding="utf-8")
    plain = invoke("check", path, *TODAY)
    strict = invoke("check", path, "--strict", *TODAY)
    assert plain.exit_code == 0 and strict.exit_code == 1
    assert ("Avslutter med kode 1 fordi du brukte --strict, og det er én advarsel som gruppa ikke har bestemt "
            "noe om. Rett den,") in strict.stderr
    assert "--strict" not in plain.stderr


def test_office_ids_match_in_any_case(tmp_path):
    folder = groups(tmp_path)
    for typed in ("Sandnes", "SANDNES"):
        result = invoke("check", folder, "--office", typed, "--format", "json", *TODAY)
        assert [f["group"] for f in json.loads(result.stdout)["files"]] == ["Torsdagsgruppa"], typed


def test_the_overview_marks_an_office_of_2019_that_has_closed(tmp_path):
    shutil.copy(EXAMPLES / "torsdagsgruppa.yaml", tmp_path / "t.yaml")
    shutil.copy(EXAMPLES / "nettgruppa-nord.yaml", tmp_path / "n.yaml")
    builtin = invoke("check", tmp_path, *TODAY).stdout
    assert "Sandnes*" in builtin and "* Distriktskontoret fra 2019; distriktskontorene ble lagt ned i 2023." in builtin
    current = invoke("check", tmp_path, "--directory", CONTACT_POINTS, *TODAY).stdout
    assert "Distriktskontoret fra 2019" not in current and "Sandnes frivilligsent" in current




