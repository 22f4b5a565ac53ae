"""Signing in to a group practice's server: where it is, who you are, the certificate
file that proves the server is the practice's own, and the password.

The address and the CA file are what the administrator hands out once; they are kept
(ui/common/settings.py) so the next start offers the server again. The password never
is. Like the unlock window this imports nothing heavy: connecting runs off the GUI
thread, where the services are imported.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from clarity_desktop.ui.common.errors import explain
from clarity_desktop.ui.common.settings import DEFAULT_SERVER_PORT, ServerChoice
from clarity_desktop.ui.common.worker import run_task
from clarity_desktop.ui.practice.window_parts import error_label


def connect(server: ServerChoice, password: str) -> Any:
    """Sign in (off the GUI thread); the practice server's OpenPractice."""
    from clarity_desktop.services import practices

    return practices.connect_server(
        server.url, server.ca_file, password, user=server.login, window=True
    )


class ServerConnectDialog(QDialog):
    """Host, port, database, user name, CA file and password; Connect signs in."""

    connected = Signal(object, object)  # the OpenPractice, the ServerChoice it came from

    def __init__(self, last: ServerChoice | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Connect to a practice server"))
        self.setMinimumWidth(520)
        intro = QLabel(
            self.tr(
                "Your practice's administrator gives you the server's address, your user "
                "name and a certificate file that proves the server is the practice's own. "
                "The password is asked for each time and never kept on this computer."
            )
        )
        intro.setWordWrap(True)

        self.host = QLineEdit(last.host if last else "")
        self.host.setPlaceholderText(self.tr("For example clarity.riverside.local"))
        self.host.setAccessibleName(self.tr("Server host"))
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(last.port if last else DEFAULT_SERVER_PORT)
        self.port.setAccessibleName(self.tr("Server port"))
        self.database = QLineEdit(last.database if last else "")
        self.database.setAccessibleName(self.tr("Database"))
        self.login = QLineEdit(last.login if last else "")
        self.login.setAccessibleName(self.tr("User name"))
        self.ca_file = QLineEdit(str(last.ca_file) if last else "")
        self.ca_file.setAccessibleName(self.tr("Certificate file (CA)"))
        self.browse = QPushButton(self.tr("&Browse…"))
        self.browse.setAccessibleName(self.tr("Choose the certificate file"))
        self.browse.clicked.connect(self._choose_ca_file)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Password"))

        ca_row = QHBoxLayout()
        ca_row.addWidget(self.ca_file, 1)
        ca_row.addWidget(self.browse)
        form = QFormLayout()
        form.addRow(self.tr("&Host"), self.host)
        form.addRow(self.tr("P&ort"), self.port)
        form.addRow(self.tr("&Database"), self.database)
        form.addRow(self.tr("&User name"), self.login)
        ca_label = QLabel(self.tr("&Certificate file (CA)"))
        ca_label.setBuddy(self.ca_file)  # a row holding a layout gets no buddy of its own
        form.addRow(ca_label, ca_row)
        form.addRow(self.tr("Pass&word"), self.password)

        self.error = error_label()
        self.status = QLabel()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.connect_button = self.buttons.addButton(
            self.tr("Co&nnect"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.connect_button.setDefault(True)
        self.buttons.accepted.connect(self.try_connect)
        self.buttons.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.buttons)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addLayout(bottom)
        first_empty = next(
            (f for f in (self.host, self.database, self.login, self.ca_file) if not f.text()),
            self.password,
        )
        first_empty.setFocus()

    def _choose_ca_file(self) -> None:
        start = str(Path(self.ca_file.text()).parent) if self.ca_file.text() else ""
        chosen, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("The server's certificate file"),
            start,
            self.tr("Certificates (*.crt *.pem *.cer);;All files (*)"),
        )
        if chosen:
            self.ca_file.setText(chosen)

    def choice(self) -> ServerChoice:
        return ServerChoice(
            self.host.text().strip(),
            self.port.value(),
            self.database.text().strip(),
            self.login.text().strip(),
            Path(self.ca_file.text().strip()),
        )

    def set_busy(self, busy: bool, message: str = "") -> None:
        for w in (self.host, self.port, self.database, self.login, self.ca_file, self.browse):
            w.setEnabled(not busy)
        self.password.setEnabled(not busy)
        self.connect_button.setEnabled(not busy)
        self.status.setText(message)

    def try_connect(self) -> None:
        server = self.choice()
        if not (server.host and server.database and server.login):
            self.show_error(self.tr("Please fill in the host, the database and your user name."))
            return
        if not self.ca_file.text().strip():
            self.show_error(self.tr("Please choose the server's certificate file."))
            return
        if not self.password.text():
            self.show_error(self.tr("Please type your password."))
            return
        self.error.hide()
        self.set_busy(True, self.tr("Connecting…"))
        run_task(
            connect,
            server,
            self.password.text(),
            owner=self,
            on_done=lambda practice: self._done(practice, server),
            on_failed=self._failed,
        )

    def _done(self, practice: Any, server: ServerChoice) -> None:
        self.set_busy(False)
        if not self.isVisible():  # cancelled while connecting: sign straight out again
            practice.close()
            return
        self.password.clear()
        self.connected.emit(practice, server)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.set_busy(False)
        self.show_error(explain(exc))

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()
        self.password.selectAll()
        self.password.setFocus()
