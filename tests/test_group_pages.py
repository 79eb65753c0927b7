"""One group's pages (app/group_pages.py): the plan and the check in people's words, every change the
CLI's own change byte for byte, seen where the person looks, confirmed when it cannot be undone lightly,
and undone with one button."""

from __future__ import annotations

import os
import re
import shutil
import stat

import pytest
import yaml
from starlette.testclient import TestClient

from selvhjelp_cli.groupfile.loader import load_group

from .conftest import BASE_URL, EXAMPLES, TODAY, invoke, post, shown


def _follow(client, answer):
    assert answer.status_code == 303, answer.text[:500]
    return client.get(answer.headers["location"]).text


# -- what the pages show ---------------------------------------------------------------------

def test_each_page_holds_what_a_person_comes_to_do(app):
    client, guard = app
    pages = {tab: client.get(f"/g/onsdagsgruppa-med-problemer{tab}").text
             for tab in ("", "/participants", "/meetings", "/documents")}
    for text in ("Planen", "Sjekk mot rammene", "Endringer du har gjort", "Lag statusfil til kontaktpunktet",
                 "Dato for det siste møtet"):
        assert text in pages[""], text
    for text in ("Legg til en deltaker", "Alle skrev under på møtet", "Lagt til ved en feil", ">Rett<"):
        assert text in pages["/participants"], text
    for text in ("Avlys ett møte", "Flytt ett møte", "Opphold i møtene", "Last ned kalenderfil"):
        assert text in pages["/meetings"], text
    assert "Plakat" in pages["/documents"] and "Lag utskriften" in pages["/documents"]
    for page in pages.values():
        assert 'aria-current="page"' in page


def test_the_check_speaks_to_people_errors_first_and_without_keys_lines_or_rule_ids(app):
    client, guard = app
    page = client.get("/g/onsdagsgruppa-med-problemer").text
    check = page.split('id="check"')[1].split("</section>")[0]
    for word in ("declaration_signed", "fee_nok", "closed: false", "online.url", "linje", "(adult)", "leaderless",
                 "decisions, rule", "Hvorfor"):
        assert word not in check, word
    labels = re.findall(r"<strong>([^<]+):</strong>", check)
    order = {"Feil": 0, "Advarsel": 1, "Til informasjon": 2, "Avtalt i gruppa": 3}
    assert [order[label] for label in labels] == sorted(order[label] for label in labels)
    assert "Om kravet" in check and "Om anbefalingen" in check


def _planned_and_unsigned(folder):
    """ny.yaml: the example group moved to start in February 2027, nobody signed yet."""
    text = (EXAMPLES / "torsdagsgruppa.yaml").read_text(encoding="utf-8")
    (folder / "ny.yaml").write_text(text.replace("first_meeting: 2026-09-03", "first_meeting: 2027-02-04")
                                    .replace("    declaration_signed: 2026-09-03\n", "")
                                    .replace("    declaration_signed: 2026-11-05\n", "")
                                    .replace("joined: 2026-11-05", "joined: 2027-02-04"), encoding="utf-8")


def test_repeated_findings_of_one_rule_are_told_once(app, folder):
    client, guard = app
    _planned_and_unsigned(folder)
    check = client.get("/g/ny").text.split('id="check"')[1].split("</section>")[0]
    assert re.search(r"\d+ deltakere skal skrive under taushetserklæringen på sitt første møte: ", check)
    assert check.count("skal skrive under") == 1


def test_the_plan_shows_every_change_with_the_way_back(app, folder):
    client, guard = app
    for path, data in (("/g/torsdagsgruppa/meeting/pause", {"from": "2027-06-21", "to": "2027-08-15",
                                                              "reason": "sommerferie"}),
                       ("/g/torsdagsgruppa/meeting/cancel", {"date": "2027-03-25"}),
                       ("/g/torsdagsgruppa/meeting/move", {"date": "2027-04-01", "new-date": "2027-03-31",
                                                          "start": "17:00"})):
        assert post(client, guard, path, {"shown": shown(client, "torsdagsgruppa"), **data}).status_code == 303
    page = client.get("/g/torsdagsgruppa").text
    for text in ("Opphold i møtene fra mandag 21. juni 2027 til søndag 15. august 2027", "(sommerferie)",
                 "Avlyst: torsdag 25. mars 2027", "til onsdag 31. mars 2027 kl. 17.00", "Ta bort oppholdet",
                 "Angre avlysningen", "Flytt tilbake"):
        assert text in page, text


def test_the_meetings_run_to_the_end_of_the_half_year_and_the_calendar_file_covers_the_same(app):
    client, guard = app
    page = client.get("/g/torsdagsgruppa/meetings").text
    assert 'value="2027-06-30"' in page and "torsdag 24. juni 2027" in page and "torsdag 1. juli 2027" not in page
    ics = client.get("/g/torsdagsgruppa/calendar.ics?until=2027-06-30").text
    assert "DTSTART;TZID=Europe/Oslo:20270624T180000" in ics and "20270701" not in ics
    later = client.get("/g/torsdagsgruppa/meetings?until=2027-09-30").text
    assert "torsdag 30. september 2027" in later


def test_documents_offered_fit_the_group(app, folder):
    client, guard = app
    physical = client.get("/g/torsdagsgruppa/documents").text
    assert "Råd for digitale møter" not in physical and "Plakat" in physical
    assert "Råd for digitale møter" in client.get("/g/nettgruppa-nord/documents").text
    post(client, guard, "/g/torsdagsgruppa/group/end", {"shown": shown(client, "torsdagsgruppa"),
                                                        "date": "2027-01-14", "confirm": "ja"})
    ended = client.get("/g/torsdagsgruppa/documents").text
    for kind in ("Plakat", "Oppmøteliste", "Registreringsskjema", "Taushetserklæring, én side"):
        assert kind not in ended, kind
    refused = client.get("/g/torsdagsgruppa/poster.pdf")
    assert refused.status_code == 400 and "sluttet å møtes" in refused.text


def test_a_document_from_the_app_is_the_document_from_the_cli(app, folder, tmp_path, monkeypatch):
    client, guard = app
    answer = client.get("/g/torsdagsgruppa/framework.md?lang=en")
    assert answer.status_code == 200 and answer.headers["content-type"].startswith("text/markdown")
    monkeypatch.chdir(tmp_path)
    result = invoke("print-handout", "framework", str(folder / "torsdagsgruppa.yaml"), "--format", "md",
                    "--lang", "en", "--today", TODAY.isoformat(), "-o", "cli.md")
    assert result.exit_code == 0, result.stderr
    assert answer.content == (tmp_path / "cli.md").read_bytes()
    pdf = client.get("/g/torsdagsgruppa/declaration.pdf")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    assert "Ola" not in pdf.headers["content-disposition"]


def test_a_document_that_cannot_be_made_says_why(app, folder):
    client, guard = app
    text = (folder / "torsdagsgruppa.yaml").read_text(encoding="utf-8")
    (folder / "tom.yaml").write_text(text.split("participants:")[0], encoding="utf-8")
    answer = client.get("/g/tom/declaration.pdf")
    assert answer.status_code == 400 and "ingen aktive deltakere" in answer.text


@pytest.mark.parametrize("name", ["Čáhppes gárdi ŋ", "Gruppe a\u030a", "Grüppe «ø»"])
def test_every_download_has_an_ascii_file_name_and_the_real_one(app, folder, name):
    client, guard = app
    shutil.copy(folder / "torsdagsgruppa.yaml", folder / f"{name}.yaml")
    for path in ("calendar.ics", "status.json", "framework.pdf"):
        answer = client.get(f"/g/{name}/{path}")
        assert answer.status_code == 200, path
        disposition = answer.headers["content-disposition"]
        assert disposition.isascii() and "filename*=UTF-8''" in disposition


def test_letterheads_in_the_folder_are_offered_and_only_they(app, folder, tmp_path):
    client, guard = app
    (folder / "kontor.yaml").write_text("version: 1\nname: Frivilligsentralen\nlines: [Storgata 1]\n", encoding="utf-8")
    (tmp_path / "ute.yaml").write_text("version: 1\nname: Utenfor\nlines: [Et annet sted]\n", encoding="utf-8")
    os.symlink(tmp_path / "ute.yaml", folder / "lenke.yaml")
    page = client.get("/g/torsdagsgruppa/documents").text
    assert 'value="kontor.yaml"' in page and "lenke.yaml" not in page
    good = client.get("/g/torsdagsgruppa/framework.md?letterhead=kontor.yaml")
    assert good.status_code == 200 and "Frivilligsentralen" in good.text
    for name in ("torsdagsgruppa.yaml", "../kontor.yaml", "lenke.yaml"):
        assert client.get(f"/g/torsdagsgruppa/framework.md?letterhead={name}").status_code == 404, name


def test_no_page_puts_a_participant_name_in_an_address(app):
    client, guard = app
    names = [p.name for p in load_group(EXAMPLES / "torsdagsgruppa.yaml").group.participants]
    for tab in ("", "/participants", "/meetings", "/documents"):
        page = client.get(f"/g/torsdagsgruppa{tab}").text
        for address in re.findall(r'(?:href|action)="([^"]*)"', page):
            assert not any(name.split()[0] in address for name in names), address
        # The only GET forms (the season, the document choice) carry dates and kinds, never names.
        assert set(re.findall(r'<form method="get" action="([^"]+)"', page)) <= {
            "/g/torsdagsgruppa/document", "/g/torsdagsgruppa/meetings"}


def test_nothing_outside_the_folder_is_served(app, folder, tmp_path):
    client, guard = app
    (tmp_path / "outside.yaml").write_text(
        (folder / "torsdagsgruppa.yaml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    os.symlink(tmp_path / "outside.yaml", folder / "lenke.yaml")
    for stem in ("..%2Foutside", "%2E%2E%2Foutside", "lenke", ".hidden", "%2Fetc%2Fpasswd", "C:%5Cx"):
        assert client.get(f"/g/{stem}").status_code == 404, stem
    assert client.get("/g/../outside").status_code == 404


def test_an_invalid_file_is_explained_and_never_changed(app, folder):
    client, guard = app
    path = folder / "brutt.yaml"
    path.write_text("version: 1\nname: Brutt\ncounty: Rogaland\n", encoding="utf-8")
    page = client.get("/g/brutt")
    assert page.status_code == 400 and "endrer den ikke" in page.text and "Notisblokk" in page.text
    assert 'method="post" action="/g/brutt' not in page.text
    answer = post(client, guard, "/g/brutt/group/end", {"shown": "x", "date": "20.1.2027", "confirm": "ja"})
    assert answer.status_code in (400, 409)
    assert path.read_text(encoding="utf-8") == "version: 1\nname: Brutt\ncounty: Rogaland\n"


# -- changes: the CLI's own, byte for byte -------------------------------------------------------

def _same_change_both_ways(app, folder, tmp_path, monkeypatch, path, data, cli_args):
    client, guard = app
    cli_copy = tmp_path / "cli.yaml"
    shutil.copy(folder / "torsdagsgruppa.yaml", cli_copy)
    os.chmod(cli_copy, stat.S_IMODE((folder / "torsdagsgruppa.yaml").stat().st_mode))
    answer = post(client, guard, path, {"shown": shown(client, "torsdagsgruppa"), **data})
    monkeypatch.chdir(tmp_path)
    today = [] if cli_args[:2] == ["participant", "remove"] else ["--today", TODAY.isoformat()]
    result = invoke(*(str(cli_copy) if arg == "FILE" else arg for arg in cli_args), *today)
    assert result.exit_code == 0, result.stderr
    page = _follow(client, answer)
    assert (folder / "torsdagsgruppa.yaml").read_bytes() == cli_copy.read_bytes()
    return page


SAME_CHANGES = [
    ("/g/torsdagsgruppa/participant/add", {"name": "Åse K.", "born": "1979", "signed": "2027-01-20"},
     ["participant", "add", "FILE", "--name", "Åse K.", "--born", "1979", "--signed", "20.1.2027"]),
    ("/g/torsdagsgruppa/participant/add", {"name": "Bo", "adult": "ja", "joined": "i dag", "role": "låser opp"},
     ["participant", "add", "FILE", "--name", "Bo", "--adult", "--joined", "i dag", "--role", "låser opp"]),
    ("/g/torsdagsgruppa/participant/edit", {"who": "Tor A.", "name": "Tor Arne A.", "born": "1980",
                                            "joined": "2026-11-05", "signed": "2026-11-05", "left": ""},
     ["participant", "edit", "FILE", "Tor A.", "--name", "Tor Arne A."]),
    ("/g/torsdagsgruppa/participant/leave", {"name": "Tor A.", "date": "2027-01-14"},
     ["participant", "leave", "FILE", "Tor A.", "--date", "14.1.2027"]),
    ("/g/torsdagsgruppa/participant/remove", {"name": "Tor A.", "confirm": "ja"},
     ["participant", "remove", "FILE", "Tor A."]),
    ("/g/torsdagsgruppa/meeting/cancel", {"date": "2027-01-28", "reason": "Vinterferie"},
     ["meeting", "cancel", "FILE", "28.1.2027", "--reason", "Vinterferie"]),
    ("/g/torsdagsgruppa/meeting/move", {"date": "2027-02-04", "new-date": "2027-02-05", "start": "17:00"},
     ["meeting", "move", "FILE", "4.2.2027", "5.2.2027", "--start", "17.00"]),
    ("/g/torsdagsgruppa/meeting/pause", {"from": "2027-07-01", "to": "2027-08-10", "reason": "Sommer"},
     ["meeting", "pause", "FILE", "1.7.2027", "10.8.2027", "--reason", "Sommer"]),
    ("/g/torsdagsgruppa/decision/add", {"rule": "meeting-length", "date": "2027-01-20", "note": "Tor A."},
     ["decision", "add", "FILE", "meeting-length", "--date", "20.1.2027", "--note", "Tor A."]),
    ("/g/torsdagsgruppa/group/end", {"date": "2027-01-20", "confirm": "ja"},
     ["end-group", "FILE", "--date", "20.1.2027"]),
]


@pytest.mark.parametrize("path, data, cli_args", SAME_CHANGES)
def test_a_change_in_the_app_gives_the_same_bytes_as_the_cli_and_can_be_undone(app, folder, tmp_path, monkeypatch,
                                                                              path, data, cli_args):
    client, guard = app
    before = (folder / "torsdagsgruppa.yaml").read_bytes()
    page = _same_change_both_ways(app, folder, tmp_path, monkeypatch, path, data, cli_args)
    assert 'id="melding"' in page and ">Angre</button>" in page
    undo = post(client, guard, "/g/torsdagsgruppa/history/undo", {"shown": shown(client, "torsdagsgruppa")})
    assert "Angret: " in _follow(client, undo)
    assert (folder / "torsdagsgruppa.yaml").read_bytes() == before


def test_signing_one_and_signing_all_give_the_same_bytes_as_the_cli(app, folder, tmp_path, monkeypatch):
    text = (folder / "torsdagsgruppa.yaml").read_text(encoding="utf-8")
    (folder / "torsdagsgruppa.yaml").write_text(text.replace("declaration_signed: 2026-11-05", "role: kaffe"),
                                                encoding="utf-8")
    _same_change_both_ways(app, folder, tmp_path, monkeypatch, "/g/torsdagsgruppa/participant/sign",
                           {"name": "Tor A.", "date": "2027-01-20"},
                           ["participant", "sign", "FILE", "Tor A.", "--date", "20.1.2027"])
    (folder / "torsdagsgruppa.yaml").write_text(text.replace("declaration_signed: 2026-11-05", "role: kaffe"),
                                                encoding="utf-8")
    page = _same_change_both_ways(
        app,
        folder,
        tmp_path,
        monkeypatch,
        "/g/torsdagsgruppa/participant/sign-all",
        {"date": "2027-01-14"},
        ["participant", "sign", "FILE", "--all", "--date", "14.1.2027"],
    )
    assert "Tor A. skrev under 14.1.2027." in page


def test_restoring_and_reopening_give_the_same_bytes_as_the_cli(app, folder, tmp_path, monkeypatch):
    client, guard = app
    post(client, guard, "/g/torsdagsgruppa/meeting/cancel", {"shown": shown(client, "torsdagsgruppa"),
                                                             "date": "2027-01-28"})
    _same_change_both_ways(app, folder, tmp_path, monkeypatch, "/g/torsdagsgruppa/meeting/restore",
                           {"date": "2027-01-28"}, ["meeting", "restore", "FILE", "28.1.2027"])
    post(client, guard, "/g/torsdagsgruppa/group/end", {"shown": shown(client, "torsdagsgruppa"),
                                                        "date": "2027-01-20", "confirm": "ja"})
    page = _same_change_both_ways(app, folder, tmp_path, monkeypatch, "/g/torsdagsgruppa/group/reopen", {},
                                  ["end-group", "FILE", "--reopen"])
    assert "ikke registrert som avsluttet lenger" in page


@pytest.mark.parametrize(("path", "data", "asks"), [
    ("/g/torsdagsgruppa/participant/remove", {"name": "Tor A."}, "Vil du fjerne «Tor A.» fra gruppefilen?"),
    ("/g/torsdagsgruppa/group/end", {"date": "2027-01-20"},
     "Vil du registrere at Torsdagsgruppa sluttet å møtes onsdag 20. januar 2027?"),
    ("/g/torsdagsgruppa/history/clear", {}, "Vil du slette hele historikken for angring?"),
])
def test_what_cannot_be_undone_lightly_asks_first_and_names_what(app, folder, path, data, asks):
    client, guard = app
    post(client, guard, "/g/torsdagsgruppa/meeting/cancel", {"shown": shown(client, "torsdagsgruppa"),
                                                             "date": "2027-01-28"})
    before = (folder / "torsdagsgruppa.yaml").read_bytes()
    answer = post(client, guard, path, {"shown": shown(client, "torsdagsgruppa"), **data})
    assert answer.status_code == 200 and asks in answer.text
    assert (folder / "torsdagsgruppa.yaml").read_bytes() == before
    confirmed = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', answer.text))
    assert confirmed["confirm"] == "ja"
    assert post(client, guard, path, {k: v for k, v in confirmed.items() if k != "csrf"}).status_code == 303


def test_no_participant_is_chosen_for_the_person_and_no_end_date_is_filled_in(app):
    client, guard = app
    participants = client.get("/g/torsdagsgruppa/participants").text
    for form in ("participant-sign", "participant-leave", "participant-remove"):
        if f'id="{form}"' in participants:
            select = participants.split(f'id="{form}"')[1].split("</select>")[0]
            assert " selected" not in select and '<option value="">Velg deltaker</option>' in select, form
    overview = client.get("/g/torsdagsgruppa").text
    assert re.search(r'id="e-date" name="date" type="date" value=""', overview)


def test_every_suggested_signing_date_is_accepted(app, folder):
    client, guard = app
    _planned_and_unsigned(folder)
    page = client.get("/g/ny/participants").text
    day = re.search(r'id="sa-date" name="date" type="date" value="([^"]+)"', page).group(1)
    assert day == "2027-02-04"  # the first meeting, not today (the group starts later)
    answer = post(client, guard, "/g/ny/participant/sign-all", {"shown": shown(client, "ny"), "date": day})
    assert "deltakere skrev under 4.2.2027" in _follow(client, answer)


def test_a_correction_keeps_the_persons_place_and_the_form_shows_what_the_file_says(app, folder):
    client, guard = app
    page = client.get("/g/torsdagsgruppa/participants?rett=2").text
    form = page.split('id="participant-edit"')[1].split("</form>")[0]
    person = load_group(folder / "torsdagsgruppa.yaml").group.participants[2]
    assert f'value="{person.name}"' in form
    names = [p.name for p in load_group(folder / "torsdagsgruppa.yaml").group.participants]
    answer = post(client, guard, "/g/torsdagsgruppa/participant/edit",
                  {"shown": shown(client, "torsdagsgruppa"), "who": person.name, "name": person.name + "x",
                   "born": str(person.born or ""), "adult": "ja" if person.born is None else "",
                   "joined": person.joined.isoformat() if person.joined else "",
                   "signed": person.declaration_signed.isoformat() if person.declaration_signed else "",
                   "left": person.left.isoformat() if person.left else ""})
    assert "Rettet" in _follow(client, answer)
    assert [p.name for p in load_group(folder / "torsdagsgruppa.yaml").group.participants] == [
        name + "x" if name == person.name else name for name in names]


def test_under_18_is_said_at_once_as_an_error_in_words(app):
    client, guard = app
    answer = post(client, guard, "/g/torsdagsgruppa/participant/add",
                  {"shown": shown(client, "torsdagsgruppa"), "name": "Unge U.", "born": "2012"})
    page = _follow(client, answer)
    notice = page.split('id="melding"')[1].split("</div>")[0]
    assert "level-error" in page.split('id="melding"')[0].rsplit("<div", 1)[1]
    assert "Unge U. er under 18 år ved sitt første møte" in notice and "(adult)" not in notice
    assert "Advarsel" not in notice


def test_a_removed_persons_name_can_be_taken_out_of_the_history_from_the_message(app, folder):
    client, guard = app
    answer = post(client, guard, "/g/torsdagsgruppa/participant/remove",
                  {"shown": shown(client, "torsdagsgruppa"), "name": "Tor A.", "confirm": "ja"})
    page = _follow(client, answer)
    assert "Ta navnet ut av historikken også" in page
    gone = post(client, guard, "/g/torsdagsgruppa/history/forget", {"name": "Tor A."})
    assert "er tatt ut av angre-historikken" in _follow(client, gone)
    history = folder / ".selvhjelp-historikk" / "torsdagsgruppa.yaml.json"
    assert not history.exists() or "Tor A." not in history.read_text(encoding="utf-8")


def test_a_file_changed_after_the_page_was_shown_is_not_overwritten(app, folder):
    client, guard = app
    digest = shown(client, "torsdagsgruppa")
    path = folder / "torsdagsgruppa.yaml"
    edited = path.read_text(encoding="utf-8") + "# endret i et redigeringsprogram\n"
    path.write_text(edited, encoding="utf-8")
    answer = post(client, guard, "/g/torsdagsgruppa/participant/add", {"shown": digest, "name": "Åse K.",
                                                                        "born": "1979"})
    assert answer.status_code == 409
    assert path.read_text(encoding="utf-8") == edited
    assert "endret etter at siden ble vist" in answer.text
    assert 'value="Åse K."' in answer.text and 'value="1979"' in answer.text  # nothing typed is lost
    fresh = re.search(r'name="shown" value="([0-9a-f]+)"', answer.text).group(1)
    assert fresh != digest
    assert post(client, guard, "/g/torsdagsgruppa/participant/add",
                {"shown": fresh, "name": "Åse K.", "born": "1979"}).status_code == 303
    assert "# endret i et redigeringsprogram" in path.read_text(encoding="utf-8")


def test_a_change_the_group_does_not_allow_says_why_next_to_its_form(app, folder):
    client, guard = app
    before = (folder / "torsdagsgruppa.yaml").read_bytes()
    answer = post(client, guard, "/g/torsdagsgruppa/participant/add",
                  {"shown": shown(client, "torsdagsgruppa"), "name": "Ola N.", "adult": "ja"})
    assert answer.status_code == 400 and 'id="participant-add-error"' in answer.text and "finnes alt" in answer.text
    missing_age = post(client, guard, "/g/torsdagsgruppa/participant/add",
                       {"shown": shown(client, "torsdagsgruppa"), "name": "Ny"})
    assert missing_age.status_code == 400 and 'id="p-born-error"' in missing_age.text
    bad_day = post(client, guard, "/g/torsdagsgruppa/meeting/cancel",
                   {"shown": shown(client, "torsdagsgruppa"), "date": "i går i fjor"})
    assert bad_day.status_code == 400 and 'id="c-date-error"' in bad_day.text
    assert (folder / "torsdagsgruppa.yaml").read_bytes() == before


def test_the_status_file_from_the_app_is_the_one_the_cli_writes_and_names_no_one(app, folder, tmp_path):
    client, guard = app
    answer = client.get("/g/torsdagsgruppa/status.json")
    assert answer.status_code == 200 and "torsdagsgruppa.status.json" in answer.headers["content-disposition"]
    result = invoke("status", folder / "torsdagsgruppa.yaml", "-o", tmp_path / "s.json", "--today", TODAY.isoformat())
    assert result.exit_code == 0
    assert answer.content == (tmp_path / "s.json").read_bytes()
    for person in load_group(folder / "torsdagsgruppa.yaml").group.participants:
        assert person.name not in answer.text


def test_an_unexpected_error_shows_no_internals(app, monkeypatch):
    client, guard = app
    from selvhjelp_cli.app import page_data

    def broken(*args, **kwargs):
        raise RuntimeError("Ola N. 1984")

    monkeypatch.setattr(page_data, "plan_view", broken)
    answer = TestClient(guard, base_url=BASE_URL, raise_server_exceptions=False, cookies=client.cookies).get(
        "/g/torsdagsgruppa")
    assert answer.status_code == 500 and "Ola" not in answer.text and "RuntimeError" not in answer.text


def test_the_history_on_the_page_lists_what_was_done(app, folder):
    client, guard = app
    for day in ("2027-01-28", "2027-02-04"):
        post(client, guard, "/g/torsdagsgruppa/meeting/cancel", {"shown": shown(client, "torsdagsgruppa"), "date": day})
    page = client.get("/g/torsdagsgruppa").text
    history = page.split('id="history"')[1].split("</section>")[0]
    assert history.index("4.2.2027") < history.index("28.1.2027")
    assert "Angre den siste: Møtet 4.2.2027 er avlyst." in history
    assert yaml.safe_load((folder / "torsdagsgruppa.yaml").read_text(encoding="utf-8"))["name"] == "Torsdagsgruppa"


def test_a_decision_of_the_group_reads_as_what_it_decided(app):
    client, _guard = app
    page = client.get("/g/torsdagsgruppa").text
    assert "Gruppa bestemte 29.10.2026 å ta inn nye deltakere; Tor A. ble med 5.11.2026." in page
