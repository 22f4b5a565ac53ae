"""The recovery key, shown once when a practice is made: copy it, print it, or save it
to a file, and say it is stored before going on.

The key opens the practice without the passphrase, so it goes only where the therapist
sends it:
- Printing goes through the system print dialog and draws the key straight onto the
  printer; the program writes no file of its own (the print system spools the page as
  it does for any program).
- Saving writes the one file the therapist chose, owner-only (0600) whatever the umask,
  through a temporary file beside it that is renamed into place, so no half-written key
  is ever left. A place inside the practice folder is refused: a key kept with the
  practice opens it for whoever copies the folder.
- Copying puts it on the clipboard for 30 seconds at most (ui/common/clipboard.py).
"""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QPainter, QTextDocument
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from clarity_desktop import APP_NAME
from clarity_desktop.ui.common import dates
from clarity_desktop.ui.common.clipboard import clipboard_guard

SUGGESTED_NAME = "clarity-recovery-key.txt"


def key_text(key: str, folder: Path | None, made: datetime) -> str:
    """What a saved or printed key says: what it is, for which practice, the key."""
    lines = [
        f"{APP_NAME} recovery key",
        "",
        key,
        "",
        f"Made on {dates.day_time(made)}.",
    ]
    if folder is not None:
        lines.append(f"For the practice in {folder}.")
    lines.append("It opens the practice without the passphrase: keep it away from the computer.")
    return "\n".join(lines) + "\n"


def write_owner_only(path: Path, text: str) -> None:
    """*text* to *path*, readable by its owner alone, whole or not at all."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.part")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        if hasattr(os, "fchmod"):  # whatever the umask; Windows takes the folder's rights
            os.fchmod(fd, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def inside(path: Path, folder: Path) -> bool:
    try:
        path.resolve().relative_to(folder.resolve())
    except ValueError:
        return False
    return True


class RecoveryKeyDialog(QDialog):
    """Shows the recovery key once; goes away only when the user says it is stored."""

    def __init__(
        self, key: str, parent: QWidget | None = None, practice_folder: Path | None = None
    ) -> None:
        super().__init__(parent)
        self._key = key
        self._folder = practice_folder
        self._made = datetime.now().astimezone()
        self.setWindowTitle(self.tr("Your recovery key"))
        self.setModal(True)
        intro = QLabel(
            self.tr(
                "If the passphrase is ever forgotten, this recovery key is the only other way "
                "into the practice. It is shown now and never again. Write it down, print it "
                "or save it, and keep it somewhere safe, away from this computer."
            )
        )
        intro.setWordWrap(True)
        self.key_label = QLabel(key)
        mono = QFont("monospace")
        mono.setStyleHint(QFont.StyleHint.Monospace)
        mono.setPointSizeF(self.font().pointSizeF() * 1.5)
        self.key_label.setFont(mono)
        self.key_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.key_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.key_label.setAccessibleName(self.tr("Recovery key"))
        copy = QPushButton(self.tr("&Copy to clipboard"))
        copy.setAccessibleName(self.tr("Copy the recovery key to the clipboard"))
        copy.setToolTip(self.tr("It is cleared from the clipboard after 30 seconds."))
        copy.clicked.connect(lambda: clipboard_guard().copy_secret(key))
        self.print_button = QPushButton(self.tr("&Print…"))
        self.print_button.setAccessibleName(self.tr("Print the recovery key"))
        self.print_button.clicked.connect(self.print_key)
        self.save_button = QPushButton(self.tr("&Save to a file…"))
        self.save_button.setAccessibleName(self.tr("Save the recovery key to a file"))
        self.save_button.clicked.connect(self.save_key)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("What happened to the key"))
        self.status.hide()
        self.stored = QCheckBox(self.tr("I have stored the recovery key somewhere safe"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("C&ontinue"))
        self.ok.setEnabled(False)
        self.stored.toggled.connect(self.ok.setEnabled)
        self.buttons.accepted.connect(self.accept)
        row = QHBoxLayout()
        row.addStretch(1)
        for button in (copy, self.print_button, self.save_button):
            row.addWidget(button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.key_label)
        layout.addLayout(row)
        layout.addWidget(self.status)
        layout.addWidget(self.stored)
        layout.addWidget(self.buttons)

    def reject(self) -> None:
        if self.stored.isChecked():
            super().accept()

    def _say(self, text: str) -> None:
        self.status.setText(text)
        self.status.show()

    def print_key(self) -> None:
        """Through the system print dialog, drawn straight onto the printer."""
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter  # only when printing

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.tr("Recovery key"))  # what a print queue shows: no key
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print the recovery key"))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        document = QTextDocument()
        font = QFont("monospace")
        font.setStyleHint(QFont.StyleHint.Monospace)
        font.setPointSize(14)
        document.setDefaultFont(font)
        document.setPlainText(key_text(self._key, self._folder, self._made))
        painter = QPainter()
        if not painter.begin(printer):
            self._say(self.tr("The printer could not be used; nothing was printed."))
            return
        try:
            page = printer.pageRect(QPrinter.Unit.DevicePixel)
            scale = printer.resolution() / 96.0
            painter.scale(scale, scale)
            document.setTextWidth(page.width() / scale)
            document.drawContents(painter)
        finally:
            painter.end()
        self._say(
            self.tr("Sent to the printer. Keep the page somewhere safe, apart from this computer.")
        )

    def save_key(self) -> None:
        """To the one file the therapist chooses, owner-only, never in the practice."""
        start = str(Path.home() / SUGGESTED_NAME)
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the recovery key"), start, self.tr("Text (*.txt)")
        )
        if not name:
            return
        path = Path(name)
        if self._folder is not None and inside(path, self._folder):
            self._say(
                self.tr(
                    "Not saved: a key kept in the practice folder would open it for anyone "
                    "who copies the folder, so please choose another place."
                )
            )
            return
        try:
            write_owner_only(path, key_text(self._key, self._folder, self._made))
        except OSError as exc:
            self._say(self.tr("Not saved: %s.") % (exc.strerror or exc))
            return
        self._say(
            self.tr("Saved in %s; keep the file somewhere safe, apart from this computer.") % path
        )
