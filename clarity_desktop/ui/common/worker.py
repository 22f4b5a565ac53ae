"""The one worker API of the program: run a function on the thread pool and hear back
on the GUI thread. Used for unlocking (key derivation), search, and later reports,
backups and imports.

Results travel through a QObject created on the GUI thread and queued connections, so
callbacks always run on the GUI thread whatever thread the work ran on.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal


class _Relay(QObject):
    finished = Signal(object)
    failed = Signal(object)
    progress = Signal(int, str)


class Progress:
    """Handed to work that wants to report progress or honour cancellation."""

    def __init__(self, relay: _Relay) -> None:
        self._relay = relay
        self.cancelled = False

    def report(self, percent: int, message: str = "") -> None:
        self._relay.progress.emit(percent, message)


class Task(QRunnable):
    def __init__(self, fn: Callable[..., Any], args: tuple[Any, ...], wants_progress: bool) -> None:
        super().__init__()
        self.relay = _Relay()
        self.progress = Progress(self.relay)
        self._fn = fn
        self._args = args
        self._wants_progress = wants_progress
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            if self._wants_progress:
                result = self._fn(*self._args, progress=self.progress)
            else:
                result = self._fn(*self._args)
        except BaseException as exc:
            self.relay.failed.emit(exc)
        else:
            self.relay.finished.emit(result)

    def cancel(self) -> None:
        self.progress.cancelled = True


_live: set[_Relay] = set()


def run_task(
    fn: Callable[..., Any],
    *args: Any,
    on_done: Callable[[Any], None],
    on_fail: Callable[[BaseException], None],
    on_progress: Callable[[int, str], None] | None = None,
) -> Task:
    """Run ``fn(*args)`` off the GUI thread. If *on_progress* is given, fn also receives a
    ``progress`` keyword argument (a Progress)."""
    task = Task(fn, args, on_progress is not None)
    relay = task.relay
    _live.add(relay)  # keep the relay alive until it has spoken

    def done(result: Any) -> None:
        _live.discard(relay)
        on_done(result)

    def fail(exc: Any) -> None:
        _live.discard(relay)
        on_fail(exc)

    relay.finished.connect(done, Qt.ConnectionType.QueuedConnection)
    relay.failed.connect(fail, Qt.ConnectionType.QueuedConnection)
    if on_progress is not None:
        relay.progress.connect(on_progress, Qt.ConnectionType.QueuedConnection)
    QThreadPool.globalInstance().start(task)
    return task
