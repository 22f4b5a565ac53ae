"""Moving a solo practice onto a practice server, whole (``server import-practice``).

The solo practice is only read, never written: its key file gives the database key and
the clinician's signing seed (keyring.unlock_secrets, which touches nothing), the folder is
held exclusively so no program writes it meanwhile, and the database is read from a copy
in a private temporary folder, so even SQLite's own files beside it stay as they were.
Unlocking it the usual way would have written an "unlocked" audit row and, for an older
practice, upgraded it: the source would no longer be what was moved.

On the server everything happens in one transaction, as the superuser (the only role that
writes every table past row-level security): every row keeps its id, so the audit chain
and the seals, which name ids, hold unchanged; the clinician becomes a staff login keeping
their signing key; the import's own audit row continues the chain. Before committing, the
copy is checked against the source (rows per table, a digest of each table's rows, the
whole chain, every seal); any difference rolls it all back, the new login included.
Then, still in that transaction, the text is encrypted for the clinician and the recovery
key and the blind search index is built (import_keys.py).
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
import shutil
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Table, func, select, text
from sqlalchemy.orm import Session

from clarity_desktop.domain.audit_actions import AuditAction
from clarity_desktop.domain.errors import ErrorCode, Wording
from clarity_desktop.domain.identity import Role
from clarity_desktop.store import anchor, audit_chain, keyring, keys, migrate, oslock, seals
from clarity_desktop.store.errors import (
    NotAPractice,
    PracticeBehind,
    PracticeDamaged,
    PracticeError,
    PracticeTooNew,
)
from clarity_desktop.store.files import db_path
from clarity_desktop.store.models import AuditEvent, Base, PracticeInfo
from clarity_desktop.store.postgres import (
    address,
    case_keys,
    ciphertext_checks,
    import_keys,
    logins,
    schema,
    sealing,
    superuser_audit,
)
from clarity_desktop.store.postgres.address import ServerAddress, check_name
from clarity_desktop.store.postgres.connect import make_engine
from clarity_desktop.store.postgres.server import FIRST_STAFF_ID
from clarity_desktop.store.sqlite import engine as sqlite_engine
from clarity_desktop.store.sqlite.practice import SIGNATURE as SOLO_SIGNATURE

# The server keeps its own practice_info (who this practice is); every other table moves.
TABLES = tuple(t for t in Base.metadata.sorted_tables if t.name != PracticeInfo.__tablename__)
CHUNK = 2000  # rows per statement while copying

# The text a note is found by: services/notes.full_text, handed in so the server's index
# holds exactly what the program indexes when a note is saved.
NoteText = Callable[[dict[str, str]], str]
# The seals' check (services/integrity.seal_problems) over a session of the uncommitted copy.
SealCheck = Callable[[Session, set[str]], list[Wording]]


@dataclass(frozen=True)
class Moved:
    source_practice_id: str
    server_practice_id: str
    login: str
    user_id: int  # the clinician, as on the solo practice
    rows: dict[str, int]  # table -> rows moved
    former_keys: int  # earlier signing keys the solo key file vouched for, now trusted
    audit_id: int  # the import's own audit row
    rewrite_failed: str | None = None  # why the plain copies stayed in the files (sealing.py)


def move_solo_practice(
    source: Path,
    passphrase: str,
    superuser: ServerAddress,
    superuser_password: str,
    login: str,
    new_password: str,
    *,
    note_text: NoteText,
    seal_check: SealCheck,
    kdf: keys.KdfParams | None = None,
) -> Moved:
    check_name(login, "login")
    if address.is_server_folder(source):
        raise NotAPractice(ErrorCode.SERVER_IMPORT_NOT_SOLO, folder=source)
    keyfile = keyring.read_key_file(source)
    with oslock.exclusive(source):  # no program has it open, none opens it meanwhile
        db_key, seed = keyring.unlock_secrets(source, passphrase)
        if seed is None:
            raise PracticeError(ErrorCode.SERVER_IMPORT_NO_SIGNING_KEY, folder=source)
        signer = seals.signer_from_seed(seed)
        with _snapshot(source) as copy:
            solo = sqlite_engine.make_engine(copy, db_key)
            server = make_engine(superuser, superuser_password, pool_size=1)
            try:
                with solo.connect() as src:
                    _check_source(source, src, keyfile, signer)
                    with server.begin() as conn:
                        moved = _move(
                            src,
                            conn,
                            keyfile,
                            seed,
                            superuser,
                            login,
                            new_password,
                            note_text,
                            seal_check,
                            kdf,
                        )
                # Encrypted in place: the plain copies die only when the tables are rewritten.
                why = sealing.rewrite_tables(superuser, superuser_password)
                return dataclasses.replace(moved, rewrite_failed=why)
            finally:
                server.dispose()
                solo.dispose()


@contextlib.contextmanager
def _snapshot(source: Path) -> Iterator[Path]:
    """A private copy of the solo database (and of a write-ahead log a killed program left,
    which SQLite folds in on opening the copy); removed afterwards. It stays encrypted."""
    with tempfile.TemporaryDirectory(prefix="clarity-move-") as tmp:
        original = db_path(source)
        copy = Path(tmp) / original.name
        shutil.copyfile(original, copy)
        wal = original.with_name(original.name + "-wal")
        if wal.exists():
            shutil.copyfile(wal, copy.with_name(copy.name + "-wal"))
        yield copy


def _check_source(
    folder: Path, src: Connection, keyfile: keys.KeyFile, signer: seals.Ed25519PrivateKey
) -> None:
    """Ours, current (an older practice would need the upgrade its unlock makes) and not
    behind its anchor (the newest work would be missing)."""
    info = src.execute(select(PracticeInfo)).first()
    if info is None or info.signature != SOLO_SIGNATURE or info.practice_id != keyfile.practice_id:
        raise NotAPractice(ErrorCode.NOT_A_PRACTICE, folder=folder)
    if migrate.current_revision(src) != migrate.head_revision():
        raise PracticeTooNew(ErrorCode.SERVER_IMPORT_SOURCE_OLD, folder=folder)
    try:
        found = anchor.read(folder, keyring.trusted_keys(keyfile, signer))
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
    row = src.execute(
        select(AuditEvent.row_hash).where(AuditEvent.id == found.audit_id)
    ).scalar_one_or_none()
    if found.practice_id != keyfile.practice_id or row != found.row_hash:
        raise PracticeBehind(ErrorCode.PRACTICE_BEHIND, folder=folder, at=found.at)


def _move(
    src: Connection,
    conn: Connection,
    keyfile: keys.KeyFile,
    seed: bytes,
    superuser: ServerAddress,
    login: str,
    new_password: str,
    note_text: NoteText,
    seal_check: SealCheck,
    kdf: keys.KdfParams | None,
) -> Moved:
    server_practice_id = _check_server(conn, superuser)
    for table in TABLES:  # row triggers (record locks, case assignment) wait; keys stay checked
        conn.exec_driver_sql(f"ALTER TABLE {table.name} DISABLE TRIGGER USER")
    _check_fresh(conn, superuser)
    user_id = keyfile.signer_user
    logins.create_login(conn, login, new_password, Role.CLINICIAN)
    for statement in ciphertext_checks.drops():  # plain as copied, until encrypted below
        conn.exec_driver_sql(statement)
    rows = {table.name: _copy(src, conn, table) for table in TABLES}
    for statement in case_keys.backfill_statements():  # what the triggers would have filled
        conn.exec_driver_sql(statement)
    for table in TABLES:
        conn.exec_driver_sql(f"ALTER TABLE {table.name} ENABLE TRIGGER USER")
    credentials = src.execute(select(PracticeInfo.clinician_credentials)).scalar_one()
    signer = seals.signer_from_seed(seed)
    public = seals.public_hex(signer)
    conn.execute(
        text(
            "INSERT INTO staff (user_id, login, credentials, public_key, wrapped_key) "
            "VALUES (:u, :l, :c, :p, :w)"
        ),
        {
            "u": user_id,
            "l": login,
            "c": credentials,
            "p": public,
            "w": logins.wrap_seed(seed, new_password, kdf),
        },
    )
    conn.execute(
        text("INSERT INTO case_access (case_id, user_id) SELECT id, :u FROM cases"),
        {"u": user_id},
    )
    # Vouched for by the key the clinician keeps (the one the new password now wraps).
    vouched = seals.trusted_keys(public, keyfile.former_signers)
    former = [f for f in keyfile.former_signers if f.get("public") in vouched]
    for f in former:
        conn.execute(
            text(
                "INSERT INTO former_keys (public_key, user_id, vouch) VALUES (:p, :u, :v) "
                "ON CONFLICT DO NOTHING"
            ),
            {"p": f["public"], "u": user_id, "v": f["vouch"]},
        )
    _sequences_past_ids(conn)
    with Session(bind=conn) as db:
        audit_id = _append_imported(db, superuser, keyfile.practice_id, login, rows)
        db.flush()
        _verify(src, conn, db, rows, audit_id, seal_check)
    # Checked as copied; now encrypted in place, with the blind search index built.
    import_keys.encrypt_moved(conn, user_id, seed, new_password, note_text, kdf)  # rules back
    return Moved(
        keyfile.practice_id, server_practice_id, login, user_id, rows, len(former), audit_id
    )


def _check_server(conn: Connection, superuser: ServerAddress) -> str:
    """The superuser, on a practice at this program's schema revision; its practice id."""
    is_super = conn.execute(text("SELECT rolsuper FROM pg_roles WHERE rolname = current_user"))
    if not is_super.scalar():
        raise PracticeError(ErrorCode.SERVER_IMPORT_NEEDS_SUPERUSER, user=superuser.user)
    where = {"dbname": superuser.dbname, "host": superuser.host, "port": superuser.port}
    found = conn.execute(
        text("SELECT 1 FROM pg_namespace WHERE nspname = :s"), {"s": schema.SCHEMA}
    ).first()
    if found is None:
        raise NotAPractice(ErrorCode.SERVER_NOT_A_PRACTICE, **where)
    revision = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    if revision != migrate.head_revision():
        code = (
            ErrorCode.PRACTICE_TOO_NEW
            if revision not in migrate.known_revisions()
            else ErrorCode.SERVER_NEEDS_UPGRADE
        )
        raise PracticeTooNew(code)
    return str(conn.execute(text("SELECT practice_id FROM practice_info")).scalar_one())


def _check_fresh(conn: Connection, superuser: ServerAddress) -> None:
    """Nothing clinical yet and an empty audit trail: the moved rows keep their ids, the
    moved chain starts at entry 1. Only the staff made at ``server init`` (ids from
    FIRST_STAFF_ID) may be there."""
    found: list[str] = []
    for table in TABLES:
        q = select(func.count()).select_from(table)
        if table.name == "users":
            q = q.where(table.c.id < FIRST_STAFF_ID)
        n = int(conn.execute(q).scalar_one())
        if n:
            found.append(f"{table.name}: {n}")
    if found:
        raise PracticeError(
            ErrorCode.SERVER_IMPORT_NOT_FRESH, dbname=superuser.dbname, found=", ".join(found)
        )


def _copy(src: Connection, conn: Connection, table: Table) -> int:
    """Every row of *table*, ids included, through the models' own types both ways."""
    n = 0
    result = src.execution_options(yield_per=CHUNK).execute(
        select(table).order_by(*table.primary_key.columns)
    )
    for chunk in result.partitions():
        conn.execute(table.insert(), [dict(r._mapping) for r in chunk])
        n += len(chunk)
    return n


def _sequences_past_ids(conn: Connection) -> None:
    """Each id sequence past the highest id copied (never back: users' starts at
    FIRST_STAFF_ID, and staff made at init are already past it)."""
    for table in TABLES:
        if "id" not in table.c or not table.c.id.primary_key:
            continue
        seq = conn.execute(
            text("SELECT pg_get_serial_sequence(:t, 'id')"), {"t": f"{schema.SCHEMA}.{table.name}"}
        ).scalar()
        if seq is None:
            continue
        top = conn.execute(select(func.max(table.c.id))).scalar()
        if top is not None:
            conn.execute(
                text(
                    "SELECT setval(CAST(:s AS regclass), GREATEST(:top, "
                    "(SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM "
                    f"{seq})), true)"
                ),
                {"s": seq, "top": int(top)},
            )


def _append_imported(
    db: Session, superuser: ServerAddress, source_id: str, login: str, rows: dict[str, int]
) -> int:
    """The import's own audit row, next in the moved chain."""
    actor = f"{superuser.user} (server superuser)"
    detail = json.dumps({"from": source_id, "login": login, "rows": rows}, sort_keys=True)
    return superuser_audit.append(db, actor, AuditAction.IMPORTED, "practice", None, detail)


def _verify(
    src: Connection,
    conn: Connection,
    db: Session,
    rows: dict[str, int],
    audit_id: int,
    seal_check: SealCheck,
) -> None:
    """The copy as the source: rows per table and their digest, the whole chain (with the
    import's row), every seal against the server's trusted keys. A difference is raised
    as one sentence and the transaction rolls back."""
    for table in TABLES:
        mine = _only_moved(table)
        there = int(conn.execute(select(func.count()).select_from(table).where(mine)).scalar_one())
        expected = rows[table.name] + (1 if table.name == "audit_events" else 0)
        if there != expected:
            _failed(
                Wording(
                    ErrorCode.SERVER_IMPORT_COUNT_DIFFERS,
                    table=table.name,
                    source=expected,
                    server=there,
                )
            )
        moved_rows = select(table).where(mine)
        if table.name == "audit_events":
            moved_rows = moved_rows.where(table.c.id != audit_id)
        if _digest(src, select(table)) != _digest(conn, moved_rows):
            _failed(Wording(ErrorCode.SERVER_IMPORT_ROWS_DIFFER, table=table.name))
    chain = audit_chain.verify(db.scalars(select(AuditEvent).order_by(AuditEvent.id)))
    if not chain.ok:
        _failed(Wording(ErrorCode.SERVER_IMPORT_CHAIN_BROKEN, entry=chain.first_broken))
    problems = seal_check(db, logins.trusted_keys(conn))
    if problems:
        _failed(problems[0])
    unassigned = conn.execute(text(UNASSIGNED)).scalar_one()
    if unassigned:
        _failed(Wording(ErrorCode.SERVER_IMPORT_ROWS_DIFFER, table="case_access"))


UNASSIGNED = "SELECT count(*) FROM cases WHERE id NOT IN (SELECT case_id FROM case_access)"


def _only_moved(table: Table) -> Any:
    """The rows that came from the solo practice (users: not the staff made at init)."""
    return table.c.id < FIRST_STAFF_ID if table.name == "users" else text("true")


def _failed(problem: Wording) -> None:
    raise PracticeDamaged(ErrorCode.SERVER_IMPORT_FAILED_CHECK, problem=problem)


def _digest(conn: Connection, query: Any) -> int:
    """A digest of the rows *query* returns, whatever their order (each row's hash, summed):
    read back through the models' types, a row that changed on the way changes it."""
    total = 0
    # Per statement: execution_options on the connection would stay on it (server-side
    # cursors for the statements that follow).
    result = conn.execute(query, execution_options={"yield_per": CHUNK})
    for chunk in result.partitions():
        for r in chunk:
            line = json.dumps(list(r), default=_plain, sort_keys=True, ensure_ascii=False)
            total += int.from_bytes(hashlib.sha256(line.encode("utf-8")).digest(), "big")
    return total % (1 << 256)


def _plain(value: object) -> object:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime | date):
        return value.isoformat()
    raise TypeError(f"cannot digest {type(value).__name__}")
