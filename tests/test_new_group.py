"""A new group from the app (app/new_group.py): two steps that ask only what applies, and the same file
init-group writes."""

from __future__ import annotations

import os
import re
import stat

import pytest

from .conftest import NEW_GROUP, NEW_GROUP_FLAGS, TODAY, invoke, post

FIRST = {"name": "Torsdagsgruppa Ås", "municipality": "Haugesund", "county": "Rogaland", "digital": ""}


def _hidden(page: str) -> dict[str, str]:
    return {k: v for k, v in re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', page) if k != "csrf"}


def test_the_first_step_asks_who_and_where_and_the_second_only_what_applies(app):
    client, guard = app
    first = client.get("/new").text
    assert 'name="venue"' not in first and 'name="platform"' not in first and 'name="name"' in first
    physical = post(client, guard, "/new", {**FIRST, "step": "1"})
    assert physical.status_code == 200
    assert 'name="venue"' in physical.text and 'name="platform"' not in physical.text
    assert 'name="first-meeting"' in physical.text and 'type="date"' in physical.text
    digital = post(client, guard, "/new", {**FIRST, "digital": "ja", "step": "1"})
    assert 'name="platform"' in digital.text and 'name="venue"' not in digital.text


def test_the_county_follows_from_the_municipality(app, folder):
    client, guard = app
    step2 = post(client, guard, "/new", {**FIRST, "county": "", "step": "1"})
    assert step2.status_code == 200 and "Dette feltet må fylles ut" not in step2.text
    answer = post(client, guard, "/new", {**_hidden(step2.text), "venue": "Biblioteket", "first-meeting": "2027-01-14",
                                          "start": "18:00"})
    assert answer.status_code == 303
    assert 'county: "Rogaland"' in (folder / "torsdagsgruppa-aas.yaml").read_text(encoding="utf-8")


def test_a_new_group_from_the_app_is_the_file_init_group_writes(app, folder, tmp_path, monkeypatch):
    client, guard = app
    step2 = post(client, guard, "/new", {**FIRST, "step": "1"})
    answer = post(
        client, guard, "/new", {**_hidden(step2.text), **{k: v for k, v in NEW_GROUP.items() if k not in FIRST}}
    )
    assert answer.status_code == 303 and answer.headers["location"].startswith(
        "/g/torsdagsgruppa-aas/participants?done="
    )
    made = folder / "torsdagsgruppa-aas.yaml"
    assert stat.S_IMODE(made.stat().st_mode) == 0o600
    cli_folder = tmp_path / "cli"
    cli_folder.mkdir()
    monkeypatch.chdir(cli_folder)
    result = invoke("init-group", *NEW_GROUP_FLAGS, "--today", TODAY.isoformat())
    assert result.exit_code == 0, result.stderr
    assert made.read_bytes() == (cli_folder / "torsdagsgruppa-aas.yaml").read_bytes()
    assert "Gruppefilen er laget" in client.get(answer.headers["location"]).text


def test_mistakes_are_said_at_each_field_and_what_was_typed_is_kept(app, folder):
    client, guard = app
    first = post(client, guard, "/new", {**FIRST, "county": "Rogalan", "municipality": "", "step": "1"})
    assert first.status_code == 400 and 'id="f-county-error"' in first.text and "Rogaland" in first.text
    assert 'value="Rogalan"' in first.text
    step2 = post(client, guard, "/new", {**FIRST, "step": "1"})
    second = post(client, guard, "/new", {**_hidden(step2.text), "venue": "Haugesund frivilligsentral",
                                          "first-meeting": "31.2.2027", "duration": "9999"})
    assert second.status_code == 400
    assert 'id="f-first-meeting-error"' in second.text and "finnes ikke" in second.text
    assert 'id="f-duration-error"' in second.text and 'value="Haugesund frivilligsentral"' in second.text
    assert sorted(os.listdir(folder)) == ["nettgruppa-nord.yaml", "onsdagsgruppa-med-problemer.yaml",
                                          "torsdagsgruppa.yaml"]


@pytest.mark.parametrize(("name", "file"), [("CON", "con-gruppe.yaml"), ("nul", "nul-gruppe.yaml"),
                                             ("COM1", "com1-gruppe.yaml"), ("lpt9", "lpt9-gruppe.yaml"),
                                             ("Con.txt", "con-txt.yaml")])
def test_a_group_is_never_given_a_file_name_windows_keeps_for_devices(app, folder, name, file):
    client, guard = app
    step2 = post(client, guard, "/new", {**FIRST, "name": name, "step": "1"})
    answer = post(client, guard, "/new", {**_hidden(step2.text), "venue": "Biblioteket", "first-meeting": "2027-01-14"})
    assert answer.status_code == 303 and (folder / file).exists()


def test_init_group_shares_the_naming(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = invoke("init-group", "--no-input", "--name", "AUX", "--municipality", "Haugesund", "--venue", "Bibliotek",
                    "--first-meeting", "14.1.2027")
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "aux-gruppe.yaml").exists()
