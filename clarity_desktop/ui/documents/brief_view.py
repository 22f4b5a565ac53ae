"""The session brief on one screen: what to have in mind before a session, read in a
minute. The same BriefDocument makes the one-page PDF (reports/brief.py), so screen and
paper agree; what it says and leaves out is decided in reports/brief_facts.py.

Privacy: the brief may be on screen with the couple in the room, so what was recorded at
private sessions and the safety note stay hidden until ticked here; both ticks start
cleared each time the brief opens, and each showing is audited with what it included.

Keys: F5 starts session mode for the session shown, Ctrl+S saves the PDF, Ctrl+P prints
it, Esc closes.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from pathlib import Path
from typing import Any

from PySide6.QtCore import QStandardPaths, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from clarity_desktop.domain.audit_actions import AuditAction
from clarity_desktop.domain.schedule import SessionStatus
from clarity_desktop.reports import brief_facts as facts
from clarity_desktop.reports import brief_plan
from clarity_desktop.reports.text import join_names
from clarity_desktop.services import brief
from clarity_desktop.services.document_audit import DocumentAction
from clarity_desktop.services.dto import CaseDetail
from clarity_desktop.services.practices import OpenPractice
from clarity_desktop.ui.common import appearance, labels, language
from clarity_desktop.ui.common.errors import explain
from clarity_desktop.ui.common.models import when
from clarity_desktop.ui.common.worker import run_task
from clarity_desktop.ui.documents import brief_html, brief_parts
from clarity_desktop.ui.note.note_parts import clear_layout

SESSION_MODE_KEY = "F5"


class BriefDialog(QDialog):
    session_mode_requested = Signal(int)  # the session id
    shown_brief = Signal(object)  # the BriefDocument now on screen
    saved = Signal(str)  # the path the PDF was written to
    printed = Signal()

    def __init__(
        self,
        practice: OpenPractice,
        case: CaseDetail,
        session_id: int | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.practice = practice
        self.case = case
        self.doc: facts.BriefDocument | None = None
        self._printer: QPrinter | None = None
        self.setWindowTitle(self.tr("Session brief"))
        self.setObjectName("sessionBrief")

        self.title = QLabel()
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        self.session = QComboBox()
        self.session.setAccessibleName(self.tr("Session the brief prepares"))
        for s in sorted(case.sessions, key=lambda s: (s.starts_at, s.id), reverse=True):
            self.session.addItem(f"{when(s.starts_at)} · {labels.text(s.attending_label)}", s.id)
        if not case.sessions:
            self.session.addItem(self.tr("No session yet: the case as it stands"), None)
        index = self.session.findData(session_id) if session_id is not None else -1
        self.session.setCurrentIndex(max(0, index))
        session_label = QLabel(self.tr("S&ession"))
        session_label.setBuddy(self.session)
        self.session_line = QLabel()
        self.session_line.setWordWrap(True)
        self.safety = QLabel()
        self.safety.setObjectName("briefSafety")
        self.safety.setWordWrap(True)
        self.safety.setAccessibleName(self.tr("Safety flag"))

        self.left = brief_parts.column()
        self.right = brief_parts.column()
        columns = QHBoxLayout()
        columns.addWidget(brief_parts.scrolled(self.left), 3)
        columns.addWidget(brief_parts.scrolled(self.right), 2)

        self.include_private = QCheckBox(self.tr("Show pr&ivate sessions"))  # Alt+P: Print
        self.include_private.setToolTip(
            self.tr(
                "Steps, readings and plans recorded at private individual sessions; "
                "hidden so the brief can be on screen with the couple."
            )
        )
        self.include_safety_note = QCheckBox(self.tr("Show the safety &note"))
        self.include_safety_note.setVisible(case.safety_flag and bool(case.safety_note.strip()))
        self.statement = QLabel()
        self.statement.setWordWrap(True)
        self.statement.setStyleSheet("color: palette(placeholder-text);")
        self.start = QPushButton(
            appearance.icon("note"), self.tr("Start &session mode (%s)") % SESSION_MODE_KEY
        )
        self.start.setAccessibleName(self.tr("Start session mode"))
        self.save = QPushButton(self.tr("Sa&ve PDF…"))
        self.save.setToolTip(self.tr("Save the brief as a one-page PDF (Ctrl+S)"))
        self.print_button = QPushButton(appearance.icon("print"), self.tr("&Print…"))
        self.print_button.setToolTip(self.tr("Print the brief on one page (Ctrl+P)"))
        self.close_button = QPushButton(self.tr("C&lose"))
        for b in (self.start, self.save, self.print_button, self.close_button):
            b.setAutoDefault(False)
        self.status = QLabel()

        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        head.addWidget(session_label)
        head.addWidget(self.session)
        ticks = QHBoxLayout()
        ticks.addWidget(self.include_private)
        ticks.addWidget(self.include_safety_note)
        ticks.addStretch(1)
        ticks.addWidget(self.status)
        buttons = QHBoxLayout()
        buttons.addWidget(self.start)
        buttons.addStretch(1)
        buttons.addWidget(self.save)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.session_line)
        layout.addWidget(self.safety)
        layout.addLayout(columns, 1)
        layout.addWidget(self.statement)
        layout.addLayout(ticks)
        layout.addLayout(buttons)

        self.session.currentIndexChanged.connect(self.refresh)
        self.include_private.toggled.connect(self.refresh)
        self.include_safety_note.toggled.connect(self.refresh)
        self.start.clicked.connect(self._start)
        self.save.clicked.connect(self.save_pdf)
        self.print_button.clicked.connect(self.print_brief)
        self.close_button.clicked.connect(self.reject)
        QShortcut(QKeySequence(SESSION_MODE_KEY), self, self._start)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self, self.save_pdf)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Print), self, self.print_brief)
        self.resize(1180, 680)
        self.refresh()

    def session_id(self) -> int | None:
        value = self.session.currentData()
        return int(value) if value is not None else None

    def refresh(self, *_: Any) -> None:
        """Read the brief again for the chosen session and ticks (audited each time)."""
        try:
            doc = brief.session_brief(
                self.practice.uow(),
                self.case.id,
                self.session_id(),
                include_private_readings=self.include_private.isChecked(),
                include_safety_note=self.include_safety_note.isChecked(),
                language=language.current(),
            )
        except Exception as exc:
            QMessageBox.warning(self, self.tr("Brief not shown"), explain(exc))
            return
        self.doc = doc
        self._show(doc)
        self.shown_brief.emit(doc)

    def _show(self, doc: facts.BriefDocument) -> None:
        self.title.setText(self.tr("Session brief — %s") % doc.case_name)
        self.session_line.setText(brief_html.translated(facts.session_line(doc)))
        self.safety.setText(brief_html.translated(facts.safety_line(doc)))
        flagged = doc.safety_flag
        appearance.styled(
            self.safety,
            lambda t: (
                f"QLabel#briefSafety {{ background: {t.alert_back}; color: {t.alert_text};"
                f" border: 1px solid {t.alert_border}; border-radius: 4px; padding: 6px;"
                " font-weight: 600; }"
                if flagged
                else "QLabel#briefSafety { color: palette(placeholder-text); }"
            ),
        )
        for column in (self.left, self.right):
            box = column.layout()
            assert box is not None
            clear_layout(box)
        agreement = brief_html.agreement_html(doc)
        if agreement:
            brief_parts.add_block(self.left, self.tr("While we are unsure"), agreement)
        brief_parts.add_block(
            self.left, self.tr("Last session: plan and next steps"), brief_html.plan_html(doc)
        )
        brief_parts.add_block(
            self.left,
            brief_plan.goals_heading(doc.plan, doc.words),
            brief_html.goals_html(doc),
        )
        brief_parts.add_block(
            self.left,
            self.tr("Where each partner stands") if doc.couple else self.tr("Where things stand"),
            brief_html.standings_html(doc),
        )
        course = facts.loop_course(doc)
        if course:
            brief_parts.add_block(
                self.left, self.tr("The loop, recently"), brief_html.bullets(course)
            )
        flags = facts.flags(doc)
        brief_parts.add_block(
            self.right,
            self.tr("Attention"),
            brief_html.bullets([labels.flag_text(f) for f in flags])
            if flags
            else escape(self.tr("No attention flags.")),
        )
        given = facts.handouts(doc)
        brief_parts.add_block(
            self.right,
            self.tr("Handouts given"),
            brief_html.bullets([facts.handout_line(h) for h in given])
            if given
            else escape(self.tr("None recorded.")),
        )
        for block in facts.guidance(doc):
            brief_parts.add_block(
                self.right,
                self.tr("Guidance: %s — %s")
                % (labels.step_label(block.guidance.step), join_names(list(block.names))),
                brief_html.guidance_html(block.guidance),
            )
        for column in (self.left, self.right):
            box = column.layout()
            assert isinstance(box, QVBoxLayout)
            box.addStretch(1)
        self.statement.setText(brief_html.translated(facts.contents_statement(doc)))
        can_start = doc.session is not None and self._note_open(doc.session.session_id)
        self.start.setEnabled(can_start)
        self.start.setToolTip(
            self.tr("Timer, note pad and one-key markers for this session")
            if can_start
            else self.tr(
                "Session mode is for a booked session, or one whose note is not signed yet."
            )
        )

    def _note_open(self, session_id: int) -> bool:
        """Session mode is for a booked session (it starts it) or one under way."""
        s = next((s for s in self.case.sessions if s.id == session_id), None)
        if s is None:
            return False
        if s.status is SessionStatus.SCHEDULED:
            return True
        return s.status is SessionStatus.HELD and s.note_id is not None and not s.note_signed

    # ----- actions --------------------------------------------------------------------

    def _start(self) -> None:
        sid = self.session_id()
        if sid is None or not self.start.isEnabled():
            return
        self.session_mode_requested.emit(sid)

    def _pdf(
        self, out: Path | None, action: DocumentAction, on_done: Callable[[Any], None]
    ) -> None:
        self.status.setText(self.tr("Preparing the PDF…"))
        for b in (self.save, self.print_button):
            b.setEnabled(False)
        run_task(
            _build,
            self.practice,
            self.case.id,
            self.session_id(),
            out,
            action,
            self.include_private.isChecked(),
            self.include_safety_note.isChecked(),
            language.current(),
            owner=self,
            on_done=on_done,
            on_failed=self._failed,
        )

    def _idle(self, message: str) -> None:
        self.status.setText(message)
        for b in (self.save, self.print_button):
            b.setEnabled(True)

    def _failed(self, exc: BaseException) -> None:
        self._idle("")
        QMessageBox.warning(self, self.tr("Brief not made"), explain(exc))

    def save_pdf(self) -> None:
        if not self.save.isEnabled():
            return
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        stamp = (
            self.doc.session.starts_at.date().isoformat() if self.doc and self.doc.session else ""
        )
        suggested = str(
            Path(folder) / (f"session-brief-{stamp}.pdf" if stamp else "session-brief.pdf")
        )
        path, _f = QFileDialog.getSaveFileName(
            self, self.tr("Save the brief as PDF"), suggested, self.tr("PDF files (*.pdf)")
        )
        if not path:
            return
        target = Path(path) if Path(path).suffix.lower() == ".pdf" else Path(path + ".pdf")
        self._pdf(target, AuditAction.EXPORTED, lambda _r: self._saved(target))

    def _saved(self, target: Path) -> None:
        self._idle(self.tr("Saved as %s.") % target.name)
        self.saved.emit(str(target))

    def printer(self) -> QPrinter:
        if self._printer is None:
            self._printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        return self._printer

    def print_brief(self) -> None:
        if not self.print_button.isEnabled():
            return
        dialog = QPrintDialog(self.printer(), self)
        dialog.setWindowTitle(self.tr("Print the brief"))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self._pdf(None, AuditAction.PRINTED, self._print_built)

    def _print_built(self, data: bytes) -> None:
        from clarity_desktop.ui.documents.document_preview import print_pdf

        try:
            print_pdf(data, self.printer())
        except Exception as exc:
            self._failed(exc)
            return
        self._idle(self.tr("Sent to the printer."))
        self.printed.emit()


def _build(
    practice: OpenPractice,
    case_id: int,
    session_id: int | None,
    out: Path | None,
    action: DocumentAction,
    include_private: bool,
    include_safety_note: bool,
    language_code: str,
) -> bytes | None:
    """On the worker thread: its own unit of work, like every document builder."""
    return brief.brief_pdf(
        practice.uow(),
        case_id,
        session_id,
        out,
        action=action,
        include_private_readings=include_private,
        include_safety_note=include_safety_note,
        language=language_code,  # the step guidance, as on screen
    )
