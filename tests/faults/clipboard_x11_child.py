"""A child program for test_clipboard_x11: the program's clipboard guard on a real X11
clipboard, beside another program that copies things too.

Run under xvfb-run with QT_QPA_PLATFORM=xcb. Prints one JSON object: what the clipboard
held at each step.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtGui import QClipboard
from PySide6.QtWidgets import QApplication, QLineEdit

from clarity_desktop.ui.common.clipboard import clipboard_guard

NOTE = "Ama said she has felt unseen since the baby came."
KEY = "K7QM-2XHD-9TRW-4PLA-66JC-EN3B"
OTHER = """
import sys
from PySide6.QtCore import QSocketNotifier
from PySide6.QtWidgets import QApplication

app = QApplication([])
def take() -> None:
    line = sys.stdin.readline()
    if not line:
        app.quit()
        return
    app.clipboard().setText(line.rstrip("\\n"))
    print("took", flush=True)
notifier = QSocketNotifier(sys.stdin.fileno(), QSocketNotifier.Type.Read)
notifier.activated.connect(take)
print("ready", flush=True)
app.exec()
"""


class Clock:
    now = 100.0

    def __call__(self) -> float:
        return self.now


def main() -> None:
    app = QApplication(sys.argv[:1])
    clipboard = app.clipboard()
    other = subprocess.Popen(
        [sys.executable, "-c", OTHER], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    assert other.stdin is not None and other.stdout is not None
    assert other.stdout.readline().strip() == "ready"

    def settle() -> None:
        for _ in range(25):
            app.processEvents()
            time.sleep(0.02)

    def other_copies(text: str) -> None:
        other.stdin.write(text + "\n")  # type: ignore[union-attr]
        other.stdin.flush()  # type: ignore[union-attr]
        assert other.stdout.readline().strip() == "took"  # type: ignore[union-attr]
        settle()

    def held(mode: QClipboard.Mode = QClipboard.Mode.Clipboard) -> str:
        settle()
        return clipboard.text(mode)

    guard = clipboard_guard()
    clock = Clock()
    guard.clock = clock
    seen: dict[str, object] = {"platform": app.platformName()}

    other_copies("a recipe copied in another program")
    seen["theirs_before_lock"] = held()
    guard.clear_ours()
    seen["theirs_after_lock"] = held()

    edit = QLineEdit(NOTE)
    edit.show()
    edit.selectAll()
    edit.copy()  # Ctrl+C in one of our text fields
    clipboard.setText(NOTE, QClipboard.Mode.Selection)  # what selecting does on X11
    seen["ours_before_lock"] = held()
    seen["selection_before_lock"] = held(QClipboard.Mode.Selection)
    guard.clear_ours()
    seen["ours_after_lock"] = held()
    seen["selection_after_lock"] = held(QClipboard.Mode.Selection)

    guard.copy_secret(KEY)
    seen["key"] = held()
    other_copies("copied in another program after the key")
    clock.now += 31
    guard.check_secret()
    seen["theirs_30_s_after_the_key"] = held()

    guard.copy_secret(KEY)
    clock.now += 31
    guard.check_secret()
    seen["key_after_30_s"] = held()

    other.stdin.close()
    other.wait(timeout=30)
    print(json.dumps(seen), flush=True)


if __name__ == "__main__":
    main()
