"""selvhjelp app through Starlette's TestClient: the guard, the pages, and changes that
are the CLI's own changes, byte for byte."""

from __future__ import annotations

import os
import re
import shutil
import stat
import threading
from datetime import date

import pytest
from starlette.testclient import TestClient

from selvhjelp_cli.app.server import build
from selvhjelp_cli.groupfile.loader import load_group

from .conftest import BASE_URL, EXAMPLES, NEW_GROUP, NEW_GROUP_FLAGS, PORT, TODAY, invoke, post, shown
from .conftest import app_client as _client

# -- the guard --------------------------------------------------------------------------

def test_without_the_secret_every_page_is_refused_with_how_to_open_it(folder):
    client, guard, _pages = _client(folder)
    for path in ("/", "/g/torsdagsgruppa", "/g/torsdagsgruppa/declaration.pdf", "/static/app.css"):
        answer = client.get(path)
        assert answer.status_code == 403
        assert "Start appen på nytt" in answer.text and "Ola" not in answer.text


def test_the_secret_works_once_and_leaves_the_address(folder):
    client, guard, _pages = _client(folder)
    secret = guard.launch_secret
    first = client.get(f"/?secret={secret}", follow_redirects=False)
    cookie = first.headers["set-cookie"]
    assert first.status_code == 303 and first.headers["location"] == "/"
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie and f"selvhjelp-{PORT}=" in cookie
    assert secret not in cookie
    other = TestClient(guard, base_url=BASE_URL)  # a browser that never had the cookie
    assert other.get(f"/?secret={secret}", follow_redirects=False).status_code == 403  # spent
    assert client.get("/").status_code == 200


def test_a_wrong_secret_or_cookie_is_refused(folder):
    client, guard, _pages = _client(folder)
    assert client.get("/?secret=wrong", follow_redirects=False).status_code == 403
    client.cookies.set(f"selvhjelp-{PORT}", "guess")
    assert client.get("/").status_code == 403


@pytest.mark.parametrize("host", ["evil.example:8123", "127.0.0.1:9999", "localhost", "", "127.0.0.1"])
def test_another_host_header_is_refused_before_anything(app, host):
    client, guard = app
    answer = client.get("/", headers={"host": host})
    assert answer.status_code == 421
    assert "Torsdagsgruppa" not in answer.text


def test_localhost_by_name_is_the_app_too(app):
    client, guard = app
    assert client.get("/", headers={"host": f"localhost:{PORT}"}).status_code == 200


@pytest.mark.parametrize("headers", [
    {"origin": "http://evil.example", "sec-fetch-site": "cross-site"},
    {"origin": "http://evil.example"},
    {"sec-fetch-site": "cross-site"},
    {"sec-fetch-site": "same-site"},
    {},  # neither header: not a browser page of ours
])
def test_a_change_from_another_origin_is_refused_and_changes_nothing(app, folder, headers):
    client, guard = app
    before = (folder / "torsdagsgruppa.yaml").read_bytes()
    answer = client.post("/g/torsdagsgruppa/group/end", data={"csrf": guard.csrf, "shown": shown(client, "torsdagsgruppa")},
                         headers=headers, follow_redirects=False)
    assert answer.status_code == 403
    assert (folder / "torsdagsgruppa.yaml").read_bytes() == before


def test_a_change_without_the_csrf_token_is_refused(app, folder):
    client, guard = app
    before = (folder / "torsdagsgruppa.yaml").read_bytes()
    for token in ("", "wrong"):
        answer = client.post("/g/torsdagsgruppa/group/end", data={"csrf": token},
                             headers={"origin": BASE_URL, "sec-fetch-site": "same-origin"}, follow_redirects=False)
        assert answer.status_code == 403 and "ingenting er endret" in answer.text
    assert (folder / "torsdagsgruppa.yaml").read_bytes() == before


def test_every_answer_carries_the_safety_headers(app):
    client, guard = app
    for path in ("/", "/g/torsdagsgruppa", "/new", "/find?place=Bryne", "/publish", "/static/app.css", "/nowhere"):
        headers = client.get(path).headers
        assert "default-src 'self'" in headers["content-security-policy"]
        assert "frame-ancestors 'none'" in headers["content-security-policy"]
        assert headers["cache-control"] == "no-store" or path == "/static/app.css"
        assert headers["referrer-policy"] == "same-origin" and headers["x-content-type-options"] == "nosniff"
        assert "access-control-allow-origin" not in headers


def test_nothing_outside_the_folder_is_served(app, folder, tmp_path):
    client, guard = app
    (tmp_path / "outside.yaml").write_text((folder / "torsdagsgruppa.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    os.symlink(tmp_path / "outside.yaml", folder / "lenke.yaml")
    for stem in ("..%2Foutside", "%2E%2E%2Foutside", "lenke", ".hidden", "%2Fetc%2Fpasswd", "C:%5Cx"):
        assert client.get(f"/g/{stem}").status_code == 404, stem
    assert client.get("/g/../outside").status_code == 404


def test_no_page_puts_a_participant_name_in_an_address(app):
    client, guard = app
    names = [p.name for p in load_group(EXAMPLES / "torsdagsgruppa.yaml").group.participants]
    page = client.get("/g/torsdagsgruppa").text
    addresses = re.findall(r'(?:href|action)="([^"]*)"', page)
    assert addresses
    for address in addresses:
        assert not any(name.split()[0] in address for name in names), address
    # The only GET forms (search, document choice) carry places and document kinds, never names.
    assert re.findall(r'<form method="get" action="([^"]+)"', page) == ["/g/torsdagsgruppa/document"]


# -- the pages -------------------------------------------------------------------------

def test_the_groups_list_the_office_overview_and_invalid_files_in_plain_words(app, folder):
    client, guard = app
    (folder / "broken.yaml").write_text("version: 1\nname: Brutt\nschedule: [\n", encoding="utf-8")
    page = client.get("/").text
    for text in ("Torsdagsgruppa", "Nettgruppa nord", "Rogaland", "Sandnes", "digital", "broken.yaml, linje"):
        assert text in page
    assert 'href="/g/broken"' in page
    broken = client.get("/g/broken")
    assert broken.status_code == 200 and "endrer den ikke" in broken.text and 'method="post" action="/g/broken' not in broken.text


def test_a_group_page_shows_the_plan_findings_participants_meetings_and_documents(app):
    client, guard = app
    page = client.get("/g/onsdagsgruppa-med-problemer").text
    for text in ("Planen", "Sjekk mot rammene", "Vi har bestemt dette sammen", "Legg til en deltaker",
                 "Avlys ett møte", "Ta pause", "Avslutt gruppa", "Plakat", "calendar.ics", "Hvorfor:"):
        assert text in page, text


def test_pages_speak_the_language_of_each_request_and_never_mix(app):
    client, guard = app
    answers = {}

    def ask(language):
        answers[language] = [client.get(f"/new?lang={language}").text for _ in range(5)]

    threads = [threading.Thread(target=ask, args=(language,)) for language in ("nb", "nn", "en")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert all('<html lang="nb">' in page and "Gruppas navn" in page for page in answers["nb"])
    assert all('<html lang="nn">' in page and "Namnet på gruppa" in page for page in answers["nn"])
    assert all('<html lang="en">' in page and "Name of the group" in page for page in answers["en"])


def test_the_language_chosen_is_remembered(app):
    client, guard = app
    client.get("/?lang=en")
    assert '<html lang="en">' in client.get("/find").text


def test_find_contact_point(app):
    client, guard = app
    page = client.get("/find?place=Bryne").text
    assert "Bryne" in page and "Telefon" in page and "2019" in page
    both = client.get("/find?place=Os").text
    assert "Innlandet" in both


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


def test_letterheads_in_the_folder_are_offered_and_only_they(app, folder):
    client, guard = app
    (folder / "kontor.yaml").write_text("version: 1\nname: Frivilligsentralen\nlines: [Storgata 1]\n", encoding="utf-8")
    assert 'value="kontor.yaml"' in client.get("/g/torsdagsgruppa").text
    good = client.get("/g/torsdagsgruppa/framework.md?letterhead=kontor.yaml")
    assert good.status_code == 200 and "Frivilligsentralen" in good.text
    assert client.get("/g/torsdagsgruppa/framework.md?letterhead=torsdagsgruppa.yaml").status_code == 404
    assert client.get("/g/torsdagsgruppa/framework.md?letterhead=../kontor.yaml").status_code == 404


def test_the_calendar_file(app):
    client, guard = app
    answer = client.get("/g/torsdagsgruppa/calendar.ics")
    assert answer.status_code == 200 and answer.content.startswith(b"BEGIN:VCALENDAR")


# -- changes: the CLI's own, byte for byte ----------------------------------------------

def test_a_new_group_from_the_app_is_the_file_init_group_writes(app, folder, tmp_path, monkeypatch):
    client, guard = app
    answer = post(client, guard, "/new", NEW_GROUP)
    assert answer.status_code == 303 and answer.headers["location"].startswith("/g/torsdagsgruppa-aas?done=")
    made = folder / "torsdagsgruppa-aas.yaml"
    assert stat.S_IMODE(made.stat().st_mode) == 0o600
    cli_folder = tmp_path / "cli"
    cli_folder.mkdir()
    monkeypatch.chdir(cli_folder)
    result = invoke("init-group", *NEW_GROUP_FLAGS, "--today", TODAY.isoformat())
    assert result.exit_code == 0, result.stderr
    assert made.read_bytes() == (cli_folder / "torsdagsgruppa-aas.yaml").read_bytes()
    assert "Gruppefilen er laget" in client.get(answer.headers["location"]).text
    again = post(client, guard, "/new", NEW_GROUP)  # the same name again: a file of its own
    assert again.headers["location"].startswith("/g/torsdagsgruppa-aas-2?")


def test_a_new_group_form_with_mistakes_says_so_at_each_field_and_keeps_what_was_typed(app, folder):
    client, guard = app
    answer = post(client, guard, "/new", {**NEW_GROUP, "county": "Rogalan", "first-meeting": "31.2.2027",
                                          "duration": "9999"})
    assert answer.status_code == 400
    page = answer.text
    assert 'id="f-county-error"' in page and "Rogaland" in page  # the suggestion
    assert 'id="f-first-meeting-error"' in page and "finnes ikke" in page
    assert 'id="f-duration-error"' in page
    assert 'value="Haugesund frivilligsentral"' in page and 'value="Rogalan"' in page
    assert sorted(os.listdir(folder)) == ["nettgruppa-nord.yaml", "onsdagsgruppa-med-problemer.yaml",
                                          "torsdagsgruppa.yaml"]


def _same_change_both_ways(app, folder, tmp_path, monkeypatch, path, data, cli_args):
    client, guard = app
    cli_copy = tmp_path / "cli.yaml"
    shutil.copy(folder / "torsdagsgruppa.yaml", cli_copy)
    os.chmod(cli_copy, stat.S_IMODE((folder / "torsdagsgruppa.yaml").stat().st_mode))
    answer = post(client, guard, path, {"shown": shown(client, "torsdagsgruppa"), **data})
    assert answer.status_code == 303, answer.text
    monkeypatch.chdir(tmp_path)
    today = [] if cli_args[:2] == ["participant", "remove"] else ["--today", TODAY.isoformat()]
    result = invoke(*(str(cli_copy) if arg == "FILE" else arg for arg in cli_args), *today)
    assert result.exit_code == 0, result.stderr
    assert (folder / "torsdagsgruppa.yaml").read_bytes() == cli_copy.read_bytes()
    return client.get(answer.headers["location"]).text


@pytest.mark.parametrize("path, data, cli_args", [
    ("/g/torsdagsgruppa/participant/add", {"name": "Åse K.", "born": "1979", "signed": "20.1.2027"},
     ["participant", "add", "FILE", "--name", "Åse K.", "--born", "1979", "--signed", "20.1.2027"]),
    ("/g/torsdagsgruppa/participant/add", {"name": "Bo", "adult": "ja", "joined": "i dag", "role": "låser opp"},
     ["participant", "add", "FILE", "--name", "Bo", "--adult", "--joined", "i dag", "--role", "låser opp"]),
    ("/g/torsdagsgruppa/participant/leave", {"name": "Tor A.", "date": "14.1.2027"},
     ["participant", "leave", "FILE", "Tor A.", "--date", "14.1.2027"]),
    ("/g/torsdagsgruppa/participant/remove", {"name": "Tor A."}, ["participant", "remove", "FILE", "Tor A."]),
    ("/g/torsdagsgruppa/meeting/cancel", {"date": "28.1.2027", "reason": "Vinterferie"},
     ["meeting", "cancel", "FILE", "28.1.2027", "--reason", "Vinterferie"]),
    ("/g/torsdagsgruppa/meeting/move", {"date": "4.2.2027", "new-date": "5.2.2027", "start": "17.00"},
     ["meeting", "move", "FILE", "4.2.2027", "5.2.2027", "--start", "17.00"]),
    ("/g/torsdagsgruppa/meeting/pause", {"from": "1.7.2027", "to": "10.8.2027", "reason": "Sommer"},
     ["meeting", "pause", "FILE", "1.7.2027", "10.8.2027", "--reason", "Sommer"]),
    ("/g/torsdagsgruppa/decision/add", {"rule": "closed-group", "date": "20.1.2027", "note": "Tor A."},
     ["decision", "add", "FILE", "closed-group", "--date", "20.1.2027", "--note", "Tor A."]),
    ("/g/torsdagsgruppa/group/end", {"date": "20.1.2027"}, ["end-group", "FILE", "--date", "20.1.2027"]),
])
def test_a_change_in_the_app_gives_the_same_bytes_as_the_cli(app, folder, tmp_path, monkeypatch, path, data,
                                                             cli_args):
    page = _same_change_both_ways(app, folder, tmp_path, monkeypatch, path, data, cli_args)
    assert 'class="notice"' in page


def test_signing_gives_the_same_bytes_as_the_cli(app, folder, tmp_path, monkeypatch):
    text = (folder / "torsdagsgruppa.yaml").read_text(encoding="utf-8")
    (folder / "torsdagsgruppa.yaml").write_text(text.replace("declaration_signed: 2026-11-05", "role: kaffe"),
                                                encoding="utf-8")
    _same_change_both_ways(app, folder, tmp_path, monkeypatch, "/g/torsdagsgruppa/participant/sign",
                           {"name": "Tor A.", "date": "20.1.2027"}, ["participant", "sign", "FILE", "Tor A.", "--date", "20.1.2027"])


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


def test_an_invalid_file_is_never_changed(app, folder):
    client, guard = app
    path = folder / "brutt.yaml"
    path.write_text("version: 1\nname: Brutt\ncounty: Rogaland\n", encoding="utf-8")
    answer = post(client, guard, "/g/brutt/group/end", {"shown": "x", "date": "20.1.2027"})
    assert answer.status_code in (400, 409)
    assert path.read_text(encoding="utf-8") == "version: 1\nname: Brutt\ncounty: Rogaland\n"


def test_under_18_is_said_at_once(app, folder):
    client, guard = app
    answer = post(client, guard, "/g/torsdagsgruppa/participant/add",
                  {"shown": shown(client, "torsdagsgruppa"), "name": "Unge U.", "born": "2012"})
    assert answer.status_code == 303
    page = client.get(answer.headers["location"]).text
    assert "Unge U. er under 18 år ved sitt første møte" in page and "(adult)" not in page


def test_publish_shows_the_open_groups_and_saves_both_files_without_overwriting(app, folder):
    client, guard = app
    page = client.get("/publish").text
    # Onsdagsgruppa breaks requirements; the other two have started and are closed.
    assert "Onsdagsgruppa" not in page and "Ola" not in page
    assert "Ikke med: 1 gruppe som bryter et krav i rammene" in page
    assert post(client, guard, "/publish", {"format": "json"}).status_code == 200
    assert (folder / "apne-grupper.json").read_text(encoding="utf-8").startswith("[")
    assert post(client, guard, "/publish", {"format": "html"}).status_code == 200
    assert "<html" in (folder / "apne-grupper.html").read_text(encoding="utf-8")
    again = post(client, guard, "/publish", {"format": "json"})
    assert again.status_code == 400 and "finnes allerede" in again.text
    assert post(client, guard, "/publish", {"format": "json", "force": "ja"}).status_code == 200


def test_quit_stops_the_server(folder):
    stopped = []
    guard, pages = build(str(folder), port=PORT, language="nb", today=lambda: TODAY, stop=lambda: stopped.append(1))
    client = TestClient(guard, base_url=BASE_URL)
    client.get("/?secret=" + guard.launch_secret)
    answer = post(client, guard, "/quit", {})
    assert answer.status_code == 200 and "avsluttet" in answer.text and stopped == [1]


def test_an_unexpected_error_shows_no_internals(app, monkeypatch):
    client, guard = app
    from selvhjelp_cli.app import page_data as words

    def broken(*args, **kwargs):
        raise RuntimeError("Ola N. 1984")

    monkeypatch.setattr(words, "group_view", broken)
    answer = TestClient(guard, base_url=BASE_URL, raise_server_exceptions=False, cookies=client.cookies).get(
        "/g/torsdagsgruppa")
    assert answer.status_code == 500 and "Ola" not in answer.text and "RuntimeError" not in answer.text


# -- starting and stopping ------------------------------------------------------------

def test_app_refuses_a_folder_that_does_not_exist_with_exit_2(tmp_path):
    result = invoke("app", str(tmp_path / "finnes-ikke"), "--no-browser")
    assert result.exit_code == 2 and "Mappen finnes ikke" in result.stderr


def test_app_refuses_a_port_that_is_taken_with_exit_2(tmp_path):
    import socket

    taken = socket.socket()
    taken.bind(("127.0.0.1", 0))
    taken.listen(1)
    try:
        result = invoke("app", str(tmp_path), "--no-browser", "--port", str(taken.getsockname()[1]))
    finally:
        taken.close()
    assert result.exit_code == 2 and "opptatt" in result.stderr


def test_app_stops_by_itself_when_idle_and_leaves_no_port_open(tmp_path, capsys):
    import socket

    from selvhjelp_cli.app.server import serve

    done = []
    thread = threading.Thread(target=lambda: done.append(serve(str(tmp_path), open_browser=False, idle_seconds=0.4)))
    thread.start()
    thread.join(15)
    assert done == [0]
    address = next(line for line in capsys.readouterr().out.splitlines() if line.startswith("http://127.0.0.1:"))
    port = int(address.split(":")[2].split("/")[0])
    with pytest.raises(OSError):
        socket.create_connection(("127.0.0.1", port), timeout=1)


def test_the_default_folder_is_made_owner_only(tmp_path, monkeypatch):
    from selvhjelp_cli.app import server

    monkeypatch.setattr(server, "documents_folder", lambda: str(tmp_path / "Dokumenter"))
    made = server.prepare_folder(None)
    assert made.endswith("Selvhjelp") and stat.S_IMODE(os.stat(made).st_mode) == 0o700


def test_the_publish_page_says_a_digital_group_stays_out_of_the_json(folder):
    guard, _pages = build(str(folder), port=PORT, language="nb", today=lambda: date(2026, 12, 2))
    client = TestClient(guard, base_url=BASE_URL)
    client.get("/?secret=" + guard.launch_secret)
    page = client.get("/publish").text
    assert "Nettgruppa nord" in page
    assert "Den digitale gruppa står bare på nettsiden. Fila for Meeting Guide-appen viser aldri lenker" in page


def test_a_decision_of_the_group_reads_as_what_it_agreed(app):
    client, _guard = app
    page = client.get("/g/torsdagsgruppa").text
    assert "<strong>Avtalt i gruppa</strong>:" in page
    assert "Gruppa bestemte 29.10.2026 å ta inn nye deltakere; Tor A. ble med 5.11.2026." in page
