"""Parts of the note editor: its growing text sections, the save state in its header,
and small helpers."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QLayout, QPlainTextEdit, QSizePolicy, QWidget


def local_time(utc: datetime) -> datetime:
    return utc.replace(tzinfo=UTC).astimezone().replace(tzinfo=None)


def clear_layout(layout: QLayout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget() if item is not None else None
        if widget is not None:
            widget.hide()  # gone from the screen now, freed at the next event loop turn
            widget.deleteLater()


class SectionEdit(QPlainTextEdit):
    """A plain-text section that grows with its text, so the note reads as one page."""

    def __init__(self, key: str, prompt: str) -> None:
        super().__init__()
        self.key = key
        self.setPlaceholderText(prompt)
        self.setTabChangesFocus(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.document().documentLayout().documentSizeChanged.connect(self._fit)
        self._fit()

    def _fit(self, *_: object) -> None:
        """Fixed height = the wrapped text's height (3 to 30 lines); the page scrolls."""
        height = 0.0
        block = self.document().begin()
        while block.isValid():
            height += self.blockBoundingRect(block).height()
            block = block.next()
        line = self.fontMetrics().lineSpacing()
        height = min(max(height, 3 * line), 30 * line)
        margins = 2 * (self.frameWidth() + self.document().documentMargin())
        self.setFixedHeight(int(height + margins) + 2)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()  # a new width re-wraps the text


class SaveState(QLabel):
    """What the header says about the draft: saved (and when), being edited, waiting for
    another task to finish writing, or not saved (and why; it is retried)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Save state"))

    def saved(self, at: datetime | None) -> None:
        """*at*: local time; None for a signed note, which has nothing left to save."""
        self.setText(self.tr("Saved %s") % at.strftime("%H:%M") if at is not None else "")
        self.setToolTip("")

    def editing(self) -> None:
        self.setText(self.tr("Editing…"))

    def waiting(self) -> None:
        self.setText(self.tr("Waiting to save…"))
        self.setToolTip(
            self.tr(
                "Another task is writing to the practice just now (an import, a backup or "
                "another Clarity program). Your note is kept here and is saved as soon as "
                "the practice is free."
            )
        )

    def failed(self, why: str) -> None:
        self.setText(self.tr("Not saved: %s Retrying…") % why)
        self.setToolTip(why)
