"""The editor loses nothing: only the lines of a change differ, byte for byte,
whatever the file looks like (comments, CRLF, BOM, tabs, flow and block style);
concurrent edits all survive; the file it was given is the file it changes."""

from __future__ import annotations

import difflib
import os
import stat
import subprocess
import sys
import threading
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from selvhjelp_cli.core.errors import UserError
from selvhjelp_cli.editing import editor, life, participants
from selvhjelp_cli.groupfile.loader import load_group

from .conftest import invoke

BASE = ("version: 1\nname: Testgruppa   # vårt navn\ncounty: Rogaland\nvenue:\n  name: Biblioteket\n"
        "schedule:\n  first_meeting: 2027-01-07\n  start: 18:00\n")


def write(tmp_path, text: str, name: str = "g.yaml", *, bom: bool = False) -> str:
    path = tmp_path / name
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))
    return str(path)


def removed_and_added(before: bytes, after: bytes) -> tuple[list[bytes], list[bytes]]:
    old, new = before.splitlines(keepends=True), after.splitlines(keepends=True)
    removed, added = [], []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if tag in ("replace", "delete"):
            removed += old[i1:i2]
        if tag in ("replace", "insert"):
            added += new[j1:j2]
    return removed, added


def cli(*args) -> tuple[int, str, str]:
    result = invoke(*[str(a) for a in args])
    return result.exit_code, result.stdout, result.stderr


# -- untouched lines stay as they are (the hostile pass, family Y) -----------

def test_a_plus_before_a_phone_number_and_every_other_untouched_line_stay(tmp_path):
    text = (BASE + "starters:\n  - name: Kari\n    contact: +4791234567\n    meetings: -0\n"
            "participants:\n  - name: Lise Skjult\n    born: 1982   # sjekket legitimasjon\n")
    path = write(tmp_path, text)
    before = open(path, "rb").read()
    assert cli("meeting", "cancel", path, "14.1.2027")[0] == 0
    assert cli("participant", "sign", path, "lise", "--date", "7.1.2027")[0] == 0
    after = open(path, "rb").read()
    removed, added = removed_and_added(before, after)
    assert removed == []
    assert b"    contact: +4791234567\n" in after and b"    meetings: -0\n" in after
    # The comment stays on the line it describes; the new line has none.
    assert b"    born: 1982   # sjekket legitimasjon\n    declaration_signed: 2027-01-07\n" in after
    assert b"  cancelled:\n    - date: 2027-01-14\n" in after


@pytest.mark.parametrize("text", [
    "---\n" + BASE + "...\n# slutt\n",
    "--- # start\n" + BASE,
    BASE.replace("version: 1", "? version\n: 1"),
    BASE.replace("Biblioteket", '"Bibliot\\u00e5ket"'),
    BASE.replace("Biblioteket", "Biblioteket på\n    hjørnet"),
    BASE.replace("county: Rogaland", "county: Rogaland   "),
    BASE.replace("  name: Biblioteket\n", "  { name: Biblioteket }\n").replace("venue:\n", "venue:\n"),
    BASE.replace("schedule:", "schedule: !!map"),
    BASE.replace("first_meeting: 2027-01-07", "first_meeting: &d 2027-01-07") + "# dato: *d\n",
    BASE + "participants:\n- name: Ola\n  born: 1984\n",
    BASE + "participants: [{name: Ola, born: 1984},\n  # Kari kommer\n  {name: Kari, adult: true}]\n",
    BASE.replace("name: Testgruppa", "name:\tTestgruppa").replace("county: Rogaland", "county: Rogaland\t# fylke"),
])
def test_hand_written_forms_keep_every_byte_but_the_new_lines(tmp_path, text):
    path = write(tmp_path, text)
    before = open(path, "rb").read()
    code, _out, err = cli("participant", "add", path, "--name", "Per", "--adult", "--no-input")
    assert code == 0, err
    after = open(path, "rb").read()
    removed, added = removed_and_added(before, after)
    if b"[{name: Ola" in before:  # a flow list grows on its own last line
        assert len(removed) == 1 and removed[0].endswith(b"{name: Kari, adult: true}]\n")
        assert added == [removed[0].replace(b"}]\n", b"}, {name: Per, adult: true}]\n")]
    else:
        assert removed == []
        assert b"".join(added).count(b"Per") == 1
    assert [p.name for p in load_group(path).group.participants][-1] == "Per"


def test_crlf_files_stay_crlf_and_the_bom_stays(tmp_path):
    text = (BASE + "participants:\n  - name: Ola\n    born: 1984\n").replace("\n", "\r\n")
    path = write(tmp_path, text, bom=True)
    before = open(path, "rb").read()
    assert cli("participant", "add", path, "--name", "Per", "--born", "1990", "--no-input")[0] == 0
    assert cli("end-group", path, "--date", "2027-06-03")[0] == 0
    after = open(path, "rb").read()
    assert after.startswith(b"\xef\xbb\xbf") and after.startswith(before)
    assert after.count(b"\n") == after.count(b"\r\n")
    assert after.endswith(b"  - name: Per\r\n    born: 1990\r\nended: 2027-06-03\r\n")


def test_a_file_without_a_final_line_break_gets_one_before_the_new_line(tmp_path):
    path = write(tmp_path, BASE.rstrip("\n"))
    assert cli("end-group", path, "--date", "2027-06-03")[0] == 0
    assert open(path, "rb").read() == (BASE + "ended: 2027-06-03\n").encode()


def test_names_are_quoted_as_the_file_quotes_them_and_as_yaml_needs(tmp_path):
    path = write(tmp_path, BASE + "participants:\n  - name: \"Ola\"\n    born: 1984\n")
    assert cli("participant", "add", path, "--name", "Kari", "--adult", "--no-input")[0] == 0
    assert cli("participant", "add", path, "--name", "- Per #1", "--adult", "--no-input")[0] == 0
    after = open(path, encoding="utf-8").read()
    assert '  - name: "Kari"\n' in after and '  - name: "- Per #1"\n' in after
    assert [p.name for p in load_group(path).group.participants] == ["Ola", "Kari", "- Per #1"]


def test_a_list_shared_through_an_alias_is_not_changed_in_two_places(tmp_path):
    text = BASE + "starters: &s\n  - name: Kari\nparticipants: *s\n"
    path = write(tmp_path, text)
    code, _out, err = cli("participant", "add", path, "--name", "Per", "--adult", "--no-input")
    assert code == 2 and "alias" in err and "Traceback" not in err
    assert open(path, encoding="utf-8").read() == text


def test_an_edit_never_writes_a_file_the_loader_would_refuse_for_its_size(tmp_path):
    from selvhjelp_cli.core.source import MAX_BYTES

    padding = "# " + "x" * 98 + "\n"
    text = BASE + padding * ((MAX_BYTES - len(BASE) - 40) // len(padding))
    text += "#" * (MAX_BYTES - len(text.encode()) - 2) + "\n"
    path = write(tmp_path, text)
    assert len(open(path, "rb").read()) < MAX_BYTES
    code, _out, err = cli("participant", "add", path, "--name", "Per Olav Hansen", "--adult", "--no-input")
    assert code == 2 and "1 MB" in err
    assert open(path, encoding="utf-8").read() == text


def test_removing_a_participant_added_by_mistake_takes_only_their_lines(tmp_path):
    text = BASE + "participants:\n  - name: Ola\n    born: 1984  # ok\n  # Per under\n  - name: Per\n    adult: true\n"
    path = write(tmp_path, text)
    code, out, _err = cli("participant", "remove", path, "per")
    assert code == 0 and "Fjernet «Per»" in out
    assert (
        open(path, encoding="utf-8").read()
        == BASE + "participants:\n  - name: Ola\n    born: 1984  # ok\n  # Per under\n"
    )
    assert cli("participant", "remove", path, "ola")[0] == 0
    assert open(path, encoding="utf-8").read() == BASE + "participants: []\n  # Per under\n"
    assert load_group(path).group.participants == []


# -- the property: any life command on any accepted file changes only its lines --

@st.composite
def group_files(draw):
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    indent = " " * draw(st.sampled_from([2, 4]))
    dash = draw(st.sampled_from([0, 2]))
    quote = draw(st.sampled_from(["", "'", '"']))
    separator = draw(st.sampled_from([" ", "\t", "  "]))
    comment = draw(st.sampled_from(["", "  # merknad", "\t# fane", " #"]))
    flow = draw(st.booleans())
    names = draw(st.lists(st.sampled_from(["Ola N.", "Kari", "Lise Skjult", "Tor A.", "Siv"]), min_size=0,
                          max_size=4, unique=True))
    lines = ["# Gruppefil" + comment, "version: 1", f"name:{separator}Testgruppa{comment}", "county: Rogaland",
             "venue:", f"{indent}name: {quote}Biblioteket{quote}", "", "schedule:",
             f"{indent}first_meeting: 2027-01-07{comment}", f"{indent}start: 18:00",
             f"{indent}every_weeks:{separator}1", "starters:", f"{' ' * dash}- name: Kari",
             f"{' ' * dash}  contact: +4791234567{comment}"]
    if flow and names:
        lines.append("participants: [" + ", ".join(f"{{name: {quote}{n}{quote}}}" for n in names) + "]" + comment)
    elif names:
        lines.append("participants:" + comment)
        for number, name in enumerate(names):
            lines.append(f"{' ' * dash}- name: {quote}{name}{quote}")
            lines.append(f"{' ' * dash}  born: {1980 + number}{comment if number == 0 else ''}")
            if draw(st.booleans()):
                lines.append(f"{' ' * dash}  # om {name}")
    else:
        lines.append("participants:")
        lines.append("#  - name: \"Ola N.\"")
    lines.append("# slutt")
    text = newline.join(lines) + newline
    return text, draw(st.booleans()), names


CHANGES = [
    ("add", lambda f, names: participants.add_participant(f, "Nora Ny", adult=True)),
    ("sign", lambda f, names: participants.sign(f, names[0], date(2027, 1, 7))),
    ("leave", lambda f, names: participants.leave(f, names[-1], date(2027, 2, 4))),
    ("remove", lambda f, names: participants.remove_participant(f, names[0])),
    ("cancel", lambda f, names: life.cancel(f, date(2027, 1, 14), "Påske")),
    ("move", lambda f, names: life.move(f, date(2027, 1, 21), date(2027, 1, 22), None)),
    ("pause", lambda f, names: life.pause(f, date(2027, 6, 21), date(2027, 8, 15), None)),
    ("decision", lambda f, names: life.add_decision(f, "group-size", date(2027, 1, 7), "Vi starter små")),
    ("end", lambda f, names: life.end(f, date(2027, 12, 16))),
]


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(case=group_files(), change=st.sampled_from(CHANGES))
def test_any_change_to_any_file_changes_only_its_own_lines(tmp_path, case, change):
    text, bom, names = case
    kind, make = change
    if kind in ("sign", "leave", "remove") and not names:
        return
    path = write(tmp_path, text, bom=bom)
    before = open(path, "rb").read()
    editor.edit(path, lambda f: make(f, names))
    after = open(path, "rb").read()
    newline = b"\r\n" if b"\r\n" in before else b"\n"
    assert after.startswith(b"\xef\xbb\xbf") == bom
    assert after.count(b"\n") == after.count(newline)  # no mixed line endings
    removed, added = removed_and_added(before, after)
    flow_line = [line for line in before.splitlines(keepends=True) if line.startswith(b"participants: [")]
    if kind == "remove":
        if flow_line:
            assert removed == flow_line
        else:
            # Their own lines; the key's line too when they were the only one («participants: []»).
            assert all(names[0].encode() in line or b"born: 1980" in line
                       or (len(names) == 1 and line.startswith(b"participants:")) for line in removed), removed
            assert not [line for line in added if not line.startswith(b"participants:")]
    elif kind in ("sign", "leave", "add") and flow_line:
        assert removed == flow_line and len(added) == 1
    else:
        assert removed == []  # every line the person wrote is still there, byte for byte
    loaded = load_group(path).group
    assert loaded.name == "Testgruppa" and loaded.starters[0].contact == "+4791234567"


# -- no lost update (family F) -------------------------------------------------

def test_twenty_parallel_adds_keep_twenty(tmp_path):
    path = write(tmp_path, BASE + "participants:\n")
    env = dict(os.environ, SELVHJELP_LANG="nb")
    processes = [subprocess.Popen([sys.executable, "-m", "selvhjelp_cli", "participant", "add", path, "--name",
                                   f"Ny {number}", "--adult", "--no-input"], env=env,
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE) for number in range(20)]
    codes = [process.wait(timeout=120) for process in processes]
    assert codes == [0] * 20
    names = {p.name for p in load_group(path).group.participants}
    assert names == {f"Ny {number}" for number in range(20)}


def test_a_hand_edit_made_during_an_edit_is_kept(tmp_path, monkeypatch):
    """A text editor writes the file after we read it: our change is made again on its text."""
    path = write(tmp_path, BASE + "participants:\n  - name: Ola\n    born: 1984\n")
    real_save = editor.GroupFile.save
    calls = []

    def save_after_a_hand_edit(self, said):
        if not calls:
            with open(path, "a", encoding="utf-8") as handle:
                handle.write("  - name: Skrevet for hånd\n    adult: true\n")
        calls.append(1)
        real_save(self, said)

    monkeypatch.setattr(editor.GroupFile, "save", save_after_a_hand_edit)
    editor.edit(path, lambda f: participants.add_participant(f, "Per", adult=True))
    assert [p.name for p in load_group(path).group.participants] == ["Ola", "Skrevet for hånd", "Per"]
    assert len(calls) == 2


def test_a_file_changed_since_the_page_was_shown_is_not_changed(tmp_path):
    path = write(tmp_path, BASE)
    shown = editor.digest(open(path, "rb").read())
    with open(path, "a", encoding="utf-8") as handle:
        handle.write("# en merknad\n")
    before = open(path, "rb").read()
    with pytest.raises(editor.ChangedSinceShown):
        editor.edit(path, lambda f: life.end(f, date(2027, 6, 3)), shown=shown)
    assert open(path, "rb").read() == before
    editor.edit(path, lambda f: life.end(f, date(2027, 6, 3)), shown=editor.digest(before))
    assert load_group(path).group.ended == date(2027, 6, 3)


def test_edits_in_threads_wait_for_each_other(tmp_path):
    path = write(tmp_path, BASE + "participants:\n")
    errors = []

    def add(number):
        try:
            editor.edit(path, lambda f: participants.add_participant(f, f"Tråd {number}", adult=True))
        except UserError as error:  # pragma: no cover - would be the failure
            errors.append(error)

    threads = [threading.Thread(target=add, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert {p.name for p in load_group(path).group.participants} == {f"Tråd {n}" for n in range(8)}


# -- the file it was given --------------------------------------------------------

def test_a_symlinked_group_file_is_changed_where_it_really_is(tmp_path):
    (tmp_path / "sikker").mkdir()
    real = write(tmp_path / "sikker", BASE)
    os.chmod(real, 0o640)
    link = tmp_path / "g.yaml"
    link.symlink_to(real)
    assert cli("end-group", link, "--date", "2027-06-03")[0] == 0
    assert link.is_symlink() and os.readlink(link) == real
    assert "ended: 2027-06-03" in open(real, encoding="utf-8").read()
    assert stat.S_IMODE(os.stat(real).st_mode) == 0o640


def test_a_read_only_file_is_refused_without_force(tmp_path):
    path = write(tmp_path, BASE)
    os.chmod(path, 0o400)
    if os.access(path, os.W_OK) and os.geteuid() != 0:  # pragma: no cover
        pytest.skip("the file system ignores modes")
    code, _out, err = cli("end-group", path, "--date", "2027-06-03")
    assert code == 2 and "skrivebeskyttet" in err and "--force" in err
    assert "ended" not in open(path, encoding="utf-8").read()
    assert cli("end-group", path, "--date", "2027-06-03", "--force")[0] == 0
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o400


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="only root can give a file away")
def test_root_editing_another_users_file_leaves_it_theirs(tmp_path):
    path = write(tmp_path, BASE)
    os.chown(path, 1234, 1234)
    assert cli("end-group", path, "--date", "2027-06-03")[0] == 0
    assert (os.stat(path).st_uid, os.stat(path).st_gid) == (1234, 1234)


def test_a_temporary_file_left_by_a_killed_run_is_cleaned_up(tmp_path):
    path = write(tmp_path, BASE)
    leftover = tmp_path / ".selvhjelp-deadbeef0000.tmp"
    leftover.write_text("participants: Ola", encoding="utf-8")
    assert cli("end-group", path, "--date", "2027-06-03")[0] == 0
    assert not leftover.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == [".selvhjelp-historikk", "g.yaml"]
    assert [p.name for p in (tmp_path / ".selvhjelp-historikk").iterdir()] == ["g.yaml.json"]


def test_an_interruption_after_the_file_was_saved_says_so(tmp_path, monkeypatch):
    from selvhjelp_cli.core import files

    path = write(tmp_path, BASE)
    real = files._write_new

    def then_interrupted(*args, **kwargs):
        real(*args, **kwargs)
        if kwargs.get("expected") is not None:  # the group file itself, not its history
            raise KeyboardInterrupt

    monkeypatch.setattr(files, "_write_new", then_interrupted)
    monkeypatch.setattr(files, "_saved", [])
    code, _out, err = cli("end-group", path, "--date", "2027-06-03")
    assert code == 130
    assert "Ingenting er lagret" not in err and "lagret" in err and "g.yaml" in err and "Feil:" not in err
    assert "ended: 2027-06-03" in open(path, encoding="utf-8").read()


def test_an_interruption_while_writing_leaves_no_temporary_file(tmp_path, monkeypatch):
    from selvhjelp_cli.core import files

    path = write(tmp_path, BASE)

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(files.os, "fsync", interrupted)
    code, _out, err = cli("end-group", path, "--date", "2027-06-03")
    assert code == 130 and "Avbrutt. Ingenting er lagret." in err
    assert [p.name for p in tmp_path.iterdir() if p.is_file()] == ["g.yaml"]
    assert "ended" not in open(path, encoding="utf-8").read()
    assert not list((tmp_path / ".selvhjelp-historikk").iterdir())  # no way back to a change never made


def test_a_signal_just_after_the_replace_still_says_the_change_was_saved_and_keeps_its_undo(tmp_path, monkeypatch):
    """SIGTERM between the replace and the note that it happened: the file itself tells what was saved."""
    from selvhjelp_cli.core import files

    path = write(tmp_path, BASE)
    real_replace = files.os.replace

    def replace_then_terminated(source, target):
        real_replace(source, target)
        if str(target).endswith("g.yaml"):
            raise KeyboardInterrupt  # what entry.Terminated does for SIGTERM, a BaseException

    monkeypatch.setattr(files.os, "replace", replace_then_terminated)
    monkeypatch.setattr(files, "_saved", [])
    code, _out, err = cli("end-group", path, "--date", "2027-06-03")
    assert code == 130 and "Ingenting er lagret" not in err and "g.yaml" in err
    assert "ended: 2027-06-03" in open(path, encoding="utf-8").read()
    monkeypatch.setattr(files.os, "replace", real_replace)
    assert cli("undo", path)[0] == 0
    assert "ended" not in open(path, encoding="utf-8").read()


def test_ten_parallel_cancels_keep_ten(tmp_path):
    path = write(tmp_path, BASE)
    env = dict(os.environ, SELVHJELP_LANG="nb")
    days = [date(2027, 1, 14).toordinal() + 7 * n for n in range(10)]
    processes = [subprocess.Popen([sys.executable, "-m", "selvhjelp_cli", "meeting", "cancel", path,
                                   date.fromordinal(day).isoformat()], env=env,
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE) for day in days]
    assert [process.wait(timeout=120) for process in processes] == [0] * 10
    assert sorted(c.date.toordinal() for c in load_group(path).group.schedule.cancelled) == days


def test_old_mac_line_endings_stay(tmp_path):
    path = write(tmp_path, (BASE + "participants:\n  - name: Ola\n    born: 1984\n").replace("\n", "\r"))
    assert cli("participant", "add", path, "--name", "Per", "--adult", "--no-input")[0] == 0
    after = open(path, "rb").read()
    assert b"\n" not in after and after.endswith(b"  - name: Ola\r    born: 1984\r  - name: Per\r    adult: true\r")


def test_a_reused_anchor_name_prints_no_warning(tmp_path):
    path = write(tmp_path, BASE.replace("name: Testgruppa", "name: &n Testgruppa") +
                 "participants:\n  - name: &n Ola\n")
    code, _out, err = cli("participant", "add", path, "--name", "Per", "--adult", "--no-input")
    assert code == 0 and err == ""


# -- the three guards a mutation review found unpinned ----------------------------------------------------------

def test_a_splice_that_would_change_more_than_was_meant_writes_nothing(tmp_path, monkeypatch):
    """The new text must read as the change meant: a faulty splice that changes a phone number is refused."""
    path = write(tmp_path, BASE + "starters:\n  - name: Kari\n    contact: 473 92 870\n")
    before = open(path, "rb").read()
    real_render = editor.GroupFile.render
    monkeypatch.setattr(editor.GroupFile, "render",
                        lambda self: real_render(self).replace("473 92 870", "473 92 871"))
    with pytest.raises(UserError) as refused:
        editor.edit(path, lambda f: life.end(f, date(2027, 6, 3)))
    assert "Ingenting er lagret" in refused.value.message
    assert open(path, "rb").read() == before


def test_an_edit_without_force_leaves_a_read_only_file_alone(tmp_path):
    """The app calls edit() without force: its default must refuse a read-only file."""
    path = write(tmp_path, BASE)
    os.chmod(path, 0o444)
    before = open(path, "rb").read()
    with pytest.raises(UserError) as refused:
        editor.edit(path, lambda f: life.end(f, date(2027, 6, 3)))
    assert "skrivebeskyttet" in refused.value.message
    assert open(path, "rb").read() == before
    from selvhjelp_cli.editing import history

    assert history.entries(path) == []  # the version recorded before the refused write is taken back
    editor.edit(path, lambda f: life.end(f, date(2027, 6, 3)), force=True)
    assert load_group(path).group.ended == date(2027, 6, 3)


def test_a_file_changed_by_something_else_at_every_attempt_is_reported_unsaved(tmp_path, monkeypatch):
    """After five attempts on a file that keeps changing, edit() says nothing was saved – and nothing was."""
    from selvhjelp_cli.editing import history

    path = write(tmp_path, BASE)
    real_save = editor.GroupFile.save
    attempts = []

    def save_after_someone_else(self, said):
        attempts.append(1)
        with open(path, "a", encoding="utf-8") as handle:
            handle.write(f"# endret av noe annet {len(attempts)}\n")
        real_save(self, said)

    monkeypatch.setattr(editor.GroupFile, "save", save_after_someone_else)
    with pytest.raises(UserError) as refused:
        editor.edit(path, lambda f: life.end(f, date(2027, 6, 3)))
    assert "ingenting er lagret" in refused.value.message
    assert len(attempts) == 5
    assert load_group(path).group.ended is None
    assert history.entries(path) == []  # no way back offered to a change that was never made


# -- what a GroupFile does, step by step -------------------------------------------------------------------------

def test_a_key_taken_out_leaves_its_lines_and_a_key_not_there_changes_nothing(tmp_path):
    from selvhjelp_cli.editing import history

    path = write(tmp_path, BASE + "ended: 2027-06-03   # vi sluttet\n")
    editor.edit(path, lambda f: f.unset((), "ended") or "gjenåpnet")
    assert open(path, encoding="utf-8").read() == BASE
    assert len(history.entries(path)) == 1
    editor.edit(path, lambda f: f.unset((), "ended") or "ingenting")
    editor.edit(path, lambda f: f.unset(("venue",), "address") or "ingenting")
    assert open(path, encoding="utf-8").read() == BASE
    assert len(history.entries(path)) == 1  # a change that changes nothing is neither written nor recorded


def test_a_group_file_is_saved_once(tmp_path):
    path = write(tmp_path, BASE)
    file = editor.GroupFile(path, force=False)
    file.set((), "ended", date(2027, 6, 3))
    file.save("avsluttet")
    with pytest.raises(RuntimeError):
        file.save("avsluttet")
    unchanged = editor.GroupFile(path, force=False)
    unchanged.save("ingenting")
    with pytest.raises(RuntimeError):
        unchanged.save("ingenting")


def test_a_change_the_model_refuses_is_not_written_and_says_why(tmp_path):
    path = write(tmp_path, BASE)
    before = open(path, "rb").read()
    with pytest.raises(UserError) as refused:
        editor.edit(path, lambda f: f.set(("schedule",), "start", "25:99") or "flyttet")
    assert refused.value.message.startswith("Endringen ville gjort filen ugyldig, så ingenting er skrevet: ")
    assert "start" in refused.value.message
    assert open(path, "rb").read() == before


def test_a_file_the_composer_refuses_is_refused_before_any_change_is_made(tmp_path, monkeypatch):
    from selvhjelp_cli.editing import splice

    def refuse(self):
        raise splice.CannotSplice("the composer refuses the file")

    monkeypatch.setattr(splice.Text, "root", property(refuse))
    path = write(tmp_path, BASE)
    asked = []
    with pytest.raises(UserError) as refused:
        editor.edit(path, lambda f: asked.append(1) or "x")
    assert refused.value.message == "Filen kan ikke endres av verktøyet. Endre den for hånd."
    assert asked == []


def test_the_lock_is_on_the_folder_the_file_really_is_in(tmp_path, monkeypatch):
    from selvhjelp_cli.core import files

    (tmp_path / "sikker").mkdir()
    real = write(tmp_path / "sikker", BASE)
    link = tmp_path / "g.yaml"
    link.symlink_to(real)
    locked = []
    real_lock = files.folder_lock

    def recording(folder, *args, **kwargs):
        locked.append(folder)
        return real_lock(folder, *args, **kwargs)

    monkeypatch.setattr(files, "folder_lock", recording)
    editor.edit(str(link), lambda f: life.end(f, date(2027, 6, 3)))
    assert locked[0] == str(tmp_path / "sikker")


def test_a_page_shown_before_a_hand_edit_made_during_the_change_saves_nothing(tmp_path, monkeypatch):
    """With a page's digest, a file changed under the edit is not changed again: the person sees it first."""
    path = write(tmp_path, BASE)
    shown = editor.digest(open(path, "rb").read())
    real_save = editor.GroupFile.save
    attempts = []

    def save_after_a_hand_edit(self, said):
        attempts.append(1)
        with open(path, "a", encoding="utf-8") as handle:
            handle.write("# skrevet for hånd\n")
        real_save(self, said)

    monkeypatch.setattr(editor.GroupFile, "save", save_after_a_hand_edit)
    with pytest.raises(editor.ChangedSinceShown):
        editor.edit(path, lambda f: life.end(f, date(2027, 6, 3)), shown=shown)
    assert attempts == [1]
    assert open(path, encoding="utf-8").read() == BASE + "# skrevet for hånd\n"
