"""cli/publish_summary.py: what publish says it left out and what it makes public, in whole sentences."""

from __future__ import annotations

from .conftest import invoke
from .conftest import publish_folder as folder_of_groups


def test_a_digital_group_is_left_out_of_the_feed_and_the_command_says_why(tmp_path):
    """A Meeting Guide client shows an online meeting only with its room link, which is never published."""
    folder = folder_of_groups(tmp_path)
    result = invoke("publish", folder, "--today", "2026-11-23")
    assert "Nettgruppa nord" not in result.stdout
    assert ("Ikke med i JSON-en: 1 digital gruppe. Meeting Guide-klienter viser en digital gruppe bare med "
            "lenken til møterommet") in result.stderr
    page = invoke("publish", folder, "--format", "html", "--today", "2026-11-23")
    assert "Nettgruppa nord" in page.stdout and "Whereby" in page.stdout and "JSON" not in page.stderr
    assert "whereby.com" not in page.stdout


def test_publish_says_which_contact_details_it_makes_public(tmp_path):
    folder = folder_of_groups(tmp_path)
    result = invoke("publish", folder, "--today", "2026-11-23")
    assert ("Offentlig: telefonnumrene til 2 igangsettere. Den som ikke vil stå der, kan fjerne «contact» "
            "i gruppefilen.") in result.stderr
    page = invoke("publish", folder, "--format", "html", "--today", "2026-11-23")
    assert ("telefonnumrene til 2 igangsettere og e-postadressen til 1 igangsetter") in page.stderr


def test_the_summary_is_whole_sentences_in_english(tmp_path, monkeypatch):
    monkeypatch.setenv("SELVHJELP_LANG", "en")
    result = invoke("publish", folder_of_groups(tmp_path), "--today", "2026-11-23")
    assert result.exit_code == 0
    assert "3 groups are taking new participants." in result.stderr
    assert "Not listed: 1 group that has started and is closed." in result.stderr
    assert "Not listed: 1 group that has ended." in result.stderr
    assert "gruppe" not in result.stderr
