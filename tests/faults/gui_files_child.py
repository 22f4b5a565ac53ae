"""A child program for test_file_modes: the window's own ways of writing files, run
through the program's real entry point.

cli.main() is called as the installed program calls it; only the function that would
open the first window is swapped for a driver that unlocks the practice and uses the
real dialogs: the document dialog's "Print" to a PDF file (Qt writes that file itself),
its "Save as", the audit trail's CSV export, and a records export (the service
Practice ▸ Export calls). The file choosers and the print dialog are answered with paths in OUT_DIR.
Preferences are written too (QSettings), as any session does.

usage: python gui_files_child.py PRACTICE_DIR OUT_DIR   (passphrase in CLARITY_PASSPHRASE)
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QWidget

from clarity_desktop import cli
from clarity_desktop.ui.main import app as app_module

WAIT_MS = 60000


def wait(signal: object) -> None:
    loop = QEventLoop()
    signal.connect(loop.quit)  # type: ignore[attr-defined]
    QTimer.singleShot(WAIT_MS, loop.quit)
    loop.exec()


def answer_save_with(path: Path) -> None:
    def fake(_parent: QWidget, _title: str, _proposal: str, _filter: str) -> tuple[str, str]:
        return str(path), ""

    QFileDialog.getSaveFileName = staticmethod(fake)  # type: ignore[method-assign]


def drive(data_dir: Path | None, *, demo: bool = False) -> int:
    from clarity_desktop.services import cases, export, practices
    from clarity_desktop.ui.common.settings import Settings
    from clarity_desktop.ui.documents.document_dialog import DocumentDialog
    from clarity_desktop.ui.practice.audit_dialog import AuditDialog

    assert data_dir is not None
    out = Path(sys.argv[2])
    qapp = QApplication.instance() or QApplication(sys.argv[:1])
    qapp.setOrganizationName("Clarity")
    qapp.setApplicationName("Clarity Desktop")
    settings = Settings()
    practice = practices.unlock_practice(data_dir, os.environ["CLARITY_PASSPHRASE"])
    case = cases.list_cases(practice.uow())[0]
    detail = cases.open_case(practice.uow(), case.id)
    settings.last_folder = data_dir

    dialog = DocumentDialog(practice, detail, None, settings=settings, initial="summary")
    dialog.show()
    wait(dialog.preview_ready)
    printer = dialog.printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out / "printed-to-file.pdf"))
    QPrintDialog.exec = lambda _self: QDialog.DialogCode.Accepted  # type: ignore[method-assign]
    dialog.print_document()
    wait(dialog.printed)
    answer_save_with(out / "saved-as.pdf")
    dialog.save_as()
    wait(dialog.saved)
    dialog.close()

    audit = AuditDialog(practice)
    answer_save_with(out / "audit-trail.csv")
    audit.export()
    audit.close()

    export.export_case(practice.uow(), case.id, out / "records.zip")
    practice.close()
    settings._s.sync()  # preferences reach their file
    for name in ("printed-to-file.pdf", "saved-as.pdf", "audit-trail.csv", "records.zip"):
        print(f"wrote {name}" if (out / name).exists() else f"missing {name}", flush=True)
    return 0


def main() -> None:
    app_module.run_gui = drive  # what cli/entry.py's _gui calls to open the first window
    sys.exit(cli.main(["--data-dir", sys.argv[1]]))


if __name__ == "__main__":
    main()
