"""Export a case's records to one ZIP: the whole record, or a copy for one partner.

A copy for one partner leaves out what belongs to the other partner (their private
notes with everything kept with them, their contact details, the safety screening, the
audit entries' details; services/release.py has the rules). The list of what will be
withheld, and why, shows as soon as a partner is chosen, from the case already on screen;
after the export the same list is shown as what was withheld, beside where the file went.

The export runs on the worker thread and can be cancelled; a cancelled or failed export
leaves nothing behind (services/export.py writes a temporary file and renames it).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from clarity_desktop.domain.progress import Cancelled, Progress
from clarity_desktop.domain.records import CaseKind
from clarity_desktop.services import release
from clarity_desktop.services.dto import CaseDetail
from clarity_desktop.services.practices import OpenPractice
from clarity_desktop.ui.common import worker
from clarity_desktop.ui.common.errors import explain
from clarity_desktop.ui.common.numbers import filled
from clarity_desktop.ui.common.worker import run_task

if TYPE_CHECKING:
    from clarity_desktop.services.export import ExportSummary

WHOLE, ONE_PARTNER = 0, 1


class ExportDialog(QDialog):
    exported = Signal(object)  # the ExportSummary of the file written
    failed = Signal(str)  # the sentence shown to the therapist

    def __init__(
        self, practice: OpenPractice, case: CaseDetail, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.practice = practice
        self.case = case
        self._busy = False
        self.setWindowTitle(self.tr("Export the case's records"))
        self.resize(640, 520)
        self.partners = tuple(sorted(case.partners, key=lambda p: p.position))
        couple = case.kind is CaseKind.COUPLE and len(self.partners) > 1

        self.scope = QButtonGroup(self)
        self.whole = QRadioButton(self.tr("The &whole record"))
        self.one = QRadioButton(self.tr("A copy for &one partner:"))
        self.scope.addButton(self.whole, WHOLE)
        self.scope.addButton(self.one, ONE_PARTNER)
        self.whole.setChecked(True)
        self.partner = QComboBox()
        self.partner.setAccessibleName(self.tr("The partner the copy is for"))
        for p in self.partners:
            self.partner.addItem(p.name, p.id)
        for widget in (self.one, self.partner):
            widget.setEnabled(couple)
        self.explain = QLabel()
        self.explain.setWordWrap(True)
        self.withheld_label = QLabel(self.tr("Withheld from this copy, and why:"))
        self.withheld = QListWidget()
        self.withheld.setAccessibleName(self.tr("What is withheld, and why"))
        self.withheld.setWordWrap(True)
        self.withheld.setSpacing(3)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.hide()
        self.export_button = QPushButton(self.tr("&Export…"))
        self.cancel_button = QPushButton(self.tr("&Cancel export"))
        self.cancel_button.hide()
        self.close_button = QPushButton(self.tr("C&lose"))
        for button in (self.export_button, self.cancel_button, self.close_button):
            button.setAutoDefault(False)

        chooser = QHBoxLayout()
        chooser.addWidget(self.one)
        chooser.addWidget(self.partner, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.progress, 2)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.whole)
        layout.addLayout(chooser)
        layout.addWidget(self.explain)
        layout.addWidget(self.withheld_label)
        layout.addWidget(self.withheld, 1)
        layout.addWidget(self.status)
        layout.addLayout(buttons)

        self.scope.idToggled.connect(self._scope_toggled)
        self.partner.currentIndexChanged.connect(lambda _i: self._refresh())
        self.export_button.clicked.connect(self.export)
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button.clicked.connect(self.reject)
        self._refresh()

    # ----- the choice -----------------------------------------------------------------

    def _scope_toggled(self, _id: int, on: bool) -> None:
        if on:  # each change toggles two buttons; react to the one switched on
            self._refresh()

    def for_partner(self) -> int | None:
        """The partner the copy is for, or None for the whole record."""
        if self.scope.checkedId() != ONE_PARTNER:
            return None
        return int(self.partner.currentData())

    def choose_partner(self, partner_id: int) -> None:
        self.one.setChecked(True)
        self.partner.setCurrentIndex(self.partner.findData(partner_id))

    def _refresh(self) -> None:
        partner_id = self.for_partner()
        self.partner.setEnabled(self.one.isEnabled() and partner_id is not None)
        self.withheld.clear()
        self.status.clear()
        if partner_id is None:
            self.explain.setText(
                self.tr(
                    "Everything in the case, private notes of individual sessions included: "
                    "the full record, for the file or a request you review before releasing."
                )
            )
            self.withheld_label.hide()
            self.withheld.hide()
            return
        plan = release.plan(self.case, partner_id)
        self.explain.setText(
            self.tr(
                "For %s alone: what belongs to the other partner is left out, and the ZIP "
                "lists it with the reason."
            )
            % plan.partner.name
        )
        self._show_withheld(plan.withheld)

    def _show_withheld(self, items: tuple[release.Withheld, ...]) -> None:
        self.withheld.clear()
        for item in items:
            self.withheld.addItem(self.tr("• %s: withheld because %s.") % (item.what, item.why))
        self.withheld_label.show()
        self.withheld.show()

    def suggested_name(self) -> str:
        """Neutral: names in file names travel further than the file's content."""
        partner_id = self.for_partner()
        if partner_id is None:
            return f"case-{self.case.id}-records.zip"
        position = next(p.position for p in self.partners if p.id == partner_id)
        return f"case-{self.case.id}-records-partner-{position}.zip"

    # ----- exporting ------------------------------------------------------------------

    def export(self) -> None:
        if self._busy:
            return
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export the case's records"), self.suggested_name(), "ZIP (*.zip)"
        )
        if not name:
            return
        self.export_to(Path(name))

    def export_to(self, target: Path) -> None:
        """Write the ZIP to *target* on the worker thread (the file dialog's answer)."""
        from clarity_desktop.services import export

        partner_id = self.for_partner()
        self._set_busy(True)

        def work(progress: Progress) -> ExportSummary:
            return export.export_case(
                self.practice.uow(),
                self.case.id,
                target,
                progress=progress,
                for_partner=partner_id,
            )

        run_task(
            work,
            owner=self,
            key="export",
            on_done=self._done,
            on_failed=self._failed,
            on_progress=self.progress.setValue,
        )

    def cancel(self) -> None:
        worker.cancel(self, "export")

    def _done(self, summary: ExportSummary) -> None:
        self._set_busy(False)
        if summary.for_partner is not None:
            self.status.setText(
                self.tr(
                    "A copy for %s is in %s. It is not encrypted: keep it safe. Withheld, as "
                    "listed above and in the ZIP's README.txt."
                )
                % (summary.for_partner, summary.path)
            )
            self.withheld_label.setText(self.tr("Withheld from this copy, and why:"))
            self._show_withheld(summary.withheld)
        else:
            self.status.setText(
                filled(
                    self.tr(
                        "The records of %s (%d notes, %d addenda) are in %s. The file is not "
                        "encrypted: keep it safe, and release only what the request covers."
                    ),
                    summary.case_name,
                    summary.notes,
                    summary.addenda,
                    summary.path,
                )
            )
        self.exported.emit(summary)

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if isinstance(exc, Cancelled):
            message = self.tr("The export was cancelled; nothing was written.")
        else:
            message = explain(exc)
        self.status.setText(message)
        self.failed.emit(message)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.progress.setValue(0)
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)
        for widget in (self.export_button, self.close_button, self.whole, self.one):
            widget.setEnabled(not busy)
        self.partner.setEnabled(not busy and self.for_partner() is not None)
        if not busy:
            self.one.setEnabled(self.case.kind is CaseKind.COUPLE and len(self.partners) > 1)

    def reject(self) -> None:
        if not self._busy:  # closing mid-export would orphan the worker's result
            super().reject()
