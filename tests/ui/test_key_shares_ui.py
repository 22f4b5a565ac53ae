"""Dana's Today view asks before her case's key is shared (issue 14, the lead's answer 4):
after the administrator assigns Robin Vale to Eli, Dana reads "Eli Park was given access
to Robin Vale by Ada Lind: share the case's key?"; Not now leaves Eli locked out and the
question gone until the view is made again; Share gives Eli the text and clears it. On a
real practice server. KEY_SHARE_SHOTS=<folder> saves the view as a PNG to look at."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from clarity_desktop.services import staff
from clarity_desktop.ui.practice.today_view import TodayView
from tests.pg_practice import ELI
from tests.services.test_key_sharing import WRITTEN, Practice, asked, group

__all__ = ["group"]
ASKED = "Eli Park was given access to Robin Vale by Ada Lind: share the case's key?"


def shot(qtbot: QtBot, widget: QWidget, name: str) -> None:
    folder = os.environ.get("KEY_SHARE_SHOTS")
    if folder:
        qtbot.wait(50)
        widget.grab().save(str(Path(folder) / name))


def today(qtbot: QtBot, group: Practice) -> TodayView:
    view = TodayView(group.dana)
    qtbot.addWidget(view)
    view.resize(1100, 700)
    view.show()
    view.refresh()
    return view


def test_the_holder_is_asked_on_today_and_shares_only_when_she_says_so(
    qtbot: QtBot, group: Practice
) -> None:
    view = today(qtbot, group)
    assert view.key_shares.isHidden()  # nobody waits yet

    staff.assign_case(group.admin, group.case_id, ELI.login)
    view.refresh()
    assert view.key_shares.isVisible()
    [row] = view.key_shares.rows
    assert row.sentence.text() == ASKED
    shot(qtbot, view, "today-key-share.png")

    qtbot.mouseClick(row.later, Qt.MouseButton.LeftButton)
    assert view.key_shares.isHidden()
    assert group.focus(group.eli) == "LOCKED"  # Not now shares nothing
    assert asked(group) == [("Eli Park", "Robin Vale", "assigned", "Ada Lind")]

    again = today(qtbot, group)  # the question comes back the next time
    [row] = again.key_shares.rows
    with qtbot.waitSignal(again.key_shares.shared):
        qtbot.mouseClick(row.share, Qt.MouseButton.LeftButton)
    assert group.focus(group.eli) == WRITTEN
    assert again.key_shares.isHidden() and asked(group) == []
