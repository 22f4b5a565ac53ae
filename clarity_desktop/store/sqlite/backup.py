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
from datetime import datetime
from pathlib import Path
from typing import Any

from clarity_desktop.domain.backup_kinds import BackupKind
from clarity_desktop.domain.clock import utc_text
from clarity_desktop.domain.progress import Progress
from clarity_desktop.store import anchor
from clarity_desktop.store.audit_chain import last_link
from clarity_desktop.store.backend import CheckFailed
from clarity_desktop.store.seals import Ed25519PrivateKey
from clarity_desktop.store.sqlite.engine import connect_raw
from clarity_desktop.store.uow import utcnow


def copy_database(
    src: Path,
    key: bytes | bytearray,
    dest: Path,
    progress: Progress | None = None,
    *,
    wal: bool = False,
) -> None:
    """Copy *src* to *dest* page by page while others may keep using *src*. Written to a
    side file and renamed only once complete, so *dest* is never half a database. A backup
    is one self-contained file (rollback journal); a copy to be installed as a practice
    (*wal*) gets the write-ahead log a practice runs with."""
    part = dest.with_name(dest.name + ".part")
    with contextlib.suppress(FileNotFoundError):
        part.unlink()
    source = connect_raw(src, key)
    try:
        target = connect_raw(part, key, create=True)
        try:

            def report(_status: int, remaining: int, total: int) -> None:
                if progress is not None:
                    progress.report(total - remaining, total)  # pages

            source.backup(target, pages=256, progress=report)
            if not wal:
                target.execute("PRAGMA journal_mode = DELETE")
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


def no_page_decrypts(path: Path, key: bytes | bytearray) -> bool:
    """True when not a single page of *path* authenticates under *key*: the key belongs
    to another database. (A damaged file with the right key has sound pages left.)"""
    import sqlcipher3.dbapi2 as sqlcipher

    conn: Any = sqlcipher.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(f"PRAGMA key = \"x'{bytes(key).hex()}'\"")
        bad = conn.execute("PRAGMA cipher_integrity_check").fetchall()
        pages = max(1, path.stat().st_size // 4096)
        return len(bad) >= pages
    except Exception:
        return False
    finally:
        conn.close()


SALT_BYTES = 16


def salt_of(path: Path) -> str:
    with path.open("rb") as fh:
        return fh.read(SALT_BYTES).hex()


def decrypts_with_salt(path: Path, key: bytes | bytearray, salt_hex: str) -> bool:
    """Do the first pages of *path* decrypt once its first bytes are put back to *salt_hex*?
    True means only the salt was damaged. Reads a few pages into a private temp copy."""
    import tempfile

    with path.open("rb") as fh:
        head = bytearray(fh.read(16 * 4096))
    head[:SALT_BYTES] = bytes.fromhex(salt_hex)
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "head.clarity"
        copy.write_bytes(bytes(head))
        return not no_page_decrypts(copy, key)


def practice_id_of(path: Path, key: bytes | bytearray) -> str | None:
    conn: Any = connect_raw(path, key)
    try:
        row = conn.execute("SELECT practice_id FROM practice_info WHERE id = 1").fetchone()
        return str(row[0]) if row else None
    finally:
        conn.close()


def revision_of(path: Path, key: bytes | bytearray) -> str:
    conn: Any = connect_raw(path, key)
    try:
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        return str(row[0]) if row else ""
    finally:
        conn.close()


from clarity_desktop.store.files import MANIFEST, PART  # noqa: E402


def write_manifest(
    folder: Path,
    *,
    created_at: datetime,
    kind: BackupKind,
    revision: str,
    cases: int,
    notes: int,
    app_version: str,
) -> None:
    data = {
        "format": "clarity-backup",
        "version": 1,
        "created_at": utc_text(created_at),
        "kind": kind,
        "revision": revision,
        "cases": cases,
        "notes": notes,
        "app_version": app_version,
    }
    (folder / MANIFEST).write_text(json.dumps(data, indent=2), encoding="utf-8")


def write_backup_set(
    practice_folder: Path,
    key: bytes | bytearray,
    target: Path,
    *,
    kind: BackupKind,
    revision: str,
    app_version: str,
    progress: Progress | None = None,
) -> tuple[datetime, int, int]:
    """Make the folder *target* (it must not exist) holding a verified copy of the
    database, the key file and a manifest. Returns (created_at, cases, notes). The set is
    written in ``TARGET.part`` and renamed once complete and verified: whatever fails, or
    if the program is killed, no half-made backup ever counts, and the part is removed
    (now, or as debris at the next open). Shared by manual and automatic backups, the copy
    before an upgrade and the copy before a restore."""
    from clarity_desktop.store.files import db_path, key_path
    from clarity_desktop.store.uow import utcnow

    final, target = target, target.with_name(target.name + PART)
    target.mkdir(parents=True, mode=0o700)
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
        _fsync(target / MANIFEST)
        os.replace(target, final)
        _fsync_dir(final.parent)
    except BaseException:
        shutil.rmtree(target, ignore_errors=True)
        raise
    return created_at, cases, notes


def _fsync_dir(folder: Path) -> None:
    with contextlib.suppress(OSError):  # not every platform can open a folder
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def checkpoint(path: Path, key: bytes | bytearray) -> bool:
    """Fold the write-ahead log into the database file and empty it. False when the
    file cannot be read (damaged) or another program kept the log busy."""
    try:
        conn: Any = connect_raw(path, key)
    except Exception:
        return False
    try:
        busy, _log, _done = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        return int(busy) == 0
    except Exception:
        return False
    finally:
        conn.close()


def install(
    practice_folder: Path,
    key: bytes | bytearray,
    source: Path,
    audit_detail: str,
    signer: Ed25519PrivateKey | None = None,
) -> None:
    """Put a copy of the database *source* in place of the practice's database, with its
    "restored" audit row already inside it. The caller holds the practice exclusively.

    The copy is staged beside the database (WAL mode, audit row appended, log folded in),
    the old database's log is folded in and removed, then one rename swaps the files. A
    kill at any point leaves either the old practice or the new one with its audit row;
    a stale stage is debris that the next open removes."""
    from sqlalchemy import select
    from sqlalchemy.orm import sessionmaker

    from clarity_desktop.domain.audit_actions import AuditAction
    from clarity_desktop.domain.identity import Principal, Role
    from clarity_desktop.store import migrate
    from clarity_desktop.store.files import db_path
    from clarity_desktop.store.models import PracticeInfo, User
    from clarity_desktop.store.sqlite import upgrade
    from clarity_desktop.store.sqlite.engine import make_engine, writer
    from clarity_desktop.store.uow import UnitOfWork

    current = db_path(practice_folder)
    staged = current.with_name(current.name + RESTORING)
    for leftover in debris_of(staged):
        leftover.unlink()
    copy_database(source, key, staged, wal=True)
    engine = make_engine(staged, key)
    try:
        factory = sessionmaker(writer(engine), expire_on_commit=False)
        with engine.connect() as conn:
            behind = migrate.current_revision(conn) != migrate.head_revision()
        if behind:  # a backup from an earlier version: its row is written as today's are
            upgrade.upgrade_checked(engine)
        with factory() as s:
            info = s.get(PracticeInfo, 1)
            assert info is not None
            actor = (
                f"{info.clinician_name}, {info.clinician_credentials}"
                if info.clinician_credentials
                else info.clinician_name
            )
            user = s.scalars(
                select(User).where(User.disabled.is_(False)).order_by(User.id).limit(1)
            ).one()
            principal = Principal(user.id, user.display_name, Role(user.role))
        with UnitOfWork(factory, principal, signature=actor) as uow:
            uow.audit(AuditAction.RESTORED, "practice", detail=audit_detail)
            uow.commit()
        with factory() as s:
            head = last_link(s)
            practice_id = str(s.get(PracticeInfo, 1).practice_id)  # type: ignore[union-attr]
        with engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        engine.dispose()  # the last connection removes the stage's log files
    _fsync(staged)
    checkpoint(current, key)  # what the old log held is in the database and the safety copy
    for suffix in ("-wal", "-shm"):
        with contextlib.suppress(FileNotFoundError):
            current.with_name(current.name + suffix).unlink()
    # The new practice's anchor is staged before the swap and promoted after: killed in
    # between, the next open keeps whichever anchor the database matches (anchor.settle).
    if signer is not None:
        staged_anchor = anchor.Anchor(practice_id, *head, utcnow())
        anchor.write(practice_folder, staged_anchor, signer, staged=True)
    else:  # no signer, no anchor was ever written for this practice
        with contextlib.suppress(FileNotFoundError):
            anchor.path_of(practice_folder).unlink()
    os.replace(staged, current)
    _fsync_dir(practice_folder)
    if signer is not None:
        anchor.promote_staged(practice_folder)
        _fsync_dir(practice_folder)


RESTORING = ".restoring"


def debris_of(path: Path) -> list[Path]:
    return [
        p
        for p in (
            path,
            *(path.with_name(path.name + s) for s in ("-wal", "-shm", "-journal", PART)),
        )
        if p.exists()
    ]


def remove_debris(practice_folder: Path) -> list[Path]:
    """What a killed program can leave: a staged restore, half-made backup sets, a key
    file being written. Call only while holding the practice exclusively."""
    from clarity_desktop.store.files import db_path, key_path

    found = debris_of(db_path(practice_folder).with_name(db_path(practice_folder).name + RESTORING))
    tmp_key = key_path(practice_folder).with_name(key_path(practice_folder).name + ".tmp")
    found += [
        p
        for p in (
            tmp_key,
            anchor.tmp_of(anchor.path_of(practice_folder)),
            anchor.tmp_of(anchor.path_of(practice_folder, staged=True)),
        )
        if p.exists()
    ]
    backups_dir = practice_folder / "backups"
    if backups_dir.is_dir():
        found += [p for p in backups_dir.iterdir() if p.name.endswith(PART)]
    for p in found:
        if p.is_dir():
            shutil.rmtree(p, ignore_errors=True)
        else:
            with contextlib.suppress(FileNotFoundError):
                p.unlink()
    return found
