"""The folder's overview made in one background thread (app/survey.py): the answer when it is ready in time,
how far the reading has come when it is not, one reading at a time, and a failure handed to who asked."""

from __future__ import annotations

import threading

import pytest

from selvhjelp_cli.app.survey import Survey


def _gated(value, gate: threading.Event, made: list):
    def make(progress):
        progress(1)
        gate.wait(30)
        made.append(value)
        progress(2)
        return value
    return make


def test_the_overview_comes_at_once_when_it_is_ready_in_time():
    survey = Survey()
    assert survey.progress() == (0, 0, True)
    value, (done, total) = survey.get(("a",), 2, lambda progress: "list", wait=None)
    assert value == "list" and (done, total) == (2, 2)
    # Kept for its key: not made again.
    assert survey.get(("a",), 2, lambda progress: pytest.fail("made again"), wait=0) == ("list", (2, 2))


def test_while_it_is_being_made_the_answer_is_how_far_it_has_come():
    survey, gate, made = Survey(), threading.Event(), []
    value, (done, total) = survey.get(("a",), 2, _gated("list", gate, made), wait=0)
    assert value is None and total == 2 and done in (0, 1)
    assert survey.progress()[1:] == (2, False)
    gate.set()
    assert survey.get(("a",), 2, _gated("other", gate, made), wait=None)[0] == "list"
    assert made == ["list"] and survey.progress() == (2, 2, True)


def test_one_reading_at_a_time_and_the_folder_as_it_is_now_follows():
    survey, gate, made = Survey(), threading.Event(), []
    survey.get(("old",), 2, _gated("old list", gate, made), wait=0)
    # The folder changed meanwhile: the new key waits for the running reading, then gets its own.
    answers = []
    asking = threading.Thread(target=lambda: answers.append(survey.get(("new",), 2, _gated("new list", gate, made),
                                                                       wait=None)))
    asking.start()
    gate.set()
    asking.join(30)
    assert answers == [("new list", (2, 2))] and made == ["old list", "new list"]


def test_a_failure_goes_to_who_asked_and_the_next_asking_tries_again():
    survey = Survey()

    def broken(progress):
        raise OSError("disk")

    with pytest.raises(OSError):
        survey.get(("a",), 1, broken, wait=None)
    assert survey.get(("a",), 1, lambda progress: "list", wait=None)[0] == "list"


def test_the_reading_goes_on_in_the_language_of_who_asked():
    from selvhjelp_cli.core.i18n import current, in_language

    survey = Survey()
    with in_language("nn"):
        assert survey.get(("a",), 1, lambda progress: current(), wait=None)[0] == "nn"
