"""UI test helpers: isolated settings, and a way to answer modal dialogs.

Modal dialogs (QDialog.exec, QMessageBox) block the test until closed, so a test that
opens one first schedules `answer_modal(...)`: it waits for the dialog to appear, then
drives it like a user would.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from clarity_desktop.ui.common.settings import Settings


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """Preferences in a temp file, never the developer's own."""
    return Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


class ModalAnswerer:
    def __init__(self) -> None:
        self.answered: list[str] = []
        self._timers: list[QTimer] = []

    def answer(
        self, kind: type[QWidget], action: Callable[[QWidget], None], timeout_ms: int = 5000
    ) -> None:
        """When a modal dialog of *kind* shows, run *action* on it (once)."""
        timer = QTimer()
        timer.setInterval(20)
        waited = [0]

        def poll() -> None:
            waited[0] += 20
            modal = QApplication.activeModalWidget()
            if isinstance(modal, kind) and modal.isVisible():
                timer.stop()
                self.answered.append(type(modal).__name__)
                action(modal)
            elif waited[0] > timeout_ms:
                timer.stop()

        timer.timeout.connect(poll)
        timer.start()
        self._timers.append(timer)

    def stop(self) -> None:
        for t in self._timers:
            t.stop()


@pytest.fixture
def modal(qapp: QApplication) -> Iterator[ModalAnswerer]:
    answerer = ModalAnswerer()
    yield answerer
    answerer.stop()


def click_button(box: QWidget, text: str) -> None:
    """Press the button of a message box or dialog whose label reads *text* (the "&" of a
    mnemonic ignored), as the user reads and clicks it; fails if there is none."""
    from PySide6.QtWidgets import QAbstractButton

    for button in box.findChildren(QAbstractButton):
        if button.text().replace("&", "") == text and button.isVisible():
            button.click()
            return
    labels = [b.text() for b in box.findChildren(QAbstractButton)]
    raise AssertionError(f"no button {text!r} among {labels}")
