"""The supervisor's queue on the Today view: notes their supervisees submitted for review,
and signed notes waiting for their co-signature, oldest first, each opening the note.

Shown only to someone who supervises; a clinician without supervisees never sees it. The
table itself is the Today view's (a DayTable, handed in), so it looks and keys like the
lists around it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from clarity_desktop.services import supervision
from clarity_desktop.services.practices import OpenPractice
from clarity_desktop.services.supervision import ReviewItem
from clarity_desktop.ui.common import dates
from clarity_desktop.ui.common.errors import explain
from clarity_desktop.ui.common.models import ID_ROLE, Index, ListTableModel
from clarity_desktop.ui.practice.today_models import CASE_ROLE, clock, full_day


class ReviewQueueModel(ListTableModel[ReviewItem]):
    """One row per note waiting; the session's id under ID_ROLE, its case's under CASE_ROLE."""

    SINCE, CLINICIAN, CASE, SESSION, FOR, ACTIONS = range(6)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__([], parent)
        self._headers = [
            self.tr("Waiting since"),
            self.tr("Clinician"),
            self.tr("Case"),
            self.tr("Session"),
            self.tr("Waiting for"),
            self.tr("Actions"),
        ]

    def set_rows(self, rows: tuple[ReviewItem, ...]) -> None:
        self._replace(list(rows))

    def row_at(self, row: int) -> ReviewItem:
        return self._rows[row]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        item, col = self._rows[index.row()], index.column()
        if role == ID_ROLE:
            return item.session_id
        if role == CASE_ROLE:
            return item.case_id
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if col == self.SINCE:
            return dates.utc_day_time(item.since)
        if col == self.CLINICIAN:
            return item.supervisee
        if col == self.CASE:
            return item.case_name
        if col == self.SESSION:
            return f"{full_day(item.session_starts_at.date())} {clock(item.session_starts_at)}"
        if col == self.FOR:
            return self.tr("Your co-signature") if item.cosign else self.tr("Your review")
        return ""


class ReviewQueuePanel(QWidget):
    note_requested = Signal(int, int)  # case id, session id

    def __init__(self, table: QTableView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        model = table.model()
        assert isinstance(model, ReviewQueueModel)
        self.model = model
        self.table = table
        self.title = QLabel(self.tr("Notes waiting for you as supervisor"))
        self.title.setStyleSheet("font-weight: 600;")
        self.title.setBuddy(table)
        self.empty = QLabel(self.tr("Nothing is waiting for your review or co-signature."))
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet("color: palette(placeholder-text);")
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.hide()
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 10, 0, 0)
        for w in (self.title, self.problem, self.empty, table):
            column.addWidget(w)
        self.hide()

    def refresh(self, practice: OpenPractice) -> None:
        """Read the queue again; hidden for someone who supervises nobody."""
        try:
            waiting = supervision.queue(practice.uow())
        except Exception as exc:
            self.problem.setText(self.tr("The review queue could not be read: %s") % explain(exc))
            self.problem.show()
            return
        self.problem.hide()
        self.setVisible(bool(waiting.supervisees))
        self.model.set_rows(waiting.items)
        self._place_buttons()
        self.table.setVisible(bool(waiting.items))
        self.empty.setVisible(not waiting.items)

    def _place_buttons(self) -> None:
        for row in range(self.model.rowCount()):
            item = self.model.row_at(row)
            holder = QWidget()
            line = QHBoxLayout(holder)
            line.setContentsMargins(2, 0, 2, 0)
            button = QPushButton(self.tr("Open note"), holder)
            button.setAccessibleName(self.tr("Open this note to review it"))
            button.setAutoDefault(False)
            button.clicked.connect(
                lambda _c=False, i=item: self.note_requested.emit(i.case_id, i.session_id)
            )
            line.addWidget(button)
            line.addStretch(1)
            self.table.setIndexWidget(self.model.index(row, ReviewQueueModel.ACTIONS), holder)

    def activate(self, row: int) -> None:
        """Enter or a double click on a row: open its note."""
        item = self.model.row_at(row)
        self.note_requested.emit(item.case_id, item.session_id)
