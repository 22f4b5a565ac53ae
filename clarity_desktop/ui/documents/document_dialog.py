"""Make a document from a case or a note: choose it on the left, see it on the right,
then save it as a PDF or print it.

Everything is built on the worker thread (reportlab can take a while for long
documents) with the same service calls the command line uses, so every preview, save and
print is written to the audit log ("previewed", "exported", "printed"). The preview and
the printed copy live only in memory (see document_preview); only "Save as" writes a
file, where the therapist chose, optionally password-protected.

Safety flag: in a flagged case every handout is the safety-aware version (practices for
one person in place of joint exercises), and a joint handout may still put a partner at
risk, so handouts there take deliberate acts.
- Every handout shows a warning and a tick box; its preview appears only once "I have
  considered safety" is ticked. The preview stays on this screen, so the tick is enough
  for it, and it is what the service is told (acknowledge_safety=True) for the audited
  preview. Changing who the handout is for clears the tick.
- Saving or printing one partner's handout needs the tick, or a yes to a confirmation.
- Saving or printing a joint handout sends a copy addressed to both out of the program,
  so each time a confirmation asks (with Cancel as the default button); only a yes
  passes acknowledge_safety=True. A yes also ticks the box.
The dialog opens a flagged couple case on the first partner's own handout.

Handouts given: printing or saving a handout records which step went to whom at which
session (the open note's, else the newest held one), unless "Record it as given" is
cleared; the brief, the case summary and the Today view read it.

Keyboard: no button is the default, so Enter in a field never saves, prints or closes;
Esc closes; Ctrl+S saves and Ctrl+P prints.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QStandardPaths, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QPageSize, QShortcut, QShowEvent
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from clarity_desktop.domain.audit_actions import AuditAction
from clarity_desktop.domain.document_kinds import DocumentKind
from clarity_desktop.domain.languages import Language
from clarity_desktop.domain.steps import Step
from clarity_desktop.services import handouts_given, measure_forms, plans
from clarity_desktop.services.document_audit import DocumentAction
from clarity_desktop.services.dto import CaseDetail, NoteView
from clarity_desktop.services.practices import OpenPractice
from clarity_desktop.ui.common import appearance, form_parts, language, worker
from clarity_desktop.ui.common.errors import explain
from clarity_desktop.ui.common.numbers import filled
from clarity_desktop.ui.common.settings import Settings
from clarity_desktop.ui.common.worker import run_task
from clarity_desktop.ui.documents import choice_parts, document_checks
from clarity_desktop.ui.documents.document_choices import ChoicesPanel
from clarity_desktop.ui.documents.document_kinds import KINDS, DocumentChoice, Out, build
from clarity_desktop.ui.documents.document_preview import PreviewPane, print_pdf

Given = tuple[Step, int | None, int | None, Language] | None  # a handout to record as given


class DocumentDialog(QDialog):
    preview_ready = Signal(int)  # the preview now shows this many pages
    saved = Signal(str)  # the path a PDF was written to
    printed = Signal(int)  # pages sent to the printer
    failed = Signal(str)  # the sentence shown to the therapist
    given_recorded = Signal(object)  # the HandoutGivenView recorded after a print or save

    def __init__(
        self,
        practice: OpenPractice,
        case: CaseDetail,
        note: NoteView | None = None,
        *,
        settings: Settings,
        parent: QWidget | None = None,
        initial: DocumentKind | None = None,
    ) -> None:
        super().__init__(parent)
        self.practice = practice
        self.case = case
        self.note = note
        self.settings = settings
        self._printer: QPrinter | None = None
        self._busy = False
        self.setWindowTitle(self.tr("Print or save a document"))
        self.resize(1200, 800)

        kinds = tuple(k for k in KINDS if note is not None or not k.needs_note)
        versions, current = self._plan_versions()
        self.choices = ChoicesPanel(
            case,
            note,
            kinds,
            settings.page_size,
            initial,
            plan_versions=versions,
            plan_current=current,
            measures=self._measures(),
        )
        scroll = choice_parts.scrolled(self.choices)
        self.preview = PreviewPane()

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(scroll)
        splitter.addWidget(self.preview)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([400, 800])

        self.error = form_parts.error_line()
        self.status = QLabel()
        self.progress = form_parts.small_progress()
        self.save_button = QPushButton(self.tr("&Save as…"))
        self.print_button = QPushButton(appearance.icon("print"), self.tr("&Print…"))
        self.close_button = QPushButton(self.tr("C&lose"))
        for button in (self.save_button, self.print_button, self.close_button):
            button.setAutoDefault(False)  # Enter in a field must not press a button
            button.setDefault(False)
        self.save_button.setToolTip(self.tr("Save as a PDF file (Ctrl+S)"))
        self.print_button.setToolTip(self.tr("Print on paper (Ctrl+P)"))
        self.save_button.clicked.connect(self.save_as)
        self.print_button.clicked.connect(self.print_document)
        self.close_button.clicked.connect(self.reject)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self, self.save_as)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Print), self, self.print_document)

        bottom = QHBoxLayout()
        bottom.addWidget(self.error, 1)
        bottom.addWidget(self.status)
        bottom.addWidget(self.progress)
        bottom.addSpacing(12)
        bottom.addWidget(self.save_button)
        bottom.addWidget(self.print_button)
        bottom.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.refresh_preview)
        self.choices.changed.connect(self._choices_changed)
        self.choices.page_size.currentIndexChanged.connect(self._remember_page_size)
        self._timer.start(0)

    def _plan_versions(self) -> tuple[tuple[tuple[int, bool], ...], int | None]:
        """The case's plan versions (number, signed) and the one to offer first: the plan
        in force, else the draft. A plan that cannot be read offers none; choosing the
        plan then shows why in the preview."""
        try:
            plan = plans.read_plan(self.practice.uow(), self.case.id)
        except Exception:
            return (), None
        first = plan.current or plan.draft
        versions = tuple((v.version, v.signed) for v in plan.versions)
        return versions, first.version if first is not None else None

    def _measures(self) -> tuple[tuple[str, str], ...]:
        """The measures a check-in form can carry, (id, title in the window's language):
        ours and the practice's own."""
        try:
            found = measure_forms.catalogue(self.practice.folder)
        except Exception:
            return ()
        return tuple((m.id, m.title.in_language(language.current())) for m in found)

    # ----- the preview ----------------------------------------------------------------

    def _choices_changed(self, delay_ms: int) -> None:
        worker.forget(self, "preview")  # a preview under way no longer matches the choices
        self._timer.start(delay_ms)

    def _remember_page_size(self) -> None:
        self.settings.page_size = self.choices.chosen_page_size()

    def refresh_preview(self) -> None:
        """Build the preview for the current choices now (off the GUI thread)."""
        self._timer.stop()
        worker.forget(self, "preview")
        if self.choices.safety_needed() and not self.choices.safety_tick.isChecked():
            joint = self.choices.is_joint_handout()
            self.preview.show_message(document_checks.tick_first(joint))
            return
        choice = self.choices.choice(acknowledge_safety=self.choices.safety_needed())
        self.preview.set_building(True)
        self._run(
            choice,
            None,
            None,
            AuditAction.PREVIEWED,
            key="preview",  # a newer preview supersedes it (common/worker.py)
            on_done=self._preview_built,
            on_failed=self._preview_failed,
            on_progress=lambda percent: self.preview.set_building(True, percent),
        )

    def _preview_built(self, data: bytes) -> None:
        pages = self.preview.show_pdf(data)
        if pages:
            self.preview_ready.emit(pages)

    def _preview_failed(self, exc: BaseException) -> None:
        self.preview.show_message(explain(exc))
        self.failed.emit(explain(exc))

    # ----- saving and printing --------------------------------------------------------

    def _password(self) -> str | None:
        """The password to protect a saved PDF with, "" when none; None after saying
        what is wrong with it."""
        if not self.choices.protect.isChecked():
            return ""
        password = self.choices.password.text()
        problem = document_checks.password_problem(password, self.choices.repeat.text())
        if problem is not None:
            self._show_error(problem)
            return None
        return password

    def _safety_confirmed(self, joint_question: str, question: str) -> bool:
        """True when no confirmation is needed, or the therapist gave it: a joint handout
        asks every time, one partner's handout only when the box is not ticked."""
        if not self.choices.safety_needed():
            return True
        joint = self.choices.is_joint_handout()
        if not joint and self.choices.safety_tick.isChecked():
            return True
        if not document_checks.safety_confirmed(self, joint, joint_question, question):
            return False
        self.choices.safety_tick.setChecked(True)
        return True

    def save_as(self) -> None:
        if self._busy:
            return
        self.error.clear()
        password = self._password()
        if password is None:
            return
        if not self._safety_confirmed(*document_checks.save_questions()):
            return
        choice = self.choices.choice(acknowledge_safety=self.choices.safety_needed())
        given = self.choices.given()
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        suggested = str(Path(folder) / self.choices.kind().file_name(choice))
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save the document as PDF"), suggested, self.tr("PDF files (*.pdf)")
        )
        if not path:
            return
        target = Path(path) if Path(path).suffix.lower() == ".pdf" else Path(path + ".pdf")
        self._set_busy(True, self.tr("Saving…"))
        self._run(
            choice,
            target,
            password or None,
            AuditAction.EXPORTED,
            on_done=lambda _none: self._saved(target, given),
            on_failed=self._action_failed,
            on_progress=self._action_progress,
        )

    def _saved(self, target: Path, given: Given) -> None:
        self._set_busy(False, self.tr("Saved as %s.") % target.name)
        self._record_given(given)
        self.saved.emit(str(target))

    def _record_given(self, given: Given) -> None:
        """Which handout went to whom, once it exists on paper or in a file."""
        if given is None:
            return
        step, partner_id, session_id, language = given
        try:
            view = handouts_given.record_given(
                self.practice.uow(),
                self.case.id,
                step,
                partner_id=partner_id,
                session_id=session_id,
                language=language,
            )
        except Exception as exc:
            self._show_error(
                self.tr("The handout was made, but not recorded as given: %s") % explain(exc)
            )
            return
        self.status.setText(self.status.text() + " " + self.tr("Recorded as given."))
        self.given_recorded.emit(view)

    def printer(self) -> QPrinter:
        """The printer this dialog prints to; kept, so the system dialog's choices stay
        for the next print."""
        if self._printer is None:
            self._printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        return self._printer

    def print_document(self) -> None:
        if self._busy:
            return
        self.error.clear()
        if not self._safety_confirmed(*document_checks.print_questions()):
            return
        choice = self.choices.choice(acknowledge_safety=self.choices.safety_needed())
        given = self.choices.given()
        printer = self.printer()
        size = (
            QPageSize.PageSizeId.Letter if choice.page_size == "Letter" else QPageSize.PageSizeId.A4
        )
        printer.setPageSize(QPageSize(size))
        printer.setDocName(self.choices.kind().file_name(choice))  # neutral, as in Save as
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print the document"))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self._set_busy(True, self.tr("Preparing to print…"))
        self._run(
            choice,
            None,
            None,
            AuditAction.PRINTED,
            on_done=lambda data: self._print_built(data, given),
            on_failed=self._action_failed,
            on_progress=self._action_progress,
        )

    def _print_built(self, data: bytes, given: Given = None) -> None:
        try:
            pages = print_pdf(data, self.printer())
        except Exception as exc:
            self._action_failed(exc)
            return
        sent = (
            self.tr("Sent 1 page to the printer.")
            if pages == 1
            else filled(self.tr("Sent %d pages to the printer."), pages)
        )
        self._set_busy(False, sent)
        self._record_given(given)
        self.printed.emit(pages)

    def _action_progress(self, percent: int) -> None:
        self.progress.setValue(percent)

    def _action_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if isinstance(exc, OSError):
            self._show_error(self.tr("The PDF could not be written: %s.") % (exc.strerror or exc))
        else:
            self._show_error(explain(exc))

    # ----- plumbing -------------------------------------------------------------------

    def _run(
        self,
        choice: DocumentChoice,
        out: Out,
        password: str | None,
        action: DocumentAction,
        *,
        key: str | None = None,
        on_done: Callable[[Any], None],
        on_failed: Callable[[BaseException], None],
        on_progress: Callable[[int], None],
    ) -> None:
        run_task(
            build,
            choice.kind,
            self.practice,
            choice,
            out,
            password,
            action,
            owner=self,
            key=key,
            on_done=on_done,
            on_failed=on_failed,
            on_progress=on_progress,
        )

    def _set_busy(self, busy: bool, message: str = "") -> None:
        self._busy = busy
        self.save_button.setEnabled(not busy)
        self.print_button.setEnabled(not busy)
        self.progress.setValue(0)
        self.progress.setVisible(busy)
        self.status.setText(message)

    def _show_error(self, message: str) -> None:
        self.error.setText(message)
        self.failed.emit(message)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.preview.document.pageCount() == 0 and not self._timer.isActive():
            self._timer.start(0)  # shown again after closing, which forgot the pages

    def done(self, result: int) -> None:
        """Closing forgets the pages and the password typed; late results are ignored."""
        self._timer.stop()
        worker.forget(self, "preview")
        self.preview.clear()
        self.choices.password.clear()
        self.choices.repeat.clear()
        super().done(result)
