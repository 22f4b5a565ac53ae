"""Choosing a backup to restore: the practice's own backups listed by their whole date
and time (local), what kind each is and what it holds, newest first, so no folder name
has to be read; a backup elsewhere (a USB stick) is one button away."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from clarity_desktop.domain.backup_kinds import BackupKind
from clarity_desktop.services import backups
from clarity_desktop.ui.common import dates
from clarity_desktop.ui.common.errors import explain
from clarity_desktop.ui.common.numbers import filled


def describe(dialog: QWidget, info: backups.BackupInfo) -> str:
    kinds = {
        BackupKind.AUTO: QCoreApplication.translate("RestoreDialog", "automatic"),
        BackupKind.MANUAL: QCoreApplication.translate("RestoreDialog", "made with Back up now"),
        BackupKind.SAFETY: QCoreApplication.translate("RestoreDialog", "kept before an upgrade"),
        BackupKind.BEFORE_RESTORE: QCoreApplication.translate(
            "RestoreDialog", "kept before a restore"
        ),
    }
    when = dates.weekday_time(dates.local(info.created_at))
    kind = kinds[info.kind]
    return filled(
        QCoreApplication.translate("RestoreDialog", "%s · %s · %d cases, %d notes"),
        when,
        kind,
        info.case_count,
        info.note_count,
    )


class RestoreDialog(QDialog):
    def __init__(self, practice_folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Restore from a backup"))
        self._root = backups.backups_root(practice_folder)
        intro = QLabel(self.tr("Choose the backup to bring back. Times are this computer's."))
        intro.setWordWrap(True)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Backups"))
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.hide()
        other = QPushButton(self.tr("&Another folder…"))
        other.setToolTip(self.tr("A backup kept elsewhere, such as on a USB stick"))
        other.clicked.connect(self._choose_folder)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restore = self.buttons.addButton(
            self.tr("&Restore…"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.addButton(other, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.list.itemDoubleClicked.connect(lambda _i: self.accept())
        self.list.currentRowChanged.connect(lambda row: self.restore.setEnabled(row >= 0))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        for info in backups.list_backups(self._root):
            self._add(info)
        if self.list.count():
            self.list.setCurrentRow(0)
        else:
            self.error.setText(self.tr("There is no backup in the practice's backups folder yet."))
            self.error.show()
        self.restore.setEnabled(self.list.currentRow() >= 0)
        width = self.fontMetrics().averageCharWidth()
        self.resize(max(64 * width, self.list.sizeHintForColumn(0) + 8 * width), 360)

    def _add(self, info: backups.BackupInfo, first: bool = False) -> None:
        item = QListWidgetItem(describe(self, info))
        item.setData(Qt.ItemDataRole.UserRole, info)
        item.setToolTip(str(info.folder))
        if first:
            self.list.insertItem(0, item)
        else:
            self.list.addItem(item)

    def _choose_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("Choose a backup folder"), str(self._root)
        )
        if not chosen:
            return
        try:
            info = backups.read_backup(Path(chosen))
        except Exception as exc:
            self.error.setText(explain(exc))
            self.error.show()
            return
        self.error.hide()
        self._add(info, first=True)
        self.list.setCurrentRow(0)

    def chosen(self) -> backups.BackupInfo | None:
        item = self.list.currentItem()
        if item is None:
            return None
        info = item.data(Qt.ItemDataRole.UserRole)
        return info if isinstance(info, backups.BackupInfo) else None
