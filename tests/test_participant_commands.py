"""cli/participant_commands.py: participant add, sign, leave and remove from the command line, asking for
what is missing."""

from __future__ import annotations

import pytest

from selvhjelp_cli.groupfile.loader import load_group

from .conftest import invoke
from .conftest import run_cli as run


def test_participant_add_asks_for_what_the_flags_did_not_give(group_file):
    result = invoke("participant", "add", group_file, "--today", "2026-12-01", input="Ola N.\n1984\n\n\n")
    assert result.exit_code == 0, result.stderr
    person = load_group(group_file).group.participants[0]
    assert (person.name, person.born, person.joined, person.declaration_signed) == ("Ola N.", 1984, None, None)


@pytest.mark.parametrize(("born", "severity", "says"), [("2010", "Feil", "under 18 år ved sitt første møte (7.1.2027)"),
                                                        ("2030", "Advarsel", "etter i dag")])
def test_adding_someone_under_18_warns_at_once_and_names_the_rule(group_file, born, severity, says):
    result = run("participant", "add", group_file, "--name", "Ung", "--born", born, "--no-input",
                 "--today", "2026-11-23")
    assert result.exit_code == 0 and f"{severity} (adult):" in result.stderr and says in result.stderr
    grown = run("participant", "add", group_file, "--name", "Voksen", "--born", "1980", "--no-input")
    assert grown.exit_code == 0 and grown.stderr == ""


def test_an_empty_birth_answer_asks_whether_the_person_is_18(group_file):
    from selvhjelp_cli.groupfile.loader import load_group

    from .conftest import invoke

    yes = invoke("participant", "add", str(group_file), input="Åse K.\n\nja\n\n\n")
    assert yes.exit_code == 0, yes.stderr
    assert "Er personen fylt 18 år?" in yes.output
    assert load_group(group_file).group.participants[-1].adult is True
    before = group_file.read_bytes()
    no = invoke("participant", "add", str(group_file), input="Unge U.\n\nnei\n")
    assert no.exit_code == 2 and "må være fylt 18 år" in no.stderr
    assert group_file.read_bytes() == before


def test_a_name_and_all_at_once_is_refused(three):
    result = run("participant", "sign", three, "anne", "--all")
    assert result.exit_code == 2 and "ikke begge" in result.stderr
