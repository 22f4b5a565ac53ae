"""The one worker API (ui/common/worker.py): results reach only a living owner and only
for the latest task of a key; cancel stops a running task at its next progress report."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from clarity_desktop.domain.progress import Cancelled, Progress
from clarity_desktop.ui.common import worker
from clarity_desktop.ui.common.worker import run_task


def held_until(gate: threading.Event, value: Any) -> Any:
    """Work that waits for the test to let it finish."""
    assert gate.wait(10), "the test never released the task"
    return value


def test_a_result_reaches_its_owner_on_the_gui_thread(qtbot: QtBot) -> None:
    owner = QWidget()
    qtbot.addWidget(owner)
    got: list[tuple[int, bool]] = []
    gui = threading.get_ident()
    run_task(
        lambda x: x * 2,
        21,
        owner=owner,
        on_done=lambda r: got.append((r, threading.get_ident() == gui)),
        on_failed=pytest.fail,
    )
    qtbot.waitUntil(lambda: got == [(42, True)])


def test_a_failure_reaches_on_failed(qtbot: QtBot) -> None:
    owner = QWidget()
    qtbot.addWidget(owner)
    failed: list[BaseException] = []

    def boom() -> None:
        raise ValueError("no such practice")

    run_task(boom, owner=owner, on_done=pytest.fail, on_failed=failed.append)
    qtbot.waitUntil(lambda: len(failed) == 1)
    assert isinstance(failed[0], ValueError)


def test_the_result_for_a_destroyed_owner_is_dropped(qtbot: QtBot) -> None:
    owner = QWidget()
    gate = threading.Event()
    delivered: list[object] = []
    task = run_task(
        held_until,
        gate,
        "late",
        owner=owner,
        on_done=delivered.append,
        on_failed=delivered.append,
    )
    assert worker.is_running(owner)
    owner.deleteLater()
    qtbot.waitUntil(lambda: task.dropped)  # the owner's destruction dropped its task
    gate.set()
    # A later task of another owner is delivered: by then the dropped one has come back.
    witness = QWidget()
    qtbot.addWidget(witness)
    after: list[str] = []
    run_task(lambda: "next", owner=witness, on_done=after.append, on_failed=pytest.fail)
    qtbot.waitUntil(lambda: after == ["next"])
    qtbot.wait(50)
    assert delivered == []


def test_a_superseded_key_is_dropped_and_the_latest_wins(qtbot: QtBot) -> None:
    owner = QWidget()
    qtbot.addWidget(owner)
    first_gate, second_gate = threading.Event(), threading.Event()
    shown: list[str] = []
    run_task(
        held_until, first_gate, "old", owner=owner, key="search",
        on_done=shown.append, on_failed=shown.append,
    )  # fmt: skip
    run_task(
        held_until, second_gate, "new", owner=owner, key="search",
        on_done=shown.append, on_failed=shown.append,
    )  # fmt: skip
    second_gate.set()
    qtbot.waitUntil(lambda: shown == ["new"])
    first_gate.set()  # the older search finishes after the newer one
    qtbot.waitUntil(lambda: not worker.is_running(owner))
    qtbot.wait(50)
    assert shown == ["new"]


def test_cancel_stops_a_running_task_at_its_next_report(qtbot: QtBot) -> None:
    owner = QWidget()
    qtbot.addWidget(owner)
    started = threading.Event()
    steps: list[int] = []
    failed: list[BaseException] = []

    def long_work(progress: Progress) -> str:
        for i in range(10_000):
            progress.report(i, 10_000)  # raises Cancelled once cancelled
            steps.append(i)
            started.set()
            threading.Event().wait(0.001)
        return "finished"

    run_task(
        long_work,
        owner=owner,
        key="export",
        on_done=pytest.fail,
        on_failed=failed.append,
        on_progress=lambda _p: None,
    )
    assert started.wait(10)
    worker.cancel(owner, "export")
    qtbot.waitUntil(lambda: len(failed) == 1)
    assert isinstance(failed[0], Cancelled)
    assert len(steps) < 10_000  # it stopped, it did not run to the end


def test_progress_arrives_as_a_percentage(qtbot: QtBot) -> None:
    owner = QWidget()
    qtbot.addWidget(owner)
    seen: list[int] = []
    done: list[str] = []

    def pages(progress: Progress) -> str:
        for i in range(1, 5):
            progress.report(i, 4)
        return "ok"

    run_task(
        pages, owner=owner, on_done=done.append, on_failed=pytest.fail, on_progress=seen.append
    )
    qtbot.waitUntil(lambda: done == ["ok"])
    assert seen == [25, 50, 75, 100]
