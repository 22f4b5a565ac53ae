"""Two people, one note, in the editor: a save refused because someone else saved the
note meanwhile shows theirs beside mine, and each choice does what it says. Nothing typed
is lost on the way: closing the comparison keeps it, and Ctrl+Z works after combining."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from clarity_desktop.domain.records import SessionInput
from clarity_desktop.services import notes, sessions
from clarity_desktop.services.dto import CaseDetail
from clarity_desktop.services.leases import LeaseHolder
from clarity_desktop.store.practice import OpenPractice
from clarity_desktop.ui.common import language
from clarity_desktop.ui.common.settings import Settings
from clarity_desktop.ui.main.main_window import MainWindow
from clarity_desktop.ui.note.note_conflict import ConflictDialog
from clarity_desktop.ui.note.note_editor import NoteEditor
from tests.services.conftest import note_draft
from tests.ui.conftest import ModalAnswerer, click_button
from tests.ui.test_mnemonics import clashes, window_letters

MINE = "They spoke about the move without blaming."
THEIRS = "Noted after the phone call: the move is on hold."


@pytest.fixture
def editor(qtbot: QtBot, practice: OpenPractice, couple_case: CaseDetail) -> NoteEditor:
    s = sessions.create_session(
        practice.uow(), couple_case.id, SessionInput(datetime(2026, 3, 4, 10))
    )
    shown = NoteEditor(practice)
    qtbot.addWidget(shown)
    shown.resize(1100, 800)
    shown.show()
    shown.show_note(notes.note_for_session(practice.uow(), s.id), couple_case.partners)
    return shown


def stored(practice: OpenPractice, editor: NoteEditor) -> dict[str, str]:
    assert editor.note is not None
    return notes.read_note(practice.uow(), editor.note.id).sections


def type_mine_and_collide(qtbot: QtBot, practice: OpenPractice, editor: NoteEditor) -> str:
    """I type; someone else (another program) saves the note; my save is refused."""
    edit = editor.section_edits()[0]
    qtbot.keyClicks(edit, MINE)
    assert editor.note is not None
    notes.save_draft(practice.uow(), editor.note.id, note_draft({edit.key: THEIRS}))
    assert not editor.save_now()
    return edit.key


def answer(
    modal: ModalAnswerer, kind: type[QWidget], then: Callable[[QWidget], None]
) -> list[QWidget]:
    seen: list[QWidget] = []

    def act(w: QWidget) -> None:
        seen.append(w)
        then(w)

    modal.answer(kind, act)
    return seen


def test_the_comparison_shows_theirs_and_mine_and_keep_mine_saves_mine_over_theirs(
    qtbot: QtBot, practice: OpenPractice, editor: NoteEditor, modal: ModalAnswerer, tmp_path: Path
) -> None:
    def look_then_keep_mine(w: QWidget) -> None:
        assert isinstance(w, ConflictDialog)
        key = editor.section_edits()[0].key
        assert w.theirs_views[key].toPlainText() == THEIRS
        assert w.theirs_views[key].isReadOnly()
        assert w.mine_edits[key].toPlainText() == MINE
        assert not w.combined_button.isEnabled()  # nothing combined yet
        assert w.grab().save(str(tmp_path / "conflict_comparison.png"))
        click_button(w, "Keep mine")

    seen = answer(modal, ConflictDialog, look_then_keep_mine)
    key = type_mine_and_collide(qtbot, practice, editor)
    qtbot.waitUntil(lambda: bool(seen) and not editor.dirty, timeout=10000)
    assert stored(practice, editor) == {key: MINE}
    assert editor.banner.isHidden()
    # Saving goes on against the version just saved: no second comparison.
    qtbot.keyClicks(editor.section_edits()[0], " More.")
    assert editor.save_now()
    assert stored(practice, editor) == {key: MINE + " More."}


def test_keep_theirs_asks_first_then_shows_theirs(
    qtbot: QtBot, practice: OpenPractice, editor: NoteEditor, modal: ModalAnswerer
) -> None:
    answer(modal, ConflictDialog, lambda w: click_button(w, "Keep theirs…"))
    confirmed = answer(modal, QMessageBox, lambda w: click_button(w, "Discard mine"))
    key = type_mine_and_collide(qtbot, practice, editor)
    qtbot.waitUntil(lambda: bool(confirmed) and not editor.dirty, timeout=10000)
    assert editor.section_edits()[0].toPlainText() == THEIRS
    assert stored(practice, editor) == {key: THEIRS}
    assert editor.banner.isHidden()
    qtbot.keyClicks(editor.section_edits()[0], " Still on hold.")
    assert editor.save_now()  # against theirs now


def test_a_combined_version_is_saved_and_ctrl_z_in_the_editor_gets_mine_back(
    qtbot: QtBot, practice: OpenPractice, editor: NoteEditor, modal: ModalAnswerer
) -> None:
    def combine(w: QWidget) -> None:
        assert isinstance(w, ConflictDialog)
        mine = next(iter(w.mine_edits.values()))
        click_button(w, "Copy theirs into mine")
        assert mine.toPlainText() == THEIRS
        mine.undo()  # the copy is one step
        assert mine.toPlainText() == MINE
        mine.moveCursor(mine.textCursor().MoveOperation.End)
        qtbot.keyClicks(mine, " " + THEIRS)
        assert w.combined_button.isEnabled()
        click_button(w, "Save combined")

    seen = answer(modal, ConflictDialog, combine)
    key = type_mine_and_collide(qtbot, practice, editor)
    qtbot.waitUntil(lambda: bool(seen) and not editor.dirty, timeout=10000)
    both = f"{MINE} {THEIRS}"
    assert stored(practice, editor) == {key: both}
    edit = editor.section_edits()[0]
    assert edit.toPlainText() == both
    edit.undo()
    assert edit.toPlainText() == MINE


def test_esc_chooses_nothing_keeps_my_text_and_pauses_with_a_banner(
    qtbot: QtBot, practice: OpenPractice, editor: NoteEditor, modal: ModalAnswerer, tmp_path: Path
) -> None:
    def edit_then_escape(w: QWidget) -> None:
        assert isinstance(w, ConflictDialog)
        mine = next(iter(w.mine_edits.values()))
        mine.moveCursor(mine.textCursor().MoveOperation.End)
        qtbot.keyClicks(mine, " Edited here.")
        qtbot.keyClick(w, Qt.Key.Key_Escape)

    seen = answer(modal, ConflictDialog, edit_then_escape)
    key = type_mine_and_collide(qtbot, practice, editor)
    qtbot.waitUntil(lambda: bool(seen) and editor.guard.dialog is None)
    edit = editor.section_edits()[0]
    assert edit.toPlainText() == MINE + " Edited here."  # what I edited there came back
    assert editor.banner.isVisible()
    assert "Not saved: this note changed elsewhere" in editor.banner.message.text()
    assert editor.banner.compare_button.isVisible()
    assert editor.save_state.text() == "Not saved"
    assert editor.grab().save(str(tmp_path / "conflict_banner.png"))
    qtbot.keyClicks(edit, " And more.")  # typing on saves nothing while paused
    qtbot.wait(1500)
    assert not editor.save_now()
    assert stored(practice, editor) == {key: THEIRS}

    again = answer(modal, ConflictDialog, lambda w: click_button(w, "Keep mine"))
    editor.banner.compare_button.click()
    qtbot.waitUntil(lambda: bool(again) and not editor.dirty, timeout=10000)
    assert stored(practice, editor) == {key: MINE + " Edited here. And more."}


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_banners_letters_clash_with_nothing_in_the_window(
    qtbot: QtBot, practice: OpenPractice, couple_case: CaseDetail, settings: Settings, lang: str
) -> None:
    assert language.install(lang)  # put back by tests/conftest.py's interface_language_restored
    s = sessions.create_session(
        practice.uow(), couple_case.id, SessionInput(datetime(2026, 3, 2, 9))
    )
    main = MainWindow(practice, settings)
    qtbot.addWidget(main)
    main.resize(1440, 900)
    main.show()
    main.case_list.select_case(couple_case.id)
    main.case_panel.select_session(s.id)
    qtbot.waitUntil(lambda: main.editor.note is not None)
    banner = main.editor.banner
    banner.show_conflict()
    assert banner.compare_button.isVisibleTo(main)
    assert clashes(window_letters(main)) == {}
    someone = LeaseHolder(7, "Dana Reyes", datetime.now(UTC), True, couple_case.id)
    banner.show_holder(someone, me=False)
    assert banner.take_over_button.isVisibleTo(main) and banner.check_button.isVisibleTo(main)
    assert clashes(window_letters(main)) == {}
