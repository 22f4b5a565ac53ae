"""Turning stored text into paragraphs, and dates into unambiguous words.

Dates are written "4 Mar 2025" with English month names of our own rather than
strftime's %b, which follows the process locale (the documents are in English).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import Any
from xml.sax.saxutils import escape

from reportlab.platypus import Flowable, Paragraph, Spacer

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def day(value: date) -> str:
    """4 Mar 2025"""
    return f"{value.day} {_MONTHS[value.month - 1]} {value.year}"


def day_and_time(value: datetime, *, weekday: bool = False, zone: bool = False) -> str:
    """4 Mar 2025, 10:00 (optionally "Tue 4 Mar 2025, 10:00 CET").

    *zone* adds the time zone's name for aware datetimes, so a signature time says
    which clock it was read from.
    """
    text = f"{day(value)}, {value:%H:%M}"
    if weekday:
        text = f"{_DAYS[value.weekday()]} {text}"
    if zone and value.tzinfo is not None:
        name = value.tzname()
        if name:
            text = f"{text} {name}"
    return text


def join_names(names: Sequence[str]) -> str:
    """ "Zoë", "Zoë and Łukasz", "A, B and C"."""
    names = [n for n in names if n]
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} and {names[-1]}"


def markup(text: str) -> str:
    """Plain text made safe for a reportlab Paragraph (which reads a little XML)."""
    return escape(text)


LONG_LINE = 1500


class FlowingText(Flowable):
    """A long paragraph of plain text, broken into lines once and split between lines.

    A reportlab Paragraph re-wraps all its remaining text each time it is split across
    a page, so a 100,000-character line would take seconds; cutting the line into
    several Paragraphs instead leaves a short line and a fresh start at every cut, a
    break the writer never made. This flowable measures the words once per width and
    splits by whole lines, so the text reads on exactly as one paragraph.
    """

    def __init__(self, text: str, style: Any, lines: list[str] | None = None):
        super().__init__()
        self.text = text
        self.style = style
        self._lines = lines
        self._for_width: float | None = None if lines is None else -1.0

    def _broken(self, width: float) -> list[str]:
        if self._lines is not None and self._for_width in (width, -1.0):
            return self._lines
        self._lines = wrap_words(self.text, self.style, width)
        self._for_width = width
        return self._lines

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        self.height = len(self._broken(avail_width)) * self.style.leading
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Any]:
        lines = self._broken(avail_width)
        fit = int((avail_height + 1e-6) // self.style.leading)
        if fit >= len(lines):
            return [self]
        if fit < 2 or len(lines) - fit < 2:  # never leave one line alone at a page end
            fit = min(fit, len(lines) - 2)
            if fit < 2:
                return []
        return [
            FlowingText(self.text, self.style, lines=lines[:fit]),
            FlowingText(self.text, self.style, lines=lines[fit:]),
        ]

    def draw(self) -> None:
        style = self.style
        c = self.canv
        text = c.beginText(0, self.height - style.fontSize)
        text.setFont(style.fontName, style.fontSize, style.leading)
        text.setFillColor(style.textColor)
        for line in self._lines or ():
            text.textLine(line)
        c.drawText(text)


class LeadIn(Flowable):
    """A heading (and whatever goes with it) kept with the first lines of a long text.

    KeepTogether moves content that does not fit to the next page whole, even a text
    longer than a page, leaving most of a page blank. This keeps the lead with at least
    *lines* lines of the text and lets the rest flow on: it always asks to be split
    (like KeepTogether), and splits into the lead and the text's own parts, or into
    nothing (the next page) when the lead and those first lines do not fit.
    """

    def __init__(self, lead: Sequence[Any], text: FlowingText, lines: int = 2) -> None:
        super().__init__()
        self.lead = list(lead)
        self.text = text
        self.lines = lines

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return avail_width, 0xFFFFFF  # always split: see split()

    def split(self, avail_width: float, avail_height: float) -> list[Any]:
        used = 0.0
        for i, flowable in enumerate(self.lead):
            _w, h = flowable.wrap(avail_width, avail_height)
            used += h + flowable.getSpaceAfter() + (flowable.getSpaceBefore() if i else 0)
        room = avail_height - used - self.text.getSpaceBefore()
        if room < self.lines * self.text.style.leading:
            return []
        parts = self.text.split(avail_width, room)
        return [*self.lead, *parts] if parts else []


def wrap_words(text: str, style: Any, width: float) -> list[str]:
    """*text* broken into lines no wider than *width* in *style*'s font: at spaces and
    tabs, and inside a word only when the word alone is wider than the line. (Not at
    no-break spaces, which keep a typed indent.)"""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    font, size = style.fontName, style.fontSize
    space = stringWidth(" ", font, size)
    measured: dict[str, float] = {}

    def measure(word: str) -> float:
        found = measured.get(word)
        if found is None:
            found = measured[word] = stringWidth(word, font, size)
        return found

    lines: list[str] = []
    current: list[str] = []
    used = 0.0
    words = [w for w in re.split(r"[ \t\r\n]+", text) if w]
    for word in words:
        w = measure(word)
        if w > width:  # a "word" wider than the line (a link, a row of characters)
            if current:
                lines.append(" ".join(current))
                current, used = [], 0.0
            piece = ""
            for ch in word:
                if piece and stringWidth(piece + ch, font, size) > width:
                    lines.append(piece)
                    piece = ""
                piece += ch
            current, used = [piece], stringWidth(piece, font, size)
            continue
        extra = w if not current else used + space + w
        if current and extra > width:
            lines.append(" ".join(current))
            current, used = [word], w
        else:
            current.append(word)
            used = extra
    if current:
        lines.append(" ".join(current))
    return lines


def paragraphs(text: str, style: Any, *, gap: float = 4) -> Iterable[Any]:
    """One Paragraph per line of *text* (a very long line as one FlowingText), with a
    small space for each blank line; per line so a long note splits across pages
    cheaply."""
    blank = False
    started = False
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if not line.strip():
            blank = True
            continue
        if blank and started:
            yield Spacer(1, gap)
        blank = False
        started = True
        spaces = len(line) - len(line.lstrip(" "))
        if len(line) > LONG_LINE:
            yield FlowingText("\u00a0" * spaces + line.strip(), style)
        else:
            yield Paragraph("&nbsp;" * spaces + markup(line.strip()), style)
