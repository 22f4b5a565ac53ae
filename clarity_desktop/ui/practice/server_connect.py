"""Signing in to a group practice's server: where it is, who you are, the certificate
file that proves the server is the practice's own, and the password.

The address and the CA file are what the administrator hands out once; they are kept
(ui/common/settings.py) so the next start offers the server again, and the last few are
offered here to choose from (or to forget). The password never is. Like the unlock window this imports nothing heavy: connecting runs off the GUI
thread, where the services are imported.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
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
from clarity_desktop.ui.common.numbers import filled
from clarity_desktop.ui.common.settings import DEFAULT_SERVER_PORT, ServerChoice, Settings
from clarity_desktop.ui.common.worker import run_task
from clarity_desktop.ui.practice.window_parts import WaitBetweenTries, error_label


def connect(server: ServerChoice, password: str) -> Any:
    """Sign in (off the GUI thread); the practice server's OpenPractice."""
    from clarity_desktop.services import practices

    return practices.connect_server(
        server.url, server.ca_file, password, user=server.login, window=True
    )


def attempts_folder(server: ServerChoice) -> Path | None:
    """Where this computer writes the wrong passwords for *server*'s login (None when the
    form does not name a server yet): the folder connect() signs in from."""
    from clarity_desktop.services.locations import server_folder

    if not (server.host and server.database and server.login):
        return None
    return server_folder(server.host, server.database, server.login)


class ServerConnectDialog(QDialog):
    """Host, port, database, user name, CA file and password; Connect signs in. With
    *settings*, the servers signed in to before are offered to choose from or forget."""

    connected = Signal(object, object)  # the OpenPractice, the ServerChoice it came from

    def __init__(
        self,
        last: ServerChoice | None = None,
        parent: QWidget | None = None,
        *,
        settings: Settings | None = None,
    ) -> None:
        super().__init__(parent)
        self._settings = settings
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

        self.recent = QComboBox()
        self.recent.setAccessibleName(self.tr("Servers signed in to before"))
        self.forget = QPushButton(self.tr("&Forget"))
        self.forget.setAccessibleName(self.tr("Forget the chosen server"))
        self.forget.setToolTip(
            self.tr("Offer this server no more here (its address and certificate file).")
        )
        self.forget.clicked.connect(self._forget)
        recent_row = QHBoxLayout()
        recent_row.addWidget(self.recent, 1)
        recent_row.addWidget(self.forget)
        self.recent_label = QLabel(self.tr("&Recent servers"))
        self.recent_label.setBuddy(self.recent)

        ca_row = QHBoxLayout()
        ca_row.addWidget(self.ca_file, 1)
        ca_row.addWidget(self.browse)
        form = QFormLayout()
        form.addRow(self.recent_label, recent_row)
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
        self._fill_recent()
        self.recent.activated.connect(self._recent_chosen)
        self.wait = WaitBetweenTries(self)
        self.wait.changed.connect(self._waiting)
        if last is not None:  # wrong passwords typed before (by any window) still count
            self.wait.start(attempts_folder(last))

    def _fill_recent(self) -> None:
        """The remembered servers, the last first; the row hides when there are none."""
        servers = self._settings.recent_servers if self._settings is not None else []
        self.recent.clear()
        for server in servers:
            self.recent.addItem(server.label, server)
        shown = self.choice()
        at = next((i for i, s in enumerate(servers) if s.same_login(shown)), -1)
        self.recent.setCurrentIndex(at)
        for w in (self.recent_label, self.recent, self.forget):
            w.setVisible(bool(servers))

    def _show(self, server: ServerChoice | None) -> None:
        self.host.setText(server.host if server else "")
        self.port.setValue(server.port if server else DEFAULT_SERVER_PORT)
        self.database.setText(server.database if server else "")
        self.login.setText(server.login if server else "")
        self.ca_file.setText(str(server.ca_file) if server else "")
        self.password.clear()
        self.error.hide()
        self.wait.stop()
        self._waiting(0)
        if server is not None:
            self.wait.start(attempts_folder(server))

    def _recent_chosen(self, index: int) -> None:
        server = self.recent.itemData(index)
        if isinstance(server, ServerChoice):
            self._show(server)

    def _forget(self) -> None:
        """The chosen server leaves the list (and the form, if it shows it)."""
        server = self.recent.currentData()
        if self._settings is None or not isinstance(server, ServerChoice):
            return
        self._settings.forget_server(server)
        if self.choice().same_login(server):
            rest = self._settings.recent_servers
            self._show(rest[0] if rest else None)
        self._fill_recent()

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
        if self.wait.left > 0 or self.wait.start(attempts_folder(server)):
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
        from clarity_desktop.services.practices import WrongPassphrase

        self.set_busy(False)
        self.show_error(explain(exc))
        if isinstance(exc, WrongPassphrase):
            self.wait.start(attempts_folder(self.choice()))

    def _waiting(self, left: int) -> None:
        """The password and Connect wait; where the server is may still be changed."""
        self.password.setEnabled(left == 0)
        self.connect_button.setEnabled(left == 0)
        if left > 0:
            self.status.setText(filled(self.tr("Please wait %d s before trying again."), left))
            return
        self.status.clear()
        self.password.selectAll()
        self.password.setFocus()

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()
        self.password.selectAll()
        self.password.setFocus()
