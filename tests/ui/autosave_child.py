"""A child program for test_autosave_kill: opens a practice in the real main window and
types into the open note like a person, reporting each word on stdout as it is typed.
It never exits by itself; the test kills it with SIGKILL.

usage: python autosave_child.py PRACTICE_DIR PASSPHRASE SETTINGS_INI
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from clarity_desktop.services import practices
from clarity_desktop.ui.common.settings import Settings
from clarity_desktop.ui.main.main_window import MainWindow

FIRST = [f"alpha{i:03d}" for i in range(1, 21)]
WORD_MS = 40
PAUSE_MS = 1600


def main() -> None:
    folder, passphrase, ini = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
    app = QApplication(sys.argv[:1])
    practice = practices.unlock_practice(folder, passphrase)
    window = MainWindow(practice, Settings(QSettings(ini, QSettings.Format.IniFormat)))
    window.show()
    window.activateWindow()
    app.processEvents()
    case_id = window.case_list.model.case_at(0).id
    window.case_list.select_case(case_id)
    window.case_panel.table.selectRow(0)
    app.processEvents()
    edit = window.editor.section_edits()[0]
    edit.setFocus()
    words = iter(FIRST)
    count = [0]

    def say(line: str) -> None:
        sys.stdout.write(line + "\n")
        sys.stdout.flush()

    def type_first() -> None:
        word = next(words, None)
        if word is None:
            timer.stop()
            QTimer.singleShot(PAUSE_MS, start_second)
            return
        QTest.keyClicks(edit, word + " ")
        say(f"typed {word}")

    def start_second() -> None:
        say("paused")
        timer.timeout.disconnect()
        timer.timeout.connect(type_second)
        timer.start(WORD_MS)

    def type_second() -> None:
        count[0] += 1
        word = f"beta{count[0]:04d}"
        QTest.keyClicks(edit, word + " ")
        say(f"typed {word}")

    timer = QTimer()
    timer.timeout.connect(type_first)
    timer.start(WORD_MS)
    app.exec()


if __name__ == "__main__":
    main()
