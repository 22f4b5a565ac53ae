"""Automatic locking: after a quiet spell, and when the desktop's screen locks.

Any keyboard, mouse, wheel or touch input anywhere in the program counts as activity.
The clock is injectable so tests can move time forward instead of waiting.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import SLOT, QEvent, QObject, QTimer, Signal, Slot
from PySide6.QtWidgets import QApplication

ACTIVITY = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
}
DEFAULT_MINUTES = 10
CHOICES_MINUTES = (2, 5, 10, 15, 30, 60)


def numbered(number: int) -> str:
    """An Alt letter for one of CHOICES_MINUTES in a menu: its first digit, or for 10 its
    last (2, 5, 10, 15, 30, 60 become 2, 5, 0, 1, 3, 6). Every window's Lock after
    inactivity menu uses it."""
    text = str(number)
    return f"{text[:-1]}&{text[-1]}" if number == 10 else f"&{text}"


class IdleWatcher(QObject):
    idle = Signal()

    def __init__(
        self,
        minutes: int = DEFAULT_MINUTES,
        clock: Callable[[], float] = time.monotonic,
        check_ms: int = 5000,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        self.timeout_s = minutes * 60.0
        self.last_activity = clock()
        self._timer = QTimer(self)
        self._timer.setInterval(check_ms)
        self._timer.timeout.connect(self.check)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def start(self) -> None:
        self.last_activity = self._clock()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def set_minutes(self, minutes: int) -> None:
        self.timeout_s = minutes * 60.0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in ACTIVITY:
            self.last_activity = self._clock()
        return False

    def check(self) -> None:
        if self._timer.isActive() and self._clock() - self.last_activity >= self.timeout_s:
            self._timer.stop()
            self.idle.emit()


class ScreenLockWatcher(QObject):
    """Emits screen_locked when the desktop says its screen saver or lock came on.
    Linux desktops announce it on the session D-Bus; elsewhere this stays silent and the
    idle timer remains the safeguard."""

    screen_locked = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.listening = False
        try:
            from PySide6.QtDBus import QDBusConnection
        except ImportError:  # pragma: no cover - a build without QtDBus
            return
        bus = QDBusConnection.sessionBus()
        if not bus.isConnected():
            return
        for service, path in (
            ("org.freedesktop.ScreenSaver", "/org/freedesktop/ScreenSaver"),
            ("org.gnome.ScreenSaver", "/org/gnome/ScreenSaver"),
        ):
            ok = bus.connect(
                service,
                path,
                service,
                "ActiveChanged",
                self,
                SLOT("active_changed(bool)").encode(),
            )
            self.listening = self.listening or ok

    @Slot(bool)
    def active_changed(self, active: bool) -> None:
        if active:
            self.screen_locked.emit()
