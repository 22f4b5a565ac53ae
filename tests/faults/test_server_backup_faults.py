"""`server backup` when PostgreSQL's tools misbehave: missing, failing, writing a file
that is not a backup, or one without the rows. Each time the user gets one sentence, exit
code 2, and nothing under the name they chose (no half backup, no part left beside it).
And the tools get the password and the TLS rules through their environment only, never
on their command line, whatever PG* settings the caller's environment holds."""

from __future__ import annotations

import json
import os
import stat
import sys
from pathlib import Path

import pytest

from clarity_desktop.store.postgres import dump
from tests.test_cli import assert_clean_error
from tests.test_cli_server import Server, backup, server  # noqa: F401  (the fixture)


@pytest.fixture
def practice_server(server: Server) -> Server:  # noqa: F811
    assert server.init().returncode == 0
    return server


def tool(folder: Path, name: str, body: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    script = folder / name
    script.write_text("#!/bin/sh\n" + body + "\n", encoding="utf-8")
    script.chmod(script.stat().st_mode | stat.S_IXUSR)


def with_tools(monkeypatch: pytest.MonkeyPatch, s: Server, dump_body: str) -> None:
    """A fake pg_dump first on PATH; the real pg_restore beside it."""
    bin_dir = s.tmp / "bin"
    tool(bin_dir, "pg_dump", dump_body)
    tool(bin_dir, "pg_restore", f'exec "{s.cluster.bindir / "pg_restore"}" "$@"')
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}")


def only_the_chosen_name_absent(out: Path) -> None:
    assert not out.exists()
    assert [p.name for p in out.parent.iterdir() if p.name.startswith(".clarity-")] == []


def test_missing_tools_name_the_package(
    practice_server: Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    s = practice_server
    empty = s.tmp / "empty-bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    monkeypatch.setattr(dump, "DEBIAN_ROOT", s.tmp / "no-postgresql")
    out = s.tmp / "out" / "p.dump"
    out.parent.mkdir()
    missing = backup(s, out)
    assert_clean_error(missing, "pg_dump was not found on this computer")
    assert "postgresql-client" in missing.stderr
    only_the_chosen_name_absent(out)


def test_the_newest_debian_tools_are_found_when_path_has_none(tmp_path: Path) -> None:
    for version in ("9", "15", "13"):
        tool(tmp_path / version / "bin", "pg_dump", "exit 0")
    found = dump.find_tool("pg_dump", path=str(tmp_path / "nothing"), debian_root=tmp_path)
    assert found == tmp_path / "15" / "bin" / "pg_dump"


def test_a_failing_pg_dump_is_one_sentence_with_its_reason(
    practice_server: Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    s = practice_server
    with_tools(monkeypatch, s, 'echo "pg_dump: error: connection to server lost" >&2; exit 1')
    out = s.tmp / "out" / "p.dump"
    out.parent.mkdir()
    failed = backup(s, out)
    assert_clean_error(failed, f"pg_dump could not back up the database {s.dbname}")
    assert "(connection to server lost)" in failed.stderr
    only_the_chosen_name_absent(out)


def test_a_file_pg_restore_cannot_read_is_not_kept(
    practice_server: Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    s = practice_server
    body = (
        'for a in "$@"; do case "$a" in --file=*) echo "not a dump" > "${a#--file=}";; esac; done'
    )
    with_tools(monkeypatch, s, body)
    out = s.tmp / "out" / "p.dump"
    out.parent.mkdir()
    out_kept = out.with_name("older.dump")
    out_kept.write_bytes(b"an older backup")
    unreadable = backup(s, out)
    assert_clean_error(unreadable, "pg_restore could not read the new backup back")
    only_the_chosen_name_absent(out)
    assert out_kept.read_bytes() == b"an older backup"


def test_a_backup_without_table_data_is_not_kept(
    practice_server: Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    s = practice_server
    with_tools(monkeypatch, s, f'exec "{s.cluster.bindir / "pg_dump"}" --schema-only "$@"')
    out = s.tmp / "out" / "p.dump"
    out.parent.mkdir()
    empty = backup(s, out)
    assert_clean_error(empty, "holds no table data, so it was not kept")
    only_the_chosen_name_absent(out)


def test_the_password_and_tls_rules_travel_in_the_environment_only(
    practice_server: Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    s = practice_server
    seen = s.tmp / "seen.jsonl"
    record = (
        f"{sys.executable} -c \"import json, os, sys; print(json.dumps({{'argv': sys.argv[1:], "
        f"'env': {{k: v for k, v in os.environ.items() if k.startswith('PG')}}}}))\" "
        f'"$@" >> "{seen}"\n'
        f'exec "{s.cluster.bindir / "pg_dump"}" "$@"'
    )
    with_tools(monkeypatch, s, record)
    monkeypatch.setenv("PGSSLMODE", "disable")  # the caller's own settings must not count
    monkeypatch.setenv("PGHOST", "elsewhere.invalid")
    out = s.tmp / "p.dump"
    made = backup(s, out)
    assert made.returncode == 0, made.stderr
    calls = [json.loads(line) for line in seen.read_text().splitlines()]
    got = next(c for c in calls if "--format=custom" in c["argv"])
    assert not any(s.cluster.superuser_password in a for a in got["argv"])
    assert got["env"]["PGPASSWORD"] == s.cluster.superuser_password
    assert got["env"]["PGSSLMODE"] == "verify-full"
    assert got["env"]["PGSSLROOTCERT"] == str(s.ca)
    assert "PGHOST" not in got["env"]
    assert f"--dbname={s.dbname}" in got["argv"]
