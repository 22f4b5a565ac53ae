"""The storage seam: what a database engine must provide, so services never speak its dialect.

Services reach a practice's storage only through this interface: an open practice
(``OpenPractice``) hands out units of work; its ``backend`` answers everything that differs
between engines. Today there is one implementation, ``store/sqlite/`` (SQLCipher: key
file, pragmas, FTS5, triggers, the online backup API); ``store/opening.py`` says which
backend serves a folder. Nothing in services/ may import a backend package
(tests/test_layers.py).

A second backend (PostgreSQL) is added as ``store/postgres/`` with a class satisfying
``Backend`` and one line in ``store/opening.py``; services stay as they are. It must provide:

- **Opening**: ``create`` a practice (schema at the head revision, the practice_info row,
  the clinician) and ``unlock`` one (check it is ours, not behind its anchor, upgrade it
  after a verified copy), each returning an ``OpenPractice`` whose ``engine`` is a
  SQLAlchemy engine for the portable models of store/models.py and whose writer
  transactions take the write lock at once (units of work append to the audit chain).
  Failures are the errors of store/errors.py, never driver errors.
- **Unit of work** (``WriterRules`` in store/uow.py, the part each unit of work carries):
  the ``search`` index, ``limit_wait`` (a shorter wait for the write lock on one
  connection, for autosave) and ``is_busy`` (is this exception "another writer kept the
  lock"). Beside it: ``before_close`` (make committed work durable at rest before the
  engine is disposed) and ``plain_error`` (a driver's error that means a full disk or a
  read-only folder, as the one-sentence error of store/errors.py).
- **Search index** (``search``, a ``SearchIndex``, store/search_index.py): index a note's
  and an addendum's text in the caller's transaction, and query it: every typed word must
  match as a prefix, user text is never passed through as query syntax, hits carry a
  snippet with ``HIT_START`` / ``HIT_END`` around matched words, best first (newest first
  past a cut-off).
- **Integrity check**: ``integrity_problems`` lists in plain words what reading the whole
  store finds wrong (damaged pages, records pointing nowhere, record locks missing or
  altered); an empty list means sound.
- **Backup and restore**: ``write_backup_set`` makes a verified, self-contained copy in a
  backup folder (manifest included; see services/backups.py for folders and rotation),
  ``copy_problems``, ``practice_id_of`` and ``revision_of`` read such a copy, and
  ``install`` puts one in place of the practice with its "restored" audit row inside;
  ``copy_store_files`` keeps what is left of a store too damaged to back up, and
  ``discard_new`` removes a practice whose making failed halfway.
- **Upgrade**: ``current_revision`` of an open practice (Alembic's version table);
  upgrading happens inside ``unlock``. Migrations freeze their own DDL and never import a
  backend's live modules (tests/store/test_migrations_frozen.py).

- **Keys and the restore lock**: the practice's secrets (on SQLite the key file,
  store/keyring.py: the database key and the signing key wrapped by the passphrase and by
  the recovery key) and the lock a restore holds alone (on SQLite the OS lock of
  store/oslock.py). Services change the passphrase, check seals against the trusted
  signing keys and restore through these methods only, never the key file or the lock
  themselves, so a backend without a database key (PostgreSQL: logins, advisory leases)
  answers them its own way.
- **Edit leases** (``hold_lease``, ``lease_holder``, ``break_lease``): while a note is open
  for editing in one program, others open it read-only and see who writes and since when.
  A practice server holds each lease as a lock on a connection of its own
  (store/postgres/leases.py), freed when the program closes the note, disconnects or
  dies; a solo practice has one clinician, so every lease is granted and none is held.
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from clarity_desktop.domain.backup_kinds import BackupKind
from clarity_desktop.domain.errors import Wording
from clarity_desktop.domain.identity import Principal
from clarity_desktop.domain.progress import Progress
from clarity_desktop.store.errors import PracticeError
from clarity_desktop.store.roster import Roster
from clarity_desktop.store.search_index import SearchIndex, SearchRow
from clarity_desktop.store.uow import UnitOfWork, WriterRules

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from clarity_desktop.store.keys import KdfParams

__all__ = [
    "Backend",
    "BackupCopy",
    "BreakOutcome",
    "CheckFailed",
    "Clinician",
    "Lease",
    "LeaseHolder",
    "OpenPractice",
    "SearchIndex",
    "SearchRow",
]


@dataclass(frozen=True)
class Clinician:
    name: str
    credentials: str

    @property
    def signature(self) -> str:
        return f"{self.name}, {self.credentials}" if self.credentials else self.name


@dataclass(frozen=True)
class BackupCopy:
    """What a verified backup set holds, as written in its manifest."""

    created_at: datetime  # naive UTC
    cases: int
    notes: int


class CheckFailed(Exception):
    """A fresh backup copy did not pass its check; the message names the first problem."""


@dataclass(frozen=True)
class LeaseHolder:
    """Who has a note open for editing elsewhere, and since when."""

    user_id: int
    name: str
    since: datetime  # aware, UTC
    may_take_over: bool  # the asker is their supervisor, an administrator, or themself
    case_id: int | None  # the note's case (for the audit row of a take-over)


class Lease(Protocol):
    """A note held open for editing by this program, until release() (or the program's end)."""

    note_id: int

    def held(self) -> bool:
        """Still ours? False once the connection holding it is gone (someone took over)."""
        ...

    def release(self) -> None:
        """Free the note for others; releasing twice does nothing more."""
        ...


class BreakOutcome(Enum):
    BROKEN = "broken"  # the holder's lease was ended
    FREE = "free"  # nobody held it (any more): nothing to break
    REFUSED = "refused"  # the asker may not take it from this holder
    CHANGED = "changed"  # someone else holds it now than the one named


@runtime_checkable
class OpenPractice(Protocol):
    """An unlocked practice, as services know it (store/practice.py's EnginePractice
    implements it; the window checks what a worker handed back with isinstance)."""

    folder: Path
    engine: Engine
    clinician: Clinician
    is_demo: bool
    practice_id: str
    backend: Backend
    principal: Principal  # who acts in this program (domain/identity.py)
    # The clinician's signing key: None only in a session unlocked with the recovery key
    # of a practice made before seals, until a new passphrase is set.
    signer: Ed25519PrivateKey | None

    @property
    def db_key(self) -> bytes: ...

    def uow(self) -> UnitOfWork: ...

    def write_anchor(self) -> None: ...

    def close(self) -> None: ...


class Backend(WriterRules, Roster, Protocol):
    """Everything engine-specific about a practice (see the module docstring)."""

    name: str

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
    ) -> tuple[OpenPractice, str]:
        """A new practice, unlocked, and its recovery key (shown once)."""
        ...

    def unlock(
        self,
        folder: Path,
        secret: str,
        *,
        recovery: bool = False,
        window: bool = False,
        accept_missing_work: bool = False,
    ) -> OpenPractice: ...

    def before_close(self, engine: Engine) -> None: ...

    def plain_error(self, exc: BaseException, folder: Path) -> PracticeError | None:
        """What a driver's error means for the clinician, when it is not damage: a full
        disk (PracticeDiskFull), a folder the program may not write (PracticeReadOnly)."""
        ...

    # Integrity, upgrade
    def integrity_problems(self, practice: OpenPractice) -> list[Wording]: ...

    def current_revision(self, engine: Engine) -> str: ...

    def chain_links(self, db: Session) -> list[tuple[int, str, str]] | None:
        """Every audit row's (id, prev_hash, row_hash), when the reader may not read every
        row (a practice server); None when every row is readable (a solo practice)."""
        ...

    # Backups (folders as services/backups.py describes them)
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
    ) -> BackupCopy: ...

    def copy_problems(self, copy_folder: Path, key: bytes) -> list[str]: ...

    def practice_id_of(self, copy_folder: Path, key: bytes) -> str | None: ...

    def revision_of(self, copy_folder: Path, key: bytes) -> str: ...

    def copy_store_files(self, practice_folder: Path, dest: Path) -> None:
        """The store's own files and its keys byte for byte into the folder *dest*: what
        is kept of a store too damaged to back up."""
        ...

    def discard_new(self, folder: Path) -> None:
        """Remove a practice just made in *folder* (closed), whose filling failed."""
        ...

    def install(
        self,
        practice_folder: Path,
        key: bytes,
        copy_folder: Path,
        audit_detail: str,
        signer: Ed25519PrivateKey | None,
    ) -> None: ...

    # Keys and the restore lock
    def exclusive(self, folder: Path) -> AbstractContextManager[None]:
        """The practice to this program alone, for a restore: refused at once
        (PracticeInUse) while any other program has it open."""
        ...

    def unlock_secrets(self, folder: Path, secret: str) -> tuple[bytes, bytes | None]:
        """(database key, signing seed or None for a practice from before seals) for the
        passphrase *secret*, without opening the database; WrongPassphrase if wrong."""
        ...

    def practice_id(self, folder: Path) -> str:
        """The id the practice in *folder* was made with (a backup must carry the same)."""
        ...

    def rewrap_passphrase(
        self, practice: OpenPractice, secret: str, new_passphrase: str, *, recovery: bool = False
    ) -> bytes:
        """Put the practice's keys under *new_passphrase*, given the current passphrase
        (or the recovery key); the database is not re-encrypted. Returns the signing
        seed the new passphrase unlocks."""
        ...

    def first_password_pending(self, practice: OpenPractice) -> bool:
        """Whether the person still signs in with a password someone else chose (a server
        login the administrator made): their own keys are made when they choose theirs."""
        ...

    def trusted_keys(self, practice: OpenPractice) -> set[str]:
        """The public signing keys whose seals this practice accepts: the current one
        and the former ones it vouched for."""
        ...

    def legacy_sealed(self, practice: OpenPractice) -> bool:
        """Whether records signed before seals existed have been sealed already."""
        ...

    def mark_legacy_sealed(self, practice: OpenPractice) -> None: ...

    # Edit leases
    def hold_lease(self, practice: OpenPractice, note_id: int) -> Lease | LeaseHolder:
        """The note's edit lease for this program, or who holds it now."""
        ...

    def lease_holder(self, practice: OpenPractice, note_id: int) -> LeaseHolder | None:
        """Who holds the note's edit lease (None when it is free)."""
        ...

    def break_lease(self, db: Session, note_id: int, holder_id: int, reason: str) -> BreakOutcome:
        """End *holder_id*'s lease on the note, in the caller's transaction, which must
        already hold its audit row (the server checks both the row and who asks)."""
        ...
