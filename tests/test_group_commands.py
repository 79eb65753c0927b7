"""`selvhjelp check` end to end: exit codes, text and JSON, folders, privacy."""

from __future__ import annotations

import json
import shutil

import pytest

from .conftest import BASE, EXAMPLES, FIXTURES, invoke, people

TODAY = "2026-12-01"


def check(*args: str):
    return invoke("check", "--today", TODAY, *args)


def test_good_file_exits_0_and_says_so(write):
    result = check(write(BASE + people(6)))
    assert result.exit_code == 0
    assert "Testgruppa" in result.stdout
    assert "1 fil sjekket: 0 feil, 0 advarsler, 6 info." in result.stdout


def test_warning_exits_0_unless_strict(write):
    path = write(BASE + people(3))
    assert check(path).exit_code == 0
    assert check("--strict", path).exit_code == 1


def test_acknowledged_warning_passes_strict(write):
    path = write(BASE + people(3) + "decisions:\n  - rule: group-size\n    date: 2026-11-01\n")
    result = check("--strict", "--format", "json", path)
    assert result.exit_code == 0
    summary = json.loads(result.stdout)["summary"]
    assert summary == {"files": 1, "errors": 0, "warnings": 0, "infos": 3, "acknowledged": 1}


def test_error_exits_1(write):
    assert check(write(BASE + "fee_nok: 20\n" + people(6))).exit_code == 1


def test_invalid_exits_2_and_worst_code_wins(write):
    good = write(BASE + people(6), "a.yaml")
    error = write(BASE + "fee_nok: 20\n" + people(6), "b.yaml")
    broken = FIXTURES / "broken" / "tabs.yaml"
    assert check(good, error).exit_code == 1
    assert check(good, error, broken).exit_code == 2


def test_json_document_shape(write):
    path = write(BASE + people(4))
    result = check("--format", "json", path)
    document = json.loads(result.stdout)
    [entry] = document["files"]
    assert entry["path"] == str(path)
    assert entry["group"] == "Testgruppa" and entry["valid"] is True
    finding = next(f for f in entry["findings"] if f["rule"] == "group-size")
    assert finding == {"rule": "group-size", "severity": "warning", "line": 9,
                       "message": finding["message"], "acknowledged": False}
    assert document["summary"] == {"files": 1, "errors": 0, "warnings": 1, "infos": 4, "acknowledged": 0}


def test_json_for_an_invalid_file():
    result = check("--format", "json", FIXTURES / "broken" / "unknown_county.yaml")
    assert result.exit_code == 2
    entry = json.loads(result.stdout)["files"][0]
    assert entry["valid"] is False and entry["group"] is None
    assert entry["findings"][0]["rule"] == "invalid"
    assert entry["findings"][0]["severity"] == "error" and entry["findings"][0]["line"] == 3
    assert entry["findings"][0]["column"] == 9


def test_missing_file_is_invalid(tmp_path):
    result = check(tmp_path / "finnes-ikke.yaml")
    assert result.exit_code == 2
    assert "Filen finnes ikke" in result.stdout


def test_folder_is_searched_and_other_yaml_skipped(tmp_path, write):
    write(BASE + people(6), "grupper/en.yaml")
    write(BASE.replace("Testgruppa", "Andre") + people(6), "grupper/under/to.yml")
    write("services:\n  web: {}\n", "grupper/docker-compose.yaml")
    write("ikke yaml i det hele tatt: [", "grupper/annet.yaml")
    write(BASE + people(6), "grupper/.skjult/tre.yaml")
    result = check(tmp_path / "grupper")
    assert result.exit_code == 0
    assert "2 filer sjekket" in result.stdout
    assert "Hoppet over" in result.stdout and "docker-compose.yaml" in result.stdout
    assert "tre.yaml" not in result.stdout


def test_broken_group_file_in_a_folder_is_reported(tmp_path, write):
    write(BASE + "schedule: [\n", "grupper/odelagt.yaml")
    assert check(tmp_path / "grupper").exit_code == 2


def test_no_path_means_this_folder(tmp_path, write, monkeypatch):
    write(BASE + people(6))
    monkeypatch.chdir(tmp_path)
    result = check()
    assert result.exit_code == 0 and "1 fil sjekket" in result.stdout


def test_summary_table_never_names_participants(tmp_path):
    for example in EXAMPLES.glob("*.yaml"):
        shutil.copy(example, tmp_path / example.name)
    result = invoke("check", "--today", "2026-11-23", tmp_path)
    table = result.stdout.split("Oversikt", 1)[1]
    assert "Torsdagsgruppa" in table and "Sandnes" in table and "Alta" in table
    for name in ("Ola N.", "Lise H.", "Anne M.", "Trine L.", "Kari Nilsen", "Ingrid Eira"):
        assert name not in table


def test_examples_give_the_documented_results():
    result = invoke("check", "--today", "2026-11-23", "--format", "json", EXAMPLES)
    files = {f["group"]: f for f in json.loads(result.stdout)["files"]}
    assert set(files) == {"Torsdagsgruppa", "Nettgruppa nord", "Onsdagsgruppa"}
    rules_hit = {f["rule"] for f in files["Onsdagsgruppa"]["findings"]}
    assert {"adult", "leaderless", "free-of-charge", "confidentiality", "closed-group"} <= rules_hit
    assert all(f["acknowledged"] for f in files["Torsdagsgruppa"]["findings"])
    assert result.exit_code == 1


def test_names_are_printed_literally_and_harmlessly(write):
    text = BASE + people(5) + '  - name: "Kari [/] [bold]x[31mrød"\n    born: 1985\n    role: leder\n'
    result = check(write(text))
    assert "Kari [/] [bold]x[31mrød" in result.stdout
    document = json.loads(check("--format", "json", write(text)).stdout)
    messages = [f["message"] for f in document["files"][0]["findings"]]
    assert any("Kari [/] [bold]x[31mrød" in m for m in messages)


@pytest.mark.parametrize("field, value", [
    ("name", "Kari\\u001b[31m"), ("name", "Kari\\nNilsen"), ("name", "Kari\\rX"),
    ("name", "Kari\\u202eX"), ("role", "a\\u0007b"),
])
def test_control_characters_in_a_one_line_field_make_the_file_invalid(write, field, value):
    text = BASE + people(5) + f'  - name: Kari\n    born: 1985\n    {field}: "{value}"\n'
    if field == "name":
        text = BASE + people(5) + f'  - name: "{value}"\n    born: 1985\n'
    result = check("--format", "json", write(text))
    assert result.exit_code == 2
    [finding] = json.loads(result.stdout)["files"][0]["findings"]
    assert finding["line"] == 20 + (field != "name") * 2
    assert "linjeskift eller et annet kontrolltegn" in finding["message"]
    assert "\x1b" not in result.stdout and "Kari" not in finding["message"]


def test_bad_today_is_a_usage_error(write):
    result = invoke("check", "--today", "i morgen", write(BASE))
    assert result.exit_code == 2
    assert "ÅÅÅÅ-MM-DD" in result.stderr and "i morgen" not in result.stderr


@pytest.mark.parametrize("name", sorted(p.name for p in (FIXTURES / "broken").iterdir()))
def test_every_broken_file_gives_exit_2_without_traceback(name):
    result = check(FIXTURES / "broken" / name)
    assert result.exit_code == 2
    assert "Traceback" not in result.stdout + result.stderr
    assert f"{name}" in result.stdout


def test_a_folder_without_group_files_says_where_it_looked(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = invoke("check")
    assert result.exit_code == 0 and f"Fant ingen gruppefiler i {tmp_path}" in result.stderr
    assert "selvhjelp init-group" in result.stderr
    named = invoke("check", tmp_path)
    assert named.exit_code == 2 and "Fant ingen gruppefiler" in named.stderr


def test_a_name_typed_without_yaml_is_suggested(tmp_path, monkeypatch):
    import shutil

    shutil.copy(EXAMPLES / "torsdagsgruppa.yaml", tmp_path / "torsdag.yaml")
    monkeypatch.chdir(tmp_path)
    result = invoke("check", "torsdag")
    assert result.exit_code == 2 and "Filen finnes ikke. Mente du «torsdag.yaml»?" in result.stdout
