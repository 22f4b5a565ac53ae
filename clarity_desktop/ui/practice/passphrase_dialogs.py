"""Changing the passphrase, and choosing a new one after unlocking with the recovery key.
On a practice server the same dialog changes the login's password (and re-wraps the
signing key under it, services.practices.change_passphrase)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from clarity_desktop.domain.passphrase import MIN_PASSPHRASE, passphrase_strength
from clarity_desktop.services import practices
from clarity_desktop.services.practices import OpenPractice
from clarity_desktop.ui.common import labels
from clarity_desktop.ui.common.errors import explain
from clarity_desktop.ui.common.numbers import filled
from clarity_desktop.ui.practice.window_parts import error_label


def _secret_field() -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    return field


class PassphraseDialog(QDialog):
    """New passphrase twice with a strength hint; with *recovery_key* set, the recovery
    key authorises the change instead of the current passphrase."""

    def __init__(
        self,
        practice: OpenPractice,
        parent: QWidget | None = None,
        *,
        recovery_key: str | None = None,
        server: bool = False,
        first: bool = False,
    ) -> None:
        """*first*: a server login's first sign-in, on the password the administrator
        chose; the dialog says why the person's own is asked for now."""
        super().__init__(parent)
        self._practice = practice
        self._recovery_key = recovery_key
        self._server = server
        if server:
            self.setWindowTitle(
                self.tr("Choose your own password") if first else self.tr("Change password")
            )
            words = (
                self.tr("Password you were given") if first else self.tr("Current password"),
                self.tr("New password"),
                self.tr("Repeat new password"),
                self.tr("&Password you were given") if first else self.tr("&Current password"),
                self.tr("&New password"),
                self.tr("&Repeat new password"),
            )
        else:
            self.setWindowTitle(
                self.tr("Choose a new passphrase") if recovery_key else self.tr("Change passphrase")
            )
            words = (
                self.tr("Current passphrase"),
                self.tr("New passphrase"),
                self.tr("Repeat new passphrase"),
                self.tr("&Current passphrase"),
                self.tr("&New passphrase"),
                self.tr("&Repeat new passphrase"),
            )
        self.current = _secret_field()
        self.current.setAccessibleName(words[0])
        self.new = _secret_field()
        self.new.setAccessibleName(words[1])
        self.repeat = _secret_field()
        self.repeat.setAccessibleName(words[2])
        self.strength = QProgressBar()
        self.strength.setAccessibleName(
            self.tr("Password strength") if server else self.tr("Passphrase strength")
        )
        self.strength.setRange(0, 4)
        self.strength.setTextVisible(False)
        self.strength.setMaximumHeight(8)
        self.hint = QLabel(
            filled(
                self.tr("At least %d characters; a few unrelated words work well."), MIN_PASSPHRASE
            )
        )
        self.error = error_label()
        form = QFormLayout()
        if recovery_key is None:
            form.addRow(words[3], self.current)
        form.addRow(words[4], self.new)
        form.addRow("", self.strength)
        form.addRow("", self.hint)
        form.addRow(words[5], self.repeat)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        if recovery_key is not None:
            intro = QLabel(
                self.tr(
                    "You opened the practice with the recovery key. Choose a new passphrase "
                    "for every day; the recovery key keeps working as before."
                )
            )
            intro.setWordWrap(True)
            layout.addWidget(intro)
        elif first:
            intro = QLabel(
                self.tr(
                    "Welcome. Please choose your own password now: Clarity makes your key "
                    "for clients' records with it, so that only you can open them. Until "
                    "then you can look around but not write clinical notes."
                )
            )
            intro.setWordWrap(True)
            layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.new.textChanged.connect(self._strength)
        (self.new if recovery_key else self.current).setFocus()

    def _strength(self, text: str) -> None:
        score, hint = passphrase_strength(text, password=self._server)
        self.strength.setValue(score)
        self.hint.setText(labels.text(hint))

    def accept(self) -> None:
        try:
            if self._recovery_key is not None:
                practices.reset_passphrase(
                    self._practice, self._recovery_key, self.new.text(), self.repeat.text()
                )
            else:
                practices.change_passphrase(
                    self._practice, self.current.text(), self.new.text(), self.repeat.text()
                )
        except Exception as exc:
            self.error.setText(explain(exc))
            self.error.show()
            return
        for field in (self.current, self.new, self.repeat):
            field.clear()
        super().accept()
