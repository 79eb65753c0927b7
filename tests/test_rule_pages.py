"""cli/rule_pages.py: selvhjelp rules, the framework's rules explained."""

from __future__ import annotations

from .conftest import invoke


def test_rules_command():
    result = invoke("rules")
    assert result.exit_code == 0
    for rule_id in ("adult", "group-size", "digital-link"):
        assert rule_id in result.stdout
    one = invoke("rules", "group-size")
    assert one.exit_code == 0 and "5–8" in one.stdout and "decisions" in one.stdout
    wrong = invoke("rules", "group-sise")
    assert wrong.exit_code == 2 and "Mente du «group-size»?" in wrong.stderr
