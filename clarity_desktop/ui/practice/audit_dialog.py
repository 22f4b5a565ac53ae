"""The audit trail viewer: who viewed, changed, signed, printed or exported what, when."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from clarity_desktop.services import audit, cases, practices
from clarity_desktop.services.audit import PARTNER_IN_DETAIL, AuditFilter, AuditRow, RecordNames
from clarity_desktop.services.practices import OpenPractice
from clarity_desktop.ui.common import dates
from clarity_desktop.ui.common.errors import explain
from clarity_desktop.ui.common.models import Index, ListTableModel
from clarity_desktop.ui.common.numbers import filled


def _local(at: datetime) -> str:
    return dates.utc_day_time_seconds(at)


class AuditTableModel(ListTableModel[AuditRow]):
    WHEN, WHO, ACTION, RECORD, CASE, DETAIL = range(6)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__([], parent)
        self._headers = [
            self.tr("When"),
            self.tr("Who"),
            self.tr("Action"),
            self.tr("Record"),
            self.tr("Case"),
            self.tr("Detail"),
        ]
        self._names = RecordNames({}, {}, {}, {})

    def set_rows(self, rows: list[AuditRow], names: RecordNames | None = None) -> None:
        self.beginResetModel()
        self._rows = rows
        self._names = names or RecordNames({}, {}, {}, {})
        self.endResetModel()

    def record(self, r: AuditRow) -> str:
        """The record in words: "note of Tue 4 Mar 2026, 10:00", not "note 12"."""
        n = self._names
        on: dict[str, tuple[dict[int, datetime], str]] = {
            "session": (n.sessions, self.tr("session of %s")),
            "note": (n.notes, self.tr("note of %s")),
            "addendum": (n.addenda, self.tr("addendum to the note of %s")),
        }
        if r.entity in on and r.entity_id is not None:
            found, text = on[r.entity]
            if r.entity_id in found:
                return text % dates.weekday_time(found[r.entity_id])
        words = {
            "case": self.tr("the case"),
            "practice": self.tr("the practice"),
            "audit": self.tr("the audit trail"),
            "directory": self.tr("the client directory"),
            "emergency": self.tr("the practice's emergency key"),
        }
        if r.entity in words:
            return words[r.entity]
        return f"{r.entity} {r.entity_id}" if r.entity_id is not None else r.entity

    def detail(self, r: AuditRow) -> str:
        """The detail, with partners named ("for Zoë", not "for partner 7")."""
        partners = self._names.partners
        return PARTNER_IN_DETAIL.sub(lambda m: partners.get(int(m.group(1)), m.group(0)), r.detail)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        r = self._rows[index.row()]
        col = index.column()
        if col == self.WHEN:
            return _local(r.at)
        if col == self.WHO:
            return r.actor
        if col == self.ACTION:
            return r.action.replace("_", " ")
        if col == self.RECORD:
            return self.record(r)
        if col == self.CASE:
            return r.case_name
        if col == self.DETAIL:
            return self.detail(r)
        return None


class AuditDialog(QDialog):
    def __init__(
        self, practice: OpenPractice, parent: QWidget | None = None, case_id: int | None = None
    ) -> None:
        super().__init__(parent)
        self._practice = practice
        self.setWindowTitle(self.tr("Audit trail"))
        self.resize(1000, 600)
        self.case = QComboBox()
        self.case.addItem(self.tr("All cases"), None)
        for c in cases.list_cases(practice.uow()):
            self.case.addItem(c.display_name, c.id)
        if case_id is not None:
            self.case.setCurrentIndex(max(0, self.case.findData(case_id)))
        self.case.setAccessibleName(self.tr("Case"))
        self.action = QComboBox()
        self.action.setAccessibleName(self.tr("Action"))
        self.action.addItem(self.tr("All actions"), None)
        for a in audit.ACTIONS:
            self.action.addItem(a.replace("_", " "), a)
        self.use_since = QCheckBox(self.tr("&From"))
        self.since = QDateEdit(QDate.currentDate().addMonths(-1))
        self.since.setAccessibleName(self.tr("From date"))
        self.use_until = QCheckBox(self.tr("&To"))
        self.until = QDateEdit(QDate.currentDate())
        self.until.setAccessibleName(self.tr("To date"))
        for edit in (self.since, self.until):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat(dates.DATE_FORMAT)
            edit.setEnabled(False)
        self.use_since.toggled.connect(self.since.setEnabled)
        self.use_until.toggled.connect(self.until.setEnabled)
        self.model = AuditTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setAccessibleName(self.tr("Audit entries"))
        self.table.setTabKeyNavigation(False)  # arrows move between entries; Tab moves on
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.status = QLabel()
        self.status.setAccessibleName(self.tr("Audit trail status"))
        verify = QPushButton(self.tr("&Verify the trail"))
        export = QPushButton(self.tr("&Export CSV…"))
        close = QPushButton(self.tr("Close"))
        filters = QHBoxLayout()
        for w in (self.case, self.action, self.use_since, self.since, self.use_until, self.until):
            filters.addWidget(w)
        filters.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(verify)
        buttons.addWidget(export)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        for combo in (self.case, self.action):
            combo.currentIndexChanged.connect(self.reload)
        for box in (self.use_since, self.use_until):
            box.toggled.connect(self.reload)
        for edit in (self.since, self.until):
            edit.dateChanged.connect(self.reload)
        verify.clicked.connect(self.verify)
        export.clicked.connect(self.export)
        close.clicked.connect(self.accept)
        self.reload()

    def current_filter(self) -> AuditFilter:
        since = self.since.date().toPython() if self.use_since.isChecked() else None
        until = self.until.date().toPython() if self.use_until.isChecked() else None
        assert since is None or isinstance(since, date)
        assert until is None or isinstance(until, date)
        return AuditFilter(self.case.currentData(), self.action.currentData(), since, until)

    def reload(self) -> None:
        rows = audit.list_events(self._practice.uow(), self.current_filter())
        self.model.set_rows(rows, audit.record_names(self._practice.uow(), rows))
        self.status.setText(filled(self.tr("%d entries, newest first"), len(rows)))

    def verify(self) -> None:
        report = practices.verify_audit(self._practice)
        if report.ok:
            self.status.setText(
                filled(self.tr("Verified: all %d entries are intact and in order."), report.rows)
            )
        else:
            broken = self.tr(
                "The trail is broken at entry %d: it was changed or removed outside the program."
            )
            self.status.setText(filled(broken, report.first_broken or 0))

    def export(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export the audit trail"), "audit-trail.csv", "CSV (*.csv)"
        )
        if not name:
            return
        try:
            n = audit.export_csv(self._practice.uow(), self.current_filter(), Path(name))
        except Exception as exc:
            self.status.setText(explain(exc))
            return
        self.status.setText(filled(self.tr("Wrote %d entries to %s."), n, name))
