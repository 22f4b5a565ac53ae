"""Entering a printed form afterwards: partner, session and day chosen, each ticked box
copied, accepted only once every item that may not be skipped has an answer."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from clarity_desktop.domain.instrument_files import load_instruments
from clarity_desktop.ui.measures.check_in import Respondent
from clarity_desktop.ui.measures.paper_entry import PaperEntry
from tests.domain.instrument_examples import SHIPPED, licensed

CHECK_IN = {i.id: i for i in load_instruments(SHIPPED)}["session_check_in"]
PEOPLE = [Respondent(1, "Amara", "en"), Respondent(2, "Lucía", "es")]


def test_a_paper_form_is_entered_for_the_chosen_partner_and_session(qtbot: QtBot) -> None:
    entry = PaperEntry(CHECK_IN, PEOPLE, [(7, "Tue 4 Mar 2025, joint", date(2025, 3, 4))])
    qtbot.addWidget(entry)
    entry.partner.setCurrentIndex(1)
    entry.session.setCurrentIndex(1)
    for offset, box in enumerate(entry.items.values()):
        box.setCurrentIndex(1 + offset % 5)
    entry.items["hope"].setCurrentIndex(0)  # left blank on paper: skipped
    with qtbot.waitSignal(entry.entered) as sent:
        qtbot.mouseClick(entry.save, Qt.MouseButton.LeftButton)
    partner, session, day, answers = sent.args
    assert (partner, session, day) == (2, 7, date(2025, 3, 4))
    assert answers == {"safe_to_speak": 0, "heard": 1, "clarity": 2, "hope": None, "pressure": 4}


def test_an_item_that_may_not_be_skipped_must_be_copied_first(qtbot: QtBot) -> None:
    entry = PaperEntry(licensed(), PEOPLE, [])
    qtbot.addWidget(entry)
    assert not entry.save.isEnabled()
    for item_id in ("a", "b", "d"):
        entry.items[item_id].setCurrentIndex(2)
    assert entry.save.isEnabled()  # c may stay blank
