"""The frame of a window for someone on a practice server who keeps no records (the
administrator's staff window, the front desk's schedule): the title and status bar that
say who is signed in where, and the practice's own few commands (change password, lock,
quit). It answers the app controller as the main window does (lock_requested, resume,
lock), so locking, idle and the screen lock treat every window alike."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMenu

from clarity_desktop import APP_NAME
from clarity_desktop.services import server_practice
from clarity_desktop.services.practices import OpenPractice
from clarity_desktop.ui.common import labels
from clarity_desktop.ui.common.settings import Settings
from clarity_desktop.ui.main import window_frame
from clarity_desktop.ui.main.idle import CHOICES_MINUTES, numbered
from clarity_desktop.ui.practice.passphrase_dialogs import PassphraseDialog


class SignedInWindow(QMainWindow):
    lock_requested = Signal()
    practice_replaced = Signal(object)  # never: a server is not restored from here
    idle_minutes_changed = Signal(int)

    def __init__(self, practice: OpenPractice, settings: Settings | None = None) -> None:
        super().__init__()
        self.settings = settings or Settings()
        self._practice = practice
        self.server = server_practice.signed_in(practice)
        self.setWindowTitle(window_frame.server_title(self.server) or APP_NAME)
        who = practice.principal
        self.statusBar().addPermanentWidget(
            QLabel(
                self.tr("Signed in as %s, %s") % (who.display_name, labels.label(who.role).lower())
            )
        )
        if self.server is not None:
            place = QLabel(window_frame.server_place(self.server))
            place.setToolTip(self.server.label)
            self.statusBar().addPermanentWidget(place)

    @property
    def practice(self) -> OpenPractice:
        return self._practice

    def _action(self, text: str, shortcut: str | None, slot: Callable[[], object]) -> QAction:
        action = QAction(text, self)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_menus(self, own: Callable[[QMenu], None]) -> None:
        """The Practice menu: the window's *own* items first, then what every signed-in
        window has; and Help."""
        menu = self.menuBar().addMenu(self.tr("&Practice"))
        own(menu)
        menu.addSeparator()
        menu.addAction(self._action(self.tr("Change &password…"), None, self._change_password))
        menu.addSeparator()
        self.lock_action = self._action(self.tr("&Lock now"), "Ctrl+L", self.lock)
        menu.addAction(self.lock_action)
        lock_after = menu.addMenu(self.tr("Lock a&fter inactivity"))
        group = QActionGroup(self)
        for minutes in CHOICES_MINUTES:
            action = QAction(self.tr("%s minutes") % numbered(minutes), self)
            action.setCheckable(True)
            action.setChecked(minutes == self.settings.idle_lock_minutes)
            action.triggered.connect(lambda _c=False, m=minutes: self._set_idle_minutes(m))
            group.addAction(action)
            lock_after.addAction(action)
        menu.addAction(self._action(self.tr("&Quit"), "Ctrl+Q", self.close))
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        help_menu.addAction(self._action(self.tr("&About"), None, self._about))

    def _set_idle_minutes(self, minutes: int) -> None:
        self.settings.idle_lock_minutes = minutes
        self.idle_minutes_changed.emit(minutes)

    def _change_password(self) -> None:
        if PassphraseDialog(self._practice, self, server=True).exec():
            self.statusBar().showMessage(self.tr("Password changed."), 5000)

    def _about(self) -> None:
        window_frame.show_about(self)

    def lock(self) -> None:
        """Hide, close every dialog, and hand back to the unlock window."""
        window_frame.reject_dialogs(but=self)
        self.hide()
        self.lock_requested.emit()

    def resume(self, practice: OpenPractice) -> None:
        """Signed in again after a lock: the views read afresh on the new connection."""
        self._practice = practice
        self.refresh_views(practice)
        self.show()

    def refresh_views(self, practice: OpenPractice) -> None:
        raise NotImplementedError

    def closeEvent(self, event: QCloseEvent) -> None:
        event.accept()
