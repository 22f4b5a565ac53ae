"""A SQLite practice folder: the SQLCipher database and the key file beside it.

Creating, unlocking and checking live here (behind SqliteBackend, store/sqlite/backend.py);
what goes inside the database is the services' business. Every failure to open is one of four clear errors, and none of them
creates, changes or removes a file.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import secrets
import stat
import uuid
from pathlib import Path

from sqlalchemy import Engine, select, text
from sqlalchemy.exc import DatabaseError as SADatabaseError
from sqlalchemy.orm import Session

from clarity_desktop.domain.backup_kinds import BackupKind
from clarity_desktop.domain.errors import ErrorCode
from clarity_desktop.domain.identity import Role
from clarity_desktop.store import anchor, keyring, keys, migrate, oslock, seals
from clarity_desktop.store.backend import Backend, Clinician
from clarity_desktop.store.errors import (
    NotAPractice,
    PracticeBehind,
    PracticeDamaged,
    PracticeError,
    PracticeExists,
    PracticeTooNew,
    cannot_write,
    disk_full,
    full_disk,
    read_only,
)
from clarity_desktop.store.files import db_path, exists, key_path
from clarity_desktop.store.keyring import read_key_file, trusted_keys, unlock_secrets
from clarity_desktop.store.models import PracticeInfo, User
from clarity_desktop.store.practice import SOLO_USER_ID, EnginePractice, Hold, principal_of
from clarity_desktop.store.seals import Ed25519PrivateKey
from clarity_desktop.store.sqlite import backup, upgrade
from clarity_desktop.store.sqlite.engine import DatabaseError, make_engine, writer
from clarity_desktop.store.uow import utcnow

SIGNATURE = "clarity-practice"


def _restrict(path: Path, mode: int) -> None:
    with contextlib.suppress(OSError):  # filesystems without POSIX modes
        os.chmod(path, mode)


def create(
    folder: Path,
    passphrase: str,
    clinician: Clinician,
    backend: Backend,
    *,
    is_demo: bool = False,
    kdf: keys.KdfParams | None = None,
    window: bool = False,
) -> tuple[EnginePractice, str]:
    """Make a new practice. Returns it unlocked, with the recovery key to show once."""
    if exists(folder):
        raise PracticeExists(ErrorCode.THERE_ALREADY_PRACTICE, folder=folder)
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    _restrict(folder, stat.S_IRWXU)
    params = kdf or keys.DEFAULT_KDF
    db_key = bytearray(secrets.token_bytes(keys.KEY_BYTES))
    seed = secrets.token_bytes(keys.KEY_BYTES)
    signer = seals.signer_from_seed(seed)
    recovery = keys.new_recovery_key()
    practice_id = str(uuid.uuid4())
    keyfile = keys.KeyFile(
        practice_id,
        keys.wrap(bytes(db_key) + seed, passphrase, params),
        keys.wrap(bytes(db_key) + seed, keys.normalise_recovery_key(recovery), params),
        signer_public=seals.public_hex(signer),
        legacy_sealed=True,
    )
    db = db_path(folder)
    old_umask = os.umask(0o077)
    engine = None
    holds = _take_locks(folder, window)
    try:
        engine = make_engine(db, db_key, create=True)
        with engine.begin() as conn:
            migrate.upgrade(conn)
            with Session(bind=conn) as s:
                s.add(
                    PracticeInfo(
                        id=1,
                        practice_id=practice_id,
                        signature=SIGNATURE,
                        clinician_name=clinician.name,
                        clinician_credentials=clinician.credentials,
                        is_demo=is_demo,
                        created_at=utcnow(),
                    )
                )
                s.add(
                    User(
                        id=SOLO_USER_ID,
                        display_name=clinician.name,
                        role=Role.CLINICIAN,
                        signature=clinician.signature,
                        created_at=utcnow(),
                        disabled=False,
                    )
                )
                s.flush()
        # The key file comes last: a practice is only there once both files are.
        engine.dispose()  # written through: the salt is in the file's first bytes now
        keyfile = dataclasses.replace(keyfile, db_salt=backup.salt_of(db))
        keyfile.write_atomically(key_path(folder))
    except BaseException:
        if engine is not None:
            engine.dispose()
        for suffix in ("", "-wal", "-shm", "-journal"):
            p = db.with_name(db.name + suffix)
            if p.exists():
                p.unlink()
        for h in reversed(holds):
            h.release()
        raise
    finally:
        os.umask(old_umask)
    _restrict(db, stat.S_IRUSR | stat.S_IWUSR)
    opened = EnginePractice(
        folder,
        engine,
        writer(engine),
        clinician,
        is_demo,
        db_key,
        backend,
        holds,
        signer,
        practice_id,
    )
    return opened, recovery


def discard(folder: Path) -> None:
    """Remove the files create() made in *folder* (the practice is closed): the key file,
    the database and SQLite's files beside it."""
    db = db_path(folder)
    sidecars = (db.with_name(db.name + s) for s in ("", "-wal", "-shm", "-journal"))
    for path in (key_path(folder), *sidecars):
        with contextlib.suppress(FileNotFoundError):
            path.unlink()


def _take_locks(folder: Path, window: bool) -> tuple[Hold, ...]:
    """The window's lock first (a second window is refused before anything is written),
    then the shared lock every program holds; debris of a killed program is removed when
    no other program has the practice open."""
    holds: list[Hold] = []
    try:
        if window:
            holds.append(oslock.hold_window(folder))
        holds.append(oslock.hold_shared(folder))
        with contextlib.suppress(oslock.PracticeInUse), oslock.exclusive(folder):
            backup.remove_debris(folder)
    except BaseException:
        for h in reversed(holds):
            h.release()
        raise
    return tuple(holds)


def open_with_key(
    folder: Path,
    db_key: bytes,
    backend: Backend,
    *,
    window: bool = False,
    seed: bytes | None = None,
    accept_missing_work: bool = False,
) -> EnginePractice:
    """Open the database read-write (never create), verify it is ours and not behind its
    anchor, bring it up to date. With *window*, this is the program's window: refused if
    another window has it open."""
    keyfile = read_key_file(folder)
    holds = _take_locks(folder, window)
    key = bytearray(db_key)
    engine = make_engine(db_path(folder), key)
    try:
        # Connecting already reads page 1 (PRAGMA key and synchronous), and the checks
        # below read the schema pages: a damaged page anywhere there is PracticeDamaged.
        try:
            with engine.connect() as conn:
                conn.exec_driver_sql("SELECT count(*) FROM sqlite_master").scalar()
                tables = {r[0] for r in conn.execute(text("SELECT name FROM sqlite_master"))}
                if "practice_info" not in tables or "alembic_version" not in tables:
                    raise NotAPractice(ErrorCode.NOT_A_PRACTICE, folder=folder)
                revision = migrate.current_revision(conn)
                info = conn.execute(select(PracticeInfo)).first()
        except (SADatabaseError, DatabaseError) as exc:
            if disk_full(exc, folder):
                raise full_disk(folder) from exc
            if cannot_write(exc):
                raise read_only(folder) from exc
            raise _unreadable(folder, bytes(key), keyfile.db_salt) from exc
        if info is None or info.signature != SIGNATURE or info.practice_id != keyfile.practice_id:
            raise NotAPractice(ErrorCode.NOT_A_PRACTICE, folder=folder)
        if revision not in migrate.known_revisions():
            raise PracticeTooNew(ErrorCode.PRACTICE_TOO_NEW)
        if revision != migrate.head_revision():
            _backup_before_upgrade(folder, key, revision or "none")
            try:
                upgrade.upgrade_checked(engine)
            except Exception as exc:
                raise PracticeError(
                    ErrorCode.UPDATING_PRACTICE_NEW_VERSION_FAILED, exc=exc
                ) from exc
        signer = seals.signer_from_seed(seed) if seed else None
        anchor.settle(folder, trusted_keys(keyfile, signer), lambda a: _database_holds(engine, a))
        if not accept_missing_work:
            _check_anchor(folder, engine, keyfile, signer)
        principal = principal_of(engine, keyfile.signer_user)
        salt = backup.salt_of(db_path(folder))
        if keyfile.db_salt != salt:  # a restored file, or a key file from before salts
            dataclasses.replace(keyfile, db_salt=salt).write_atomically(key_path(folder))
    except BaseException:
        engine.dispose()
        for h in reversed(holds):
            h.release()
        raise
    clinician = Clinician(info.clinician_name, info.clinician_credentials)
    return EnginePractice(
        folder,
        engine,
        writer(engine),
        clinician,
        bool(info.is_demo),
        key,
        backend,
        holds,
        signer,
        keyfile.practice_id,
        principal,
    )


def _check_anchor(
    folder: Path, engine: Engine, keyfile: keys.KeyFile, signer: Ed25519PrivateKey | None
) -> None:
    try:
        found = anchor.read(folder, trusted_keys(keyfile, signer))
    except anchor.AnchorInvalid as exc:
        raise PracticeDamaged(
            ErrorCode.ANCHOR_UNREADABLE, folder=folder, exc=exc, anchor_name=anchor.ANCHOR_NAME
        ) from exc
    if found is None:
        if keyfile.anchored:
            raise PracticeBehind(
                ErrorCode.ANCHOR_MISSING, folder=folder, anchor_name=anchor.ANCHOR_NAME
            )
        return
    if found.practice_id != keyfile.practice_id or not _database_holds(engine, found):
        raise PracticeBehind(ErrorCode.PRACTICE_BEHIND, folder=folder, at=found.at)


def _database_holds(engine: Engine, found: anchor.Anchor) -> bool:
    """The audit row the anchor names is in the database, unchanged."""
    with engine.connect() as conn:
        row = conn.exec_driver_sql(
            "SELECT row_hash FROM audit_events WHERE id = ?", (found.audit_id,)
        ).first()
    return row is not None and row[0] == found.row_hash


def unlock(
    folder: Path,
    secret: str,
    backend: Backend,
    *,
    recovery: bool = False,
    window: bool = False,
    accept_missing_work: bool = False,
) -> EnginePractice:
    db_key, seed = unlock_secrets(folder, secret, recovery=recovery)
    if seed is None and not recovery:
        seed = keyring.add_signer(folder, secret, db_key)
    if accept_missing_work:
        with contextlib.suppress(FileNotFoundError):
            anchor.path_of(folder).unlink()
    return open_with_key(
        folder, db_key, backend, window=window, seed=seed, accept_missing_work=accept_missing_work
    )


def _unreadable(folder: Path, key: bytes, recorded_salt: str) -> PracticeError:
    """Page 1 would not decrypt. With the right key a damaged file still has most pages
    sound; with another practice's key file, not one page is, unless only the salt (the
    file's first bytes, from which every page's check is derived) was damaged."""
    db = db_path(folder)
    if (
        backup.no_page_decrypts(db, key)
        and backup.salt_of(db) != recorded_salt
        and not (recorded_salt and backup.decrypts_with_salt(db, key, recorded_salt))
    ):
        return NotAPractice(ErrorCode.KEY_FILE_OTHER_PRACTICE, folder=folder)
    return PracticeDamaged(ErrorCode.PRACTICE_DATABASE_DAMAGED_NOT_CLARITY, folder=folder)


def _backup_before_upgrade(folder: Path, key: bytes | bytearray, revision: str) -> None:
    """A verified copy before any schema change, kept with the other backups."""
    from clarity_desktop import __version__

    target = (
        folder / "backups" / f"clarity-backup-{utcnow():%Y%m%d-%H%M%S}-before-upgrade-{revision}"
    )
    target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    try:
        backup.write_backup_set(
            folder, key, target, kind=BackupKind.SAFETY, revision=revision, app_version=__version__
        )
    except backup.CheckFailed as exc:
        raise PracticeDamaged(ErrorCode.PRACTICE_COULD_NOT_BACKED_UP, exc=exc) from exc
