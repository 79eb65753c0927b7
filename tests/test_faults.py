"""Every fault gets one clear answer: a Norwegian message naming the file (and
line), the right exit code, never a traceback and never "feil i programmet".

Faults that need a real process (encodings, signals, closed streams, pipes,
bytes that are not UTF-8) run the installed program in a subprocess.
"""

from __future__ import annotations

import errno
import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from selvhjelp_cli.core import files
from selvhjelp_cli.entry import run
from selvhjelp_cli.rules import checker

from .conftest import BASE, EXAMPLES, invoke

TORSDAG = EXAMPLES / "torsdagsgruppa.yaml"
NO_BUG_TEXT = ("Traceback", "feil i programmet", "stoppet uventet")


def selvhjelp(*args, env: dict | None = None, **kwargs) -> subprocess.CompletedProcess:
    """The program as a user starts it, in a process of its own."""
    environment = {**os.environ, "COLUMNS": "100", **(env or {})}
    return subprocess.run([sys.executable, "-m", "selvhjelp_cli", *args], capture_output=True,
                          env=environment, **kwargs)


def flat(text: str) -> str:
    """Text with Rich's line wrapping undone."""
    return " ".join(text.split())


def assert_clean(stderr: bytes | str) -> None:
    text = stderr.decode("utf-8", "replace") if isinstance(stderr, bytes) else stderr
    assert not any(marker in text for marker in NO_BUG_TEXT), text


# Output that cannot encode a character


@pytest.fixture
def exotic_group(tmp_path: Path) -> Path:
    text = TORSDAG.read_text(encoding="utf-8").replace("name: Torsdagsgruppa", 'name: "Torsdag ŋ 😀 Čáđ"', 1)
    path = tmp_path / "gruppe.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1", "ascii"])
def test_text_report_survives_an_output_that_cannot_encode(exotic_group, encoding):
    done = selvhjelp("check", exotic_group, "--today", "2026-11-23", env={"PYTHONIOENCODING": encoding})
    assert done.returncode == 0
    out = done.stdout.decode(encoding)
    assert "1 fil sjekket" in out and "Torsdag" in out
    assert "\\U0001f600" in out  # the emoji, escaped instead of failing
    assert_clean(done.stderr)


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1"])
def test_json_stays_valid_json_on_such_an_output(exotic_group, encoding):
    done = selvhjelp("check", exotic_group, "--today", "2026-11-23", "--format", "json",
                     env={"PYTHONIOENCODING": encoding})
    document = json.loads(done.stdout.decode(encoding))
    assert document["files"][0]["group"] == "Torsdag ŋ 😀 Čáđ"


@pytest.mark.skipif(sys.platform == "win32", reason="file names are Unicode on Windows")
def test_a_file_name_that_is_not_utf8_is_shown_escaped(tmp_path):
    folder = tmp_path / "grupper"
    folder.mkdir()
    name = os.path.join(os.fsencode(folder), b"gruppe-\xff.yaml")
    with open(name, "wb") as handle:
        handle.write(TORSDAG.read_bytes())
    done = selvhjelp("check", folder, "--today", "2026-11-23", env={"PYTHONIOENCODING": "utf-8:strict"})
    assert done.returncode == 0
    assert "gruppe-\\udcff.yaml" in done.stdout.decode("utf-8")
    assert_clean(done.stderr)
    done = selvhjelp("check", folder, "--format", "json", env={"PYTHONIOENCODING": "utf-8:strict"})
    assert json.loads(done.stdout)["files"][0]["path"].endswith("gruppe-\udcff.yaml")


# Targets that are not regular files


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
@pytest.mark.parametrize("kind", ["device", "fifo", "folder"])
def test_force_never_writes_onto_something_that_is_not_a_regular_file(tmp_path, kind):
    target = {"device": Path(os.devnull), "fifo": tmp_path / "kalender.ics", "folder": tmp_path / "mappe"}[kind]
    if kind == "fifo":
        os.mkfifo(target)
    if kind == "folder":
        target.mkdir()
    result = invoke("calendar", TORSDAG, "--ics", target, "--force", "--today", "2026-11-23")
    assert result.exit_code == 2
    expected = "Dette er en mappe" if kind == "folder" else "Dette er ikke en vanlig fil"
    assert f"Feil: {target}: {expected}" in result.stderr
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".selvhjelp-")]


def test_output_into_a_folder_says_it_is_a_folder(tmp_path):
    result = invoke("print-declaration", "--blank", "1", "--format", "md", "-o", tmp_path)
    assert result.exit_code == 2
    assert "Dette er en mappe. Oppgi et filnavn." in result.stderr
    assert "finnes allerede" not in result.stderr


# Folder scans


def test_an_unreadable_subfolder_is_reported_and_fails(tmp_path, monkeypatch):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "gruppe.yaml").write_text(TORSDAG.read_text(encoding="utf-8"), encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path):
        if os.path.basename(path) == "a":  # tests may run as root, who can read anything
            raise PermissionError(errno.EACCES, "denied")
        return real_scandir(path)

    monkeypatch.setattr(checker.os, "scandir", scandir)
    result = invoke("check", tmp_path, "--today", "2026-11-23")
    assert result.exit_code == 2
    assert "Mappen kan ikke leses" in result.stdout
    assert "Torsdagsgruppa" in result.stdout  # the readable one is still checked


def test_an_unreadable_file_in_a_folder_is_reported(tmp_path, monkeypatch):
    path = tmp_path / "gruppe.yaml"
    path.write_text(TORSDAG.read_text(encoding="utf-8"), encoding="utf-8")
    real_open = open

    def refusing_open(file, *args, **kwargs):
        if str(file) == str(path):
            raise PermissionError(errno.EACCES, "denied")
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr("builtins.open", refusing_open)
    result = invoke("check", tmp_path, "--today", "2026-11-23")
    assert result.exit_code == 2
    assert "Du har ikke lov til å lese filen" in result.stdout


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_named_yaml_is_skipped_with_a_note_not_read(tmp_path):
    os.mkfifo(tmp_path / "rør.yaml")
    (tmp_path / "gruppe.yaml").write_text(TORSDAG.read_text(encoding="utf-8"), encoding="utf-8")
    done = selvhjelp("check", tmp_path, "--today", "2026-11-23", timeout=20)
    out = flat(done.stdout.decode())
    assert "rør.yaml: ikke en vanlig fil." in out
    assert done.returncode == 0
    # Named on its own, it is refused, not read.
    done = selvhjelp("check", tmp_path / "rør.yaml", timeout=20)
    assert done.returncode == 2
    assert "ikke en vanlig fil" in done.stdout.decode()


def test_a_very_deep_folder_tree_ends_with_a_message(tmp_path):
    current = tmp_path
    for _ in range(checker.MAX_FOLDER_DEPTH + 5):
        current = current / "d"
    current.mkdir(parents=True)
    (current / "gruppe.yaml").write_text(TORSDAG.read_text(encoding="utf-8"), encoding="utf-8")
    result = invoke("check", tmp_path, "--today", "2026-11-23")
    assert result.exit_code == 2
    assert f"dypere enn {checker.MAX_FOLDER_DEPTH} nivåer" in result.stdout


def test_a_thousand_levels_do_not_recurse(tmp_path, monkeypatch):
    # Deeper than Python's recursion limit: os.walk in 3.11 would fail here.
    monkeypatch.chdir(tmp_path)
    for _ in range(1100):
        os.mkdir("d")
        os.chdir("d")
    os.chdir(tmp_path)
    try:
        result = invoke("check", "d", "--today", "2026-11-23")
        assert result.exit_code == 2
        assert "dypere enn" in result.stdout
    finally:
        # pytest's own clean-up recurses, so the tree is taken down here.
        depth = 0
        while os.path.isdir("d"):
            os.chdir("d")
            depth += 1
        for _ in range(depth):
            os.chdir("..")
            os.rmdir("d")


@pytest.mark.skipif(sys.platform == "win32", reason="symlinks need privileges on Windows")
def test_a_symlink_loop_ends_with_a_message(tmp_path):
    (tmp_path / "grupper").mkdir()
    (tmp_path / "grupper" / "gruppe.yaml").write_text(TORSDAG.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "grupper" / "tilbake").symlink_to(tmp_path)
    result = invoke("check", tmp_path, "--today", "2026-11-23")
    assert result.exit_code == 0
    assert "tilbake: en snarvei fører tilbake til en mappe som alt er sjekket." in flat(result.stdout)
    assert result.stdout.count("Torsdagsgruppa") == 1


# Signals while writing


_SLOW_WRITE = """
import os, sys, time
from selvhjelp_cli import entry
from selvhjelp_cli.core import files
entry.prepare_process()
real_fsync = os.fsync
def slow_fsync(fd):
    print("writing", flush=True)
    time.sleep(30)
files.os.fsync = slow_fsync
sys.exit(entry.run(sys.argv[1:]))
"""


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
@pytest.mark.parametrize("signame", ["SIGTERM", "SIGHUP"])
def test_a_signal_while_writing_leaves_no_temporary_file_and_the_old_file_intact(tmp_path, signame):
    target = tmp_path / "erklaering.md"
    target.write_text("den gamle filen\n", encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-c", _SLOW_WRITE, "print-declaration", "--blank", "2", "--format", "md",
         "-o", str(target), "--force"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert process.stdout.readline().strip() == "writing"
    assert any(p.name.startswith(".selvhjelp-") for p in tmp_path.iterdir())
    process.send_signal(getattr(signal, signame))
    _, err = process.communicate(timeout=20)
    assert process.returncode == 128 + getattr(signal, signame)
    assert "Avbrutt. Ingenting er lagret." in err
    assert_clean(err)
    assert [p.name for p in tmp_path.iterdir()] == ["erklaering.md"]
    assert target.read_text(encoding="utf-8") == "den gamle filen\n"


# Full disks and closed outputs


def test_a_full_disk_is_named_with_the_file(tmp_path, monkeypatch):
    def full(_fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(files.os, "fsync", full)
    target = tmp_path / "kalender.ics"
    result = invoke("calendar", TORSDAG, "--ics", target, "--today", "2026-11-23")
    assert result.exit_code == 2
    assert f"Feil: {target}: Disken er full, så filen ble ikke skrevet." in result.stderr
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_stdout_on_a_full_device(tmp_path):
    with open("/dev/full", "w") as full:
        done = subprocess.run([sys.executable, "-m", "selvhjelp_cli", "check", str(TORSDAG)],
                              stdout=full, stderr=subprocess.PIPE, text=True)
    assert done.returncode == 2
    assert done.stderr == "Feil: Kunne ikke skrive til skjermen (standard ut). Disken er full.\n"


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file descriptors")
@pytest.mark.parametrize("args", [["check", str(TORSDAG)], ["print-declaration", "--blank", "1", "--format",
                                                             "md", "-o", "-"]])
def test_a_closed_stdout(args):
    done = subprocess.run([sys.executable, "-m", "selvhjelp_cli", *args], stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, text=True, preexec_fn=lambda: os.close(1))
    assert done.returncode == 2
    assert done.stderr == "Feil: Kunne ikke skrive til skjermen (standard ut). Standard ut er lukket.\n"


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX pipes")
@pytest.mark.parametrize("args", [
    ["find-district", "--postcode", "5003", "--format", "json"],
    ["find-district", "--all"],
    ["rules"],
    ["check", str(EXAMPLES), "--format", "json"],
    ["check", str(EXAMPLES)],
    ["schema"],
])
def test_a_closed_pipe_ends_quietly(args):
    for _ in range(4):
        reader = subprocess.Popen(["head", "-c", "1"], stdin=subprocess.PIPE, stdout=subprocess.DEVNULL)
        done = subprocess.run([sys.executable, "-m", "selvhjelp_cli", *args], stdout=reader.stdin,
                              stderr=subprocess.PIPE, text=True)
        reader.stdin.close()
        reader.wait()
        assert done.stderr == ""
        assert done.returncode in (0, 1, 141)


# Dates the program cannot work with


@pytest.mark.parametrize("value", ["9999-12-31", "1899-12-31", "2101-01-01", "31.12.9999"])
def test_dates_outside_1900_to_2100_make_the_file_invalid(write, value):
    text = BASE.replace("first_meeting: 2027-01-07", f"first_meeting: {value}")
    result = invoke("check", write(text), "--format", "json")
    assert result.exit_code == 2
    [finding] = json.loads(result.stdout)["files"][0]["findings"]
    assert finding["line"] == 7 and "mellom 1900 og 2100" in finding["message"]


@pytest.mark.parametrize("first, weeks", [("2100-12-30", 52), ("2100-01-07", 1), ("1900-01-01", 52)])
def test_a_valid_file_always_has_a_calendar(write, first, weeks):
    text = BASE.replace("first_meeting: 2027-01-07", f"first_meeting: {first}") + f"  every_weeks: {weeks}\n"
    path = write(text)
    assert invoke("check", path, "--today", "2100-12-31").exit_code in (0, 1)
    for args in (["--all", "--count", "500"], ["--until", "2100-12-31"], ["--today", "2100-12-31"]):
        result = invoke("calendar", path, *args)
        assert result.exit_code == 0, result.stderr
        result = invoke("calendar", path, *args, "--ics", "-")
        assert result.exit_code == 0 and "BEGIN:VCALENDAR" in result.stdout


def test_today_far_away_is_refused_clearly(write):
    result = invoke("calendar", write(BASE), "--today", "9999-12-31")
    assert result.exit_code == 2
    assert result.stderr == "Feil: --today må være en dato mellom 1900 og 2100.\n"


# Control characters never reach a calendar file


def test_text_reaching_the_ics_file_is_one_line_per_property(write):
    text = BASE.replace("name: Frivilligsentralen", 'name: "Sentralen, rom 2; inngang B"')
    result = invoke("calendar", write(text), "--ics", "-", "--count", "2")
    lines = result.stdout.splitlines()
    assert any(line.startswith("LOCATION:Sentralen\\, rom 2\\; inngang B") for line in lines)
    assert all(line.isprintable() for line in lines)


# Input built to be slow


def test_a_municipality_of_100000_brackets_answers_in_well_under_a_second(monkeypatch):
    import difflib

    from selvhjelp_cli.places import districts, registers

    # The work that would be slow: comparing the text with every name. Longer
    # input than any place name is never compared, nor even folded.
    longest: list[int] = [0]
    real_fold, real_close = registers.fold, difflib.get_close_matches

    def fold(text):
        longest[0] = max(longest[0], len(text))
        return real_fold(text)

    def close(word, *args, **kwargs):
        longest[0] = max(longest[0], len(word))
        return real_close(word, *args, **kwargs)

    monkeypatch.setattr(districts, "fold", fold)
    monkeypatch.setattr(difflib, "get_close_matches", close)
    result = invoke("find-district", "--municipality", "(" * 100_000)
    assert longest[0] <= registers.MAX_PLACE_NAME
    assert result.exit_code == 1
    assert len(result.stdout) < 400  # the input is not echoed in full


@pytest.mark.parametrize("text", ["Herøy, Nordland", "Herøy (Nordland)", "Herøy i Nordland", " Herøy ,Nordland "])
def test_a_qualified_municipality_still_picks_one(text):
    result = invoke("find-district", "--municipality", text, "--format", "json")
    assert [o["id"] for o in json.loads(result.stdout)["offices"]] == ["alta"]


# What we print about files


def test_file_names_in_wrote_messages_are_made_visible(tmp_path):
    target = tmp_path / "erklæring\x1b[31m.md"
    result = invoke("print-declaration", "--blank", "1", "--format", "md", "-o", target)
    assert result.exit_code == 0
    assert "\x1b" not in result.stderr and "erklæring\\x1b[31m.md" in result.stderr


# Arguments that are not UTF-8


@pytest.mark.skipif(sys.platform == "win32", reason="arguments are Unicode on Windows")
def test_arguments_that_are_not_utf8_get_a_clear_message(tmp_path):
    done = subprocess.run([sys.executable.encode(), b"-m", b"selvhjelp_cli", b"init-group", b"--no-input",
                           b"--name", b"Gruppe \xff"], capture_output=True, cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr.decode() == ("Feil: Argument nr. 4 på kommandolinjen er ikke gyldig UTF-8-tekst. "
                                    "Sjekk tegnsettingen i terminalen (den skal være UTF-8).\n")
    assert list(tmp_path.iterdir()) == []


def test_the_last_line_of_defence_names_only_the_kind_of_error(monkeypatch, capsys):
    from selvhjelp_cli import entry

    monkeypatch.setattr(entry, "RAISE_UNEXPECTED", False)

    def broken(argv):
        raise ValueError("Kari Nilsen, født 1984")

    monkeypatch.setattr(entry, "quick", broken)
    assert run(["--version"]) == 2
    err = capsys.readouterr().err
    assert "ValueError" in err and "Kari" not in err


def test_json_goes_out_in_one_write():
    import io

    from selvhjelp_cli.cli.console import write_json

    class Counting(io.StringIO):
        writes = 0

        def write(self, text):
            Counting.writes += 1
            return super().write(text)

    out = Counting()
    write_json({"a": [1, 2, {"b": "ø"}]}, out)
    assert Counting.writes == 1 and json.loads(out.getvalue()) == {"a": [1, 2, {"b": "ø"}]}


def test_output_is_buffered_even_with_pythonunbuffered():
    code = "from selvhjelp_cli import entry; entry.prepare_process(); import sys; print(sys.stdout.write_through)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env={**os.environ, "PYTHONUNBUFFERED": "1"})
    assert done.stdout.strip() == "False"


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX pipes")
def test_a_reader_that_stops_at_the_first_match_gets_the_whole_answer():
    for _ in range(6):
        done = subprocess.run(f"{sys.executable} -m selvhjelp_cli find-district --postcode 5501 --format json | "
                              "grep -q sandnes; echo ${PIPESTATUS[0]}", shell=True, executable="/bin/bash",
                              capture_output=True, text=True, env={**os.environ, "PYTHONUNBUFFERED": "1"})
        assert done.stdout.strip() == "0"
