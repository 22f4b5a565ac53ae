"""Benchmark of the practice overview with thousands of cases. Prints figures; asserts
nothing about time (speed is watched by reading these, not by timed tests).

    .venv/bin/python tests/bench/bench_overview.py [N] [--sessions 12] [--keep DIR]

Builds a throwaway practice of N active cases (default 2000) with about a dozen sessions
each, steps, partner readings and couple readings, inserted in bulk through one unit of
work (a bench, not product code: no audit rows, no full-text index). Then times, as the
median of 5 runs:

- services.overview.practice_overview (the worker-thread part);
- OverviewPanel.set_rows (the GUI-thread part when the rows arrive);
- each filter toggle, the text filter, and sorting by every column, on a shown panel;
- for comparison, QSortFilterProxyModel's own sort over the same model, which the panel
  avoids (see clarity_desktop/ui/dashboard/overview.py).

Not collected by pytest (the name does not start with test_).
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from sqlalchemy import insert

from clarity_desktop.store import keys, opening
from clarity_desktop.store.models import (
    Case,
    CoupleReadingRow,
    Note,
    NotePartnerStep,
    Partner,
    PartnerReadingRow,
    Session,
)
from clarity_desktop.store.practice import Clinician, OpenPractice

FAST_KDF = keys.KdfParams(time_cost=1, memory_kib=8 * 1024, parallelism=1)
FIRST = ["Zoë", "Łukasz", "Ana", "Ben", "Cleo", "Dev", "Émile", "Noor", "Kai", "Priya", "Tom"]
LAST = ["Alves", "Kelleher", "Okafor", "Raman", "Nakamura", "Wiśniewski", "Hale", "Eze"]


def build(folder: Path, n_cases: int, sessions_per_case: int, seed: int = 7) -> OpenPractice:
    rng = random.Random(seed)
    opened, _recovery = opening.create(
        folder, "bench passphrase", Clinician("Bench", "LMFT"), kdf=FAST_KDF
    )
    today = date.today()
    now = datetime.now()
    case_rows: list[dict[str, Any]] = []
    partner_rows: list[dict[str, Any]] = []
    session_rows: list[dict[str, Any]] = []
    note_rows: list[dict[str, Any]] = []
    step_rows: list[dict[str, Any]] = []
    reading_rows: list[dict[str, Any]] = []
    couple_rows: list[dict[str, Any]] = []
    partner_id = session_id = 0
    for case_id in range(1, n_cases + 1):
        couple = rng.random() < 0.85
        names = [f"{rng.choice(FIRST)} {rng.choice(LAST)}" for _ in range(2 if couple else 1)]
        case_rows.append(
            {
                "id": case_id,
                "kind": "couple" if couple else "individual",
                "display_name": " & ".join(names),
                "relationship_structure": "",
                "status": "active" if rng.random() < 0.9 else "closed",
                "opened_on": today - timedelta(days=400),
                "safety_flag": rng.random() < 0.08,
                "safety_note": "",
                "created_at": now,
                "updated_at": now,
            }
        )
        pids = []
        for position, name in enumerate(names, start=1):
            partner_id += 1
            pids.append(partner_id)
            partner_rows.append(
                {"id": partner_id, "case_id": case_id, "position": position, "name": name}
            )
        count = rng.randint(0, 2 * sessions_per_case)
        when = datetime.combine(today, datetime.min.time()) - timedelta(
            days=rng.randint(0, 90) + 7 * count, hours=-10
        )
        steps = [rng.randint(1, 3) for _ in pids]
        intensity = rng.randint(2, 9)
        for _ in range(count):
            session_id += 1
            when += timedelta(days=rng.choice((7, 7, 14)))
            attending = rng.choice(pids) if couple and rng.random() < 0.2 else None
            session_rows.append(
                {
                    "id": session_id,
                    "case_id": case_id,
                    "starts_at": when,
                    "duration_minutes": 50,
                    "modality": "in_person",
                    "attending_partner_id": attending,
                    "created_at": now,
                }
            )
            note_rows.append(
                {
                    "id": session_id,
                    "session_id": session_id,
                    "template": "five_steps",
                    "sections": {},
                    "private": attending is not None,
                    "created_at": now,
                    "updated_at": now,
                }
            )
            present = [attending] if attending is not None else pids
            for i, pid in enumerate(pids):
                if pid not in present:
                    continue
                steps[i] = max(1, min(5, steps[i] + rng.choice((-1, 0, 0, 0, 1, 1))))
                step_rows.append({"note_id": session_id, "partner_id": pid, "step": steps[i]})
                reading_rows.append(
                    {
                        "note_id": session_id,
                        "partner_id": pid,
                        "position": rng.randint(-3, 3),
                        "stance": rng.randint(0, 10),
                        "clarity": rng.randint(0, 10),
                        "flooded": rng.random() < 0.2,
                        "flooding_note": "",
                    }
                )
            if couple and attending is None:
                intensity = max(0, min(10, intensity + rng.choice((-2, -1, 0, 1, 2))))
                couple_rows.append(
                    {
                        "note_id": session_id,
                        "loops": ["pursue_withdraw"],
                        "intensity": intensity,
                        "co_regulation": rng.random() < 0.5,
                    }
                )
    with opened.uow() as uow:
        for model, rows in (
            (Case, case_rows),
            (Partner, partner_rows),
            (Session, session_rows),
            (Note, note_rows),
            (NotePartnerStep, step_rows),
            (PartnerReadingRow, reading_rows),
            (CoupleReadingRow, couple_rows),
        ):
            uow.session.execute(insert(model), rows)
        uow.commit()
    print(
        f"practice: {n_cases} cases ({sum(r['status'] == 'active' for r in case_rows)} active), "
        f"{len(session_rows)} sessions, {len(reading_rows)} partner readings, "
        f"{len(couple_rows)} couple readings"
    )
    return opened


def median_ms(fn: Callable[[], object], runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("cases", nargs="?", type=int, default=2000)
    parser.add_argument("--sessions", type=int, default=12, help="average sessions per case")
    parser.add_argument("--keep", type=Path, help="build the practice here and keep it")
    args = parser.parse_args()

    from PySide6.QtCore import QSortFilterProxyModel, Qt, qInstallMessageHandler
    from PySide6.QtWidgets import QApplication

    from clarity_desktop.services.overview import practice_overview
    from clarity_desktop.ui.common.models import SORT_ROLE
    from clarity_desktop.ui.dashboard.overview import OverviewModel, OverviewPanel

    qInstallMessageHandler(lambda *_: None)  # the offscreen platform's chatter
    app = QApplication.instance() or QApplication(sys.argv)
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp) / "practice"
        start = time.perf_counter()
        practice = build(folder, args.cases, args.sessions)
        print(f"built in {time.perf_counter() - start:.1f} s\n")
        try:
            rows: list[Any] = []

            def load() -> None:
                rows[:] = practice_overview(practice.uow())

            print(f"practice_overview ({args.cases} cases): {median_ms(load):8.1f} ms")
            formatter = OverviewModel().formatter
            entries: list[Any] = []

            def fmt() -> None:
                entries[:] = formatter.entries(rows)

            print(f"formatting the rows (worker thread too): {median_ms(fmt):8.1f} ms")
            panel = OverviewPanel(practice)
            panel.resize(1200, 700)
            panel.set_rows(rows)
            panel.show()
            app.processEvents()

            def swap_in() -> None:
                panel.model.set_entries(list(entries))
                app.processEvents()

            print(f"showing them (GUI thread, {len(rows)} rows): {median_ms(swap_in):8.1f} ms")

            def flip(button: Any) -> Callable[[], None]:
                def run() -> None:
                    button.setChecked(not button.isChecked())
                    app.processEvents()

                return run

            for label, button in (
                ("Partners at different steps", panel.steps_differ_button),
                ("Safety flag", panel.safety_button),
                ("No session in 30 days", panel.quiet_button),
            ):
                button.setChecked(False)
                ms = median_ms(flip(button))
                button.setChecked(False)
                print(f"toggle '{label}': {ms:8.1f} ms")

            def type_text() -> None:
                panel.filter.setText("an")
                app.processEvents()
                panel.filter.clear()
                app.processEvents()

            print(f"text filter 'an' and clear: {median_ms(type_text):8.1f} ms")
            names = ["Case", "Partner steps", "Latest intensity", "Trend", "Last session"]
            names.append("Attention")
            for column, name in enumerate(names):
                orders = iter([Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder] * 5)

                def sort_view(col: int = column, it: Any = orders) -> None:
                    panel.table.sortByColumn(col, next(it))
                    app.processEvents()

                print(f"sort by {name}: {median_ms(sort_view):8.1f} ms")

            plain = QSortFilterProxyModel()
            plain.setSortRole(SORT_ROLE)
            plain.setSourceModel(panel.model)
            flips = iter([Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder] * 5)
            ms = median_ms(lambda: plain.sort(OverviewModel.LAST, next(flips)))
            print(
                f"\nfor comparison, QSortFilterProxyModel's own sort by Last session: {ms:8.1f} ms"
            )
            panel.close()
        finally:
            practice.close()


if __name__ == "__main__":
    main()
