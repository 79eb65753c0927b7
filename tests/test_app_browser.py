"""selvhjelp app in a real browser: Debian's chromium driven by Playwright, axe-core on every page.

Needs /usr/bin/chromium (or SELVHJELP_CHROMIUM), Playwright for Python and
axe.min.js (SELVHJELP_AXE). Where they are missing the tests are skipped –
except when SELVHJELP_BROWSER_TESTS=required, as .ci/run sets it: there a
missing browser is a failure, never a skip.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from selvhjelp_cli.groupfile.loader import load_group

CHROMIUM = os.environ.get("SELVHJELP_CHROMIUM", "/usr/bin/chromium")
AXE = os.environ.get("SELVHJELP_AXE", "")
EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
REQUIRED = os.environ.get("SELVHJELP_BROWSER_TESTS") == "required"
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

pytestmark = pytest.mark.process


def _missing() -> str | None:
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "Playwright for Python is not installed"
    if not os.path.exists(CHROMIUM):
        return f"no browser at {CHROMIUM}"
    if not AXE or not os.path.exists(AXE):
        return "SELVHJELP_AXE does not name axe.min.js"
    return None


@pytest.fixture(scope="module")
def browser():
    missing = _missing()
    if missing:
        if REQUIRED:
            pytest.fail(f"browser tests are required here, but {missing}")
        pytest.skip(missing)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=[
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"])
        yield launched
        launched.close()


@pytest.fixture
def served(tmp_path, request):
    """A real `selvhjelp app` process on a folder with the examples (and, indirectly parametrized, that many
    copies of one more); (address with secret, base, folder)."""
    folder = tmp_path / "Selvhjelp"
    folder.mkdir()
    for name in ("torsdagsgruppa.yaml", "nettgruppa-nord.yaml", "onsdagsgruppa-med-problemer.yaml"):
        shutil.copy(EXAMPLES / name, folder / name)
    text = (EXAMPLES / "torsdagsgruppa.yaml").read_text(encoding="utf-8")
    for i in range(getattr(request, "param", 0)):
        (folder / f"kopi-{i:04d}.yaml").write_text(text.replace("name: Torsdagsgruppa", f"name: Kopi {i:04d}", 1),
                                                  encoding="utf-8")
    environment = {**os.environ, "SELVHJELP_LANG": "nb", "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen([sys.executable, "-m", "selvhjelp_cli", "app", str(folder), "--no-browser"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=environment)
    address = None
    for line in process.stdout:
        if line.startswith("http://127.0.0.1:"):
            address = line.strip()
            break
    assert address, process.stderr.read()
    base = address.split("/?", 1)[0]
    yield address, base, folder
    process.terminate()
    assert process.wait(10) == 0  # SIGTERM stops it cleanly
    assert "Ola" not in process.stderr.read()


@pytest.fixture
def page(browser, served):
    address, base, folder = served
    context = browser.new_context(locale="nb-NO", viewport={"width": 1280, "height": 900})
    outside: list[str] = []
    own = urlsplit(base).netloc

    def only_the_app(route):
        if urlsplit(route.request.url).netloc != own:
            outside.append(route.request.url)
            route.abort()
        else:
            route.continue_()

    context.route("**/*", only_the_app)
    tab = context.new_page()
    tab.goto(address)
    assert tab.url == base + "/"  # the secret has left the address bar
    yield tab
    context.close()
    assert outside == [], f"requests left 127.0.0.1: {outside}"


def _axe(tab) -> list:
    # Evaluated through the debugging protocol, which the page's strict CSP (no inline script) does not govern.
    tab.evaluate(Path(AXE).read_text(encoding="utf-8") + "\n;0")
    result = tab.evaluate("(tags) => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG)
    return [(v["id"], v["help"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]]


PAGES = ("/", "/?vis=folg-opp", "/new", "/g/torsdagsgruppa", "/g/torsdagsgruppa/participants",
         "/g/torsdagsgruppa/participants?rett=0", "/g/torsdagsgruppa/meetings", "/g/torsdagsgruppa/documents",
         "/g/onsdagsgruppa-med-problemer", "/g/nettgruppa-nord", "/find", "/find?place=Os", "/publish")


@pytest.mark.parametrize("language", ["nb", "nn", "en"])
def test_every_page_has_no_accessibility_violations(page, served, language):
    address, base, folder = served
    for path in PAGES:
        joiner = "&" if "?" in path else "?"
        page.goto(f"{base}{path}{joiner}lang={language}")
        assert page.locator("html").get_attribute("lang") == language
        assert _axe(page) == [], path
    # A form with mistakes: errors tied to their fields, and still no violations.
    page.goto(f"{base}/new")
    page.get_by_role("button", name={"nb": "Neste", "nn": "Neste", "en": "Next"}[language]).click()
    page.locator(".error-summary").wait_for()
    assert page.locator("[aria-invalid=true]").count() >= 1
    assert _axe(page) == []
    # The question before something that cannot be undone lightly.
    page.goto(f"{base}/g/torsdagsgruppa/participants")
    page.locator("#x-name").select_option(index=1)
    page.locator("#participant-remove button").click()
    page.locator("form.confirm").wait_for()
    assert _axe(page) == []


def test_the_starters_whole_story(page, served):
    address, base, folder = served
    page.get_by_role("link", name="Ny gruppe").first.click()
    page.get_by_role("textbox", name="Gruppas navn (må fylles ut)").fill("Mandagsgruppa")
    page.locator("#f-municipality").fill("Haugesund")
    page.get_by_role("button", name="Neste").click()
    page.get_by_role("textbox", name="Møtested (må fylles ut)").fill("Frivilligsentralen")
    page.locator("#f-first-meeting").fill("2027-01-11")
    page.locator("#f-starter").fill("Kari Nilsen")
    page.get_by_role("button", name="Lag gruppefilen").click()
    assert page.url.startswith(base + "/g/mandagsgruppa")
    assert "Gruppefilen er laget" in page.locator("[role=status]").inner_text()
    assert load_group(folder / "mandagsgruppa.yaml").group.county == "Rogaland"  # follows from the municipality
    for name, born in (("Ola N.", "1970"), ("Kari H.", "1985"), ("Per S.", "1990"), ("Liv T.", "1966"),
                       ("Siv A.", "1979")):
        form = page.locator("#participant-add")
        form.locator("#p-name").fill(name)
        form.locator("#p-born").fill(born)
        form.get_by_role("button", name="Legg til").click()
        assert name in page.locator("[role=status]").inner_text()
        assert name not in page.url
    # A mistake, seen and undone from the message itself.
    form = page.locator("#participant-add")
    form.locator("#p-name").fill("Feil P.")
    form.locator("#p-adult").check()
    form.get_by_role("button", name="Legg til").click()
    page.locator("#melding").get_by_role("button", name="Angre").click()
    assert "Feil P." not in page.locator("table").inner_text()
    # Everyone signed at the first meeting.
    page.locator("#sa-date").fill("2027-01-11")
    page.locator("#participant-sign-all").get_by_role("button").click()
    assert "ikke skrevet under" not in page.locator("table").inner_text()
    # A correction keeps the person's place.
    page.get_by_role("link", name="Rett opplysningene om Per S.").click()
    page.locator("#r-name").fill("Per Sv.")
    page.get_by_role("button", name="Lagre rettelsen").click()
    pdf = page.request.get(f"{base}/g/mandagsgruppa/declaration.pdf")
    assert pdf.status == 200 and pdf.body().startswith(b"%PDF")
    poster = page.request.get(f"{base}/g/mandagsgruppa/poster.pdf?lang=en")
    assert poster.status == 200 and poster.body().startswith(b"%PDF")
    # Meetings: cancel one, then take the cancellation back.
    page.get_by_role("link", name="Møter", exact=True).first.click()
    cancel = page.locator("#meeting-cancel")
    cancel.locator("#c-date").select_option("2027-01-18")
    cancel.get_by_role("button", name="Avlys møtet").click()
    assert "Avlyst" in page.locator("table tbody tr").nth(1).inner_text()
    page.get_by_role("button", name="Angre avlysningen").first.click()
    assert "Avlyst" not in page.locator("table tbody tr").nth(1).inner_text()
    # Ending the group asks first.
    page.get_by_role("link", name="Plan og sjekk").first.click()
    page.locator("#e-date").fill("2027-01-25")
    page.locator("#group-end").get_by_role("button").click()
    page.locator("form.confirm button.primary").click()
    assert "avsluttet" in page.locator("[role=status]").inner_text()
    group = load_group(folder / "mandagsgruppa.yaml").group
    assert [p.name for p in group.participants] == ["Ola N.", "Kari H.", "Per Sv.", "Liv T.", "Siv A."]
    assert all(p.declaration_signed is not None for p in group.participants)
    assert group.schedule.cancelled == [] and group.ended is not None
    history = page.locator("ol.history").inner_text()
    assert "Rettet «Per Sv.»" in history and "Feil P." not in history  # what was undone is gone from it


def test_the_coordinators_story(page, served):
    address, base, folder = served
    rows = page.locator("table tbody tr")
    assert rows.count() == 3
    page.get_by_role("link", name="Finn kontaktpunkt").first.click()
    page.get_by_role("textbox", name="Sted: postnummer, poststed, kommune eller fylke").fill("Bryne")
    page.get_by_role("button", name="Finn").click()
    assert "Bryne" in page.locator("#answer").inner_text()
    page.get_by_role("link", name="Åpne grupper").first.click()
    with page.expect_download() as download:
        page.get_by_role("button", name="Last ned filen for Meeting Guide-appen (apne-grupper.json)").click()
    assert download.value.suggested_filename == "apne-grupper.json"
    assert sorted(p.name for p in folder.iterdir() if not p.name.startswith(".")) == [
        "nettgruppa-nord.yaml", "onsdagsgruppa-med-problemer.yaml", "torsdagsgruppa.yaml"]


@pytest.mark.parametrize("served", [3000], indirect=True)
def test_a_national_folder_answers_at_once_with_how_far_the_reading_has_come(page, served):
    # 3,000 files take seconds to read on any machine (a few milliseconds each): the first answer is the
    # reading page, which shows the list by itself when the reading is done.
    address, base, folder = served
    assert page.locator("progress#reading").count() == 1
    assert "av 3\u00a0003 filer er lest" in page.locator("#reading-text").inner_text()
    assert _axe(page) == []
    page.locator("table tbody tr").first.wait_for(timeout=300_000)  # the script reloads when all are read
    assert page.locator("progress").count() == 0 and "3\u00a0003 grupper" in page.locator("caption").inner_text()


def test_keyboard_alone_reaches_the_form_and_at_200_percent_nothing_scrolls_sideways(page, served):
    address, base, folder = served
    page.goto(f"{base}/new")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip"
    page.keyboard.press("Enter")
    for _ in range(12):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "f-name":
            break
    assert page.evaluate("document.activeElement.id") == "f-name"
    page.set_viewport_size({"width": 640, "height": 900})  # 1280 px at 200 %
    for path in PAGES:
        page.goto(base + path)
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1"), path
