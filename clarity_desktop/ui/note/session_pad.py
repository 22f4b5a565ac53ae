"""Session mode's note pad saving itself (session_mode.py): a second after typing
pauses, at least every two seconds while typing goes on, when focus leaves the pad and
before the window closes. The bottom line says where it stands.

While another program holds the practice's write lock, a save waits at most
BUSY_WAIT_S on the GUI thread, says "Waiting to save…" and tries again every
BUSY_RETRY_MS; a save that fails for another reason is tried again after RETRY_MS.

Why not ui/note/autosave.py's AutosavePolicy, which the note editor uses: the quiet
delays are the same (1 s, 2 s, 5 s, 0.2 s), but while the practice is busy they differ,
and the user would notice. Here a busy save is retried every 0.5 s; the policy backs off
(0.5, 1, 2, then every 4 s). Here typing during that wait restarts the save (after the
pause, or at once when two seconds of typing are unsaved), and focus leaving the pad
saves; the policy keeps its planned retry for both. Moving the pad onto the policy is
a change of behaviour to decide on its own (it would also end the short waits, up to
0.2 s per key, that typing on while busy costs here).
"""

from __future__ import annotations

import time

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtWidgets import QLabel, QPlainTextEdit

from clarity_desktop.domain.errors import PracticeBusy
from clarity_desktop.services import session_mode
from clarity_desktop.services.practices import OpenPractice
from clarity_desktop.ui.common.errors import explain

IDLE_MS = 1000  # a pause in typing this long saves
MAX_UNSAVED_S = 2.0  # typing on without a pause saves at least this often
BUSY_WAIT_S = 0.2  # the longest a save (or a tap, session_mode.py) waits for another writer
BUSY_RETRY_MS = 500  # the next try while the practice is busy
RETRY_MS = 5000  # the next try after a save that failed for another reason


class PadSaver(QObject):
    """Saves *pad* into the note *note_id*, and announces the note as stored. (A signal,
    not a callback held here: that would keep the window alive in a reference cycle.)"""

    saved = Signal(object)  # the NoteView after the pad was saved

    def __init__(
        self,
        practice: OpenPractice,
        note_id: int,
        pad: QPlainTextEdit,
        state: QLabel,
        parent: QObject,
    ) -> None:
        super().__init__(parent)
        self.practice = practice
        self.note_id = note_id
        self.pad = pad
        self.state = state
        self.dirty = False  # typed, not saved yet
        self._dirty_since: float | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.save)
        pad.textChanged.connect(self.changed)

    def changed(self) -> None:
        now = time.monotonic()
        self.dirty = True
        if self._dirty_since is None:
            self._dirty_since = now
        self.state.setText(QCoreApplication.translate("SessionModeWindow", "Writing…"))
        if now - self._dirty_since >= MAX_UNSAVED_S:
            self.save()
        else:
            self._timer.start(IDLE_MS)

    def save(self, wait: float | None = BUSY_WAIT_S) -> bool:
        """Save now if anything is unsaved; True once nothing is."""
        self._timer.stop()
        if not self.dirty:
            return True
        try:
            note = session_mode.save_pad(
                self.practice.uow(), self.note_id, self.pad.toPlainText(), wait=wait
            )
        except PracticeBusy:
            self.state.setText(QCoreApplication.translate("SessionModeWindow", "Waiting to save…"))
            self._timer.start(BUSY_RETRY_MS)
            return False
        except Exception as exc:
            self.state.setText(
                QCoreApplication.translate("SessionModeWindow", "Not saved: %s") % explain(exc)
            )
            self._timer.start(RETRY_MS)
            return False
        self.dirty = False
        self._dirty_since = None
        self.state.setText(QCoreApplication.translate("SessionModeWindow", "Pad saved"))
        self.saved.emit(note)
        return True
