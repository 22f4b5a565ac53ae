"""The one worker API of the program: run a function on the thread pool and hear back
on the GUI thread, on behalf of an owner.

    run_task(fn, *args, owner=widget, key="preview", on_done=..., on_failed=...)

- Results travel through a QObject made on the GUI thread and queued connections, so
  the callbacks always run on the GUI thread whatever thread the work ran on.
- Every task has an *owner* (the widget that shows its result). When the owner is
  destroyed its tasks are cancelled and whatever they still deliver is dropped.
- A *key* names what the result is for ("search", "preview"): a newer task of the same
  owner and key supersedes the older one, which is cancelled and its result dropped, so
  the latest result wins without each widget counting generations.
- forget(owner, key) drops what a task would still deliver (the owner moved on).
- cancel(owner, key) asks a running task to stop: its Progress (domain/progress.py)
  raises Cancelled at the next report or raise_if_cancelled, and on_failed hears
  Cancelled (a superseded or orphaned task's Cancelled is dropped like any result).

All of that is decided in one place, _deliver, below.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable, Hashable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal

from clarity_desktop.domain.progress import Cancelled, percent


class _Relay(QObject):
    finished = Signal(object)
    failed = Signal(object)
    progress = Signal(int)


class TaskProgress:
    """The Progress (domain/progress.py) a task's function receives as ``progress=``."""

    def __init__(self, relay: _Relay) -> None:
        self._relay = relay
        self._stop = threading.Event()

    def report(self, done: int, total: int) -> None:
        self.raise_if_cancelled()
        self._relay.progress.emit(percent(done, total))

    def raise_if_cancelled(self) -> None:
        if self._stop.is_set():
            raise Cancelled

    @property
    def cancelled(self) -> bool:
        return self._stop.is_set()

    def cancel(self) -> None:
        self._stop.set()


class Task(QRunnable):
    def __init__(
        self, fn: Callable[..., Any], args: tuple[Any, ...], wants_progress: bool, owner_id: int
    ) -> None:
        super().__init__()
        self.owner_id = owner_id
        self.relay = _Relay()
        self.progress = TaskProgress(self.relay)
        self.dropped = False  # superseded or orphaned: nothing of it reaches the owner
        self._fn = fn
        self._args = args
        self._wants_progress = wants_progress
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            self.progress.raise_if_cancelled()  # cancelled while it waited for a thread
            if self._wants_progress:
                result = self._fn(*self._args, progress=self.progress)
            else:
                result = self._fn(*self._args)
        except BaseException as exc:
            self.relay.failed.emit(exc)
        else:
            self.relay.finished.emit(result)

    def cancel(self) -> None:
        self.progress.cancel()

    def drop(self) -> None:
        self.dropped = True
        self.cancel()


_running: dict[int, set[Task]] = {}  # id(owner) -> its tasks not yet delivered
_current: dict[tuple[int, Hashable], Task] = {}  # (id(owner), key) -> the task that counts
_watched: set[int] = set()  # owners whose destroyed signal is connected


def _owner_gone(owner_id: int) -> None:
    for task in _running.pop(owner_id, set()):
        task.drop()
    for k in [k for k in _current if k[0] == owner_id]:
        del _current[k]
    _watched.discard(owner_id)


def _forget(owner_id: int, key: Hashable | None, task: Task) -> None:
    tasks = _running.get(owner_id)
    if tasks is not None:
        tasks.discard(task)
        if not tasks:
            del _running[owner_id]
    if key is not None and _current.get((owner_id, key)) is task:
        del _current[(owner_id, key)]


def _deliver(
    task: Task,
    owner: weakref.ref[QObject],
    key: Hashable | None,
    callback: Callable[[Any], None],
    value: Any,
    final: bool,
) -> None:
    """The one place that decides whether a task's news reaches its owner."""
    living = owner()
    if final:
        _forget(task.owner_id, key, task)
    if task.dropped or living is None or not shiboken6.isValid(living):
        return
    callback(value)


def run_task(
    fn: Callable[..., Any],
    *args: Any,
    owner: QObject,
    key: Hashable | None = None,
    on_done: Callable[[Any], None],
    on_failed: Callable[[BaseException], None],
    on_progress: Callable[[int], None] | None = None,
) -> Task:
    """Run ``fn(*args)`` off the GUI thread for *owner*. With *on_progress* (it hears a
    percentage), fn also receives ``progress=``, a domain Progress. A task with the same
    owner and *key* as one still running supersedes it."""
    owner_id = id(owner)
    if key is not None:
        previous = _current.get((owner_id, key))
        if previous is not None:
            previous.drop()
    task = Task(fn, args, on_progress is not None, owner_id)
    _running.setdefault(owner_id, set()).add(task)  # keeps the task's relay alive too
    if key is not None:
        _current[(owner_id, key)] = task
    if owner_id not in _watched:
        _watched.add(owner_id)
        owner.destroyed.connect(lambda *_a, oid=owner_id: _owner_gone(oid))
    ref = weakref.ref(owner)
    relay = task.relay
    queued = Qt.ConnectionType.QueuedConnection
    relay.finished.connect(lambda r: _deliver(task, ref, key, on_done, r, True), queued)
    relay.failed.connect(lambda e: _deliver(task, ref, key, on_failed, e, True), queued)
    if on_progress is not None:
        relay.progress.connect(lambda p: _deliver(task, ref, key, on_progress, p, False), queued)
    QThreadPool.globalInstance().start(task)
    return task


def cancel(owner: QObject, key: Hashable | None = None) -> None:
    """Ask *owner*'s running tasks (only the one for *key*, if given) to stop. Each
    reports Cancelled to its on_failed once it has stopped."""
    owner_id = id(owner)
    for task in list(_running.get(owner_id, ())):
        if key is None or _current.get((owner_id, key)) is task:
            task.cancel()


def forget(owner: QObject, key: Hashable | None = None) -> None:
    """Drop what *owner*'s task for *key* (or all its tasks) would still deliver, and ask
    it to stop: its result no longer matches what the owner shows."""
    owner_id = id(owner)
    for task in list(_running.get(owner_id, ())):
        if key is None or _current.get((owner_id, key)) is task:
            task.drop()
            _forget(owner_id, key, task)


def is_running(owner: QObject, key: Hashable | None = None) -> bool:
    owner_id = id(owner)
    if key is None:
        return bool(_running.get(owner_id))
    return (owner_id, key) in _current
