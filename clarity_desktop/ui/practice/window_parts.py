"""Small pieces the practice's first windows share: a title, an error line, and the wait
between tries after wrong passphrases or passwords."""

from __future__ import annotations

import math
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel

from clarity_desktop.services import unlock_attempts
from clarity_desktop.ui.common import appearance


def title_label(text: str) -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 1.6)
    font.setWeight(QFont.Weight.DemiBold)
    label.setFont(font)
    return label


def error_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setObjectName("errorLabel")
    appearance.styled(
        label, lambda t: f"QLabel#errorLabel {{ color: {t.alert}; font-weight: 600; }}"
    )
    label.setAccessibleName("Error message")
    label.hide()
    return label


class WaitBetweenTries(QObject):
    """The first slip is free; then 2, 4, 8 … up to 30 seconds between tries, counted from
    the failures written beside the practice (or the server login's folder) since its last
    unlock by any window or command: closing and reopening the program skips no wait.
    The unlock window and the server's connect form share it; each says the wait in its
    own words on *changed* (seconds left, 0 once the next try may go)."""

    changed = Signal(int)

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.left = 0
        self._folder: Path | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        # A coarse timer may fire up to 5 % early: ten early ticks and the button would be
        # offered again before the written wait is over, and the click then refused.
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._tick)

    def start(self, folder: Path | None) -> bool:
        """Wait as the failures written in *folder* ask (None: nothing to count); True
        while there is a wait."""
        left = 0 if folder is None else math.ceil(unlock_attempts.seconds_to_wait(folder))
        if left <= 0:
            return self.left > 0
        self.left = left
        self._folder = folder
        self._timer.start()
        self.changed.emit(left)
        return True

    def stop(self) -> None:
        self._timer.stop()
        self.left = 0

    def _tick(self) -> None:
        self.left = max(self.left - 1, 0)
        if self.left == 0 and self._folder is not None:
            # The count is the window's; the wait is what was written. Over only when
            # both agree, so a try offered is a try taken.
            self.left = math.ceil(unlock_attempts.seconds_to_wait(self._folder))
        if self.left == 0:
            self._timer.stop()
        self.changed.emit(self.left)
