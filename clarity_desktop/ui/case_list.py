"""The case list: filter as you type, active / closed / all, sortable columns."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from clarity_desktop.services.dto import CaseSummary
from clarity_desktop.ui.models import ID_ROLE, CaseFilterProxy, CaseTableModel


class CaseListPanel(QWidget):
    case_selected = Signal(int)

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
        self.status.addItem(self.tr("Active"), "active")
        self.status.addItem(self.tr("Closed"), "closed")
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

        top = QHBoxLayout()
        top.addWidget(self.filter, 1)
        top.addWidget(self.status)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)

        self.filter.textChanged.connect(self._filter_changed)
        self.status.currentIndexChanged.connect(self._status_changed)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self._update_empty()

    def set_cases(self, rows: list[CaseSummary], keep: int | None = None) -> None:
        self.model.set_cases(rows)
        self._update_empty()
        if keep is not None:
            self.select_case(keep)

    def select_case(self, case_id: int) -> bool:
        row = self.model.row_of(case_id)
        if row is None:
            return False
        proxy_index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not proxy_index.isValid():
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
        self.proxy.set_status(self.status.currentData())
        self._update_empty()

    def _update_empty(self) -> None:
        if self.model.rowCount() == 0:
            self.empty.setText(
                self.tr("No cases yet.\nCreate the first one with Case ▸ New case (Ctrl+N).")
            )
        elif self.proxy.rowCount() == 0:
            self.empty.setText(self.tr("No case matches this filter."))
        else:
            self.empty.clear()
        self.empty.setVisible(self.proxy.rowCount() == 0)

    def _selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        case_id = self.current_case_id()
        if case_id is not None:
            self.case_selected.emit(case_id)
