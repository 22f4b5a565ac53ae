"""The printed check-in form: one handout-sized page per partner, in that partner's
language, with a box for every answer and nothing of the record on it."""

from __future__ import annotations

from datetime import date

import pytest

from clarity_desktop.domain.instrument_files import load_instruments
from clarity_desktop.domain.languages import Language
from clarity_desktop.reports.layout import PageSizeName
from clarity_desktop.reports.measure_forms import CheckInForm, build_check_in_form
from tests.domain.instrument_examples import SHIPPED, licensed
from tests.reports import pdftools

OURS = {i.id: i for i in load_instruments(SHIPPED)}


@pytest.mark.parametrize("page_size", ["A4", "Letter"])
@pytest.mark.parametrize("instrument_id", sorted(OURS))
@pytest.mark.parametrize("language", list(Language))
def test_each_form_is_one_page_in_the_partner_s_language(
    page_size: PageSizeName, instrument_id: str, language: Language
) -> None:
    instrument = OURS[instrument_id]
    form = CheckInForm(instrument, "Zoë Ruiz-Albrecht", language, date(2026, 12, 6))
    data = build_check_in_form(form, page_size=page_size)
    assert data is not None
    assert len(pdftools.pages(data)) == 1
    words = " ".join(pdftools.text(data).split())
    assert "Zoë Ruiz-Albrecht" in words
    assert instrument.title.in_language(language) in words
    for item in instrument.items:
        assert " ".join(item.text.in_language(language).split()[:4]) in words
    other = Language.ES if language is Language.EN else Language.EN
    assert instrument.items[0].text.in_language(other)[:25] not in words
    assert ("Nombre" in words) is (language is Language.ES)
    assert ("6 de diciembre de 2026" in words) is (language is Language.ES)


def test_a_form_without_a_day_leaves_a_line_to_write_it_on() -> None:
    form = CheckInForm(OURS["session_check_in"], "Amara", Language.EN)
    words = pdftools.text(build_check_in_form(form) or b"")
    assert "Date: ____" in words


def test_a_practice_s_own_english_only_measure_prints_in_english_for_a_spanish_partner() -> None:
    form = CheckInForm(licensed(), "Lucía", Language.ES)
    words = pdftools.text(build_check_in_form(form) or b"")
    assert "Item A." in words and "Nombre" in words
    assert "leave its boxes empty" not in words  # a skip explained in Spanish, not English
