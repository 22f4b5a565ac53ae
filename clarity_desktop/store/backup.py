"""Encrypted copies of a live practice database, made with SQLite's online backup API
(never a file copy of a live database), verified before they count.

A copy is keyed with the same database key, so it opens with the practice's own key
file; the key file is saved beside it too, for the day the practice's own is lost.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from clarity_desktop.store.engine import connect_raw

Progress = Callable[[int, int], None]  # pages done, pages in all


def copy_database(
    src: Path, key: bytes | bytearray, dest: Path, progress: Progress | None = None
) -> None:
    """Copy *src* to *dest* page by page while others may keep using *src*. Written to a
    side file and renamed only once complete, so *dest* is never half a database."""
    part = dest.with_name(dest.name + ".part")
    with contextlib.suppress(FileNotFoundError):
        part.unlink()
    source = connect_raw(src, key)
    try:
        target = connect_raw(part, key, create=True)
        try:

            def report(_status: int, remaining: int, total: int) -> None:
                if progress is not None:
                    progress(total - remaining, total)

            source.backup(target, pages=256, progress=report)
            target.execute("PRAGMA journal_mode = DELETE")  # a copy is one self-contained file
        finally:
            target.close()
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            part.unlink()
        raise
    finally:
        source.close()
    _fsync(part)
    os.replace(part, dest)
    with contextlib.suppress(OSError):
        os.chmod(dest, 0o600)


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def problems(path: Path, key: bytes | bytearray) -> list[str]:
    """Empty when the file decrypts page by page and SQLite finds it sound."""
    try:
        conn: Any = connect_raw(path, key)
    except Exception as exc:
        return [f"cannot be opened ({exc})"]
    try:
        found = [f"damaged page: {r[0]}" for r in conn.execute("PRAGMA cipher_integrity_check")]
        quick = [r[0] for r in conn.execute("PRAGMA quick_check")]
        if quick != ["ok"]:
            found += quick
        return found
    except Exception as exc:
        return [f"cannot be read ({exc})"]
    finally:
        conn.close()


def practice_id_of(path: Path, key: bytes | bytearray) -> str | None:
    conn: Any = connect_raw(path, key)
    try:
        row = conn.execute("SELECT practice_id FROM practice_info WHERE id = 1").fetchone()
        return str(row[0]) if row else None
    finally:
        conn.close()


MANIFEST = "manifest.json"


def write_manifest(
    folder: Path,
    *,
    created_at: datetime,
    kind: str,
    revision: str,
    cases: int,
    notes: int,
    app_version: str,
) -> None:
    data = {
        "format": "clarity-backup",
        "version": 1,
        "created_at": created_at.isoformat(),
        "kind": kind,
        "revision": revision,
        "cases": cases,
        "notes": notes,
        "app_version": app_version,
    }
    (folder / MANIFEST).write_text(json.dumps(data, indent=2), encoding="utf-8")


class CheckFailed(Exception):
    """The fresh copy did not pass its check; the message names the first problem."""


def write_backup_set(
    practice_folder: Path,
    key: bytes | bytearray,
    target: Path,
    *,
    kind: str,
    revision: str,
    app_version: str,
    progress: Progress | None = None,
) -> tuple[datetime, int, int]:
    """Fill the existing, empty folder *target* with a verified copy of the database, the
    key file and a manifest. Returns (created_at, cases, notes). Whatever fails, *target*
    is removed, so a half-made backup never counts. Shared by manual and automatic
    backups (services/backups.py) and the copy made before an upgrade (practice.py)."""
    from clarity_desktop.store.files import db_path, key_path
    from clarity_desktop.store.uow import utcnow

    try:
        copy_database(db_path(practice_folder), key, db_path(target), progress)
        found = problems(db_path(target), key)
        if found:
            raise CheckFailed(found[0])
        shutil.copy2(key_path(practice_folder), key_path(target))
        conn = connect_raw(db_path(target), key)
        try:
            cases = int(conn.execute("SELECT count(*) FROM cases").fetchone()[0])
            notes = int(conn.execute("SELECT count(*) FROM notes").fetchone()[0])
        finally:
            conn.close()
        created_at = utcnow()
        write_manifest(
            target,
            created_at=created_at,
            kind=kind,
            revision=revision,
            cases=cases,
            notes=notes,
            app_version=app_version,
        )
    except BaseException:
        shutil.rmtree(target, ignore_errors=True)
        raise
    return created_at, cases, notes
