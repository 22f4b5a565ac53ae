"""The front desk signs in to the practice server from the window (issue 13) and works in
the schedule and contact list: every clinician's sessions by day and week, every client's
phone and email, the safety flag as "ask the clinician first", and no clinical word
anywhere she can reach."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QLabel,
    QLineEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from clarity_desktop.ui.common.settings import Settings
from clarity_desktop.ui.main.app import AppController
from clarity_desktop.ui.practice.desk_models import ContactModel, DeskSessionModel
from clarity_desktop.ui.practice.desk_views import DAY, WEEK
from clarity_desktop.ui.practice.front_desk_window import FrontDeskWindow
from tests.pg_practice import FRAN, PRACTICE_NAME, PgPractices
from tests.services.front_desk_case import (
    ADDENDUM,
    MONDAY,
    NOTE_PHRASE,
    SAFETY_NOTE,
    DeskWeek,
    desk_week,
)
from tests.ui.test_server_sign_in_window import choice, settings_for, sign_in_at_start


@pytest.fixture
def week(pg_practices: PgPractices, tmp_path: Path) -> Iterator[DeskWeek]:
    with desk_week(pg_practices, tmp_path) as made:
        yield made


def _model_texts(model: QAbstractItemModel) -> list[str]:
    out = [
        str(model.headerData(c, Qt.Orientation.Horizontal) or "")
        for c in range(model.columnCount())
    ]
    for r in range(model.rowCount()):
        for c in range(model.columnCount()):
            index = model.index(r, c, QModelIndex())
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                out.append(str(model.data(index, role) or ""))
    return out


def every_text(window: QWidget) -> str:
    """Every word the window shows or could show her: labels, buttons, fields, tooltips,
    menus, status bar, and every cell and tooltip of every table."""
    out = [window.windowTitle()]
    for w in [window, *window.findChildren(QWidget)]:
        out.append(w.toolTip())
        if isinstance(w, QLabel | QAbstractButton | QLineEdit):
            out.append(w.text())
        if isinstance(w, QComboBox):
            out += [w.itemText(i) for i in range(w.count())]
        if isinstance(w, QAbstractItemView) and w.model() is not None:
            out += _model_texts(w.model())
    for action in window.findChildren(type(window.menuBar().actions()[0])):  # QAction
        out.append(action.text())
    return "\n".join(out)


def column(model: QAbstractItemModel, col: int) -> list[str]:
    return [str(model.data(model.index(r, col))) for r in range(model.rowCount())]


def test_fran_signs_in_to_the_schedule_and_contacts_and_never_sees_a_note(
    qtbot: QtBot, pg_practices: PgPractices, week: DeskWeek, tmp_path: Path
) -> None:
    settings: Settings = settings_for(tmp_path, choice(pg_practices, week.dbname, FRAN))
    controller = AppController(tmp_path / "no-solo-practice", settings=settings)
    window = sign_in_at_start(qtbot, controller, FRAN.password)
    assert isinstance(window, FrontDeskWindow)  # not the records window, and no error
    assert window.windowTitle().startswith(f"{PRACTICE_NAME} · fran@")
    labels_ = [w.text() for w in window.statusBar().findChildren(QLabel)]
    assert "Signed in as Fran Diaz, front desk" in labels_

    # The week of 2 March 2026: both clinicians' sessions, in time order.
    schedule = window.schedule
    schedule.show_day(MONDAY, WEEK)
    model = schedule.model
    assert schedule.heading.text().startswith("Monday")
    assert column(model, DeskSessionModel.CLIENT) == [
        "Zoë & Łukasz",
        "Robin Vale",
        "Zoë & Łukasz",
        "Zoë & Łukasz",
    ]
    assert column(model, DeskSessionModel.CLINICIAN) == [
        "Dana Reyes",
        "Eli Park",
        "Dana Reyes",
        "Dana Reyes",
    ]
    assert column(model, DeskSessionModel.WHO)[3] == "Zoë Brandt"
    assert column(model, DeskSessionModel.WHERE)[3] == "Telehealth · 80 min"
    assert column(model, DeskSessionModel.STATUS) == ["Held", "Scheduled", "Held", "Scheduled"]
    assert column(model, DeskSessionModel.ASK) == [
        "Ask the clinician first",
        "",
        "Ask the clinician first",
        "Ask the clinician first",
    ]
    assert schedule.summary.text() == "4 sessions"

    # One day, then the next and the one before; a week with nothing booked says so.
    schedule.show_day(date(2026, 3, 4), DAY)
    assert column(model, DeskSessionModel.CLIENT) == ["Zoë & Łukasz"]
    schedule.next.click()
    assert model.rowCount() == 0 and schedule.empty.text() == "Nothing booked on this day."
    schedule.previous.click()
    schedule.previous.click()
    assert schedule.day == date(2026, 3, 3) and model.rowCount() == 1
    schedule.show_day(date(2026, 4, 6), WEEK)
    assert not schedule.empty.isHidden() and schedule.empty.text() == "Nothing booked this week."
    schedule.show_day(MONDAY, WEEK)

    # Contacts: every person, found by phone too.
    contacts = window.contacts
    people = contacts.model
    assert column(people, ContactModel.PERSON) == ["Robin Vale", "Zoë Brandt", "Łukasz Nowak"]
    assert column(people, ContactModel.PHONE) == ["", "555 0101", "555 0102"]
    assert column(people, ContactModel.CLINICIAN) == ["Eli Park", "Dana Reyes", "Dana Reyes"]
    qtbot.keyClicks(contacts.finder, "555 0102")
    assert contacts.filter.rowCount() == 1 and contacts.count.text() == "1 of 3 people"
    contacts.finder.clear()

    # Nothing clinical in any text of the window, on either tab.
    window.resize(1440, 900)
    for tab in range(window.tabs.count()):
        window.tabs.setCurrentIndex(tab)
        words = every_text(window)
        assert "Zoë Brandt" in words or "Robin Vale" in words
        for secret in (NOTE_PHRASE, SAFETY_NOTE, ADDENDUM, "Draft words", "kitchen"):
            assert secret not in words
        shots = os.environ.get("CLARITY_SHOTS")
        if shots:
            window.grab().save(str(Path(shots) / f"front-desk-{tab}.png"))

    # Locked and signed in again: the same window, read afresh.
    window.lock()
    unlock = controller.window
    qtbot.keyClicks(unlock.passphrase, FRAN.password)  # type: ignore[union-attr]
    with qtbot.waitSignal(controller.main_window_shown, timeout=20000):
        unlock.unlock_button.click()  # type: ignore[union-attr]
    assert controller.main is window and window.isVisible()
    assert window.contacts.model.rowCount() == 3
    window.close()
    assert controller.practice is not None
    controller.practice.close()


def test_the_desk_models_pass_the_model_tester(
    qtmodeltester: Any, pg_practices: PgPractices, week: DeskWeek, tmp_path: Path
) -> None:
    fran = pg_practices.unlock(week.dbname, FRAN, tmp_path / "fran")
    try:
        window = FrontDeskWindow(fran, today=lambda: MONDAY)
        qtmodeltester.check(window.schedule.model)
        qtmodeltester.check(window.contacts.model)
        qtmodeltester.check(window.contacts.filter)
        window.close()
    finally:
        fran.close()
