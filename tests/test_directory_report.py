"""cli/directory_report.py: selvhjelp directory check, for the office that keeps the list."""

from __future__ import annotations

from .conftest import CONTACT_POINTS, invoke


def test_directory_check_accepts_a_good_file():
    result = invoke("directory", "check", CONTACT_POINTS)
    assert result.exit_code == 0
    assert "Katalogen er i orden: 6 kontaktpunkter, sist sjekket 1. november 2026." in result.stdout
