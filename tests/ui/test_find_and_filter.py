"""Finding a case and a note by keyboard: the case filter leads into the list and into a
case; search moves through its results with the arrow keys, can keep to the open case,
opens a note scrolled to the words it found (marked), and leaves the case list as it
was."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from clarity_desktop.domain.records import CaseInput, CaseKind, PartnerInput, SessionInput
from clarity_desktop.domain.templates import Template
from clarity_desktop.services import audit, cases, notes, search, sessions
from clarity_desktop.services.dto import CaseDetail, NoteDraft
from clarity_desktop.services.practices import OpenPractice
from clarity_desktop.ui.common.settings import Settings
from clarity_desktop.ui.main.main_window import MainWindow
from clarity_desktop.ui.main.search_dialog import SearchDialog

CTRL = Qt.KeyboardModifier.ControlModifier
FILLER = "\n".join(f"Line {i}: what they said about the week." for i in range(40))


def write_note(
    practice: OpenPractice, case_id: int, when: datetime, sections: dict[str, str]
) -> int:
    session = sessions.create_session(practice.uow(), case_id, SessionInput(when))
    note = notes.note_for_session(practice.uow(), session.id)
    notes.save_draft(
        practice.uow(),
        note.id,
        NoteDraft(Template.FIVE_STEPS, sections, frozenset(), {}, False),
    )
    return session.id


def open_main(qtbot: QtBot, practice: OpenPractice, settings: Settings) -> MainWindow:
    main = MainWindow(practice, settings)
    qtbot.addWidget(main)
    main.resize(1280, 720)
    main.show()
    qtbot.waitExposed(main)
    main.activateWindow()
    qtbot.waitUntil(main.isActiveWindow)
    return main


def new_case(practice: OpenPractice, name: str) -> CaseDetail:
    return cases.create_case(
        practice.uow(), CaseInput(CaseKind.INDIVIDUAL, "", (PartnerInput(name),))
    )


# ----- the case filter ----------------------------------------------------------------


def test_the_case_filter_leads_into_the_list_and_into_the_case(
    qtbot: QtBot, practice: OpenPractice, settings: Settings
) -> None:
    amara = new_case(practice, "Amara Osei")
    new_case(practice, "Beatriz Alves")
    write_note(practice, amara.id, datetime(2026, 3, 2, 9), {"focus": "First meeting."})
    main = open_main(qtbot, practice, settings)
    listing = main.case_list
    qtbot.keyClick(main, Qt.Key.Key_K, CTRL)
    assert listing.filter.hasFocus()

    # Escape clears what was typed.
    qtbot.keyClicks(listing.filter, "zzz")
    assert listing.proxy.rowCount() == 0
    qtbot.keyClick(listing.filter, Qt.Key.Key_Escape)
    assert listing.filter.text() == "" and listing.proxy.rowCount() == 2

    # Down goes into the list, onto the first match, without opening it yet.
    qtbot.keyClicks(listing.filter, "a")
    qtbot.keyClick(listing.filter, Qt.Key.Key_Down)
    assert listing.table.hasFocus()
    assert listing.table.currentIndex().row() == 0
    assert main.case_panel.case is None
    qtbot.keyClick(listing.table, Qt.Key.Key_Down)
    assert listing.table.currentIndex().row() == 1

    # Enter in the filter opens the first match and goes into the list.
    listing.filter.setFocus()
    listing.filter.selectAll()
    qtbot.keyClicks(listing.filter, "osei")
    qtbot.keyClick(listing.filter, Qt.Key.Key_Return)
    assert main.case_panel.case is not None and main.case_panel.case.id == amara.id
    assert listing.table.hasFocus()

    # Enter on a case goes into it: its newest note open, the cursor in its sessions.
    qtbot.keyClick(listing.table, Qt.Key.Key_Return)
    assert main.case_panel.table.hasFocus()
    qtbot.waitUntil(lambda: main.editor.note is not None)
    assert main.editor.section_edits()[0].toPlainText() == "First meeting."


# ----- search -------------------------------------------------------------------------


def test_down_moves_through_the_hits_and_the_note_opens_at_the_words_marked(
    qtbot: QtBot, practice: OpenPractice, couple_case: CaseDetail, settings: Settings
) -> None:
    first = write_note(
        practice, couple_case.id, datetime(2026, 1, 5, 9), {"focus": "The harbour walk."}
    )
    write_note(practice, couple_case.id, datetime(2026, 1, 12, 9), {"focus": "Harbour again."})
    third = write_note(
        practice,
        couple_case.id,
        datetime(2026, 1, 19, 9),
        {
            "focus": FILLER,
            "leaning_in": FILLER,
            "safety": FILLER + "\nShe felt safe at the harbour.",
        },
    )
    main = open_main(qtbot, practice, settings)
    qtbot.keyClick(main, Qt.Key.Key_F, CTRL)
    dialog = main.search_dialog
    assert isinstance(dialog, SearchDialog)
    qtbot.keyClicks(dialog.query, "harb")
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 3, timeout=5000)
    hits = [dialog.model.hit_at(r).session_id for r in range(3)]
    assert len(set(hits)) == 3 and {first, third} <= set(hits)

    # Down and Up in the search box walk the results; the typing stays in the box.
    qtbot.keyClick(dialog.query, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.query, Qt.Key.Key_Down)
    assert dialog.results.currentIndex().row() == 2
    qtbot.keyClick(dialog.query, Qt.Key.Key_Down)
    assert dialog.results.currentIndex().row() == 2  # stays on the last
    qtbot.keyClick(dialog.query, Qt.Key.Key_Up)
    assert dialog.results.currentIndex().row() == 1
    assert dialog.query.hasFocus()
    row = hits.index(third)
    dialog.results.setCurrentIndex(dialog.model.index(row, 0))
    qtbot.keyClick(dialog.query, Qt.Key.Key_Return)
    editor = main.editor
    qtbot.waitUntil(lambda: editor.note is not None and editor.note.session_id == third)
    qtbot.wait(50)

    # The words are marked where they stand, and the page has scrolled to them.
    safety = next(e for e in editor.section_edits() if e.key == "safety")
    marked = [s.cursor.selectedText() for s in safety.extraSelections()]
    assert marked == ["harbour"]
    others = [e for e in editor.section_edits() if e is not safety]
    assert all(not e.extraSelections() for e in others)
    scroll = editor.note_scroll
    assert scroll.verticalScrollBar().value() > 0, "the page did not move to the words"
    viewport = scroll.viewport()
    spot = safety.viewport().mapTo(viewport, safety.cursorRect().center())
    assert 0 <= spot.y() <= viewport.height(), "the marked words are out of view"
    assert main.focusWidget() is safety  # back in the window, the cursor is at the words
    assert QApplication.focusWidget() is dialog.query  # while the search stays in front
    assert safety.textCursor().position() == safety.toPlainText().index("harbour")


def test_search_can_keep_to_the_open_case(
    qtbot: QtBot, practice: OpenPractice, couple_case: CaseDetail, settings: Settings
) -> None:
    ours = write_note(
        practice, couple_case.id, datetime(2026, 2, 2, 9), {"focus": "The lighthouse trip."}
    )
    other = new_case(practice, "Ngozi Eze")
    write_note(practice, other.id, datetime(2026, 2, 3, 9), {"focus": "A lighthouse dream."})
    main = open_main(qtbot, practice, settings)
    main.case_list.select_case(couple_case.id)
    qtbot.keyClick(main, Qt.Key.Key_F, CTRL)
    dialog = main.search_dialog
    assert isinstance(dialog, SearchDialog)
    assert dialog.only_case.isVisible()
    assert couple_case.display_name in dialog.only_case.text().replace("&&", "&")
    qtbot.keyClicks(dialog.query, "lighthouse")
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 2, timeout=5000)
    dialog.only_case.click()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1, timeout=5000)
    assert dialog.model.hit_at(0).session_id == ours
    # Written to the audit trail as a search in that case.
    rows = audit.list_events(practice.uow(), audit.AuditFilter(case_id=couple_case.id))
    assert rows[0].action == "searched" and "lighthouse" in rows[0].detail

    # With another case open, the choice starts unticked again.
    main.search_dialog.hide()
    main.case_list.select_case(other.id)
    main.show_search()
    assert not dialog.only_case.isChecked() and "Ngozi" in dialog.only_case.text()


def test_the_service_keeps_to_one_case_even_behind_many_other_hits(
    practice: OpenPractice, couple_case: CaseDetail
) -> None:
    """The case's notes are found even when other cases hold far more matches than one
    page of results (the search asks for more until it has them)."""
    crowd = new_case(practice, "Crowd Case")
    for day in range(1, 29):
        write_note(practice, crowd.id, datetime(2025, 2, day, 9), {"focus": "orchard " * 3})
    ours = write_note(practice, couple_case.id, datetime(2025, 3, 1, 9), {"focus": "orchard"})
    assert len(search.search_notes(practice.uow(), "orchard", 10)) == 10
    hits = search.search_notes(practice.uow(), "orchard", 10, couple_case.id)
    assert [h.session_id for h in hits] == [ours]
    assert search.search_notes(practice.uow(), "nowhere", 10, couple_case.id) == []


def test_opening_a_hit_leaves_the_case_list_as_it_was(
    qtbot: QtBot, practice: OpenPractice, couple_case: CaseDetail, settings: Settings
) -> None:
    closed = new_case(practice, "Julien Lefèvre")
    session = write_note(
        practice, closed.id, datetime(2025, 6, 2, 9), {"focus": "Said goodbye to the boat."}
    )
    cases.close_case(practice.uow(), closed.id)
    main = open_main(qtbot, practice, settings)
    listing = main.case_list
    assert listing.status.currentData() == "active"
    qtbot.keyClicks(listing.filter, "zo")  # the therapist had filtered the list
    qtbot.keyClick(main, Qt.Key.Key_F, CTRL)
    dialog = main.search_dialog
    assert isinstance(dialog, SearchDialog)
    qtbot.keyClicks(dialog.query, "boat")
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1, timeout=5000)
    qtbot.keyClick(dialog.query, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: main.editor.note is not None)
    assert main.editor.note is not None and main.editor.note.session_id == session
    assert main.case_panel.case is not None and main.case_panel.case.id == closed.id
    assert listing.status.currentData() == "active", "the list switched to All"
    assert listing.filter.text() == "zo"
    assert listing.current_case_id() is None  # not shown there, so nothing selected
    edit = main.editor.section_edits()[0]
    assert [s.cursor.selectedText() for s in edit.extraSelections()] == ["boat"]


def test_a_hit_in_an_addendum_is_marked_there(
    qtbot: QtBot, practice: OpenPractice, couple_case: CaseDetail, settings: Settings
) -> None:
    session = write_note(practice, couple_case.id, datetime(2025, 6, 2, 9), {"focus": FILLER})
    note = notes.note_for_session(practice.uow(), session)
    notes.sign_note(practice.uow(), note.id)
    notes.add_addendum(practice.uow(), note.id, "Later: the kayak was sold.")
    main = open_main(qtbot, practice, settings)
    main.show_search()
    dialog = main.search_dialog
    assert isinstance(dialog, SearchDialog)
    qtbot.keyClicks(dialog.query, "kayak")
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1, timeout=5000)
    qtbot.keyClick(dialog.query, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: main.editor.note is not None)
    qtbot.wait(50)
    [(label, _a)] = main.editor.addendum_panel.shown
    assert "background:" in label.text() and ">kayak</span>" in label.text()
    assert all(not e.extraSelections() for e in main.editor.section_edits())
    scroll = main.editor.note_scroll
    assert scroll.verticalScrollBar().value() > 0
    spot = label.mapTo(scroll.viewport(), label.rect().center())
    assert 0 <= spot.y() <= scroll.viewport().height()
