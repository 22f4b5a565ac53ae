"""Paragraph styles: a compact, sober set for clinician documents and a larger, calmer
set for client handouts (11.5 pt text, generous leading, warm colours)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from reportlab.lib.colors import Color
from reportlab.lib.styles import ParagraphStyle

from clarity_desktop.reports import fonts

# Handout palette: a deep teal for headings, a warm sand for boxes.
TEAL = (0.16, 0.36, 0.39)
SAND = (0.97, 0.94, 0.89)
SAND_EDGE = (0.86, 0.79, 0.69)
CLAY = (0.62, 0.38, 0.27)
SOFT_TEAL = (0.90, 0.94, 0.94)


@dataclass(frozen=True)
class Styles:
    title: Any
    subtitle: Any
    heading: Any
    body: Any
    small: Any
    label: Any
    bullet: Any
    quote: Any


def _rgb(c: tuple[float, float, float]) -> Any:
    return Color(*c)


@cache
def clinician() -> Styles:
    fonts.register_fonts()
    base = ParagraphStyle("c-body", fontName=fonts.REGULAR, fontSize=10, leading=14)
    return Styles(
        title=ParagraphStyle("c-title", base, fontName=fonts.BOLD, fontSize=16, leading=20),
        subtitle=ParagraphStyle(
            "c-subtitle", base, fontSize=10.5, leading=14, textColor=_rgb((0.35, 0.37, 0.4))
        ),
        heading=ParagraphStyle(
            "c-heading",
            base,
            fontName=fonts.BOLD,
            fontSize=11.5,
            leading=15,
            spaceBefore=10,
            spaceAfter=3,
            keepWithNext=True,
        ),
        body=base,
        small=ParagraphStyle("c-small", base, fontSize=8.5, leading=11),
        label=ParagraphStyle(
            "c-label",
            base,
            fontName=fonts.BOLD,
            fontSize=9,
            leading=12.5,
            textColor=_rgb((0.3, 0.32, 0.35)),
        ),
        bullet=ParagraphStyle(
            "c-bullet", base, leftIndent=12, bulletIndent=2, bulletFontName=fonts.REGULAR
        ),
        quote=ParagraphStyle("c-quote", base, fontName=fonts.ITALIC),
    )


@cache
def handout() -> Styles:
    """Client handouts: 10 pt text on 14 pt leading, so that a step's words, a
    message of 600 characters and the closing words share one A4 or Letter page."""
    fonts.register_fonts()
    base = ParagraphStyle(
        "h-body",
        fontName=fonts.REGULAR,
        fontSize=10,
        leading=14,
        textColor=_rgb((0.15, 0.16, 0.18)),
        spaceAfter=3,
    )
    return Styles(
        title=ParagraphStyle(
            "h-title",
            base,
            fontName=fonts.BOLD,
            fontSize=20,
            leading=24,
            textColor=_rgb(TEAL),
            spaceAfter=3,
        ),
        subtitle=ParagraphStyle(
            "h-subtitle", base, fontSize=10.5, leading=14, textColor=_rgb(CLAY), spaceAfter=1
        ),
        heading=ParagraphStyle(
            "h-heading",
            base,
            fontName=fonts.BOLD,
            fontSize=12.5,
            leading=16,
            textColor=_rgb(TEAL),
            spaceBefore=6,
            spaceAfter=2.5,
            keepWithNext=True,
        ),
        body=base,
        small=ParagraphStyle(
            "h-small", base, fontSize=9, leading=12, textColor=_rgb((0.35, 0.37, 0.4))
        ),
        label=ParagraphStyle(
            "h-label",
            base,
            fontName=fonts.BOLD,
            fontSize=10.5,
            leading=14,
            spaceAfter=0,
            textColor=_rgb(TEAL),
        ),
        bullet=ParagraphStyle("h-bullet", base, spaceAfter=2.5),
        quote=ParagraphStyle(
            "h-quote", base, fontName=fonts.ITALIC, textColor=_rgb(TEAL), spaceAfter=0
        ),
    )


@cache
def overview() -> Styles:
    """The five-steps overview: one page with room to spare, so the larger, calmer
    set (11.5 pt text on 16.5 pt leading)."""
    fonts.register_fonts()
    base = ParagraphStyle(
        "o-body",
        fontName=fonts.REGULAR,
        fontSize=11.5,
        leading=16.5,
        textColor=_rgb((0.15, 0.16, 0.18)),
        spaceAfter=6,
    )
    return Styles(
        title=ParagraphStyle(
            "o-title", base, fontName=fonts.BOLD, fontSize=23, leading=28, textColor=_rgb(TEAL)
        ),
        subtitle=ParagraphStyle(
            "o-subtitle", base, fontSize=12, leading=16, textColor=_rgb(CLAY), spaceAfter=2
        ),
        heading=ParagraphStyle(
            "o-heading",
            base,
            fontName=fonts.BOLD,
            fontSize=13.5,
            leading=18,
            textColor=_rgb(TEAL),
            spaceBefore=12,
            spaceAfter=5,
            keepWithNext=True,
        ),
        body=base,
        small=ParagraphStyle(
            "o-small", base, fontSize=9.5, leading=13, textColor=_rgb((0.35, 0.37, 0.4))
        ),
        label=ParagraphStyle(
            "o-label",
            base,
            fontName=fonts.BOLD,
            fontSize=11,
            leading=14,
            spaceAfter=0,
            textColor=_rgb(TEAL),
        ),
        bullet=ParagraphStyle(
            "o-bullet",
            base,
            leftIndent=16,
            bulletIndent=3,
            spaceAfter=4.5,
            bulletFontName=fonts.REGULAR,
        ),
        quote=ParagraphStyle("o-quote", base, fontName=fonts.ITALIC, textColor=_rgb(TEAL)),
    )
