"""The window the front desk works in on a practice server (issue 13): every clinician's
schedule and every client's contact details, nothing clinical (desk_views.py). The
permission module gives the front desk the schedule alone and the server grants no
clinical column, so this window reads through services/front_desk.py only.

Booking, moving and cancelling are not offered here: the server grants the front desk no
write on sessions or partners, and a session's status carries the clinical record with
it (a held session has a note; cancelling one removes its empty draft). The clinician
books; the front desk sees the day and reaches the clients."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import QMenu, QTabWidget

from clarity_desktop.services.practices import OpenPractice
from clarity_desktop.ui.common.settings import Settings
from clarity_desktop.ui.practice.desk_views import ContactsPanel, SchedulePanel
from clarity_desktop.ui.practice.key_shares import KeySharePanel, with_key_shares
from clarity_desktop.ui.practice.signed_in_window import SignedInWindow


class FrontDeskWindow(SignedInWindow):
    def __init__(
        self,
        practice: OpenPractice,
        settings: Settings | None = None,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(practice, settings)
        self.schedule = SchedulePanel(practice, today)
        self.contacts = ContactsPanel(practice)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.schedule, self.tr("&Schedule"))
        self.tabs.addTab(self.contacts, self.tr("&Contacts"))
        self.tabs.setDocumentMode(True)
        # A new colleague waiting for the client directory (key_shares.py): the front
        # desk holds it too, so it may be the one to approve.
        self.key_shares = KeySharePanel()
        self.setCentralWidget(with_key_shares(self.key_shares, self.tabs))
        self._build_menus(self._own_items)
        self.schedule.load()
        self.contacts.load()
        self.key_shares.refresh(practice)
        self.resize(1200, 760)

    def _own_items(self, menu: QMenu) -> None:
        menu.addAction(self._action(self.tr("&Refresh"), "F5", self.refresh))

    def refresh(self) -> None:
        self.schedule.load(record_view=False)
        self.contacts.load(record_view=False)
        self.key_shares.refresh(self.schedule.practice)

    def refresh_views(self, practice: OpenPractice) -> None:
        self.schedule.practice = practice
        self.contacts.practice = practice
        self.refresh()
