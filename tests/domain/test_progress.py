"""The one Progress protocol (domain/progress.py) that services, store, reports and the
window's worker share."""

from __future__ import annotations

import pytest

from clarity_desktop.domain.progress import NO_PROGRESS, CallbackProgress, Cancelled, percent


def test_reports_reach_the_callback_until_cancelled() -> None:
    seen: list[tuple[int, int]] = []
    stop = [False]
    progress = CallbackProgress(lambda d, t: seen.append((d, t)), lambda: stop[0])
    progress.report(1, 3)
    progress.raise_if_cancelled()
    stop[0] = True
    with pytest.raises(Cancelled):
        progress.report(2, 3)  # a report is a place to stop, too
    with pytest.raises(Cancelled):
        progress.raise_if_cancelled()
    assert seen == [(1, 3)]


def test_nobody_watching_never_stops_the_work() -> None:
    NO_PROGRESS.report(5, 10)
    NO_PROGRESS.raise_if_cancelled()


def test_percent_for_a_bar() -> None:
    assert [percent(d, 4) for d in range(5)] == [0, 25, 50, 75, 100]
    assert percent(0, 0) == 100  # nothing to do is done
    assert percent(7, 5) == 100
