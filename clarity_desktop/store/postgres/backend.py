"""PostgreSQL behind the storage seam: the Backend of store/backend.py for a practice
server.

A practice folder on the workstation holds only the server's address (address.py); the
records, the audit chain and everyone's keys live on the server. Unlocking is logging in:
the password goes to the server (SCRAM over verified TLS) and unwraps the staff member's
own signing and encryption keys kept there; the open practice's sessions carry a keychain
(keychain.py) with which clinical text is encrypted and decrypted in the program
(encrypted_rows.py), so the server never reads it. Backups and restores are the server's business (``server
backup``, pg_dump), so the folder-based ones answer with one sentence saying so.
"""

from __future__ import annotations

import contextlib
import dataclasses
import secrets
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import psycopg
from sqlalchemy import Connection, Engine, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from clarity_desktop.domain.backup_kinds import BackupKind
from clarity_desktop.domain.errors import ErrorCode, Wording
from clarity_desktop.domain.identity import Principal, Role
from clarity_desktop.domain.progress import Progress
from clarity_desktop.domain.supervision import SupervisionMode
from clarity_desktop.store import audit_chain, bulk, keys, migrate, seals
from clarity_desktop.store.backend import (
    BackupCopy,
    BreakOutcome,
    Clinician,
    Lease,
    LeaseHolder,
    OpenPractice,
)
from clarity_desktop.store.errors import (
    NotAPractice,
    PracticeError,
    PracticeTooNew,
    WrongPassphrase,
)
from clarity_desktop.store.postgres import (
    access,
    address,
    directory_rows,
    emergency_trust,
    encrypted_rows,
    grant_reasons,
    key_sharing,
    keytables,
    leases,
    locks,
    logins,
    pins,
    practice_keys,
    schema,
    supervision,
)
from clarity_desktop.store.postgres.blind_search import BlindIndex
from clarity_desktop.store.postgres.connect import make_engine, refusal
from clarity_desktop.store.postgres.encryption import wrapping
from clarity_desktop.store.postgres.keychain import INFO_KEY, Keychain
from clarity_desktop.store.postgres.pins import Pins
from clarity_desktop.store.postgres.server import SIGNATURE
from clarity_desktop.store.practice import EnginePractice
from clarity_desktop.store.roster import (
    CaseName,
    EmergencyGrant,
    KeyShare,
    StaffMember,
    Supervision,
)

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from clarity_desktop.store.keys import KdfParams


def _on_server() -> NoReturn:
    raise PracticeError(ErrorCode.SERVER_BACKS_UP_ITSELF)


class PostgresBackend:
    name = "postgresql"

    def __init__(self) -> None:
        self.search = BlindIndex()

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
        raise PracticeError(ErrorCode.SERVER_MADE_BY_INIT)

    def unlock(
        self,
        folder: Path,
        secret: str,
        *,
        recovery: bool = False,
        window: bool = False,
        accept_missing_work: bool = False,
    ) -> EnginePractice:
        if recovery:
            raise PracticeError(ErrorCode.SERVER_NO_RECOVERY_KEY)
        where = address.read(folder)
        engine = make_engine(where, secret)
        try:
            with engine.connect() as conn:
                info, user, revision = _who_and_what(conn, where)
                sheet = keytables.practice_key(conn, keytables.RECOVERY)
                emergency, sheet_signer = emergency_trust.read_with_sheet(conn)
        except DBAPIError as exc:
            engine.dispose()
            if isinstance(exc.orig, psycopg.OperationalError):
                raise refusal(exc.orig, where) from exc
            raise
        except BaseException:
            engine.dispose()
            raise
        if revision != migrate.head_revision():
            engine.dispose()
            code = (
                ErrorCode.PRACTICE_TOO_NEW
                if revision not in migrate.known_revisions()
                else ErrorCode.SERVER_NEEDS_UPGRADE
            )
            raise PracticeTooNew(code)
        user_id, display_name, role, credentials, wrapped = user
        try:
            seed, box = wrapping.unwrap_user_keys(wrapped, secret)
        except keys.WrongSecret as exc:
            # The server took the password but it does not open the key: the key was
            # wrapped under an earlier password (changed outside the program).
            engine.dispose()
            raise WrongPassphrase(ErrorCode.SERVER_KEY_OTHER_PASSWORD) from exc
        try:  # the practice's keys as this workstation first saw them (pins.py)
            seen = Pins(folder)
            if sheet is not None:
                seen.check(pins.RECOVERY, sheet.hex())
            # A renewed emergency key is taken when the key it replaces, or the recovery
            # sheet, signed it (emergency_trust.py).
            emergency = emergency_trust.trust(emergency, sheet_signer, seen)
        except BaseException:
            engine.dispose()
            raise
        opened = EnginePractice(
            folder,
            engine,
            engine,
            Clinician(display_name, credentials),
            bool(info[1]),
            bytearray(),
            self,
            (),
            seals.signer_from_seed(seed),
            str(info[0]),
            Principal(int(user_id), str(display_name), Role(role)),
            {
                INFO_KEY: (
                    keychain := Keychain(
                        int(user_id),
                        box,
                        sheet,
                        None if emergency is None else emergency.public,
                        seen,
                    )
                ),
                bulk.ORM_ONLY: True,
            },
        )
        for factory in opened.session_factories():
            encrypted_rows.install(factory)
            directory_rows.install(factory)
        practice_keys.first_emergency(opened, keychain)
        practice_keys.first_directory(opened, keychain)
        return opened

    # Unit of work
    @contextlib.contextmanager
    def limit_wait(self, conn: Connection, wait_ms: int) -> Iterator[None]:
        conn.exec_driver_sql(f"SET lock_timeout = {int(wait_ms)}")
        try:
            yield
        finally:
            with contextlib.suppress(DBAPIError):
                conn.exec_driver_sql("RESET lock_timeout")

    def is_busy(self, exc: BaseException) -> bool:
        orig = exc.orig if isinstance(exc, DBAPIError) else exc
        return isinstance(orig, psycopg.errors.LockNotAvailable)

    def chain_head(self, db: Session) -> tuple[int, str]:
        row = db.execute(text("SELECT id, row_hash FROM audit_head()")).first()
        if row is None or row[0] is None:
            return (0, audit_chain.GENESIS)
        return (int(row[0]), str(row[1]))

    def before_close(self, engine: Engine) -> None:
        """Nothing to fold in: the server makes each commit durable itself."""

    def plain_error(self, exc: BaseException, folder: Path) -> PracticeError | None:
        orig = exc.orig if isinstance(exc, DBAPIError) else exc
        if isinstance(orig, psycopg.OperationalError):
            return refusal(orig, address.read(folder))
        return None

    # Integrity, upgrade
    def integrity_problems(self, practice: OpenPractice) -> list[Wording]:
        """Record locks missing or disabled, and tables whose row-level security is off
        or not forced, in plain words."""
        found: list[Wording] = []
        folder = practice.folder
        with practice.engine.connect() as conn:
            gone = [r[0] for r in conn.execute(text(locks.missing_sql()))]
            if gone:
                found.append(
                    Wording(ErrorCode.INTEGRITY_LOCKS_MISSING, folder=folder, names=tuple(gone))
                )
            open_tables = [r[0] for r in conn.execute(text(UNGUARDED))]
            if open_tables:
                found.append(Wording(ErrorCode.SERVER_TABLES_UNGUARDED, names=tuple(open_tables)))
        return found

    def chain_links(self, db: Session) -> list[tuple[int, str, str]] | None:
        rows = db.execute(text("SELECT id, prev_hash, row_hash FROM audit_links()"))
        return [(int(r[0]), str(r[1]), str(r[2])) for r in rows]

    def current_revision(self, engine: Engine) -> str:
        with engine.connect() as conn:
            return str(conn.execute(text("SELECT version_num FROM alembic_version")).scalar())

    # Backups: on the server, with the server's tools (``server backup``)
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
        _on_server()

    def copy_problems(self, copy_folder: Path, key: bytes) -> list[str]:
        _on_server()

    def practice_id_of(self, copy_folder: Path, key: bytes) -> str | None:
        _on_server()

    def revision_of(self, copy_folder: Path, key: bytes) -> str:
        _on_server()

    def copy_store_files(self, practice_folder: Path, dest: Path) -> None:
        _on_server()

    def discard_new(self, folder: Path) -> None:
        (folder / address.SERVER_FILE).unlink(missing_ok=True)

    def install(
        self,
        practice_folder: Path,
        key: bytes,
        copy_folder: Path,
        audit_detail: str,
        signer: Ed25519PrivateKey | None,
    ) -> None:
        _on_server()

    # Keys: each staff member's own, on the server
    def exclusive(self, folder: Path) -> contextlib.AbstractContextManager[None]:
        _on_server()

    def unlock_secrets(self, folder: Path, secret: str) -> tuple[bytes, bytes | None]:
        _on_server()

    def practice_id(self, folder: Path) -> str:
        _on_server()

    def rewrap_passphrase(
        self, practice: OpenPractice, secret: str, new_passphrase: str, *, recovery: bool = False
    ) -> bytes:
        """A new password for this login, and the signing and encryption keys re-wrapped
        together under it, in one transaction: the server never holds a key the password
        cannot open. The first change (the password an administrator set) makes the
        person's encryption key and a new signing key (the administrator's program made
        the first one): from then on only they can open what is wrapped for them, and
        only they can sign as themselves."""
        if recovery:
            raise PracticeError(ErrorCode.SERVER_NO_RECOVERY_KEY)
        with practice.engine.begin() as conn:
            wrapped = conn.execute(text("SELECT wrapped_key FROM staff WHERE user_id = me()"))
            try:
                seed, box = wrapping.unwrap_user_keys(str(wrapped.scalar_one()), secret)
            except keys.WrongSecret as exc:
                raise WrongPassphrase(ErrorCode.SERVER_WRONG_CURRENT_PASSWORD) from exc
            # The administrator's program made the signing key of a login's first password:
            # replaced with the encryption key, unless it already sealed records here (a
            # server from before encryption, sealing.seal_if_plain), whose seals it keeps.
            first = box is None and not logins.has_sealed(conn)
            if box is None:
                box = wrapping.new_key_pair()
            if first:
                seed = secrets.token_bytes(keys.KEY_BYTES)
            verifier = logins.scram_verifier(new_passphrase)
            conn.exec_driver_sql(f"ALTER ROLE CURRENT_USER PASSWORD '{verifier}'")
            logins.set_user_keys(
                conn, practice.principal.user_id, seed, box, new_passphrase, first=first
            )
        held = getattr(practice, "session_info", {}).get(INFO_KEY)
        if isinstance(held, Keychain):
            held.box = box
            practice_keys.first_emergency(practice, held)
            practice_keys.first_directory(practice, held)
        return seed

    def first_password_pending(self, practice: OpenPractice) -> bool:
        held = getattr(practice, "session_info", {}).get(INFO_KEY)
        return isinstance(held, Keychain) and held.box is None

    def trusted_keys(self, practice: OpenPractice) -> set[str]:
        """Every staff member's public signing key, and the earlier keys their current key
        vouched for: a seal is trusted when one of the practice's own people made it (the
        seal names whom)."""
        with practice.engine.connect() as conn:
            return logins.trusted_keys(conn)

    # The staff roster (store/roster.py), in the caller's transaction
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
        conn = db.connection()
        logins.create_login(conn, login, password, role)
        return logins.add_staff(conn, login, display_name, credentials, role, password, kdf)

    def disable_staff(self, db: Session, login: str) -> int:
        return logins.disable(db.connection(), login)

    def assign(self, db: Session, case_id: int, login: str, *, remove: bool = False) -> int:
        return logins.assign(db.connection(), case_id, login, remove=remove)

    def staff(self, db: Session) -> list[StaffMember]:
        conn = db.connection()
        links = supervision.supervisors_by_supervisee(conn)
        return [
            dataclasses.replace(m, supervised_by=tuple(links.get(m.user_id, ())))
            for m in logins.staff(conn)
        ]

    def case_clinicians(self, db: Session) -> dict[int, tuple[str, ...]]:
        return logins.case_clinicians(db.connection())

    def supervisor_of(self, db: Session, user_id: int) -> Supervision | None:
        return supervision.supervisor_of(db.connection(), user_id)

    def supervisees_of(self, db: Session, user_id: int) -> list[Supervision]:
        return supervision.supervisees_of(db.connection(), user_id)

    def set_supervision(
        self,
        db: Session,
        supervisor_login: str,
        supervisee_login: str,
        mode: SupervisionMode | None,
    ) -> tuple[int, int]:
        return access.set_supervision(db.connection(), supervisor_login, supervisee_login, mode)

    def grant_emergency(self, db: Session, case_id: int, reason: str, minutes: int) -> int:
        def sealed(grant_id: int) -> str:
            return grant_reasons.seal(db, grant_id, reason)

        return access.grant_emergency(db.connection(), case_id, sealed, minutes)

    def live_grants(self, db: Session) -> list[EmergencyGrant]:
        return access.live_grants(db)

    def grant_log(self, db: Session) -> list[EmergencyGrant]:
        return access.grant_log(db)

    def case_names(self, db: Session) -> list[CaseName]:
        return access.case_names(db)

    def key_shares(self, db: Session) -> list[KeyShare]:
        return [_share(p) for p in key_sharing.pending(db.connection())]

    def share_case_key(self, db: Session, case_id: int, reader: int) -> KeyShare:
        keys = encrypted_rows.keychain_of(db)
        if keys is None:
            raise PracticeError(ErrorCode.ENCRYPTION_KEY_NOT_HELD, generation=1)
        return _share(key_sharing.share(db.connection(), keys, case_id, reader))

    def legacy_sealed(self, practice: OpenPractice) -> bool:
        return True  # a practice server starts with seals

    def mark_legacy_sealed(self, practice: OpenPractice) -> None:
        """Nothing to mark: see legacy_sealed."""

    # Edit leases (store/postgres/leases.py)
    def hold_lease(self, practice: OpenPractice, note_id: int) -> Lease | LeaseHolder:
        return leases.hold(practice.engine, note_id)

    def lease_holder(self, practice: OpenPractice, note_id: int) -> LeaseHolder | None:
        with practice.engine.connect() as conn:
            return leases.holder(conn, note_id)

    def break_lease(self, db: Session, note_id: int, holder_id: int, reason: str) -> BreakOutcome:
        db.flush()  # the audit row first: the server looks for it
        return leases.break_lease(db.connection(), note_id, holder_id, reason)


UNGUARDED = (
    "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
    f"WHERE n.nspname = '{schema.SCHEMA}' AND c.relkind = 'r' "
    "AND NOT (c.relrowsecurity AND c.relforcerowsecurity) ORDER BY c.relname"
)


def _who_and_what(conn: Connection, where: address.ServerAddress) -> tuple[Any, Any, str]:
    """(practice_info's id and is_demo, the login's staff row, the schema revision). A
    database without our schema, or a login who is not (or no longer) staff, is refused
    in plain words."""
    has_schema = conn.execute(
        text("SELECT 1 FROM pg_namespace WHERE nspname = :s"), {"s": schema.SCHEMA}
    ).first()
    if has_schema is None:
        raise NotAPractice(
            ErrorCode.SERVER_NOT_A_PRACTICE, dbname=where.dbname, host=where.host, port=where.port
        )
    user = conn.execute(
        text(
            "SELECT u.id, u.display_name, u.role, s.credentials, s.wrapped_key "
            "FROM staff s JOIN users u ON u.id = s.user_id WHERE s.user_id = me()"
        )
    ).first()
    if user is None:
        raise WrongPassphrase(ErrorCode.SERVER_NOT_STAFF, user=where.user)
    info = conn.execute(text("SELECT practice_id, is_demo, signature FROM practice_info")).first()
    if info is None or info[2] != SIGNATURE:
        raise NotAPractice(
            ErrorCode.SERVER_NOT_A_PRACTICE, dbname=where.dbname, host=where.host, port=where.port
        )
    revision = str(conn.execute(text("SELECT version_num FROM alembic_version")).scalar())
    return info, user, revision


def _share(p: key_sharing.PendingShare) -> KeyShare:
    return KeyShare(p.case_id, p.reader, p.reader_name, p.how, p.given_by)
