"""Shared test helpers: a pinned terminal, the CLI runner and group files."""

from __future__ import annotations

import json
import os
import re
import select
import shutil
import sys
import textwrap
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from selvhjelp_cli import entry
from selvhjelp_cli.core import i18n
from selvhjelp_cli.entry import run

FIXTURES = Path(__file__).parent / "fixtures"
EXAMPLES = Path(__file__).parent.parent / "examples"


@pytest.fixture(autouse=True)
def _pinned_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    # Rich reads these when a console is made: stable width, no colour.
    monkeypatch.setenv("COLUMNS", "120")
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("TERM", "dumb")


@pytest.fixture(autouse=True)
def _bokmal(monkeypatch: pytest.MonkeyPatch):
    # The developer's locale must not change what the tests read; tests of
    # other languages set SELVHJELP_LANG themselves.
    for name in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("SELVHJELP_LANG", "nb")
    # run() sets the language for the process; a test that calls the library
    # directly must not inherit the language of the test before it.
    token = i18n._current.set(None)
    yield
    i18n._current.reset(token)


@pytest.fixture(autouse=True)
def _builtin_directory(monkeypatch: pytest.MonkeyPatch) -> None:
    # A directory named in the developer's own environment must not change answers.
    monkeypatch.delenv("SELVHJELP_DIRECTORY", raising=False)


@pytest.fixture(autouse=True)
def _bugs_fail_tests(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(entry, "RAISE_UNEXPECTED", True)


@dataclass
class Result:
    exit_code: int
    stdout: str
    stderr: str
    output: str  # stdout and stderr as they were written, interleaved


def invoke(*args: str, input: str | None = None) -> Result:
    """Run the CLI in-process through run(), the path users take."""
    with CliRunner().isolation(input=input) as (stdout, stderr, output):
        code = run([str(a) for a in args])
        sys.stdout.flush()
        sys.stderr.flush()
        texts = [stream.getvalue().decode("utf-8", "replace") for stream in (stdout, stderr, output)]
    return Result(code, *texts)


BASE = """\
version: 1
name: Testgruppa
county: Rogaland
venue:
  name: Frivilligsentralen
schedule:
  first_meeting: 2027-01-07
  start: 18:00
"""


@pytest.fixture
def group_file(tmp_path):
    """A fresh group file as init-group writes it: Rundgruppa, first meeting 7.1.2027, no participants."""
    path = tmp_path / "rund.yaml"
    result = invoke("init-group", path, "--no-input", "--name", "Rundgruppa", "--county", "Rogaland", "--venue",
                    "Biblioteket", "--first-meeting", "7.1.2027", "--today", "2026-11-23")
    assert result.exit_code == 0
    return path


def people(n: int, *, born: int = 1985, signed: str | None = None, extra: str = "") -> str:
    """A participants section with n adults."""
    lines = ["participants:"]
    for i in range(n):
        lines.append(f"  - name: Deltaker {i + 1}")
        lines.append(f"    born: {born}")
        if signed:
            lines.append(f"    declaration_signed: {signed}")
        if extra:
            lines.extend("    " + line for line in textwrap.dedent(extra).strip().splitlines())
    return "\n".join(lines) + "\n"


# The rules' tests: a group before its first meeting (7 January 2027) and well after it.
BEFORE_START = date(2026, 12, 1)
AFTER_START = date(2027, 3, 1)


def rule_findings(write, text: str, today: date = BEFORE_START, rule: str | None = None) -> list:
    """The findings of a group file's text (those of one rule, if named), decisions applied."""
    from selvhjelp_cli.groupfile.loader import load_group
    from selvhjelp_cli.rules.checker import run_rules

    return [f for f in run_rules(load_group(write(text)), today) if rule is None or f.rule == rule]


def schedule_group(**values: int) -> str:
    """BASE with some keys of its schedule set, and six participants."""
    return BASE + "".join(f"  {key}: {value}\n" for key, value in values.items()) + people(6)


def example_findings(example) -> list:
    """A rule's own example (rules.Example) as a group file, through the loader and the checker."""
    from selvhjelp_cli.core.source import parse
    from selvhjelp_cli.groupfile.loader import LoadedGroup
    from selvhjelp_cli.groupfile.validation import validate
    from selvhjelp_cli.rules import example_file
    from selvhjelp_cli.rules.checker import run_rules

    data, source = parse(example_file(example.yaml), "eksempel.yaml")
    return run_rules(LoadedGroup("eksempel.yaml", validate(data, source), source), date.fromisoformat(example.today))


@pytest.fixture
def write(tmp_path: Path):
    """Write a YAML text to a file in tmp_path and return its path."""

    def _write(text: str, name: str = "gruppe.yaml") -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
        return path

    return _write


def pytest_collection_modifyitems(items) -> None:
    """Tests that start the program (or another) in a process of its own are
    marked `process`: they run the installed package, so mutation testing,
    which changes the package in place, deselects them (-m "not process")."""
    import inspect

    for item in items:
        function = getattr(item, "function", None)
        if function is None:
            continue
        source = inspect.getsource(function)
        if any(word in source for word in ("subprocess", "pty.", "selvhjelp(", "_SLOW_WRITE")):
            item.add_marker(pytest.mark.process)


@pytest.fixture(autouse=True)
def _no_cache_across_mutants():
    """Under mutation testing, tables cached before a mutant was switched on
    would hide it; there, every test reads the data afresh."""
    import os

    if os.environ.get("MUTANT_UNDER_TEST"):
        from selvhjelp_cli.places import districts

        for value in vars(districts).values():
            if callable(getattr(value, "cache_clear", None)):
                value.cache_clear()


# The app, through Starlette's TestClient: a folder with the three examples, signed in.

PORT = 8123
BASE_URL = f"http://127.0.0.1:{PORT}"
TODAY = date(2027, 1, 20)
NEW_GROUP = {"name": "Torsdagsgruppa Ås", "county": "Rogaland", "municipality": "Haugesund",
             "venue": "Haugesund frivilligsentral", "address": "Skåregata 1", "first-meeting": "7.1.2027",
             "start": "18.00", "starter": "Kari Nilsen", "starter-contact": "473 92 870", "language": "nn"}
NEW_GROUP_FLAGS = ["--no-input", "--name", "Torsdagsgruppa Ås", "--county", "Rogaland", "--municipality",
                   "Haugesund", "--venue", "Haugesund frivilligsentral", "--address", "Skåregata 1",
                   "--first-meeting", "7.1.2027", "--start", "18.00", "--starter", "Kari Nilsen",
                   "--starter-contact", "473 92 870", "--language", "nn"]


@pytest.fixture
def folder(tmp_path):
    served = tmp_path / "Selvhjelp"
    served.mkdir()
    for name in ("torsdagsgruppa.yaml", "nettgruppa-nord.yaml", "onsdagsgruppa-med-problemer.yaml"):
        shutil.copy(EXAMPLES / name, served / name)
    return served


def app_client(folder, language="nb", **kwargs):
    from starlette.testclient import TestClient

    from selvhjelp_cli.app.server import build

    kwargs.setdefault("today", lambda: TODAY)
    guard, pages = build(str(folder), port=PORT, language=language, **kwargs)
    return TestClient(guard, base_url=BASE_URL), guard, pages


@pytest.fixture
def app(folder):
    client, guard, pages = app_client(folder)
    answer = client.get("/?secret=" + guard.launch_secret, follow_redirects=False)
    assert answer.status_code == 303 and answer.headers["location"] == "/"
    return client, guard


def post(client, guard, path, data, **headers):
    return client.post(path, data={"csrf": guard.csrf, **data}, follow_redirects=False,
                       headers={"origin": BASE_URL, "sec-fetch-site": "same-origin", **headers})


def listed(client, address="/"):
    """The group list once the folder is read: a folder of hundreds first answers with how far it has come
    (each asking waits a moment for the reading, so this is no busy loop)."""
    for _attempt in range(2000):
        page = client.get(address)
        if 'id="reading"' not in page.text:
            return page
    raise AssertionError("the folder was never read")


def shown(client, stem):
    return re.search(r'name="shown" value="([0-9a-f]+)"', client.get(f"/g/{stem}").text).group(1)


# Shared by several test files.

CONTACT_POINTS = FIXTURES / "directory" / "kontaktpunkter.yaml"


DIRECTORY_BROKEN = FIXTURES / "directory" / "broken"


def find_district_json(*args: str):
    result = invoke("find-district", *args, "--format", "json")
    return result.exit_code, json.loads(result.stdout)


def overview_folder(tmp_path):
    folder = tmp_path / "grupper"
    folder.mkdir()
    for name in ("torsdagsgruppa.yaml", "onsdagsgruppa-med-problemer.yaml", "nettgruppa-nord.yaml"):
        shutil.copy(EXAMPLES / name, folder / name)
    ended = (EXAMPLES / "torsdagsgruppa.yaml").read_text(encoding="utf-8").replace(
        "name: Torsdagsgruppa", "name: Den gamle gruppa\nended: 2026-10-01").replace("county: Rogaland",
                                                                                     "county: Hordaland").replace(
        "municipality: Haugesund\n", "")
    (folder / "avsluttet.yaml").write_text(ended, encoding="utf-8")
    (folder / "ugyldig.yaml").write_text("version: 1\nname: Ugyldig\ncounty: Atlantis\n", encoding="utf-8")
    return folder


def xlsx_parts(path) -> tuple[str, str, str]:
    import zipfile

    with zipfile.ZipFile(path) as book:
        return (book.read("xl/worksheets/sheet1.xml").decode(), book.read("xl/sharedStrings.xml").decode(),
                book.read("docProps/core.xml").decode())


def publish_folder(tmp_path):
    folder = tmp_path / "grupper"
    folder.mkdir()
    for name in ("torsdagsgruppa.yaml", "onsdagsgruppa-med-problemer.yaml", "nettgruppa-nord.yaml"):
        shutil.copy(EXAMPLES / name, folder / name)
    text = (EXAMPLES / "torsdagsgruppa.yaml").read_text(encoding="utf-8")
    (folder / "ny.yaml").write_text(text.replace("name: Torsdagsgruppa", "name: Mandagsgruppa").replace(
        "first_meeting: 2026-09-03", "first_meeting: 2027-01-04"), encoding="utf-8")
    (folder / "bibliotek.yaml").write_text(text.replace("name: Torsdagsgruppa", "name: Fredagsgruppa").replace(
        "first_meeting: "
        "2026-09-03", "first_meeting: 2027-01-08").replace("  address: Skåregata 1, 5528 Haugesund\n", ""),
        encoding="utf-8")
    (folder / "slutt.yaml").write_text(text.replace("name: Torsdagsgruppa", "name: Ferdiggruppa\nended: 2026-11-01"),
                                       encoding="utf-8")
    return folder


INTERVIEW_ANSWERS = "\n".join([
    "Sorggruppa", "", "Rogalnd", "Rogaland", "Haugesund", "x", "f", "Biblioteket", "", "31.2.2027", "4.2.2027",
    "25:00", "18:30", "", "", "", "Kari N.", "kari@example.org", "", "nynorsk",
]) + "\n"


def read_until(fd: int, wanted: bytes, timeout: float = 20.0) -> bytes:
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


LIFE = BASE + """\
  cancelled:
    - date: 2027-03-25
      reason: Påske
  moved:
    - from: 2027-05-13
      to: 2027-05-12
      start: 17:00
    - from: 2027-05-20
      to: 2027-05-28
  pauses:
    - from: 2027-06-21
      to: 2027-08-15
      reason: Sommerferie
starters:
  - name: Kari
    meetings: 12
participants:
  - {name: Ola, born: 1985, declaration_signed: 2027-01-07}
"""


def run_cli(*args):
    return invoke(*[str(a) for a in args])


def made_status(tmp_path, example="torsdagsgruppa.yaml", *args) -> tuple[dict, str]:
    group = tmp_path / example
    group.write_bytes((EXAMPLES / example).read_bytes())
    result = invoke("status", group, "--today", "2026-12-02", *args)
    assert result.exit_code == 0, result.stderr
    path = tmp_path / example.replace(".yaml", ".status.json")
    return json.loads(path.read_text(encoding="utf-8")), result.stderr


# Ten changes a starter makes in a season, each as a command after its file.
TEN_EDITS = [
    ("participant", "add", "--name", "Ola N.", "--born", "1984", "--no-input"),
    ("participant", "add", "--name", "Kari", "--adult", "--signed", "7.1.2027", "--no-input"),
    ("participant", "add", "--name", "Per", "--born", "1990-05-17", "--no-input"),
    ("participant", "sign", "ola", "--date", "2027-01-07"),
    ("participant", "leave", "kar", "--date", "2027-03-04"),
    ("decision", "add", "group-size", "--date", "2027-01-07", "--note", "Vi starter små"),
    ("meeting", "cancel", "25.3.2027", "--reason", "Påske"),
    ("meeting", "move", "2027-05-13", "2027-05-12", "--start", "17:00"),
    ("meeting", "pause", "2027-06-21", "2027-08-15", "--reason", "Sommerferie"),
    ("end-group", "--date", "2027-12-16"),
]


@pytest.fixture
def three(group_file):
    """The group file with Anne M. (1980), Bjørn K. (18 or older) and Emma L. (born 2009)."""
    for args in (["--name", "Anne M.", "--born", "1980"], ["--name", "Bjørn K.", "--adult"],
                 ["--name", "Emma L.", "--born", "2009-05-03"]):
        assert run_cli("participant", "add", group_file, *args, "--no-input", "--today", "2026-12-06").exit_code == 0
    return group_file

