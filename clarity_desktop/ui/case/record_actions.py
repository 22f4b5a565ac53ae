"""Documents, case export and client import, from the main window's menus.

The document dialog and the export pull in reportlab, so they are imported when first
asked for, never while the main window opens.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox

if TYPE_CHECKING:
    from clarity_desktop.ui.main.main_window import MainWindow


def open_documents(window: MainWindow, initial: str | None = None) -> None:
    case = window.case_panel.case
    if case is None:
        QMessageBox.information(window, window.tr("Documents"), window.tr("Open a case first."))
        return
    from clarity_desktop.ui.documents.document_dialog import DocumentDialog

    note = (
        window.editor.note if window.editor.note and window.editor.note.case_id == case.id else None
    )
    window.editor.save_now()
    dialog = DocumentDialog(
        window.practice, case, note, settings=window.settings, parent=window, initial=initial
    )
    dialog.exec()


def export_case(window: MainWindow) -> None:
    """The whole record, or a copy for one partner (see ExportDialog)."""
    case = window.case_panel.case
    if case is None:
        return
    from clarity_desktop.ui.documents.export_dialog import ExportDialog

    dialog = ExportDialog(window.practice, case, parent=window)
    dialog.exec()


def import_clients(window: MainWindow) -> None:
    from clarity_desktop.ui.documents.import_dialog import ImportDialog

    dialog = ImportDialog(window.practice, window)
    dialog.clients_imported.connect(lambda _ids: window.reload_cases())
    dialog.exec()
