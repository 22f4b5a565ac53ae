"""The practice overview: every active case in one sortable, filterable table.

Thousands of cases must sort and filter instantly. Two choices make that so:

- Everything a row shows, sorts by or filters on is computed once per load, on the
  worker thread (an ``_Entry`` per case: texts, integer sort keys, a folded search
  text). Painting, sorting and filtering only look values up; tooltips are made when
  hovered, one cell at a time.
- Sorting happens in the source model, as one Python ``sorted`` over those keys, not in
  QSortFilterProxyModel's own sort: that one calls back into Python twice per comparison
  (tens of thousands of comparisons for a few thousand rows), about eight times slower
  in tests/bench/bench_overview.py. The proxy's ``sort`` hands the request to the model,
  whose order it keeps, so the view's header still sorts as usual. The proxy only
  filters, and its dynamic sort/filter is off, so a reset is one pass.

The panel loads through ``services.overview.practice_overview`` on the worker thread and
never touches the database itself.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from clarity_desktop.services import overview
from clarity_desktop.services.overview import OverviewRow
from clarity_desktop.services.practices import OpenPractice
from clarity_desktop.ui.common.errors import explain
from clarity_desktop.ui.common.models import ID_ROLE
from clarity_desktop.ui.common.numbers import filled
from clarity_desktop.ui.common.worker import run_task
from clarity_desktop.ui.dashboard.overview_model import (
    Formatter,
    OverviewFilterProxy,
    OverviewModel,
    _Entry,
)


def _load(practice: OpenPractice, formatter: Formatter) -> list[_Entry]:
    """The worker-thread part of a refresh: read the overview and format its rows."""
    return formatter.entries(overview.practice_overview(practice.uow()))


class OverviewPanel(QWidget):
    """The overview table with its filters. Loads on first show and on ``refresh()``."""

    case_requested = Signal(int)  # a case id: open that case
    overview_loaded = Signal(int)  # rows arrived: the number of active cases

    TABLE_PAGE, MESSAGE_PAGE = 0, 1

    def __init__(self, practice: OpenPractice, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._practice = practice
        self._loading = False
        self._loaded = False
        self._error = ""
        self.model = OverviewModel(self)
        self.proxy = OverviewFilterProxy(self.model, self)

        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("Filter by case or partner name"))
        self.filter.setClearButtonEnabled(True)
        self.filter.setAccessibleName(self.tr("Filter the overview"))
        self.steps_differ_button = self._toggle(
            self.tr("Partners at different steps"),
            self.tr("Couples whose partners stand at different steps now"),
        )
        self.safety_button = self._toggle(
            self.tr("Safety flag"), self.tr("Cases with the safety flag set")
        )
        self.quiet_button = self._toggle(
            self.tr("No session in 30 days"),
            self.tr("Cases with no session in the last 30 days, or none yet"),
        )
        self.count = QLabel()
        self.count.setAccessibleName(self.tr("Cases shown"))
        self.refresh_button = QToolButton()
        self.refresh_button.setText(self.tr("Refresh"))
        self.refresh_button.setToolTip(self.tr("Read the overview again (F5)"))
        self.refresh_button.setAccessibleName(self.tr("Refresh the overview"))

        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(OverviewModel.ATTENTION, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setAccessibleName(self.tr("Active cases"))
        self.table.setTabKeyNavigation(False)  # arrows move between cases; Tab moves on
        rows = self.table.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # no per-row measuring
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(OverviewModel.CASE, QHeaderView.ResizeMode.Stretch)
        # Fixed widths, not ResizeToContents: that measures the cells of a thousand rows
        # (through Python) on every change. Wide enough for the title and sort arrow.
        em = self.fontMetrics().horizontalAdvance("M")
        titles = header.fontMetrics()
        for col, minimum in (
            (OverviewModel.STEPS, 16),
            (OverviewModel.INTENSITY, 4),
            (OverviewModel.TREND, 7),
            (OverviewModel.LAST, 7),
            (OverviewModel.ATTENTION, 4),
        ):
            title = str(self.model.headerData(col, Qt.Orientation.Horizontal))
            header.resizeSection(col, max(minimum * em, titles.horizontalAdvance(title) + 3 * em))

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setStyleSheet("color: palette(placeholder-text); padding: 16px;")
        self.clear_button = QPushButton(self.tr("Clear filters"))
        message_page = QWidget()
        message_layout = QVBoxLayout(message_page)
        message_layout.addStretch(1)
        message_layout.addWidget(self.message)
        message_layout.addWidget(self.clear_button, 0, Qt.AlignmentFlag.AlignHCenter)
        message_layout.addStretch(2)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.table)
        self.pages.addWidget(message_page)

        top = QHBoxLayout()
        top.addWidget(self.filter, 2)
        for button in (self.steps_differ_button, self.safety_button, self.quiet_button):
            top.addWidget(button)
        top.addStretch(1)
        top.addWidget(self.count)
        top.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(top)
        layout.addWidget(self.pages, 1)

        self.filter.textChanged.connect(self._text_changed)
        self.filter.returnPressed.connect(self._to_table)
        self.steps_differ_button.toggled.connect(self._steps_toggled)
        self.safety_button.toggled.connect(self._safety_toggled)
        self.quiet_button.toggled.connect(self._quiet_toggled)
        self.clear_button.clicked.connect(self.clear_filters)
        self.refresh_button.clicked.connect(self.refresh)
        self.table.activated.connect(self._activated)
        shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Refresh), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.setWhatsThis(self.tr("Refresh the overview"))
        shortcut.activated.connect(self.refresh)
        self._update_state()

    def _toggle(self, text: str, tip: str) -> QPushButton:
        button = QPushButton(text)
        button.setCheckable(True)
        # A switched-on filter must be plain to see: the native "pressed" look is faint.
        # Both states are styled so the button keeps its size when switched.
        button.setStyleSheet(
            "QPushButton { padding: 3px 10px; border: 1px solid palette(mid); "
            "border-radius: 3px; background: palette(button); }"
            "QPushButton:checked { background: palette(highlight); "
            "color: palette(highlighted-text); border-color: palette(highlight); }"
            "QPushButton:focus { border-color: palette(highlight); }"
        )
        button.setToolTip(tip)
        button.setAccessibleName(text)
        return button

    # ----- loading --------------------------------------------------------------------

    def set_practice(self, practice: OpenPractice) -> None:
        """After unlocking again: the same practice behind a fresh engine."""
        self._practice = practice

    def refresh(self) -> None:
        """Read the overview again, off the GUI thread; the table stays usable meanwhile."""
        self._loading = True
        self._error = ""
        self._update_state()
        run_task(
            _load,
            self._practice,
            self.model.formatter,
            owner=self,
            key="load",  # a newer refresh supersedes it (common/worker.py)
            on_done=self._arrived,
            on_failed=self._failed,
        )

    def set_rows(self, rows: Sequence[OverviewRow]) -> None:
        """Show these rows (what refresh() does once they arrive), keeping the selection."""
        self._show(self.model.formatter.entries(rows))

    def _show(self, entries: list[_Entry]) -> None:
        current = self.current_case_id()
        self._loaded = True
        self.model.set_entries(entries)
        self._update_state()
        if current is not None:
            self.select_case(current)

    def _arrived(self, entries: list[_Entry]) -> None:
        self._loading = False
        self._show(entries)
        self.overview_loaded.emit(len(entries))

    def _failed(self, exc: BaseException) -> None:
        self._loading = False
        self._error = self.tr("The overview could not be read. %s") % explain(exc)
        self._update_state()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._loaded and not self._loading:
            self.refresh()

    # ----- filters and selection ------------------------------------------------------

    def clear_filters(self) -> None:
        for button in (self.steps_differ_button, self.safety_button, self.quiet_button):
            button.setChecked(False)
        self.filter.clear()

    def _text_changed(self, text: str) -> None:
        self.proxy.set_text(text)
        self._update_state()

    def _steps_toggled(self, on: bool) -> None:
        self.proxy.set_steps_differ(on)
        self._update_state()

    def _safety_toggled(self, on: bool) -> None:
        self.proxy.set_safety(on)
        self._update_state()

    def _quiet_toggled(self, on: bool) -> None:
        self.proxy.set_no_recent_session(on)
        self._update_state()

    def current_case_id(self) -> int | None:
        index = self.table.currentIndex()
        return int(index.data(ID_ROLE)) if index.isValid() else None

    def select_case(self, case_id: int) -> bool:
        row = self.model.row_of(case_id)
        if row is None:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            return False
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        return True

    def _to_table(self) -> None:
        if self.proxy.rowCount() == 0:
            return
        if not self.table.currentIndex().isValid():
            self.table.setCurrentIndex(self.proxy.index(0, 0))
        self.table.setFocus()

    def _activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.case_requested.emit(int(index.data(ID_ROLE)))

    def _update_state(self) -> None:
        total, shown = self.model.rowCount(), self.proxy.rowCount()
        if self._loading:
            self.count.setText(self.tr("Loading…"))
        elif not self._loaded:
            self.count.clear()
        elif self.proxy.filtering:
            self.count.setText(filled(self.tr("%d of %d cases"), shown, total))
        elif total == 1:
            self.count.setText(self.tr("1 active case"))
        else:
            self.count.setText(filled(self.tr("%d active cases"), total))
        if self._error and total > 0:  # keep showing what was read last time
            self.count.setText(self.tr("Not refreshed"))
        self.count.setToolTip(self._error)
        message = ""
        if self._error and total == 0:
            message = self._error
        elif total == 0 and (self._loading or not self._loaded):
            message = self.tr("Loading the practice overview…")
        elif total == 0:
            message = self.tr(
                "No active cases.\nActive cases appear here, with where each partner "
                "stands and anything worth a look."
            )
        elif shown == 0:
            message = self.tr("No case matches these filters.")
        self.message.setText(message)
        self.clear_button.setVisible(total > 0 and shown == 0)
        self.pages.setCurrentIndex(self.MESSAGE_PAGE if message else self.TABLE_PAGE)
