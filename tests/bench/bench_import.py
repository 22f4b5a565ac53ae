"""Benchmark of moving in a large client list: how long the import holds the write lock.

    .venv/bin/python tests/bench/bench_import.py [ROWS] [--existing N] [--keep DIR]

Makes a throwaway practice (with N existing individual cases, default 2000, so the
duplicate check has something to compare against), writes a CSV of ROWS invented clients
(default 20,000, the most one file may hold) and imports it the way the program does:
``importer.preview_bytes`` then ``importer.import_clients``. Prints, each as measured once:

- the preview (reading the file, the duplicate check): no write lock at all;
- the whole import call, and within it the write transaction, from BEGIN IMMEDIATE to
  the end of COMMIT, measured on the connection (the time the lock is held);
- the longest time another process was kept from writing, measured from outside: a
  probe process keyed with the same key tries ``BEGIN IMMEDIATE`` (without waiting)
  every few milliseconds during the import and reports the longest run of refusals.

Asserts nothing about time (speed is watched by reading these figures); it checks only
that every row arrived. Not collected by pytest (the name does not start with test_).
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import random
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from sqlalchemy import event, func, insert, select

from clarity_desktop.services import importer
from clarity_desktop.store import keys, opening
from clarity_desktop.store.files import db_path
from clarity_desktop.store.models import Case, Partner
from clarity_desktop.store.practice import Clinician, OpenPractice
from clarity_desktop.store.sqlite.engine import connect_raw
from clarity_desktop.store.uow import utcnow

FAST_KDF = keys.KdfParams(time_cost=1, memory_kib=8 * 1024, parallelism=1)
FIRST = ["Zoë", "Łukasz", "Ana", "Ben", "Cleo", "Dev", "Émile", "Noor", "Kai", "Priya", "Tom"]
LAST = ["Alves", "Kelleher", "Okafor", "Raman", "Nakamura", "Wiśniewski", "Hale", "Eze"]
TODAY = date(2026, 11, 24)


def make_csv(rows: int, seed: int = 11) -> bytes:
    rng = random.Random(seed)
    lines = ["Full name,Pronouns,Date of birth,E-mail,Mobile"]
    for i in range(rows):
        first, last = rng.choice(FIRST), rng.choice(LAST)
        born = f"{rng.randint(1950, 2004)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        mail = f"client{i}@example.org"
        lines.append(f"{first} {last} {i},they/them,{born},{mail},+44 7700 9{i:05d}")
    return ("\n".join(lines) + "\n").encode("utf-8")


def add_existing(opened: OpenPractice, n: int) -> None:
    now = utcnow()
    with opened.uow() as uow:
        s = uow.session
        s.execute(
            insert(Case),
            [
                dict(
                    id=i,
                    kind="individual",
                    display_name=f"Existing Client {i}",
                    relationship_structure="",
                    status="active",
                    opened_on=TODAY,
                    safety_flag=False,
                    safety_note="",
                    created_at=now,
                    updated_at=now,
                )
                for i in range(1, n + 1)
            ],
        )
        s.execute(
            insert(Partner),
            [dict(case_id=i, position=1, name=f"Existing Client {i}") for i in range(1, n + 1)],
        )
        uow.commit()


def probe(path: str, key: bytes, ready: Any, stop: Any, result: Any) -> None:
    """Another program: tries to start writing every 2 ms without waiting; reports the
    longest stretch during which it could not."""
    conn = connect_raw(Path(path), key)
    conn.execute("PRAGMA busy_timeout = 0")
    longest = 0.0
    refused_since: float | None = None
    ready.set()
    while not stop.is_set():
        now = time.perf_counter()
        try:
            conn.execute("BEGIN IMMEDIATE")
            conn.execute("ROLLBACK")
            if refused_since is not None:
                longest = max(longest, now - refused_since)
                refused_since = None
        except Exception:
            if refused_since is None:
                refused_since = now
        time.sleep(0.002)
    if refused_since is not None:
        longest = max(longest, time.perf_counter() - refused_since)
    conn.close()
    result.value = longest


def lock_timer(opened: OpenPractice) -> list[float]:
    """Durations of write transactions, BEGIN IMMEDIATE to the end of COMMIT."""
    spans: list[float] = []
    started: dict[int, float] = {}

    @event.listens_for(opened.engine, "begin")
    def _begin(conn: Any) -> None:  # runs after the engine's own BEGIN IMMEDIATE
        started[id(conn.connection.dbapi_connection)] = time.perf_counter()

    @event.listens_for(opened.engine, "commit")
    def _commit(conn: Any) -> None:
        raw = conn.connection.dbapi_connection
        t0 = started.pop(id(raw), None)
        if t0 is not None:
            raw.commit()  # the real COMMIT, timed; SQLAlchemy's own is then a no-op
            spans.append(time.perf_counter() - t0)

    return spans


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("rows", nargs="?", type=int, default=20_000)
    ap.add_argument("--existing", type=int, default=2000)
    ap.add_argument("--keep", type=Path, help="build the practice here and keep it")
    args = ap.parse_args()
    root = args.keep or Path(tempfile.mkdtemp(prefix="clarity-bench-import-"))
    folder = root / "practice"
    opened, _ = opening.create(folder, "bench passphrase", Clinician("Bench", "LMFT"), kdf=FAST_KDF)
    add_existing(opened, args.existing)
    data = make_csv(args.rows)
    print(f"{args.rows:,} rows ({len(data) / 2**20:.1f} MB), {args.existing:,} clients already in")

    t0 = time.perf_counter()
    preview = importer.preview_bytes(opened.uow(), data, today=TODAY)
    print(f"preview (no write lock):           {time.perf_counter() - t0:7.2f} s")
    assert not preview.rejected and len(preview.rows) == args.rows, preview.summary

    ctx = mp.get_context("spawn")
    ready, stop, result = ctx.Event(), ctx.Event(), ctx.Value("d", 0.0)
    prober = ctx.Process(
        target=probe, args=(str(db_path(folder)), opened.db_key, ready, stop, result)
    )
    prober.start()
    ready.wait(30)
    spans = lock_timer(opened)
    t0 = time.perf_counter()
    ids = importer.import_clients(opened.uow(), preview, today=TODAY)
    total = time.perf_counter() - t0
    time.sleep(0.05)
    stop.set()
    prober.join(30)
    with opened.engine.connect() as conn:
        cases = conn.execute(select(func.count()).select_from(Case)).scalar_one()
    assert len(ids) == args.rows and cases == args.rows + args.existing
    print(f"import_clients, whole call:        {total:7.2f} s")
    print(f"write lock held (BEGIN..COMMIT):   {max(spans):7.2f} s  ({len(spans)} transaction(s))")
    print(f"another writer kept waiting (max): {result.value:7.2f} s  (probe process)")
    opened.close()
    if args.keep is None:
        import shutil

        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
