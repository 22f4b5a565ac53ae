"""What the program puts on the clipboard does not outlive the lock.

A therapist copies note text (Ctrl+C) to paste it somewhere; the recovery key can be
copied once, at creation. Left there, either would be pasted anywhere by anyone at the
computer after the practice locked. So, as password managers do (KeePassXC's habit):

- When the practice locks, and when the program quits, the clipboard (and on X11 the
  selection that middle-click pastes) is cleared if what it holds is still ours. Ours
  means the system says this program owns it (QClipboard.ownsClipboard: X11, Wayland,
  Windows, macOS), or the platform keeps the clipboard inside the process (Qt's
  offscreen and minimal platforms share it with no other program). What another
  program copied since is never touched.
- The recovery key is cleared 30 seconds after it was copied, if the clipboard still
  holds it and it is still ours, and at a lock. It carries the hint password managers
  use so that clipboard histories (KDE's Klipper, wl-clip-persist) keep no copy.

One guard serves the whole program (clipboard_guard()). Its clock can be replaced, so a
test need not wait 30 seconds.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QMimeData, QObject, QTimer
from PySide6.QtGui import QClipboard, QGuiApplication

SECRET_SECONDS = 30.0
LOCAL_CLIPBOARD_PLATFORMS = frozenset({"offscreen", "minimal"})
SECRET_HINT = "x-kde-passwordManagerHint"  # read by clipboard managers: keep no history


class ClipboardGuard(QObject):
    def __init__(
        self,
        clipboard: QClipboard,
        *,
        local: bool = False,
        clock: Callable[[], float] = time.monotonic,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._clipboard = clipboard
        self._local = local  # the platform's clipboard is this process's alone
        self.clock = clock
        self._secret: str | None = None
        self._deadline = 0.0
        self.secret_timer = QTimer(self)
        self.secret_timer.setSingleShot(True)
        self.secret_timer.timeout.connect(self.check_secret)

    def _ours(self, mode: QClipboard.Mode) -> bool:
        if self._local:
            return True
        if mode == QClipboard.Mode.Selection:
            return self._clipboard.ownsSelection()
        return self._clipboard.ownsClipboard()

    def copy_secret(self, text: str) -> None:
        """Put *text* on the clipboard for SECRET_SECONDS at most."""
        mime = QMimeData()
        mime.setText(text)
        mime.setData(SECRET_HINT, b"secret")
        self._clipboard.setMimeData(mime)
        self._secret = text
        self._deadline = self.clock() + SECRET_SECONDS
        self.secret_timer.start(int(SECRET_SECONDS * 1000))

    def check_secret(self) -> None:
        """Clear the secret once its time is up (a timer may fire a little early)."""
        if self._secret is None:
            return
        left = self._deadline - self.clock()
        if left > 0:
            self.secret_timer.start(max(1, math.ceil(left * 1000)))
            return
        mode = QClipboard.Mode.Clipboard
        if self._clipboard.text(mode) == self._secret and self._ours(mode):
            self._clipboard.clear(mode)
        self._forget_secret()

    def clear_ours(self) -> None:
        """Clear the clipboard and the selection where they still hold what we put there."""
        modes = [QClipboard.Mode.Clipboard]
        if self._clipboard.supportsSelection():
            modes.append(QClipboard.Mode.Selection)
        for mode in modes:
            if not self._ours(mode):
                continue
            held = self._clipboard.mimeData(mode)
            if held is not None and held.formats():
                self._clipboard.clear(mode)
        self._forget_secret()

    def _forget_secret(self) -> None:
        self._secret = None
        self.secret_timer.stop()


_guard: ClipboardGuard | None = None


def clipboard_guard() -> ClipboardGuard:
    """The program's one guard, made on first use (a QGuiApplication must exist)."""
    global _guard
    if _guard is None or not shiboken6.isValid(_guard):
        app = QGuiApplication.instance()
        _guard = ClipboardGuard(
            QGuiApplication.clipboard(),
            local=QGuiApplication.platformName() in LOCAL_CLIPBOARD_PLATFORMS,
            parent=app,
        )
    return _guard
