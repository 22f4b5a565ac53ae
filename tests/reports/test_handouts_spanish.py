"""A Spanish-speaking client can be handed a handout in Spanish: every Spanish handout
reads back (pdftotext) in Spanish with its accents intact, carries no English word, keeps
the English files' structure, and stays on one page."""

from __future__ import annotations

import re
from datetime import date

import pytest

from clarity_desktop.domain.languages import Language
from clarity_desktop.domain.steps import Step
from clarity_desktop.reports import texts
from clarity_desktop.reports.handout_words import words
from clarity_desktop.reports.handouts import HandoutInput, build_handout, build_overview
from clarity_desktop.reports.layout import PageSizeName
from tests.reports import pdftools

ES = Language.ES
STEP_NAMES_ES = (
    "Notar el cambio",
    "Nombrar lo que pasa",
    "Explorar sin prisa",
    "Encontrar tu rumbo",
    "Avanzar con intención",
)
# Words that would show an English leftover on a Spanish handout (the file texts or the
# words the program prints around them).
ENGLISH = (
    "the", "and", "you", "your", "for", "step", "steps", "page", "what", "this", "week",
    "questions", "practices", "note", "therapist", "about", "partner", "dec", "with",
)  # fmt: skip
MESSAGE_ES = ("Hoy hablamos de ir más despacio antes de las conversaciones difíciles. " * 9)[:600]


def handout(step: Step, *, safety: bool = False, message: str = "", names=("Ana", "Inés")) -> str:
    data = build_handout(
        HandoutInput(step, names, message, date(2026, 12, 6), safety_aware=safety, language=ES)
    )
    assert data is not None
    (page,) = pdftools.pages(data)
    return page


def english_words(text: str) -> set[str]:
    found = set(re.findall(r"[^\W\d_]+", text.lower()))
    return found & set(ENGLISH)


@pytest.mark.parametrize("safety", [False, True], ids=["usual", "safety-aware"])
@pytest.mark.parametrize("step", list(Step), ids=[f"step-{int(s)}" for s in Step])
def test_each_spanish_step_handout_is_spanish_through_and_through(step: Step, safety: bool) -> None:
    page = handout(step, safety=safety)
    printed = pdftools.flat(page)
    assert english_words(page) == set()
    assert f"Paso {int(step)} de 5 · Para Ana e Inés · 6 de diciembre de 2026" in printed
    assert STEP_NAMES_ES[int(step) - 1] in printed
    for heading in ("De qué trata este paso", "Preguntas para llevarte a casa"):
        assert heading in printed
    assert "Pequeñas prácticas para esta semana" in printed
    assert "Unas palabras de tu terapeuta, y algo para probar" in printed
    assert "No hay una respuesta correcta" in printed  # the closing words, to the end
    # The accents come out as letters, not as boxes or split glyphs.
    assert "Avanzar con intención" in printed  # the step track names step 5 on every handout
    assert "¿" in printed and "ñ" in printed


def test_the_spanish_overview_is_spanish_and_names_the_five_steps() -> None:
    data = build_overview(language=ES)
    assert data is not None
    (page,) = pdftools.pages(data)
    printed = pdftools.flat(page)
    assert english_words(page) == set()
    assert printed.startswith("Cinco pasos hacia la claridad")
    for name in STEP_NAMES_ES:
        assert name in printed
    assert pdftools.info(data)["Subject"] == "Los cinco pasos"


def test_the_pdf_says_what_it_is_in_spanish() -> None:
    data = build_handout(HandoutInput(Step.LEAN_IN, ("Lucía",), "", date(2026, 12, 6), language=ES))
    assert data is not None
    meta = pdftools.info(data)
    assert meta["Title"] == "Explorar sin prisa — para Lucía"
    assert meta["Subject"] == "Paso 3 de los cinco pasos"


@pytest.mark.parametrize("size", ["A4", "Letter"])
def test_a_spanish_handout_with_a_600_character_message_fits_one_page(
    size: PageSizeName,
) -> None:
    for step in Step:
        for safety in (False, True):
            data = build_handout(
                HandoutInput(
                    step, ("Beatriz", "Siobhán"), MESSAGE_ES, date(2026, 12, 6),
                    safety_aware=safety, language=ES,
                ),
                page_size=size,
            )  # fmt: skip
            assert data is not None
            (page,) = pdftools.pages(data)
            assert "Página" not in page
            assert pdftools.flat(MESSAGE_ES) in pdftools.flat(page)


def test_a_message_too_long_for_one_page_gets_a_spanish_page_label() -> None:
    data = build_handout(
        HandoutInput(Step.FIND_YOUR_DIRECTION, ("Ana",), MESSAGE_ES * 4, language=ES)
    )
    assert data is not None
    first, second = pdftools.pages(data)
    assert "Página 1 de 2" in first and "Página 2 de 2" in second


@pytest.mark.parametrize("step", list(Step), ids=[f"step-{int(s)}" for s in Step])
def test_the_spanish_files_have_the_english_files_structure(step: Step) -> None:
    for safety in (False, True):
        en = texts.load_step(step, safety_aware=safety)
        es = texts.load_step(step, safety_aware=safety, language=ES)
        assert es.title == STEP_NAMES_ES[int(step) - 1]
        assert (len(es.about), len(es.questions), len(es.practices), len(es.closing)) == (
            len(en.about),
            len(en.questions),
            len(en.practices),
            len(en.closing),
        )
        assert es.questions != en.questions


def test_spanish_dates_and_names_read_as_spanish() -> None:
    w = words(ES)
    assert w.day(date(2026, 12, 6)) == "6 de diciembre de 2026"
    assert w.day(date(2027, 1, 1)) == "1 de enero de 2027"
    assert w.join_names(["Ana", "Bruno"]) == "Ana y Bruno"
    assert w.join_names(["Ana", "Hilda"]) == "Ana e Hilda"
    assert w.join_names(["Ana", "Iker", "Yolanda"]) == "Ana, Iker y Yolanda"
    assert w.join_names(["Ana", "Ignacio"]) == "Ana e Ignacio"
    assert w.join_names(["Ana", "Iara"]) == "Ana y Iara"
    assert words(Language.EN).join_names(["Ana", "Inés"]) == "Ana and Inés"
