"""A child program for test_session_mode_kill: opens session mode on a practice's session
and taps markers with single keys like a therapist, then writes in the pad, reporting on
stdout what each key did once it returned. It never exits by itself; the test kills it
with SIGKILL.

usage: python session_mode_child.py PRACTICE_DIR PASSPHRASE SESSION_ID
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from clarity_desktop.services import cases, notes, practices
from clarity_desktop.ui.note.session_mode import SessionModeWindow

TAP_MS = 30
WORD_MS = 40
TAPS = 60
# 1, 2: loops; 3, 4: flooding; C: co-regulation; R then L: a repair that landed;
# Backspace: undo the last tap.
KEYS = (
    (Qt.Key.Key_1, "loop_episode"),
    (Qt.Key.Key_2, "loop_episode"),
    (Qt.Key.Key_3, "flooding"),
    (Qt.Key.Key_C, "co_regulation"),
    (Qt.Key.Key_R, "repair_attempt"),
    (Qt.Key.Key_L, "landed"),
    (Qt.Key.Key_4, "flooding"),
    (Qt.Key.Key_Backspace, "undo"),
)


def main() -> None:
    folder, passphrase, session_id = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
    app = QApplication(sys.argv[:1])
    practice = practices.unlock_practice(folder, passphrase)
    note = notes.note_for_session(practice.uow(), session_id)
    case = cases.read_case(practice.uow(), note.case_id)
    window = SessionModeWindow(practice, note, case.partners, 50)
    window.show()
    window.activateWindow()
    app.processEvents()

    def say(line: str) -> None:
        sys.stdout.write(line + "\n")
        sys.stdout.flush()

    count = [0]

    def tap() -> None:
        if count[0] >= TAPS:
            timer.stop()
            QTest.keyClick(window.keys, Qt.Key.Key_Return)  # to the pad
            say("writing")
            timer.timeout.disconnect()
            timer.timeout.connect(write)
            timer.start(WORD_MS)
            return
        key, what = KEYS[count[0] % len(KEYS)]
        QTest.keyClick(window.keys, key)
        count[0] += 1
        say(f"did {what}")  # only once the key's work has returned

    words = [0]

    def write() -> None:
        words[0] += 1
        word = f"pad{words[0]:04d}"
        QTest.keyClicks(window.pad, word + " ")
        say(f"typed {word}")

    timer = QTimer()
    timer.timeout.connect(tap)
    timer.start(TAP_MS)
    app.exec()


if __name__ == "__main__":
    main()
