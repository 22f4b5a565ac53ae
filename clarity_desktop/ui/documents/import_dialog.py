"""Moving in: import clients from another practice system's CSV export.

The dialog shows, before anything is stored, every row as it will be imported (with
its warnings) and every row that cannot be, with the reason; it asks which order the
file's dates use when the file cannot tell; and it imports only when nothing is left
unresolved (or the therapist ticks to skip the rows that cannot be imported). Reading
the file and importing both run on the worker pool; the import is one transaction in
the service, so a failure leaves the practice as it was.

record_actions opens it; its clients_imported becomes the cases_imported event.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QObject,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from clarity_desktop.domain.csv_clients import ImportPreview, PreviewRow, describe_date
from clarity_desktop.services import importer
from clarity_desktop.services.practices import OpenPractice
from clarity_desktop.ui.common.errors import explain
from clarity_desktop.ui.common.form_parts import WarningBanner
from clarity_desktop.ui.common.messages import error_text
from clarity_desktop.ui.common.models import Index, ListTableModel
from clarity_desktop.ui.common.numbers import filled
from clarity_desktop.ui.common.worker import run_task


class ImportPreviewModel(ListTableModel[PreviewRow]):
    """The rows that will be imported: one client (one individual case) per row."""

    LINE, NAME, PRONOUNS, BIRTH, EMAIL, PHONE, WARNINGS = range(7)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__([], parent)
        self._headers = [
            self.tr("Line"),
            self.tr("Name"),
            self.tr("Pronouns"),
            self.tr("Date of birth"),
            self.tr("E-mail"),
            self.tr("Phone"),
            self.tr("Warnings"),
        ]

    def set_rows(self, rows: Sequence[PreviewRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> PreviewRow:
        return self._rows[row]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, col)
        if role == Qt.ItemDataRole.ToolTipRole and col == self.WARNINGS and row.warnings:
            return "\n".join(row.warnings)
        if role == Qt.ItemDataRole.DecorationRole and col == self.WARNINGS and row.warnings:
            return QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        if role == Qt.ItemDataRole.TextAlignmentRole and col == self.LINE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _text(self, row: PreviewRow, col: int) -> str:
        c = row.client
        if col == self.LINE:
            return str(row.line)
        if col == self.NAME:
            return c.name
        if col == self.PRONOUNS:
            return c.pronouns
        if col == self.BIRTH:
            return describe_date(c.date_of_birth) if c.date_of_birth else ""
        if col == self.EMAIL:
            return c.email
        if col == self.PHONE:
            return c.phone
        if col == self.WARNINGS:
            return " ".join(row.warnings)
        return ""


class ImportDialog(QDialog):
    clients_imported = Signal(list)  # the new case ids

    def __init__(
        self, practice: OpenPractice, parent: QWidget | None = None, today: date | None = None
    ) -> None:
        super().__init__(parent)
        self._practice = practice
        self._today = today
        self._path: Path | None = None
        self._day_first: bool | None = None
        self._preview: ImportPreview | None = None
        self._busy = False
        self.created_case_ids: list[int] = []
        self.setWindowTitle(self.tr("Import clients from a CSV file"))
        self.resize(860, 600)

        intro = QLabel(
            self.tr(
                "Choose a client list exported by another practice system (columns such as "
                "name, pronouns, date of birth, e-mail and phone). Each row becomes one "
                "individual case for that client; to work with a couple, open a couple case "
                "for them afterwards. Nothing is added until you press Import."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.path_edit = QLineEdit(self)
        self.path_edit.setPlaceholderText(self.tr("No file chosen"))
        self.path_edit.setAccessibleName(self.tr("CSV file"))
        self.path_edit.returnPressed.connect(self._path_typed)
        self.choose_button = QPushButton(self.tr("&Choose file…"), self)
        self.choose_button.clicked.connect(self.choose_file)
        file_row = QHBoxLayout()
        file_row.addWidget(self.path_edit, 1)
        file_row.addWidget(self.choose_button)

        self.notes_label = QLabel(self)
        self.notes_label.setWordWrap(True)
        self.notes_label.setTextFormat(Qt.TextFormat.PlainText)

        self.date_box = QGroupBox(self.tr("Dates of birth such as 03/04/1985 mean"), self)
        self.day_first_button = QRadioButton(self.tr("&Day first: 3 April 1985"), self.date_box)
        self.month_first_button = QRadioButton(
            self.tr("&Month first: March 4, 1985"), self.date_box
        )
        self._order_group = QButtonGroup(self)
        self._order_group.addButton(self.day_first_button)
        self._order_group.addButton(self.month_first_button)
        self._order_group.buttonClicked.connect(self._order_chosen)
        date_row = QHBoxLayout(self.date_box)
        date_row.addWidget(self.day_first_button)
        date_row.addWidget(self.month_first_button)
        date_row.addStretch(1)
        self.date_box.hide()

        self.model = ImportPreviewModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setAccessibleName(self.tr("Clients to import"))
        self.table.setTabKeyNavigation(False)  # arrows move between rows; Tab moves on

        self.rejected_label = QLabel(self.tr("Rows that cannot be imported"), self)
        self.rejected_list = QListWidget(self)
        self.rejected_list.setAccessibleName(self.tr("Rows that cannot be imported"))
        self.rejected_list.setMaximumHeight(self.fontMetrics().height() * 7)
        self.rejected_label.hide()
        self.rejected_list.hide()

        self.summary_label = QLabel(self)
        font = self.summary_label.font()
        font.setBold(True)
        self.summary_label.setFont(font)
        self.hint_label = QLabel(self)
        self.hint_label.setWordWrap(True)
        self.skip_rejected = QCheckBox(self.tr("&Skip the rows that cannot be imported"), self)
        self.skip_rejected.toggled.connect(self._update_buttons)
        self.skip_rejected.hide()
        self.error_banner = WarningBanner(self)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.import_button = self.buttons.addButton(
            self.tr("&Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setEnabled(False)
        self.buttons.accepted.connect(self.start_import)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(file_row)
        layout.addWidget(self.notes_label)
        layout.addWidget(self.date_box)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.rejected_label)
        layout.addWidget(self.rejected_list)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.hint_label)
        layout.addWidget(self.skip_rejected)
        layout.addWidget(self.error_banner)
        layout.addWidget(self.buttons)
        self.choose_button.setFocus()

    # Choosing and reading the file ---------------------------------------------------

    def choose_file(self) -> None:
        start = str(self._path.parent) if self._path else ""
        name, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose a client list"),
            start,
            self.tr("CSV files (*.csv *.tsv *.txt);;All files (*)"),
        )
        if name:
            self.load_file(Path(name))

    def _path_typed(self) -> None:
        text = self.path_edit.text().strip()
        if text:
            self.load_file(Path(text))

    def load_file(self, path: Path) -> None:
        """Read *path* afresh; the date order is asked again for a new file."""
        self._path = path
        self.path_edit.setText(str(path))
        self._day_first = None
        self._order_group.setExclusive(False)
        self.day_first_button.setChecked(False)
        self.month_first_button.setChecked(False)
        self._order_group.setExclusive(True)
        self.skip_rejected.setChecked(False)
        self._read()

    def _order_chosen(self) -> None:
        self._day_first = self.day_first_button.isChecked()
        self._read()

    def _read(self) -> None:
        if self._path is None:
            return
        self._preview = None
        self.error_banner.clear()
        self.summary_label.setText(self.tr("Reading the file…"))
        self.hint_label.clear()
        self._update_buttons()
        run_task(
            functools.partial(importer.preview_file, day_first=self._day_first, today=self._today),
            self._practice.uow(),
            self._path,
            owner=self,
            key="read",  # a newer read supersedes it (common/worker.py)
            on_done=self._show,
            on_failed=self._read_failed,
        )

    def _read_failed(self, exc: BaseException) -> None:
        self.model.set_rows([])
        self.rejected_list.clear()
        self.rejected_label.hide()
        self.rejected_list.hide()
        self.skip_rejected.hide()
        self.date_box.hide()
        self.notes_label.clear()
        self.summary_label.clear()
        self.error_banner.show_message(explain(exc))
        self._update_buttons()

    def _show(self, preview: ImportPreview) -> None:
        self._preview = preview
        self.model.set_rows(preview.rows)
        self.notes_label.setText("\n".join(preview.notes))
        self.date_box.setVisible(preview.date_order_matters)
        if preview.day_first is not None:
            button = self.day_first_button if preview.day_first else self.month_first_button
            button.setChecked(True)
        self.rejected_list.clear()
        for r in preview.rejected:
            item = QListWidgetItem(filled(self.tr("Line %d: %s"), r.line, r.reason))
            item.setToolTip(" | ".join(v.strip() for v in r.values))
            self.rejected_list.addItem(item)
        has_rejected = bool(preview.rejected)
        self.rejected_label.setVisible(has_rejected)
        self.rejected_list.setVisible(has_rejected)
        self.skip_rejected.setVisible(has_rejected)
        self.summary_label.setText(self.summary_text(preview))
        self._update_buttons()

    def summary_text(self, preview: ImportPreview) -> str:
        n, r = len(preview.rows), len(preview.rejected)
        added = (
            self.tr("1 client will be added")
            if n == 1
            else filled(self.tr("%d clients will be added"), n)
        )
        if not r:
            return added + "."
        rejected = (
            self.tr("1 row cannot be imported")
            if r == 1
            else filled(self.tr("%d rows cannot be imported"), r)
        )
        return self.tr("%s; %s.") % (added, rejected)

    def _update_buttons(self) -> None:
        preview = self._preview
        error = None if preview is None else preview.blocker_error(self.skip_rejected.isChecked())
        blocker = None if error is None else error_text(error)
        ready = preview is not None and blocker is None and not self._busy
        self.import_button.setEnabled(ready)
        self.hint_label.setText(blocker or "")
        for widget in (self.choose_button, self.path_edit, self.date_box, self.skip_rejected):
            widget.setEnabled(not self._busy)

    # Importing ---------------------------------------------------------------------

    def start_import(self) -> None:
        preview = self._preview
        if preview is None or preview.blocker(self.skip_rejected.isChecked()) is not None:
            return
        self._busy = True
        self.error_banner.clear()
        self.summary_label.setText(self.tr("Importing…"))
        self._update_buttons()
        run_task(
            functools.partial(
                importer.import_clients,
                skip_rejected=self.skip_rejected.isChecked(),
                today=self._today,
            ),
            self._practice.uow(),
            preview,
            owner=self,
            on_done=self._imported,
            on_failed=self._import_failed,
        )

    def _imported(self, case_ids: list[int]) -> None:
        self._busy = False
        self.created_case_ids = list(case_ids)
        self.clients_imported.emit(self.created_case_ids)
        super().accept()

    def _import_failed(self, exc: BaseException) -> None:
        self._busy = False
        if self._preview is not None:
            self.summary_label.setText(self.summary_text(self._preview))
        message = explain(exc)
        if "nothing was imported" not in message.lower():
            message = self.tr("Nothing was imported: %s") % (message[:1].lower() + message[1:])
        self.error_banner.show_message(message)
        self._update_buttons()

    def accept(self) -> None:
        """Enter and the Import button both come here: import, then close on success."""
        self.start_import()
