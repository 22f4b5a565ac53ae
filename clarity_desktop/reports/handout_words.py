"""The fixed words printed around a client handout's own text, one table per language.

The handout's text (title, about, questions, practices, closing) comes from the editable
files in resources/handouts/ (English) and resources/handouts/<code>/ (other languages);
what the program itself prints around it (section headings, "for ...", the step count,
the message box's label, the date, the page label and the PDF's subject) is here, so a
Spanish handout carries no English word. Written fresh for clients in each language:
warm and plain, addressing the reader as "tú" in Spanish.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from clarity_desktop.domain.languages import Language


@dataclass(frozen=True)
class HandoutWords:
    step_of: str  # "{step}", "{total}"
    for_names: str  # "{names}": the lead line
    title_for: str  # "{title}", "{names}": the PDF's title
    about: str
    questions: str
    practices: str
    message: str
    page_label: str  # "{page}", "{total}"
    subject_step: str  # "{step}": the PDF's subject
    subject_overview: str
    months: tuple[str, ...]
    day_format: str  # "{day}", "{month}", "{year}"
    and_word: str

    def day(self, value: date) -> str:
        """The date the handout was given, as a client reads it in this language."""
        month = self.months[value.month - 1]
        return self.day_format.format(day=value.day, month=month, year=value.year)

    def join_names(self, names: Sequence[str]) -> str:
        """ "Zoë", "Zoë and Łukasz", "A, B and C" in this language's words."""
        names = [n for n in names if n]
        if len(names) <= 1:
            return "".join(names)
        last = names[-1]
        word = self.and_word
        if word == "y" and _sounds_like_i(last):
            word = "e"  # Spanish: "Ana e Inés", "Leo e Hilda"
        return f"{', '.join(names[:-1])} {word} {last}"


def _sounds_like_i(name: str) -> bool:
    """Whether a name starts with the sound "i" (before which Spanish writes "e" for "y"):
    I-, Í-, Hi-, Hí-, but not "Hie-"/"Hia-" ("Hierro" keeps "y")."""
    low = name.lower()
    if low.startswith(("i", "í")):
        return not low.startswith(("ia", "ie", "io", "iu"))
    if low.startswith(("hi", "hí")):
        return not low.startswith(("hia", "hie", "hio", "hiu"))
    return False


WORDS: dict[Language, HandoutWords] = {
    Language.EN: HandoutWords(
        step_of="Step {step} of {total}",
        for_names="For {names}",
        title_for="{title} — for {names}",
        about="What this step is about",
        questions="Questions to take home",
        practices="Small practices for this week",
        message="A note from your therapist, and something to try",
        page_label="Page {page} of {total}",
        subject_step="Step {step} of the five steps",
        subject_overview="The five steps",
        months=(
            "Jan",
            "Feb",
            "Mar",
            "Apr",
            "May",
            "Jun",
            "Jul",
            "Aug",
            "Sep",
            "Oct",
            "Nov",
            "Dec",
        ),  # fmt: skip
        day_format="{day} {month} {year}",
        and_word="and",
    ),
    Language.ES: HandoutWords(
        step_of="Paso {step} de {total}",
        for_names="Para {names}",
        title_for="{title} — para {names}",
        about="De qué trata este paso",
        questions="Preguntas para llevarte a casa",
        practices="Pequeñas prácticas para esta semana",
        message="Unas palabras de tu terapeuta, y algo para probar",
        page_label="Página {page} de {total}",
        subject_step="Paso {step} de los cinco pasos",
        subject_overview="Los cinco pasos",
        months=(
            "enero",
            "febrero",
            "marzo",
            "abril",
            "mayo",
            "junio",
            "julio",
            "agosto",
            "septiembre",
            "octubre",
            "noviembre",
            "diciembre",
        ),  # fmt: skip
        day_format="{day} de {month} de {year}",
        and_word="y",
    ),
}


def words(language: Language | str) -> HandoutWords:
    return WORDS[Language(language)]
