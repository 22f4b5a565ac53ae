"""Item models for the case list and a case's sessions. Small, typed, read-only."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QFont, QIcon
from PySide6.QtWidgets import QApplication, QStyle

from clarity_desktop.domain.records import CaseKind, CaseStatus
from clarity_desktop.domain.schedule import SessionStatus
from clarity_desktop.services.dto import CaseSummary, SessionView
from clarity_desktop.ui.common import appearance, dates, labels
from clarity_desktop.ui.common.numbers import filled

ID_ROLE = Qt.ItemDataRole.UserRole
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex
RowT = TypeVar("RowT")


def when(dt: datetime) -> str:
    """A session's start with its weekday (ui/common/dates.py: the one date format)."""
    return dates.weekday_time(dt)


def short_when(dt: datetime) -> str:
    return dates.day_time(dt)


_icon: QIcon | None = None


def _lock_icon() -> QIcon:
    return appearance.icon("lock")


def _warning_icon() -> QIcon:
    global _icon
    if _icon is None:
        _icon = QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
    return _icon


@dataclass(frozen=True, slots=True)
class _CaseRow:
    """One case, precomputed: what it shows, how it sorts, what the filter looks in."""

    case: CaseSummary
    texts: tuple[str, str, str]  # per column
    keys: tuple[int, int, int]  # per column; plain ints compare fastest
    folded: str  # the name, casefolded


def _seconds(dt: datetime) -> int:
    return dt.toordinal() * 86400 + dt.hour * 3600 + dt.minute * 60 + dt.second


class ListTableModel(QAbstractTableModel, Generic[RowT]):
    """A flat, read-only table over a Python list: the rows in ``_rows``, the column
    titles in ``_headers``. Subclasses supply ``data``."""

    def __init__(self, headers: list[str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[RowT] = []
        self._headers = headers

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def _replace(self, rows: list[RowT]) -> None:
        """All rows at once, announced to the views as one reset."""
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

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


class CaseTableModel(ListTableModel["_CaseRow"]):
    """Name, last session and session count; kind and flags show as icon and tooltip,
    because the list is narrow.

    Ten thousand cases must load, sort and filter in a frame or two (measured in
    tests/bench/bench_practice.py). So what a row shows, sorts by and filters on is
    computed once in set_cases, and the model sorts itself with one Python sort over
    those keys; the proxy hands sorting over, as the practice overview's does.
    QSortFilterProxyModel's own sort called data() through Python twice per comparison:
    about a second for 10,000 cases, on the GUI thread, at every unlock.
    """

    NAME, LAST, SESSIONS = range(3)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__([], parent)
        self._by_name: list[_CaseRow] = []  # name order: the tie-break of every sort
        # self._rows (from the base) is the display order
        self._where: dict[int, int] = {}  # case id -> row
        self._status_of: list[CaseStatus] = []  # per row, for the filter
        self._folded_of: list[str] = []
        self._sort_column = self.NAME
        self._sort_order = Qt.SortOrder.AscendingOrder
        self.generation = 0  # changes whenever rows change or move (for the proxy)
        self._headers = [self.tr("Case"), self.tr("Last session"), self.tr("Sessions")]

    def set_cases(self, rows: list[CaseSummary]) -> None:
        """*rows* in name order, as services.cases.list_cases returns them."""
        self.beginResetModel()
        self._by_name = [
            _CaseRow(
                case=c,
                texts=(
                    labels.client(c.display_name),
                    # Written out only for rows on screen (data()): 10,000 dates through
                    # QLocale would take a noticeable moment at every unlock.
                    "" if c.last_session else "—",
                    str(c.session_count),
                ),
                keys=(rank, _seconds(c.last_session) if c.last_session else -1, c.session_count),
                folded=c.display_name.casefold(),
            )
            for rank, c in enumerate(rows)
        ]
        self._arrange()
        self.endResetModel()

    def update_case(self, summary: CaseSummary) -> bool:
        """Replace one case's row (its name unchanged, so the name order holds); False if
        the case is not in the list."""
        rows = [r.case for r in self._by_name]
        for i, c in enumerate(rows):
            if c.id == summary.id:
                rows[i] = summary
                self.set_cases(rows)
                return True
        return False

    def case_at(self, row: int) -> CaseSummary:
        return self._rows[row].case

    def row_of(self, case_id: int) -> int | None:
        return self._where.get(case_id)

    def matching(self, needle: str, status: CaseStatus | None) -> list[bool]:
        """Per row, in display order: does it pass the filter?"""
        return [
            (status is None or s is status) and needle in f
            for s, f in zip(self._status_of, self._folded_of, strict=True)
        ]

    def _arrange(self) -> None:
        column, order = self._sort_column, self._sort_order
        if 0 <= column < len(self._headers):
            # Stable, over the name order: ties stay alphabetical both ways.
            self._rows = sorted(
                self._by_name,
                key=lambda r: r.keys[column],
                reverse=order == Qt.SortOrder.DescendingOrder,
            )
        else:
            self._rows = list(self._by_name)
        self._where = {r.case.id: i for i, r in enumerate(self._rows)}
        self._status_of = [r.case.status for r in self._rows]
        self._folded_of = [r.folded for r in self._rows]
        self.generation += 1

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort_column, self._sort_order = column, order
        if not self._rows:
            return
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        moved = [(self._rows[i.row()].case.id, i.column()) for i in old]
        self._arrange()
        self.changePersistentIndexList(
            old, [self.index(self._where[cid], col) for cid, col in moved]
        )
        self.layoutChanged.emit()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row, col = index.row(), index.column()
        if not index.isValid() or not 0 <= row < len(self._rows) or not 0 <= col < 3:
            return None
        r = self._rows[row]
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.LAST and r.case.last_session is not None:
                return dates.day(r.case.last_session.date())
            return r.texts[col]
        if role == ID_ROLE:
            return r.case.id
        if role == SORT_ROLE:
            return r.keys[col]
        c = r.case
        if role == Qt.ItemDataRole.DecorationRole and col == self.NAME and c.safety_flag:
            return _warning_icon()
        if role == Qt.ItemDataRole.ToolTipRole and col == self.NAME:
            kind = self.tr("Couple") if c.kind is CaseKind.COUPLE else self.tr("Individual")
            tip = filled(self.tr("%s · %d sessions"), kind, c.session_count)
            if c.status is CaseStatus.CLOSED:
                tip += self.tr(" · closed")
            if c.safety_flag:
                tip += "\n" + self.tr("Safety flag set: open the case to read the note.")
            return tip
        return None


class CaseFilterProxy(QSortFilterProxyModel):
    """Filter by typed text (anywhere in the name, any case) and by status. Sorting is
    passed to the source model (see CaseTableModel). Which rows pass is worked out in one
    Python pass per change, so the callback Qt makes for every row is a list lookup."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._needle = ""
        self._status: CaseStatus | None = CaseStatus.ACTIVE
        self._model: CaseTableModel | None = None
        self._accepted: list[bool] = []
        self._accepted_for = -1  # the model generation _accepted was computed for
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(False)

    def setSourceModel(self, model: QAbstractItemModel) -> None:
        self._model = model if isinstance(model, CaseTableModel) else None
        self._accepted_for = -1
        super().setSourceModel(model)

    def set_text(self, text: str) -> None:
        self._change(text.strip().casefold(), self._status)

    def set_status(self, status: CaseStatus | None) -> None:
        self._change(self._needle, status)

    def _change(self, needle: str, status: CaseStatus | None) -> None:
        # Rows removed and inserted, not invalidate()'s layout change: that one makes the
        # view's header size its columns from 1,000 rows again (about 140 ms a keystroke).
        self.beginFilterChange()
        self._needle, self._status = needle, status
        self._accepted_for = -1
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self._model
        if model is None:
            return True
        if self._accepted_for != model.generation:
            self._accepted = model.matching(self._needle, self._status)
            self._accepted_for = model.generation
        return source_row >= len(self._accepted) or self._accepted[source_row]

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if self._model is not None:
            self._model.sort(column, order)
        else:
            super().sort(column, order)


class SessionTableModel(ListTableModel[SessionView]):
    WHEN, WHO, MODE, STEPS, NOTE = range(5)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__([], parent)
        self._headers = [
            self.tr("Date"),
            self.tr("Attended"),
            self.tr("Mode"),
            self.tr("Steps"),
            self.tr("Status"),
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
                return labels.text(s.attending_label)
            if col == self.MODE:
                return labels.label(s.modality)
            if col == self.STEPS:
                return ", ".join(str(int(step)) for step in s.steps) or "—"
            if col == self.NOTE:
                return self.status_text(s)
        if role == Qt.ItemDataRole.DecorationRole and col == self.NOTE and s.note_signed:
            return _lock_icon()  # a signed note carries the lock; a draft does not
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == self.STEPS and s.steps:
                return "\n".join(labels.step_label(step) for step in s.steps)
            if col == self.WHEN:
                return (
                    f"{when(s.starts_at)} · {s.duration_minutes} min · {labels.label(s.modality)}"
                )
            if col == self.NOTE and s.status_reason:
                return s.status_reason
            if col == self.NOTE and s.status is SessionStatus.HELD:
                return (
                    self.tr("Signed and locked") if s.note_signed else self.tr("Draft, not signed")
                )
        if role == Qt.ItemDataRole.FontRole and (
            s.status is not SessionStatus.HELD or not s.note_signed
        ):
            # Italic: booked or called off, or a draft not yet signed. Only a signed
            # note's row is upright, and it carries the lock.
            font = QFont()
            font.setItalic(True)
            return font
        return None

    def status_text(self, s: SessionView) -> str:
        """Signed or draft for a session that took place; otherwise what became of it,
        with the reason given (the whole reason is in the tooltip)."""
        if s.status is SessionStatus.HELD:
            status = self.tr("Signed") if s.note_signed else self.tr("Draft")
            return status + (self.tr(" · private") if s.note_private else "")
        words = {
            SessionStatus.SCHEDULED: self.tr("Scheduled"),
            SessionStatus.CANCELLED: self.tr("Cancelled"),
            SessionStatus.LATE_CANCELLED: self.tr("Late cancellation"),
            SessionStatus.NO_SHOW: self.tr("No-show"),
        }[s.status]
        reason = " ".join(s.status_reason.split())
        if len(reason) > 40:
            reason = reason[:39].rstrip() + "…"
        return f"{words}: {reason}" if reason else words
