"""How long ``server upgrade`` takes to seal a practice server from before encryption, at
400,000 notes. Prints figures; asserts nothing about time.

    .venv/bin/python tests/bench/bench_sealing.py [--cache /tmp/clarity-bench400k]

It needs the cluster bench_server_encrypted.py keeps: its "plain" database is a server
made and filled by the program as it was before encryption (the previous version's
schema, text and names in the clear). A copy of it ("sealing") is upgraded by today's
program through the same service as ``server upgrade``, as the superuser, with a stand-in
for the terminal that notes when the recovery sheet is shown (the sealing's transaction
has then done its work; the commit follows), and the time the table rewrite took after
the commit (VACUUM FULL of every table, then a checkpoint). The copy is dropped at the
end; the kept cluster is otherwise left as it was.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CACHE = Path("/tmp/clarity-bench400k")
COPY = "sealing"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cache", type=Path, default=CACHE)
    args = ap.parse_args()
    sys.path.insert(0, str(ROOT))
    from clarity_desktop.services import server_admin
    from tests.bench.kept_cluster import KeptCluster

    kept = [h for h in args.cache.glob("*-*") if (h / "plain.loaded").exists()]
    if not kept:
        raise SystemExit(f"no kept cluster with a plain database in {args.cache}")
    home = max(kept, key=lambda h: h.stat().st_mtime)
    cluster = KeptCluster(home / "cluster")
    cluster.start()
    try:
        cluster.drop_database(COPY)
        t = time.perf_counter()
        cluster.psql(f"CREATE DATABASE {COPY} TEMPLATE plain")
        copied = time.perf_counter() - t
        size = cluster.psql(f"SELECT pg_size_pretty(pg_database_size('{COPY}'))").strip()
        notes = cluster.psql("SELECT count(*) FROM clarity.notes", COPY).strip()
        shown: list[float] = []

        def sheet(_key: str, cases: int) -> None:
            shown.append(time.perf_counter())
            print(f"sheet shown: {cases} cases sealed, committing")

        began = time.perf_counter()
        done = server_admin.upgrade(
            cluster.url(cluster.superuser, COPY),
            cluster.ca_file,
            cluster.superuser_password,
            sheet,
        )
        ended = time.perf_counter()
        after = cluster.psql(f"SELECT pg_size_pretty(pg_database_size('{COPY}'))").strip()
        print(f"PostgreSQL {cluster.psql('SHOW server_version').strip()}, kept cluster {home}")
        print(f"copy of the plain database: {size}, {notes} notes, copied in {copied:.0f} s")
        print(f"revisions run: {', '.join(done.applied) or 'none'}; {done.sealed_cases} cases")
        print(f"sealing, up to the sheet (one transaction): {shown[0] - began:8.1f} s")
        print(f"commit and table rewrite, after the sheet:  {ended - shown[0]:8.1f} s")
        print(f"the whole upgrade:                          {ended - began:8.1f} s")
        print(f"rewrite: {done.rewrite_failed or 'done'}; database after: {after}")
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
        print(f"this process's peak memory: {peak:,.0f} MiB")
    finally:
        cluster.drop_database(COPY)
        cluster.stop()


if __name__ == "__main__":
    main()
