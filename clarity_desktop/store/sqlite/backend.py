"""SQLite (SQLCipher) behind the storage seam: the Backend of store/backend.py.

Each method hands over to the module that holds the SQLite way of doing it: practice.py
(opening: key file, anchor, OS locks, upgrade), engine.py (keyed connections, pragmas,
explicit BEGIN), fts.py (FTS5), triggers.py (record locks), backup.py (online backup API),
upgrade.py (migrations with foreign keys off).
"""

from __future__ import annotations

import contextlib
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, text
from sqlalchemy.exc import DatabaseError as SADatabaseError
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from clarity_desktop.domain.backup_kinds import BackupKind
from clarity_desktop.domain.errors import ErrorCode, ValidationError, Wording
from clarity_desktop.domain.identity import Role
from clarity_desktop.domain.progress import Progress
from clarity_desktop.domain.supervision import SupervisionMode
from clarity_desktop.store import audit_chain, keyring, migrate, oslock
from clarity_desktop.store.backend import (
    BackupCopy,
    BreakOutcome,
    Clinician,
    LeaseHolder,
    OpenPractice,
)
from clarity_desktop.store.errors import (
    PracticeError,
    cannot_write,
    disk_full,
    full_disk,
    read_only,
)
from clarity_desktop.store.files import db_path, key_path
from clarity_desktop.store.practice import EnginePractice
from clarity_desktop.store.roster import (
    CaseName,
    EmergencyGrant,
    KeyShare,
    StaffMember,
    Supervision,
)
from clarity_desktop.store.sqlite import backup, fts, practice, triggers
from clarity_desktop.store.sqlite.engine import DatabaseError

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from clarity_desktop.store.keys import KdfParams


class SqliteBackend:
    name = "sqlite"

    def __init__(self) -> None:
        self.search = fts.Fts5Index()

    # Opening
    def create(
        self,
        folder: Path,
        passphrase: str,
        clinician: Clinician,
        *,
        is_demo: bool = False,
        kdf: KdfParams | None = None,
        window: bool = False,
    ) -> tuple[EnginePractice, str]:
        return practice.create(
            folder, passphrase, clinician, self, is_demo=is_demo, kdf=kdf, window=window
        )

    def unlock(
        self,
        folder: Path,
        secret: str,
        *,
        recovery: bool = False,
        window: bool = False,
        accept_missing_work: bool = False,
    ) -> EnginePractice:
        return practice.unlock(
            folder,
            secret,
            self,
            recovery=recovery,
            window=window,
            accept_missing_work=accept_missing_work,
        )

    # Unit of work
    @contextlib.contextmanager
    def limit_wait(self, conn: Connection, wait_ms: int) -> Iterator[None]:
        raw = conn.connection.driver_connection
        assert raw is not None
        usual = int(raw.execute("PRAGMA busy_timeout").fetchone()[0])
        raw.execute(f"PRAGMA busy_timeout = {int(wait_ms)}")
        try:
            yield
        finally:
            raw.execute(f"PRAGMA busy_timeout = {usual}")

    def is_busy(self, exc: BaseException) -> bool:
        """SQLite's answer when another connection kept the write lock longer than we
        waited."""
        if not isinstance(exc, DBAPIError):
            return False
        message = str(exc.orig).lower()
        return "database is locked" in message or "database is busy" in message

    def chain_head(self, db: Session) -> tuple[int, str]:
        """Writers take SQLite's write lock at BEGIN, so the head read here is ours."""
        return audit_chain.last_link(db)

    def before_close(self, engine: Engine) -> None:
        """Fold the write-ahead log into the database, so nothing committed lives only in
        the log at rest."""
        with contextlib.suppress(SADatabaseError, DatabaseError), engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")

    def plain_error(self, exc: BaseException, folder: Path) -> PracticeError | None:
        if disk_full(exc, folder):
            return full_disk(folder)
        if cannot_write(exc):
            return read_only(folder)
        return None

    # Integrity, upgrade
    def integrity_problems(self, practice: OpenPractice) -> list[Wording]:
        """Damaged pages (the encryption's own check), SQLite's structural check, records
        pointing nowhere and missing record locks, in plain words."""
        folder = practice.folder
        found: list[Wording] = []
        with practice.engine.connect() as conn:
            try:
                cipher = [r[0] for r in conn.execute(text("PRAGMA cipher_integrity_check"))]
                if cipher:
                    found.append(
                        Wording(ErrorCode.INTEGRITY_DAMAGED_PAGES, folder=folder, count=len(cipher))
                    )
                quick = [r[0] for r in conn.execute(text("PRAGMA quick_check"))]
                if quick != ["ok"]:
                    detail = str(quick[0]).rstrip(".")
                    found.append(
                        Wording(ErrorCode.INTEGRITY_DAMAGED_DETAIL, folder=folder, detail=detail)
                    )
                if conn.execute(text("PRAGMA foreign_key_check")).first() is not None:
                    found.append(Wording(ErrorCode.INTEGRITY_POINTS_NOWHERE, folder=folder))
                gone = triggers.missing(conn)
                if gone:
                    found.append(
                        Wording(ErrorCode.INTEGRITY_LOCKS_MISSING, folder=folder, names=tuple(gone))
                    )
            except DBAPIError as exc:
                # SQLite gives up on some damage rather than listing it: that is damage too.
                found.append(
                    Wording(ErrorCode.INTEGRITY_DAMAGED_EXC, folder=folder, exc=str(exc.orig))
                )
        return found

    def chain_links(self, db: Session) -> list[tuple[int, str, str]] | None:
        return None  # the one clinician reads every row

    def current_revision(self, engine: Engine) -> str:
        with engine.connect() as conn:
            return migrate.current_revision(conn) or ""

    # Backups
    def write_backup_set(
        self,
        practice_folder: Path,
        key: bytes,
        target: Path,
        *,
        kind: BackupKind,
        revision: str,
        app_version: str,
        progress: Progress | None = None,
    ) -> BackupCopy:
        created_at, cases, notes = backup.write_backup_set(
            practice_folder,
            key,
            target,
            kind=kind,
            revision=revision,
            app_version=app_version,
            progress=progress,
        )
        return BackupCopy(created_at, cases, notes)

    def copy_problems(self, copy_folder: Path, key: bytes) -> list[str]:
        return backup.problems(db_path(copy_folder), key)

    def practice_id_of(self, copy_folder: Path, key: bytes) -> str | None:
        return backup.practice_id_of(db_path(copy_folder), key)

    def revision_of(self, copy_folder: Path, key: bytes) -> str:
        return backup.revision_of(db_path(copy_folder), key)

    def copy_store_files(self, practice_folder: Path, dest: Path) -> None:
        current = db_path(practice_folder)
        for p in (current, *(current.with_name(current.name + s) for s in ("-wal", "-shm"))):
            if p.exists():
                shutil.copy2(p, dest / p.name)
        shutil.copy2(key_path(practice_folder), key_path(dest))

    def discard_new(self, folder: Path) -> None:
        practice.discard(folder)

    def install(
        self,
        practice_folder: Path,
        key: bytes,
        copy_folder: Path,
        audit_detail: str,
        signer: Ed25519PrivateKey | None,
    ) -> None:
        backup.install(practice_folder, key, db_path(copy_folder), audit_detail, signer)

    # Keys and the restore lock: the key file beside the database, an OS file lock
    def exclusive(self, folder: Path) -> contextlib.AbstractContextManager[None]:
        return oslock.exclusive(folder)

    def unlock_secrets(self, folder: Path, secret: str) -> tuple[bytes, bytes | None]:
        return keyring.unlock_secrets(folder, secret)

    def practice_id(self, folder: Path) -> str:
        return keyring.read_key_file(folder).practice_id

    def rewrap_passphrase(
        self, practice: OpenPractice, secret: str, new_passphrase: str, *, recovery: bool = False
    ) -> bytes:
        return keyring.rewrap_passphrase(practice.folder, secret, new_passphrase, recovery=recovery)

    def first_password_pending(self, practice: OpenPractice) -> bool:
        return False  # the clinician chose the passphrase when making the practice

    def trusted_keys(self, practice: OpenPractice) -> set[str]:
        return keyring.trusted_keys(keyring.read_key_file(practice.folder), practice.signer)

    # The staff roster: a solo practice has one clinician
    def add_staff(
        self,
        db: Session,
        login: str,
        display_name: str,
        credentials: str,
        role: Role,
        password: str,
        kdf: KdfParams | None = None,
    ) -> int:
        raise ValidationError(ErrorCode.SERVER_ONLY_STAFF)

    def disable_staff(self, db: Session, login: str) -> int:
        raise ValidationError(ErrorCode.SERVER_ONLY_STAFF)

    def assign(self, db: Session, case_id: int, login: str, *, remove: bool = False) -> int:
        raise ValidationError(ErrorCode.SERVER_ONLY_STAFF)

    def staff(self, db: Session) -> list[StaffMember]:
        return []

    def case_clinicians(self, db: Session) -> dict[int, tuple[str, ...]]:
        return {}

    def supervisor_of(self, db: Session, user_id: int) -> Supervision | None:
        return None

    def supervisees_of(self, db: Session, user_id: int) -> list[Supervision]:
        return []

    def set_supervision(
        self,
        db: Session,
        supervisor_login: str,
        supervisee_login: str,
        mode: SupervisionMode | None,
    ) -> tuple[int, int]:
        raise ValidationError(ErrorCode.SERVER_ONLY_STAFF)

    def grant_emergency(self, db: Session, case_id: int, reason: str, minutes: int) -> int:
        raise ValidationError(ErrorCode.SERVER_ONLY_EMERGENCY)

    def live_grants(self, db: Session) -> list[EmergencyGrant]:
        return []

    def grant_log(self, db: Session) -> list[EmergencyGrant]:
        return []

    def case_names(self, db: Session) -> list[CaseName]:
        raise ValidationError(ErrorCode.SERVER_ONLY_EMERGENCY)

    def key_shares(self, db: Session) -> list[KeyShare]:
        return []  # one clinician, who holds every key: nobody to share with

    def share_case_key(self, db: Session, case_id: int, reader: int) -> KeyShare:
        raise ValidationError(ErrorCode.SERVER_ONLY_STAFF)

    def legacy_sealed(self, practice: OpenPractice) -> bool:
        return keyring.read_key_file(practice.folder).legacy_sealed

    def mark_legacy_sealed(self, practice: OpenPractice) -> None:
        keyring.mark_legacy_sealed(practice.folder)

    # Edit leases: one clinician, so every note is theirs to edit and none is held
    def hold_lease(self, practice: OpenPractice, note_id: int) -> SoloLease:
        return SoloLease(note_id)

    def lease_holder(self, practice: OpenPractice, note_id: int) -> LeaseHolder | None:
        return None

    def break_lease(self, db: Session, note_id: int, holder_id: int, reason: str) -> BreakOutcome:
        return BreakOutcome.FREE


class SoloLease:
    """A solo practice's lease: always held, nothing to free."""

    def __init__(self, note_id: int) -> None:
        self.note_id = note_id

    def held(self) -> bool:
        return True

    def release(self) -> None:
        """Nothing to free."""
