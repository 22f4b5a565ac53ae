"""Supervision in the window, on a practice server (Sam Okafor, PhD supervises Dana Reyes,
LMFT): Sam's Today view lists what waits for him, oldest first, each opening its note;
the note editor's review bar submits, returns with comments, approves and co-signs, and a
submitted draft cannot be typed into. A solo practice never shows any of it.

SUPERVISION_SHOTS=<folder> saves the queue and the co-signed note as PNGs to look at."""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from clarity_desktop.domain.records import SessionInput
from clarity_desktop.domain.supervision import SupervisionMode
from clarity_desktop.services import cases, notes, sessions, supervision
from clarity_desktop.services.dto import CaseDetail
from clarity_desktop.services.practices import OpenPractice
from clarity_desktop.ui.note.note_editor import NoteEditor
from clarity_desktop.ui.practice.review_queue import ReviewQueueModel
from clarity_desktop.ui.practice.today_view import TodayView
from tests.services.conftest import note_draft
from tests.services.test_supervision import Group, group

__all__ = ["group"]


def shot(qtbot: QtBot, widget: QWidget, name: str) -> None:
    folder = os.environ.get("SUPERVISION_SHOTS")
    if folder:
        qtbot.wait(50)  # the layout settles as it does on screen
        widget.grab().save(str(Path(folder) / name))


def editor_for(
    qtbot: QtBot, practice: OpenPractice, note_id: int, after: NoteEditor | None = None
) -> NoteEditor:
    """The note in an editor; `after`, the editor someone used before, closes its note
    first (it would otherwise keep the note's edit lease, and this one only read it)."""
    if after is not None:
        after.clear()
    editor = NoteEditor(practice)
    qtbot.addWidget(editor)
    editor.resize(1200, 900)
    view = notes.open_note(practice.uow(), note_id)
    editor.show_note(view, cases.open_case(practice.uow(), view.case_id).partners)
    editor.show()
    return editor


def test_the_supervisors_today_lists_what_waits_oldest_first_and_opens_it(
    qtbot: QtBot, group: Group
) -> None:
    group.supervise(SupervisionMode.COSIGN)
    first = group.draft("They slowed the loop down before it tightened.")
    second = group.draft("Robin asked for space without leaving the room.")
    supervision.submit(group.dana.uow(), first)
    notes.sign_note(group.dana.uow(), first)  # waits for Sam's co-signature
    supervision.submit(group.dana.uow(), second)  # waits for his review
    today = TodayView(group.sam)
    qtbot.addWidget(today)
    today.resize(1200, 800)
    today.show()
    today.refresh()
    assert today.reviews.isVisible() and today.review_table.isVisible()
    model = today.reviews.model
    rows = [model.row_at(r) for r in range(model.rowCount())]
    assert [(r.note_id, r.supervisee) for r in rows] == [
        (first, "Dana Reyes"),
        (second, "Dana Reyes"),
    ]
    assert [model.index(r, ReviewQueueModel.FOR).data() for r in range(2)] == [
        "Your co-signature",
        "Your review",
    ]
    shot(qtbot, today, "supervision_queue.png")
    holder = today.review_table.indexWidget(model.index(1, ReviewQueueModel.ACTIONS))
    [button] = holder.findChildren(type(today.refresh_button))
    with qtbot.waitSignal(today.note_requested) as opened:
        button.click()
    assert opened.args == [rows[1].case_id, rows[1].session_id]

    dana_today = TodayView(group.dana)  # she supervises nobody: no queue at all
    qtbot.addWidget(dana_today)
    dana_today.show()
    dana_today.refresh()
    assert not dana_today.reviews.isVisible()


def test_submit_return_with_comments_and_approve_in_the_editor(qtbot: QtBot, group: Group) -> None:
    group.supervise(SupervisionMode.APPROVE)
    note_id = group.draft()
    dana = editor_for(qtbot, group.dana, note_id)
    bar = dana.review_bar
    assert bar.isVisible() and bar.submit_button.isVisible()
    assert "Sam Okafor approves your notes" in bar.text.text()
    bar.submit_button.click()
    assert "Submitted to Sam Okafor for review" in bar.text.text()
    assert not bar.submit_button.isVisible()
    assert all(e.isReadOnly() for e in dana.section_edits())
    assert not dana.private.isEnabled()

    sam = editor_for(qtbot, group.sam, note_id, after=dana)
    assert sam.review_bar.return_button.isVisible() and sam.review_bar.approve_button.isVisible()
    assert "Dana Reyes, LMFT submitted this note for your review" in sam.review_bar.text.text()
    sam.review_bar.return_button.click()  # without a comment: said, nothing sent
    assert "Please write what should change" in sam.review_bar.problem.text()
    sam.review_bar.comment.setPlainText("Add what Robin said when the loop started.")
    shot(qtbot, sam, "supervision_review_bar.png")
    sam.review_bar.return_button.click()
    assert not sam.review_bar.return_button.isVisible()

    dana = editor_for(qtbot, group.dana, note_id, after=sam)
    assert "Add what Robin said when the loop started." in dana.review_bar.text.text()
    assert not any(e.isReadOnly() for e in dana.section_edits())
    dana.section_edits()[0].setPlainText("Robin: 'I chase when I feel alone.'")
    dana.review_bar.submit_button.click()  # saves what was typed first
    assert notes.read_note(group.dana.uow(), note_id).sections["focus"].startswith("Robin:")
    sam = editor_for(qtbot, group.sam, note_id, after=dana)
    sam.review_bar.approve_button.click()
    dana = editor_for(qtbot, group.dana, note_id, after=sam)
    assert "You can sign it now" in dana.review_bar.text.text()


def test_a_cosigned_note_says_who_cosigned(qtbot: QtBot, group: Group) -> None:
    group.supervise(SupervisionMode.COSIGN)
    note_id = group.draft()
    supervision.submit(group.dana.uow(), note_id)
    notes.sign_note(group.dana.uow(), note_id)
    sam = editor_for(qtbot, group.sam, note_id)
    bar = sam.review_bar
    assert bar.cosign_button.isVisible()
    bar.confirm_cosign = lambda: True  # type: ignore[method-assign]
    with qtbot.waitSignal(sam.note_signed):
        bar.cosign_button.click()
    assert "Co-signed by Sam Okafor, PhD on" in sam.signature.text()
    assert not bar.isVisible()
    dana = editor_for(qtbot, group.dana, note_id)
    assert "Co-signed by Sam Okafor, PhD on" in dana.signature.text()
    assert "Signed electronically by Dana Reyes, LMFT" in dana.signature.text()
    shot(qtbot, dana, "supervision_cosigned_note.png")


def test_a_solo_practice_shows_no_supervision(
    qtbot: QtBot, practice: OpenPractice, individual_case: CaseDetail
) -> None:
    s = sessions.create_session(
        practice.uow(), individual_case.id, SessionInput(datetime(2026, 3, 2, 10))
    )
    assert s.note_id is not None
    notes.save_draft(practice.uow(), s.note_id, note_draft({"focus": "The loop eased."}))
    editor = editor_for(qtbot, practice, s.note_id)
    assert not editor.review_bar.isVisible()
    assert not any(e.isReadOnly() for e in editor.section_edits())
    today = TodayView(practice)
    qtbot.addWidget(today)
    today.show()
    today.refresh()
    assert not today.reviews.isVisible()
