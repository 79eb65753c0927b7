"""Safe writing: atomic, no silent overwrite, private files for names."""

from __future__ import annotations

import os
import stat

import pytest

from selvhjelp_cli.core.errors import UserError
from selvhjelp_cli.core.files import slug, write_output


def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def test_private_file_is_owner_only(tmp_path):
    target = tmp_path / "navn.pdf"
    write_output(str(target), b"data", private=True)
    assert target.read_bytes() == b"data"
    assert mode(target) == 0o600


def test_public_file_follows_umask(tmp_path):
    old = os.umask(0o022)
    try:
        write_output(str(tmp_path / "plakat.pdf"), "tekst")
    finally:
        os.umask(old)
    assert mode(tmp_path / "plakat.pdf") == 0o644


def test_existing_file_is_not_overwritten_without_force(tmp_path):
    target = tmp_path / "fil.txt"
    target.write_text("gammel")
    with pytest.raises(UserError, match="--force"):
        write_output(str(target), "ny")
    assert target.read_text() == "gammel"
    write_output(str(target), "ny", force=True, private=True)
    assert target.read_text() == "ny" and mode(target) == 0o600


def test_no_temporary_files_are_left(tmp_path):
    target = tmp_path / "fil.txt"
    target.write_text("gammel")
    with pytest.raises(UserError):
        write_output(str(target), "ny")
    write_output(str(tmp_path / "annen.txt"), "x")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["annen.txt", "fil.txt"]


def test_missing_folder_and_folder_as_target(tmp_path):
    with pytest.raises(UserError, match="Mappen finnes ikke"):
        write_output(str(tmp_path / "nei" / "fil.txt"), "x")
    with pytest.raises(UserError, match="mappe"):
        write_output(str(tmp_path), "x")


def test_stdout(capfdbinary):
    write_output("-", "hei æøå")
    assert capfdbinary.readouterr().out == "hei æøå".encode()


@pytest.mark.parametrize("name, expected", [("Torsdagsgruppa", "torsdagsgruppa"), ("Ås – sorg & tap", "aas-sorg-tap"),
                                            ("Bjørn Øye", "bjorn-oye"), ("!!!", "gruppe"), ("Guovdageaidnu "
                                                                                            "č", "guovdageaidnu-c")])
def test_slug(name, expected):
    assert slug(name) == expected


def test_templates_are_compiled_once_and_kept_in_the_users_own_folder(tmp_path, monkeypatch):
    import jinja2

    from selvhjelp_cli.core.files import compiled_templates

    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path))
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path))
    monkeypatch.setenv("HOME", str(tmp_path))
    templates = {"side.html": "<p>{{ 6 * 7 }}</p>"}
    first = jinja2.Environment(loader=jinja2.DictLoader(templates), bytecode_cache=compiled_templates())
    assert first.get_template("side.html").render() == "<p>42</p>"
    kept = [path for path in tmp_path.rglob("*") if path.is_file()]
    assert len(kept) == 1 and stat.S_IMODE(kept[0].parent.stat().st_mode) == 0o700
    again = jinja2.Environment(loader=jinja2.DictLoader(templates), bytecode_cache=compiled_templates())
    monkeypatch.setattr(again, "compile", lambda *args, **kwargs: pytest.fail("compiled again"))
    assert again.get_template("side.html").render() == "<p>42</p>"
