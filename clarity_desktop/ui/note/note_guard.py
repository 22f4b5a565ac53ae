"""Two people, one note, as the note editor lives it: the note's edit lease while it is
open here, and what happens when a save is refused because the note changed elsewhere.

The lease (services/leases.py): taken when a draft is shown, let go when the editor
leaves it. Held by someone else, the note shows read-only under a banner naming them and
since when, with "Check again" and, for their supervisor, an administrator or the same
person elsewhere, "Take over editing…" (asks for the reason the audit keeps). Checked
after each save: if someone took it over meanwhile, this editor goes on reading (its last
save went through first, against the version it had read, so nothing was overwritten).

A refused save (EditConflict): autosave pauses, the header says "Not saved" and the
banner why, and the comparison opens (note_conflict.py). Keep mine and Save combined
save over their version, knowingly; Keep theirs shows theirs after asking; closing it
chooses nothing and keeps every word in the editor, where Ctrl+Z still works.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QObject, QTimer, SignalInstance
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox, QWidget

from clarity_desktop.services import leases, notes
from clarity_desktop.services.dto import NoteDraft, NoteView, PartnerView
from clarity_desktop.services.leases import Lease, LeaseHolder
from clarity_desktop.services.practices import OpenPractice
from clarity_desktop.ui.common.errors import explain
from clarity_desktop.ui.note.note_conflict import Choice, ConflictDialog, replace_text
from clarity_desktop.ui.note.note_lease import NoteBanner
from clarity_desktop.ui.note.note_parts import SaveState
from clarity_desktop.ui.note.note_widgets import SectionEdit


class Editor(Protocol):
    """What the guard asks of the note editor (note_editor.py), which owns it."""

    banner: NoteBanner
    save_state: SaveState
    note_saved: SignalInstance
    tags_changed: SignalInstance

    @property
    def practice(self) -> OpenPractice: ...

    @property
    def note(self) -> NoteView | None: ...

    @property
    def partners(self) -> tuple[PartnerView, ...]: ...

    def section_edits(self) -> list[SectionEdit]: ...

    def draft(self) -> NoteDraft: ...

    def show_note(self, note: NoteView, partners: tuple[PartnerView, ...]) -> None: ...

    def apply_locks(self) -> None: ...

    def save_over(self, theirs: NoteView) -> bool: ...


class EditGuard(QObject):
    def __init__(self, editor: Editor, widget: QWidget) -> None:
        super().__init__(widget)
        self._widget = widget  # the editor itself, as the parent of what the guard asks
        self._editor = editor
        self._lease: Lease | None = None
        self.holder: LeaseHolder | None = None  # someone else edits the note just now
        self.theirs: NoteView | None = None  # a refused save's other version
        self.dialog: ConflictDialog | None = None  # the comparison, while it is open
        editor.banner.compare_requested.connect(self.compare)
        editor.banner.take_over_requested.connect(self.take_over)
        editor.banner.check_again_requested.connect(self.check_again)

    @property
    def paused(self) -> bool:
        """A save was refused; nothing saves until the person chooses."""
        return self.theirs is not None

    @property
    def reading_only(self) -> bool:
        return self.holder is not None

    # ----- the lease ----------------------------------------------------------------

    def showing(self, note: NoteView) -> None:
        """A note is about to be shown: take its lease (or learn who holds it)."""
        self.theirs = None
        if self._lease is not None and (self._lease.note_id != note.id or note.signed):
            self.release()
        self.holder = None
        if note.signed or self._lease is not None:
            return
        try:
            got = leases.hold_lease(self._editor.practice, note.id)
        except Exception:  # the note still opens; saves are guarded by its version anyway
            return
        if isinstance(got, LeaseHolder):
            self.holder = got
        else:
            self._lease = got

    def shown(self, note: NoteView) -> None:
        self._show_banner()

    def cleared(self) -> None:
        self.release()
        self.holder = None
        self.theirs = None
        self._editor.banner.hide()

    def release(self) -> None:
        lease, self._lease = self._lease, None
        if lease is not None:
            lease.release()

    def _mine(self, holder: LeaseHolder) -> bool:
        return holder.user_id == self._editor.practice.principal.user_id

    def _show_banner(self, *, taken: bool = False) -> None:
        banner = self._editor.banner
        if self.holder is not None:
            banner.show_holder(self.holder, me=self._mine(self.holder), taken=taken)
        elif self.theirs is not None:
            banner.show_conflict()
        else:
            banner.hide()

    def saved(self) -> None:
        """After a save: is the note still ours? If someone took it over, read on."""
        note = self._editor.note
        if self._lease is None or note is None or self._lease.held():
            return
        self.release()
        try:
            got = leases.hold_lease(self._editor.practice, note.id)
        except Exception:
            return
        if isinstance(got, LeaseHolder):
            self.holder = got
            self._editor.apply_locks()
            self._show_banner(taken=True)
        else:
            self._lease = got  # the connection dropped, and nobody took the note meanwhile

    def check_again(self) -> None:
        """The note as it now stands, for editing if it is free."""
        editor = self._editor
        note = editor.note
        if note is None:
            return
        try:
            fresh = notes.read_note(editor.practice.uow(), note.id)
        except Exception as exc:
            QMessageBox.warning(self._widget, self.tr("Note not opened"), explain(exc))
            return
        editor.show_note(fresh, editor.partners)

    def take_over(self) -> None:
        editor, holder = self._editor, self.holder
        note = editor.note
        if holder is None or note is None:
            return
        reason, ok = QInputDialog.getText(
            self._widget,
            self.tr("Take over editing"),
            self.tr(
                "%s has this note open for editing. Taking over closes it in their "
                "program; what they saved stays saved.\n\nWhy are you taking over? "
                "The reason is kept in the audit trail."
            )
            % holder.name,
            QLineEdit.EchoMode.Normal,
        )
        if not ok:
            return
        try:
            got = leases.take_over(editor.practice, note.id, reason)
        except Exception as exc:
            QMessageBox.warning(self._widget, self.tr("Not taken over"), explain(exc))
            return
        if isinstance(got, LeaseHolder):  # someone else was quicker
            self.holder = got
            self._show_banner()
            return
        self._lease = got
        self.check_again()

    # ----- a refused save -------------------------------------------------------------

    def refused(self, theirs: object) -> None:
        """Someone else saved the note since this editor read it: pause, and compare."""
        editor = self._editor
        note = editor.note
        if note is None:
            return
        if not isinstance(theirs, NoteView):  # refused in the write itself: read theirs
            try:
                theirs = notes.read_note(editor.practice.uow(), note.id)
            except Exception as exc:
                editor.save_state.failed(explain(exc))
                return
        assert isinstance(theirs, NoteView)
        self.theirs = theirs
        editor.save_state.paused(self.tr("Not saved: this note changed elsewhere"))
        self._show_banner()
        QTimer.singleShot(0, self, self.compare)  # once the save that found it has returned

    def compare(self) -> None:
        editor, theirs = self._editor, self.theirs
        if theirs is None or editor.note is None or self.dialog is not None:
            return
        keys = [e.key for e in editor.section_edits()]
        self.dialog = dialog = ConflictDialog(theirs, editor.draft(), keys, self._widget)
        try:
            dialog.exec()
        finally:
            self.dialog = None
            dialog.deleteLater()
        if self.theirs is not theirs:
            return  # the editor moved on meanwhile
        if dialog.choice is Choice.THEIRS:
            if self._discard_confirmed():
                self.theirs = None
                editor.show_note(theirs, editor.partners)
                editor.note_saved.emit(theirs.id)
                editor.tags_changed.emit(theirs.id)
            else:
                QTimer.singleShot(0, self, self.compare)
            return
        if dialog.choice is not Choice.MINE:
            self._take_back(dialog.combined())  # closed or combined: the text comes back
        if dialog.choice is Choice.NONE:
            return
        self.theirs = None
        self._show_banner()
        editor.save_over(theirs)

    def _take_back(self, texts: dict[str, str]) -> None:
        """The comparison's column of yours into the editor, each section one undoable step."""
        for edit in self._editor.section_edits():
            if edit.key in texts:
                replace_text(edit, texts[edit.key])

    def _discard_confirmed(self) -> bool:
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Keep theirs?"),
            self.tr(
                "Your unsaved changes to this note will be discarded, and the note will "
                "show the version saved elsewhere."
            ),
            QMessageBox.StandardButton.Cancel,
            self._widget,
        )
        discard = box.addButton(self.tr("Discard mine"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is discard
