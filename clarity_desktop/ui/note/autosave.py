"""When a note's draft saves itself: the policy, apart from the widgets (no Qt here).

One second after typing pauses, at least every two seconds while typing goes on,
whenever focus leaves the note, and before the note is left. A crash or power cut
therefore loses at most the last couple of seconds of typing.

When another task holds the practice's write lock, an autosave waits at most
AUTOSAVE_WAIT_S, so typing never stalls; the editor then says "Waiting to save…" and
the policy plans the next try after 0.5, 1, 2, then every 4 seconds, until it saves.
Typing meanwhile does not move that plan (the retry is already set). A save that fails
for another reason is tried again after RETRY_MS.

The note editor (note_editor.py) tells the policy what happened and runs one timer for
the delay it answers; the policy only counts and decides, so it is tested without a
window (tests/ui/test_autosave_policy.py).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from enum import Enum

IDLE_MS = 1000  # a pause in typing this long saves
MAX_UNSAVED_S = 2.0  # typing on without a pause saves at least this often
RETRY_MS = 5000  # after a failed save
AUTOSAVE_WAIT_S = 0.2  # the longest an autosave keeps the window waiting for another writer
BUSY_RETRY_MS = (500, 1000, 2000, 4000)  # then every 4 s, until the draft is saved


class Next(Enum):
    """What the editor does after an edit."""

    SAVE_NOW = "save now"  # typing went on for MAX_UNSAVED_S: save without waiting
    AFTER_PAUSE = "after a pause"  # (re)start the timer for IDLE_MS
    KEEP_WAITING = "keep waiting"  # the practice is busy: the planned retry stands


class AutosavePolicy:
    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self.dirty = False  # edits not saved yet
        self._dirty_since: float | None = None
        self.busy_tries = 0  # autosaves in a row that found the practice busy

    @property
    def waiting_for_writer(self) -> bool:
        return self.busy_tries > 0

    def shown(self) -> None:
        """A note was shown afresh: nothing to save."""
        self.dirty = False
        self._dirty_since = None
        self.busy_tries = 0

    def cleared(self) -> None:
        """No note shown: no retry is pending."""
        self.busy_tries = 0

    def edited(self) -> Next:
        now = self._clock()
        self.dirty = True
        if self._dirty_since is None:
            self._dirty_since = now
        if self.busy_tries:
            return Next.KEEP_WAITING
        if now - self._dirty_since >= MAX_UNSAVED_S:
            return Next.SAVE_NOW
        return Next.AFTER_PAUSE

    def save_on_focus_leaving(self) -> bool:
        """Focus left the note: save, unless a retry for a busy practice is planned."""
        return self.dirty and not self.busy_tries

    def needs_saving(self) -> bool:
        return self.dirty

    def saved(self) -> None:
        self.dirty = False
        self._dirty_since = None
        self.busy_tries = 0

    def busy(self) -> int:
        """The practice was busy: the milliseconds until the next try."""
        self.busy_tries += 1
        return BUSY_RETRY_MS[min(self.busy_tries, len(BUSY_RETRY_MS)) - 1]

    def failed(self) -> int:
        """The save failed for another reason: the milliseconds until the next try."""
        return RETRY_MS
