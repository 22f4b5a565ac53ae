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
from collections.abc import Sequence
from datetime import datetime

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from clarity_desktop.domain.errors import PracticeBusy
from clarity_desktop.domain.steps import Step
from clarity_desktop.domain.templates import SECTIONS, Template, ordered_sections
from clarity_desktop.services import notes
from clarity_desktop.services.dto import NoteDraft, NoteView, PartnerView
from clarity_desktop.services.practices import OpenPractice
from clarity_desktop.ui.common import appearance, dates
from clarity_desktop.ui.common.models import when
from clarity_desktop.ui.dashboard.dynamics_panel import DynamicsPanel
from clarity_desktop.ui.note import note_find
from clarity_desktop.ui.note.note_addenda import AddendaPanel
from clarity_desktop.ui.note.note_panes import NotePanes
from clarity_desktop.ui.note.note_parts import SaveState, local_time
from clarity_desktop.ui.note.note_widgets import (
    FlowLayout,
    SectionEdit,
    StepButton,
    StepGrid,
    clear_layout,
)
from clarity_desktop.ui.practice.unlock import explain

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
        self._joint = False

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
        template_label = QLabel(self.tr("Te&mplate"))
        template_label.setBuddy(self.template)
        self.private = QCheckBox(self.tr("P&rivate (individual content)"))
        self.private.setToolTip(
            self.tr(
                "Private notes never go into anything printed for clients unless you add them on purpose."
            )
        )

        self.step_buttons: dict[Step, QPushButton] = {}
        for step in Step:
            b = StepButton(step.label)
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
        self.steps_grid = StepGrid(list(self.step_buttons.values()))
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

        self.addendum_panel = AddendaPanel()
        self.addendum_panel.add_requested.connect(self.add_addendum)
        self.addendum_edit = self.addendum_panel.edit
        self.addendum_button = self.addendum_panel.button

        body = QWidget()
        self._body = bl = QVBoxLayout(body)
        bl.setContentsMargins(12, 12, 12, 12)
        top = FlowLayout()
        template_row = QWidget()
        tl = QHBoxLayout(template_row)
        tl.setContentsMargins(0, 0, 0, 0)
        tl.addWidget(template_label)
        tl.addWidget(self.template)
        top.addWidget(template_row)
        top.addWidget(self.private)
        bl.addLayout(top)
        bl.addWidget(self.signature)
        steps_title = QLabel(self.tr("Steps worked on"))
        steps_title.setStyleSheet("font-weight: 600;")
        bl.addWidget(steps_title)
        bl.addWidget(self.steps_grid)
        self.partner_title = QLabel(self.tr("Where each partner stands"))
        self.partner_title.setStyleSheet("font-weight: 600;")
        bl.addWidget(self.partner_title)
        bl.addLayout(self.partner_box)
        bl.addWidget(self.sections_host)
        bl.addWidget(self.addendum_panel)
        bl.addStretch(1)
        self.dynamics = DynamicsPanel()
        self.dynamics.changed.connect(self._changed)
        # Beside the note where both fit, else below it (note_panes.py).
        self.panes = NotePanes(body, bl, self.dynamics, below_before=self.addendum_panel)
        self.note_scroll = self.panes.note_scroll
        self.dynamics_scroll = self.panes.dynamics_scroll

        # Says one thing, and only when there is a session to choose (main_window).
        self.empty = QLabel(self.tr("Choose a session to read or write its note."))
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
        cl.addWidget(self.panes, 1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(8, 8, 8, 8)
        outer.addWidget(self.empty)
        outer.addWidget(self.content)
        self.content.hide()

        self.template.currentIndexChanged.connect(self._template_changed)
        self.private.toggled.connect(self._changed)
        QShortcut(QKeySequence("Ctrl+Shift+S"), self, self.sign).setWhatsThis(
            self.tr("Sign and lock the note (asks first)")
        )
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)

    def _fit_dynamics(self) -> None:
        self.steps_grid.refit()
        self.panes.fit()

    @property
    def dynamics_below(self) -> bool:
        """True when the Dynamics panel sits below the note rather than beside it."""
        return self.panes.stacked

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            QTimer.singleShot(0, self, self.steps_grid.refit)  # once the buttons have the font

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
            self._joint = note.attending_partner_id is None and len(partners) == 2
            self._build_partner_steps(note)
            self.dynamics.set_partners(self._partners, joint=self._joint)
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
        if len(self._partners) == 1:  # an individual case, or one partner seen alone
            self.partner_title.setText(self.tr("Where %s stands") % self._partners[0].name)
        else:
            self.partner_title.setText(self.tr("Where each partner stands"))
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
        prompts = {s.key: s.prompt_for(self._joint) for s in SECTIONS[template]}
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
            stamp = dates.utc_day_time(note.signed_at)
            self.signature.setText(
                self.tr("Signed electronically by %s on %s. This note is locked.")
                % (note.signed_by, stamp)
            )
            self.signature.show()
        else:
            self.signature.hide()
        self.addendum_panel.show_addenda(note.addenda)

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
        self.save_state.saved(datetime.now().astimezone())
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
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Sign this note?"),
            self.tr(
                "Once signed, this note and its step tags are locked for good. "
                "Corrections can only be added as dated addenda.\n\nSign as %s?"
            )
            % self._practice.clinician.signature,
            QMessageBox.StandardButton.Cancel,
            self,
        )
        sign = box.addButton(self.tr("Sign note"), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        if box.clickedButton() is not sign:
            return
        try:
            signed = notes.sign_note(self._practice.uow(), self._note.id)
        except Exception as exc:
            QMessageBox.warning(self, self.tr("Not signed"), explain(exc))
            return
        self.show_note(signed, self._partners)
        self.note_signed.emit(signed.id)

    def show_addendum_box(self) -> None:
        """Note ▸ Add addendum: bring the box into view and put the cursor in it."""
        if self._note is None or not self._note.signed:
            return
        self.note_scroll.ensureWidgetVisible(self.addendum_panel)
        self.note_scroll.ensureWidgetVisible(self.addendum_button)
        self.addendum_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def focus_first_field(self) -> None:
        """Ctrl+1 and a new session: the cursor goes where the note is written."""
        if self._note is None:
            return
        if self._sections:
            self.note_scroll.ensureWidgetVisible(self._sections[0])
            self._sections[0].setFocus(Qt.FocusReason.ShortcutFocusReason)
        elif self._note.signed:
            self.show_addendum_box()

    def show_hit(self, words: Sequence[str]) -> bool:
        """Mark *words* (from a search result) wherever they stand in this note and
        scroll to the first; False if none was found (note_find.py)."""
        return note_find.show_hit(self, words)

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
