"""Item models for the case list and a case's sessions. Small, typed, read-only."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QStyle

from clarity_desktop.services.dto import CaseSummary, SessionView

ID_ROLE = Qt.ItemDataRole.UserRole
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex


def when(dt: datetime) -> str:
    return dt.strftime("%a %d %b %Y, %H:%M")


def short_when(dt: datetime) -> str:
    return dt.strftime("%d %b %Y %H:%M")


_icon: QIcon | None = None


def _warning_icon() -> QIcon:
    global _icon
    if _icon is None:
        _icon = QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
    return _icon


class CaseTableModel(QAbstractTableModel):
    """Name, last session and session count; kind and flags show as icon and tooltip,
    because the list is narrow."""

    NAME, LAST, SESSIONS = range(3)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[CaseSummary] = []
        self._headers = [self.tr("Case"), self.tr("Last session"), self.tr("Sessions")]

    def set_cases(self, rows: list[CaseSummary]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def case_at(self, row: int) -> CaseSummary:
        return self._rows[row]

    def row_of(self, case_id: int) -> int | None:
        for i, c in enumerate(self._rows):
            if c.id == case_id:
                return i
        return None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self._headers)
        ):
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        c = self._rows[index.row()]
        col = index.column()
        if role == ID_ROLE:
            return c.id
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.NAME:
                return c.display_name
            if col == self.LAST:
                return c.last_session.strftime("%Y-%m-%d") if c.last_session else "—"
            if col == self.SESSIONS:
                return str(c.session_count)
        if role == SORT_ROLE:
            if col == self.NAME:
                return c.display_name.casefold()
            if col == self.LAST:
                return c.last_session.isoformat() if c.last_session else ""
            if col == self.SESSIONS:
                return c.session_count
            return self.data(index, Qt.ItemDataRole.DisplayRole)
        if role == Qt.ItemDataRole.DecorationRole and col == self.NAME and c.safety_flag:
            return _warning_icon()
        if role == Qt.ItemDataRole.ToolTipRole and col == self.NAME:
            kind = self.tr("Couple") if c.kind.value == "couple" else self.tr("Individual")
            tip = self.tr("%s · %d sessions") % (kind, c.session_count)
            if c.status == "closed":
                tip += self.tr(" · closed")
            if c.safety_flag:
                tip += "\n" + self.tr("Safety flag set: open the case to read the note.")
            return tip
        return None


class CaseFilterProxy(QSortFilterProxyModel):
    """Filter by typed text (anywhere in the name, any case) and by status."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._needle = ""
        self._status: str | None = "active"
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(True)

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self._needle = text.strip().casefold()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_status(self, status: str | None) -> None:
        self.beginFilterChange()
        self._status = status
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        if not isinstance(model, CaseTableModel):
            return True
        case = model.case_at(source_row)
        if self._status is not None and case.status != self._status:
            return False
        return not self._needle or self._needle in case.display_name.casefold()


class SessionTableModel(QAbstractTableModel):
    WHEN, WHO, MODE, STEPS, NOTE = range(5)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[SessionView] = []
        self._headers = [
            self.tr("Date"),
            self.tr("Attended"),
            self.tr("Mode"),
            self.tr("Steps"),
            self.tr("Note"),
        ]

    def set_sessions(self, rows: tuple[SessionView, ...] | list[SessionView]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def session_at(self, row: int) -> SessionView:
        return self._rows[row]

    def row_of(self, session_id: int) -> int | None:
        for i, s in enumerate(self._rows):
            if s.id == session_id:
                return i
        return None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self._headers)
        ):
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        s = self._rows[index.row()]
        col = index.column()
        if role == ID_ROLE:
            return s.id
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.WHEN:
                return short_when(s.starts_at)
            if col == self.WHO:
                return s.attending_label
            if col == self.MODE:
                return s.modality.title
            if col == self.STEPS:
                return ", ".join(str(int(step)) for step in s.steps) or "—"
            if col == self.NOTE:
                status = self.tr("Signed") if s.note_signed else self.tr("Draft")
                return status + (self.tr(" · private") if s.note_private else "")
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == self.STEPS and s.steps:
                return "\n".join(step.label for step in s.steps)
            if col == self.WHEN:
                return f"{when(s.starts_at)} · {s.duration_minutes} min · {s.modality.title}"
        return None
