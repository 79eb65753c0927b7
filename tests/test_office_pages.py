"""The folder's groups as an office sees them (app/office_pages.py): what needs following up in words,
sorted and filtered without script, the spreadsheet the CLI writes, contact points that are true, status
files read as groups, and a public list handed to the browser, never written beside the names."""

from __future__ import annotations

import os
import re
import shutil
import threading

import pytest

from .conftest import EXAMPLES, TODAY, app_client, invoke, listed, post

KONTOR = EXAMPLES / "kontor" / "kontaktpunkter.yaml"


def test_the_list_says_what_needs_following_up_in_words_and_counts_errors_apart(app, folder):
    client, guard = app
    page = client.get("/").text
    row = page.split("Onsdagsgruppa")[1].split("</tr>")[0]
    for words in ("under 18", "leder", "betaling", "ikke skrevet under", "4 feil", "advarsler"):
        assert words in row, words
    assert "Må følges opp (2)" in page  # Onsdagsgruppa, and Nettgruppa nord (too few yet)


def test_the_list_can_be_filtered_and_sorted_without_script(app, folder):
    client, guard = app
    follow_up = client.get("/?vis=oppfolging").text
    assert "Onsdagsgruppa" in follow_up and "Torsdagsgruppa" not in follow_up  # its one warning is agreed
    planned = client.get("/?vis=planlagt").text
    assert "Nettgruppa nord" not in planned or "Torsdagsgruppa" not in planned
    by_errors = client.get("/?sorter=feil").text
    assert by_errors.index("Onsdagsgruppa") < by_errors.index("Torsdagsgruppa")
    by_name = client.get("/?sorter=gruppe").text
    assert by_name.index("Nettgruppa nord") < by_name.index("Onsdagsgruppa") < by_name.index("Torsdagsgruppa")
    assert client.get("/?vis=ukjent&sorter=ukjent").status_code == 200


def test_a_closed_2019_office_is_never_shown_as_todays_contact_point(app, folder):
    client, guard = app
    page = client.get("/").text
    assert "Sandnes (nedlagt 2023)" in page and ">Sandnes<" not in page


def test_an_offices_directory_in_the_folder_is_used_and_dated(app, folder):
    client, guard = app
    shutil.copy(KONTOR, folder / "kontaktpunkter.yaml")
    page = client.get("/").text
    assert "nedlagt 2023" not in page
    found = client.get("/find?place=Haugesund").text
    assert "Listen er fra" in found and "nedlagt" not in found and "2019" not in found
    group = client.get("/g/torsdagsgruppa").text
    assert "Kontaktpunktet for gruppa er" in group
    assert "kontaktpunkter.yaml" not in client.get("/?vis=alle").text.split("<tbody>")[1]  # not a group


def test_a_directory_named_outside_the_folder_is_read_again_when_it_changes(folder, tmp_path):

    named = tmp_path / "katalog.yaml"
    shutil.copy(KONTOR, named)
    client, guard, _pages = app_client(folder, directory=str(named))
    client.get("/?secret=" + guard.launch_secret)
    assert "Eksempel – Frivilligsentralen på Haugalandet" in client.get("/").text
    named.write_text(KONTOR.read_text(encoding="utf-8").replace("Frivilligsentralen på Haugalandet",
                                                                "Haugalandet frivilligsentral"), encoding="utf-8")
    page = client.get("/").text  # no group file changed: the directory alone
    assert "Eksempel – Haugalandet frivilligsentral" in page and "Frivilligsentralen på Haugalandet" not in page


def test_without_a_directory_the_answer_leads_with_what_to_do_today(app):
    client, guard = app
    page = client.get("/find?place=Haugesund").text
    answer = page.split('id="answer"')[1].split("</section>")[0]
    assert answer.index("frivilligsentralen i kommunen") < answer.index("I 2019 dekket distriktskontoret i Sandnes")
    assert "981 02 067" not in answer and "<h3>" not in answer


def test_the_spreadsheet_from_the_list_is_the_one_the_cli_writes(app, folder, tmp_path):
    import zipfile

    client, guard = app
    answer = client.get("/overview.xlsx")
    assert answer.status_code == 200 and "attachment" in answer.headers["content-disposition"]
    result = invoke("check", folder, "--format", "xlsx", "-o", tmp_path / "cli.xlsx", "--today", TODAY.isoformat())
    assert result.exit_code in (0, 1)
    from io import BytesIO

    def strings(data: bytes) -> str:
        return zipfile.ZipFile(BytesIO(data)).read("xl/sharedStrings.xml").decode()

    app_strings, cli_strings = strings(answer.content), strings((tmp_path / "cli.xlsx").read_bytes())
    # The same cells; only the paths differ (the app lists by file name, the CLI by the path it was given).
    assert re.sub(r"<t>[^<]*\.yaml</t>", "", app_strings) == re.sub(r"<t>[^<]*\.yaml</t>", "", cli_strings)
    assert "Følg opp" in app_strings and "Ola" not in app_strings


def test_status_files_are_groups_on_the_list_marked_with_their_date(app, folder, tmp_path):
    client, guard = app
    result = invoke("status", folder / "onsdagsgruppa-med-problemer.yaml", "-o", tmp_path / "x.status.json",
                    "--today", TODAY.isoformat())
    assert result.exit_code == 0
    os.unlink(folder / "onsdagsgruppa-med-problemer.yaml")
    shutil.copy(tmp_path / "x.status.json", folder / "onsdagsgruppa.status.json")
    page = client.get("/").text
    row = page.split("Onsdagsgruppa")[1].split("</tr>")[0]
    assert "statusfil fra 20.1.2027" in row and "under 18" in row


def test_the_list_reads_only_the_folder_itself(app, folder, tmp_path):
    client, guard = app
    (folder / "under").mkdir()
    text = (folder / "torsdagsgruppa.yaml").read_text(encoding="utf-8")
    (folder / "under" / "x.yaml").write_text(text.replace("Torsdagsgruppa", "Undermappegruppe"), encoding="utf-8")
    elsewhere = tmp_path / "annet"
    elsewhere.mkdir()
    (elsewhere / "y.yaml").write_text(
        text.replace("Torsdagsgruppa", "Lenkegruppe").replace("closed: true", "closed: false"), encoding="utf-8"
    )
    os.symlink(elsewhere / "y.yaml", folder / "lenke.yaml")
    os.symlink(elsewhere, folder / "mappelenke")
    page = client.get("/").text
    assert "Undermappegruppe" not in page and "Lenkegruppe" not in page
    published = client.get("/publish").text
    assert "Lenkegruppe" not in published


def test_publish_hands_the_files_to_the_browser_and_writes_nothing_beside_the_names(app, folder):
    client, guard = app
    page = client.get("/publish").text
    assert "Onsdagsgruppa" not in page and "Ola" not in page
    assert "Ikke med: 1 gruppe som bryter et krav i rammene" in page
    before = sorted(os.listdir(folder))
    for kind, start in (("json", b"["), ("html", b"<!doctype html>")):
        answer = post(client, guard, "/publish", {"format": kind})
        assert answer.status_code == 200 and answer.content.lower().startswith(start.lower())
        assert "attachment" in answer.headers["content-disposition"]
    assert sorted(os.listdir(folder)) == before


def test_an_online_group_on_the_public_list_is_labelled_for_what_it_is(folder):
    from datetime import date


    client, guard, _site = app_client(folder, today=lambda: date(2026, 12, 2))
    client.get("/?secret=" + guard.launch_secret)
    page = client.get("/publish").text
    entry = page.split("Nettgruppa nord")[1].split("</li>")[0]
    assert "Hører til: Alta" in entry and "Fylke" not in entry
    assert "Den digitale gruppa står bare på nettsiden." in page


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


@pytest.mark.parametrize("blank", ["8", "1", "200"])
def test_blank_declarations(app, blank):
    client, guard = app
    answer = client.get(f"/declaration.pdf?blank={blank}")
    assert answer.status_code == 200 and answer.content.startswith(b"%PDF")


def test_quit_stops_the_server_and_leaves_nothing_live_on_the_page(folder):
    stopped = []
    client, guard, _site = app_client(folder, stop=lambda: stopped.append(1))
    client.get("/?secret=" + guard.launch_secret)
    answer = post(client, guard, "/quit", {})
    assert answer.status_code == 200 and "selvhjelp er lukket" in answer.text and stopped == [1]
    assert "<form" not in answer.text and "Hovedmeny" not in answer.text and "<style>" in answer.text


@pytest.fixture
def many(folder):
    """A national folder in small: 250 groups (copies of one example under other names)."""
    text = (folder / "torsdagsgruppa.yaml").read_text(encoding="utf-8")
    for i in range(247):
        (folder / f"gruppe-{i:03d}.yaml").write_text(text.replace("name: Torsdagsgruppa", f"name: Gruppe {i:03d}", 1),
                                                     encoding="utf-8")
    return folder


def test_a_folder_of_hundreds_is_listed_a_page_at_a_time(app, many):
    client, guard = app
    first = listed(client).text
    assert first.count('<th scope="row">') == 100
    assert "250 grupper · viser 1–100" in first and "Side 1 av 3" in first
    assert 'href="/?vis=alle&amp;sorter=gruppe&amp;side=2" rel="next"' in first and 'rel="prev"' not in first
    last = client.get("/?side=3").text
    assert last.count('<th scope="row">') == 50 and "viser 201–250" in last and 'rel="next"' not in last
    assert client.get("/?side=999").text.count('<th scope="row">') == 50  # past the end: the last page
    for odd in ("0", "-1", "abc", "²", "1" * 40):
        assert "Side 1 av 3" in client.get("/", params={"side": odd}).text, odd
    follow_up = client.get("/?vis=oppfolging").text
    assert "Side" not in follow_up.split("</table>")[1].split("<h2>")[0]  # two groups: one page, no pager
    english = listed(client, "/?lang=en").text  # another language: the folder is read again in it
    assert "250 groups · showing 1–100" in english and "Page 1 of 3" in english and "Next page" in english


def test_the_list_reads_again_only_the_file_that_changed(many, monkeypatch):
    from selvhjelp_cli.rules import checker


    client, guard, site = app_client(many)
    client.get("/?secret=" + guard.launch_secret)
    listed(client)
    read, rendered = [], []
    real = checker.check_file
    monkeypatch.setattr(checker, "check_file", lambda path, *a, **k: read.append(os.path.basename(path)) or
                        real(path, *a, **k))
    real_page = site.page
    monkeypatch.setattr(site, "page", lambda template, **k: rendered.append(template) or real_page(template, **k))
    again = client.get("/").text
    assert read == [] and rendered == []  # the same folder, asked the same way: the page as it was
    assert listed(client, "/?side=2").text != again and rendered == ["groups.html.j2"]
    path = many / "gruppe-007.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("Gruppe 007", "Gruppe sju"), encoding="utf-8")
    page = listed(client, "/?side=3").text
    assert read == ["gruppe-007.yaml"] and "Gruppe sju" in page


def test_letterheads_and_directory_files_are_recognised_once_per_version(app, many, monkeypatch):
    from selvhjelp_cli.documents import letterhead
    from selvhjelp_cli.places import directory_file

    client, guard = app
    asked = []
    for module, name in ((letterhead, "is_letterhead"), (directory_file, "looks_like_directory")):
        real = getattr(module, name)
        monkeypatch.setattr(module, name, lambda path, real=real: asked.append(path) or real(path))
    client.get("/g/torsdagsgruppa/documents")
    listed(client)
    assert len(asked) == 2 * 250
    asked.clear()
    client.get("/g/torsdagsgruppa/documents")
    listed(client)
    assert asked == []
    (many / "gruppe-001.yaml").write_text("lines: [Kontoret]\n", encoding="utf-8")  # now a letterhead
    client.get("/g/torsdagsgruppa/documents")
    listed(client)
    assert [os.path.basename(path) for path in asked] == ["gruppe-001.yaml", "gruppe-001.yaml"]


def test_a_folder_still_being_read_answers_with_how_far_it_has_come(app, many, monkeypatch):
    from selvhjelp_cli.app import office_pages
    from selvhjelp_cli.rules import checker

    client, guard = app
    gate = threading.Event()
    real = checker.check_file
    monkeypatch.setattr(checker, "check_file", lambda *a, **k: gate.wait(30) and real(*a, **k))
    monkeypatch.setattr(office_pages, "FIRST_ANSWER", 0)
    try:
        page = client.get("/?vis=oppfolging&sorter=feil").text
        assert 'id="reading"' in page and "av 250 filer er lest." in page and "<table" not in page
        assert 'href="/?vis=oppfolging&amp;sorter=feil">Se om listen er klar' in page
        assert '<script src="/static/reading.js" defer></script>' in page
        state = client.get("/progress").json()
        assert state["total"] == 250 and state["finished"] is False and state["text"].endswith("av 250 filer er lest.")
        script = client.get("/static/reading.js")
        assert script.headers["content-type"].startswith("text/javascript") and "/progress" in script.text
        english = client.get("/?lang=en").text  # asked in another language while the reading runs
        assert "files have been read" in english and "Files read so far" in english
    finally:
        gate.set()
    assert listed(client).text.count('<th scope="row">') == 100
    assert client.get("/progress").json()["finished"] is True


def test_a_folder_that_cannot_be_read_says_so_in_the_list(app, folder):
    client, guard = app
    assert client.get("/").text.count('<th scope="row">') == 3
    shutil.rmtree(folder)  # taken away while the app runs (a USB stick pulled out)
    page = client.get("/").text
    assert "Mappen kan ikke leses, så filene i den er ikke sjekket." in page and "Filen kan ikke leses" in page


def test_a_small_folder_is_read_before_the_first_answer(app, monkeypatch):
    from selvhjelp_cli.app import office_pages

    client, guard = app
    monkeypatch.setattr(office_pages, "FIRST_ANSWER", 0)
    page = client.get("/").text
    assert 'id="reading"' not in page and page.count('<th scope="row">') == 3


def test_another_language_or_a_new_day_runs_the_rules_again_without_reading_the_files(many, monkeypatch):
    from datetime import timedelta

    from selvhjelp_cli.rules import checker


    day = [TODAY]
    client, guard, site = app_client(many, today=lambda: day[0])
    client.get("/?secret=" + guard.launch_secret)
    assert "Onsdagsgruppa" in listed(client, "/?vis=oppfolging").text
    read = []
    real = checker.check_file
    monkeypatch.setattr(checker, "check_file", lambda path, *a, **k: read.append(os.path.basename(path)) or
                        real(path, *a, **k))
    english = listed(client, "/?vis=oppfolging&lang=en").text
    assert "Onsdagsgruppa" in english and "under 18" in english and "Needs following up" in english
    day[0] = TODAY + timedelta(days=400)  # a year on: the groups' meetings are long past
    later = listed(client, "/?lang=en").text
    assert read == [] and "250 groups" in later
    changed = many / "gruppe-003.yaml"
    text = changed.read_text(encoding="utf-8")
    changed.write_text(text.replace("Gruppe 003", "Aller første gruppe"), encoding="utf-8")
    assert "Aller første gruppe" in listed(client, "/?lang=en").text and read == ["gruppe-003.yaml"]


def test_the_app_starts_reading_a_starters_folder_before_the_browser_asks(folder, many, monkeypatch):
    from selvhjelp_cli.rules import checker


    read = []
    real = checker.check_file
    monkeypatch.setattr(checker, "check_file", lambda path, *a, **k: read.append(path) or real(path, *a, **k))
    client, guard, site = app_client(many)
    site.start_reading()  # a folder of hundreds: read from the first page on
    assert site.survey.progress() == (0, 0, True)
    for extra in many.glob("gruppe-*.yaml"):
        extra.unlink()
    client, guard, site = app_client(folder)
    site.start_reading()  # returns at once
    assert site.survey.progress()[1] == 3
    client.get("/?secret=" + guard.launch_secret)
    assert client.get("/").text.count('<th scope="row">') == 3
    assert len(read) == 3  # the reading begun before the first page is the one the page shows
