"""core/errors.py: the one error type users see, where it points, and the exit codes."""

from __future__ import annotations

from selvhjelp_cli.core.errors import ExitCode, InvalidFile, Problem, UserError, did_you_mean
from selvhjelp_cli.core.i18n import in_language


def test_the_exit_codes_are_those_shells_and_scripts_expect():
    assert [int(c) for c in ExitCode] == [0, 1, 2, 130, 141]


def test_an_error_names_the_file_line_and_column_it_knows():
    assert str(UserError("Feil.")) == "Feil."
    assert str(UserError("Feil.", path="a.yaml")) == "a.yaml: Feil."
    assert str(UserError("Feil.", path="a.yaml", line=3)) == "a.yaml:3: Feil."
    assert str(UserError("Feil.", path="a.yaml", line=3, column=7)) == "a.yaml:3:7: Feil."
    assert str(UserError("Feil.", line=3)) == "3: Feil."
    assert UserError("Feil.", path="a.yaml").lines() == ["a.yaml: Feil."]


def test_an_invalid_file_says_every_problem_on_a_line_of_its_own():
    error = InvalidFile("a.yaml", [Problem("Først.", 2, 1), Problem("Så.", 5), Problem("Til slutt.")])
    assert error.lines() == ["a.yaml:2:1: Først.", "a.yaml:5: Så.", "a.yaml: Til slutt."]
    assert (error.message, error.line, error.column) == ("Først.", 2, 1)  # the first, for a one-line caller


def test_suggestions_are_offered_as_a_question_or_not_at_all():
    with in_language("nb"):
        assert did_you_mean([]) == ""
        assert did_you_mean(["Os"]) == " Mente du «Os»?"
        assert did_you_mean(["Os", "Oslo", "Ås"]) == " Mente du «Os», «Oslo» eller «Ås»?"
    with in_language("en"):
        assert did_you_mean(["Os", "Oslo"]) == " Did you mean “Os” or “Oslo”?"
