"""The quick paths in entry.py answer exactly as the Typer commands do."""

from __future__ import annotations

import subprocess
import sys

import pytest

from selvhjelp_cli import entry
from selvhjelp_cli.entry import quick, run


@pytest.mark.parametrize("argv", [
    ["find-district", "--county", "Rogaland"],
    ["find-district", "--county=Akershus", "--format", "json"],
    ["find-district", "--format=json", "--municipality", "Asker"],
    ["find-district", "--municipality", "Herøy"],
    ["find-district", "--postcode", "5501"],
    ["find-district", "--postcode", "3480", "--format", "json"],
    ["find-district", "--postcode", "12"],
    ["find-district", "--postcode", "0000"],
    ["find-district", "--county", "Rogalnd"],
    ["find-district", "--county", "Kari [/] \x1b[31m"],
    ["--version"],
])
def test_quick_path_matches_typer(argv, capsys, monkeypatch):
    assert argv == ["--version"] or entry._plain_find_district(argv[1:]) is not None
    quick_code = run(argv)
    quick_out = capsys.readouterr()
    monkeypatch.setattr(entry, "quick", lambda argv: None)
    typer_code = run(argv)
    typer_out = capsys.readouterr()
    assert (quick_code, quick_out.out, quick_out.err) == (typer_code, typer_out.out, typer_out.err)


@pytest.mark.parametrize("argv", [
    ["find-district"], ["find-district", "--all"], ["find-district", "--county"],
    ["find-district", "--county", "Oslo", "--postcode", "0364"], ["find-district", "--county", "Oslo", "--help"],
    ["find-district", "--county", "Oslo", "--format", "xml"], ["find-district", "--county", "Oslo", "--county", "x"],
    ["find-district", "--postcode", "-501"], ["check"], ["--version", "x"], [],
])
def test_everything_else_goes_to_typer(argv):
    assert quick(argv) is None


@pytest.mark.parametrize("argv", [
    ["app"], ["app", "MAPPE"], ["app", "MAPPE", "--no-browser"], ["app", "--no-browser", "MAPPE", "--port", "0"],
    ["app", "--port=28500", "--lang", "nynorsk", "--directory", "k.yaml", "MAPPE"], ["app", "--lang", "EN"],
])
def test_the_app_starts_alike_by_the_quick_path_and_by_typer(argv, monkeypatch):
    from selvhjelp_cli.app import server

    started = []
    monkeypatch.setattr(server, "serve", lambda folder, **options: started.append((folder, options)) or 0)
    assert entry._plain_app(argv[1:]) is not None
    assert run(argv) == 0
    monkeypatch.setattr(entry, "quick", lambda argv: None)
    assert run(argv) == 0
    assert len(started) == 2 and started[0] == started[1]


@pytest.mark.parametrize("argv", [
    ["app", "a", "b"], ["app", "--port"], ["app", "--port", "x"], ["app", "--port", "70000"], ["app", "--port", "²"],
    ["app", "--lang", "sv"], ["app", "--no-browser", "--no-browser"], ["app", "--help"], ["app", "--port", "1",
                                                                                          "--port", "2"],
    ["app", "--directory", ""], ["app", "--verbose"],
])
def test_an_app_command_line_the_quick_path_does_not_read_goes_to_typer(argv, monkeypatch):
    from selvhjelp_cli.app import server

    monkeypatch.setattr(server, "serve", lambda folder, **options: pytest.fail("started"))
    assert quick(argv) is None


def test_version_loads_almost_nothing():
    code = "import sys; from selvhjelp_cli.entry import quick; quick(['--version']); " \
           "print(sorted(m for m in ('typer', 'rich', 'yaml', 'pydantic', 'jinja2') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.stdout.strip().endswith("[]")


def test_county_query_loads_no_postcodes_yaml_or_jinja():
    code = ("import sys, io, contextlib; from selvhjelp_cli.entry import quick\n"
            "with contextlib.redirect_stdout(io.StringIO()): quick(['find-district', '--county', 'Rogaland'])\n"
            "from selvhjelp_cli.places import registers\n"
            "print(registers.postcode_text.cache_info().currsize, "
            "[m for m in ('yaml', 'jinja2', 'weasyprint', 'pydantic', 'typer') if m in sys.modules])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.stdout.strip() == "0 []"
