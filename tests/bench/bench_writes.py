"""The cost of trust: the everyday writes and reads that record locks, seals, the anchor and
the OS locks touch. Prints a table; asserts nothing about time.

    .venv/bin/python tests/bench/bench_writes.py [--cases 2000] [--runs 40]

Builds a scale practice (devtools/scale.py, passphrase "demo") in a temporary folder and
times, each as the median of --runs: saving a ~1,500-character draft, signing a note
(with its seal), adding an addendum (with its seal), a search for a rarer word, and
unlocking then closing the practice (Argon2 included; the close folds the log in and
writes the anchor). It uses only functions older versions have too, so the same script
run with PYTHONPATH pointing at an older checkout gives that version's figures on the
same machine.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from clarity_desktop.devtools import scale
from clarity_desktop.domain.records import SessionInput
from clarity_desktop.domain.templates import Template
from clarity_desktop.services import cases, notes, practices, search, sessions
from clarity_desktop.services.dto import NoteDraft

TEXT = ("They noticed the shift when the evenings went quiet; " * 30)[:1500]


def median_ms(fn: Callable[[], object], runs: int) -> tuple[float, float, float]:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return min(times), statistics.median(times), max(times)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cases", type=int, default=2000)
    ap.add_argument("--runs", type=int, default=40)
    args = ap.parse_args()
    import clarity_desktop

    print(f"code: {Path(clarity_desktop.__file__).parent}")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "practice"
        t = time.perf_counter()
        opened, summary = scale.build_scale_practice(folder, args.cases)
        print(
            f"built {summary.cases:,} cases, {summary.notes:,} notes in {time.perf_counter() - t:.0f} s"
        )
        case_id = cases.list_cases(opened.uow())[0].id
        made = [
            sessions.create_session(
                opened.uow(),
                case_id,
                SessionInput(datetime(2026, 1, 1, 9).replace(day=1 + i % 28, hour=8 + i // 28)),
            )
            for i in range(args.runs * 2)
        ]
        drafts = iter(made)
        first = next(drafts)

        def save() -> None:
            notes.save_draft(
                opened.uow(),
                first.note_id,  # type: ignore[arg-type]
                NoteDraft(
                    Template.FIVE_STEPS,
                    {"focus": TEXT + str(time.perf_counter())},
                    frozenset(),
                    {},
                    False,
                ),
            )

        rows = [("save a draft", median_ms(save, args.runs))]
        to_sign = [s for s in made[1 : args.runs + 1]]
        for s in to_sign:
            notes.save_draft(
                opened.uow(),
                s.note_id,
                NoteDraft(Template.FIVE_STEPS, {"focus": TEXT}, frozenset(), {}, False),  # type: ignore[arg-type]
            )
        signing = iter(to_sign)
        rows.append(
            (
                "sign a note",
                median_ms(lambda: notes.sign_note(opened.uow(), next(signing).note_id), args.runs),
            )
        )  # type: ignore[arg-type]
        rows.append(
            (
                "add an addendum",
                median_ms(
                    lambda: notes.add_addendum(
                        opened.uow(), to_sign[0].note_id, "A late correction."
                    ),
                    args.runs,
                ),  # type: ignore[arg-type]
            )
        )
        rows.append(
            (
                "search a rarer word",
                median_ms(lambda: search.search_notes(opened.uow(), "evenings"), args.runs),
            )
        )
        opened.close()

        def cycle() -> None:
            practices.unlock_practice(folder, "demo").close()

        rows.append(("unlock, then close", median_ms(cycle, max(5, args.runs // 4))))
    print(f"{'action':<22}{'min ms':>10}{'median ms':>12}{'max ms':>10}")
    for name, (lo, mid, hi) in rows:
        print(f"{name:<22}{lo:>10.1f}{mid:>12.1f}{hi:>10.1f}")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
