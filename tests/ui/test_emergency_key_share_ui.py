"""Sam's Today view asks before the practice emergency key goes to a second supervisor:
"Lee Santos, a supervisor added by Ada Lind, does not hold the practice's emergency key:
share it?"; Share gives it to Lee, whose emergency grant then opens the case's text.
On a real practice server. KEY_SHARE_SHOTS=<folder> saves the view as a PNG."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from clarity_desktop.services import emergency
from clarity_desktop.ui.practice.today_view import TodayView
from tests.services.test_emergency_key_reach import REASON, Lee, lee
from tests.services.test_key_sharing import WRITTEN, Practice, group
from tests.ui.test_key_shares_ui import shot

__all__ = ["group", "lee"]
ASKED = (
    "Lee Santos, a supervisor added by Ada Lind, does not hold the practice's emergency "
    "key: share it?"
)


def test_the_supervisor_is_asked_before_the_emergency_key_is_shared(
    qtbot: QtBot, group: Practice, lee: Lee
) -> None:
    view = TodayView(group.sam)
    qtbot.addWidget(view)
    view.resize(1100, 700)
    view.show()
    view.refresh()
    [row] = view.key_shares.rows
    assert row.sentence.text() == ASKED
    assert row.share.accessibleName() == "Share the practice's emergency key with Lee Santos"
    shot(qtbot, view, "today-emergency-key-share.png")

    emergency.open_in_emergency(lee.opened, group.case_id, REASON, 30)
    assert group.focus(lee.opened) == "LOCKED"
    with qtbot.waitSignal(view.key_shares.shared):
        qtbot.mouseClick(row.share, Qt.MouseButton.LeftButton)
    assert view.key_shares.isHidden()
    assert group.focus(lee.opened) == WRITTEN
