"""The first window a user sees: unlock a practice (creating one is in
create_practice.py).

They import nothing heavy: services are imported inside the worker functions, which
run off the GUI thread (the app also preloads them while the passphrase is typed).
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
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
from clarity_desktop.ui.common.worker import run_task
from clarity_desktop.ui.practice.window_parts import error_label, title_label


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
    """Asks for the passphrase (or the recovery key) of an existing practice."""

    unlocked = Signal(object)  # an OpenPractice
    attempt_failed = Signal()  # a wrong passphrase or recovery key

    def __init__(self, folder: Path, *, demo: bool = False, prefill: str = "") -> None:
        super().__init__()
        self.folder = folder
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
        folder_label = QLabel(self.tr("Practice folder: %s") % folder)
        folder_label.setWordWrap(True)
        folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

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
        layout.addWidget(folder_label)
        layout.addSpacing(8)
        layout.addWidget(self.field_label)
        layout.addWidget(self.passphrase)
        layout.addWidget(self.use_recovery)
        layout.addWidget(self.error)
        layout.addWidget(self.restore_button)
        layout.addWidget(self.accept_button)
        row = QHBoxLayout()
        row.addWidget(self.status, 1)
        row.addWidget(self.unlock_button)
        layout.addLayout(row)

        self._wait_left = 0
        self.recovered_with: str | None = None  # the recovery key, when it was used
        self._wait_timer = QTimer(self)
        self._wait_timer.setInterval(1000)
        self._wait_timer.timeout.connect(self._tick)
        self.unlock_button.clicked.connect(self.try_unlock)
        self.passphrase.returnPressed.connect(self.try_unlock)
        self.use_recovery.toggled.connect(self._recovery_toggled)
        self.passphrase.setFocus()
        self._wait_as_recorded()

    def _recovery_toggled(self, on: bool) -> None:
        self.field_label.setText(self.tr("&Recovery key") if on else self.tr("&Passphrase"))
        self.passphrase.setEchoMode(
            QLineEdit.EchoMode.Normal if on else QLineEdit.EchoMode.Password
        )
        self.passphrase.setAccessibleName(self.tr("Recovery key") if on else self.tr("Passphrase"))
        self.passphrase.clear()
        self.passphrase.setFocus()

    def set_busy(self, busy: bool, message: str = "") -> None:
        for w in (self.passphrase, self.use_recovery, self.unlock_button):
            w.setEnabled(not busy)
        self.status.setText(message)
        if not busy:  # a disabled field lost the focus: give it back, ready to type
            self.passphrase.setFocus(Qt.FocusReason.OtherFocusReason)

    def try_unlock(self) -> None:
        if self._wait_left > 0:
            return
        secret = self.passphrase.text()
        if not secret:
            self.show_error(self.tr("Please type the passphrase."))
            return
        self.error.hide()
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
        self.unlocked.emit(practice)

    def _failed(self, exc: BaseException) -> None:
        from clarity_desktop.services.practices import WrongPassphrase

        self.show_error(explain(exc))
        self._offer_backup(exc)
        if isinstance(exc, WrongPassphrase):
            self.attempt_failed.emit()
            self._wait_as_recorded()

    def _wait_as_recorded(self) -> None:
        """The first slip is free; then 2, 4, 8 … up to 30 seconds between tries. Counted
        from the wrong passphrases written beside the practice since its last unlock (by
        any window or command), so closing and reopening the program skips no wait."""
        left = math.ceil(unlock_attempts.seconds_to_wait(self.folder))
        if left > 0:
            self._wait_left = left
            self.set_busy(True, self._wait_text())
            self._wait_timer.start()

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
        return filled(self.tr("Please wait %d s before trying again."), self._wait_left)

    def _tick(self) -> None:
        self._wait_left -= 1
        if self._wait_left > 0:
            self.status.setText(self._wait_text())
            return
        self._wait_timer.stop()
        self.set_busy(False)
        self.passphrase.selectAll()
        self.passphrase.setFocus()

    def show_error(self, message: str) -> None:
        self.set_busy(False)
        self.error.setText(message)
        self.error.show()
        self.passphrase.selectAll()
        self.passphrase.setFocus()
