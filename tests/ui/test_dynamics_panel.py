"""Recording readings by keyboard in the Dynamics panel: saved with the draft, locked with
the signature, and only for who attended."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from clarity_desktop.domain.dynamics import Loop
from clarity_desktop.domain.records import SessionInput
from clarity_desktop.domain.steps import Direction, Step
from clarity_desktop.services import dynamics, notes, sessions
from clarity_desktop.services.dto import CaseDetail
from clarity_desktop.services.practices import OpenPractice
from clarity_desktop.ui.common.settings import Settings
from clarity_desktop.ui.main.main_window import MainWindow
from tests.ui.conftest import ModalAnswerer, click_button


def open_session(
    qtbot: QtBot,
    practice: OpenPractice,
    case: CaseDetail,
    settings: Settings,
    partner: int | None = None,
) -> MainWindow:
    created = sessions.create_session(
        practice.uow(),
        case.id,
        SessionInput(datetime(2026, 11, 16, 10), attending_partner_id=partner),
    )
    main = MainWindow(practice, settings)
    qtbot.addWidget(main)
    main.show()
    main.activateWindow()
    qtbot.waitUntil(main.isActiveWindow)
    main.case_list.select_case(case.id)
    main.case_panel.select_session(created.id)
    qtbot.waitUntil(lambda: main.editor.note is not None)
    return main


def keys(qtbot: QtBot, widget: QWidget, *presses: Qt.Key) -> None:
    widget.setFocus()
    for key in presses:
        qtbot.keyClick(widget, key)


def test_readings_entered_by_keyboard_are_saved_and_reach_the_timeline(
    qtbot: QtBot, practice: OpenPractice, couple_case: CaseDetail, settings: Settings
) -> None:
    main = open_session(qtbot, practice, couple_case, settings)
    panel = main.editor.dynamics
    a, b = (p.id for p in couple_case.partners)
    box_a, box_b = panel.partner_boxes[a], panel.partner_boxes[b]
    # Partner A pursues strongly: first entry below "Not observed" is +3.
    keys(qtbot, box_a.position, Qt.Key.Key_Down)
    # Partner B withdraws: from "Not observed", six steps down is -2.
    keys(qtbot, box_b.position, *([Qt.Key.Key_Down] * 6))
    box_a.clarity.setFocus()
    box_a.clarity.selectAll()
    qtbot.keyClicks(box_a.clarity, "6")
    keys(qtbot, box_b.flooded, Qt.Key.Key_Space)
    qtbot.keyClicks(box_b.flooding_note, "went quiet when money came up")
    couple = panel.couple_box
    keys(qtbot, couple.loops[Loop.PURSUE_WITHDRAW], Qt.Key.Key_Space)
    couple.intensity.setFocus()
    couple.intensity.selectAll()
    qtbot.keyClicks(couple.intensity, "7")
    keys(qtbot, couple.co_regulation, Qt.Key.Key_Down)  # "Yes"
    qtbot.waitUntil(lambda: not main.editor.dirty, timeout=5000)

    note = notes.open_note(practice.uow(), main.editor.note.id)  # type: ignore[union-attr]
    assert note.partner_readings[a].position == 3
    assert note.partner_readings[a].clarity == 6
    assert note.partner_readings[b].position == -2
    assert note.partner_readings[b].flooded and "money" in note.partner_readings[b].flooding_note
    assert note.couple_reading is not None
    assert note.couple_reading.loops == frozenset({Loop.PURSUE_WITHDRAW})
    assert note.couple_reading.intensity == 7 and note.couple_reading.co_regulation is True
    point = dynamics.case_timeline(practice.uow(), couple_case.id).points[-1]
    assert point.couple is not None and point.couple.intensity == 7


def test_direction_opens_at_step_four_and_everything_locks_on_signing(
    qtbot: QtBot,
    modal: ModalAnswerer,
    practice: OpenPractice,
    couple_case: CaseDetail,
    settings: Settings,
) -> None:
    main = open_session(qtbot, practice, couple_case, settings)
    editor = main.editor
    a = couple_case.partners[0].id
    box = editor.dynamics.partner_boxes[a]
    assert not box.direction.isEnabled()
    editor.partner_steps[a].setCurrentIndex(
        editor.partner_steps[a].findData(Step.FIND_YOUR_DIRECTION)
    )
    assert box.direction.isEnabled()
    box.direction.setCurrentIndex(box.direction.findData(Direction.REDEFINITION))
    editor.section_edits()[0].setPlainText("Direction is forming.")
    assert editor.save_now()
    modal.answer(QMessageBox, lambda m: click_button(m, "Sign note"))
    with qtbot.waitSignal(editor.note_signed, timeout=5000):
        editor.sign()
    box = editor.dynamics.partner_boxes[a]
    assert not box.position.isEnabled() and not box.direction.isEnabled()
    assert not editor.dynamics.couple_box.intensity.isEnabled()
    signed = notes.open_note(practice.uow(), editor.note.id)  # type: ignore[union-attr]
    assert signed.partner_readings[a].direction is Direction.REDEFINITION


def test_individual_session_shows_only_the_partner_who_came_and_no_loop(
    qtbot: QtBot, practice: OpenPractice, couple_case: CaseDetail, settings: Settings
) -> None:
    b = couple_case.partners[1].id
    main = open_session(qtbot, practice, couple_case, settings, partner=b)
    panel = main.editor.dynamics
    assert list(panel.partner_boxes) == [b]
    assert not panel.couple_box.isVisibleTo(main)
    assert panel.couple_reading() is None


def test_readings_typed_and_signed_show_up_as_chart_points(
    qtbot: QtBot,
    modal: ModalAnswerer,
    practice: OpenPractice,
    couple_case: CaseDetail,
    settings: Settings,
) -> None:
    """Two sessions recorded by keyboard and signed; the dashboard's intensity line and
    position lines hold exactly those points."""
    a = couple_case.partners[0].id
    first = sessions.create_session(
        practice.uow(), couple_case.id, SessionInput(datetime(2026, 11, 2, 10))
    )
    second = sessions.create_session(
        practice.uow(), couple_case.id, SessionInput(datetime(2026, 11, 9, 10))
    )
    main = MainWindow(practice, settings)
    qtbot.addWidget(main)
    main.show()
    main.activateWindow()
    qtbot.waitUntil(main.isActiveWindow)
    main.case_list.select_case(couple_case.id)
    for session, intensity, downs in ((first, "8", 1), (second, "5", 2)):
        main.case_panel.select_session(session.id)
        qtbot.waitUntil(
            lambda s=session: main.editor.note is not None and main.editor.note.session_id == s.id
        )
        panel = main.editor.dynamics
        keys(qtbot, panel.partner_boxes[a].position, *([Qt.Key.Key_Down] * downs))  # +3, then +2
        panel.couple_box.intensity.setFocus()
        panel.couple_box.intensity.selectAll()
        qtbot.keyClicks(panel.couple_box.intensity, intensity)
        main.editor.section_edits()[0].setFocus()
        qtbot.keyClicks(main.editor.section_edits()[0], "The loop eased a little.")
        assert main.editor.save_now()
        modal.answer(QMessageBox, lambda m: click_button(m, "Sign note"))
        with qtbot.waitSignal(main.editor.note_signed, timeout=5000):
            main.editor.sign()
    main.tabs.setCurrentWidget(main.dashboard)
    charts = main.dashboard.charts
    assert main.dashboard.showing_charts
    assert charts.intensity_line is not None
    assert [p.y() for p in charts.intensity_line.points()] == [8, 5]
    assert [p.y() for p in charts.position_lines[a].points()] == [3, 2]
