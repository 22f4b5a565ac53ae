"""A child program for test_failed_unlocks: the real program's unlock window, into which
someone types wrong passphrases. It reports each refusal on stdout ("failed N") and never
exits by itself; the test kills it with SIGKILL.

usage: python unlock_child.py PRACTICE_DIR SETTINGS_INI ATTEMPTS
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication

from clarity_desktop.ui.common.settings import Settings
from clarity_desktop.ui.main.app import AppController
from clarity_desktop.ui.practice.unlock import UnlockWindow


def main() -> None:
    folder, ini, attempts = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
    app = QApplication(sys.argv[:1])
    controller = AppController(
        folder, settings=Settings(QSettings(ini, QSettings.Format.IniFormat))
    )
    controller.start()
    window = controller.window
    assert isinstance(window, UnlockWindow)
    failed = [0]

    def on_failed() -> None:
        failed[0] += 1
        sys.stdout.write(f"failed {failed[0]}\n")
        sys.stdout.flush()

    window.attempt_failed.connect(on_failed)

    def try_again() -> None:
        # Like a person: type when the window lets us, until the attempts are used up.
        if failed[0] >= attempts or not window.unlock_button.isEnabled():
            return
        window.passphrase.setText(f"not the passphrase {failed[0]}")
        window.try_unlock()

    timer = QTimer()
    timer.timeout.connect(try_again)
    timer.start(50)
    app.exec()


if __name__ == "__main__":
    main()
