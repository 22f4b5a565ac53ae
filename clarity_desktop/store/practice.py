"""An open practice over a SQLAlchemy engine, whatever the backend (store/backend.py).

Opening and creating are the backend's (store/opening.py picks it; SQLite's is
store/sqlite/practice.py); what an open practice does with its engine, its locks and its
key is the same for every backend and lives here. The names callers know from here (the
errors, the key file's functions) are re-exported.
"""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING

from sqlalchemy import Engine
from sqlalchemy.exc import DatabaseError as SADatabaseError
from sqlalchemy.orm import Session, sessionmaker

from clarity_desktop.domain.errors import ErrorCode
from clarity_desktop.domain.identity import Principal, Role
from clarity_desktop.store import anchor, keyring, oslock
from clarity_desktop.store.audit_chain import last_link
from clarity_desktop.store.backend import Backend, Clinician, OpenPractice
from clarity_desktop.store.errors import (  # noqa: F401  (the names callers know from here)
    KeyFileDamaged,
    NotAPractice,
    PracticeBehind,
    PracticeDamaged,
    PracticeDiskFull,
    PracticeError,
    PracticeExists,
    PracticeNotFound,
    PracticeReadOnly,
    PracticeTooNew,
    WrongPassphrase,
    cannot_write,
    disk_full,
    full_disk,
    read_only,
)
from clarity_desktop.store.files import db_path, exists, key_path  # noqa: F401
from clarity_desktop.store.keyring import (  # noqa: F401
    mark_legacy_sealed,
    read_key_file,
    rewrap_passphrase,
    trusted_keys,
    unlock_key,
    unlock_secrets,
)
from clarity_desktop.store.models import User
from clarity_desktop.store.uow import UnitOfWork, utcnow

if TYPE_CHECKING:
    from pathlib import Path

    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

__all__ = ["Clinician", "EnginePractice", "OpenPractice"]

Hold = oslock.SharedHold | oslock.WindowHold
SOLO_USER_ID = 1  # the clinician of a solo practice (migration 0008 makes them from practice_info)


def principal_of(engine: Engine, user_id: int) -> Principal:
    """Who acts in this program: the user the key file's signing key belongs to (a solo
    practice: its clinician, user 1), so every seal made here names its key's owner."""
    with Session(engine) as s:
        user = s.get(User, user_id)
    if user is None or user.disabled:
        raise PracticeDamaged(ErrorCode.KEY_FILE_UNKNOWN_USER)
    return Principal(user.id, user.display_name, Role(user.role))


class EnginePractice:
    """An unlocked practice: hands out units of work, one per user action. It holds the
    practice's shared OS lock (and the window's, for the window) until closed."""

    def __init__(
        self,
        folder: Path,
        engine: Engine,
        writer_engine: Engine,
        clinician: Clinician,
        is_demo: bool,
        key: bytearray,
        backend: Backend,
        holds: tuple[Hold, ...] = (),
        signer: Ed25519PrivateKey | None = None,
        practice_id: str = "",
        principal: Principal | None = None,
        session_info: dict[str, object] | None = None,
    ) -> None:
        self.folder = folder
        self._holds = holds
        # The clinician's signing key: None only in a session unlocked with the recovery
        # key of a practice made before seals, until a new passphrase is set.
        self.signer = signer
        self.practice_id = practice_id
        self.engine = engine
        self.backend = backend
        self._key = key  # the same buffer the engine's connections are keyed from
        self.clinician = clinician
        # Who acts in this program: the practice's one clinician (a solo practice).
        self.principal = principal or Principal(SOLO_USER_ID, clinician.name, Role.CLINICIAN)
        self.is_demo = is_demo
        # What every session of this practice carries for its backend (a practice
        # server's keychain, store/postgres/keychain.py); SQLite carries nothing.
        self.session_info = session_info or {}
        self._factory = sessionmaker(writer_engine, expire_on_commit=False, info=self.session_info)
        self._read_factory = sessionmaker(engine, expire_on_commit=False, info=self.session_info)

    def uow(self) -> UnitOfWork:
        return UnitOfWork(
            self._factory,
            self.principal,
            self._read_factory,
            signer=self.signer,
            backend=self.backend,
            signature=self.clinician.signature,
            roster=self.backend,
        )

    def write_anchor(self) -> None:
        """Record the audit chain's head outside the database (store/anchor.py)."""
        if self.signer is None or not any(self._key):
            return
        with self._read_factory() as s:
            audit_id, row_hash = last_link(s)
        anchor.write(
            self.folder, anchor.Anchor(self.practice_id, audit_id, row_hash, utcnow()), self.signer
        )
        keyring.mark_anchored(self.folder)

    def session_factory(self) -> sessionmaker[Session]:
        return self._factory

    def session_factories(self) -> tuple[sessionmaker[Session], ...]:
        """The writer's and the reader's, for a backend's session events."""
        return (self._factory, self._read_factory)

    @property
    def db_key(self) -> bytes:
        """For backups and checks of copies; empty once the practice is closed."""
        return bytes(self._key)

    def close(self) -> None:
        """Make committed work durable at rest (the backend's before_close), close every
        connection, overwrite the key buffer (as far as Python allows, the key is gone from
        memory once locked or closed) and release the locks. Closing twice does nothing
        more."""
        if any(self._key):
            self.backend.before_close(self.engine)
            with contextlib.suppress(SADatabaseError, OSError):
                self.write_anchor()
        self.engine.dispose()
        for i in range(len(self._key)):
            self._key[i] = 0
        holds, self._holds = self._holds, ()
        for hold in reversed(holds):
            hold.release()
