"""Sealing a server from before encryption, where it can go wrong: the sheet, the odd
value, the audit and the old copies on disk (store/postgres/sealing.py).

- The recovery sheet is the only way back to every record after sealing, so a sheet that
  never reached anyone (the terminal gone, the output piped to a closed reader) must
  leave the server as it was: shown before the commit, never after. ``server init``
  likewise makes no practice whose sheet nobody saw.
- A therapist's addendum that begins "c1." (the ciphertext's prefix) is plain text like
  any other and is sealed too: on a server without keys nothing can be encrypted yet.
- Sealing is written in the audit trail.
- Encrypting in place leaves the old rows as dead copies in the table files, and dropped
  columns keep their bytes: the tables are rewritten once the sealing has committed.

Failed before: the upgrade and init committed first and printed the sheet after; "c1."
text was left in the clear; no audit row; every marker phrase was still in the relation
files.
"""

from __future__ import annotations

import contextlib
import io
import os
import sys

import pytest

from clarity_desktop import cli
from clarity_desktop.store.postgres import sealing
from tests.faults.test_pg_sealed_upgrade import MARKERS, Plain, _pg_dump, plain
from tests.faults.test_pg_server_upgrade import upgrade
from tests.pg_upgrade import as_superuser
from tests.test_cli_server import ADMIN_PW, Server, run, server

__all__ = ["plain", "server"]


def _recovery_rows(p: Plain) -> int:
    """Recovery keys on the server (none, and no table for them, before the upgrade)."""
    with as_superuser(p.pg, p.built.dbname) as conn:
        table = conn.execute("SELECT to_regclass('clarity.practice_keys')").fetchone()
        if table is None or table[0] is None:
            return 0
        row = conn.execute(
            "SELECT count(*) FROM clarity.practice_keys WHERE name = 'recovery'"
        ).fetchone()
        assert row is not None
        return int(row[0])


def test_plain_text_that_happens_to_start_like_ciphertext_is_sealed_too(plain: Plain) -> None:
    """An addendum a therapist wrote before encryption, numbered "c1." (values.PREFIX is
    "c1."): seal_all takes it for a value already encrypted (import_keys._sealed) and
    leaves it in the clear on the server, unindexed, and the program then reads it as
    damaged. On a server with no recovery key nothing can already be sealed."""
    p = plain
    secret = "c1. Correction: Zoë disclosed the affair with Priya in the individual session."
    with as_superuser(p.pg, p.built.dbname) as conn:
        conn.execute("SET session_replication_role = replica")
        conn.execute("UPDATE clarity.addenda SET body = %s", (secret,))
    done = upgrade(p.pg, p.built.dbname)
    assert done.recovery_key is not None
    assert "affair with Priya" not in _pg_dump(p)


class _Gone(io.TextIOBase):
    """A terminal that went away (ssh dropped, output piped to head): nothing reaches it."""

    def writable(self) -> bool:
        return True

    def write(self, s: str) -> int:
        raise BrokenPipeError(32, "Broken pipe")


def without_a_reader(*argv: str, sink: io.TextIOBase | None = None, **env: str) -> str:
    """``clarity-desktop ARGV`` whose output reaches nobody (a closed pipe, or *sink*);
    what it said on stderr."""
    err = io.StringIO()
    with pytest.MonkeyPatch.context() as mp:
        for name, value in env.items():
            mp.setenv(name, value)
        mp.setattr(sys, "stdin", io.StringIO(""))
        with (
            contextlib.redirect_stdout(sink or _Gone()),
            contextlib.redirect_stderr(err),
            contextlib.suppress(SystemExit),
        ):
            cli.main(list(argv))
    return err.getvalue()


def test_a_sheet_nobody_saw_leaves_the_server_unsealed(plain: Plain) -> None:
    """If the sheet never arrives, every case would be encrypted for a key nobody has: no
    staff member holds a key after sealing, so the whole practice's records are lost."""
    p = plain
    cluster = p.pg.cluster
    url = cluster.url(cluster.superuser, p.built.dbname)
    said = without_a_reader(
        *("server", "upgrade", "--url", url, "--ca", str(cluster.ca_file)),
        CLARITY_SERVER_PASSWORD=cluster.superuser_password,
    )
    assert _recovery_rows(p) == 0, "sealed for a recovery key that was never shown: " + said
    assert "nothing was changed on the server" in said
    assert MARKERS[0] in _pg_dump(p)  # still the old server, text and all


def test_a_sheet_sent_where_nobody_reads_it_leaves_the_server_unsealed(plain: Plain) -> None:
    """``server upgrade ... >/dev/null``, a pipe into grep, a scheduler: every write
    succeeds and nobody confirms. Only a terminal (with Enter) or a file read back counts."""
    cluster = plain.pg.cluster
    url = cluster.url(cluster.superuser, plain.built.dbname)
    with open(os.devnull, "w", encoding="utf-8") as sink:
        said = without_a_reader(
            *("server", "upgrade", "--url", url, "--ca", str(cluster.ca_file)),
            sink=sink,
            CLARITY_SERVER_PASSWORD=cluster.superuser_password,
        )
    assert _recovery_rows(plain) == 0
    assert "--recovery-sheet-out" in said and "nothing was changed on the server" in said


def test_an_init_whose_sheet_nobody_saw_makes_no_practice(server: Server) -> None:
    """The same for ``server init``: a practice whose recovery key nobody has would lose a
    case for good once everyone who can open it has left."""
    said = without_a_reader(
        *("server", "init", "--url", server.super_url, "--ca", str(server.ca)),
        *("--practice", "Riverside", "--admin-login", server.login("ada")),
        *("--admin-name", "Ada Lind"),
        CLARITY_SERVER_PASSWORD=server.cluster.superuser_password,
        CLARITY_NEW_PASSWORD=ADMIN_PW,
    )
    assert "nothing was changed on the server" in said
    assert server.sql("SELECT to_regclass('clarity.staff') IS NULL").strip() == "t"
    assert server.init().returncode == 0  # and it can be run again, shown this time


def test_sealing_the_practice_is_audited(plain: Plain) -> None:
    """Every note re-encrypted and a new recovery key made by the superuser, with no audit
    row at all (the import writes one, recover-keys writes one per person)."""
    p = plain
    with as_superuser(p.pg, p.built.dbname) as conn:
        before = conn.execute("SELECT count(*) FROM clarity.audit_events").fetchone()
    done = upgrade(p.pg, p.built.dbname)
    assert done.recovery_key is not None
    with as_superuser(p.pg, p.built.dbname) as conn:
        after = conn.execute("SELECT count(*) FROM clarity.audit_events").fetchone()
    assert before is not None and after is not None
    assert after[0] > before[0], "no audit row for sealing the practice"


def test_sealing_leaves_no_plain_text_in_the_relation_files(plain: Plain) -> None:
    """The encryption fault tests hold the server to "no marker word in any relation file"
    (test_pg_encryption.py). Sealing encrypts by UPDATE in place and drops note_search's
    text columns, so every old plain row stays on disk as a dead tuple (and the dropped
    columns' bytes in their rows) until something rewrites the tables: a disk thief, a
    file-level backup or a copy of the data directory still reads the notes and names."""
    p = plain
    done = upgrade(p.pg, p.built.dbname)
    assert done.recovery_key is not None
    blob = p.pg.cluster.relation_files(p.built.dbname).lower()
    left = [m for m in MARKERS if m.lower().encode() in blob]
    assert left == [], f"plain text still on disk after sealing: {left}"


def test_a_rewrite_that_failed_says_in_which_database_to_run_it(
    plain: Plain, monkeypatch: pytest.MonkeyPatch
) -> None:
    """VACUUM works on the database one is connected to: told without naming it, the owner
    runs it where psql lands, it succeeds there and clears nothing."""
    monkeypatch.setattr(
        sealing, "rewrite_tables", lambda _where, _pw: "could not extend file: No space left"
    )
    cluster = plain.pg.cluster
    said = run(
        *("server", "upgrade", "--url", cluster.url(cluster.superuser, plain.built.dbname)),
        *("--ca", cluster.ca_file, "--recovery-sheet-out", plain.tmp / "sheet.txt"),
        server=cluster.superuser_password,
    )
    assert said.returncode == 0, said.stderr
    [line] = [s for s in said.stdout.splitlines() if "VACUUM FULL" in s]
    assert f"psql -d {plain.built.dbname}" in line and "No space left" in line
