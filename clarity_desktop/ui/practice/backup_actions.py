"""Back up now, restore, and the automatic backups, from the main window."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
)

from clarity_desktop.domain.backup_kinds import BackupKind
from clarity_desktop.domain.errors import ErrorCode, Wording
from clarity_desktop.domain.progress import CallbackProgress, Progress
from clarity_desktop.services import backups, practices
from clarity_desktop.ui.common import dates
from clarity_desktop.ui.common.errors import explain
from clarity_desktop.ui.common.messages import error_text
from clarity_desktop.ui.common.numbers import filled
from clarity_desktop.ui.common.worker import run_task

if TYPE_CHECKING:
    from clarity_desktop.ui.common.commands import Commands


def _progress_dialog(cmd: Commands, text: str) -> QProgressDialog:
    dialog = QProgressDialog(text, "", 0, 100, cmd.widget)
    dialog.setWindowTitle(QCoreApplication.translate("Commands", "Backup"))
    dialog.setCancelButton(None)  # a copy in progress is finished, never left half-done
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)
    return dialog


def back_up_now(cmd: Commands) -> None:
    """To a folder the therapist chooses (a USB stick), off the GUI thread, with progress.
    The choice starts in the practice's own backups folder."""
    start = backups.backups_root(cmd.practice.folder)
    start.mkdir(mode=0o700, exist_ok=True)
    folder = QFileDialog.getExistingDirectory(
        cmd.widget, QCoreApplication.translate("Commands", "Back up the practice to…"), str(start)
    )
    if not folder:
        return
    dialog = _progress_dialog(
        cmd, QCoreApplication.translate("Commands", "Copying and checking the encrypted practice…")
    )

    def done(info: backups.BackupInfo) -> None:
        dialog.close()
        QMessageBox.information(
            cmd.widget,
            QCoreApplication.translate("Commands", "Backup made"),
            filled(
                QCoreApplication.translate(
                    "Commands", "A verified, encrypted backup of %d cases and %d notes is in\n%s"
                ),
                info.case_count,
                info.note_count,
                info.folder,
            ),
        )

    def failed(exc: BaseException) -> None:
        dialog.close()
        QMessageBox.warning(
            cmd.widget, QCoreApplication.translate("Commands", "Backup not made"), explain(exc)
        )

    run_task(
        _backup_with_progress,
        cmd.practice,
        Path(folder),
        owner=cmd.widget,
        on_done=done,
        on_failed=failed,
        on_progress=dialog.setValue,
    )


def _backup_with_progress(
    practice: practices.OpenPractice, folder: Path, progress: Progress
) -> backups.BackupInfo:
    return backups.backup_now(practice, folder, progress=progress)


def auto_backup_on_close(cmd: Commands) -> None:
    """The backup at close: on the GUI thread, because the program is about to end; a
    progress window shows for anything longer than a moment."""
    dialog = _progress_dialog(
        cmd, QCoreApplication.translate("Commands", "Making the automatic backup before closing…")
    )

    def progress(done: int, total: int) -> None:
        dialog.setValue(int(done * 100 / total) if total else 100)
        QApplication.processEvents()

    try:
        backups.auto_backup(cmd.practice, progress=CallbackProgress(progress))
    except Exception as exc:
        QMessageBox.warning(
            cmd.widget,
            QCoreApplication.translate("Commands", "Automatic backup failed"),
            QCoreApplication.translate(
                "Commands", "%s\nYour records are safe in the practice itself; make a backup soon."
            )
            % explain(exc),
        )
    finally:
        dialog.close()


def auto_backup_if_due(cmd: Commands) -> None:
    """At most daily while the program runs; quietly, off the GUI thread."""
    if cmd.practice is None or not backups.auto_backup_due(cmd.practice):
        return
    run_task(
        backups.auto_backup,
        cmd.practice,
        owner=cmd.widget,
        on_done=lambda _info: cmd.workspace.show_message(
            QCoreApplication.translate("Commands", "Automatic backup made."), 5000
        ),
        on_failed=lambda exc: cmd.workspace.show_message(
            QCoreApplication.translate("Commands", "Automatic backup failed: %s") % explain(exc),
            15000,
        ),
    )


def restore_from_backup(cmd: Commands) -> None:
    from clarity_desktop.ui.practice.restore_dialog import RestoreDialog

    dialog = RestoreDialog(cmd.practice.folder, cmd.widget)
    chosen = dialog.chosen() if dialog.exec() else None
    dialog.deleteLater()
    if chosen is None:
        return
    info = chosen
    answer = QMessageBox.question(
        cmd.widget,
        QCoreApplication.translate("Commands", "Restore this backup?"),
        filled(
            QCoreApplication.translate(
                "Commands",
                "Backup of %s: %d cases, %d notes.\n\nEverything recorded since then will be replaced "
                "by this backup. The practice as it is now is kept first as a backup of its own, "
                "so you can undo the restore (Practice > Undo the last restore).",
            ),
            dates.utc_day_time(info.created_at),
            info.case_count,
            info.note_count,
        ),
    )
    if answer != QMessageBox.StandardButton.Yes:
        return
    _replace_practice(cmd, lambda folder, secret: backups.restore(folder, info.folder, secret))


def undo_last_restore(cmd: Commands) -> None:
    kept = [
        b
        for b in backups.list_backups(backups.backups_root(cmd.practice.folder))
        if b.kind is BackupKind.BEFORE_RESTORE
    ]
    if not kept:
        QMessageBox.information(
            cmd.widget,
            QCoreApplication.translate("Commands", "Undo the last restore"),
            QCoreApplication.translate("Commands", "There is no restore to undo."),
        )
        return
    answer = QMessageBox.question(
        cmd.widget,
        QCoreApplication.translate("Commands", "Undo the last restore?"),
        filled(
            QCoreApplication.translate(
                "Commands",
                "The practice goes back to how it was just before the last restore (%d cases, "
                "%d notes, kept %s). What the restore brought in is kept as a backup too.",
            ),
            kept[0].case_count,
            kept[0].note_count,
            dates.utc_day_time(kept[0].created_at),
        ),
    )
    if answer != QMessageBox.StandardButton.Yes:
        return
    _replace_practice(cmd, backups.undo_restore)


def _replace_practice(cmd: Commands, replace: Callable[[Path, str], backups.BackupInfo]) -> None:
    """Confirm with the passphrase, close the practice here (a restore needs it to itself),
    replace it, and open it again whatever happened."""
    secret, ok = QInputDialog.getText(
        cmd.widget,
        QCoreApplication.translate("Commands", "Confirm with the passphrase"),
        QCoreApplication.translate("Commands", "Passphrase:"),
        QLineEdit.EchoMode.Password,
    )
    if not ok or not secret:
        return
    folder = cmd.practice.folder
    try:
        practices.unlock_practice(
            folder, secret
        ).close()  # right passphrase before anything changes
    except Exception as exc:
        QMessageBox.warning(
            cmd.widget, QCoreApplication.translate("Commands", "Not restored"), explain(exc)
        )
        return
    cmd.note.save_now()
    cmd.practice.close()
    try:
        replace(folder, secret)
        message = QCoreApplication.translate("Commands", "Done: the practice is restored.")
    except Exception as exc:
        message = QCoreApplication.translate("Commands", "Not restored: %s") % explain(exc)
    reopened = practices.unlock_practice(folder, secret, window=True)
    cmd.note.clear()
    cmd.events.practice_replaced.emit(reopened)  # the window shows it, as after unlocking
    QMessageBox.information(cmd.widget, QCoreApplication.translate("Commands", "Restore"), message)


def explain_server_backups(cmd: Commands) -> None:
    """Signed in to a practice server: its backups are made and restored on the server,
    so the menu item says so in one sentence instead of copying anything here."""
    QMessageBox.information(
        cmd.widget,
        QCoreApplication.translate("Commands", "Backup"),
        error_text(Wording(ErrorCode.SERVER_BACKS_UP_ITSELF)),
    )
