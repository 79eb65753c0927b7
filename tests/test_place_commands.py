"""cli/place_commands.py: find-district and directory, and the directory they answer from."""

from __future__ import annotations

import json

from .conftest import CONTACT_POINTS, invoke
from .conftest import DIRECTORY_BROKEN as BROKEN


def test_a_missing_directory_named_by_the_environment_is_an_error_not_a_fall_back(monkeypatch, tmp_path):
    missing = tmp_path / "finnes-ikke.yaml"
    monkeypatch.setenv("SELVHJELP_DIRECTORY", str(missing))
    for args in (("find-district", "Bergen"), ("find-district", "--county", "Vestland"), ("check", str(tmp_path))):
        result = invoke(*args)
        assert result.exit_code == 2, args
        assert "finnes-ikke.yaml" in result.stderr and "SELVHJELP_DIRECTORY viser til en fil som ikke finnes" in \
            result.stderr


def test_the_environment_points_every_command_at_the_directory(monkeypatch):
    monkeypatch.setenv("SELVHJELP_DIRECTORY", str(CONTACT_POINTS))
    result = invoke("find-district", "Askøy", "--format", "json")
    assert json.loads(result.stdout)["offices"][0]["id"] == "askoy"


def test_an_invalid_directory_stops_find_district_with_its_line():
    result = invoke("find-district", "Bergen", "--directory", BROKEN / "feil.yaml")
    assert result.exit_code == 2 and "feil.yaml:13:18: Fylket «Hordland» er ukjent." in result.stderr


def test_an_empty_directory_option_says_so():
    from .conftest import invoke

    for args in (["find-district", "Bryne"], ["find-district", "--county", "Rogaland"], ["check"]):
        result = invoke(*args, "--directory", "")
        assert result.exit_code == 2 and "--directory er tomt" in result.stderr, args


def test_a_place_and_an_option_together_are_refused():
    result = invoke("find-district", "Bergen", "--county", "Vestland")
    assert result.exit_code == 2 and "Oppgi ett sted" in result.stderr
