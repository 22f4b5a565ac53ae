"""Documents, case export and client import, from the main window's menus.

The document dialog and the export pull in reportlab, so they are imported when first
asked for, never while the main window opens.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog

from clarity_desktop.ui.unlock import explain
from clarity_desktop.ui.worker import Progress, run_task

if TYPE_CHECKING:
    from clarity_desktop.ui.main_window import MainWindow


def open_documents(window: MainWindow, initial: str | None = None) -> None:
    case = window.case_panel.case
    if case is None:
        QMessageBox.information(window, window.tr("Documents"), window.tr("Open a case first."))
        return
    from clarity_desktop.ui.document_dialog import DocumentDialog

    note = (
        window.editor.note if window.editor.note and window.editor.note.case_id == case.id else None
    )
    window.editor.save_now()
    dialog = DocumentDialog(
        window.practice, case, note, settings=window.settings, parent=window, initial=initial
    )
    dialog.exec()


def export_case(window: MainWindow) -> None:
    case = window.case_panel.case
    if case is None:
        return
    # A neutral file name: names in file names travel further than the file's content.
    name, _ = QFileDialog.getSaveFileName(
        window, window.tr("Export the case's records"), f"case-{case.id}-records.zip", "ZIP (*.zip)"
    )
    if not name:
        return
    dialog = QProgressDialog(
        window.tr("Gathering the case's records…"), window.tr("Cancel"), 0, 100, window
    )
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)
    cancelled = [False]
    dialog.canceled.connect(lambda: cancelled.__setitem__(0, True))

    from clarity_desktop.services import export

    def work(progress: Progress) -> export.ExportSummary:
        def step(done: int, total: int) -> None:
            if cancelled[0]:
                raise InterruptedError("The export was cancelled; nothing was written.")
            progress.report(int(done * 100 / total) if total else 100)

        return export.export_case(window.practice.uow(), case.id, Path(name), progress=step)

    def done(summary: export.ExportSummary) -> None:
        dialog.close()
        QMessageBox.information(
            window,
            window.tr("Case exported"),
            window.tr(
                "The records of %s (%d notes, %d addenda) are in\n%s\n\n"
                "The file is not encrypted: keep it safe, and release only what the request covers."
            )
            % (summary.case_name, summary.notes, summary.addenda, summary.path),
        )

    def failed(exc: BaseException) -> None:
        dialog.close()
        message = str(exc) if isinstance(exc, InterruptedError) else explain(exc)
        QMessageBox.warning(window, window.tr("Case not exported"), message)

    run_task(work, on_done=done, on_fail=failed, on_progress=lambda pct, _m: dialog.setValue(pct))


def import_clients(window: MainWindow) -> None:
    from clarity_desktop.ui.import_dialog import ImportDialog

    dialog = ImportDialog(window.practice, window)
    dialog.clients_imported.connect(lambda _ids: window.reload_cases())
    dialog.exec()
