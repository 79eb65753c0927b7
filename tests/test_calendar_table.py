"""cli/calendar_table.py: selvhjelp calendar as a table, and what calendar --ics says it wrote."""

from __future__ import annotations

from .conftest import LIFE, invoke


def test_calendar_shows_cancelled_moved_and_pauses(write):
    result = invoke("calendar", write(LIFE), "--all", "--until", "2027-09-01")
    out = " ".join(result.stdout.split())
    assert result.exit_code == 0
    assert "– torsdag 25. mars 2027 18.00–20.00 Avlyst (Påske)" in out
    assert "onsdag 12. mai 2027 17.00–19.00 Flyttet fra torsdag 13. mai 2027" in out
    assert "Pause fra mandag 21. juni 2027 til søndag 15. august 2027 (Sommerferie)." in out
