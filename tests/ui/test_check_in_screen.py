"""The clinic-screen check-in: one partner at a time in their own language, by keyboard,
and the screen emptied before the other partner's turn."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from clarity_desktop.domain.instrument_files import load_instruments
from clarity_desktop.ui.measures.check_in import CheckInScreen, Respondent
from tests.domain.instrument_examples import SHIPPED

CHECK_IN = {i.id: i for i in load_instruments(SHIPPED)}["session_check_in"]


def test_each_partner_answers_in_their_language_and_never_sees_the_other_s(
    qtbot: QtBot, tmp_path: Path
) -> None:
    screen = CheckInScreen(CHECK_IN, [Respondent(1, "Amara", "en"), Respondent(2, "Lucía", "es")])
    qtbot.addWidget(screen)
    screen.resize(900, 600)
    screen.show()
    got: list[tuple[int, dict[str, int | None]]] = []
    screen.answered.connect(lambda pid, answers: got.append((pid, answers)))
    assert screen.question.text().startswith("Today I felt safe")
    assert "Very much" in screen.buttons[-1].text()
    for key in (Qt.Key.Key_4, Qt.Key.Key_3, Qt.Key.Key_S, Qt.Key.Key_Left, Qt.Key.Key_2):
        qtbot.keyClick(screen, key)
    qtbot.keyClick(screen, Qt.Key.Key_7)  # off the 0-4 scale: nothing happens
    assert screen.counter.text() == "Question 4 of 5"
    qtbot.keyClick(screen, Qt.Key.Key_1)
    qtbot.keyClick(screen, Qt.Key.Key_0)
    assert screen.done.isEnabled() and "Lucía" in screen.done.text()
    screen.grab().save(str(tmp_path / "check_in_done.png"))
    qtbot.mouseClick(screen.done, Qt.MouseButton.LeftButton)
    assert got == [(1, {"safe_to_speak": 4, "heard": 3, "clarity": 2, "hope": 1, "pressure": 0})]
    # Lucía's turn: her words, her first question, nothing of Amara's chosen
    assert screen.question.text().startswith("Hoy me sentí")
    assert "Mucho" in screen.buttons[-1].text()
    assert not any(b.isChecked() for b in screen.buttons)
    assert not screen.done.isEnabled() and not screen.back.isEnabled()
    screen.grab().save(str(tmp_path / "check_in_es.png"))
    with qtbot.waitSignal(screen.finished):
        for _ in CHECK_IN.items:
            qtbot.keyClick(screen, Qt.Key.Key_2)
        qtbot.mouseClick(screen.done, Qt.MouseButton.LeftButton)
    assert got[1] == (2, dict.fromkeys((i.id for i in CHECK_IN.items), 2))
