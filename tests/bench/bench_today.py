"""Benchmark of the Today view with thousands of cases. Prints figures; asserts nothing
about time (speed is watched by reading these, not by timed tests).

    .venv/bin/python tests/bench/bench_today.py [N] [--sessions 12]

Builds the practice of bench_overview.py (N active cases, about a dozen held sessions
each, every note a draft), then books 40 sessions a week for the next two weeks and 300
bookings in the past without an outcome, in bulk. Times, as the median of 5 runs:

- services.today.day_plan (read outside the write lock, one audit row);
- TodayView.refresh on a shown view (the read plus the four tables and their buttons);
- services.today.unsigned_from (what quitting asks about).

Not collected by pytest (the name does not start with test_).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from sqlalchemy import insert, select

from clarity_desktop.store.models import Session
from clarity_desktop.store.practice import OpenPractice
from tests.bench.bench_overview import build


def book(opened: OpenPractice, n_cases: int) -> int:
    now = datetime.now().replace(minute=0, second=0, microsecond=0)
    rows: list[dict[str, Any]] = []
    for i in range(80):  # 40 a week for two weeks, spread over the day's hours
        start = now + timedelta(days=i // 8, hours=(i % 8) - 2)
        rows.append(_booking(1 + (i * 37) % n_cases, start, "scheduled"))
    for i in range(300):
        rows.append(_booking(1 + (i * 53) % n_cases, now - timedelta(days=2 + i), "scheduled"))
    with opened.uow() as uow:
        uow.session.execute(insert(Session), rows)
        uow.commit()
        return int(uow.session.scalar(select(Session.id).order_by(Session.id.desc())) or 0)


def _booking(case_id: int, start: datetime, status: str) -> dict[str, Any]:
    return {
        "case_id": case_id,
        "starts_at": start,
        "duration_minutes": 50,
        "modality": "in_person",
        "attending_partner_id": None,
        "created_at": datetime.now(),
        "status": status,
        "status_reason": "",
    }


def median_ms(fn: Callable[[], object], runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("cases", nargs="?", type=int, default=2000)
    parser.add_argument("--sessions", type=int, default=12)
    args = parser.parse_args()
    from PySide6.QtWidgets import QApplication

    from clarity_desktop.services import today
    from clarity_desktop.ui.practice.today_view import TodayView

    app = QApplication.instance() or QApplication(sys.argv)
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        opened = build(Path(tmp) / "practice", args.cases, args.sessions)
        last_id = book(opened, args.cases)
        built = time.perf_counter() - t0
        plan = today.day_plan(opened.uow())
        print(
            f"{args.cases:,} cases, {last_id:,} sessions (built in {built:.1f} s): "
            f"{len(plan.sessions)} in the next 7 days, {len(plan.overdue)} overdue, "
            f"{len(plan.drafts):,} unsigned drafts, {len(plan.quiet):,} quiet cases"
        )
        view = TodayView(opened)
        view.resize(1280, 720)
        view.show()
        app.processEvents()
        figures = [
            ("services.today.day_plan", lambda: today.day_plan(opened.uow())),
            ("TodayView.refresh (shown)", lambda: (view.refresh(), app.processEvents())),
            (
                "services.today.unsigned_from",
                lambda: today.unsigned_from(opened.uow(), datetime.now().date()),
            ),
        ]
        for name, fn in figures:
            print(f"  {name:<32} {median_ms(fn):8.1f} ms  (median of 5)")
        view.close()
        opened.close()


if __name__ == "__main__":
    main()
