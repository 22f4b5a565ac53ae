"""The printed check-in form: one page, sized like a handout (A4 or Letter), for one
partner, in that partner's language, with a box to tick for each answer. A partner who
fills it in at home or in the waiting room hands it back; the therapist enters it later
as a paper answer set.

Built from the instrument's definition and a name only, so nothing of the record (no note,
no earlier answers, nothing the other partner said) can reach the page. The words around
the items are here, written fresh in each language (warm, plain, "tú" in Spanish).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from reportlab.lib.colors import Color
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph, Spacer, Table

from clarity_desktop import APP_NAME
from clarity_desktop.domain.instruments import Instrument
from clarity_desktop.domain.languages import Language
from clarity_desktop.domain.progress import Progress
from clarity_desktop.reports import fonts, layout, styles
from clarity_desktop.reports.handout_words import words
from clarity_desktop.reports.layout import Destination, PageSizeName
from clarity_desktop.reports.text import markup

BOX = 4.2 * layout.MM
NUMBER_COLUMN = 8 * layout.MM
POINT_COLUMN_MAX = 19 * layout.MM


@dataclass(frozen=True)
class FormWords:
    name: str
    date: str
    how: str
    may_skip: str
    thanks: str


FORM_WORDS: dict[Language, FormWords] = {
    Language.EN: FormWords(
        name="Name",
        date="Date",
        how="For each sentence, tick the one box that fits how it is for you.",
        may_skip="If you would rather not answer a sentence, leave its boxes empty.",
        thanks="Thank you. Please give this page back to your therapist.",
    ),
    Language.ES: FormWords(
        name="Nombre",
        date="Fecha",
        how="En cada frase, marca la casilla que mejor describa cómo lo vives tú.",
        may_skip="Si prefieres no responder a una frase, deja sus casillas en blanco.",
        thanks="Gracias. Por favor, devuelve esta hoja a tu terapeuta.",
    ),
}


@dataclass(frozen=True)
class CheckInForm:
    """All a form may show: the instrument's words, one partner's name, the day."""

    instrument: Instrument
    partner_name: str
    language: Language
    given_on: date | None = None  # None: a blank line to write the date on
    author: str = ""  # the therapist, for the PDF's metadata


class TickBox(Flowable):
    """An empty square to tick with a pen."""

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.avail = avail_width
        return avail_width, BOX

    def draw(self) -> None:
        self.canv.setStrokeColor(Color(*styles.TEAL))
        self.canv.setLineWidth(0.9)
        self.canv.rect((self.avail - BOX) / 2, 0, BOX, BOX, stroke=1, fill=0)


def _text_width(page_size: PageSizeName) -> float:
    m = layout.HANDOUT_MARGINS
    return layout.page_dimensions(page_size)[0] - m.left - m.right


def form_title(form: CheckInForm) -> str:
    return form.instrument.title.in_language(form.language)


def form_story(form: CheckInForm, page_size: PageSizeName = "A4") -> list[Any]:
    st = styles.handout()
    lang, instrument = form.language, form.instrument
    fw = FORM_WORDS[lang]
    width = _text_width(page_size)
    day = words(lang).day(form.given_on) if form.given_on else "_" * 18
    small = ParagraphStyle("form-small", st.body, fontSize=8, leading=9.5, alignment=1)
    item_style = ParagraphStyle("form-item", st.body, spaceBefore=0, spaceAfter=0)
    story: list[Any] = [
        Paragraph(markup(form_title(form)), st.title),
        Paragraph(
            f"{markup(fw.name)}: <b>{markup(form.partner_name)}</b>"
            f"&nbsp;&nbsp;&nbsp;&nbsp;{markup(fw.date)}: {markup(day)}",
            st.subtitle,
        ),
        Spacer(1, 4),
    ]
    intro = instrument.intro.in_language(lang)
    if intro:
        story.append(Paragraph(markup(intro), st.body))
    how = fw.how + (" " + fw.may_skip if any(i.skippable for i in instrument.items) else "")
    story += [Paragraph(markup(how), st.body), Spacer(1, 8)]

    points = list(instrument.scale.values)
    point_width = min(POINT_COLUMN_MAX, (width * 0.56) / len(points))
    text_width = width - NUMBER_COLUMN - point_width * len(points)
    header: list[Any] = ["", ""]
    for value in points:
        label = instrument.scale.label(value)
        words_ = label.in_language(lang) if label else ""
        header.append(Paragraph(f"<b>{value}</b><br/>{markup(words_)}", small))
    rows: list[list[Any]] = [header]
    for item in instrument.items:
        rows.append(
            [
                Paragraph(markup(f"{item.number}."), item_style),
                Paragraph(markup(item.text.in_language(lang)), item_style),
                *[TickBox() for _ in points],
            ]
        )
    table = Table(
        rows,
        colWidths=[NUMBER_COLUMN, text_width, *[point_width] * len(points)],
        repeatRows=1,
    )
    table.setStyle(
        layout.table_style(
            ("VALIGN", (0, 0), (-1, 0), "BOTTOM"),
            ("VALIGN", (0, 1), (-1, -1), "MIDDLE"),
            ("LEFTPADDING", (0, 0), (-1, -1), 2),
            ("RIGHTPADDING", (0, 0), (-1, -1), 2),
            ("TOPPADDING", (0, 1), (-1, -1), 7),
            ("BOTTOMPADDING", (0, 1), (-1, -1), 7),
            ("LINEBELOW", (0, 0), (-1, -2), 0.5, Color(*styles.SAND_EDGE)),
            ("ROWBACKGROUNDS", (0, 1), (-1, -1), [Color(1, 1, 1), Color(*styles.SAND)]),
        )
    )
    story += [table, Spacer(1, 12), Paragraph(markup(fw.thanks), st.quote)]
    return story


def build_check_in_form(
    form: CheckInForm,
    out: Destination = None,
    *,
    page_size: PageSizeName = "A4",
    password: str | None = None,
    progress: Progress | None = None,
) -> bytes | None:
    """The printable form for one partner, in their language."""
    fonts.register_fonts()
    return layout.finish(
        form_story(form, page_size),
        out,
        info=layout.DocumentInfo(
            title=f"{form_title(form)}: {form.partner_name}",
            author=form.author or APP_NAME,
            subject=form_title(form),
        ),
        furniture=layout.Furniture(
            label_single_page=False,
            band=styles.TEAL,
            edge=layout.HANDOUT_MARGINS.left,
            page_label=words(form.language).page_label,
        ),
        page_size=page_size,
        margins=layout.HANDOUT_MARGINS,
        password=password,
        progress=progress,
    )
