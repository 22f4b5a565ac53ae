"""Client handouts: one per step, and the one-page overview of the five steps.

Privacy by construction: a handout is built from a HandoutInput only, which holds the
step, the first names the therapist chose and the therapist's own message. No note,
reading or case detail can reach a handout because none can be passed in. The words come
from the editable files in resources/handouts (see texts.py).

Safety: for a case with a safety flag the handout is the safety-aware version, with
practices a person does on their own in place of exercises for the partners together.
It does not say that it is a safety version: the other partner may read it too.

Layout: a handout is one page on A4 and on Letter with a message of up to 600
characters (or the ruled lines when there is none). A longer message that does not fit
moves whole to a second page rather than splitting; each list stays with its heading.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from reportlab.lib.colors import Color
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.utils import simpleSplit
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    ListFlowable,
    ListItem,
    Paragraph,
    Spacer,
    Table,
)

from clarity_desktop import APP_NAME
from clarity_desktop.domain.languages import DEFAULT, Language
from clarity_desktop.domain.progress import Progress
from clarity_desktop.domain.steps import Step
from clarity_desktop.reports import fonts, layout, styles, texts
from clarity_desktop.reports.handout_words import words
from clarity_desktop.reports.layout import Destination, PageSizeName
from clarity_desktop.reports.text import markup, paragraphs

RULED_LINES = 4
RULE_GAP = 8 * layout.MM
TRACK_HEIGHT = 41.0


@dataclass(frozen=True)
class HandoutInput:
    """All a handout may show. *message* is printed as typed; empty leaves ruled lines."""

    step: Step
    first_names: tuple[str, ...]
    message: str = ""
    given_on: date | None = None
    author: str = ""  # the therapist, for the PDF's metadata
    safety_aware: bool = False  # a case with a safety flag: individual practices only
    language: Language = DEFAULT  # the texts and the words around them


class StepTrack(Flowable):
    """Five circles on a line, the current step filled, the step names underneath."""

    def __init__(self, current: Step, titles: Sequence[str]) -> None:
        super().__init__()
        self.current = current
        self.titles = list(titles)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        self.height = TRACK_HEIGHT
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        col = self.width / len(self.titles)
        cy = self.height - 11
        c.setStrokeColorRGB(*styles.SAND_EDGE)
        c.setLineWidth(1.2)
        c.line(col / 2, cy, self.width - col / 2, cy)
        for i, title in enumerate(self.titles):
            number = i + 1
            x = col * i + col / 2
            here = number == int(self.current)
            c.setStrokeColorRGB(*styles.TEAL)
            c.setFillColorRGB(*(styles.TEAL if here else (1, 1, 1)))
            c.circle(x, cy, 10 if here else 8, stroke=1, fill=1)
            c.setFillColorRGB(*((1, 1, 1) if here else styles.TEAL))
            c.setFont(fonts.BOLD, 10 if here else 8.5)
            c.drawCentredString(x, cy - (3.5 if here else 3), str(number))
            face = fonts.BOLD if here else fonts.REGULAR
            c.setFont(face, 8)
            c.setFillColorRGB(*(styles.TEAL if here else layout.MUTED))
            for j, line in enumerate(simpleSplit(title, face, 8, col - 4)[:2]):
                c.drawCentredString(x, cy - 21 - 9.5 * j, line)


class Badge(Flowable):
    """A step number in a filled circle (the overview's rows)."""

    def __init__(self, number: int) -> None:
        super().__init__()
        self.number = number
        self.width = self.height = 26.0

    def draw(self) -> None:
        c = self.canv
        c.setFillColorRGB(*styles.TEAL)
        c.circle(13, 13, 12, stroke=0, fill=1)
        c.setFillColorRGB(1, 1, 1)
        c.setFont(fonts.BOLD, 12)
        c.drawCentredString(13, 8.8, str(self.number))


class RuledLines(Flowable):
    """Space to write on, for a message written by hand."""

    def __init__(self, count: int) -> None:
        super().__init__()
        self.count = count

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        self.height = self.count * RULE_GAP
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        c.setStrokeColorRGB(*styles.SAND_EDGE)
        c.setLineWidth(0.6)
        for i in range(self.count):
            y = self.height - (i + 1) * RULE_GAP + 2
            c.line(0, y, self.width, y)


def _bullets(items: Sequence[str], st: styles.Styles, *, numbered: bool) -> Any:
    return ListFlowable(
        [ListItem(Paragraph(markup(item), st.bullet), leftIndent=16) for item in items],
        bulletType="1" if numbered else "bullet",
        start="1" if numbered else "•",
        bulletFontName=fonts.BOLD if numbered else fonts.REGULAR,
        bulletFontSize=st.bullet.fontSize,
        bulletColor=Color(*styles.CLAY),
        leftIndent=16,
        bulletDedent=15 if numbered else 12,
        bulletFormat="%s." if numbered else None,
    )


def _message_box(message: str, st: styles.Styles, width: float, label: str) -> Any:
    """A sand-coloured box with the therapist's message, one table row per line so a long
    message can continue on the next page (a table splits between rows only)."""
    rows: list[list[Any]] = [[Paragraph(markup(label), st.label)]]
    if message.strip():
        rows += [[p] for p in paragraphs(message.strip(), st.body)]
    else:
        rows.append([RuledLines(RULED_LINES)])
    box = Table(rows, colWidths=[width])
    box.setStyle(
        layout.table_style(
            ("BACKGROUND", (0, 0), (-1, -1), Color(*styles.SAND)),
            ("BOX", (0, 0), (-1, -1), 0.8, Color(*styles.SAND_EDGE)),
            ("LEFTPADDING", (0, 0), (-1, -1), 10),
            ("RIGHTPADDING", (0, 0), (-1, -1), 10),
            ("TOPPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, 0), 7),
            ("BOTTOMPADDING", (0, 0), (-1, 0), 4),
            ("BOTTOMPADDING", (0, -1), (-1, -1), 6),
        )
    )
    return box


def _text_width(page_size: PageSizeName) -> float:
    m = layout.HANDOUT_MARGINS
    return layout.page_dimensions(page_size)[0] - m.left - m.right


def handout_title(handout: HandoutInput, folder: Path | None = None) -> str:
    text = texts.load_step(handout.step, folder, language=handout.language)
    w = words(handout.language)
    names = w.join_names(handout.first_names)
    return w.title_for.format(title=text.title, names=names) if names else text.title


def handout_story(
    handout: HandoutInput, page_size: PageSizeName = "A4", folder: Path | None = None
) -> list[Any]:
    st = styles.handout()
    lang = handout.language
    w = words(lang)
    text = texts.load_step(handout.step, folder, safety_aware=handout.safety_aware, language=lang)
    titles = [texts.load_step(s, folder, language=lang).title for s in Step]
    lead = [w.step_of.format(step=int(handout.step), total=len(Step))]
    names = w.join_names(handout.first_names)
    if names:
        lead.append(w.for_names.format(names=names))
    if handout.given_on is not None:
        lead.append(w.day(handout.given_on))
    story: list[Any] = [
        Paragraph(markup(" · ".join(lead)), st.subtitle),
        Paragraph(markup(text.title), st.title),
        StepTrack(handout.step, titles),
        Paragraph(markup(w.about), st.heading),
    ]
    story.extend(Paragraph(markup(p), st.body) for p in text.about)
    # Each list stays with its heading: a page never ends on a heading or starts with a
    # stray item of the list above.
    story.append(
        KeepTogether(
            [
                Paragraph(markup(w.questions), st.heading),
                _bullets(text.questions, st, numbered=True),
            ]
        )
    )
    story.append(
        KeepTogether(
            [
                Paragraph(markup(w.practices), st.heading),
                _bullets(text.practices, st, numbered=False),
            ]
        )
    )
    # The message box moves whole to the next page rather than splitting (unless it is
    # taller than a page), and the closing words go with it.
    box = _message_box(handout.message, st, _text_width(page_size), w.message)
    ending: list[Any] = [Spacer(1, 6), box]
    if text.closing:
        ending.append(Spacer(1, 6))
        ending.extend(Paragraph(markup(p), st.quote) for p in text.closing)
    story.append(KeepTogether(ending))
    return story


def _handout_furniture(language: Language = DEFAULT) -> layout.Furniture:
    return layout.Furniture(
        label_single_page=False,
        band=styles.TEAL,
        edge=layout.HANDOUT_MARGINS.left,
        page_label=words(language).page_label,
    )


def build_handout(
    handout: HandoutInput,
    out: Destination = None,
    *,
    page_size: PageSizeName = "A4",
    password: str | None = None,
    progress: Progress | None = None,
    folder: Path | None = None,
) -> bytes | None:
    """One step's handout for the chosen first names; *folder* overrides the texts."""
    return layout.finish(
        handout_story(handout, page_size, folder),
        out,
        info=layout.DocumentInfo(
            title=handout_title(handout, folder),
            author=handout.author or APP_NAME,
            subject=words(handout.language).subject_step.format(step=int(handout.step)),
        ),
        furniture=_handout_furniture(handout.language),
        page_size=page_size,
        margins=layout.HANDOUT_MARGINS,
        password=password,
        progress=progress,
    )


def overview_story(
    page_size: PageSizeName = "A4",
    folder: Path | None = None,
    language: Language = DEFAULT,
) -> list[Any]:
    st = styles.overview()
    text = texts.load_overview(folder, language)
    story: list[Any] = [Paragraph(markup(text.title), st.title), Spacer(1, 8)]
    story.extend(Paragraph(markup(p), st.body) for p in text.about)
    story.append(Spacer(1, 14))
    rows = [
        [
            Badge(int(step)),
            [Paragraph(markup(title), _row_heading(st)), Paragraph(markup(description), st.body)],
        ]
        for step, title, description in text.steps
    ]
    table = Table(rows, colWidths=[36, _text_width(page_size) - 36])
    table.setStyle(
        layout.table_style(
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 12),
        )
    )
    story.append(table)
    if text.closing:
        story.append(Spacer(1, 6))
        story.extend(Paragraph(markup(p), st.quote) for p in text.closing)
    return story


def _row_heading(st: styles.Styles) -> Any:
    return ParagraphStyle("h-row", st.heading, spaceBefore=0, spaceAfter=2, leading=26)


def overview_title(folder: Path | None = None, language: Language = DEFAULT) -> str:
    return texts.load_overview(folder, language).title


def build_overview(
    out: Destination = None,
    *,
    author: str = "",
    page_size: PageSizeName = "A4",
    password: str | None = None,
    progress: Progress | None = None,
    folder: Path | None = None,
    language: Language = DEFAULT,
) -> bytes | None:
    """The one-page overview of the five steps, for clients, in *language*."""
    return layout.finish(
        overview_story(page_size, folder, language),
        out,
        info=layout.DocumentInfo(
            title=overview_title(folder, language),
            author=author or APP_NAME,
            subject=words(language).subject_overview,
        ),
        furniture=_handout_furniture(language),
        page_size=page_size,
        margins=layout.HANDOUT_MARGINS,
        password=password,
        progress=progress,
    )
