"""editing/new.py and `selvhjelp init-group`: a new group file from flags or answers, that passes check,
never over another."""

from __future__ import annotations

import stat

import pytest

from selvhjelp_cli.groupfile.loader import load_group

from .conftest import INTERVIEW_ANSWERS as ANSWERS
from .conftest import invoke

FLAGS = ["--no-input", "--name", "Torsdagsgruppa Ås", "--county", "Rogaland", "--municipality", "Haugesund",
         "--venue", "Haugesund frivilligsentral", "--first-meeting", "7.1.2027", "--today", "2026-12-01"]


def test_flags_end_to_end(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = invoke("init-group", *FLAGS, "--starter", "Kari Nilsen", "--starter-contact", "473 92 870",
                    "--address", "Skåregata 1", "--language", "nn")
    assert result.exit_code == 0, result.stderr
    path = tmp_path / "torsdagsgruppa-aas.yaml"
    assert "Lagret torsdagsgruppa-aas.yaml" in result.stdout and "Sandnes" in result.stdout
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    group = load_group(path).group
    assert group.name == "Torsdagsgruppa Ås" and group.language == "nn"
    assert group.starters[0].contact == "473 92 870" and group.starters[0].meetings == 3
    assert str(group.schedule.first_meeting) == "2027-01-07" and str(group.schedule.start) == "18:00:00"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=")
    assert "#  - name: \"Ola N.\"" in text  # the commented example participant


def test_written_file_passes_check_with_only_group_size(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert invoke("init-group", *FLAGS).exit_code == 0
    result = invoke("check", "--format", "json", "--today", "2026-12-01", "torsdagsgruppa-aas.yaml")
    assert result.exit_code == 0
    import json

    findings = json.loads(result.stdout)["files"][0]["findings"]
    assert [f["rule"] for f in findings] == ["group-size"]


def test_digital_group_by_flags(tmp_path):
    target = tmp_path / "nett.yaml"
    result = invoke("init-group", target, "--no-input", "--name", "Nett", "--county", "Finnmark", "--digital",
                    "--platform", "Whereby", "--first-meeting", "2027-01-12", "--start", "19.00")
    assert result.exit_code == 0
    group = load_group(target).group
    assert group.mode == "digital" and group.online.platform == "Whereby" and str(group.schedule.start) == "19:00:00"


@pytest.mark.parametrize("missing", ["--name", "--county", "--venue", "--first-meeting"])
def test_no_input_names_the_missing_flag(tmp_path, missing):
    args = list(FLAGS)
    gone = [missing, "--municipality"] if missing == "--county" else [missing]  # the municipality names its county
    for flag in gone:
        index = args.index(flag)
        del args[index:index + 2]
    result = invoke("init-group", tmp_path / "g.yaml", *args)
    assert result.exit_code == 2
    assert f"Mangler {missing}" in result.stderr
    assert not (tmp_path / "g.yaml").exists()


def test_the_county_follows_from_the_municipality(tmp_path):
    args = list(FLAGS)
    index = args.index("--county")
    del args[index:index + 2]
    assert invoke("init-group", tmp_path / "g.yaml", *args).exit_code == 0
    assert load_group(tmp_path / "g.yaml").group.county == "Rogaland"


@pytest.mark.parametrize("flag, value, reason", [("--county", "Atlantis", "Fant ikke det fylket"),
                                                 ("--first-meeting", "31.2.2027", "Den datoen finnes ikke"),
                                                 ("--first-meeting", "snart", "7. januar 2027"),
                                                 ("--start", "kveld", "18.00 eller 18:00"),
                                                 ("--duration", "-5", "helt tall"),
                                                 ("--language", "sv", "nynorsk")])
def test_bad_flag_values(tmp_path, flag, value, reason):
    args = list(FLAGS)
    if flag in args:
        args[args.index(flag) + 1] = value
    else:
        args += [flag, value]
    result = invoke("init-group", tmp_path / "g.yaml", *args)
    assert result.exit_code == 2 and reason in result.stderr and flag in result.stderr


def test_venue_and_digital_exclude_each_other(tmp_path):
    result = invoke("init-group", tmp_path / "g.yaml", *FLAGS, "--digital", "--platform", "Teams")
    assert result.exit_code == 2


def test_never_overwrites_without_force(tmp_path):
    target = tmp_path / "g.yaml"
    target.write_text("mitt eget\n")
    result = invoke("init-group", target, *FLAGS)
    assert result.exit_code == 2 and "--force" in result.stderr
    assert target.read_text() == "mitt eget\n"
    assert invoke("init-group", target, *FLAGS, "--force").exit_code == 0
    assert "Torsdagsgruppa" in target.read_text(encoding="utf-8")


def test_default_name_never_takes_an_existing_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "torsdagsgruppa-aas.yaml").write_text("annen gruppe\n")
    assert invoke("init-group", *FLAGS).exit_code == 0
    assert (tmp_path / "torsdagsgruppa-aas.yaml").read_text() == "annen gruppe\n"
    assert (tmp_path / "torsdagsgruppa-aas-2.yaml").exists()






@pytest.mark.parametrize("today, passed", [("2027-02-05", True), ("2027-02-04", False), ("2026-12-01", False)])
def test_the_date_has_passed_is_judged_by_today_option(tmp_path, today, passed):
    result = invoke("init-group", tmp_path / "sorg.yaml", "--today", today, input=ANSWERS)
    assert result.exit_code == 0
    assert ("Datoen har passert." in result.stdout) is passed


@pytest.mark.parametrize("typed, expected", [
    ("7.1.2027", "2027-01-07"), ("7.1.27", "2027-01-07"), ("7.1", "2027-01-07"), ("7. januar 2027", "2027-01-07"),
    ("7 jan", "2027-01-07"), ("i morgen", "2026-11-24"), ("neste torsdag", "2026-11-26"), ("torsdag", "2026-11-26"),
])
def test_dates_as_people_type_them(tmp_path, typed, expected):
    path = tmp_path / "g.yaml"
    args = [a for a in FLAGS if a not in ("--today", "2026-12-01")]
    args[args.index("--first-meeting") + 1] = typed
    assert invoke("init-group", path, *args, "--today", "2026-11-23").exit_code == 0
    assert str(load_group(path).group.schedule.first_meeting) == expected


@pytest.mark.parametrize("typed, expected", [("18", "18:00:00"), ("kl 18", "18:00:00"), ("kl. 18.30", "18:30:00"),
                                             ("18.00", "18:00:00"), ("9:05", "09:05:00")])
def test_times_as_people_type_them(tmp_path, typed, expected):
    path = tmp_path / "g.yaml"
    assert invoke("init-group", path, *FLAGS, "--start", typed).exit_code == 0
    assert str(load_group(path).group.schedule.start) == expected


def test_a_group_file_still_needs_a_whole_date(write):
    from selvhjelp_cli.core.errors import InvalidFile

    path = write("version: 1\nname: X\ncounty: Rogaland\nvenue:\n  name: Y\nschedule:\n  first_meeting: 7.1\n"
                 "  start: 18:00\n")
    with pytest.raises(InvalidFile, match="gyldig dato"):
        load_group(path)


def test_a_county_two_offices_share_needs_the_municipality(tmp_path):
    args = ["--no-input", "--name", "V", "--venue", "Y", "--first-meeting", "7.1.2027", "--today", "2026-11-23"]
    for county in ("Viken", "Akershus", "Møre og Romsdal"):
        result = invoke("init-group", tmp_path / "v.yaml", "--county", county, *args)
        assert result.exit_code == 2 and "Mangler --municipality. Fylket deles mellom flere kontorer" in result.stderr
    assert invoke("init-group", tmp_path / "v.yaml", "--county", "Viken", "--municipality", "Drammen", *args
                  ).exit_code == 0
    assert invoke("init-group", tmp_path / "r.yaml", "--county", "Rogaland", *args).exit_code == 0


def test_municipality_guesses_prefer_the_county_already_given():
    from selvhjelp_cli.places import districts

    assert districts.suggest_municipality("Nesa", county="Akershus")[0] == "Nes"
    assert districts.suggest_municipality("Nesa", county="Nordland")[0] == "Nesna"


@pytest.mark.parametrize("typed", ["18.00", "18:00", "18"])
def test_the_start_is_written_in_one_format_whatever_was_typed(tmp_path, typed):
    path = tmp_path / "g.yaml"
    result = invoke("init-group", path, *FLAGS, "--start", typed)
    assert result.exit_code == 0, result.stderr
    assert '  start: "18:00"\n' in path.read_text(encoding="utf-8")


@pytest.mark.parametrize("args, env, language, says", [
    (["--language", "en"], None, "en", "# The participants. A first name and an initial are enough."),
    (["--language", "nn"], None, "nn", "# Deltakarane. Førenamn og initial er nok."),
    ([], "nn", "nn", "# Deltakarane. Førenamn og initial er nok."),  # the program's language, when not told
    ([], None, "nb", "# Deltakerne. Fornavn og initial er nok."),
])
def test_the_group_file_speaks_the_language_it_is_written_in(tmp_path, monkeypatch, args, env, language, says):
    if env:
        monkeypatch.setenv("SELVHJELP_LANG", env)
    target = tmp_path / "g.yaml"
    result = invoke("init-group", target, "--name", "Testgruppa", "--county", "Rogaland", "--venue", "Biblioteket",
                    "--first-meeting", "2027-01-07", "--no-input", "--today", "2026-12-02", *args)
    assert result.exit_code == 0, result.stderr
    text = target.read_text(encoding="utf-8")
    assert says in text and f"language: {language}\n" in text
    assert load_group(target).group.language == language
    comments = " ".join(line for line in text.splitlines() if line.startswith("#"))
    if language != "nb":
        for bokmål in ("Deltakerne", "Gruppas navn", "Hvor ofte"):
            assert bokmål not in comments
