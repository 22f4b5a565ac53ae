"""The two columns of the session brief's screen (brief_view.py): a column, its scroll
area, and one headed block of text added to it. No words of their own."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget


def column() -> QWidget:
    widget = QWidget()
    box = QVBoxLayout(widget)
    box.setContentsMargins(4, 4, 12, 4)
    box.setSpacing(4)
    return widget


def scrolled(widget: QWidget) -> QScrollArea:
    """A column that scrolls up and down, never sideways (its text wraps)."""
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setWidget(widget)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return scroll


def add_block(widget: QWidget, heading: str, html: str) -> QLabel:
    """A heading and its rich text, selectable, named for screen readers by the heading."""
    box = widget.layout()
    assert isinstance(box, QVBoxLayout)
    title = QLabel(heading)
    title.setWordWrap(True)
    title.setStyleSheet("font-weight: 600; margin-top: 8px;")
    body = QLabel(html)
    body.setTextFormat(Qt.TextFormat.RichText)
    body.setWordWrap(True)
    body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    body.setAccessibleName(heading)
    box.addWidget(title)
    box.addWidget(body)
    return body
