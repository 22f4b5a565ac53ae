"""The note editor: sections, step tags, each partner's step, privacy, signing, addenda.

Drafts save themselves: one second after typing pauses, at least every two seconds
while typing goes on, whenever focus moves, and before the note is left. A crash or
power cut therefore loses at most the last couple of seconds of typing. Saving runs on
the GUI thread because it takes a few milliseconds; a failed save keeps the text, says
so, and tries again.

When another task holds the practice's write lock (an import, a backup, another Clarity
program), an autosave waits at most AUTOSAVE_WAIT_S, so typing never stalls, then shows
a calm "Waiting to save…" and tries again after 0.5, 1, 2, then every 4 seconds until
it saves. The draft stays in the editor all the while; nothing typed is lost. Saves the
user asked for (leaving the note, signing, locking) wait as long as the database does.
"""

from __future__ import annotations

import time
from datetime import datetime

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from clarity_desktop.domain.errors import PracticeBusy
from clarity_desktop.domain.steps import Step
from clarity_desktop.domain.templates import SECTIONS, Template, ordered_sections
from clarity_desktop.services import notes
from clarity_desktop.services.dto import NoteDraft, NoteView, PartnerView
from clarity_desktop.services.practices import OpenPractice
from clarity_desktop.ui import appearance
from clarity_desktop.ui.dynamics_panel import DynamicsPanel
from clarity_desktop.ui.models import when
from clarity_desktop.ui.note_parts import SaveState, SectionEdit, clear_layout, local_time
from clarity_desktop.ui.unlock import explain

IDLE_MS = 1000
MAX_UNSAVED_S = 2.0
RETRY_MS = 5000
AUTOSAVE_WAIT_S = 0.2  # the longest an autosave keeps the window waiting for another writer
BUSY_RETRY_MS = (500, 1000, 2000, 4000)  # then every 4 s, until the draft is saved


class NoteEditor(QWidget):
    note_saved = Signal(int)
    tags_changed = Signal(int)  # steps, partner steps or privacy changed in a save
    note_signed = Signal(int)
    addendum_added = Signal(int)

    def __init__(self, practice: OpenPractice, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._practice = practice
        self._note: NoteView | None = None
        self._partners: tuple[PartnerView, ...] = ()
        self._loading = False
        self._dirty = False
        self._dirty_since: float | None = None
        self._busy_tries = 0  # autosaves in a row that found the practice busy
        self._sections: list[SectionEdit] = []

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._autosave)

        self.header = QLabel()
        font = self.header.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setWeight(QFont.Weight.DemiBold)
        self.header.setFont(font)
        self.header.setWordWrap(True)
        self.save_state = SaveState()
        self.template = QComboBox()
        for t in Template:
            self.template.addItem(t.title, t)
        self.template.setAccessibleName(self.tr("Note template"))
        template_label = QLabel(self.tr("&Template"))
        template_label.setBuddy(self.template)
        self.private = QCheckBox(self.tr("&Private (individual content)"))
        self.private.setToolTip(
            self.tr(
                "Private notes never go into anything printed for the couple unless you add it on purpose."
            )
        )

        self.step_buttons: dict[Step, QPushButton] = {}
        steps_box = QGridLayout()
        steps_box.setHorizontalSpacing(6)
        steps_box.setVerticalSpacing(6)
        for i, step in enumerate(Step):
            b = QPushButton(step.label)
            b.setCheckable(True)
            b.setObjectName("stepToggle")
            b.setStyleSheet(
                "QPushButton#stepToggle:checked { background: palette(highlight);"
                " color: palette(highlighted-text); font-weight: 600; }"
            )
            b.setToolTip(step.short)
            b.setAccessibleName(self.tr("Worked on step %s") % step.label)
            b.toggled.connect(self._changed)
            self.step_buttons[step] = b
            steps_box.addWidget(b, i // 3, i % 3)
        self.partner_box = QGridLayout()
        self.partner_steps: dict[int, QComboBox] = {}

        self.sections_host = QWidget()
        self.sections_layout = QVBoxLayout(self.sections_host)
        self.sections_layout.setContentsMargins(0, 0, 0, 0)

        self.signature = QLabel()
        self.signature.setWordWrap(True)
        appearance.styled(
            self.signature,
            lambda t: (
                "font-weight: 600; background: palette(alternate-base);"
                f" border-left: 4px solid {t.done}; padding: 6px;"
            ),
        )
        self.sign_button = QPushButton(appearance.icon("sign"), self.tr("&Sign and lock…"))
        self.sign_button.setAccessibleName(self.tr("Sign and lock the note"))
        self.sign_button.setToolTip(self.tr("Sign the note (Ctrl+Shift+S)"))
        self.sign_button.clicked.connect(self.sign)

        self.addenda_host = QWidget()
        self.addenda_layout = QVBoxLayout(self.addenda_host)
        self.addenda_layout.setContentsMargins(0, 0, 0, 0)
        self.addendum_edit = QPlainTextEdit()
        self.addendum_edit.setPlaceholderText(
            self.tr(
                "A correction or later information. Once added it is dated and cannot be changed."
            )
        )
        self.addendum_edit.setTabChangesFocus(True)
        self.addendum_edit.setFixedHeight(90)
        self.addendum_edit.setAccessibleName(self.tr("New addendum"))
        self.addendum_button = QPushButton(appearance.icon("addendum"), self.tr("Add a&ddendum"))
        self.addendum_button.setAccessibleName(self.tr("Add the addendum"))
        self.addendum_button.clicked.connect(self.add_addendum)
        self.addendum_panel = QFrame()
        ap = QVBoxLayout(self.addendum_panel)
        ap.setContentsMargins(0, 8, 0, 0)
        addenda_title = QLabel(self.tr("Addenda"))
        addenda_title.setStyleSheet("font-weight: 600;")
        ap.addWidget(addenda_title)
        ap.addWidget(self.addenda_host)
        ap.addWidget(self.addendum_edit)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.addendum_button)
        ap.addLayout(row)

        body = QWidget()
        bl = QVBoxLayout(body)
        bl.setContentsMargins(12, 12, 12, 12)
        top = QHBoxLayout()
        top.addWidget(template_label)
        top.addWidget(self.template)
        top.addSpacing(12)
        top.addWidget(self.private)
        top.addStretch(1)
        bl.addLayout(top)
        bl.addWidget(self.signature)
        steps_title = QLabel(self.tr("Steps worked on"))
        steps_title.setStyleSheet("font-weight: 600;")
        bl.addWidget(steps_title)
        bl.addLayout(steps_box)
        partner_title = QLabel(self.tr("Where each partner stands"))
        partner_title.setStyleSheet("font-weight: 600;")
        bl.addWidget(partner_title)
        bl.addLayout(self.partner_box)
        bl.addWidget(self.sections_host)
        bl.addWidget(self.addendum_panel)
        bl.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to its fields, not to it
        self.dynamics = DynamicsPanel()
        self.dynamics.changed.connect(self._changed)
        self._dynamics_host = dyn_host = QWidget()
        dl = QVBoxLayout(dyn_host)
        dl.setContentsMargins(8, 12, 8, 12)
        dl.addWidget(self.dynamics)
        self.dynamics_scroll = QScrollArea()
        self.dynamics_scroll.setWidgetResizable(True)
        self.dynamics_scroll.setWidget(dyn_host)
        self.dynamics_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.dynamics_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._fit_dynamics()
        panes = QHBoxLayout()
        panes.setContentsMargins(0, 0, 0, 0)
        panes.addWidget(scroll, 1)
        panes.addWidget(self.dynamics_scroll)

        self.empty = QLabel(
            self.tr(
                "Choose a session on the left to read or write its note,\nor record a new session."
            )
        )
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet("color: palette(placeholder-text); padding: 24px;")

        head = QHBoxLayout()
        head.addWidget(self.header, 1)
        head.addWidget(self.save_state)
        head.addWidget(self.sign_button)
        self.content = QWidget()
        cl = QVBoxLayout(self.content)
        cl.setContentsMargins(0, 0, 0, 0)
        cl.addLayout(head)
        cl.addLayout(panes, 1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(8, 8, 8, 8)
        outer.addWidget(self.empty)
        outer.addWidget(self.content)
        self.content.hide()

        self.template.currentIndexChanged.connect(self._template_changed)
        self.private.toggled.connect(self._changed)
        QShortcut(QKeySequence("Ctrl+Shift+S"), self, self.sign)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)

    def _fit_dynamics(self) -> None:
        """The Dynamics column is as wide as its fields need at the current text size, so
        it never scrolls sideways, and only a little wider."""
        need = self._dynamics_host.minimumSizeHint().width()
        need += self.dynamics_scroll.verticalScrollBar().sizeHint().width() + 2
        self.dynamics_scroll.setMinimumWidth(need)
        self.dynamics_scroll.setMaximumWidth(need + 6 * self.fontMetrics().averageCharWidth())

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            QTimer.singleShot(0, self, self._fit_dynamics)  # once the fields have the font

    def set_practice(self, practice: OpenPractice) -> None:
        self._practice = practice

    # ----- showing a note -------------------------------------------------------------

    @property
    def note(self) -> NoteView | None:
        return self._note

    def show_note(self, note: NoteView, partners: tuple[PartnerView, ...]) -> None:
        self._loading = True
        try:
            self._note = note
            self._partners = tuple(p for p in partners if note.attending_partner_id in (None, p.id))
            self.header.setText(
                f"{note.case_name} · {when(note.session_starts_at)} · {note.attending_label}"
            )
            self.template.setCurrentIndex(self.template.findData(note.template))
            self.private.setChecked(note.private)
            for step, b in self.step_buttons.items():
                b.setChecked(step in note.steps)
            self._build_partner_steps(note)
            self.dynamics.set_partners(
                self._partners, joint=note.attending_partner_id is None and len(partners) == 2
            )
            self.dynamics.set_readings(note.partner_readings, note.couple_reading)
            self.dynamics.set_steps(dict(note.partner_steps))
            self._build_sections(note.template, note.sections)
            self._show_signature(note)
            self._update_tab_order()
            QTimer.singleShot(0, self, self._fit_dynamics)  # once the new fields are laid out
            self._dirty = False
            self._dirty_since = None
            self._busy_tries = 0
            self.save_state.saved(None if note.signed else local_time(note.updated_at))
        finally:
            self._loading = False
        self.empty.hide()
        self.content.show()

    def clear(self) -> None:
        self._timer.stop()
        self._busy_tries = 0
        self._note = None
        self.content.hide()
        self.empty.show()

    def _build_partner_steps(self, note: NoteView) -> None:
        clear_layout(self.partner_box)
        self.partner_steps = {}
        for row, p in enumerate(self._partners):
            combo = QComboBox()
            combo.addItem(self.tr("Not recorded"), None)
            for step in Step:
                combo.addItem(step.label, step)
            current = note.partner_steps.get(p.id)
            combo.setCurrentIndex(combo.findData(current) if current else 0)
            combo.setAccessibleName(self.tr("Step for %s") % p.name)
            combo.currentIndexChanged.connect(self._partner_step_changed)
            label = QLabel(p.name)
            label.setBuddy(combo)
            self.partner_box.addWidget(label, row, 0)
            self.partner_box.addWidget(combo, row, 1)
            self.partner_steps[p.id] = combo
        self.partner_box.setColumnStretch(2, 1)

    def _partner_step_changed(self) -> None:
        self.dynamics.set_steps({pid: c.currentData() for pid, c in self.partner_steps.items()})
        self._changed()

    def _build_sections(self, template: Template, texts: dict[str, str]) -> None:
        for edit in self._sections:
            edit.textChanged.disconnect(self._changed)
        clear_layout(self.sections_layout)
        prompts = {s.key: s.prompt for s in SECTIONS[template]}
        self._sections = []
        locked = self._note is not None and self._note.signed
        for key, title, text in ordered_sections(template, texts):
            if locked and not text.strip():
                continue  # a signed note reads as the record it is: no empty prompts
            label = QLabel(title)
            label.setStyleSheet("font-weight: 600; margin-top: 6px;")
            edit = SectionEdit(key, prompts.get(key, ""))
            edit.setPlainText(text)
            edit.setAccessibleName(title)
            label.setBuddy(edit)
            edit.textChanged.connect(self._changed)
            self.sections_layout.addWidget(label)
            self.sections_layout.addWidget(edit)
            self._sections.append(edit)

    def _show_signature(self, note: NoteView) -> None:
        locked = note.signed
        for edit in self._sections:
            edit.setReadOnly(locked)
        for w in (
            self.template,
            self.private,
            *self.step_buttons.values(),
            *self.partner_steps.values(),
        ):
            w.setEnabled(not locked)
        self.dynamics.set_locked(locked)
        self.sign_button.setVisible(not locked)
        self.addendum_panel.setVisible(locked)
        if locked and note.signed_at is not None:
            stamp = local_time(note.signed_at).strftime("%d %b %Y %H:%M")
            self.signature.setText(
                self.tr("Signed electronically by %s on %s. This note is locked.")
                % (note.signed_by, stamp)
            )
            self.signature.show()
        else:
            self.signature.hide()
        clear_layout(self.addenda_layout)
        for a in note.addenda:
            label = QLabel(
                self.tr("<b>Addendum, %s, %s</b><br>%s")
                % (
                    local_time(a.created_at).strftime("%d %b %Y %H:%M"),
                    a.author.replace("&", "&amp;").replace("<", "&lt;"),
                    a.body.replace("&", "&amp;").replace("<", "&lt;").replace("\n", "<br>"),
                )
            )
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.addenda_layout.addWidget(label)

    def _update_tab_order(self) -> None:
        """Tab follows the page, top to bottom: how the note is written, its sections,
        an addendum, the Dynamics panel beside it, and signing last."""
        chain: list[QWidget] = [
            self.template,
            self.private,
            *self.step_buttons.values(),
            *self.partner_steps.values(),
            *self._sections,
            self.addendum_edit,
            self.addendum_button,
            *self.dynamics.focus_chain(),
            self.sign_button,
        ]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    def section_edits(self) -> list[SectionEdit]:
        return list(self._sections)

    # ----- saving ---------------------------------------------------------------------

    @property
    def dirty(self) -> bool:
        return self._dirty

    def _template_changed(self) -> None:
        if self._loading or self._note is None:
            return
        texts = self._texts()
        self._loading = True
        try:
            self._build_sections(self.template.currentData(), texts)
            self._update_tab_order()
        finally:
            self._loading = False
        self._changed()

    def _changed(self, *_: object) -> None:
        if self._loading or self._note is None or self._note.signed:
            return
        now = time.monotonic()
        self._dirty = True
        if self._dirty_since is None:
            self._dirty_since = now
        if self._busy_tries:
            return  # "Waiting to save…" stays, and its retry is already planned
        self.save_state.editing()
        if now - self._dirty_since >= MAX_UNSAVED_S:
            self._autosave()
        else:
            self._timer.start(IDLE_MS)

    def _focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        if self._dirty and not self._busy_tries and old is not None and self.isAncestorOf(old):
            self._autosave()

    def _autosave(self) -> None:
        self.save_now(wait=AUTOSAVE_WAIT_S)

    def _texts(self) -> dict[str, str]:
        return {e.key: e.toPlainText() for e in self._sections}

    def draft(self) -> NoteDraft:
        return NoteDraft(
            template=self.template.currentData(),
            sections=self._texts(),
            steps=frozenset(s for s, b in self.step_buttons.items() if b.isChecked()),
            partner_steps={
                pid: combo.currentData()
                for pid, combo in self.partner_steps.items()
                if combo.currentData()
            },
            private=self.private.isChecked(),
            partner_readings=self.dynamics.partner_readings(),
            couple_reading=self.dynamics.couple_reading(),
        )

    def save_now(self, *, wait: float | None = None) -> bool:
        """Save if there is anything unsaved. False if saving failed (the text stays).
        *wait*: give up after that many seconds if another task is writing (autosave)."""
        self._timer.stop()
        if not self._dirty or self._note is None:
            return True
        try:
            saved = notes.save_draft(self._practice.uow(), self._note.id, self.draft(), wait=wait)
        except PracticeBusy:
            self._busy_tries += 1
            self.save_state.waiting()
            self._timer.start(BUSY_RETRY_MS[min(self._busy_tries, len(BUSY_RETRY_MS)) - 1])
            return False
        except Exception as exc:
            self.save_state.failed(explain(exc))
            self._timer.start(RETRY_MS)
            return False
        before = self._note
        self._note = saved
        self._dirty = False
        self._dirty_since = None
        self._busy_tries = 0
        self.save_state.saved(datetime.now())
        self.note_saved.emit(saved.id)
        if (before.steps, before.partner_steps, before.private) != (
            saved.steps,
            saved.partner_steps,
            saved.private,
        ):
            self.tags_changed.emit(saved.id)
        return True

    # ----- signing and addenda --------------------------------------------------------

    def sign(self) -> None:
        if self._note is None or self._note.signed:
            return
        if not self.save_now():
            return
        problem = notes.sign_problem(self._note.sections)
        if problem is not None:  # said first: never "Sign?" and then "cannot be signed"
            QMessageBox.information(self, self.tr("Not signed"), self.tr(problem))
            return
        answer = QMessageBox.question(
            self,
            self.tr("Sign this note?"),
            self.tr(
                "Once signed, this note and its step tags are locked for good. "
                "Corrections can only be added as dated addenda.\n\nSign as %s?"
            )
            % self._practice.clinician.signature,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            signed = notes.sign_note(self._practice.uow(), self._note.id)
        except Exception as exc:
            QMessageBox.warning(self, self.tr("Not signed"), explain(exc))
            return
        self.show_note(signed, self._partners)
        self.note_signed.emit(signed.id)

    def add_addendum(self) -> None:
        if self._note is None:
            return
        try:
            notes.add_addendum(
                self._practice.uow(), self._note.id, self.addendum_edit.toPlainText()
            )
            fresh = notes.open_note(self._practice.uow(), self._note.id)
        except Exception as exc:
            QMessageBox.warning(self, self.tr("Addendum not added"), explain(exc))
            return
        self.addendum_edit.clear()
        self.show_note(fresh, self._partners)
        self.addendum_added.emit(fresh.id)
