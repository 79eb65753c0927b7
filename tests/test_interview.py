"""cli/interview.py: init-group asking, in a terminal: prompts that ask again, and nothing left behind when it stops."""

from __future__ import annotations

import os
import pty
import signal
import subprocess
import sys

from selvhjelp_cli.groupfile.loader import load_group

from .conftest import INTERVIEW_ANSWERS as ANSWERS
from .conftest import invoke
from .conftest import read_until as _read_until


def test_interactive_prompts_reask_and_write(tmp_path):
    target = tmp_path / "sorg.yaml"
    result = invoke("init-group", target, "--today", "2026-12-01", input=ANSWERS)
    assert result.exit_code == 0, result.stdout
    out = result.stdout
    assert "Mente du «Rogaland»" in out
    assert "Svar f (fysisk) eller d (digital)." in out
    assert "Den datoen finnes ikke. Sjekk dag og måned." in out and "Det er torsdag 4. februar 2027." in out
    flat = " ".join(out.replace("│", " ").split())
    assert ("om kontaktpunktet for Haugesund. I 2019 dekket distriktskontoret i Sandnes stedet; "
            "distriktskontorene ble lagt ned i 2023.") in flat
    group = load_group(target).group
    assert group.venue.name == "Biblioteket" and str(group.schedule.start) == "18:30:00"
    assert group.language == "nn" and group.starters[0].name == "Kari N."


def test_interactive_end_of_input_leaves_nothing(tmp_path):
    target = tmp_path / "sorg.yaml"
    result = invoke("init-group", target, input="Sorggruppa\n")
    assert result.exit_code == 2 and "Ingenting er lagret" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_real_program_in_a_pseudo_terminal(tmp_path):
    main, secondary = pty.openpty()
    env = dict(os.environ, COLUMNS="100", NO_COLOR="1")
    process = subprocess.Popen([sys.executable, "-m", "selvhjelp_cli", "init-group", "pty.yaml"], cwd=tmp_path,
                               stdin=secondary, stdout=secondary, stderr=secondary, env=env, close_fds=True)
    os.close(secondary)
    try:
        for prompt, answer in [(b"Gruppas navn", "Ptygruppa"), (b"Tema", ""), (b"Fylke", "Vestland"),
                               (b"Kommune", "Bergen"), (b"(f/d)", "f"), (b"M\xc3\xb8tested", "Biblioteket"),
                               (b"Adresse", ""), (b"Dato for f\xc3\xb8rste", "7.1.2027"), (b"Klokkeslett", ""),
                               (b"Lengde", ""), (b"Pause", ""), (b"uker", ""), (b"Igangsetterens navn", ""),
                               (b"Spr\xc3\xa5k", "")]:
            assert prompt in _read_until(main, prompt), prompt
            os.write(main, answer.encode() + b"\n")
        tail = _read_until(main, b"Neste steg")
        assert b"Neste steg" in tail
        assert process.wait(timeout=20) == 0
    finally:
        if process.poll() is None:
            process.kill()
        os.close(main)
    assert load_group(tmp_path / "pty.yaml").group.venue.name == "Biblioteket"


def test_ctrl_c_in_a_terminal_leaves_nothing(tmp_path):
    main, secondary = pty.openpty()
    process = subprocess.Popen([sys.executable, "-m", "selvhjelp_cli", "init-group", "avbrutt.yaml"], cwd=tmp_path,
                               stdin=secondary, stdout=secondary, stderr=secondary, close_fds=True,
                               env=dict(os.environ, NO_COLOR="1"))
    os.close(secondary)
    try:
        assert b"Gruppas navn" in _read_until(main, b"Gruppas navn")
        os.write(main, b"Gruppe\n")
        assert b"Tema" in _read_until(main, b"Tema")
        process.send_signal(signal.SIGINT)  # what Ctrl+C sends; the pty here is not a controlling terminal
        said = _read_until(main, b"Avbrutt", timeout=5)
        if b"Avbrutt" not in said:
            # The signal can land between Python's check for signals and readline's wait for a key
            # (a window a busy machine widens); a key press wakes it, as it would at a real prompt.
            os.write(main, b"\n")
            said += _read_until(main, b"Avbrutt")
        assert b"Avbrutt" in said
        assert process.wait(timeout=20) == 130
    finally:
        if process.poll() is None:
            process.kill()
        os.close(main)
    assert list(tmp_path.iterdir()) == []


def test_the_prompt_asks_again_for_the_municipality_of_a_shared_county(tmp_path):
    answers = "\n".join(["Vikgruppa", "", "Viken", "", "Drammen", "f", "Biblioteket", "", "7.1.2027", "", "", "",
                         "", "", ""]) + "\n"
    result = invoke("init-group", tmp_path / "v.yaml", "--today", "2026-11-23", input=answers)
    assert result.exit_code == 0, result.stderr
    assert "Fylket deles mellom flere kontorer; kommunen avgjør hvilket." in result.stdout
    assert load_group(tmp_path / "v.yaml").group.municipality == "Drammen"


def test_a_typo_offers_the_best_guess_as_the_answer_and_question_mark_lists(tmp_path):
    answers = "\n".join(["Gruppa", "", "?", "Rogalnd", "", "?", "Haugsund", "", "f", "Biblioteket", "", "7.1.2027",
                         "", "", "", "", "", ""]) + "\n"
    result = invoke("init-group", tmp_path / "g.yaml", "--today", "2026-11-23", input=answers)
    assert result.exit_code == 0, result.stderr
    out = " ".join(result.stdout.split())
    assert "Agder, Akershus, Buskerud, Finnmark" in out  # ? at the county
    assert "Mente du «Rogaland» eller «Hordaland»? Trykk Enter for å bruke forslaget." in out
    assert "Fylke [Rogaland]:" in out
    assert "Bjerkreim, Bokn, Eigersund" in out  # ? at the municipality: Rogaland's
    assert "Kommune (valgfritt) [Haugesund]:" in out
    group = load_group(tmp_path / "g.yaml").group
    assert (group.county, group.municipality) == ("Rogaland", "Haugesund")


def test_an_answer_that_is_not_utf_8_is_blamed_on_the_answer_and_asked_again(tmp_path):
    target = tmp_path / "sorg.yaml"
    answers = b"Sorggruppa \xe6\xf8\xe5\n" + ANSWERS.encode("utf-8")
    result = invoke("init-group", target, "--today", "2026-12-01", input=answers)
    assert result.exit_code == 0, result.stderr
    assert (
        "Svaret er ikke gyldig UTF-8-tekst. Sjekk at terminalen bruker UTF-8, og skriv svaret på nytt." in result.stdout
    )
    assert "Filen" not in result.stdout + result.stderr.replace("Skrev", "")
    assert load_group(target).group.name == "Sorggruppa"
