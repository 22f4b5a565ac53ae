"""Turning stored text into paragraphs, and dates into unambiguous words.

Dates are written "4 Mar 2025" with English month names of our own rather than
strftime's %b, which follows the process locale (the documents are in English).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import Any
from xml.sax.saxutils import escape

from reportlab.platypus import Paragraph, Spacer

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


def pieces(line: str, limit: int = LONG_LINE) -> list[str]:
    """*line* cut into parts of at most *limit* characters, at a sentence end if there is
    one, else at a space. Splitting a paragraph across pages costs time in proportion to
    its length, each time, so a 100,000-character line would take seconds as one."""
    out = []
    while len(line) > limit:
        window = line[:limit]
        cut = max(window.rfind(mark) for mark in (". ", "? ", "! ", "; "))
        if cut < limit // 3:
            cut = window.rfind(" ")
        cut = cut + 1 if cut >= limit // 3 else limit
        out.append(line[:cut].strip())
        line = line[cut:]
    out.append(line.strip())
    return [p for p in out if p]


def paragraphs(text: str, style: Any, *, gap: float = 4) -> Iterable[Any]:
    """One Paragraph per line of *text* (very long lines in a few pieces), with a small
    space for each blank line; per line so a long note splits across pages cheaply."""
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
        indent = "&nbsp;" * (len(line) - len(line.lstrip(" ")))
        for piece in pieces(line.strip()):
            yield Paragraph(indent + markup(piece), style)
            indent = ""
