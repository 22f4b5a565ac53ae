"""The window an administrator signed in to a practice server works in: the staff view,
the emergency access log, and the practice's own few commands (change password, lock,
quit). It answers the app
controller as the main window does (lock_requested, resume, lock), so locking, idle and
the screen lock treat both alike."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox

from clarity_desktop import APP_NAME, __version__
from clarity_desktop.services import server_practice
from clarity_desktop.services.practices import OpenPractice
from clarity_desktop.ui.common import labels
from clarity_desktop.ui.common.settings import Settings
from clarity_desktop.ui.main import window_frame
from clarity_desktop.ui.main.idle import CHOICES_MINUTES
from clarity_desktop.ui.practice.emergency_log import EmergencyLogDialog
from clarity_desktop.ui.practice.passphrase_dialogs import PassphraseDialog
from clarity_desktop.ui.practice.staff_view import StaffView


class StaffWindow(QMainWindow):
    lock_requested = Signal()
    practice_replaced = Signal(object)  # never: a server is not restored from here
    idle_minutes_changed = Signal(int)

    def __init__(self, practice: OpenPractice, settings: Settings | None = None) -> None:
        super().__init__()
        self.settings = settings or Settings()
        self._practice = practice
        self.server = server_practice.signed_in(practice)
        self.setWindowTitle(window_frame.server_title(self.server) or APP_NAME)
        self.staff = StaffView(practice)
        self.setCentralWidget(self.staff)
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
        self.staff.staff_changed.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self._build_menus()
        self.resize(1100, 720)

    @property
    def practice(self) -> OpenPractice:
        return self._practice

    def _action(self, text: str, shortcut: str | None, slot: object) -> QAction:
        action = QAction(text, self)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_menus(self) -> None:
        menu = self.menuBar().addMenu(self.tr("&Practice"))
        menu.addAction(self._action(self.tr("&Add person…"), None, self.staff.add_person))
        menu.addAction(self._action(self.tr("&Disable…"), None, self.staff.disable_person))
        menu.addAction(self._action(self.tr("Assign &case…"), None, self.staff.assign_case))
        menu.addAction(self._action(self.tr("Set &supervisor…"), None, self.staff.set_supervisor))
        menu.addSeparator()
        menu.addAction(self._action(self.tr("&Emergency access log…"), None, self.show_grant_log))
        menu.addAction(self._action(self.tr("&Refresh"), "F5", self.staff.refresh))
        menu.addSeparator()
        menu.addAction(self._action(self.tr("Change &password…"), None, self._change_password))
        menu.addSeparator()
        self.lock_action = self._action(self.tr("&Lock now"), "Ctrl+L", self.lock)
        menu.addAction(self.lock_action)
        lock_after = menu.addMenu(self.tr("Lock a&fter inactivity"))
        group = QActionGroup(self)
        for minutes in CHOICES_MINUTES:
            action = QAction(self.tr("%s minutes") % minutes, self)
            action.setCheckable(True)
            action.setChecked(minutes == self.settings.idle_lock_minutes)
            action.triggered.connect(lambda _c=False, m=minutes: self._set_idle_minutes(m))
            group.addAction(action)
            lock_after.addAction(action)
        menu.addAction(self._action(self.tr("&Quit"), "Ctrl+Q", self.close))
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        help_menu.addAction(self._action(self.tr("&About"), None, self._about))

    def show_grant_log(self) -> None:
        """Every time a clinician opened a case in an emergency, to follow up."""
        dialog = EmergencyLogDialog(self._practice, self)
        dialog.exec()
        dialog.deleteLater()

    def _set_idle_minutes(self, minutes: int) -> None:
        self.settings.idle_lock_minutes = minutes
        self.idle_minutes_changed.emit(minutes)

    def _change_password(self) -> None:
        if PassphraseDialog(self._practice, self, server=True).exec():
            self.statusBar().showMessage(self.tr("Password changed."), 5000)

    def _about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About %s") % APP_NAME,
            self.tr("%s %s\nRecords, session notes and five-step tracking for couples therapists.")
            % (APP_NAME, __version__),
        )

    def lock(self) -> None:
        """Hide, close every dialog, and hand back to the unlock window."""
        window_frame.reject_dialogs(but=self)
        self.hide()
        self.lock_requested.emit()

    def resume(self, practice: OpenPractice) -> None:
        self._practice = practice
        self.staff.practice = practice
        self.staff.refresh()
        self.show()

    def closeEvent(self, event: QCloseEvent) -> None:
        event.accept()
