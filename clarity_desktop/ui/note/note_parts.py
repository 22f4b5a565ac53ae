"""Parts of the note editor: the save state in its header, and small helpers. (The
growing text sections are in note_widgets.py, with the editor's other widgets.)"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtWidgets import QLabel, QWidget

from clarity_desktop.domain.clock import as_utc
from clarity_desktop.ui.common import dates
from clarity_desktop.ui.note.note_widgets import SectionEdit, clear_layout

__all__ = ["SaveState", "SectionEdit", "clear_layout", "local_time"]


def local_time(utc: datetime) -> datetime:
    return as_utc(utc).astimezone().replace(tzinfo=None)


class SaveState(QLabel):
    """What the header says about the draft: saved (and when), being edited, waiting for
    another task to finish writing, or not saved (and why; it is retried)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Save state"))

    def saved(self, at: datetime | None) -> None:
        """*at*: local time; None for a signed note, which has nothing left to save."""
        self.setText(self.tr("Saved %s") % dates.clock(at) if at is not None else "")
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
