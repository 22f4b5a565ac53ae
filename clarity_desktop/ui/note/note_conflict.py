"""Theirs and mine: the comparison shown when someone else saved the note after this
editor read it (EditConflict, services/notes.py).

Each section that differs is shown twice: as saved elsewhere (read-only) and as written
here (editable, so the two can be combined by hand; "Copy theirs" puts their text into
yours as one step that Ctrl+Z takes back). The dialog only compares and chooses; the
editor saves (note_editor.py), so a save that fails leaves every word where it was.
Closing it (Esc) chooses nothing: whatever was edited here goes back into the editor,
which stays paused until a choice is made.
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from clarity_desktop.domain.templates import ordered_sections
from clarity_desktop.services.dto import NoteDraft, NoteView
from clarity_desktop.ui.common import labels
from clarity_desktop.ui.note.note_lease import since_text


class Choice(Enum):
    NONE = "none"  # closed without choosing
    MINE = "mine"
    THEIRS = "theirs"
    COMBINED = "combined"


def replace_text(edit: QPlainTextEdit, text: str) -> None:
    """Put *text* in *edit* as one undoable step (setPlainText would forget the undo)."""
    if edit.toPlainText() == text:
        return
    cursor = edit.textCursor()
    cursor.beginEditBlock()
    cursor.select(QTextCursor.SelectionType.Document)
    cursor.insertText(text)
    cursor.endEditBlock()


def other_differences(theirs: NoteView, mine: NoteDraft) -> list[str]:
    """What else differs besides the sections' text, in words."""
    found = []
    if theirs.template != mine.template:
        found.append(QCoreApplication.translate("ConflictDialog", "the template"))
    if frozenset(theirs.steps) != mine.steps:
        found.append(QCoreApplication.translate("ConflictDialog", "the steps worked on"))
    if dict(theirs.partner_steps) != dict(mine.partner_steps):
        found.append(QCoreApplication.translate("ConflictDialog", "where each partner stands"))
    my_readings = {k: r for k, r in mine.partner_readings.items() if not r.is_empty}
    my_couple = mine.couple_reading
    if my_couple is not None and my_couple.is_empty:
        my_couple = None
    if dict(theirs.partner_readings) != my_readings or theirs.couple_reading != my_couple:
        found.append(QCoreApplication.translate("ConflictDialog", "the Dynamics readings"))
    if theirs.private != mine.private:
        found.append(QCoreApplication.translate("ConflictDialog", "private"))
    return found


class ConflictDialog(QDialog):
    def __init__(
        self,
        theirs: NoteView,
        mine: NoteDraft,
        my_keys: list[str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("This note changed elsewhere"))
        self.choice = Choice.NONE
        self._mine = {k: mine.sections.get(k, "") for k in my_keys}
        self.mine_edits: dict[str, QPlainTextEdit] = {}
        self.theirs_views: dict[str, QPlainTextEdit] = {}

        intro = QLabel(
            self.tr(
                "Someone else saved this note at %s, after you opened it. Nothing of yours "
                "was saved over theirs, and nothing you wrote is lost. Compare the two, then "
                "keep one, or edit yours into a combined version and save that."
            )
            % since_text(theirs.updated_at)
        )
        intro.setWordWrap(True)

        titles: dict[str, str] = {}
        for key, title, _ in ordered_sections(theirs.template, theirs.sections):
            titles[key] = title
        for key, title, _ in ordered_sections(mine.template, mine.sections):
            titles.setdefault(key, title)
        keys = list(my_keys) + [
            k for k, v in theirs.sections.items() if k not in my_keys and v.strip()
        ]
        grid_host = QWidget()
        grid = QGridLayout(grid_host)
        head_theirs = QLabel(self.tr("Saved elsewhere"))
        head_mine = QLabel(self.tr("Yours, not saved yet"))
        for head in (head_theirs, head_mine):
            head.setStyleSheet("font-weight: 600;")
        grid.addWidget(head_theirs, 0, 0)
        grid.addWidget(head_mine, 0, 1)
        same: list[str] = []
        row = 1
        for key in keys:
            their_text = theirs.sections.get(key, "")
            title = labels.text(titles.get(key, key))
            if key in self._mine and their_text.strip() == self._mine[key].strip():
                if their_text.strip():  # sections empty on both sides go unmentioned
                    same.append(title)
                continue
            row = self._add_section(grid, row, key, title, their_text)
        if row == 1:
            grid.addWidget(QLabel(self.tr("The sections' text is the same in both.")), row, 0, 1, 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(grid_host)

        notes = []
        if same:
            notes.append(self.tr("The same in both: %s.") % ", ".join(same))
        others = other_differences(theirs, mine)
        if others:
            notes.append(
                self.tr("Also different: %s. Keeping yours or a combined version keeps yours.")
                % ", ".join(others)
            )
        self.summary = QLabel(" ".join(notes))
        self.summary.setWordWrap(True)
        self.summary.setVisible(bool(notes))

        self.buttons = QDialogButtonBox()
        self.theirs_button = self.buttons.addButton(
            self.tr("Keep &theirs…"), QDialogButtonBox.ButtonRole.DestructiveRole
        )
        self.mine_button = self.buttons.addButton(
            self.tr("Keep &mine"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.combined_button = self.buttons.addButton(
            self.tr("Save &combined"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.close_button.setToolTip(self.tr("Close without choosing (Esc); nothing is saved"))
        for b in (self.theirs_button, self.mine_button, self.combined_button, self.close_button):
            b.setAutoDefault(False)
        self.mine_button.setToolTip(self.tr("Save your version over theirs, as you wrote it"))
        self.theirs_button.setToolTip(self.tr("Discard your unsaved changes and keep theirs"))
        self.combined_button.setToolTip(self.tr("Save what is now in your column"))
        self.theirs_button.clicked.connect(lambda: self._choose(Choice.THEIRS))
        self.mine_button.clicked.connect(lambda: self._choose(Choice.MINE))
        self.combined_button.clicked.connect(lambda: self._choose(Choice.COMBINED))
        self.close_button.clicked.connect(self.reject)
        self._edited()

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)
        self.resize(920, 620)

    def _add_section(
        self, grid: QGridLayout, row: int, key: str, title: str, their_text: str
    ) -> int:
        label = QLabel(title)
        label.setStyleSheet("font-weight: 600; margin-top: 8px;")
        theirs = QPlainTextEdit(their_text)
        theirs.setReadOnly(True)
        theirs.setAccessibleName(self.tr("%s, saved elsewhere") % title)
        theirs.setStyleSheet("background: palette(alternate-base);")
        self.theirs_views[key] = theirs
        grid.addWidget(label, row, 0, 1, 2)
        grid.addWidget(theirs, row + 1, 0)
        if key not in self._mine:
            missing = QLabel(self.tr("Not in your version of the note."))
            missing.setWordWrap(True)
            missing.setAlignment(Qt.AlignmentFlag.AlignTop)
            grid.addWidget(missing, row + 1, 1)
            return row + 2
        mine = QPlainTextEdit(self._mine[key])
        mine.setTabChangesFocus(True)
        mine.setAccessibleName(self.tr("%s, yours") % title)
        mine.textChanged.connect(self._edited)
        self.mine_edits[key] = mine
        copy = QPushButton(self.tr("Copy theirs into mine"))
        copy.setAutoDefault(False)
        copy.setAccessibleName(self.tr("Copy theirs into mine: %s") % title)
        copy.clicked.connect(lambda: replace_text(mine, their_text))
        cell = QWidget()
        cl = QVBoxLayout(cell)
        cl.setContentsMargins(0, 0, 0, 0)
        cl.addWidget(mine)
        row_buttons = QHBoxLayout()
        row_buttons.addStretch(1)
        row_buttons.addWidget(copy)
        cl.addLayout(row_buttons)
        grid.addWidget(cell, row + 1, 1)
        return row + 2

    def _edited(self) -> None:
        """Save combined, once yours differs from what you had written (before, it would
        be "Keep mine" under another name)."""
        self.combined_button.setEnabled(self.edited())

    def edited(self) -> bool:
        return any(e.toPlainText() != self._mine[k] for k, e in self.mine_edits.items())

    def combined(self) -> dict[str, str]:
        """Your column as it stands: every section of yours, edited or not."""
        out = dict(self._mine)
        out.update({k: e.toPlainText() for k, e in self.mine_edits.items()})
        return out

    def _choose(self, choice: Choice) -> None:
        self.choice = choice
        self.accept()
