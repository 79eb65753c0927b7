"""app/templates.py: the app's templates – escaped everywhere, strict about what they are given, and worded
through the catalogues."""

from __future__ import annotations

import jinja2
import pytest

from selvhjelp_cli.app.templates import environment
from selvhjelp_cli.core.i18n import in_language


def render(source: str, **values) -> str:
    return environment().from_string(source).render(**values)


def test_every_value_is_text_never_markup():
    assert render("{{ name }}", name="<script>alert(1)</script>") == "&lt;script&gt;alert(1)&lt;/script&gt;"


def test_a_value_the_page_was_not_given_is_an_error_not_an_empty_space():
    with pytest.raises(jinja2.UndefinedError):
        render("{{ missing }}")


def test_the_filters_the_pages_use():
    with in_language("nb"):
        assert render("{% for v, t in ['Ola']|map('pair') %}{{ v }}={{ t }}{% endfor %}") == "Ola=Ola"
        assert render("{% for v, t in ['a', 'b']|zip_names(['A', 'B']) %}{{ v }}{{ t }} {% endfor %}") == "aA bB "
        assert render("{{ '2027-01-07'|long_date_iso }}") == "torsdag 7. januar 2027"
        names = {"poster": "Plakat", "framework": "Rammene for gruppa"}
        assert render("{{ 'poster'|document_name(names) }}", names=names) == "Plakat"
        shown = render("{% for k, t in names|dictsort_names %}{{ k }}:{{ t }};{% endfor %}", names=names)
        assert shown == "poster:Plakat;framework:Rammene for gruppa;"  # the order given, not sorted
    with in_language("en"):
        assert render("{{ 'poster'|document_name(names) }}", names={"poster": "Plakat"}) == "Poster"
        assert render("{{ _('Lukk selvhjelp') }}") == "Close selvhjelp"


def test_names_and_choices_of_different_lengths_are_a_mistake_not_a_silent_cut():
    with pytest.raises(ValueError):
        render("{{ ['a', 'b']|zip_names(['A'])|list }}")
