"""core/language.py: the languages documents are printed in, by code or by name."""

from __future__ import annotations

import pytest

from selvhjelp_cli.core.i18n import LANGUAGES, in_language
from selvhjelp_cli.core.language import BABEL_LOCALE, parse_language


@pytest.mark.parametrize("raw, code", [("nb", "nb"), (" NN ", "nn"), ("en", "en"), ("bokmål", "nb"),
                                       ("Nynorsk", "nn"), ("engelsk", "en"), ("english", "en")])
def test_a_language_by_code_or_name(raw, code):
    assert parse_language(raw) == code


@pytest.mark.parametrize("language, said", [("nb", "Svar nb (bokmål), nn (nynorsk) eller en (engelsk)."),
                                            ("en", "Answer nb (Bokmål), nn (Nynorsk) or en (English).")])
def test_another_answer_is_told_the_choices_in_the_program_s_language(language, said):
    with in_language(language), pytest.raises(ValueError) as refused:
        parse_language("svensk")
    assert str(refused.value) == said


def test_every_language_has_its_cldr_locale():
    assert set(BABEL_LOCALE) == set(LANGUAGES)
