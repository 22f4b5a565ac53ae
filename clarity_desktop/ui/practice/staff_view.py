"""The administrator's view of a group practice: who is on the staff, in which role,
with how many cases, who supervises them and how, and who is disabled; with Add person,
Disable, Assign case and Set supervisor.

An administrator reads no clinical record (services/permissions.py, and the server's
grants), so this is their whole window's work: the staff list and who keeps which case.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from clarity_desktop.services import staff
from clarity_desktop.services.practices import OpenPractice
from clarity_desktop.services.staff import StaffMember
from clarity_desktop.ui.common import labels
from clarity_desktop.ui.common.errors import explain
from clarity_desktop.ui.common.models import ListTableModel
from clarity_desktop.ui.practice.staff_dialogs import (
    CASE_KEEPERS,
    AddPersonDialog,
    AssignCaseDialog,
    SupervisionDialog,
)
from clarity_desktop.ui.practice.window_parts import title_label

Index = QModelIndex | QPersistentModelIndex


class StaffModel(ListTableModel[StaffMember]):
    NAME, LOGIN, ROLE, CASES, SUPERVISED, STATUS = range(6)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__([], parent)
        self._headers = [
            self.tr("Name"),
            self.tr("Login"),
            self.tr("Role"),
            self.tr("Cases"),
            self.tr("Supervised by"),
            self.tr("Status"),
        ]

    def set_staff(self, rows: list[StaffMember]) -> None:
        self._replace(sorted(rows, key=lambda m: (m.disabled, m.display_name.casefold())))

    def member(self, row: int) -> StaffMember:
        return self._rows[row]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        m = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.NAME:
                return f"{m.display_name}, {m.credentials}" if m.credentials else m.display_name
            if col == self.LOGIN:
                return m.login
            if col == self.ROLE:
                return labels.label(m.role)
            if col == self.CASES:
                return m.cases
            if col == self.SUPERVISED:
                return "; ".join(
                    self.tr("%s (%s)") % (s.name, labels.label(s.mode).lower())
                    for s in m.supervised_by
                )
            if col == self.STATUS:
                return self.tr("Disabled") if m.disabled else self.tr("Active")
        if role == Qt.ItemDataRole.TextAlignmentRole and col == self.CASES:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and m.disabled:
            from PySide6.QtWidgets import QApplication

            return QApplication.palette().placeholderText()
        return None


class StaffView(QWidget):
    """The staff list with its four actions; each change is read back from the server."""

    staff_changed = Signal(str)  # what was done, in one sentence for the status bar

    def __init__(self, practice: OpenPractice, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.practice = practice
        self.model = StaffModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Staff"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)  # the status column takes what is left
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.add_button = QPushButton(self.tr("&Add person…"))
        self.disable_button = QPushButton(self.tr("&Disable…"))
        self.assign_button = QPushButton(self.tr("Assign &case…"))
        self.supervise_button = QPushButton(self.tr("Set &supervisor…"))
        self.supervise_button.setToolTip(
            self.tr("Who supervises the chosen clinician, and how closely")
        )
        self.add_button.clicked.connect(self.add_person)
        self.disable_button.clicked.connect(self.disable_person)
        self.assign_button.clicked.connect(self.assign_case)
        self.supervise_button.clicked.connect(self.set_supervisor)
        intro = QLabel(
            self.tr(
                "You keep the practice's staff: who may sign in, in which role, which "
                "cases each clinician works with, and who supervises whom. Clinical records "
                "stay closed to an administrator's login."
            )
        )
        intro.setWordWrap(True)
        buttons = QHBoxLayout()
        for b in (self.add_button, self.disable_button, self.assign_button, self.supervise_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.addWidget(title_label(self.tr("Staff")))
        layout.addWidget(intro)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())
        self.refresh()

    def refresh(self) -> None:
        keep = self.selected()
        try:
            self.model.set_staff(staff.staff_list(self.practice))
        except Exception as exc:
            QMessageBox.warning(self, self.tr("Staff not read"), explain(exc))
            return
        if keep is not None:
            self.select_login(keep.login)
        self._update_buttons()

    def selected(self) -> StaffMember | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.member(rows[0].row()) if rows else None

    def select_login(self, login: str) -> None:
        for row in range(self.model.rowCount()):
            if self.model.member(row).login == login:
                self.table.selectRow(row)
                return

    def _update_buttons(self) -> None:
        chosen = self.selected()
        me = self.practice.principal.user_id
        self.disable_button.setEnabled(
            chosen is not None and not chosen.disabled and chosen.user_id != me
        )
        self.supervise_button.setEnabled(
            chosen is None or (chosen.role in CASE_KEEPERS and not chosen.disabled)
        )

    def add_person(self) -> None:
        dialog = AddPersonDialog(self.practice, self)
        if dialog.exec():
            login = dialog.login.text().strip()
            self.refresh()
            self.select_login(login)
            self.staff_changed.emit(self.tr("%s can now sign in.") % login)
        dialog.deleteLater()

    def disable_person(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Disable %s?") % chosen.display_name,
            self.tr(
                "%s (%s) will no longer be able to sign in, and their sessions end now. "
                "Their records, signatures and audit entries stay with the practice."
            )
            % (chosen.display_name, chosen.login),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            staff.disable_staff(self.practice, chosen.login)
        except Exception as exc:
            QMessageBox.warning(self, self.tr("Not disabled"), explain(exc))
            return
        self.refresh()
        self.staff_changed.emit(self.tr("%s is disabled.") % chosen.login)

    def assign_case(self) -> None:
        try:
            directory = staff.case_directory(self.practice)
        except Exception as exc:
            QMessageBox.warning(self, self.tr("Cases not read"), explain(exc))
            return
        chosen = self.selected()
        dialog = AssignCaseDialog(
            self.practice,
            directory,
            [self.model.member(r) for r in range(self.model.rowCount())],
            chosen.login if chosen else None,
            self,
        )
        if dialog.exec():
            login = str(dialog.person.currentData())
            self.refresh()
            if dialog.take_back.isChecked():
                self.staff_changed.emit(self.tr("The case was taken back from %s.") % login)
            else:
                self.staff_changed.emit(self.tr("The case is now assigned to %s.") % login)
        dialog.deleteLater()

    def set_supervisor(self) -> None:
        chosen = self.selected()
        people = [self.model.member(r) for r in range(self.model.rowCount())]
        dialog = SupervisionDialog(self.practice, people, chosen.login if chosen else None, self)
        if dialog.exec():
            supervisee = str(dialog.supervisee.currentData())
            supervisor = str(dialog.supervisor.currentData())
            mode = dialog.chosen_mode()
            self.refresh()
            self.select_login(supervisee)
            if mode is None:
                self.staff_changed.emit(
                    self.tr("%s is no longer supervised by %s.") % (supervisee, supervisor)
                )
            else:
                self.staff_changed.emit(
                    self.tr("%s now supervises %s: %s.")
                    % (supervisor, supervisee, labels.label(mode).lower())
                )
        dialog.deleteLater()
