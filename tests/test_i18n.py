"""The three languages: choosing one, plurals, the catalogues, and whole outputs in one language."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from selvhjelp_cli.core import i18n

from .conftest import EXAMPLES, invoke

ROOT = Path(__file__).parent.parent


@pytest.mark.parametrize(("environ", "expected"), [
    ({}, "nb"),
    ({"LANG": "nn_NO.UTF-8"}, "nn"),
    ({"LANG": "nb_NO.UTF-8"}, "nb"),
    ({"LANG": "no_NO.UTF-8"}, "nb"),
    ({"LANG": "en_GB.UTF-8"}, "en"),
    ({"LANG": "en_US"}, "en"),
    ({"LANG": "C"}, "nb"),
    ({"LANG": "POSIX"}, "nb"),
    ({"LANG": "de_DE.UTF-8"}, "nb"),
    ({"LANGUAGE": "nn:nb"}, "nn"),
    ({"LC_ALL": "en_GB.UTF-8", "LANG": "nn_NO.UTF-8"}, "en"),
    ({"LC_MESSAGES": "nn_NO.UTF-8", "LANG": "en_GB.UTF-8"}, "nn"),
    ({"LANG": "en_GB.UTF-8", "LANGUAGE": "nn"}, "en"),
    ({"SELVHJELP_LANG": "nn", "LC_ALL": "en_GB.UTF-8"}, "nn"),
    ({"SELVHJELP_LANG": "nynorsk"}, "nn"),
    ({"SELVHJELP_LANG": "engelsk"}, "en"),
    ({"SELVHJELP_LANG": "bokmål", "LANG": "en_GB.UTF-8"}, "nb"),
    ({"SELVHJELP_LANG": "", "LANG": "en_GB.UTF-8"}, "en"),
])
def test_language_from_the_environment(environ, expected, monkeypatch):
    monkeypatch.setattr(sys, "platform", "linux")
    assert i18n.language_from_environment(environ) == expected


@pytest.mark.parametrize(("language", "one", "two"), [
    ("nb", "Gruppa har 1 aktiv deltaker.", "Gruppa har 2 aktive deltakere."),
    ("nn", "Gruppa har 1 aktiv deltakar.", "Gruppa har 2 aktive deltakarar."),
    ("en", "The group has 1 active participant.", "The group has 2 active participants."),
])
def test_plurals(language, one, two):
    singular = "Gruppa har {count} aktiv deltaker. Det anbefales {low}–{high} deltakere."
    plural = "Gruppa har {count} aktive deltakere. Det anbefales {low}–{high} deltakere."
    with i18n.in_language(language):
        texts = [i18n.ngettext(singular, plural, n).format(count=n, low=5, high=8) for n in (1, 2)]
    assert texts[0].startswith(one) and texts[1].startswith(two)


def test_the_summary_line_counts_in_each_language(monkeypatch, tmp_path):
    group = EXAMPLES / "torsdagsgruppa.yaml"
    expected = {"nb": "1 fil sjekket: 0 feil, 0 advarsler, 0 info, 1 avtalt i gruppa.",
                "nn": "1 fil sjekka: 0 feil, 0 åtvaringar, 0 info, 1 avtalt i gruppa.",
                "en": "1 file checked: 0 errors, 0 warnings, 0 notes, 1 agreed by the group."}
    for language, line in expected.items():
        monkeypatch.setenv("SELVHJELP_LANG", language)
        assert line in invoke("check", group, "--today", "2026-11-23").stdout


def test_the_catalogues_are_complete_and_compiled():
    sys.path.insert(0, str(ROOT / "scripts"))
    import catalogues

    assert catalogues.problems() == []


def _catalogue_tools():
    sys.path.insert(0, str(ROOT / "scripts"))
    import catalogues

    return catalogues


def test_a_compiled_catalogue_is_judged_by_its_messages_not_its_header(monkeypatch):
    import datetime

    import babel.messages.catalog

    catalogues = _catalogue_tools()
    catalog = catalogues._read(ROOT / "locale" / "nn" / "LC_MESSAGES" / "selvhjelp.po", "nn")
    committed = (ROOT / "locale" / "nn" / "LC_MESSAGES" / "selvhjelp.mo").read_bytes()
    # Another Babel writes another Generated-By and date: the same messages.
    monkeypatch.setattr(babel.messages.catalog, "VERSION", "99.0")
    catalog.revision_date = datetime.datetime(2031, 5, 17, 12, 0)
    other_tool = catalogues.mo_bytes(catalog)
    assert b"Babel 99.0" in other_tool
    assert catalogues.mo_meaning(other_tool) == catalogues.po_meaning(catalog)
    assert catalogues.mo_meaning(committed) == catalogues.po_meaning(catalog)


def test_a_compiled_catalogue_with_a_changed_translation_is_stale():
    catalogues = _catalogue_tools()
    catalog = catalogues._read(ROOT / "locale" / "nn" / "LC_MESSAGES" / "selvhjelp.po", "nn")
    committed = (ROOT / "locale" / "nn" / "LC_MESSAGES" / "selvhjelp.mo").read_bytes()
    message = next(m for m in catalog if m.id and isinstance(m.id, str))
    message.string = message.string + " (endra)"
    assert catalogues.mo_meaning(committed) != catalogues.po_meaning(catalog)
    message.string = message.string.removesuffix(" (endra)")
    catalog.delete(message.id)
    assert catalogues.mo_meaning(committed) != catalogues.po_meaning(catalog)


def test_running_the_catalogue_script_on_a_complete_tree_changes_no_file(tmp_path, monkeypatch):
    import shutil

    catalogues = _catalogue_tools()
    shutil.copytree(ROOT / "locale", tmp_path / "locale")
    monkeypatch.setattr(catalogues, "LOCALE", tmp_path / "locale")
    before = {p: p.read_bytes() for p in (tmp_path / "locale").rglob("*") if p.is_file()}
    catalogues.main([])
    after = {p: p.read_bytes() for p in (tmp_path / "locale").rglob("*") if p.is_file()}
    assert after == before


# Words that belong to one language only: a line with one of them is not in
# another language. Names in the examples (Bjørn, Torsdagsgruppa) are not words.
_ONLY = {
    "nb": re.compile(r"\b(ikkje|deltakar\w*|møtest|berre|eit|frå|tilrådd|kvar|veke|åtvaring\w*|the|is|and)\b"),
    "nn": re.compile(r"\b(ikke|deltaker\w*|møtes|bare|anbefal\w*|hver|uke|advarsel|advarsler|fra|the|is)\b"),
    "en": re.compile(r"\b(ikke|ikkje|og|er|har|deltaker\w*|deltakar\w*|gruppa|møte\w*|fil|filer|feil|uke|veke)\b",
                     re.IGNORECASE),
}


@pytest.mark.parametrize("language", ["nb", "nn", "en"])
def test_check_of_the_examples_is_in_one_language(language, monkeypatch):
    monkeypatch.setenv("SELVHJELP_LANG", language)
    monkeypatch.setenv("COLUMNS", "200")
    result = invoke("check", EXAMPLES, "--today", "2026-11-23")
    assert result.exit_code == 1
    lines = [line for line in result.output.splitlines() if line.strip()]
    # The group names and the people's names are data, not text in a language.
    data = re.compile(r"(Torsdagsgruppa|Onsdagsgruppa|Nettgruppa nord|/\S+|Bjørn Haugland|Trine L\.|Kim S\.|"
                      r"Gunnar P\.|«[^»]*»)")
    wrong = [line for line in lines if _ONLY[language].search(data.sub("", line))]
    assert not wrong, wrong


_COMMANDS = [[], ["check"], ["publish"], ["rules"], ["find-district"], ["init-group"], ["print-declaration"],
             ["print-handout"], ["calendar"], ["schema"], ["end-group"], ["participant"], ["participant", "add"],
             ["participant", "sign"], ["participant", "leave"], ["participant", "list"], ["decision"],
             ["decision", "add"], ["meeting"], ["meeting", "cancel"], ["meeting", "move"], ["meeting", "pause"],
             ["directory"], ["directory", "check"], ["directory", "schema"]]
# What Click and Typer would write in their own frame.
_ENGLISH_FRAME = re.compile(r"Usage|Options|Arguments|Commands|Show this|default:|required|<\w+|\[\d+<=|"
                            r"\{[A-ZÆØÅ]+\}|\bTEXT\b|INTEGER|\[OPTIONS\]|dynamic")


@pytest.mark.parametrize("width", ["60", "80", "120"])
@pytest.mark.parametrize("language", ["nb", "nn"])
def test_help_has_no_english_in_norwegian(language, width, monkeypatch):
    monkeypatch.setenv("SELVHJELP_LANG", language)
    monkeypatch.setenv("COLUMNS", width)
    for command in _COMMANDS:
        result = invoke(*command, "--help")
        assert result.exit_code == 0, command
        assert not _ENGLISH_FRAME.search(result.stdout), (command, result.stdout)
        assert not _ONLY[language].search(result.stdout.replace("--", "")), (command, result.stdout)
        assert all(len(line) <= max(int(width), 80) for line in result.stdout.splitlines()), command


def test_help_in_english_is_english(monkeypatch):
    monkeypatch.setenv("SELVHJELP_LANG", "en")
    result = invoke("print-handout", "--help")
    assert "Usage: selvhjelp print-handout [OPTIONS] HANDOUT [FILE]" in result.stdout
    assert "Options:" in result.stdout and "Show this help and exit." in result.stdout
    assert "Bruk" not in result.stdout and "Valg" not in result.stdout


def test_errors_in_nynorsk_and_english(monkeypatch):
    monkeypatch.setenv("SELVHJELP_LANG", "nn")
    assert invoke("calendar").stderr == "Feil: Manglar FIL. Sjå «selvhjelp calendar --help».\n"
    monkeypatch.setenv("SELVHJELP_LANG", "en")
    result = invoke("print-handout", "plakatt")
    assert "There is no handout called “plakatt”." in result.stderr and "Did you mean “plakat”?" in result.stderr


def test_documents_default_to_the_language_the_tool_speaks(monkeypatch, tmp_path):
    group = tmp_path / "g.yaml"
    group.write_text((EXAMPLES / "torsdagsgruppa.yaml").read_text(encoding="utf-8").replace("language: nb\n", ""),
                     encoding="utf-8")
    monkeypatch.setenv("SELVHJELP_LANG", "en")
    result = invoke("print-handout", "principles", group, "--format", "md", "-o", "-")
    assert result.exit_code == 0 and "Principles" in result.stdout


@pytest.mark.process
def test_the_language_comes_from_the_environment_in_a_real_process(tmp_path):
    env = {"PATH": "", "LANG": "nn_NO.UTF-8", "PYTHONIOENCODING": "utf-8", "SYSTEMROOT": ""}
    result = subprocess.run([sys.executable, "-m", "selvhjelp_cli", "rules"], capture_output=True, text=True,
                            env=env, cwd=tmp_path, encoding="utf-8")
    assert "Reglane som «selvhjelp check» brukar" in result.stdout


def test_init_group_asks_and_answers_in_the_users_language(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SELVHJELP_LANG", "en")
    result = invoke("init-group", "--today", "2026-11-23", input="Tuesday group\n\nRogaland\n\nx\n")
    assert "Name of the group:" in result.stdout
    # English words to answer with, not the Norwegian letters f and d.
    assert "Does the group meet in person or online? (in person/online) [in person]:" in result.stdout
    assert "Answer “in person” or “online”." in result.stdout
    assert "Gruppas navn" not in result.stdout and "Svar f" not in result.stdout


def test_english_readers_can_write_dates_and_answers_in_english(tmp_path, monkeypatch):
    from datetime import date

    from selvhjelp_cli.core.dates import parse_date
    from selvhjelp_cli.groupfile.answers import mode as _mode

    today = date(2026, 12, 2)
    for text in ("7 January 2027", "January 7, 2027", "Jan 7", "2027-01-07"):
        assert parse_date(text, today) == date(2027, 1, 7)
    assert parse_date("tomorrow", today) == date(2026, 12, 3)
    assert parse_date("next Thursday", today) == parse_date("neste torsdag", today) == date(2026, 12, 3)
    assert _mode("in person") == _mode("In-person") == _mode("f") == "physical"
    assert _mode("online") == _mode("d") == "digital"
    monkeypatch.setenv("SELVHJELP_LANG", "en")
    result = invoke("calendar", EXAMPLES / "torsdagsgruppa.yaml", "--until", "nope")
    assert "for example 2027-01-07 (YYYY-MM-DD) or 7 January 2027" in result.stderr and "7.1.2027" not in result.stderr


def test_a_bad_date_names_its_argument_in_the_users_language(monkeypatch, tmp_path):
    group = tmp_path / "g.yaml"
    group.write_text((EXAMPLES / "torsdagsgruppa.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.setenv("SELVHJELP_LANG", "en")
    result = invoke("meeting", "cancel", group, "2027-02-30", "--no-input", "--today", "2026-12-01")
    assert result.exit_code == 2
    assert result.stderr == "Error: DATE: That date does not exist. Check the day and the month.\n"


# Messages that never reach gettext: found in the source, so the next one fails a test.

_SINKS = {"print", "UserError", "CommandLineError", "Problem", "Text", "InvalidFile", "Unknown", "append", "add_row",
          "add_column", "error", "info", "warning", "refuse", "note", "notes"}
_TECHNICAL = {"selvhjelp", "info", "error", "warning", "invalid", "participants", "decisions", "schedule",
              "cancelled", "moved", "pauses", "app"}


def _source_files():
    from pathlib import Path

    return sorted((Path(__file__).parent.parent / "src" / "selvhjelp_cli").rglob("*.py"))


def _literal(node) -> str | None:
    import ast

    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(part.value for part in node.values if isinstance(part, ast.Constant))
    if isinstance(node, ast.BinOp):
        return (_literal(node.left) or "") + (_literal(node.right) or "")
    return None


def _calls():
    import ast

    for path in _source_files():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call):
                func = node.func
                name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else None
                yield path, name, node


def test_every_string_given_to_gettext_is_in_the_catalogue():
    """Also one nested in another call, which the extractor skips (`_(table.get(k, N_("…")))`)."""
    from babel.messages.pofile import read_po

    with open(ROOT / "locale" / "selvhjelp.pot", "rb") as handle:
        known = {part for message in read_po(handle) for part in
                 (message.id if isinstance(message.id, tuple) else (message.id,))}
    missing = []
    for path, name, node in _calls():
        if name in ("_", "N_", "ngettext"):
            for arg in node.args[:2 if name == "ngettext" else 1]:
                text = _literal(arg)
                if text is not None and text not in known:
                    missing.append(f"{path.name}:{arg.lineno}: {text[:60]!r}")
    assert not missing, "not in the catalogue (make it a module-level N_ constant?):\n" + "\n".join(missing)


def test_no_words_reach_the_user_without_the_catalogue():
    import re

    word = re.compile(r"[^\W\d_]{3,}")
    found = []
    for path, name, node in _calls():
        if name not in _SINKS:
            continue
        for arg in node.args:
            text = _literal(arg)
            if text is None:
                continue
            words = {w.casefold() for w in word.findall(text)} - _TECHNICAL
            if words:
                found.append(f"{path.name}:{arg.lineno} {name}({text[:60]!r})")
    assert not found, "words outside _() reach the user:\n" + "\n".join(found)
