"""Mistakes on the command line: one Norwegian sentence from the exception's
attributes, pointing to the command's own help, exit 2."""

from __future__ import annotations

import pytest

from .conftest import EXAMPLES, invoke

TORSDAG = str(EXAMPLES / "torsdagsgruppa.yaml")


@pytest.mark.parametrize("args, message", [
    (["print-handout"], "Mangler UTDELINGSARK. Se «selvhjelp print-handout --help»."),
    (["calendar"], "Mangler FIL. Se «selvhjelp calendar --help»."),
    (["check", "--today"], "--today må ha en verdi. Se «selvhjelp check --help»."),
    (["find-district", "--county"], "--county må ha en verdi. Se «selvhjelp find-district --help»."),
    (["check", "--strict=ja"], "--strict tar ingen verdi. Se «selvhjelp check --help»."),
    (["chek"], "Ukjent kommando «chek». Mente du «selvhjelp check»? Se «selvhjelp --help»."),
    (["print-handot"], "Ukjent kommando «print-handot». Mente du «selvhjelp print-handout»? Se «selvhjelp --help»."),
    (["sjekk", "x.yaml"], "Ukjent kommando «sjekk». Mente du «selvhjelp check»? Se «selvhjelp --help»."),
    (["Deltaker"], "Ukjent kommando «Deltaker». Mente du «selvhjelp participant»? Se «selvhjelp --help»."),
    (["skriv-ut"], "Ukjent kommando «skriv-ut». Mente du «selvhjelp print-declaration» eller "
                   "«selvhjelp print-handout»? Se «selvhjelp --help»."),
    (["participant", "legg-til"], "Ukjent kommando «legg-til». Mente du «selvhjelp participant add»? "
                                  "Se «selvhjelp participant --help»."),
    (["meeting", "avlys"], "Ukjent kommando «avlys». Mente du «selvhjelp meeting cancel»? "
                           "Se «selvhjelp meeting --help»."),
    (["xyzzy"], "Ukjent kommando «xyzzy». Se «selvhjelp --help»."),
    (["--bogus"], "Ukjent valg --bogus. Se «selvhjelp --help»."),
    (["check", "--formt", "json"], "Ukjent valg --formt. Mente du «--format»? Se «selvhjelp check --help»."),
    (["calendar", TORSDAG, "Kari", "Ola"], "2 argumenter for mye. Se «selvhjelp calendar --help»."),
    (["rules", "adult", "Kari"], "Ett argument for mye. Se «selvhjelp rules --help»."),
    (["check", "--format", "xml"], "Ugyldig verdi for --format. Gyldige verdier: text, json, csv, concise, xlsx."),
    (["print-handout", "plakatt"], "Det finnes ikke noe utdelingsark som heter «plakatt». Velg blant rammer, "
                                   "prinsipper, første-møte, digital, registrering, oppmøteliste eller plakat. "
                                   "Mente du «plakat»?"),
    (["print-declaration", "--blank", "0"], "--blank må være et helt tall fra 1 til 200."),
    (["print-declaration", "--blank", "to"], "--blank må være et helt tall fra 1 til 200."),
    (["calendar", TORSDAG, "--count", "501"], "--count må være et helt tall fra 1 til 500."),
    (["print-declaration", "--blank", "1", "--lang", "fr"], "Ugyldig verdi for --lang. Gyldige verdier: nb, nn, en, "
                                                            "bokmål, nynorsk, engelsk."),
    (["check", "--today", "i morgen"], "--today må være en dato, for eksempel 2027-01-07 (ÅÅÅÅ-MM-DD) eller 7.1.2027."),
    (["calendar", TORSDAG, "--until", "31.2.2027"], "--until: Den datoen finnes ikke. Sjekk dag og måned."),
    (["calendar", TORSDAG, "--until", "neste år"],
     "--until må være en dato, for eksempel 2027-01-07 (ÅÅÅÅ-MM-DD) eller 7.1.2027."),
    (["init-group", "-"], "En gruppefil skrives alltid til en fil, slik at bare du kan lese den. Oppgi et filnavn."),
])
def test_one_clear_sentence(args, message):
    result = invoke(*args)
    assert result.exit_code == 2
    assert result.stderr == f"Feil: {message}\n"
    assert result.stdout == ""


def test_no_internal_names_reach_the_user():
    for args in (["print-handout"], ["calendar"], ["check", "--today"]):
        err = invoke(*args).stderr
        assert "kind" not in err and "file" not in err and "Option" not in err and "Missing" not in err


def test_the_help_pointer_is_said_once():
    assert invoke("chek").stderr.count("--help") == 1


def test_extra_arguments_are_counted_not_repeated():
    err = invoke("calendar", TORSDAG, "Kari Nilsen").stderr
    assert "Kari" not in err


def test_no_command_shows_the_help_and_exits_2():
    result = invoke()
    assert result.exit_code == 2
    assert "Kommandoer:" in result.stdout and "Bruk: selvhjelp" in result.stdout


def test_a_lang_given_as_a_word():
    result = invoke("print-declaration", "--blank", "1", "--lang", "nynorsk", "--format", "md", "-o", "-")
    assert result.exit_code == 0 and "Erklæring om teieplikt" in result.stdout
