"""The note on a 1280x720 laptop and on a 1920x1080 screen, at every text size: nothing
scrolls sideways, the Dynamics panel moves below the note where it would not fit beside
it, a ticked step never cuts its own label, text boxes grow with what is written, and
the case list folds away to give the note the width."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QApplication, QPushButton, QStyle, QStyleOptionButton
from pytestqt.qtbot import QtBot

from clarity_desktop.domain.records import SessionInput
from clarity_desktop.services import notes, sessions
from clarity_desktop.services.dto import CaseDetail
from clarity_desktop.services.practices import OpenPractice
from clarity_desktop.ui.common import appearance
from clarity_desktop.ui.common.settings import TEXT_SCALE_MAX, TEXT_SCALE_MIN, Settings
from clarity_desktop.ui.main.main_window import MainWindow

SCALES = [TEXT_SCALE_MIN, 1.0, 1.3, TEXT_SCALE_MAX]


@pytest.fixture
def normal_text_afterwards(qapp: QApplication) -> Iterator[None]:
    yield
    appearance.set_text_scale(1.0)


def open_note(
    qtbot: QtBot,
    practice: OpenPractice,
    case: CaseDetail,
    settings: Settings,
    size: tuple[int, int],
) -> MainWindow:
    created = sessions.create_session(
        practice.uow(), case.id, SessionInput(datetime(2026, 3, 2, 9))
    )
    main = MainWindow(practice, settings)
    qtbot.addWidget(main)
    main.resize(*size)
    main.show()
    qtbot.waitExposed(main)
    main.case_list.select_case(case.id)
    main.case_panel.select_session(created.id)
    qtbot.waitUntil(lambda: main.editor.note is not None)
    settle(qtbot)
    return main


def settle(qtbot: QtBot) -> None:
    """Let deferred fits (after a font change, after a note is laid out) run."""
    for _ in range(3):
        qtbot.wait(20)
        QApplication.processEvents()


def bold_label_width(button: QPushButton) -> int:
    """How wide the button must be for its label in the bold checked font, as the style
    draws a push button (margins, frame, padding)."""
    bold = QFont(button.font())
    bold.setWeight(QFont.Weight.DemiBold)
    metrics = QFontMetrics(bold)
    option = QStyleOptionButton()
    button.initStyleOption(option)
    text = QSize(metrics.horizontalAdvance(button.text()), metrics.height())
    return (
        button.style()
        .sizeFromContents(QStyle.ContentsType.CT_PushButton, option, text, button)
        .width()
    )


@pytest.mark.parametrize("scale", SCALES)
def test_at_1280x720_nothing_scrolls_sideways_and_dynamics_moves_below(
    qtbot: QtBot,
    practice: OpenPractice,
    couple_case: CaseDetail,
    settings: Settings,
    scale: float,
    normal_text_afterwards: None,
) -> None:
    appearance.set_text_scale(scale)
    main = open_note(qtbot, practice, couple_case, settings, (1280, 720))
    editor = main.editor
    for step_button in editor.step_buttons.values():
        step_button.setChecked(True)
    settle(qtbot)
    assert editor.dynamics_below, "at 1280 px the Dynamics panel belongs below the note"
    assert not editor.dynamics_scroll.isVisible()
    assert editor.note_scroll.widget().isAncestorOf(editor.dynamics)
    assert editor.dynamics.isVisibleTo(editor.note_scroll.widget())
    bar = editor.note_scroll.horizontalScrollBar()
    assert bar.maximum() == 0, f"the note scrolls sideways by {bar.maximum()} px at {scale}x"
    for step_button in editor.step_buttons.values():
        need = bold_label_width(step_button)
        assert step_button.width() >= need, (
            f"{step_button.text()!r} is {step_button.width()} px, its bold label needs {need}"
        )
        seen = step_button.visibleRegion().boundingRect()
        assert seen.width() == step_button.width(), f"{step_button.text()!r} is cut off"


@pytest.mark.parametrize("scale", [TEXT_SCALE_MIN, 1.0, 1.3])
def test_at_1920x1080_dynamics_stays_beside_the_note(
    qtbot: QtBot,
    practice: OpenPractice,
    couple_case: CaseDetail,
    settings: Settings,
    scale: float,
    normal_text_afterwards: None,
) -> None:
    appearance.set_text_scale(scale)
    main = open_note(qtbot, practice, couple_case, settings, (1920, 1080))
    editor = main.editor
    assert not editor.dynamics_below
    assert editor.dynamics_scroll.isVisible()
    assert editor.dynamics_scroll.widget().isAncestorOf(editor.dynamics)
    assert editor.note_scroll.horizontalScrollBar().maximum() == 0
    assert editor.dynamics_scroll.horizontalScrollBar().maximum() == 0
    if scale <= 1.0:
        assert editor.steps_grid.columns == 3  # the steps in three columns where they fit

    # Narrowing the window moves the panel below, widening it brings it back beside.
    main.resize(1280, 720)
    settle(qtbot)
    assert editor.dynamics_below
    main.resize(1920, 1080)
    settle(qtbot)
    assert not editor.dynamics_below


def test_text_boxes_grow_with_what_is_written(
    qtbot: QtBot,
    practice: OpenPractice,
    couple_case: CaseDetail,
    settings: Settings,
) -> None:
    main = open_note(qtbot, practice, couple_case, settings, (1280, 720))
    editor = main.editor
    section = editor.section_edits()[0]
    before = section.height()
    section.setFocus()
    for _ in range(8):
        qtbot.keyClicks(section, "A line about the week. ")
        qtbot.keyClick(section, Qt.Key.Key_Return)
    settle(qtbot)
    assert section.height() > before
    assert section.verticalScrollBar().maximum() == 0  # all of it shows

    box = next(iter(editor.dynamics.partner_boxes.values()))
    trigger = editor.dynamics.couple_box.trigger
    one_line = trigger.height()
    trigger.setFocus()
    qtbot.keyClicks(
        trigger,
        "Talking about what repair will ask of each of them: the weekend plans, the visit "
        "from his mother, who answers the messages from school, and what it would take "
        "for either of them to believe the other will still be there in a year",
    )
    settle(qtbot)
    assert trigger.height() > one_line, "a longer remark wraps and shows whole"
    assert trigger.text().endswith("in a year")
    assert box.flooding_note.height() >= one_line

    # The addendum box of a signed note grows too.
    assert editor.save_now()
    case = main.case_panel.case
    assert editor.note is not None and case is not None
    editor.show_note(notes.sign_note(practice.uow(), editor.note.id), case.partners)
    addendum = editor.addendum_edit
    empty = addendum.height()
    addendum.setFocus()
    for _ in range(8):
        qtbot.keyClicks(addendum, "Later: they called to move the next session.")
        qtbot.keyClick(addendum, Qt.Key.Key_Return)
    settle(qtbot)
    assert addendum.height() > empty
    assert addendum.verticalScrollBar().maximum() == 0


def test_the_case_list_folds_away_and_comes_back(
    qtbot: QtBot,
    practice: OpenPractice,
    couple_case: CaseDetail,
    settings: Settings,
) -> None:
    main = open_note(qtbot, practice, couple_case, settings, (1280, 720))
    width = main.editor.width()
    main.activateWindow()
    qtbot.waitUntil(main.isActiveWindow)
    qtbot.keyClick(main, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot)
    assert main.splitter.sizes()[0] == 0 and not main.case_list.isVisible()
    assert not main.case_panel.table.isVisible()  # and Tab cannot land there unseen
    assert not main.case_list_action.isChecked()
    assert main.editor.width() > width + 200
    assert not main.editor.dynamics_below, "with the list folded, the panel fits beside"
    # Ctrl+K (filter the case list) brings it back, with the cursor in the filter.
    qtbot.keyClick(main, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot)
    assert main.case_list.isVisible() and main.case_list.filter.hasFocus()
    assert main.case_list_action.isChecked()
    # Remembered: the next window opens the way this one was left.
    qtbot.keyClick(main, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    main._save_layout()
    again = MainWindow(practice, settings)
    qtbot.addWidget(again)
    assert again.splitter.sizes()[0] == 0 and not again.case_list_action.isChecked()
