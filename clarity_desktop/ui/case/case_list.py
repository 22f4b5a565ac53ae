"""The case list: filter as you type, active / closed / all, sortable columns.

By keyboard: in the filter, Down or Enter goes into the list (Enter on the first match),
Escape clears the filter; in the list, Enter goes into the open case.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelection, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from clarity_desktop.domain.records import CaseStatus
from clarity_desktop.domain.schedule import SessionStatus
from clarity_desktop.services.dto import CaseDetail, CaseSummary
from clarity_desktop.ui.common.models import ID_ROLE, CaseFilterProxy, CaseTableModel


def summary_of(detail: CaseDetail) -> CaseSummary:
    """A case's row in the list, from the case as opened: sessions that took place count,
    as in services.cases.list_cases."""
    held = [s.starts_at for s in detail.sessions if s.status is SessionStatus.HELD]
    return CaseSummary(
        id=detail.id,
        kind=detail.kind,
        display_name=detail.display_name,
        status=detail.status,
        opened_on=detail.opened_on,
        closed_on=detail.closed_on,
        safety_flag=detail.safety_flag,
        last_session=max(held, default=None),
        session_count=len(held),
    )


class CaseListPanel(QWidget):
    case_selected = Signal(int)
    case_activated = Signal(int)  # Enter on a case: go into it
    new_case_requested = Signal()
    import_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = CaseTableModel(self)
        self.proxy = CaseFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("Filter cases by name"))
        self.filter.setClearButtonEnabled(True)
        self.filter.setAccessibleName(self.tr("Filter cases"))
        self.status = QComboBox()
        self.status.addItem(self.tr("Active"), CaseStatus.ACTIVE.value)
        self.status.addItem(self.tr("Closed"), CaseStatus.CLOSED.value)
        self.status.addItem(self.tr("All"), None)
        self.status.setAccessibleName(self.tr("Show cases"))
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(CaseTableModel.NAME, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.setAccessibleName(self.tr("Cases"))
        self.table.setTabKeyNavigation(False)  # arrows move between cases; Tab moves on
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(CaseTableModel.NAME, QHeaderView.ResizeMode.Stretch)
        # Size the narrow columns from the rows on screen, not from every case (a quarter
        # of a second at 10,000 cases on every unlock).
        header.setResizeContentsPrecision(0)
        for col in (CaseTableModel.LAST, CaseTableModel.SESSIONS):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.empty = QLabel()
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setStyleSheet("color: palette(placeholder-text); padding: 16px;")
        # An empty practice: the one place that says what to do, with the two ways in.
        self.first_steps = QWidget()
        self.new_case_button = QPushButton(self.tr("New case…"))
        self.new_case_button.clicked.connect(self.new_case_requested)
        self.import_button = QPushButton(self.tr("Import clients…"))
        self.import_button.setToolTip(self.tr("From another practice system's client list (CSV)"))
        self.import_button.clicked.connect(self.import_requested)
        first = QVBoxLayout(self.first_steps)  # one above the other: the list may be narrow
        first.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        column = QVBoxLayout()
        for button in (self.new_case_button, self.import_button):
            column.addWidget(button)  # the same width, one under the other
        row.addStretch(1)
        row.addLayout(column)
        row.addStretch(1)
        first.addLayout(row)

        top = QHBoxLayout()
        top.addWidget(self.filter, 1)
        top.addWidget(self.status)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.first_steps)
        layout.addStretch(0)

        self.filter.textChanged.connect(self._filter_changed)
        self.status.currentIndexChanged.connect(self._status_changed)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.filter.installEventFilter(self)
        self.table.installEventFilter(self)
        self._update_empty()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        key = event.key()
        if watched is self.filter:
            if key == Qt.Key.Key_Down:
                return self._into_list(open_first=False)
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                return self._into_list(open_first=True)
            if key == Qt.Key.Key_Escape and self.filter.text():
                self.filter.clear()
                return True
        elif watched is self.table and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            current = self.table.currentIndex()
            if current.isValid() and self.current_case_id() is None:
                self.table.selectRow(current.row())  # opens it
            case_id = self.current_case_id()
            if case_id is not None:
                self.case_activated.emit(case_id)
                return True
        return False

    def _into_list(self, open_first: bool) -> bool:
        """From the filter into the list: onto the selected case if the filter still
        shows it, else onto the first match (Enter opens it; Down only goes there)."""
        if self.proxy.rowCount() == 0:
            return True
        self.table.setFocus(Qt.FocusReason.TabFocusReason)
        if self.current_case_id() is not None:
            return True
        first = self.proxy.index(0, 0)
        if open_first:
            self.table.selectRow(0)
        else:
            self.table.selectionModel().setCurrentIndex(
                first, self.table.selectionModel().SelectionFlag.NoUpdate
            )
        self.table.scrollTo(first)
        return True

    def set_cases(self, rows: list[CaseSummary], keep: int | None = None) -> None:
        self.model.set_cases(rows)
        self._update_empty()
        if keep is not None:
            self.select_case(keep)

    def update_case(self, summary: CaseSummary) -> None:
        """One case's row afresh (a session added), from memory: no reload of the list.
        The selection stays on the case it was on."""
        keep = self.current_case_id()
        if self.model.update_case(summary) and keep is not None:
            self.select_case(keep)

    def select_case(self, case_id: int, reveal: bool = True) -> bool:
        """Select the case in the list. If the filter hides it, *reveal* switches the
        list to all cases; without it the list stays as it is, with nothing selected."""
        row = self.model.row_of(case_id)
        if row is None:
            return False
        proxy_index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not proxy_index.isValid():
            if not reveal:
                self.table.clearSelection()
                return False
            self.status.setCurrentIndex(self.status.findData(None))
            self.filter.clear()
            proxy_index = self.proxy.mapFromSource(self.model.index(row, 0))
        self.table.selectRow(proxy_index.row())
        self.table.scrollTo(proxy_index)
        return True

    def current_case_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return int(rows[0].data(ID_ROLE)) if rows else None

    def _filter_changed(self, text: str) -> None:
        self.proxy.set_text(text)
        self._update_empty()

    def _status_changed(self) -> None:
        chosen = self.status.currentData()  # the value's text; None: all
        self.proxy.set_status(CaseStatus(chosen) if chosen else None)
        self._update_empty()

    def _update_empty(self) -> None:
        practice_empty = self.model.rowCount() == 0
        if practice_empty:
            self.empty.setText(
                self.tr("No cases yet. Create the first one, or import your client list.")
            )
        elif self.proxy.rowCount() == 0:
            self.empty.setText(self.tr("No case matches this filter."))
        else:
            self.empty.clear()
        self.empty.setVisible(self.proxy.rowCount() == 0)
        self.first_steps.setVisible(practice_empty)

    def _selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        case_id = self.current_case_id()
        if case_id is not None:
            self.case_selected.emit(case_id)
