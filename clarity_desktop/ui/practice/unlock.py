"""The first window a user sees: unlock a practice (creating one is in
create_practice.py), or sign in to the group practice's server (the one last used is
offered beside the solo practice; a new one through server_connect.py).

They import nothing heavy: services are imported inside the worker functions, which
run off the GUI thread (the app also preloads them while the passphrase is typed).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from clarity_desktop import APP_NAME
from clarity_desktop.services import unlock_attempts
from clarity_desktop.ui.common import appearance, dates
from clarity_desktop.ui.common.errors import explain
from clarity_desktop.ui.common.numbers import filled
from clarity_desktop.ui.common.settings import ServerChoice, Settings
from clarity_desktop.ui.common.worker import run_task
from clarity_desktop.ui.practice import server_connect
from clarity_desktop.ui.practice.window_parts import WaitBetweenTries, error_label, title_label


def _unlock(folder: Path, secret: str, recovery: bool) -> Any:
    from clarity_desktop.services import practices

    return practices.unlock_practice(folder, secret, recovery=recovery, window=True)


def _unlock_accepting(folder: Path, secret: str) -> Any:
    from clarity_desktop.services import practices

    return practices.unlock_practice(folder, secret, window=True, accept_missing_work=True)


def _restore(folder: Path, backup: Path, secret: str) -> Any:
    from clarity_desktop.services import backups

    with unlock_attempts.noting_failure(folder):  # a wrong passphrase here counts too
        return backups.restore(folder, backup, secret)


class UnlockWindow(QWidget):
    """Asks for the passphrase (or the recovery key) of an existing practice, or for the
    password of the practice server last signed in to (*server*; chosen first when
    *on_server*). *solo*: whether there is a practice in *folder* to offer."""

    unlocked = Signal(object)  # an OpenPractice
    attempt_failed = Signal()  # a wrong passphrase or recovery key
    server_signed_in = Signal(object)  # the ServerChoice, just before unlocked

    def __init__(
        self,
        folder: Path,
        *,
        demo: bool = False,
        prefill: str = "",
        solo: bool = True,
        server: ServerChoice | None = None,
        on_server: bool = False,
        settings: Settings | None = None,
    ) -> None:
        super().__init__()
        self.folder = folder
        self.server = server
        self._settings = settings  # the servers remembered, for the connect form
        self.connect_dialog: server_connect.ServerConnectDialog | None = None
        self.setWindowTitle(self.tr("%s — Unlock") % APP_NAME)
        self.setMinimumWidth(460)

        self.passphrase = QLineEdit(prefill)
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(self.tr("Passphrase"))
        self.use_recovery = QCheckBox(self.tr("Use the &recovery key instead"))
        self.unlock_button = QPushButton(appearance.icon("lock"), self.tr("&Unlock"))
        self.unlock_button.setDefault(True)
        self.status = QLabel()
        self.error = error_label()
        self.restore_button = QPushButton()
        self.restore_button.setAccessibleName(self.tr("Restore the newest backup"))
        self.restore_button.hide()
        self.restore_button.clicked.connect(self._restore_newest)
        self._newest_backup: Path | None = None
        self.accept_button = QPushButton(self.tr("&Go on with the practice as it is"))
        self.accept_button.setToolTip(
            self.tr("Work saved after the date shown stays missing; this choice is audited.")
        )
        self.accept_button.hide()
        self.accept_button.clicked.connect(self._accept_missing_work)

        self.field_label = QLabel(self.tr("&Passphrase"))
        self.field_label.setBuddy(self.passphrase)
        self.folder_label = folder_label = QLabel(self.tr("Practice folder: %s") % folder)
        folder_label.setWordWrap(True)
        folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.choice = QComboBox()
        self.choice.setAccessibleName(self.tr("Practice to open"))
        if solo:
            self.choice.addItem(self.tr("The practice on this computer"), "solo")
        if server is not None:
            self.choice.addItem(self.tr("Practice server: %s") % server.label, "server")
        choice_label = QLabel(self.tr("&Which practice"))
        choice_label.setBuddy(self.choice)
        self.connect_button = QPushButton(self.tr("&Connect to a practice server…"))
        self.connect_button.setFlat(True)
        self.connect_button.clicked.connect(self.show_connect)
        self.connect_button.setVisible(not demo)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 28, 32, 28)
        layout.setSpacing(10)
        heading = QHBoxLayout()
        heading.addWidget(title_label(APP_NAME))
        heading.addStretch(1)
        self.demo_badge = QLabel(self.tr("DEMO"))
        self.demo_badge.setAccessibleName(self.tr("Demo practice, with invented clients"))
        appearance.styled(
            self.demo_badge,
            lambda t: (
                f"background:{t.badge_back}; color:{t.badge_text}; font-weight:700;"
                " padding:3px 8px; border-radius:4px;"
            ),
        )
        self.demo_badge.setVisible(demo)
        heading.addWidget(self.demo_badge)
        layout.addLayout(heading)
        if demo:
            hint = QLabel(
                self.tr("This is the demo practice, with invented clients. Its passphrase is demo.")
            )
            hint.setWordWrap(True)
            layout.addWidget(hint)
        if self.choice.count() > 1:
            choice_row = QHBoxLayout()
            choice_row.addWidget(choice_label)
            choice_row.addWidget(self.choice, 1)
            layout.addLayout(choice_row)
        layout.addWidget(folder_label)
        layout.addSpacing(8)
        layout.addWidget(self.field_label)
        layout.addWidget(self.passphrase)
        layout.addWidget(self.use_recovery)
        layout.addWidget(self.error)
        layout.addWidget(self.restore_button)
        layout.addWidget(self.accept_button)
        row = QHBoxLayout()
        row.addWidget(self.connect_button)
        row.addWidget(self.status, 1)
        row.addWidget(self.unlock_button)
        layout.addLayout(row)

        self.recovered_with: str | None = None  # the recovery key, when it was used
        self.wait = WaitBetweenTries(self)
        self.wait.changed.connect(self._waiting)
        self.unlock_button.clicked.connect(self.try_unlock)
        self.passphrase.returnPressed.connect(self.try_unlock)
        self.use_recovery.toggled.connect(self._recovery_toggled)
        self.passphrase.setFocus()
        if on_server and server is not None:
            self.choice.setCurrentIndex(self.choice.findData("server"))
        self._choice_changed(keep_text=True)
        self.choice.currentIndexChanged.connect(lambda _i: self._choice_changed())

    @property
    def on_server(self) -> bool:
        return self.choice.currentData() == "server"

    def _choice_changed(self, *, keep_text: bool = False) -> None:
        """The server asks for the login's password and keeps no recovery key or backups
        on this computer; the solo practice asks for its passphrase."""
        server = self.on_server
        if server and self.server is not None:
            self.folder_label.setText(
                self.tr("Signs in as %s on %s, database %s.")
                % (self.server.login, self.server.host, self.server.database)
            )
        else:
            self.folder_label.setText(self.tr("Practice folder: %s") % self.folder)
        self.use_recovery.setChecked(False)
        self.use_recovery.setVisible(not server)
        self.restore_button.hide()
        self.accept_button.hide()
        self.error.hide()
        self.field_label.setText(self.tr("&Password") if server else self.tr("&Passphrase"))
        self.passphrase.setAccessibleName(self.tr("Password") if server else self.tr("Passphrase"))
        if not keep_text:
            self.passphrase.clear()
        self.wait.stop()
        self.set_busy(False)
        self._wait_as_recorded()  # the solo practice's wait, or this server login's

    def show_connect(self) -> None:
        """The connect form, filled with the server last used; signing in there opens
        the practice like unlocking here does."""
        if self.connect_dialog is None:
            self.connect_dialog = server_connect.ServerConnectDialog(
                self.server, self, settings=self._settings
            )
            self.connect_dialog.connected.connect(self._connected)
        self.connect_dialog.open()

    def _connected(self, practice: object, server: ServerChoice) -> None:
        self.server_signed_in.emit(server)
        self.unlocked.emit(practice)

    def _recovery_toggled(self, on: bool) -> None:
        self.field_label.setText(self.tr("&Recovery key") if on else self.tr("&Passphrase"))
        self.passphrase.setEchoMode(
            QLineEdit.EchoMode.Normal if on else QLineEdit.EchoMode.Password
        )
        self.passphrase.setAccessibleName(self.tr("Recovery key") if on else self.tr("Passphrase"))
        self.passphrase.clear()
        self.passphrase.setFocus()

    def set_busy(self, busy: bool, message: str = "") -> None:
        for w in (self.passphrase, self.use_recovery, self.unlock_button, self.choice):
            w.setEnabled(not busy)
        self.status.setText(message)
        if not busy:  # a disabled field lost the focus: give it back, ready to type
            self.passphrase.setFocus(Qt.FocusReason.OtherFocusReason)

    def try_unlock(self) -> None:
        if self.wait.left > 0:
            return
        secret = self.passphrase.text()
        if not secret:
            if self.on_server:
                self.show_error(self.tr("Please type your password."))
            else:
                self.show_error(self.tr("Please type the passphrase."))
            return
        self.error.hide()
        if self.on_server and self.server is not None:
            self.set_busy(True, self.tr("Connecting…"))
            run_task(
                server_connect.connect,
                self.server,
                secret,
                owner=self,
                on_done=self._done,
                on_failed=self._server_failed,
            )
            return
        self.set_busy(True, self.tr("Unlocking…"))
        run_task(
            _unlock,
            self.folder,
            secret,
            self.use_recovery.isChecked(),
            owner=self,
            on_done=self._done,
            on_failed=self._failed,
        )

    def _done(self, practice: object) -> None:
        self.set_busy(False)
        self.recovered_with = self.passphrase.text() if self.use_recovery.isChecked() else None
        self.passphrase.clear()
        if self.on_server and self.server is not None:
            self.server_signed_in.emit(self.server)
        self.unlocked.emit(practice)

    def _failed(self, exc: BaseException) -> None:
        from clarity_desktop.services.practices import WrongPassphrase

        self.show_error(explain(exc))
        self._offer_backup(exc)
        if isinstance(exc, WrongPassphrase):
            self.attempt_failed.emit()
            self._wait_as_recorded()

    def _server_failed(self, exc: BaseException) -> None:
        from clarity_desktop.services.practices import WrongPassphrase

        self.show_error(explain(exc))
        if isinstance(exc, WrongPassphrase):
            self.attempt_failed.emit()
            self._wait_as_recorded()

    def _attempts_folder(self) -> Path | None:
        """Where the wrong tries of the practice chosen are written: the solo practice's
        folder, or the server login's own (services/locations.py)."""
        if not self.on_server:
            return self.folder
        return server_connect.attempts_folder(self.server) if self.server else None

    def _wait_as_recorded(self) -> None:
        """Wait as the wrong tries written down since the last unlock ask
        (window_parts.WaitBetweenTries)."""
        self.wait.start(self._attempts_folder())

    def _waiting(self, left: int) -> None:
        if left > 0:
            self.set_busy(True, self._wait_text())
            self.choice.setEnabled(True)  # the other practice may be chosen meanwhile
            return
        self.set_busy(False)
        self.passphrase.selectAll()
        self.passphrase.setFocus()

    def _accept_missing_work(self) -> None:
        """The database is behind its anchor and the clinician chooses to go on with it."""
        if not self.passphrase.text():
            self.show_error(self.tr("Type the passphrase first."))
            return
        self.accept_button.hide()
        self.set_busy(True, self.tr("Unlocking…"))
        run_task(
            _unlock_accepting,
            self.folder,
            self.passphrase.text(),
            owner=self,
            on_done=self._done,
            on_failed=self._failed,
        )

    def _offer_backup(self, exc: BaseException) -> None:
        """A damaged practice is never overwritten by itself; the newest verified backup
        is offered instead, and restoring keeps the damaged file as a safety copy."""
        from clarity_desktop.services import backups
        from clarity_desktop.services.practices import PracticeBehind, PracticeDamaged

        self.accept_button.setVisible(isinstance(exc, PracticeBehind))
        newest = (
            backups.list_backups(backups.backups_root(self.folder))
            if isinstance(exc, PracticeDamaged)
            else []
        )
        if not newest:
            self.restore_button.hide()
            return
        self._newest_backup = newest[0].folder
        self.restore_button.setText(
            filled(
                self.tr("Restore the backup of %s (%d cases, %d notes)"),
                dates.utc_day_time(newest[0].created_at),
                newest[0].case_count,
                newest[0].note_count,
            )
        )
        self.restore_button.show()

    def _restore_newest(self) -> None:
        if self._newest_backup is None or not self.passphrase.text():
            self.show_error(self.tr("Type the passphrase first; restoring needs it."))
            return
        self.set_busy(True, self.tr("Restoring the backup…"))
        self.restore_button.setEnabled(False)
        run_task(
            _restore,
            self.folder,
            self._newest_backup,
            self.passphrase.text(),
            owner=self,
            on_done=self._restored,
            on_failed=self._restore_failed,
        )

    def _restored(self, _info: object) -> None:
        self.restore_button.hide()
        self.set_busy(False)
        self.try_unlock()

    def _restore_failed(self, exc: BaseException) -> None:
        self.restore_button.setEnabled(True)
        self.set_busy(False)
        self.show_error(explain(exc))
        self._wait_as_recorded()  # a wrong passphrase here was written down too

    def _wait_text(self) -> str:
        return filled(self.tr("Please wait %d s before trying again."), self.wait.left)

    def show_error(self, message: str) -> None:
        self.set_busy(False)
        self.error.setText(message)
        self.error.show()
        self.passphrase.selectAll()
        self.passphrase.setFocus()
