"""A practice folder: the SQLCipher database and the key file beside it.

Creating, unlocking and checking live here; what goes inside the database is the
services' business. Every failure to open is one of four clear errors, and none of them
creates, changes or removes a file.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
import uuid
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, select, text
from sqlalchemy.exc import DatabaseError as SADatabaseError
from sqlalchemy.orm import Session, sessionmaker

from clarity_desktop.domain.errors import ClarityError
from clarity_desktop.store import backup, keys, migrate, oslock
from clarity_desktop.store.engine import DatabaseError, make_engine, writer
from clarity_desktop.store.files import db_path, exists, key_path
from clarity_desktop.store.models import PracticeInfo
from clarity_desktop.store.uow import UnitOfWork, utcnow

SIGNATURE = "clarity-practice"


class PracticeError(ClarityError):
    """Base for problems opening or creating a practice."""


class PracticeNotFound(PracticeError):
    pass


class NotAPractice(PracticeError):
    pass


class PracticeDamaged(PracticeError):
    pass


class WrongPassphrase(PracticeError):
    pass


class PracticeExists(PracticeError):
    pass


class PracticeTooNew(PracticeError):
    pass


class PracticeReadOnly(PracticeError):
    pass


def read_only(folder: Path) -> PracticeReadOnly:
    return PracticeReadOnly(
        f"The practice folder {folder} cannot be written to. Clarity needs to write "
        "there to keep your records; check the folder's permissions, or copy the "
        "practice to a folder you can write to."
    )


def cannot_write(exc: BaseException) -> bool:
    """SQLite's words for a folder or file it may not write (WAL needs to create files
    beside the database even to read), as opposed to a file it cannot make sense of."""
    text_ = str(exc).lower()
    return "readonly" in text_ or "unable to open database file" in text_


@dataclass(frozen=True)
class Clinician:
    name: str
    credentials: str

    @property
    def signature(self) -> str:
        return f"{self.name}, {self.credentials}" if self.credentials else self.name


class OpenPractice:
    """An unlocked practice: hands out units of work, one per user action. It holds the
    practice's shared OS lock (and the window's, for the window) until closed."""

    def __init__(
        self,
        folder: Path,
        engine: Engine,
        clinician: Clinician,
        is_demo: bool,
        key: bytearray,
        holds: tuple[oslock.SharedHold | oslock.WindowHold, ...] = (),
    ) -> None:
        self.folder = folder
        self._holds = holds
        self.engine = engine
        self._key = key  # the same buffer the engine's connections are keyed from
        self.clinician = clinician
        self.is_demo = is_demo
        self._factory = sessionmaker(writer(engine), expire_on_commit=False)
        self._read_factory = sessionmaker(engine, expire_on_commit=False)

    def uow(self) -> UnitOfWork:
        return UnitOfWork(self._factory, self.clinician.signature, self._read_factory)

    def session_factory(self) -> sessionmaker[Session]:
        return self._factory

    @property
    def db_key(self) -> bytes:
        """For backups and checks of copies; empty once the practice is closed."""
        return bytes(self._key)

    def close(self) -> None:
        """Fold the write-ahead log into the database (so nothing committed lives only in
        the log at rest), close every connection, overwrite the key buffer (as far as
        Python allows, the key is gone from memory once locked or closed) and release the
        locks. Closing twice does nothing more."""
        if any(self._key):
            with (
                contextlib.suppress(SADatabaseError, DatabaseError),
                self.engine.connect() as conn,
            ):
                conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        self.engine.dispose()
        for i in range(len(self._key)):
            self._key[i] = 0
        holds, self._holds = self._holds, ()
        for hold in reversed(holds):
            hold.release()


def _restrict(path: Path, mode: int) -> None:
    with contextlib.suppress(OSError):  # filesystems without POSIX modes
        os.chmod(path, mode)


def create(
    folder: Path,
    passphrase: str,
    clinician: Clinician,
    *,
    is_demo: bool = False,
    kdf: keys.KdfParams | None = None,
    window: bool = False,
) -> tuple[OpenPractice, str]:
    """Make a new practice. Returns it unlocked, with the recovery key to show once."""
    if exists(folder):
        raise PracticeExists(f"There is already a practice in {folder}.")
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    _restrict(folder, stat.S_IRWXU)
    params = kdf or keys.DEFAULT_KDF
    db_key = bytearray(secrets.token_bytes(keys.KEY_BYTES))
    recovery = keys.new_recovery_key()
    practice_id = str(uuid.uuid4())
    keyfile = keys.KeyFile(
        practice_id,
        keys.wrap(db_key, passphrase, params),
        keys.wrap(db_key, keys.normalise_recovery_key(recovery), params),
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
                s.flush()
        # The key file comes last: a practice is only there once both files are.
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
    return OpenPractice(folder, engine, clinician, is_demo, db_key, holds), recovery


def read_key_file(folder: Path) -> keys.KeyFile:
    if not folder.is_dir():
        raise PracticeNotFound(f"There is no practice folder at {folder}.")
    kp, db = key_path(folder), db_path(folder)
    if not kp.exists():
        if db.exists():
            raise NotAPractice(
                f"The practice in {folder} has lost its key file, so it cannot be opened."
            )
        raise PracticeNotFound(f"There is no Clarity practice in {folder}.")
    try:
        keyfile = keys.KeyFile.read(kp)
    except keys.KeyFileError as exc:
        raise NotAPractice(f"{folder} does not hold a Clarity practice: {exc}") from exc
    if not db.exists():
        raise PracticeDamaged(f"The practice database in {folder} is missing.")
    return keyfile


def unlock_key(folder: Path, secret: str, *, recovery: bool = False) -> bytes:
    """The database key, or WrongPassphrase. Reads the key file only; touches nothing."""
    keyfile = read_key_file(folder)
    entry = keyfile.recovery if recovery else keyfile.passphrase
    secret = keys.normalise_recovery_key(secret) if recovery else secret
    try:
        return keys.unwrap(entry, secret)
    except keys.WrongSecret:
        what = "recovery key" if recovery else "passphrase"
        raise WrongPassphrase(f"That {what} does not unlock this practice.") from None
    except keys.KeyFileError as exc:
        raise NotAPractice(f"{folder} does not hold a Clarity practice: {exc}") from exc


def _take_locks(folder: Path, window: bool) -> tuple[oslock.SharedHold | oslock.WindowHold, ...]:
    """The window's lock first (a second window is refused before anything is written),
    then the shared lock every program holds; debris of a killed program is removed when
    no other program has the practice open."""
    holds: list[oslock.SharedHold | oslock.WindowHold] = []
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


def open_with_key(folder: Path, db_key: bytes, *, window: bool = False) -> OpenPractice:
    """Open the database read-write (never create), verify it is ours, bring it up to date.
    With *window*, this is the program's window: refused if another window has it open."""
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
                    raise NotAPractice(f"{folder} does not hold a Clarity practice.")
                revision = migrate.current_revision(conn)
                info = conn.execute(select(PracticeInfo)).first()
        except (SADatabaseError, DatabaseError) as exc:
            if cannot_write(exc):
                raise read_only(folder) from exc
            raise PracticeDamaged(
                f"The practice database in {folder} is damaged or is not a Clarity practice."
            ) from exc
        if info is None or info.signature != SIGNATURE or info.practice_id != keyfile.practice_id:
            raise NotAPractice(f"{folder} does not hold a Clarity practice.")
        if revision not in migrate.known_revisions():
            raise PracticeTooNew(
                "This practice was last used by a newer Clarity Desktop; please update the program."
            )
        if revision != migrate.head_revision():
            _backup_before_upgrade(folder, key, revision or "none")
            try:
                migrate.upgrade_checked(engine)
            except Exception as exc:
                raise PracticeError(
                    "Updating this practice to the new version failed and was undone; your "
                    f"records are unchanged ({exc})."
                ) from exc
    except BaseException:
        engine.dispose()
        for h in reversed(holds):
            h.release()
        raise
    clinician = Clinician(info.clinician_name, info.clinician_credentials)
    return OpenPractice(folder, engine, clinician, bool(info.is_demo), key, holds)


def unlock(
    folder: Path, secret: str, *, recovery: bool = False, window: bool = False
) -> OpenPractice:
    return open_with_key(folder, unlock_key(folder, secret, recovery=recovery), window=window)


def rewrap_passphrase(
    folder: Path, secret: str, new_passphrase: str, *, recovery: bool = False
) -> None:
    """Wrap the unchanged database key under a new passphrase (fresh salt). Only the small
    key file is rewritten, atomically; the database is not touched. The recovery key keeps
    working."""
    keyfile = read_key_file(folder)
    db_key = unlock_key(folder, secret, recovery=recovery)
    updated = keys.KeyFile(
        keyfile.practice_id, keys.wrap(db_key, new_passphrase, keys.DEFAULT_KDF), keyfile.recovery
    )
    updated.write_atomically(key_path(folder))


def _backup_before_upgrade(folder: Path, key: bytes | bytearray, revision: str) -> None:
    """A verified copy before any schema change, kept with the other backups."""
    from clarity_desktop import __version__

    target = (
        folder / "backups" / f"clarity-backup-{utcnow():%Y%m%d-%H%M%S}-before-upgrade-{revision}"
    )
    target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    try:
        backup.write_backup_set(
            folder, key, target, kind="safety", revision=revision, app_version=__version__
        )
    except backup.CheckFailed as exc:
        raise PracticeDamaged(
            f"The practice could not be backed up before updating it: {exc}."
        ) from exc
