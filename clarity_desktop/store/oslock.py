"""Operating-system locks on a practice folder.

Every program that opens a practice (the window, every command, an import, a backup) holds
a shared lock on ``practice.lock`` for as long as it has the practice open; a restore takes
it exclusively, so the database is never swapped under a program that is using it. The
window also holds ``window.lock`` exclusively, so a second window on the same practice is
refused before it writes anything.

The locks are the operating system's own (flock on POSIX, LockFileEx on Windows, through
portalocker), held by an open file: when a process dies, the system releases them. There is
no process id to read, nothing stale to clean up, and no guess about whether a process is
still alive. The lock files themselves are empty and never removed.

Within one process the holds are counted per folder on one open file, because a second
open of the same file would be a second lock that conflicts with the first.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

import portalocker

from clarity_desktop.domain.errors import ClarityError, ErrorCode

PRACTICE_LOCK = "practice.lock"
WINDOW_LOCK = "window.lock"
WAIT_FOR_RESTORE_S = 10.0  # how long an opener waits for a restore in progress


class PracticeInUse(ClarityError):
    """Another program holds the lock this action needs."""


@dataclass
class _Held:
    file: IO[bytes]
    shared: int = 0  # holds counted in this process
    exclusive: bool = False
    lock: threading.Lock = field(default_factory=threading.Lock)


_registry: dict[tuple[Path, str], _Held] = {}
_registry_lock = threading.Lock()


def _open(folder: Path, name: str) -> IO[bytes]:
    path = folder / name
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    return os.fdopen(fd, "r+b", buffering=0)


def _try(file: IO[bytes], flags: portalocker.LockFlags) -> bool:
    try:
        portalocker.lock(file, flags | portalocker.LockFlags.NON_BLOCKING)
    except (portalocker.LockException, portalocker.AlreadyLocked, BlockingIOError):
        return False
    return True


def _entry(folder: Path, name: str) -> _Held:
    key = (folder.resolve(), name)
    with _registry_lock:
        held = _registry.get(key)
        if held is None:
            held = _Held(_open(folder, name))
            _registry[key] = held
        return held


def _forget_if_unused(folder: Path, name: str, held: _Held) -> None:
    with _registry_lock:
        if held.shared == 0 and not held.exclusive:
            portalocker.unlock(held.file)
            held.file.close()
            _registry.pop((folder.resolve(), name), None)


class SharedHold:
    """One shared hold on a practice; release() once (idempotent)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._released = False

    def release(self) -> None:
        if self._released:
            return
        self._released = True
        held = _entry(self.folder, PRACTICE_LOCK)
        with held.lock:
            held.shared -= 1
        _forget_if_unused(self.folder, PRACTICE_LOCK, held)


def hold_shared(folder: Path, *, wait_s: float = WAIT_FOR_RESTORE_S) -> SharedHold:
    """A shared hold on *folder*'s practice, waiting up to *wait_s* while a restore runs."""
    held = _entry(folder, PRACTICE_LOCK)
    with held.lock:
        if held.shared == 0 and not held.exclusive:
            deadline = time.monotonic() + wait_s
            while not _try(held.file, portalocker.LockFlags.SHARED):
                if time.monotonic() >= deadline:
                    _forget_if_unused(folder, PRACTICE_LOCK, held)
                    raise PracticeInUse(ErrorCode.PRACTICE_BEING_RESTORED, folder=folder)
                time.sleep(0.05)
        held.shared += 1
    return SharedHold(folder)


@contextmanager
def exclusive(folder: Path) -> Iterator[None]:
    """The practice to ourselves: refused at once while any other program has it open.
    This process's own shared holds are converted on the same open file, and restored
    afterwards."""
    held = _entry(folder, PRACTICE_LOCK)
    with held.lock:
        if not _try(held.file, portalocker.LockFlags.EXCLUSIVE):
            if held.shared:
                # flock may have dropped our shared lock while converting: take it back.
                portalocker.lock(held.file, portalocker.LockFlags.SHARED)
            else:
                _forget_if_unused(folder, PRACTICE_LOCK, held)
            raise PracticeInUse(ErrorCode.PRACTICE_IN_USE, folder=folder)
        held.exclusive = True
    try:
        yield
    finally:
        with held.lock:
            held.exclusive = False
            if held.shared:
                portalocker.lock(held.file, portalocker.LockFlags.SHARED)
        _forget_if_unused(folder, PRACTICE_LOCK, held)


class WindowHold:
    """The one window allowed on a practice; released by release() or by process death."""

    def __init__(self, folder: Path, held: _Held) -> None:
        self.folder = folder
        self._held: _Held | None = held

    def release(self) -> None:
        held, self._held = self._held, None
        if held is None:
            return
        held.exclusive = False
        _forget_if_unused(self.folder, WINDOW_LOCK, held)


def hold_window(folder: Path) -> WindowHold:
    held = _entry(folder, WINDOW_LOCK)
    with held.lock:
        if held.exclusive:
            return WindowHold(folder, held)  # this process already shows the window
        if not _try(held.file, portalocker.LockFlags.EXCLUSIVE):
            _forget_if_unused(folder, WINDOW_LOCK, held)
            raise PracticeInUse(ErrorCode.PRACTICE_OPEN_IN_WINDOW)
        held.exclusive = True
    return WindowHold(folder, held)
