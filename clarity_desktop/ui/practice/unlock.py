"""The first windows a user sees: unlock a practice, or create one.

They import nothing heavy: services are imported inside the worker functions, which
run off the GUI thread (the app also preloads them while the passphrase is typed).
"""

from __future__ import annotations

import errno
import math
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from clarity_desktop import APP_NAME
from clarity_desktop.domain.errors import ClarityError
from clarity_desktop.domain.passphrase import MIN_PASSPHRASE, passphrase_strength
from clarity_desktop.services import unlock_attempts
from clarity_desktop.ui.common import appearance, dates
from clarity_desktop.ui.common.worker import run_task
from clarity_desktop.ui.practice.recovery_key import RecoveryKeyDialog


def explain(exc: BaseException) -> str:
    """One sentence for the user; unexpected errors say so plainly."""
    if isinstance(exc, ClarityError):
        return str(exc)
    lowered = str(exc).lower()
    if "disk is full" in lowered or (isinstance(exc, OSError) and exc.errno == errno.ENOSPC):
        return "There is no room left on the disk. Nothing typed is lost; saving resumes when there is room."
    if isinstance(exc, OSError):
        return f"The practice folder could not be used: {exc.strerror or exc}."
    return f"Something unexpected went wrong ({type(exc).__name__}: {exc})."


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


def _create(folder: Path, passphrase: str, repeat: str, name: str, credentials: str) -> Any:
    from clarity_desktop.services import practices

    return practices.create_practice(folder, passphrase, repeat, name, credentials, window=True)


def _title(text: str) -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 1.6)
    font.setWeight(QFont.Weight.DemiBold)
    label.setFont(font)
    return label


def _error_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setObjectName("errorLabel")
    appearance.styled(
        label, lambda t: f"QLabel#errorLabel {{ color: {t.alert}; font-weight: 600; }}"
    )
    label.setAccessibleName("Error message")
    label.hide()
    return label


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
        self.error = _error_label()
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
        heading.addWidget(_title(APP_NAME))
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
            on_done=self._done,
            on_fail=self._failed,
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
            on_done=self._done,
            on_fail=self._failed,
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
            self.tr("Restore the backup of %s (%d cases, %d notes)")
            % (
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
            on_done=self._restored,
            on_fail=self._restore_failed,
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
        return self.tr("Please wait %d s before trying again.") % self._wait_left

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


class CreatePracticeWindow(QWidget):
    """First run: a new practice with a passphrase, the clinician who signs, a recovery key."""

    created = Signal(object)  # an OpenPractice

    def __init__(self, folder: Path) -> None:
        super().__init__()
        self.folder = folder
        self.setWindowTitle(self.tr("%s — Create a practice") % APP_NAME)
        self.setMinimumWidth(520)
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("As it should appear on signed notes"))
        self.name.setAccessibleName(self.tr("Clinician name"))
        self.credentials = QLineEdit()
        self.credentials.setPlaceholderText(self.tr("For example LMFT, PhD"))
        self.credentials.setAccessibleName(self.tr("Credentials"))
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(self.tr("Passphrase"))
        self.repeat = QLineEdit()
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat.setAccessibleName(self.tr("Repeat passphrase"))
        self.strength = QProgressBar()
        self.strength.setRange(0, 4)
        self.strength.setTextVisible(False)
        self.strength.setMaximumHeight(8)
        self.strength.setAccessibleName(self.tr("Passphrase strength"))
        self.strength_hint = QLabel(
            self.tr("Use at least %d characters; a few unrelated words work well.") % MIN_PASSPHRASE
        )
        self.folder_label = QLabel(str(folder))
        self.folder_label.setWordWrap(True)
        change = QPushButton(self.tr("C&hange…"))
        change.setAccessibleName(self.tr("Change the practice folder"))
        change.clicked.connect(self._choose_folder)
        self.error = _error_label()
        self.status = QLabel()
        self.create_button = QPushButton(self.tr("&Create practice"))
        self.create_button.setDefault(True)

        form = QFormLayout()
        form.addRow(self.tr("Clinician &name"), self.name)
        form.addRow(self.tr("Cre&dentials"), self.credentials)
        form.addRow(self.tr("&Passphrase"), self.passphrase)
        form.addRow("", self.strength)
        form.addRow("", self.strength_hint)
        form.addRow(self.tr("&Repeat passphrase"), self.repeat)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_label, 1)
        folder_row.addWidget(change)
        form.addRow(self.tr("Folder"), folder_row)

        intro = QLabel(
            self.tr(
                "Everything you record is kept in one encrypted file on this computer. "
                "The passphrase unlocks it; nobody, including us, can recover records without "
                "the passphrase or the recovery key you will see next."
            )
        )
        intro.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 28, 32, 28)
        layout.addWidget(_title(self.tr("Create a practice")))
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        row = QHBoxLayout()
        row.addWidget(self.status, 1)
        row.addWidget(self.create_button)
        layout.addLayout(row)

        self.passphrase.textChanged.connect(self._strength_changed)
        self.create_button.clicked.connect(self.try_create)
        for field in (self.name, self.credentials, self.passphrase, self.repeat):
            field.returnPressed.connect(self.try_create)
        self.name.setFocus()

    def _choose_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("Choose a folder for the practice"), str(self.folder.parent)
        )
        if chosen:
            self.folder = Path(chosen)
            self.folder_label.setText(chosen)

    def _strength_changed(self, text: str) -> None:
        score, hint = passphrase_strength(text)
        self.strength.setValue(score)
        self.strength_hint.setText(self.tr(hint))

    def _fail(self, message: str, field: QLineEdit | None = None) -> None:
        self.status.clear()
        for w in (self.name, self.credentials, self.passphrase, self.repeat, self.create_button):
            w.setEnabled(True)
        self.error.setText(message)
        self.error.show()
        if field is not None:
            field.setFocus()
            field.selectAll()

    def try_create(self) -> None:
        if not self.name.text().strip():
            self._fail(
                self.tr("Please enter the clinician's name; it appears on signed notes."), self.name
            )
            return
        if len(self.passphrase.text()) < MIN_PASSPHRASE:
            self._fail(
                self.tr("Please choose a passphrase of at least %d characters.") % MIN_PASSPHRASE,
                self.passphrase,
            )
            return
        if self.passphrase.text() != self.repeat.text():
            self._fail(self.tr("The two passphrases do not match."), self.repeat)
            return
        self.error.hide()
        for w in (self.name, self.credentials, self.passphrase, self.repeat, self.create_button):
            w.setEnabled(False)
        self.status.setText(self.tr("Creating the encrypted practice…"))
        run_task(
            _create,
            self.folder,
            self.passphrase.text(),
            self.repeat.text(),
            self.name.text(),
            self.credentials.text(),
            on_done=self._created,
            on_fail=lambda exc: self._fail(explain(exc)),
        )

    def _created(self, result: tuple[object, str]) -> None:
        practice, recovery = result
        self.status.clear()
        self.passphrase.clear()
        self.repeat.clear()
        dialog = RecoveryKeyDialog(recovery, self, practice_folder=self.folder)
        dialog.exec()
        self.created.emit(practice)
