"""Showing a search hit in the opened note: every matched word marked in the sections
and addenda, and the page scrolled to the first one, so the therapist sees at once why
the note was found.

The words come from the search result's snippet (services.search marks them), so they
are the words as written in the note, whatever the typed prefix or accents were.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QScrollArea, QTextEdit

from clarity_desktop.services.search import HIT_END, HIT_START
from clarity_desktop.ui.common import appearance

_MARKED = re.compile(re.escape(HIT_START) + "(.*?)" + re.escape(HIT_END), re.DOTALL)


def hit_words(snippet: str) -> list[str]:
    """The words the search marked in a result's snippet, each once."""
    words: list[str] = []
    for found in _MARKED.findall(snippet):
        for word in found.split():
            if word and word.casefold() not in {w.casefold() for w in words}:
                words.append(word)
    return words


def pattern(words: Sequence[str]) -> re.Pattern[str] | None:
    """Whole occurrences of any of *words*, ignoring case."""
    parts = sorted({re.escape(w) for w in words if w.strip()}, key=len, reverse=True)
    if not parts:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(parts) + r")(?!\w)", re.IGNORECASE)


def mark_edit(edit: QPlainTextEdit, found: re.Pattern[str] | None) -> QTextCursor | None:
    """Highlight every match in *edit* (as extra selections, so the text and its undo
    history are untouched); the first match's cursor, or None."""
    if found is None:
        edit.setExtraSelections([])
        return None
    tones = appearance.tones()
    fmt = QTextCharFormat()
    fmt.setBackground(QColor(tones.mark_back))
    fmt.setForeground(QColor(tones.mark_text))
    selections = []
    first: QTextCursor | None = None
    document: QTextDocument = edit.document()
    for match in found.finditer(edit.toPlainText()):
        cursor = QTextCursor(document)
        cursor.setPosition(match.start())
        cursor.setPosition(match.end(), QTextCursor.MoveMode.KeepAnchor)
        selection = QTextEdit.ExtraSelection()
        selection.cursor = cursor
        selection.format = fmt
        selections.append(selection)
        if first is None:
            first = QTextCursor(cursor)
    edit.setExtraSelections(selections)
    return first


def marked_html(text: str, found: re.Pattern[str] | None) -> tuple[str, bool]:
    """*text* escaped for a rich-text label, with matches marked; and whether any were."""
    if found is None:
        return html.escape(text).replace("\n", "<br>"), False
    tones = appearance.tones()
    out: list[str] = []
    last = 0
    for match in found.finditer(text):
        out.append(html.escape(text[last : match.start()]))
        out.append(
            f"<span style='background:{tones.mark_back};color:{tones.mark_text}'>"
            f"{html.escape(match.group(0))}</span>"
        )
        last = match.end()
    out.append(html.escape(text[last:]))
    return "".join(out).replace("\n", "<br>"), last > 0


def scroll_to_cursor(scroll: QScrollArea, edit: QPlainTextEdit, cursor: QTextCursor) -> None:
    """Bring the matched words into view: inside the edit (a long section scrolls), then
    on the page, with some of what comes before for context."""
    moved = QTextCursor(edit.document())
    moved.setPosition(cursor.selectionStart())
    edit.setTextCursor(moved)
    edit.ensureCursorVisible()
    rect = edit.cursorRect()
    body = scroll.widget()
    if body is None:
        return
    at = edit.viewport().mapTo(body, rect.center())
    margin = max(3 * edit.fontMetrics().lineSpacing(), scroll.viewport().height() // 3)
    scroll.ensureVisible(at.x(), at.y(), 0, margin)


def scroll_to_label(scroll: QScrollArea, label: QLabel) -> None:
    scroll.ensureWidgetVisible(label, 0, max(24, scroll.viewport().height() // 3))


def show_hit(
    edits: Sequence[QPlainTextEdit],
    mark_addenda: Callable[[re.Pattern[str] | None], QLabel | None],
    scroll: QScrollArea,
    words: Sequence[str],
) -> bool:
    """Mark *words* in a note's section *edits* and its addenda (*mark_addenda* marks them
    and returns the first marked label) and scroll to the first; the text cursor goes
    there too. False if none of the words is in the note."""
    found = pattern(words)
    first: tuple[QPlainTextEdit, QTextCursor] | None = None
    for edit in edits:
        cursor = mark_edit(edit, found)
        if cursor is not None and first is None:
            first = (edit, cursor)
    first_label = mark_addenda(found)
    if first is not None:
        hit_edit, hit = first
        hit_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        # Once the freshly shown note is laid out and the page knows its full height.
        QTimer.singleShot(0, hit_edit, lambda: scroll_to_cursor(scroll, hit_edit, hit))
        return True
    if first_label is not None:
        label = first_label
        QTimer.singleShot(0, label, lambda: scroll_to_label(scroll, label))
        return True
    return False
