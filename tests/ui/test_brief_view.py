"""The session brief on screen, on a real practice: what it shows, the private sessions
and the safety note only when ticked, F5 into session mode, the PDF saved and printed,
and the whole path from the main window (Ctrl+Shift+B, F5) to the note filled by the review."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QLabel, QWidget
from pytestqt.qtbot import QtBot

from clarity_desktop.domain.markers import MOMENTS_KEY
from clarity_desktop.services import cases, markers, notes
from clarity_desktop.store.practice import OpenPractice
from clarity_desktop.store.sqlite.engine import connect_raw
from clarity_desktop.ui.common import language
from clarity_desktop.ui.common.settings import Settings
from clarity_desktop.ui.documents.brief_view import BriefDialog
from clarity_desktop.ui.main.main_window import MainWindow
from clarity_desktop.ui.note.session_mode import SessionModeWindow
from clarity_desktop.ui.note.session_review import ReviewDialog
from tests.brief_case import PLAN_1, PLAN_3, PRIVATE_PHRASE, BriefCase, make_brief_case
from tests.reports import pdftools
from tests.ui.conftest import ModalAnswerer

SAFETY = "SAFETY-NOTE-4K disclosed alone"


def screen_text(dialog: QWidget) -> str:
    """What a person sees: the labels on screen (new ones show at the next event turn)."""
    QApplication.processEvents()
    return " ".join(label.text() for label in dialog.findChildren(QLabel) if label.isVisible())


def open_brief(qtbot: QtBot, practice: OpenPractice, bc: BriefCase, session: int) -> BriefDialog:
    dialog = BriefDialog(practice, bc.case, session)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_the_brief_shows_the_last_plan_and_where_each_stands(
    qtbot: QtBot, practice: OpenPractice
) -> None:
    bc = make_brief_case(practice)
    dialog = open_brief(qtbot, practice, bc, bc.next.id)
    text = screen_text(dialog)
    assert dialog.title.text() == "Session brief — Zoë & Łukasz"
    assert PLAN_3 in text
    assert "3 · Lean In (18 Mar 2025)" in text
    assert "Loop intensity: 5 of 10 at the latest reading (18 Mar 2025)" in text
    assert "18 Mar 2025: 3 · Lean In, to Both partners" in text
    assert "Guidance: 3 · Lean In — Zoë" in text
    assert "No safety flag." in text
    assert PRIVATE_PHRASE not in text
    # Another session from the list: the brief prepares that one instead.
    dialog.session.setCurrentIndex(dialog.session.findData(bc.alone.id))
    text = screen_text(dialog)
    assert PLAN_1 in text and PLAN_3 not in text


def test_private_sessions_and_the_safety_note_only_when_ticked(
    qtbot: QtBot, practice: OpenPractice
) -> None:
    bc = make_brief_case(practice, safety_note=SAFETY)
    dialog = open_brief(qtbot, practice, bc, bc.third.id)
    text = screen_text(dialog)
    assert PRIVATE_PHRASE not in text and SAFETY not in text
    assert "Safety flag set: check before joint work or joint handouts." in text
    assert "A later private session (11 Mar 2025, Łukasz, individual session) is left out" in text
    qtbot.mouseClick(dialog.include_private, Qt.MouseButton.LeftButton)
    text = screen_text(dialog)
    assert PRIVATE_PHRASE in text
    assert "Letting go (11 Mar 2025, individual session)" in text
    assert SAFETY not in text
    qtbot.mouseClick(dialog.include_safety_note, Qt.MouseButton.LeftButton)
    assert SAFETY in screen_text(dialog)
    # A new brief starts with both cleared.
    again = open_brief(qtbot, practice, bc, bc.third.id)
    assert not again.include_private.isChecked() and not again.include_safety_note.isChecked()
    assert PRIVATE_PHRASE not in screen_text(again)


def test_f5_asks_for_session_mode_for_an_open_note_only(
    qtbot: QtBot, practice: OpenPractice
) -> None:
    bc = make_brief_case(practice)
    dialog = open_brief(qtbot, practice, bc, bc.next.id)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    with qtbot.waitSignal(dialog.session_mode_requested) as asked:
        qtbot.keyClick(dialog, Qt.Key.Key_F5)
        if dialog.isVisible():  # F5 did nothing: fail below rather than hang here
            dialog.reject()
    assert asked.args == [bc.next.id]
    assert bc.third.note_id is not None
    notes.sign_note(practice.uow(), bc.third.note_id)
    fresh = cases.read_case(practice.uow(), bc.case.id)
    signed = BriefDialog(practice, fresh, bc.third.id)
    qtbot.addWidget(signed)
    assert not signed.start.isEnabled()


def test_the_pdf_is_saved_and_printed_as_shown(
    qtbot: QtBot, practice: OpenPractice, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    bc = make_brief_case(practice)
    dialog = open_brief(qtbot, practice, bc, bc.next.id)
    target = tmp_path / "brief"
    monkeypatch.setattr(
        QFileDialog,
        "getSaveFileName",
        staticmethod(lambda *_a: (str(target), "PDF files (*.pdf)")),
    )
    with qtbot.waitSignal(dialog.saved, timeout=20000) as saved:
        qtbot.mouseClick(dialog.save, Qt.MouseButton.LeftButton)
    assert saved.args == [str(target) + ".pdf"]
    text = pdftools.flat(pdftools.text(Path(saved.args[0])))
    assert PLAN_3 in text and PRIVATE_PHRASE not in text
    assert pdftools.info(Path(saved.args[0]))["Pages"] == "1"

    printed = tmp_path / "printed.pdf"
    printer = dialog.printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(printed))
    monkeypatch.setattr(QPrintDialog, "exec", lambda _self: QDialog.DialogCode.Accepted)
    with qtbot.waitSignal(dialog.printed, timeout=20000):
        qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    assert pdftools.info(printed)["Pages"] == "1"
    conn = connect_raw(practice.folder / "practice.clarity", practice.db_key)
    try:
        rows = [
            r[0]
            for r in conn.execute(
                "SELECT action FROM audit_events WHERE detail LIKE 'session brief%'"
            )
        ]
    finally:
        conn.close()
    assert rows[-2:] == ["exported", "printed"]


def test_from_the_main_window_brief_then_session_mode_then_the_note(
    qtbot: QtBot,
    practice: OpenPractice,
    settings: Settings,
    modal: ModalAnswerer,
) -> None:
    bc = make_brief_case(practice)
    window = MainWindow(practice, settings)
    qtbot.addWidget(window)
    window.show()
    window.case_list.select_case(bc.case.id)
    window.case_panel.select_session(bc.next.id)
    qtbot.waitUntil(lambda: window.editor.note is not None)

    def in_the_brief(dialog: QWidget) -> None:
        assert isinstance(dialog, BriefDialog)
        assert dialog.session_id() == bc.next.id
        dialog.activateWindow()
        qtbot.waitUntil(dialog.isActiveWindow)
        qtbot.keyClick(dialog, Qt.Key.Key_F5)

    def in_session(mode: QWidget) -> None:
        assert isinstance(mode, SessionModeWindow)
        assert mode.windowState() & Qt.WindowState.WindowMaximized
        for key in (Qt.Key.Key_2, Qt.Key.Key_C):
            qtbot.keyClick(mode.keys, key)
        modal.answer(ReviewDialog, lambda r: qtbot.mouseClick(r.save, Qt.MouseButton.LeftButton))  # type: ignore[attr-defined]
        mode.end_session()
        if mode.isVisible():  # the review did not end it: fail below rather than hang here
            mode.finish()

    modal.answer(BriefDialog, in_the_brief)
    modal.answer(SessionModeWindow, in_session)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(
        window,
        Qt.Key.Key_B,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert modal.answered == ["BriefDialog", "SessionModeWindow", "ReviewDialog"]
    assert [m.kind.value for m in markers.session_markers(practice.uow(), bc.next.id)] == [
        "loop_episode",
        "co_regulation",
    ]
    # The note is open again in the editor, with the moments the review saved.
    assert window.editor.note is not None and window.editor.note.session_id == bc.next.id
    assert "Loop: Łukasz pursued, Zoë withdrew." in window.editor.note.sections[MOMENTS_KEY]
    titles = [e.accessibleName() for e in window.editor.section_edits()]
    assert titles[-1] == "Moments"


def test_session_mode_starts_a_booked_session_first(
    qtbot: QtBot, practice: OpenPractice, settings: Settings, modal: ModalAnswerer
) -> None:
    from datetime import datetime

    from clarity_desktop.domain.records import SessionInput
    from clarity_desktop.domain.schedule import SessionStatus
    from clarity_desktop.services import sessions
    from clarity_desktop.ui.documents import brief_actions

    bc = make_brief_case(practice)
    today = datetime.now().replace(hour=9, minute=0, second=0, microsecond=0)
    booked = sessions.schedule_sessions(
        practice.uow(), bc.case.id, SessionInput(starts_at=today)
    ).sessions[0]
    assert booked.note_id is None
    window = MainWindow(practice, settings)
    qtbot.addWidget(window)
    window.show()
    window.case_list.select_case(bc.case.id)

    def in_session(mode: QWidget) -> None:
        assert isinstance(mode, SessionModeWindow)
        qtbot.keyClick(mode.keys, Qt.Key.Key_1)
        mode.finish()

    modal.answer(SessionModeWindow, in_session)
    brief_actions.start_session_mode(window.commands, booked.id)
    assert modal.answered == ["SessionModeWindow"]
    started = sessions.get_session(practice.uow(), booked.id)
    assert started.status is SessionStatus.HELD and started.note_id is not None
    assert len(markers.session_markers(practice.uow(), booked.id)) == 1
    assert window.editor.note is not None and window.editor.note.session_id == booked.id


def test_in_spanish_the_guidance_on_screen_and_in_the_pdf_is_spanish(
    qtbot: QtBot, practice: OpenPractice, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    bc = make_brief_case(practice)
    before = QLocale()
    assert language.install("es")
    try:
        dialog = open_brief(qtbot, practice, bc, bc.next.id)
        text = screen_text(dialog)
        target = tmp_path / "informe.pdf"
        monkeypatch.setattr(
            QFileDialog,
            "getSaveFileName",
            staticmethod(lambda *_a: (str(target), "PDF files (*.pdf)")),
        )
        with qtbot.waitSignal(dialog.saved, timeout=20000):
            qtbot.mouseClick(dialog.save, Qt.MouseButton.LeftButton)
    finally:
        language.install("en")
        QLocale.setDefault(before)
    assert "“Explorar sin prisa” (paso 3)" in text
    assert "“Lean In” (step 3)" not in text
    pdf = pdftools.flat(pdftools.text(target))
    assert "Explorar sin prisa” (paso 3)" in pdf and "Lean In” (step 3)" not in pdf
