"""init-group: flags, prompts, a real terminal, and files that pass check."""

from __future__ import annotations

import os
import pty
import select
import signal
import stat
import subprocess
import sys
import time

import pytest

from selvhjelp_cli.groupfile.loader import load_group

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


ANSWERS = "\n".join([
    "Sorggruppa", "", "Rogalnd", "Rogaland", "Haugesund", "x", "f", "Biblioteket", "", "31.2.2027", "4.2.2027",
    "25:00", "18:30", "", "", "", "Kari N.", "kari@example.org", "", "nynorsk",
]) + "\n"


def test_interactive_prompts_reask_and_write(tmp_path):
    target = tmp_path / "sorg.yaml"
    result = invoke("init-group", target, "--today", "2026-12-01", input=ANSWERS)
    assert result.exit_code == 0, result.stdout
    out = result.stdout
    assert "Mente du «Rogaland»" in out
    assert "Svar f (fysisk) eller d (digital)." in out
    assert "Den datoen finnes ikke. Sjekk dag og måned." in out and "Det er torsdag 4. februar 2027." in out
    flat = " ".join(out.replace("│", " ").split())
    assert ("om kontaktpunktet for Haugesund. I 2019 dekket distriktskontoret i Sandnes stedet; "
            "distriktskontorene ble lagt ned i 2023.") in flat
    group = load_group(target).group
    assert group.venue.name == "Biblioteket" and str(group.schedule.start) == "18:30:00"
    assert group.language == "nn" and group.starters[0].name == "Kari N."


def test_interactive_end_of_input_leaves_nothing(tmp_path):
    target = tmp_path / "sorg.yaml"
    result = invoke("init-group", target, input="Sorggruppa\n")
    assert result.exit_code == 2 and "Ingenting er lagret" in result.stderr
    assert list(tmp_path.iterdir()) == []


def _read_until(fd: int, wanted: bytes, timeout: float = 20.0) -> bytes:
    seen = b""
    deadline = time.monotonic() + timeout
    while wanted not in seen and time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.2)
        if ready:
            try:
                chunk = os.read(fd, 4096)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
    return seen


def test_real_program_in_a_pseudo_terminal(tmp_path):
    main, secondary = pty.openpty()
    env = dict(os.environ, COLUMNS="100", NO_COLOR="1")
    process = subprocess.Popen([sys.executable, "-m", "selvhjelp_cli", "init-group", "pty.yaml"], cwd=tmp_path,
                               stdin=secondary, stdout=secondary, stderr=secondary, env=env, close_fds=True)
    os.close(secondary)
    try:
        for prompt, answer in [(b"Gruppas navn", "Ptygruppa"), (b"Tema", ""), (b"Fylke", "Vestland"),
                               (b"Kommune", "Bergen"), (b"(f/d)", "f"), (b"M\xc3\xb8tested", "Biblioteket"),
                               (b"Adresse", ""), (b"Dato for f\xc3\xb8rste", "7.1.2027"), (b"Klokkeslett", ""),
                               (b"Lengde", ""), (b"Pause", ""), (b"uker", ""), (b"Igangsetterens navn", ""),
                               (b"Spr\xc3\xa5k", "")]:
            assert prompt in _read_until(main, prompt), prompt
            os.write(main, answer.encode() + b"\n")
        tail = _read_until(main, b"Neste steg")
        assert b"Neste steg" in tail
        assert process.wait(timeout=20) == 0
    finally:
        if process.poll() is None:
            process.kill()
        os.close(main)
    assert load_group(tmp_path / "pty.yaml").group.venue.name == "Biblioteket"


def test_ctrl_c_in_a_terminal_leaves_nothing(tmp_path):
    main, secondary = pty.openpty()
    process = subprocess.Popen([sys.executable, "-m", "selvhjelp_cli", "init-group", "avbrutt.yaml"], cwd=tmp_path,
                               stdin=secondary, stdout=secondary, stderr=secondary, close_fds=True,
                               env=dict(os.environ, NO_COLOR="1"))
    os.close(secondary)
    try:
        assert b"Gruppas navn" in _read_until(main, b"Gruppas navn")
        os.write(main, b"Gruppe\n")
        assert b"Tema" in _read_until(main, b"Tema")
        process.send_signal(signal.SIGINT)  # what Ctrl+C sends; the pty here is not a controlling terminal
        said = _read_until(main, b"Avbrutt", timeout=5)
        if b"Avbrutt" not in said:
            # The signal can land between Python's check for signals and readline's wait for a key
            # (a window a busy machine widens); a key press wakes it, as it would at a real prompt.
            os.write(main, b"\n")
            said += _read_until(main, b"Avbrutt")
        assert b"Avbrutt" in said
        assert process.wait(timeout=20) == 130
    finally:
        if process.poll() is None:
            process.kill()
        os.close(main)
    assert list(tmp_path.iterdir()) == []


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


def test_the_prompt_asks_again_for_the_municipality_of_a_shared_county(tmp_path):
    answers = "\n".join(["Vikgruppa", "", "Viken", "", "Drammen", "f", "Biblioteket", "", "7.1.2027", "", "", "",
                         "", "", ""]) + "\n"
    result = invoke("init-group", tmp_path / "v.yaml", "--today", "2026-11-23", input=answers)
    assert result.exit_code == 0, result.stderr
    assert "Fylket deles mellom flere kontorer; kommunen avgjør hvilket." in result.stdout
    assert load_group(tmp_path / "v.yaml").group.municipality == "Drammen"


def test_a_typo_offers_the_best_guess_as_the_answer_and_question_mark_lists(tmp_path):
    answers = "\n".join(["Gruppa", "", "?", "Rogalnd", "", "?", "Haugsund", "", "f", "Biblioteket", "", "7.1.2027",
                         "", "", "", "", "", ""]) + "\n"
    result = invoke("init-group", tmp_path / "g.yaml", "--today", "2026-11-23", input=answers)
    assert result.exit_code == 0, result.stderr
    out = " ".join(result.stdout.split())
    assert "Agder, Akershus, Buskerud, Finnmark" in out  # ? at the county
    assert "Mente du «Rogaland» eller «Hordaland»? Trykk Enter for å bruke forslaget." in out
    assert "Fylke [Rogaland]:" in out
    assert "Bjerkreim, Bokn, Eigersund" in out  # ? at the municipality: Rogaland's
    assert "Kommune (valgfritt) [Haugesund]:" in out
    group = load_group(tmp_path / "g.yaml").group
    assert (group.county, group.municipality) == ("Rogaland", "Haugesund")


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


def test_an_answer_that_is_not_utf_8_is_blamed_on_the_answer_and_asked_again(tmp_path):
    target = tmp_path / "sorg.yaml"
    answers = b"Sorggruppa \xe6\xf8\xe5\n" + ANSWERS.encode("utf-8")
    result = invoke("init-group", target, "--today", "2026-12-01", input=answers)
    assert result.exit_code == 0, result.stderr
    assert (
        "Svaret er ikke gyldig UTF-8-tekst. Sjekk at terminalen bruker UTF-8, og skriv svaret på nytt." in result.stdout
    )
    assert "Filen" not in result.stdout + result.stderr.replace("Skrev", "")
    assert load_group(target).group.name == "Sorggruppa"


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
