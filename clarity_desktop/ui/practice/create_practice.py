"""Creating a practice: its folder, the passphrase (with how strong it is), the
clinician's name and credentials; then the recovery key, shown once. A workstation of a
group practice signs in to the practice's server instead (server_connect.py).

They import nothing heavy: services are imported inside the worker functions, which
run off the GUI thread (the app also preloads them while the passphrase is typed).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
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
from clarity_desktop.domain.passphrase import MIN_PASSPHRASE, passphrase_strength
from clarity_desktop.ui.common.errors import explain
from clarity_desktop.ui.common.numbers import filled
from clarity_desktop.ui.common.settings import ServerChoice
from clarity_desktop.ui.common.worker import run_task
from clarity_desktop.ui.practice import server_connect
from clarity_desktop.ui.practice.recovery_key import RecoveryKeyDialog
from clarity_desktop.ui.practice.window_parts import error_label, title_label


def _create(folder: Path, passphrase: str, repeat: str, name: str, credentials: str) -> Any:
    from clarity_desktop.services import practices

    return practices.create_practice(folder, passphrase, repeat, name, credentials, window=True)


class CreatePracticeWindow(QWidget):
    """First run: a new practice with a passphrase, the clinician who signs, a recovery key."""

    created = Signal(object)  # an OpenPractice (made here, or the server signed in to)
    server_signed_in = Signal(object)  # the ServerChoice, just before created

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
            filled(
                self.tr("Use at least %d characters; a few unrelated words work well."),
                MIN_PASSPHRASE,
            )
        )
        self.strength_hint.setWordWrap(True)  # longer in other languages
        self.folder_label = QLabel(str(folder))
        self.folder_label.setWordWrap(True)
        change = QPushButton(self.tr("C&hange…"))
        change.setAccessibleName(self.tr("Change the practice folder"))
        change.clicked.connect(self._choose_folder)
        self.error = error_label()
        self.status = QLabel()
        self.create_button = QPushButton(self.tr("&Create practice"))
        self.create_button.setDefault(True)
        self.connect_button = QPushButton(self.tr("In a group practice? C&onnect to its server…"))
        self.connect_button.setFlat(True)
        self.connect_button.clicked.connect(self.show_connect)
        self.connect_dialog: server_connect.ServerConnectDialog | None = None

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
        layout.addWidget(title_label(self.tr("Create a practice")))
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.connect_button, 0, Qt.AlignmentFlag.AlignLeft)
        row = QHBoxLayout()
        row.addWidget(self.status, 1)
        row.addWidget(self.create_button)
        layout.addLayout(row)

        self.passphrase.textChanged.connect(self._strength_changed)
        self.create_button.clicked.connect(self.try_create)
        for field in (self.name, self.credentials, self.passphrase, self.repeat):
            field.returnPressed.connect(self.try_create)
        self.name.setFocus()

    def show_connect(self) -> None:
        if self.connect_dialog is None:
            self.connect_dialog = server_connect.ServerConnectDialog(None, self)
            self.connect_dialog.connected.connect(self._connected)
        self.connect_dialog.open()

    def _connected(self, practice: object, server: ServerChoice) -> None:
        self.server_signed_in.emit(server)
        self.created.emit(practice)

    def _choose_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("Choose a folder for the practice"), str(self.folder.parent)
        )
        if chosen:
            self.folder = Path(chosen)
            self.folder_label.setText(chosen)

    def _strength_changed(self, text: str) -> None:
        # Imported here, not at the top: this module is part of the first window's start-up
        # (ui/common/messages.py says why the label catalogue waits).
        from clarity_desktop.ui.common import labels

        score, hint = passphrase_strength(text)
        self.strength.setValue(score)
        self.strength_hint.setText(labels.text(hint))

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
                filled(
                    self.tr("Please choose a passphrase of at least %d characters."), MIN_PASSPHRASE
                ),
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
            owner=self,
            on_done=self._created,
            on_failed=lambda exc: self._fail(explain(exc)),
        )

    def _created(self, result: tuple[object, str]) -> None:
        practice, recovery = result
        self.status.clear()
        self.passphrase.clear()
        self.repeat.clear()
        dialog = RecoveryKeyDialog(recovery, self, practice_folder=self.folder)
        dialog.exec()
        self.created.emit(practice)
