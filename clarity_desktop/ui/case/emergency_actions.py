"""Emergency access in the main window (a clinician on a practice server): the command that
opens a case not hers for a while, and the watch that knows until when each such case
stays open, so the case can say so and the window notices when it closes.

The grants come from the server (services/emergency.py); the watch only remembers the
signed-in clinician's live ones, read once when the window opens or unlocks and added to
when she opens a case here, so showing a case asks the server nothing more.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtWidgets import QMessageBox

from clarity_desktop.services import emergency
from clarity_desktop.services.emergency import Grant
from clarity_desktop.services.permissions import Permission, allows
from clarity_desktop.services.practices import OpenPractice
from clarity_desktop.ui.case.emergency_dialog import EmergencyDialog
from clarity_desktop.ui.common.errors import explain

if TYPE_CHECKING:
    from clarity_desktop.ui.common.commands import Commands

_LONGEST_WAIT_MS = 2**31 - 1  # what a QTimer takes; the longest grant is far shorter


def may_open_in_emergency(practice: OpenPractice, on_server: bool) -> bool:
    """A clinician (or supervisor) on a practice server; a solo practice's clinician sees
    every case already."""
    return on_server and allows(practice.principal, Permission.READ_RECORDS)


def may_read_grant_log(practice: OpenPractice, on_server: bool) -> bool:
    return on_server and allows(practice.principal, Permission.OVERSEE_ACCESS)


def open_in_emergency(cmd: Commands) -> None:
    """Choose a case, say why and for how long; on the grant, the case opens."""
    title = QCoreApplication.translate("Commands", "Open a case in an emergency")
    try:
        choices = emergency.cases_to_open(cmd.practice)
    except Exception as exc:
        QMessageBox.warning(cmd.widget, title, explain(exc))
        return
    dialog = EmergencyDialog(cmd.practice, choices, cmd.widget)
    if dialog.exec():
        grant = dialog.result_value
        assert isinstance(grant, Grant)
        cmd.events.case_granted.emit(grant)
    dialog.deleteLater()


class EmergencyWatch(QObject):
    """The signed-in clinician's live grants by case (until when, UTC), and a timer that
    fires when the soonest ends."""

    ended = Signal(int)  # case id: its grant has just run out

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._until: dict[int, datetime] = {}
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._expire)

    def load(self, practice: OpenPractice, on_server: bool) -> None:
        """Read the clinician's live grants afresh (the window opened or unlocked)."""
        self._until.clear()
        if may_open_in_emergency(practice, on_server):
            try:
                grants = emergency.my_grants(practice)
            except Exception:  # the case shows no banner; the server still decides access
                grants = []
            for g in grants:
                self._until[g.case_id] = max(g.until, self._until.get(g.case_id, g.until))
        self._arm()

    def add(self, grant: Grant) -> None:
        self._until[grant.case_id] = max(grant.until, self._until.get(grant.case_id, grant.until))
        self._arm()

    def until(self, case_id: int) -> datetime | None:
        return self._until.get(case_id)

    def _arm(self) -> None:
        self._timer.stop()
        if not self._until:
            return
        soonest = min(self._until.values())
        wait = (soonest - datetime.now(UTC)).total_seconds() * 1000 + 500
        self._timer.start(int(min(max(wait, 0), _LONGEST_WAIT_MS)))

    def _expire(self) -> None:
        now = datetime.now(UTC)
        for case_id, until in sorted(self._until.items()):
            if until <= now:
                del self._until[case_id]
                self.ended.emit(case_id)
        self._arm()
