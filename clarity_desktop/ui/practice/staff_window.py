"""The window an administrator signed in to a practice server works in: the staff view,
the emergency access log, and the practice's own few commands (signed_in_window.py)."""

from __future__ import annotations

from PySide6.QtWidgets import QMenu

from clarity_desktop.services.practices import OpenPractice
from clarity_desktop.ui.common.settings import Settings
from clarity_desktop.ui.practice.emergency_log import EmergencyLogDialog
from clarity_desktop.ui.practice.key_shares import KeySharePanel, with_key_shares
from clarity_desktop.ui.practice.signed_in_window import SignedInWindow
from clarity_desktop.ui.practice.staff_view import StaffView


class StaffWindow(SignedInWindow):
    def __init__(self, practice: OpenPractice, settings: Settings | None = None) -> None:
        super().__init__(practice, settings)
        self.staff = StaffView(practice)
        # A new colleague waiting for the client directory, which she holds (key_shares.py).
        self.key_shares = KeySharePanel()
        self.setCentralWidget(with_key_shares(self.key_shares, self.staff))
        self.key_shares.refresh(practice)
        self.staff.staff_changed.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self._build_menus(self._own_items)
        self.resize(1100, 720)

    def _own_items(self, menu: QMenu) -> None:
        menu.addAction(self._action(self.tr("&Add person…"), None, self.staff.add_person))
        menu.addAction(self._action(self.tr("&Disable…"), None, self.staff.disable_person))
        menu.addAction(self._action(self.tr("Assign &case…"), None, self.staff.assign_case))
        menu.addAction(self._action(self.tr("Set &supervisor…"), None, self.staff.set_supervisor))
        menu.addSeparator()
        menu.addAction(self._action(self.tr("&Emergency access log…"), None, self.show_grant_log))
        menu.addAction(self._action(self.tr("&Refresh"), "F5", self.staff.refresh))

    def show_grant_log(self) -> None:
        """Every time a clinician opened a case in an emergency, to follow up."""
        dialog = EmergencyLogDialog(self._practice, self)
        dialog.exec()
        dialog.deleteLater()

    def refresh_views(self, practice: OpenPractice) -> None:
        self.staff.practice = practice
        self.staff.refresh()
        self.key_shares.refresh(practice)
