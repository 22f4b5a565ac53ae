"""How long work tells how far it has got, and hears that it should stop.

One protocol for services, store, reports and the window's worker: ``report(done,
total)`` after each step, ``raise_if_cancelled()`` where stopping is safe (both may raise
Cancelled: a report is a safe point too). The work cleans up what it started and lets
Cancelled travel up; whoever cancelled it decides what to tell the user.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol


class Cancelled(Exception):
    """The work was asked to stop and stopped; nothing it was making was kept."""


class Progress(Protocol):
    def report(self, done: int, total: int) -> None:
        """*done* steps of *total* (pages, rows, notes); total 0 means nothing to do."""
        ...

    def raise_if_cancelled(self) -> None:
        """Raise Cancelled if the work was asked to stop."""
        ...


def percent(done: int, total: int) -> int:
    """0-100, for a progress bar; 100 when there was nothing to do."""
    if total <= 0:
        return 100
    return max(0, min(100, done * 100 // total))


class CallbackProgress:
    """A Progress from plain functions: *on_report(done, total)* hears each step and
    *is_cancelled()* says when to stop. Either may be left out."""

    def __init__(
        self,
        on_report: Callable[[int, int], None] | None = None,
        is_cancelled: Callable[[], bool] | None = None,
    ) -> None:
        self._on_report = on_report
        self._is_cancelled = is_cancelled

    def report(self, done: int, total: int) -> None:
        self.raise_if_cancelled()
        if self._on_report is not None:
            self._on_report(done, total)

    def raise_if_cancelled(self) -> None:
        if self._is_cancelled is not None and self._is_cancelled():
            raise Cancelled


NO_PROGRESS: Progress = CallbackProgress()  # for work nobody watches
