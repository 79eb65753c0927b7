"""scripts/build_data.py: sources recorded, missing ones named, changes refused until recorded.

The real registers are not kept in the repository, so these tests use small
stand-ins; `python scripts/build_data.py SOURCE_DIR --check` against the real
ones is how data/ is verified (README, "For developers").
"""

from __future__ import annotations

import importlib.util
import json
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent
spec = importlib.util.spec_from_file_location("build_data", ROOT / "scripts" / "build_data.py")
build_data = importlib.util.module_from_spec(spec)
spec.loader.exec_module(build_data)


@pytest.fixture
def recorded(tmp_path, monkeypatch) -> Path:
    copy = tmp_path / "sources.json"
    shutil.copy(ROOT / "data" / "sources.json", copy)
    monkeypatch.setattr(build_data, "SOURCES", copy)
    return copy


def stand_ins(folder: Path, names) -> None:
    folder.mkdir()
    for name in names:
        (folder / name).write_text("kolonne\n", encoding="utf-8")


def test_every_recorded_source_says_where_it_comes_from_and_when():
    files = json.loads((ROOT / "data" / "sources.json").read_text(encoding="utf-8"))["files"]
    assert len(files) == 8
    for name, entry in files.items():
        assert set(entry) == {"what", "register", "copy", "date", "sha256"}, name
        assert len(entry["sha256"]) == 64 and entry["date"][:2] == "20"


def test_a_missing_source_is_named(recorded, tmp_path):
    stand_ins(tmp_path / "kilder", ["municipalities_2024.csv", "postnummer_2026-01-27.csv"])
    with pytest.raises(SystemExit) as stopped:
        build_data.cli([str(tmp_path / "kilder")])
    message = str(stopped.value)
    assert message.startswith("build_data: missing in ") and "crosswalk_municipalities_2019_to_2020.csv" in message
    assert "municipalities_2024.csv," not in message


def test_changed_sources_are_refused_until_recorded(recorded, tmp_path):
    names = list(json.loads(recorded.read_text(encoding="utf-8"))["files"])
    stand_ins(tmp_path / "kilder", names)
    with pytest.raises(SystemExit, match=r"differ from data/sources\.json"):
        build_data.verify_sources(tmp_path / "kilder", record=False)
    build_data.verify_sources(tmp_path / "kilder", record=True)
    files = json.loads(recorded.read_text(encoding="utf-8"))["files"]
    assert {entry["sha256"] for entry in files.values()} == {build_data.sha256(tmp_path / "kilder" / names[0])}
    build_data.verify_sources(tmp_path / "kilder", record=False)  # now recorded: accepted


def test_a_newer_postcode_register_replaces_the_old_record(recorded, tmp_path):
    names = list(json.loads(recorded.read_text(encoding="utf-8"))["files"])
    stand_ins(tmp_path / "kilder", [*names, "postnummer_2027-02-01.csv"])
    build_data.verify_sources(tmp_path / "kilder", record=True)
    files = json.loads(recorded.read_text(encoding="utf-8"))["files"]
    assert "postnummer_2027-02-01.csv" in files and "postnummer_2026-01-27.csv" not in files
    assert files["postnummer_2027-02-01.csv"]["date"] == "2027-02-01"


def test_no_folder_is_a_clear_message(recorded, tmp_path):
    with pytest.raises(SystemExit, match="is not a folder"):
        build_data.cli([str(tmp_path / "finnes-ikke")])
