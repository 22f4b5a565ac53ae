"""Issue 14's figures: a practice server at 400,000 notes with clinical text encrypted in
the program, against the unencrypted server of issue 13, in the same run on the same
PostgreSQL. Prints a table; asserts nothing about time.

    .venv/bin/python tests/bench/bench_server_encrypted.py [--runs 11] [--fresh | --reuse-any]

Which unencrypted server: the program as it was before issue 14 (main at PLAIN_COMMIT,
taken out of git into the cache folder and run from there), not today's program with its
keychain taken away: today's server has no plain search any more (note_search keeps blind
tokens only), so "without encryption" can only honestly mean the previous program, with
its own schema, its tsvector search and its own services. Both programs run the same
calls, each in a process of its own (two versions of one package cannot share one).

What is loaded, on each server alike (server_fill.py): 20 clinicians, 8,000 couples
(400 each, assigned in turn), 50 weekly sessions per case, each with an unsigned note of
three sections (about 150 words from a 50,000-word vocabulary with a long tail): 400,000
notes. Each server is made by its own program (``server init``, the administrator adding
staff through the staff service; on the encrypted one each clinician's first sign-in
changes the password and so makes their key pair), then filled in bulk as the superuser:
on the encrypted one each case key is wrapped for its clinician and the recovery key,
note sections are encrypted and tokenised by the program's own functions in worker
processes, and note_search holds blind tokens; on the plain one note_search holds the
folded text and its tsvector. The loaded cluster is kept in --cache (default
/tmp/clarity-bench400k/<version>, the version hashing this loader, the storage code and
the plain commit; an older version's cluster is removed), so a second run starts the
server and measures at once. --reuse-any measures on the kept cluster whatever its
version: it first runs ``server upgrade`` on the encrypted database (this program's
revisions and rules), and once (marker encrypted.sealed) seals in place the columns its
rows still hold plain that this program encrypts (seal_side), so a change of the
program can be timed without loading again.

Measured as clinician 00 (400 cases, 20,000 notes visible), through the services the
window calls, each a fresh unit of work: the first search after signing in (a fresh
sign-in each time: on the encrypted server it opens the key of each of her cases), then,
after one warm-up each, search for a rarer word (about one note in 2,000) and a common
one (a third of the notes), open a case (cases.open_case: the case, its partners and 50
sessions with their notes, decrypted on the encrypted server), and save a
~1,500-character draft on the case's oldest note (notes.save_draft: encrypted and
re-tokenised there). Before timing, the newest note of the opened case is read back on
both servers and must equal the loaded text.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import os
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from collections.abc import Callable
from io import BytesIO
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
PLAIN_COMMIT = "cac417d4f107f33c727d2da09f2dcea52ad5981f"  # main, the last before issue 14
LOADER_VERSION = "1"
CACHE = Path("/tmp/clarity-bench400k")
CLINICIANS = 20
ADMIN_PASSWORD = "bench admin password"
SIDES = ("plain", "encrypted")
COLD_RUNS = 3
LABELS = {"plain": "unencrypted (issue 13)", "encrypted": "encrypted (issue 14)"}


def password(i: int) -> str:
    return f"bench clinician {i:02d}"


def login(side: str, i: int) -> str:
    """Logins are the cluster's, not a database's: each server has its own."""
    return f"{side}_c{i:02d}"


def admin_login(side: str) -> str:
    return f"{side}_admin"


# --- the orchestrator: the server, the two programs, the table ------------------------------


def version_key(plain_commit: str) -> str:
    """What the cached cluster depends on: this loader, today's storage code (how the
    encrypted server stores a row) and the plain program's commit."""
    digest = hashlib.sha256(f"{LOADER_VERSION}:{plain_commit}".encode())
    for path in sorted(
        [HERE / "server_fill.py", *(ROOT / "clarity_desktop" / "store").rglob("*.py")]
    ):
        digest.update(path.relative_to(ROOT).as_posix().encode())
        digest.update(path.read_bytes())
    return f"{plain_commit[:10]}-{digest.hexdigest()[:12]}"


def plain_source(commit: str, where: Path) -> Path:
    """The issue-13 program's files, out of this repository's history."""
    src = where / f"src-{commit[:10]}"
    if not (src / "clarity_desktop").exists():
        archive = subprocess.run(
            ["git", "-C", str(ROOT), "archive", commit, "clarity_desktop", "resources"],
            capture_output=True,
            check=True,
        ).stdout
        tmp = Path(tempfile.mkdtemp(prefix="src-", dir=where))
        with tarfile.open(fileobj=BytesIO(archive)) as tar:
            tar.extractall(tmp, filter="data")
        tmp.rename(src)
    return src


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cases", type=int, default=8_000)
    ap.add_argument("--notes-per-case", type=int, default=50)
    ap.add_argument("--runs", type=int, default=11)
    ap.add_argument("--plain-commit", default=PLAIN_COMMIT)
    ap.add_argument("--cache", type=Path, default=CACHE)
    ap.add_argument("--fresh", action="store_true", help="load again even if a cache exists")
    ap.add_argument(
        "--reuse-any",
        action="store_true",
        help="measure on a kept cluster of this size whatever its version (to time a change "
        "that does not change how rows are stored, before and after)",
    )
    ap.add_argument("--child", choices=("load", "upgrade", "seal", "measure"))
    ap.add_argument("--side", choices=SIDES)
    ap.add_argument("--src", type=Path)
    ap.add_argument("--port", type=int)
    ap.add_argument("--ca", type=Path)
    ap.add_argument("--secret", type=Path)
    args = ap.parse_args()
    if args.child:
        child(args)
        return

    sys.path.insert(0, str(ROOT))
    from tests.bench.kept_cluster import KeptCluster

    args.cache.mkdir(parents=True, exist_ok=True)
    key = version_key(args.plain_commit)
    shape_key = f"{args.cases}x{args.notes_per_case}"
    home = args.cache / f"{key}-{shape_key}"
    if args.reuse_any:
        kept = [h for h in args.cache.glob(f"*-{shape_key}") if (h / "encrypted.loaded").exists()]
        if not kept:
            raise SystemExit(f"no kept cluster of {shape_key} in {args.cache}")
        home = max(kept, key=lambda h: h.stat().st_mtime)
    if args.fresh:
        shutil.rmtree(home, ignore_errors=True)
    for old in args.cache.iterdir():  # older versions' clusters: gigabytes each
        if old.is_dir() and old.name != home.name and not old.name.startswith("src-"):
            shutil.rmtree(old, ignore_errors=True)
    sources = {"plain": plain_source(args.plain_commit, args.cache), "encrypted": ROOT}
    cluster = KeptCluster(home / "cluster")
    began = time.perf_counter()
    cluster.start()
    load_seconds: dict[str, float] = {}
    results: dict[str, dict[str, Any]] = {}
    try:
        for side in SIDES:
            marker = home / f"{side}.loaded"
            if not marker.exists():
                cluster.drop_database(side)
                names = [admin_login(side)] + [login(side, i) for i in range(CLINICIANS)]
                cluster.psql("".join(f"DROP ROLE IF EXISTS {n};" for n in names))
                cluster.create_database(side)
                t = time.perf_counter()
                run_child(args, cluster, side, sources[side], "load")
                load_seconds[side] = time.perf_counter() - t
                marker.write_text(f"{load_seconds[side]:.0f}\n")
                if side == "encrypted":  # every column sealed by the loader itself
                    (home / "encrypted.sealed").write_text("loaded sealed\n")
            else:
                load_seconds[side] = -float(marker.read_text())
        if args.reuse_any:  # a kept cluster brought to this program, as `server upgrade` would
            run_child(args, cluster, "encrypted", ROOT, "upgrade")
            sealed = home / "encrypted.sealed"
            if not sealed.exists():
                print(run_child(args, cluster, "encrypted", ROOT, "seal"))
                sealed.write_text("sealed in place by --reuse-any\n")
        up = time.perf_counter() - began
        for side in SIDES:
            results[side] = run_child(args, cluster, side, sources[side], "measure")
        version = cluster.psql("SHOW server_version").strip()
        sizes = cluster.psql(
            "SELECT datname || ' ' || pg_size_pretty(pg_database_size(datname)) "
            "FROM pg_database WHERE datname IN ('plain', 'encrypted') ORDER BY datname DESC"
        )
    finally:
        cluster.stop()
    report(args, results, load_seconds, up, version, home)
    print("database sizes: " + ", ".join(sizes.split("\n")).strip(", "))


def run_child(args: Any, cluster: Any, side: str, src: Path, what: str) -> dict[str, Any]:
    secret = cluster.secret_file
    argv = [
        sys.executable,
        str(Path(__file__).resolve()),
        "--child",
        what,
        "--side",
        side,
        "--src",
        str(src),
        "--port",
        str(cluster.port),
        "--ca",
        str(cluster.ca_file),
        "--secret",
        str(secret),
        "--cases",
        str(args.cases),
        "--notes-per-case",
        str(args.notes_per_case),
        "--runs",
        str(args.runs),
    ]
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1", "PYTHONPATH": str(src)}
    out = subprocess.run(argv, env=env, stdout=subprocess.PIPE, text=True, cwd=str(src))
    if out.returncode != 0:
        raise SystemExit(f"the {side} program's {what} failed ({out.returncode})")
    return dict(json.loads(out.stdout.strip().splitlines()[-1]))


def report(
    args: Any,
    results: dict[str, dict[str, Any]],
    load_seconds: dict[str, float],
    up: float,
    version: str,
    home: Path,
) -> None:
    notes = args.cases * args.notes_per_case
    loaded = ", ".join(
        f"{s} {'loaded in' if v >= 0 else 'kept, loaded earlier in'} {abs(v):.0f} s"
        for s, v in load_seconds.items()
    )
    print(
        f"PostgreSQL {version} on loopback, TLS verify-full + SCRAM; {CLINICIANS} clinicians, "
        f"{args.cases:,} cases, {notes:,} notes on each server ({loaded}; ready in {up:.0f} s; "
        f"kept in {home})"
    )
    print(
        f"plain program: main at {args.plain_commit[:10]}; stemmers on the encrypted one: "
        f"{results['encrypted'].get('stemmers', '?')}"
    )
    head = f"{'action':<44}"
    for side in SIDES:
        head += f"{LABELS[side]:>34}"
    print("\n" + head + f"{'ratio':>8}")
    print(f"{'':<44}" + f"{'min / median / max ms':>28}{'rows':>6}" * 2 + f"{'':>8}")
    plain_rows = {r[0]: r for r in results["plain"]["rows"]}
    for label, spent, count in results["encrypted"]["rows"]:
        line = f"{label:<44}"
        medians = []
        for side_rows in (plain_rows, {label: (label, spent, count)}):
            _, times, rows = side_rows[label]
            medians.append(statistics.median(times))
            line += (
                f"{min(times) * 1000:>10.1f} {statistics.median(times) * 1000:>7.1f} "
                f"{max(times) * 1000:>8.1f}{rows:>7}"
            ).rjust(34)
        line += f"{medians[1] / medians[0]:>7.2f}x"
        print(line)
    print(
        f"\n(median of {args.runs} runs after one warm-up ({COLD_RUNS} sign-ins for the first "
        "search), each side in its own process; rows: "
        "hits the search returned (at most 100), sessions the opened case showed, the draft "
        "saved)"
    )


# --- a child: one program, one side ---------------------------------------------------------


def child(args: Any) -> None:
    sys.path.insert(0, str(args.src))
    sys.path.insert(0, str(HERE))
    import server_fill

    shape = server_fill.Shape(args.cases, args.notes_per_case, CLINICIANS)
    secret = args.secret.read_text().strip()
    if args.child == "load":
        load_side(args, shape, secret)
        print(json.dumps({"loaded": True}))
    elif args.child == "upgrade":
        print(json.dumps(upgrade_side(args, secret)))
    elif args.child == "seal":
        print(json.dumps(seal_side(args, shape, secret)))
    else:
        print(json.dumps(measure_side(args, shape)))


def _conninfo(args: Any, user: str, password_: str) -> str:
    from psycopg.conninfo import make_conninfo

    return make_conninfo(
        host="localhost",
        port=str(args.port),
        dbname=args.side,
        user=user,
        password=password_,
        sslmode="verify-full",
        sslrootcert=str(args.ca),
    )


def _url(args: Any, user: str) -> str:
    return f"postgresql://{user}@localhost:{args.port}/{args.side}"


def load_side(args: Any, shape: Any, secret: str) -> None:
    import server_fill
    import server_keys

    from clarity_desktop.domain.identity import Role
    from clarity_desktop.services import practices, staff
    from clarity_desktop.store import keys
    from clarity_desktop.store.postgres import server
    from clarity_desktop.store.postgres.address import ServerAddress

    encrypted = args.side == "encrypted"
    work = Path(tempfile.mkdtemp(prefix="clarity-bench-load-"))
    fast = keys.KdfParams(time_cost=1, memory_kib=8 * 1024, parallelism=1)
    address = ServerAddress("localhost", args.port, args.side, "postgres", args.ca)
    extra: dict[str, Any] = {}
    if encrypted:
        from clarity_desktop.store.postgres.encryption import recovery, wrapping

        sheet = recovery.new_recovery_key()
        extra["recovery_public"] = wrapping.public_bytes(sheet.public_key())
    server.initialise(
        address,
        secret,
        practice_name="Bench Practice",
        admin_login=admin_login(args.side),
        admin_name="Bench Admin",
        admin_password=ADMIN_PASSWORD,
        kdf=fast,
        **extra,
    )
    admin = practices.connect_server(
        _url(args, admin_login(args.side)), args.ca, ADMIN_PASSWORD, folder=work / "a"
    )
    real_kdf = keys.DEFAULT_KDF
    first = "first {}" if encrypted else "{}"
    try:
        for i in range(CLINICIANS):
            keys.DEFAULT_KDF = real_kdf if i == 0 else fast  # the measured one: real cost
            staff.add_staff(
                admin,
                login(args.side, i),
                f"Clinician {i:02d}",
                Role.CLINICIAN,
                first.format(password(i)),
                credentials="LMFT",
            )
        if encrypted:  # each one's first sign-in: their own password and key pair
            for i in range(CLINICIANS):
                keys.DEFAULT_KDF = real_kdf if i == 0 else fast
                server_keys.first_sign_in(
                    _url(args, login(args.side, i)),
                    args.ca,
                    f"first {password(i)}",
                    password(i),
                    work / f"c{i}",
                )
    finally:
        keys.DEFAULT_KDF = real_kdf
        admin.close()
    import psycopg

    superuser = _conninfo(args, "postgres", secret)
    names = [login(args.side, i) for i in range(CLINICIANS)]
    case_keys: dict[int, bytes] = {}
    add_wraps: Callable[[Any], None] | None = None
    with psycopg.connect(superuser) as conn:
        if encrypted:
            owners = server_keys.clinicians(conn, names)
        else:
            found = dict(conn.execute("SELECT login, user_id FROM clarity.staff").fetchall())
            owners = [(int(found[n]), "") for n in names]
    user_ids = [u for u, _ in owners]
    if encrypted:
        case_keys = server_keys.new_case_keys(shape.cases)
        add_wraps = server_keys.wrap_copier(
            case_keys,
            lambda c: owners[server_fill.clinician_of(c, shape)],
            extra["recovery_public"],
        )
    directory = b""
    if encrypted:  # client names and contacts: the directory key, held by every clinician
        directory = server_keys.directory_key(
            _url(args, admin_login(args.side)),
            args.ca,
            ADMIN_PASSWORD,
            work / "d",
            owners,
            superuser,
        )
    server_fill.load(args.side, shape, superuser, user_ids, case_keys, add_wraps, directory)
    shutil.rmtree(work, ignore_errors=True)


def upgrade_side(args: Any, secret: str) -> dict[str, Any]:
    """`server upgrade` on the kept encrypted database: this program's revisions (0012)
    and rules (search_tokens among them), as its superuser."""
    from clarity_desktop.store.postgres import upgrade
    from clarity_desktop.store.postgres.address import ServerAddress

    address = ServerAddress("localhost", args.port, args.side, "postgres", args.ca)
    done = upgrade.upgrade(address, secret)
    return {"before": done.before, "after": done.after, "applied": list(done.applied)}


def seal_side(args: Any, shape: Any, secret: str) -> dict[str, Any]:
    """A kept cluster loaded when only note sections were encrypted, sealed in place once
    (server_fill.seal_kept): each clinician signs in and opens the keys of her cases (the
    loader's keys were not kept), the administrator's program makes the directory key,
    which is wrapped for each clinician; then every still-plain column is encrypted."""
    import psycopg
    import server_fill
    import server_keys

    from clarity_desktop.services import practices
    from clarity_desktop.store.postgres.keychain import INFO_KEY, Keychain

    superuser = _conninfo(args, "postgres", secret)
    names = [login(args.side, i) for i in range(CLINICIANS)]
    with psycopg.connect(superuser) as conn:
        owners = server_keys.clinicians(conn, names)
    work = Path(tempfile.mkdtemp(prefix="clarity-bench-seal-"))
    case_keys: dict[int, bytes] = {}
    try:
        directory = server_keys.directory_key(
            _url(args, admin_login(args.side)),
            args.ca,
            ADMIN_PASSWORD,
            work / "d",
            owners,
            superuser,
        )
        for i, name in enumerate(names):
            me = practices.connect_server(
                _url(args, name), args.ca, password(i), folder=work / name
            )
            try:
                keys = me.session_info[INFO_KEY]
                assert isinstance(keys, Keychain)
                with me.engine.begin() as conn:
                    for case_id, ring in keys.readable_cases(conn).items():
                        case_keys[case_id] = bytes(ring.newest.secret)
            finally:
                me.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if len(case_keys) != shape.cases:
        raise SystemExit(f"opened {len(case_keys)} case keys of {shape.cases}")
    return server_fill.seal_kept(superuser, case_keys, directory)


def measure_side(args: Any, shape: Any) -> dict[str, Any]:
    import server_fill

    from clarity_desktop.domain.templates import Template
    from clarity_desktop.services import cases, notes, practices, search
    from clarity_desktop.services.dto import NoteDraft

    work = Path(tempfile.mkdtemp(prefix="clarity-bench-measure-"))
    folder = work / "c00"
    practices.connect_server(
        _url(args, login(args.side, 0)), args.ca, password(0), folder=folder
    ).close()
    out: dict[str, Any] = {"rows": []}
    # The first search after signing in: on the encrypted server it opens the key of every
    # case the clinician holds (the warm searches below find them in the keychain).
    cold, found = [], 0
    for _ in range(COLD_RUNS):
        fresh = practices.unlock_practice(folder, password(0))
        try:
            t = time.perf_counter()
            found = len(search.search_notes(fresh.uow(), server_fill.RARE))
            cold.append(time.perf_counter() - t)
        finally:
            fresh.close()
    out["rows"].append(("first search after signing in (rarer word)", cold, found))
    opened = practices.unlock_practice(folder, password(0))
    try:
        case_id = server_fill.a_case_of(0, shape)
        detail = cases.open_case(opened.uow(), case_id)
        note_id = detail.sessions[0].note_id  # the newest: read back as loaded
        draft_id = detail.sessions[-1].note_id  # the oldest: the drafts saved (kept)
        assert note_id is not None and draft_id is not None
        words, cumulative = server_fill.vocabulary(shape)
        loaded = server_fill.sections_of_case(case_id, shape, words, cumulative)[-1]
        read_back = notes.open_note(opened.uow(), note_id)
        if dict(read_back.sections) != loaded:
            raise SystemExit(f"{args.side}: note {note_id} does not read back as loaded")
        base = [notes.open_note(opened.uow(), draft_id).row_version]

        def save() -> int:
            draft = NoteDraft(
                Template.FIVE_STEPS, {"focus": "Steadier this week. " * 75}, frozenset(), {}, False
            )
            base[0] = notes.save_draft(
                opened.uow(), draft_id, draft, base_version=base[0]
            ).row_version
            return 1

        actions: list[tuple[str, Callable[[], int]]] = [
            (
                f"search a rarer word ('{server_fill.RARE}')",
                lambda: len(search.search_notes(opened.uow(), server_fill.RARE)),
            ),
            (
                f"search a common word ('{server_fill.COMMON}')",
                lambda: len(search.search_notes(opened.uow(), server_fill.COMMON)),
            ),
            (
                f"open a {shape.per_case}-session case (notes read)",
                lambda: len(cases.open_case(opened.uow(), case_id).sessions),
            ),
            ("save a ~1,500-character draft", save),
        ]
        for label, fn in actions:
            fn()  # warm
            spent = []
            count = 0
            for _ in range(args.runs):
                t = time.perf_counter()
                count = fn()
                spent.append(time.perf_counter() - t)
            out["rows"].append((label, spent, count))
        if args.side == "encrypted":
            from clarity_desktop.store.postgres.encryption import blind

            out["stemmers"] = len(blind.default_stemmers()) or "none (fold only)"
    finally:
        opened.close()
        shutil.rmtree(work, ignore_errors=True)
    return out


if __name__ == "__main__":
    with contextlib.suppress(KeyboardInterrupt):
        main()
