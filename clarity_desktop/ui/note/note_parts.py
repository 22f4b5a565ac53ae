"""Parts of the note editor: its header, the save state beside it, the step toggles,
the signature line, and small helpers. (The growing text sections are in
note_widgets.py, with the editor's other widgets; when drafts save, in autosave.py.)"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from clarity_desktop.domain.clock import as_utc
from clarity_desktop.domain.steps import Step
from clarity_desktop.services.dto import NoteView
from clarity_desktop.ui.common import appearance, dates, labels
from clarity_desktop.ui.note.note_widgets import SectionEdit, StepButton, clear_layout

__all__ = ["SaveState", "SectionEdit", "clear_layout", "local_time"]


def local_time(utc: datetime) -> datetime:
    return as_utc(utc).astimezone().replace(tzinfo=None)


def header_label() -> QLabel:
    """The note's case, session time and who attended, larger, above the note."""
    label = QLabel()
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 1.25)
    font.setWeight(QFont.Weight.DemiBold)
    label.setFont(font)
    label.setWordWrap(True)
    return label


def step_toggles() -> dict[Step, QPushButton]:
    """One toggle per step: was it worked on in this session?"""
    buttons: dict[Step, QPushButton] = {}
    for step in Step:
        b = StepButton(labels.step_label(step))
        b.setCheckable(True)
        b.setObjectName("stepToggle")
        b.setStyleSheet(
            "QPushButton#stepToggle:checked { background: palette(highlight);"
            " color: palette(highlighted-text); font-weight: 600; }"
        )
        b.setToolTip(labels.text(step.short))
        b.setAccessibleName(
            QCoreApplication.translate("NoteEditor", "Worked on step %s") % labels.step_label(step)
        )
        buttons[step] = b
    return buttons


def signature_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    appearance.styled(
        label,
        lambda t: (
            "font-weight: 600; background: palette(alternate-base);"
            f" border-left: 4px solid {t.done}; padding: 6px;"
        ),
    )
    return label


def signature_text(note: NoteView) -> str:
    """Who signed and when, for a signed note; empty for a draft."""
    if not note.signed or note.signed_at is None:
        return ""
    text = QCoreApplication.translate(
        "NoteEditor", "Signed electronically by %s on %s. This note is locked."
    ) % (
        note.signed_by,
        dates.utc_day_time(note.signed_at),
    )
    if note.cosigned_by and note.cosigned_at is not None:
        text += "\n" + QCoreApplication.translate("NoteEditor", "Co-signed by %s on %s.") % (
            note.cosigned_by,
            dates.utc_day_time(note.cosigned_at),
        )
    return text


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

    def paused(self, why: str) -> None:
        """Nothing saves until the person chooses (the banner under the header says how)."""
        self.setText(self.tr("Not saved"))
        self.setToolTip(why)

    def failed(self, why: str) -> None:
        self.setText(self.tr("Not saved: %s Retrying…") % why)
        self.setToolTip(why)
