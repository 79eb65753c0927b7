"""The checker: file order, decisions, and which files a folder scan checks."""

from __future__ import annotations

from datetime import date

import pytest

from selvhjelp_cli.core.source import parse
from selvhjelp_cli.groupfile.loader import LoadedGroup
from selvhjelp_cli.groupfile.validation import validate
from selvhjelp_cli.rules import example_file
from selvhjelp_cli.rules.checker import check_file, check_paths, run_rules


def findings(text: str, today: str = "2027-03-01"):
    data, source = parse(text, "g.yaml")
    return run_rules(LoadedGroup("g.yaml", validate(data, source), source), date.fromisoformat(today))


def test_findings_come_in_file_order_then_severity_then_rule():
    text = example_file(
        "schedule:\n  first_meeting: 2027-01-07\n  start: 18:00\n  duration_minutes: 60\n  break_minutes: 0\n"
        "  every_weeks: 2\n"
        "participants:\n  - {name: Ada, born: 2012, role: leder}\n"
        "fee_nok: 10\n"
    )
    assert [(f.line, f.severity, f.rule) for f in findings(text)] == [
        (9, "warning", "meeting-length"), (10, "warning", "meeting-break"), (11, "info", "meeting-interval"),
        (12, "warning", "group-size"),
        (13, "error", "adult"), (13, "error", "confidentiality"), (13, "error", "leaderless"),
        (14, "error", "free-of-charge"),
    ]
    # Before the first meeting the missing signature is an info: after the errors on its line.
    assert [(f.severity, f.rule) for f in findings(text, "2027-01-06") if f.line == 13] == [
        ("error", "adult"), ("error", "leaderless"), ("info", "confidentiality")]


def test_a_decision_dated_today_counts_and_tomorrow_does_not():
    people = "participants:\n  - {name: Ada, born: 1985, declaration_signed: 2027-01-07}\n"
    for day, acknowledged in (("2027-02-28", True), ("2027-03-01", True), ("2027-03-02", False)):
        text = example_file(people + f"decisions:\n  - {{rule: group-size, date: {day}}}\n")
        [finding] = [f for f in findings(text) if f.rule == "group-size"]
        assert finding.acknowledged is acknowledged, day


def test_a_decision_never_acknowledges_an_error_or_an_info():
    text = example_file("fee_nok: 5\nschedule:\n  first_meeting: 2027-01-07\n  start: 18:00\n  every_weeks: 2\n"
                        "decisions:\n  - {rule: free-of-charge, date: 2027-01-07}\n"
                        "  - {rule: meeting-interval, date: 2027-01-07}\n")
    found = {(f.rule, f.severity): f for f in findings(text)}
    assert found[("free-of-charge", "error")].acknowledged is False
    assert found[("meeting-interval", "info")].acknowledged is False
    note = found[("free-of-charge", "info")]
    assert text.splitlines()[note.line - 1] == "  - {rule: free-of-charge, date: 2027-01-07}"
    assert note.message == ("Gruppa har registrert en beslutning om «free-of-charge», men dette er et krav i "
                            "rammene og kan ikke velges bort.")
    assert ("meeting-interval", "info") in found and len([f for f in found if f[0] == "meeting-interval"]) == 1


def test_a_decision_for_one_rule_leaves_the_others():
    text = example_file("fee_nok: 0\nclosed: false\nparticipants: []\n"
                        "decisions:\n  - {rule: group-size, date: 2027-01-07}\n")
    found = {f.rule: f.acknowledged for f in findings(text)}
    assert found == {"closed-group": False, "group-size": True}


@pytest.mark.parametrize("text, checked", [
    ("version: 1\nname: X\n", True),
    ("version: 1\n", False),
    ("name: X\n", False),
    ("- version: 1\n  name: X\n", False),
    ("version: 1\nname: [\n", True),  # broken, but says it is a group file: reported
    ("version: 1\nnavn: [\n", False),
    ("tittel: [\n", False),
    ("version: 1\nname: LINK\nlines: [Storgata 1]\nlogo: logo.png\n", False),  # a letterhead
    ("version: 1\nname: LINK\nlines: [Storgata 1]\ncounty: Rogaland\n", True),
])
def test_a_folder_scan_checks_only_files_that_present_themselves_as_group_files(tmp_path, text, checked):
    path = tmp_path / "fil.yaml"
    path.write_text(text, encoding="utf-8")
    assert (check_file(str(path), date(2027, 3, 1), only_groups=True) is not None) is checked
    assert check_file(str(path), date(2027, 3, 1)) is not None  # named explicitly: always checked
    run = check_paths([str(tmp_path)], date(2027, 3, 1))
    assert (len(run.files), len(run.skipped)) == ((1, 0) if checked else (0, 1))


def test_a_folder_scan_reads_yml_too_and_skips_hidden_and_tool_folders(tmp_path):
    good = example_file("")
    for name in ("a.yml", "b.YAML", ".skjult/c.yaml", "node_modules/d.yaml", "venv/e.yaml", "__pycache__/f.yaml",
                 "under/g.yaml", "tekst.txt"):
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(good, encoding="utf-8")
    run = check_paths([str(tmp_path)], date(2027, 3, 1))
    assert [r.path.removeprefix(str(tmp_path) + "/") for r in run.files] == ["a.yml", "b.YAML", "under/g.yaml"]


def test_no_path_means_this_folder_and_an_empty_folder_passes(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    run = check_paths([], date(2027, 3, 1))
    assert run.files == [] and run.exit_code() == 0 and run.exit_code(strict=True) == 0


def _group(folder, name="gruppe.yaml"):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(example_file(""), encoding="utf-8")


def test_the_walk_goes_on_after_everything_it_skips(tmp_path):
    import os

    _group(tmp_path / "a")
    _group(tmp_path / "node_modules")  # a tool folder: skipped, the next still walked
    _group(tmp_path / "b")
    if hasattr(os, "mkfifo"):
        os.mkfifo(tmp_path / "b" / "a-rør.yaml")  # skipped, the file after it still checked
    (tmp_path / "b" / "b-notat.yaml").write_text("tittel: Notat\n", encoding="utf-8")
    (tmp_path / "b" / "lenke").symlink_to(tmp_path / "a")  # a folder seen already
    _group(tmp_path / "c")
    run = check_paths([str(tmp_path)], date(2027, 3, 1))
    assert [r.path.removeprefix(str(tmp_path) + "/") for r in run.files] == [
        "a/gruppe.yaml", "b/gruppe.yaml", "c/gruppe.yaml"]
    assert [(s.path.removeprefix(str(tmp_path) + "/"), s.reason) for s in run.skipped] == [
        ("b/a-rør.yaml", "ikke en vanlig fil"), ("b/b-notat.yaml", "ikke en gruppefil"),
        ("b/lenke", "en snarvei fører tilbake til en mappe som alt er sjekket")]


def test_the_depth_limit_is_exact(tmp_path):
    from selvhjelp_cli.rules.checker import MAX_FOLDER_DEPTH

    deepest = tmp_path
    for _ in range(MAX_FOLDER_DEPTH):
        deepest = deepest / "d"
    _group(deepest)  # at the limit: checked
    _group(deepest / "d")  # one below it: not
    run = check_paths([str(tmp_path)], date(2027, 3, 1))
    [too_deep, checked] = run.files  # in name order: the folder "d" before "gruppe.yaml"
    assert checked.valid and checked.path == str(deepest / "gruppe.yaml")
    assert not too_deep.valid and too_deep.path == str(deepest / "d")
    [finding] = too_deep.findings
    assert (finding.rule, finding.severity, finding.line) == ("invalid", "error", None)
    assert finding.message == (f"Mappene ligger dypere enn {MAX_FOLDER_DEPTH} nivåer; det som ligger her og under, "
                               "er ikke sjekket.")
    assert run.exit_code() == 2


def test_an_unreadable_folder_is_an_invalid_entry(tmp_path, monkeypatch):
    import errno

    from selvhjelp_cli.rules import checker

    def refuse(path):
        raise PermissionError(errno.EACCES, "denied")

    monkeypatch.setattr(checker.os, "scandir", refuse)
    run = check_paths([str(tmp_path)], date(2027, 3, 1))
    [entry] = run.files
    assert entry.path == str(tmp_path) and not entry.valid
    [finding] = entry.findings
    assert (finding.rule, finding.severity, finding.message) == (
        "invalid", "error", "Mappen kan ikke leses, så filene i den er ikke sjekket.")
