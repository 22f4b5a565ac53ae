"""Documents, case export and client import, from the main window's menus.

The document dialog and the export pull in reportlab, so they are imported when first
asked for, never while the main window opens.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

from clarity_desktop.domain.document_kinds import DocumentKind

if TYPE_CHECKING:
    from clarity_desktop.ui.common.commands import Commands


def open_documents(cmd: Commands, initial: DocumentKind | None = None) -> None:
    case = cmd.case
    if case is None:
        QMessageBox.information(
            cmd.widget,
            QCoreApplication.translate("Commands", "Documents"),
            QCoreApplication.translate("Commands", "Open a case first."),
        )
        return
    from clarity_desktop.ui.documents.document_dialog import DocumentDialog

    note = cmd.note.note if cmd.note.note and cmd.note.note.case_id == case.id else None
    cmd.note.save_now()
    dialog = DocumentDialog(
        cmd.practice, case, note, settings=cmd.settings, parent=cmd.widget, initial=initial
    )
    dialog.exec()


def export_case(cmd: Commands) -> None:
    """The whole record, or a copy for one partner (see ExportDialog)."""
    case = cmd.case
    if case is None:
        return
    from clarity_desktop.ui.documents.export_dialog import ExportDialog

    dialog = ExportDialog(cmd.practice, case, parent=cmd.widget)
    dialog.exec()


def import_clients(cmd: Commands) -> None:
    from clarity_desktop.ui.documents.import_dialog import ImportDialog

    dialog = ImportDialog(cmd.practice, cmd.widget)
    dialog.clients_imported.connect(cmd.events.cases_imported)
    dialog.exec()
