"""A group practice's server at size: 30 staff, 20,000 cases, 400,000 notes, on loopback
with TLS (verify-full) and SCRAM, as a clinician would use it. Prints a table; asserts
nothing about time.

    .venv/bin/python tests/bench/bench_server.py [--cases 20000] [--notes-per-case 20]

Starts its own PostgreSQL (tests/pg_cluster.py), builds the practice through `server init`
and the staff service (each clinician's first sign-in makes their key pair), then fills it
in bulk as the server's superuser, stored as the program stores it since issue 14
(server_fill.py: each case's key wrapped for its clinician, note sections encrypted and
tokenised by the program's own functions, COPY, triggers off: a benchmark's data, not a
record). Each case is assigned to one of the 30 staff, so a clinician's row-level
security admits about 670 cases and 13,000 notes of the 400,000.
tests/bench/bench_server_encrypted.py compares the encrypted server with the plain one. Measured as that clinician, median of several runs (count printed): unlock
(TLS, SCRAM, identity, unwrapping the signing key with the real Argon2id), the case list
(the overview the main window shows), opening a 20-session case (case and its timeline),
search for a rarer and a common word, saving a draft.

Round trips are counted on the client, per action: each statement, each transaction's
BEGIN (psycopg sends it before the first statement), each COMMIT or ROLLBACK that reaches
the server, and each pool pre-ping. On a practice LAN every round trip adds about 0.5 ms;
the last column is that cost.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import psycopg  # noqa: E402
from sqlalchemy import event  # noqa: E402

from clarity_desktop.domain.identity import Role  # noqa: E402
from clarity_desktop.domain.templates import Template  # noqa: E402
from clarity_desktop.services import (  # noqa: E402
    cases,
    dynamics,
    notes,
    overview,
    practices,
    search,
    staff,
)
from clarity_desktop.services.dto import NoteDraft  # noqa: E402
from clarity_desktop.store import keys  # noqa: E402
from clarity_desktop.store.postgres import server  # noqa: E402
from clarity_desktop.store.postgres.address import ServerAddress  # noqa: E402
from clarity_desktop.store.postgres.encryption import recovery, wrapping  # noqa: E402
from tests.bench import server_fill, server_keys  # noqa: E402
from tests.pg_cluster import PgCluster  # noqa: E402

STAFF = 30
LAN_MS = 0.5
RARE = server_fill.RARE  # in about one note in 2,000
COMMON = server_fill.COMMON  # in about a third of the notes


class RoundTrips:
    """Counts what reaches the server from one engine (see the module docstring)."""

    def __init__(self, engine: Any) -> None:
        self.count = 0
        for name in ("before_cursor_execute", "begin", "commit", "rollback"):
            event.listen(engine, name, self._one)
        event.listen(engine.pool, "checkout", self._one)  # the pre-ping

    def _one(self, *args: object, **kw: object) -> None:
        self.count += 1


def fill(
    cluster: PgCluster,
    dbname: str,
    n_cases: int,
    per_case: int,
    recovery_public: bytes,
    work: Path,
) -> None:
    """The records as the program stores them on an encrypted server (server_fill.py):
    case keys wrapped for each case's clinician and the recovery key, every encrypted
    column sealed (names under the administrator's directory key, shared with each
    clinician), blind tokens in note_search."""
    shape = server_fill.Shape(n_cases, per_case, STAFF)
    conninfo = cluster.conninfo(cluster.superuser, cluster.superuser_password, dbname)
    with psycopg.connect(conninfo) as conn:
        owners = server_keys.clinicians(conn, [f"bench_c{i:02d}" for i in range(STAFF)])
    case_keys = server_keys.new_case_keys(n_cases)
    wraps = server_keys.wrap_copier(
        case_keys, lambda c: owners[server_fill.clinician_of(c, shape)], recovery_public
    )
    directory = server_keys.directory_key(
        f"postgresql://bench_admin@localhost:{cluster.port}/{dbname}",
        cluster.ca_file,
        "bench admin password",
        work / "directory",
        owners,
        conninfo,
    )
    server_fill.load(
        "encrypted", shape, conninfo, [u for u, _ in owners], case_keys, wraps, directory
    )


def timed(fn: Callable[[], object], runs: int, trips: RoundTrips) -> tuple[list[float], int]:
    fn()  # warm
    spent = []
    counted = 0
    for _ in range(runs):
        before = trips.count
        t = time.perf_counter()
        fn()
        spent.append(time.perf_counter() - t)
        counted = trips.count - before
    return spent, counted


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cases", type=int, default=20_000)
    ap.add_argument("--notes-per-case", type=int, default=20)
    ap.add_argument("--runs", type=int, default=7)
    args = ap.parse_args()
    fast = keys.KdfParams(time_cost=1, memory_kib=8 * 1024, parallelism=1)
    cluster = PgCluster()
    started = time.perf_counter()
    cluster.start()
    try:
        dbname = "bench_practice"
        cluster.create_database(dbname)
        address = ServerAddress("localhost", cluster.port, dbname, "postgres", cluster.ca_file)
        server.initialise(
            address,
            cluster.superuser_password,
            practice_name="Bench Practice",
            admin_login="bench_admin",
            admin_name="Bench Admin",
            admin_password="bench admin password",
            recovery_public=(
                sheet := wrapping.public_bytes(recovery.new_recovery_key().public_key())
            ),
            kdf=fast,
        )
        work = Path(tempfile.mkdtemp(prefix="clarity-bench-"))
        folder = work / "admin"
        remember = f"postgresql://bench_admin@localhost:{cluster.port}/{dbname}"
        admin = practices.connect_server(
            remember, cluster.ca_file, "bench admin password", folder=folder
        )
        keys_default = keys.DEFAULT_KDF
        for i in range(STAFF):
            keys.DEFAULT_KDF = keys_default if i == 0 else fast  # the measured one: real cost
            staff.add_staff(
                admin,
                f"bench_c{i:02d}",
                f"Clinician {i:02d}",
                Role.CLINICIAN,
                f"first bench clinician {i:02d}",
                credentials="LMFT",
            )
        admin.close()
        for i in range(STAFF):  # each one's first sign-in makes their key pair
            keys.DEFAULT_KDF = keys_default if i == 0 else fast
            server_keys.first_sign_in(
                f"postgresql://bench_c{i:02d}@localhost:{cluster.port}/{dbname}",
                cluster.ca_file,
                f"first bench clinician {i:02d}",
                f"bench clinician {i:02d}",
                work / f"first-{i:02d}",
            )
        keys.DEFAULT_KDF = keys_default
        t = time.perf_counter()
        fill(cluster, dbname, args.cases, args.notes_per_case, sheet, work)
        built = time.perf_counter() - t
        n_notes = args.cases * args.notes_per_case
        print(
            f"PostgreSQL {cluster.psql('SHOW server_version').strip()} on loopback, TLS "
            f"verify-full + SCRAM; {STAFF} staff, {args.cases:,} cases, {n_notes:,} notes "
            f"(filled in {built:.0f} s; server up in {t - started:.0f} s)"
        )
        me = f"postgresql://bench_c00@localhost:{cluster.port}/{dbname}"
        dana = work / "c00"
        opened = practices.connect_server(me, cluster.ca_file, "bench clinician 00", folder=dana)
        trips = RoundTrips(opened.engine)
        rows: list[tuple[str, list[float], int]] = []

        listed = overview.practice_overview(opened.uow(), date(2026, 6, 1))
        case_id = listed[len(listed) // 2].case_id
        note_id = cases.open_case(opened.uow(), case_id).sessions[-1].note_id
        assert note_id is not None

        def open_it() -> None:
            cases.open_case(opened.uow(), case_id)
            dynamics.case_timeline(opened.uow(), case_id)

        base = [notes.open_note(opened.uow(), note_id).row_version]

        def save() -> None:
            draft = NoteDraft(
                Template.FIVE_STEPS, {"focus": "Steadier this week. " * 75}, frozenset(), {}, False
            )
            base[0] = notes.save_draft(
                opened.uow(), note_id, draft, base_version=base[0]
            ).row_version

        for label, fn in (
            (
                f"case list ({len(listed)} cases visible)",
                lambda: overview.practice_overview(opened.uow(), date(2026, 6, 1)),
            ),
            (f"open a {args.notes_per_case}-session case with its timeline", open_it),
            (f"search a rarer word ('{RARE}')", lambda: search.search_notes(opened.uow(), RARE)),
            (
                f"search a common word ('{COMMON}')",
                lambda: search.search_notes(opened.uow(), COMMON),
            ),
            ("save a ~1,500-character draft", save),
        ):
            spent, count = timed(fn, args.runs, trips)
            rows.append((label, spent, count))
        opened.close()

        def unlock_once() -> None:
            practices.unlock_practice(dana, "bench clinician 00").close()

        t_unlock = []
        for _ in range(args.runs):
            t = time.perf_counter()
            unlocked = practices.unlock_practice(dana, "bench clinician 00")
            t_unlock.append(time.perf_counter() - t)
            unlock_trips = RoundTrips(unlocked.engine)
            unlocked.close()
        t = time.perf_counter()
        keys.unwrap(keys.wrap(b"x" * 32, "p", keys.DEFAULT_KDF), "p")
        argon = (time.perf_counter() - t) / 2
        del unlock_trips
        print(f"\n{'action':<52}{'min':>9}{'median':>9}{'max':>9}{'trips':>7}{'+LAN':>9}")
        print(
            f"{'unlock (of which Argon2id about ' + f'{argon * 1000:.0f} ms)':<52}"
            f"{min(t_unlock) * 1000:>8.0f} {statistics.median(t_unlock) * 1000:>8.0f} "
            f"{max(t_unlock) * 1000:>8.0f} {'—':>6} {'':>8}"
        )
        for label, spent, count in rows:
            print(
                f"{label:<52}{min(spent) * 1000:>8.1f} {statistics.median(spent) * 1000:>8.1f} "
                f"{max(spent) * 1000:>8.1f} {count:>6} {count * LAN_MS:>7.1f}ms"
            )
        print(f"\n(ms; median of {args.runs} runs after one warm-up; trips counted on the client)")
    finally:
        cluster.stop()


if __name__ == "__main__":
    main()
