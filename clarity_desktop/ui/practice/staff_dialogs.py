"""The administrator's forms: a new person on the staff, a case given to (or taken back
from) a clinician, and who supervises a clinician and how. Each calls one service off the
GUI thread (a new login's signing key is wrapped by a deliberately slow key derivation)
and says in one sentence what went wrong."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from clarity_desktop.domain.identity import Role
from clarity_desktop.domain.passphrase import MIN_PASSPHRASE
from clarity_desktop.domain.supervision import SupervisionMode
from clarity_desktop.services import staff
from clarity_desktop.services.practices import OpenPractice
from clarity_desktop.services.staff import CaseEntry, StaffMember
from clarity_desktop.ui.common import labels
from clarity_desktop.ui.common.errors import explain
from clarity_desktop.ui.common.numbers import filled
from clarity_desktop.ui.common.worker import run_task
from clarity_desktop.ui.practice.window_parts import error_label

# Who may be given a case: those who keep clinical records.
CASE_KEEPERS = (Role.CLINICIAN, Role.SUPERVISOR)


def _password_field() -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    return field


class ServiceDialog(QDialog):
    """OK runs one service call off the GUI thread; the dialog closes when it is done."""

    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.error = error_label()
        self.status = QLabel()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok: QPushButton = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setDefault(True)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self.result_value: Any = None

    def submit(self) -> None:
        raise NotImplementedError

    def _run(self, message: str, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> None:
        self.error.hide()
        self.ok.setEnabled(False)
        self.status.setText(message)
        run_task(
            lambda: fn(*args, **kwargs), owner=self, on_done=self._done, on_failed=self._failed
        )

    def _done(self, value: Any) -> None:
        self.result_value = value
        self.ok.setEnabled(True)
        self.status.clear()
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.ok.setEnabled(True)
        self.status.clear()
        self.show_error(explain(exc))

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()


class AddPersonDialog(ServiceDialog):
    """Login, name, role, credentials and a first password (twice), which the person
    changes after signing in (Practice ▸ Change password)."""

    def __init__(self, practice: OpenPractice, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._practice = practice
        self.setWindowTitle(self.tr("Add a person to the staff"))
        self.setMinimumWidth(460)
        self.ok.setText(self.tr("&Add"))
        self.login = QLineEdit()
        self.login.setPlaceholderText(self.tr("Letters, digits and _; for example kim"))
        self.login.setAccessibleName(self.tr("Login"))
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("As it should appear on signed notes"))
        self.name.setAccessibleName(self.tr("Name"))
        self.role = QComboBox()
        self.role.setAccessibleName(self.tr("Role"))
        for role in (Role.CLINICIAN, Role.SUPERVISOR, Role.FRONT_DESK, Role.ADMINISTRATOR):
            self.role.addItem(labels.label(role), role)
        self.credentials = QLineEdit()
        self.credentials.setPlaceholderText(self.tr("For example LMFT, PhD"))
        self.credentials.setAccessibleName(self.tr("Credentials"))
        self.password = _password_field()
        self.password.setAccessibleName(self.tr("First password"))
        self.repeat = _password_field()
        self.repeat.setAccessibleName(self.tr("Repeat the password"))
        hint = QLabel(
            filled(
                self.tr(
                    "At least %d characters. Give it to the person privately; they can "
                    "change it once signed in."
                ),
                MIN_PASSPHRASE,
            )
        )
        hint.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("&Login"), self.login)
        form.addRow(self.tr("&Name"), self.name)
        form.addRow(self.tr("R&ole"), self.role)
        form.addRow(self.tr("Cre&dentials"), self.credentials)
        form.addRow(self.tr("&Password"), self.password)
        form.addRow(self.tr("Rep&eat password"), self.repeat)
        form.addRow("", hint)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.login.setFocus()

    def submit(self) -> None:
        if not self.login.text().strip() or not self.name.text().strip():
            self.show_error(self.tr("Please fill in the login and the name."))
            return
        if self.password.text() != self.repeat.text():
            self.show_error(self.tr("The two passwords do not match."))
            self.repeat.selectAll()
            self.repeat.setFocus()
            return
        self._run(
            self.tr("Adding…"),
            staff.add_staff,
            self._practice,
            self.login.text().strip(),
            self.name.text().strip(),
            Role(self.role.currentData()),
            self.password.text(),
            credentials=self.credentials.text().strip(),
        )


class AssignCaseDialog(ServiceDialog):
    """A case (by name, from the case directory) and a clinician; or take it back."""

    def __init__(
        self,
        practice: OpenPractice,
        directory: Sequence[CaseEntry],
        people: Sequence[StaffMember],
        chosen_login: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._practice = practice
        self.setWindowTitle(self.tr("Assign a case"))
        self.setMinimumWidth(460)
        self.ok.setText(self.tr("&Assign"))
        self.case = QComboBox()
        self.case.setAccessibleName(self.tr("Case"))
        for entry in directory:
            self.case.addItem(
                filled(
                    self.tr("%s (case %d, %s)"),
                    entry.display_name,
                    entry.case_id,
                    labels.label(entry.status).lower(),
                ),
                entry.case_id,
            )
        self.person = QComboBox()
        self.person.setAccessibleName(self.tr("Clinician"))
        for member in people:
            if member.role in CASE_KEEPERS and not member.disabled:
                self.person.addItem(f"{member.display_name} ({member.login})", member.login)
        if chosen_login is not None and self.person.findData(chosen_login) >= 0:
            self.person.setCurrentIndex(self.person.findData(chosen_login))
        self.take_back = QCheckBox(self.tr("&Take the case back from them instead"))
        self.take_back.toggled.connect(
            lambda on: self.ok.setText(self.tr("Take &back") if on else self.tr("&Assign"))
        )
        form = QFormLayout()
        form.addRow(self.tr("Ca&se"), self.case)
        form.addRow(self.tr("C&linician"), self.person)
        form.addRow("", self.take_back)
        layout = QVBoxLayout(self)
        if not directory:
            empty = QLabel(self.tr("The practice has no cases yet."))
            layout.addWidget(empty)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)

    def submit(self) -> None:
        if self.case.currentIndex() < 0 or self.person.currentIndex() < 0:
            self.show_error(self.tr("Please choose a case and a clinician."))
            return
        self._run(
            self.tr("Saving…"),
            staff.assign_case,
            self._practice,
            int(self.case.currentData()),
            str(self.person.currentData()),
            remove=self.take_back.isChecked(),
        )


class SupervisionDialog(ServiceDialog):
    """Who supervises a clinician, and how closely; or, with "No longer supervised", the
    end of that supervisor's link. The server refuses what cannot be (a supervisor of
    themselves, a supervisor who is not one), and the dialog says so in words."""

    def __init__(
        self,
        practice: OpenPractice,
        people: Sequence[StaffMember],
        chosen_login: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._practice = practice
        self._people = {m.login: m for m in people}
        self.setWindowTitle(self.tr("Set a supervisor"))
        self.setMinimumWidth(480)
        self.ok.setText(self.tr("&Save"))
        self.supervisee = QComboBox()
        self.supervisee.setAccessibleName(self.tr("Clinician"))
        self.supervisor = QComboBox()
        self.supervisor.setAccessibleName(self.tr("Supervisor"))
        for member in people:
            if member.disabled:
                continue
            if member.role in CASE_KEEPERS:
                self.supervisee.addItem(f"{member.display_name} ({member.login})", member.login)
            if member.role is Role.SUPERVISOR:
                self.supervisor.addItem(f"{member.display_name} ({member.login})", member.login)
        self.mode = QComboBox()
        self.mode.setAccessibleName(self.tr("How"))
        for mode in SupervisionMode:
            self.mode.addItem(labels.label(mode), mode.value)
        self.mode.addItem(self.tr("No longer supervised by them"), None)
        hint = QLabel(
            self.tr(
                "View only: the supervisor reads the clinician's cases. Review and approve: "
                "notes wait for the supervisor's approval before they are signed. Review and "
                "co-sign: the supervisor co-signs each signed note."
            )
        )
        hint.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("C&linician"), self.supervisee)
        form.addRow(self.tr("Su&pervisor"), self.supervisor)
        form.addRow(self.tr("&How"), self.mode)
        form.addRow("", hint)
        layout = QVBoxLayout(self)
        if self.supervisor.count() == 0:
            layout.addWidget(QLabel(self.tr("Nobody on the staff is a supervisor yet.")))
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.supervisee.currentIndexChanged.connect(lambda _i: self._show_current())
        if chosen_login is not None and self.supervisee.findData(chosen_login) >= 0:
            self.supervisee.setCurrentIndex(self.supervisee.findData(chosen_login))
        self._show_current()

    def _show_current(self) -> None:
        """The clinician's present supervisor and mode, so a change starts from them."""
        member = self._people.get(str(self.supervisee.currentData()))
        if member is None or not member.supervised_by:
            return
        current = member.supervised_by[0]
        logins = {m.user_id: m.login for m in self._people.values()}
        at = self.supervisor.findData(logins.get(current.user_id))
        if at >= 0:
            self.supervisor.setCurrentIndex(at)
            self.mode.setCurrentIndex(self.mode.findData(current.mode.value))

    def chosen_mode(self) -> SupervisionMode | None:
        value = self.mode.currentData()
        return None if value is None else SupervisionMode(value)

    def submit(self) -> None:
        if self.supervisee.currentIndex() < 0 or self.supervisor.currentIndex() < 0:
            self.show_error(self.tr("Please choose a clinician and a supervisor."))
            return
        self._run(
            self.tr("Saving…"),
            staff.set_supervision,
            self._practice,
            str(self.supervisor.currentData()),
            str(self.supervisee.currentData()),
            self.chosen_mode(),
        )
