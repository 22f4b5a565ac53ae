"""The note editor: sections, step tags, each partner's step, privacy, signing, addenda.
Its widgets and their layout are in note_page.py; here is what it does with them.

Drafts save themselves; when, is decided by autosave.py (one second after typing
pauses, at least every two seconds while it goes on, when focus leaves, before the note
is left; a busy practice is retried calmly). Saving runs on the GUI thread because it
takes a few milliseconds; a failed save keeps the text, says so, and tries again. The
draft stays in the editor all the while; nothing typed is lost. Saves the user asked
for (leaving the note, signing, locking) wait as long as the database does.

Two people, one note (note_guard.py): a draft is saved against the version this editor
read or last saved; a save refused because someone else saved meanwhile pauses the
editor and shows theirs beside it to choose or combine. While the note is open here its
edit lease is held, so others read it without editing it; someone who takes it over
leaves this editor reading.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QLabel,
    QMessageBox,
    QWidget,
)

from clarity_desktop.domain.errors import EditConflict, PracticeBusy
from clarity_desktop.domain.locked_text import LOCKED_SECTION, is_locked
from clarity_desktop.domain.steps import Step
from clarity_desktop.domain.templates import SECTIONS, Template, ordered_sections
from clarity_desktop.services import notes, plan_goals
from clarity_desktop.services.dto import NoteDraft, NoteView, PartnerView
from clarity_desktop.services.practices import OpenPractice
from clarity_desktop.ui.common import labels
from clarity_desktop.ui.common.errors import explain
from clarity_desktop.ui.common.messages import error_text
from clarity_desktop.ui.common.models import when
from clarity_desktop.ui.note import autosave, note_find, note_guard, note_parts
from clarity_desktop.ui.note.autosave import AutosavePolicy, Next
from clarity_desktop.ui.note.note_page import NotePage
from clarity_desktop.ui.note.note_parts import local_time
from clarity_desktop.ui.note.note_widgets import (
    SectionEdit,
    clear_layout,
)
from clarity_desktop.ui.note.review_bar import ReviewBar


class NoteEditor(NotePage):
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
        self.policy = AutosavePolicy()
        self._sections: list[SectionEdit] = []
        self._joint = False
        self.guard = note_guard.EditGuard(self, self)  # the lease and a refused save's choice

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._autosave)

        for b in self.step_buttons.values():
            b.toggled.connect(self._changed)
        self.sign_button.clicked.connect(self.sign)
        self.addendum_panel.add_requested.connect(self.add_addendum)
        self.dynamics.changed.connect(self._changed)
        self.goals_panel.changed.connect(self._changed)
        self.template.currentIndexChanged.connect(self._template_changed)
        self.private.toggled.connect(self._changed)
        QShortcut(QKeySequence("Ctrl+Shift+S"), self, self.sign).setWhatsThis(
            self.tr("Sign and lock the note (asks first)")
        )
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)
        self._setup_review()

    def set_practice(self, practice: OpenPractice) -> None:
        """After unlocking again. The note's lease is kept: its connection is its own."""
        self._practice = practice

    @property
    def practice(self) -> OpenPractice:
        return self._practice

    @property
    def partners(self) -> tuple[PartnerView, ...]:
        return self._partners

    # ----- showing a note -------------------------------------------------------------

    @property
    def note(self) -> NoteView | None:
        return self._note

    def show_note(self, note: NoteView, partners: tuple[PartnerView, ...]) -> None:
        self._loading = True
        try:
            self.guard.showing(note)
            self._note = note
            self._partners = tuple(p for p in partners if note.attending_partner_id in (None, p.id))
            self.header.setText(
                f"{note.case_name} · {when(note.session_starts_at)} · {labels.text(note.attending_label)}"
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
            self._show_goals(note)
            self._show_signature(note)
            self._show_review(note)
            self._update_tab_order()
            QTimer.singleShot(0, self, self._fit_dynamics)  # once the new fields are laid out
            self.policy.shown()
            self.save_state.saved(None if note.signed else local_time(note.updated_at))
        finally:
            self._loading = False
        self.guard.shown(note)
        self.empty.hide()
        self.content.show()

    def clear(self) -> None:
        self._timer.stop()
        self.guard.cleared()
        self.policy.cleared()
        self._note = None
        self.content.hide()
        self.empty.show()

    def _show_goals(self, note: NoteView) -> None:
        """The plan's goals and the ones this note worked on (none shown without a plan)."""
        try:
            goals = plan_goals.note_goals(self._practice.uow(), note.id)
        except Exception:  # the note still opens; the goals are only missing from view
            self.goals_panel.hide()
            return
        self.goals_panel.set_goals(goals, {p.id: p.name for p in self._partners})

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
                combo.addItem(labels.step_label(step), step)
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
        prompts = {s.key: labels.text(s.prompt_for(self._joint)) for s in SECTIONS[template]}
        self._sections = []
        locked = self._note is not None and self._note.signed
        unopened = is_locked(texts)  # a case whose key this reader does not hold (yet)
        shown = ordered_sections(template, texts)
        for key, title, text in [s for s in shown if s[0] == LOCKED_SECTION] if unopened else shown:
            if unopened:
                text = labels.text(text)
            elif locked and not text.strip():
                continue  # a signed note reads as the record it is: no empty prompts
            title = labels.text(title)
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

    def apply_locks(self) -> None:
        """Read-only when signed, or while someone else edits the note (its lease)."""
        note = self._note
        if note is None:
            return
        locked = note.signed or self.guard.reading_only or is_locked(note.sections)
        for edit in self._sections:
            edit.setReadOnly(locked)
        for w in (
            self.template,
            self.private,
            *self.step_buttons.values(),
            *self.partner_steps.values(),
        ):
            w.setEnabled(not locked)
        self.goals_panel.setEnabled(not self.guard.reading_only)
        self.dynamics.set_locked(locked)
        self.sign_button.setVisible(not locked)

    def _show_signature(self, note: NoteView) -> None:
        locked = note.signed
        self.apply_locks()
        self.addendum_panel.setVisible(locked)
        self.signature.setText(note_parts.signature_text(note))
        self.signature.setVisible(locked and note.signed_at is not None)
        self.addendum_panel.show_addenda(note.addenda)

    def _update_tab_order(self) -> None:
        """Tab follows the page, top to bottom: how the note is written, its sections,
        an addendum, the Dynamics panel beside it, and signing last."""
        chain: list[QWidget] = [
            self.template,
            self.private,
            *self.step_buttons.values(),
            *self.partner_steps.values(),
            *self.goals_panel.focus_chain(),
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
        return self.policy.dirty

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
        if self._loading or self._note is None or self._note.signed or self.guard.reading_only:
            return
        then = self.policy.edited()
        if self.guard.paused:
            return  # a refused save waits for a choice: nothing saves meanwhile
        if then is Next.KEEP_WAITING:
            return  # "Waiting to save…" stays, and its retry is already planned
        self.save_state.editing()
        if then is Next.SAVE_NOW:
            self._autosave()
        else:
            self._timer.start(autosave.IDLE_MS)

    def _focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        if old is not None and self.policy.save_on_focus_leaving() and self.isAncestorOf(old):
            self._autosave()

    def _autosave(self) -> None:
        self.save_now(wait=autosave.AUTOSAVE_WAIT_S)

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
        if not self.policy.needs_saving() or self._note is None:
            return True
        if self.guard.paused or self.guard.reading_only:
            return False  # the banner says why; the text stays
        note = self._note
        try:
            saved = notes.save_draft(
                self._practice.uow(),
                note.id,
                self.draft(),
                wait=wait,
                base_version=note.row_version,
            )
            if self.goals_panel.dirty:
                plan_goals.set_note_goals(
                    self._practice.uow(), self._note.id, self.goals_panel.links(), wait=wait
                )
                self.goals_panel.mark_saved()
        except PracticeBusy:
            self.save_state.waiting()
            self._timer.start(self.policy.busy())
            return False
        except EditConflict as exc:
            self.guard.refused(exc.theirs)
            return False
        except Exception as exc:
            self.save_state.failed(explain(exc))
            self._timer.start(self.policy.failed())
            return False
        before = self._note
        self._note = saved
        self.policy.saved()
        self.save_state.saved(datetime.now().astimezone())
        self.note_saved.emit(saved.id)
        if (before.steps, before.partner_steps, before.private) != (
            saved.steps,
            saved.partner_steps,
            saved.private,
        ):
            self.tags_changed.emit(saved.id)
        self.guard.saved()
        return True

    def save_over(self, theirs: NoteView) -> bool:
        """Save what the editor holds over *theirs*, knowingly (the comparison's choice):
        against their version from now on, so a retry does not ask again."""
        self._note = theirs
        self.policy.edited()
        return self.save_now()

    # ----- signing and addenda --------------------------------------------------------

    def sign(self) -> None:
        if self._note is None or self._note.signed:
            return
        if not self.save_now():
            return
        problem = notes.sign_problem(self._note.sections)
        if problem is not None:  # said first: never "Sign?" and then "cannot be signed"
            QMessageBox.information(self, self.tr("Not signed"), error_text(problem))
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
        return note_find.show_hit(
            self.section_edits(), self.addendum_panel.mark, self.note_scroll, words
        )

    def add_addendum(self) -> None:
        if self._note is None:
            return
        try:
            # One transaction: the addendum, and the note as it now stands (no re-read).
            fresh = notes.amend_note(
                self._practice.uow(), self._note.id, self.addendum_edit.toPlainText()
            )
        except Exception as exc:
            QMessageBox.warning(self, self.tr("Addendum not added"), explain(exc))
            return
        self.addendum_edit.clear()
        self.show_note(fresh, self._partners)
        self.addendum_added.emit(fresh.id)

    # ----- supervision (review_bar.py) -------------------------------------------------

    def _setup_review(self) -> None:
        self.review_bar = ReviewBar(self.save_now)
        self._body.insertWidget(self._body.indexOf(self.signature) + 1, self.review_bar)
        self.review_bar.review_changed.connect(self._review_changed)
        self.review_bar.cosigned.connect(self._cosigned)

    def _show_review(self, note: NoteView) -> None:
        """Where the note stands with a supervisor; while they have it, it is read-only."""
        self.review_bar.show_note(self._practice, note)
        if not self.review_bar.holds_draft:
            return
        for edit in self._sections:
            edit.setReadOnly(True)
        for w in (self.template, self.private, *self.step_buttons.values()):
            w.setEnabled(False)
        for combo in self.partner_steps.values():
            combo.setEnabled(False)
        self.dynamics.set_locked(True)

    def _review_changed(self, note_id: int) -> None:
        try:
            fresh = notes.read_note(self._practice.uow(), note_id)
        except Exception as exc:
            QMessageBox.warning(self, self.tr("Note not refreshed"), explain(exc))
            return
        self.show_note(fresh, self._partners)
        self.note_saved.emit(note_id)

    def _cosigned(self, view: NoteView) -> None:
        self.show_note(view, self._partners)
        self.note_signed.emit(view.id)
