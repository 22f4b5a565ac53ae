"""A child program for test_second_window: the real window of Clarity Desktop, unlocked on
a practice, says "open" on stdout and stays open until killed.

usage: python window_child.py PRACTICE_DIR PASSPHRASE SETTINGS_INI
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from clarity_desktop.ui.common.settings import Settings
from clarity_desktop.ui.main.app import AppController
from clarity_desktop.ui.practice.unlock import UnlockWindow


def main() -> None:
    folder, passphrase, ini = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
    app = QApplication(sys.argv[:1])
    controller = AppController(
        folder, settings=Settings(QSettings(ini, QSettings.Format.IniFormat))
    )
    controller.main_window_shown.connect(lambda _w: print("open", flush=True))
    controller.start()
    window = controller.window
    assert isinstance(window, UnlockWindow)
    window.passphrase.setText(passphrase)
    window.try_unlock()
    app.exec()


if __name__ == "__main__":
    main()
