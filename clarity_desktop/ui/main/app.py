"""Starting the program: the first window at once, heavy imports behind it.

The controller moves between the three states a user sees: create a practice (first
run), unlock it (or sign in to the practice server), and work in it. An administrator
signed in to the server works in the staff window instead of the records, the front desk
in the schedule and contacts. Locking closes the main window (after saving the open
note), drops the database key with the engine, clears what the program put on the
clipboard (ui/common/clipboard.py), and returns to the unlock window.
"""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from clarity_desktop import APP_NAME
from clarity_desktop.services import unlock_attempts
from clarity_desktop.services.locations import default_folder, demo_folder, practice_exists
from clarity_desktop.ui.common import appearance, language
from clarity_desktop.ui.common.clipboard import clipboard_guard
from clarity_desktop.ui.common.errors import explain
from clarity_desktop.ui.common.messages import error_text
from clarity_desktop.ui.common.settings import ServerChoice, Settings
from clarity_desktop.ui.common.worker import run_task
from clarity_desktop.ui.main.idle import IdleWatcher, ScreenLockWatcher
from clarity_desktop.ui.practice.create_practice import CreatePracticeWindow
from clarity_desktop.ui.practice.unlock import UnlockWindow

if TYPE_CHECKING:  # imported for real only after the first window shows
    from clarity_desktop.domain.errors import Wording
    from clarity_desktop.services.practices import OpenPractice
    from clarity_desktop.ui.main.main_window import MainWindow
    from clarity_desktop.ui.practice.signed_in_window import SignedInWindow

DEMO_PASSPHRASE = "demo"  # the same as services.demo.DEMO_PASSPHRASE, without importing it


def preload() -> None:
    """Import the database and service layers while the user types the passphrase."""
    import clarity_desktop.services.cases
    import clarity_desktop.services.notes
    import clarity_desktop.services.practices
    import clarity_desktop.services.search
    import clarity_desktop.services.sessions
    import clarity_desktop.ui.main.main_window  # noqa: F401  (its widgets, charts and models)


def _build_demo(folder: Path) -> None:
    from clarity_desktop.services import demo

    demo.build_demo(folder).close()


class AppController(QObject):
    main_window_shown = Signal(object)  # the MainWindow
    locked = Signal()

    def __init__(
        self,
        folder: Path,
        *,
        demo: bool = False,
        settings: Settings | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__()
        self.folder = folder
        self.demo = demo
        self.settings = settings or Settings()
        self.window: QWidget | None = None
        self.main: MainWindow | SignedInWindow | None = None  # kept, hidden, while locked
        self._main_folder: Path | None = None  # the practice self.main was made for
        self._on_server = False  # the practice being opened is the server's
        self.practice: OpenPractice | None = None
        self._last_unlock: UnlockWindow | None = None
        self.idle = IdleWatcher(self.settings.idle_lock_minutes, clock=clock, parent=self)
        self.idle.idle.connect(self.lock_now)
        self.screen = ScreenLockWatcher(self)
        self.screen.screen_locked.connect(self.lock_now)

    def start(self) -> None:
        if self.demo and not practice_exists(self.folder):
            unlock = self._show_unlock()
            unlock.set_busy(True, self.tr("Preparing the demo practice…"))
            run_task(
                _build_demo,
                self.folder,
                owner=unlock,
                on_done=lambda _r: unlock.set_busy(False),
                on_failed=lambda exc: unlock.show_error(explain(exc)),
            )
        elif practice_exists(self.folder) or self.settings.last_server is not None:
            self._show_unlock()
        else:
            create = CreatePracticeWindow(self.folder)
            create.created.connect(self._opened)
            create.server_signed_in.connect(self._server_signed_in)
            self._swap(create)
        threading.Thread(target=preload, name="preload", daemon=True).start()

    def _show_unlock(self) -> UnlockWindow:
        server = None if self.demo else self.settings.last_server
        unlock = UnlockWindow(
            self.folder,
            demo=self.demo,
            prefill=DEMO_PASSPHRASE if self.demo else "",
            solo=self.demo or practice_exists(self.folder),
            server=server,
            on_server=self.settings.opens_server,
            settings=self.settings,
        )
        unlock.server_signed_in.connect(self._server_signed_in)
        unlock.unlocked.connect(self._opened)
        self._last_unlock = unlock
        self._swap(unlock)
        return unlock

    def _swap(self, window: QWidget) -> None:
        old = self.window
        self.window = window
        window.show()
        if old is not None and old is not self.main:
            old.close()
            old.deleteLater()

    def _server_signed_in(self, server: ServerChoice) -> None:
        """Remembered for the next start (never the password), and offered first."""
        self.settings.last_server = server
        self._on_server = True

    def _opened(self, practice: object) -> None:
        from clarity_desktop.services import practices

        assert isinstance(practice, practices.OpenPractice)
        self.practice = practice
        on_server, self._on_server = self._on_server, False
        self.settings.opens_server = on_server
        if not on_server:
            self.settings.last_folder = self.folder
        if self.main is not None and self._main_folder != practice.folder:
            self._drop_main()  # another practice (solo or server) than the one locked
        if self.main is not None:
            self.main.resume(practice)
            self._swap(self.main)
        else:
            try:
                self.main = _window_for(practice, self.settings)
            except Exception as exc:
                QMessageBox.critical(None, APP_NAME, explain(exc))
                return
            self._main_folder = practice.folder
            self.main.lock_requested.connect(self._locked)
            self.main.practice_replaced.connect(self._replaced)
            self.main.idle_minutes_changed.connect(self.idle.set_minutes)
            self._swap(self.main)
        self.idle.start()
        self.main_window_shown.emit(self.main)
        self._check_integrity(practice)
        self._ask_own_password(practice)
        unlock = self._last_unlock
        if unlock is not None and unlock.recovered_with:
            from clarity_desktop.ui.practice.passphrase_dialogs import PassphraseDialog

            PassphraseDialog(practice, self.main, recovery_key=unlock.recovered_with).open()
            unlock.recovered_with = None

    def _ask_own_password(self, practice: OpenPractice) -> None:
        """A server login's first sign-in: the person's own password, asked for at once."""
        from clarity_desktop.services import practices

        if self.main is None or not practices.first_password_pending(practice):
            return
        from clarity_desktop.ui.practice.passphrase_dialogs import PassphraseDialog

        window = self.main
        dialog = PassphraseDialog(practice, window, server=True, first=True)
        dialog.accepted.connect(
            lambda: window.statusBar().showMessage(self.tr("Password changed."), 5000)
        )
        dialog.open()

    def _drop_main(self) -> None:
        old, self.main, self._main_folder = self.main, None, None
        if old is not None:
            old.close()
            old.deleteLater()

    def _check_integrity(self, practice: OpenPractice) -> None:
        """Read the whole file once, off the GUI thread, right after opening; damage found
        is explained in plain words with the way back: the newest verified backup."""
        from clarity_desktop.services import practices

        def found(problems: list[Wording]) -> None:
            if not problems or self.main is None:
                return
            if self.main.server is not None:
                _server_problems(self.main, problems)
                return
            from clarity_desktop.ui.main.main_window import MainWindow

            assert isinstance(self.main, MainWindow)
            box = QMessageBox(self.main)
            box.setIcon(QMessageBox.Icon.Critical)
            box.setWindowTitle(self.tr("The practice file is damaged"))
            box.setText(
                self.tr(
                    "Clarity found damage in the practice file, so some records may be missing "
                    "or wrong. Nothing has been changed. Restoring the newest backup brings back "
                    "a sound copy; the damaged file is kept beside it."
                )
            )
            box.setDetailedText("\n".join(error_text(p) for p in problems))
            restore = box.addButton(
                self.tr("Restore from a backup…"), QMessageBox.ButtonRole.AcceptRole
            )
            box.addButton(self.tr("Not now"), QMessageBox.ButtonRole.RejectRole)
            box.exec()
            if box.clickedButton() is restore:
                from clarity_desktop.ui.practice.backup_actions import restore_from_backup

                restore_from_backup(self.main.commands)

        run_task(
            practices.integrity_problems,
            practice,
            owner=self,
            on_done=found,
            on_failed=lambda _exc: None,
        )

    def _replaced(self, practice: object) -> None:
        from clarity_desktop.services import practices

        assert isinstance(practice, practices.OpenPractice)
        self.practice = practice

    def lock_now(self) -> None:
        # The window may be gone already (the program quitting) while a watcher fires.
        if self.main is not None and shiboken6.isValid(self.main) and self.main.isVisible():
            self.main.lock()

    def _locked(self) -> None:
        """The main window has hidden itself: drop the key with the engine, ask again."""
        self.idle.stop()
        practice, self.practice = self.practice, None
        if practice is not None:
            practice.close()
        clipboard_guard().clear_ours()  # copied note text or the recovery key
        self._show_unlock()
        self.locked.emit()


def _window_for(practice: Any, settings: Settings) -> MainWindow | SignedInWindow:
    """The records for those who keep them; for those the permission module (and the
    server) refuse every clinical record, the staff list (an administrator) or the
    schedule and contacts (the front desk)."""
    from clarity_desktop.services.permissions import Permission, allows

    if not allows(practice.principal, Permission.READ_RECORDS):
        if allows(practice.principal, Permission.MANAGE_STAFF):
            from clarity_desktop.ui.practice.staff_window import StaffWindow

            return StaffWindow(practice, settings)
        if allows(practice.principal, Permission.READ_SCHEDULE):
            from clarity_desktop.ui.practice.front_desk_window import FrontDeskWindow

            return FrontDeskWindow(practice, settings)
    from clarity_desktop.ui.main.main_window import MainWindow

    return MainWindow(practice, settings)


def _server_problems(parent: QWidget, problems: list[Wording]) -> None:
    """On the server, repairs are the server's own business: say what was found and
    whom to tell."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(
        QCoreApplication.translate("AppController", "The practice server needs care")
    )
    box.setText(
        QCoreApplication.translate(
            "AppController",
            "Clarity found that the practice server's protections are not all in place. "
            "Nothing has been changed. Please tell your practice's administrator.",
        )
    )
    box.setDetailedText("\n".join(error_text(p) for p in problems))
    box.exec()


def run_gui(data_dir: Path | None, *, demo: bool = False) -> int:
    unlock_attempts.set_front("window")  # written with each wrong passphrase typed here
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv)
    app.setOrganizationName("Clarity")
    app.setApplicationName(APP_NAME)
    settings = Settings()
    language.apply(settings)  # before any window: every text and date follows it
    appearance.apply(app, settings)  # Fusion, system light/dark, remembered text size, icon
    if data_dir is not None:
        folder = data_dir
    elif demo:
        folder = demo_folder()
    else:
        folder = settings.last_folder or default_folder()
    controller = AppController(folder, demo=demo, settings=settings)
    app.aboutToQuit.connect(clipboard_guard().clear_ours)
    controller.start()
    return app.exec()
