"""Backups and restore.

A backup is a folder ``clarity-backup-YYYYMMDD-HHMMSS[-label]`` holding an encrypted
copy of the database, a copy of the key file and a small manifest. Automatic backups
live in the practice folder's ``backups/`` and are rotated (the newest of each of the
last 7 days and of each of the last 8 weeks are kept); a copy is only ever removed after
a newer one has been verified. Manual backups go where the therapist points (a USB
stick) and are never rotated.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from clarity_desktop import __version__
from clarity_desktop.domain.audit_actions import AuditAction
from clarity_desktop.domain.backup_kinds import BackupKind
from clarity_desktop.domain.clock import parse_utc
from clarity_desktop.domain.errors import ClarityError, ErrorCode
from clarity_desktop.domain.progress import Progress
from clarity_desktop.services.permissions import Permission, require
from clarity_desktop.store import files, opening, seals
from clarity_desktop.store.backend import Backend, CheckFailed, OpenPractice
from clarity_desktop.store.uow import utcnow

MANIFEST = files.MANIFEST
PREFIX = "clarity-backup-"
KEEP_DAILY = 7
KEEP_WEEKLY = 8


class BackupError(ClarityError):
    pass


@dataclass(frozen=True)
class BackupInfo:
    folder: Path
    created_at: datetime  # UTC
    kind: BackupKind
    revision: str
    case_count: int
    note_count: int
    app_version: str


def backups_root(practice_folder: Path) -> Path:
    return practice_folder / "backups"


def backup_now(
    opened: OpenPractice,
    dest_root: Path | None = None,
    *,
    kind: BackupKind = BackupKind.MANUAL,
    progress: Progress | None = None,
) -> BackupInfo:
    """Copy, verify, describe; audited. Raises BackupError with a plain reason."""
    require(opened.principal, Permission.RUN_PRACTICE)
    root = dest_root or backups_root(opened.folder)
    now = utcnow()
    name = f"{PREFIX}{now:%Y%m%d-%H%M%S}" + ("" if kind is BackupKind.MANUAL else f"-{kind}")
    folder = root / name
    if folder.exists() or folder.with_name(folder.name + files.PART).exists():
        folder = root / f"{name}-{now:%f}"
    try:
        root.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError as exc:
        raise BackupError(ErrorCode.CANNOT_WRITE_BACKUP, root=root, strerror=exc.strerror) from exc
    backend = opened.backend
    revision = backend.current_revision(opened.engine)
    try:
        made = backend.write_backup_set(
            opened.folder,
            opened.db_key,
            folder,
            kind=kind,
            revision=revision,
            app_version=__version__,
            progress=progress,
        )
    except CheckFailed as exc:
        raise BackupError(ErrorCode.BACKUP_FAILED_CHECK, folder=folder, exc=exc) from exc
    except OSError as exc:
        raise BackupError(
            ErrorCode.BACKUP_COULD_NOT_WRITTEN, root=root, value=exc.strerror or exc
        ) from exc
    info = BackupInfo(folder, made.created_at, kind, revision, made.cases, made.notes, __version__)
    with opened.uow() as uow:
        uow.audit(AuditAction.BACKUP, "practice", detail=f"{kind} backup to {folder}")
        uow.commit()
    opened.write_anchor()
    return info


def read_backup(folder: Path) -> BackupInfo:
    try:
        data = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        if data.get("format") != "clarity-backup" or not files.db_path(folder).exists():
            raise ValueError
        return BackupInfo(
            folder,
            parse_utc(data["created_at"]),
            BackupKind(data["kind"]),
            str(data["revision"]),
            int(data["cases"]),
            int(data["notes"]),
            str(data["app_version"]),
        )
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise BackupError(ErrorCode.NOT_CLARITY_BACKUP, folder=folder) from exc


def list_backups(root: Path) -> list[BackupInfo]:
    """Readable backups under *root*, newest first."""
    if not root.is_dir():
        return []
    found = []
    for child in root.iterdir():
        if child.is_dir() and child.name.startswith(PREFIX):
            try:
                found.append(read_backup(child))
            except BackupError:
                continue
    return sorted(found, key=lambda b: b.created_at, reverse=True)


def rotate(root: Path, now: datetime | None = None) -> list[Path]:
    """Remove automatic backups beyond the newest per day (7 days) and per week
    (8 weeks). Returns what was removed. Manual and safety copies are never touched."""
    now = now or utcnow()
    autos = [b for b in list_backups(root) if b.kind is BackupKind.AUTO]
    keep: set[Path] = set()
    days: set[object] = set()
    weeks: set[object] = set()
    for b in autos:  # newest first
        day = b.created_at.date()
        week = day.isocalendar()[:2]
        if (now - b.created_at) <= timedelta(days=KEEP_DAILY) and day not in days:
            days.add(day)
            keep.add(b.folder)
        if (now - b.created_at) <= timedelta(weeks=KEEP_WEEKLY) and week not in weeks:
            weeks.add(week)
            keep.add(b.folder)
    if autos:
        keep.add(autos[0].folder)  # never remove the newest verified copy
    removed = [b.folder for b in autos if b.folder not in keep]
    for folder in removed:
        shutil.rmtree(folder, ignore_errors=True)
    return removed


def auto_backup(opened: OpenPractice, progress: Progress | None = None) -> BackupInfo:
    """The backup made at close (and daily while running): verified, then rotated."""
    info = backup_now(opened, kind=BackupKind.AUTO, progress=progress)
    rotate(backups_root(opened.folder))
    return info


def auto_backup_due(opened: OpenPractice, now: datetime | None = None) -> bool:
    now = now or utcnow()
    autos = [b for b in list_backups(backups_root(opened.folder)) if b.kind is BackupKind.AUTO]
    return not autos or now - autos[0].created_at >= timedelta(days=1)


def restore(practice_folder: Path, backup_folder: Path, secret: str) -> BackupInfo:
    """Replace the practice's database with a verified backup. Refused while any other
    program has the practice open (an OS lock, released by the system when a program
    dies). The current database is first kept as a verified backup of kind
    BackupKind.BEFORE_RESTORE, listed like any other, so the restore can be undone. The key file
    stays, so the current passphrase keeps working (the database key never changes)."""
    backend = opening.backend_for(practice_folder)
    with backend.exclusive(practice_folder):
        info = read_backup(backup_folder)
        key, seed = backend.unlock_secrets(practice_folder, secret)
        found = backend.copy_problems(backup_folder, key)
        if found:
            raise BackupError(ErrorCode.BACKUP_CANNOT_USED, value=found[0])
        if backend.practice_id_of(backup_folder, key) != backend.practice_id(practice_folder):
            raise BackupError(ErrorCode.BACKUP_BELONGS_DIFFERENT_PRACTICE)
        safety = _keep_before_restore(backend, practice_folder, key)
        backend.install(
            practice_folder,
            key,
            backup_folder,
            f"from {backup_folder}; previous kept in {safety}",
            seals.signer_from_seed(seed) if seed else None,
        )
    return info


def undo_restore(practice_folder: Path, secret: str) -> BackupInfo:
    """Restore the copy kept before the newest restore (itself kept in turn, so an undo
    can be undone)."""
    kept = [
        b
        for b in list_backups(backups_root(practice_folder))
        if b.kind is BackupKind.BEFORE_RESTORE
    ]
    if not kept:
        raise BackupError(ErrorCode.THERE_NO_RESTORE_UNDO_NO)
    return restore(practice_folder, kept[0].folder, secret)


def _keep_before_restore(backend: Backend, practice_folder: Path, key: bytes) -> Path:
    """A verified backup set of the practice as it is; if the database is too damaged
    to copy, its files are kept byte for byte in a folder of their own instead."""
    root = backups_root(practice_folder)
    root.mkdir(parents=True, exist_ok=True, mode=0o700)
    now = utcnow()
    target = root / f"{PREFIX}{now:%Y%m%d-%H%M%S-%f}-{BackupKind.BEFORE_RESTORE}"
    try:
        revision = backend.revision_of(practice_folder, key)
        backend.write_backup_set(
            practice_folder,
            key,
            target,
            kind=BackupKind.BEFORE_RESTORE,
            revision=revision,
            app_version=__version__,
        )
        return target
    except Exception:
        damaged = root / f"{PREFIX}{now:%Y%m%d-%H%M%S-%f}-damaged-{BackupKind.BEFORE_RESTORE}"
        damaged.mkdir(mode=0o700)
        backend.copy_store_files(practice_folder, damaged)
        return damaged
