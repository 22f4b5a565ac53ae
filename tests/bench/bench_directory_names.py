"""What encrypting client names costs the case list on a practice server: 2,000 cases
imported by a clinician (their names and contacts encrypted under the directory key),
then cases.list_cases as that clinician, with the names opened and sorted in the program
(now) and with the same query's rows taken as stored (what the list did before names
were encrypted: no decryption, the server's order), and on SQLite for reference. Prints
a table; asserts nothing about time.

    .venv/bin/python tests/bench/bench_directory_names.py [--cases 2000] [--runs 7]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from clarity_desktop.services import cases, importer  # noqa: E402
from clarity_desktop.store import directory  # noqa: E402
from tests.bench.bench_import import make_csv  # noqa: E402
from tests.pg_cluster import PgCluster  # noqa: E402
from tests.pg_practice import DANA, PgPractices  # noqa: E402


def timed(fn: Callable[[], object], runs: int) -> tuple[float, float]:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return min(times), statistics.median(times)


def fill(opened: Any, n: int) -> float:
    t = time.perf_counter()
    preview = importer.preview_bytes(opened.uow(), make_csv(n))
    importer.import_clients(opened.uow(), preview)
    return time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cases", type=int, default=2000)
    ap.add_argument("--runs", type=int, default=7)
    args = ap.parse_args()
    rows: list[tuple[str, float, float]] = []
    with tempfile.TemporaryDirectory() as tmp:
        cluster = PgCluster()
        cluster.start()
        try:
            pg = PgPractices(cluster)
            dbname = pg.new_database(Path(tmp) / "build")
            dana = pg.unlock(dbname, DANA, Path(tmp) / "dana")
            took = fill(dana, args.cases)
            print(f"import of {args.cases:,} clients (names encrypted): {took:.1f} s")
            listed = cases.list_cases(dana.uow())
            assert len(listed) == args.cases and not listed[0].display_name.startswith("c1.")
            rows.append(
                (
                    "server, names opened and sorted (now)",
                    *timed(lambda: cases.list_cases(dana.uow()), args.runs),
                )
            )
            opened = directory.reveal
            as_stored: Callable[..., Sequence[Any]] = lambda db, found, *_a: found  # noqa: E731
            directory.reveal = as_stored  # type: ignore[assignment]
            try:
                rows.append(
                    (
                        "server, rows as stored (before: no decryption)",
                        *timed(lambda: cases.list_cases(dana.uow()), args.runs),
                    )
                )
            finally:
                directory.reveal = opened  # type: ignore[assignment]
            dana.close()
            pg.close()
        finally:
            cluster.stop()
    print(f"{'case list, ' + str(args.cases) + ' cases':<52}{'min ms':>9}{'median ms':>11}")
    for label, low, mid in rows:
        print(f"{label:<52}{low:>9.1f}{mid:>11.1f}")


if __name__ == "__main__":
    main()
