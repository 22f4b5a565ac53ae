"""Client names and contact details encrypted as the ORM writes them and decrypted as it
reads them, under the practice's directory key, on a practice server only.

The columns are the DIRECTORY scope of encryption/columns.py: cases.display_name and the
partners' name, pronouns, email and phone. They are kept apart from the clinical text
(encrypted_rows.py, the case keys) because everyone on the staff who books, assigns or
answers the phone reads them (the lead's answer 6): the directory key is one per
practice (owner 0, generations like a case key), made by the first staff member's
program that has a key pair (keychain.make_directory) and shared with each newcomer by a
holder's approval (key_sharing.py).

- Writing (before_flush): a new or changed case or partner gets all of its directory
  columns encrypted with the newest directory key, bound to its table, id, column and the
  row_version it is about to get (as encrypted_rows.py binds the clinical text), so a
  name swapped between rows or an older name put back fails to decrypt. After the flush
  the objects hold plain text again.
- Reading (load, refresh, and Core rows through reveal()): each value is decrypted; one
  that does not decrypt raises the tamper or malformed error. Someone the directory was
  not shared with yet reads LOCKED_NAME ("Name locked") for each value, never the
  ciphertext, and their writes of such a row are refused in words
  (ENCRYPTION_DIRECTORY_NOT_HELD).
- The server's columns are widened to text (WIDEN, run with the group DDL): an encrypted
  name does not fit varchar(120).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from sqlalchemy import Connection, event, inspect
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.attributes import set_committed_value

from clarity_desktop.domain.audit_actions import AuditAction
from clarity_desktop.domain.errors import ErrorCode
from clarity_desktop.domain.locked_text import LOCKED_NAME, is_locked
from clarity_desktop.store.models import Base, Case, Partner
from clarity_desktop.store.postgres.encrypted_rows import _take_ids, keychain_of
from clarity_desktop.store.postgres.encryption import columns, values
from clarity_desktop.store.postgres.encryption.values import EncryptionError, KeyRing
from clarity_desktop.store.uow import later_audit

WIRED: dict[type[Base], tuple[str, ...]] = {
    model: tuple(
        c
        for c, scope in columns.ENCRYPTED[str(model.__tablename__)].columns.items()
        if scope == columns.DIRECTORY
    )
    for model in (Case, Partner)
}
_RESTORE = "clarity.directory_rows.restore"
_UNOPENED = "clarity.directory_rows.unopened"  # this session found no directory key
_ROTATED = "clarity.directory_rows.rotated"  # this transaction made a new generation
# Why a value is not opened without raising: the directory was never shared with this
# reader (or they have not chosen their own password yet, so have no key to be given).
_NOT_GIVEN = (ErrorCode.ENCRYPTION_KEY_NOT_HELD, ErrorCode.ENCRYPTION_FIRST_PASSWORD)

# The server's columns widen to text (idempotent: text to text changes nothing).
WIDEN = tuple(
    f"ALTER TABLE {model.__tablename__} ALTER COLUMN {column} TYPE text"
    for model, names in WIRED.items()
    for column in names
)


def install(factory: sessionmaker[Session]) -> None:
    event.listen(factory, "before_flush", _before_flush)
    event.listen(factory, "after_flush_postexec", _after_flush_postexec)
    event.listen(factory, "after_commit", _after_commit)
    event.listen(factory, "after_rollback", _after_rollback)


def _ring(session: Session, conn: Connection) -> KeyRing | None:
    """The directory key, or None for someone it was not shared with (remembered for the
    session, so a list of two thousand names asks the server once)."""
    keys = keychain_of(session)
    if keys is None or session.info.get(_UNOPENED):
        return None
    try:
        return keys.directory(conn)
    except EncryptionError as exc:
        if exc.code not in _NOT_GIVEN:
            raise
    session.info[_UNOPENED] = True
    return None


def _ring_to_write(session: Session, conn: Connection) -> KeyRing:
    """The directory key to write with, rotated first if someone who held it left
    (rotation.py): the new generation is audited when the transaction commits and
    forgotten if it rolls back."""
    keys = keychain_of(session)
    assert keys is not None
    ring, rotated = keys.directory_to_write(conn)
    if rotated is not None:
        session.info[_ROTATED] = True
        later_audit(session).append(
            (AuditAction.KEY_ROTATED, "directory", None, None, rotated.detail)
        )
    return ring


def _after_commit(session: Session) -> None:
    session.info.pop(_ROTATED, None)


def _after_rollback(session: Session) -> None:
    keys = keychain_of(session)
    if session.info.pop(_ROTATED, None) and keys is not None:
        keys.forget_directory()  # the generation made in the rolled-back transaction


def ring_to_read(session: Session) -> KeyRing | None:
    """The directory key for a value outside the ORM (grant_reasons.py); None if not held."""
    return _ring(session, session.connection())


def ring_to_write(session: Session) -> KeyRing:
    """The directory key to write a value outside the ORM with; refused if not held."""
    if _ring(session, session.connection()) is None:
        raise _refused()
    return _ring_to_write(session, session.connection())


def _refused() -> EncryptionError:
    return EncryptionError(ErrorCode.ENCRYPTION_DIRECTORY_NOT_HELD)


# Writing ---------------------------------------------------------------------------------


def _before_flush(session: Session, _context: object, _instances: object) -> None:
    keys = keychain_of(session)
    if keys is None:
        return
    todo = [o for o in session.new if type(o) in WIRED]
    todo += [
        o
        for o in session.dirty
        if type(o) in WIRED and session.is_modified(o, include_collections=False)
    ]
    if not todo:
        return
    conn = session.connection()
    session.info.pop(_UNOPENED, None)  # a write asks again: the key may have been shared
    if _ring(session, conn) is None:
        raise _refused()
    ring = _ring_to_write(session, conn)
    _take_ids(conn, todo)
    restore: list[tuple[Any, str, Any]] = []
    session.info[_RESTORE] = restore
    try:
        for obj in todo:
            table = obj.__tablename__
            current = obj.row_version
            row = {
                "id": obj.id,
                "row_version": 1 if inspect(obj).pending or current is None else current + 1,
            }
            for column in WIRED[type(obj)]:
                plain = getattr(obj, column)
                plain = "" if plain is None else str(plain)
                if is_locked(plain):  # the stand-in of a name never opened here
                    raise _refused()
                place = columns.place_of(table, row, column)
                setattr(obj, column, values.encrypt(plain, ring.newest, place))
                restore.append((obj, column, plain))
    except BaseException:
        _put_back(restore)
        raise


def _after_flush_postexec(session: Session, _context: object) -> None:
    _put_back(session.info.pop(_RESTORE, []))


def _put_back(restore: Iterable[tuple[Any, str, Any]]) -> None:
    for obj, column, plain in restore:
        set_committed_value(obj, column, plain)


# Reading ---------------------------------------------------------------------------------


def _opened(
    conn: Connection,
    ring: KeyRing | None,
    table: str,
    row: Mapping[str, object],
    column: str,
    stored: object,
    session: Session,
) -> str:
    if ring is None:
        return LOCKED_NAME
    place = columns.place_of(table, row, column)
    if not isinstance(stored, str):
        raise EncryptionError(ErrorCode.ENCRYPTION_VALUE_MALFORMED, **place.params())
    try:
        return values.decrypt(stored, ring, place)
    except EncryptionError as exc:
        if exc.code is not ErrorCode.ENCRYPTION_KEY_NOT_HELD:
            raise
    keys = keychain_of(session)
    assert keys is not None  # a generation made since the ring was read: ask once more
    return values.decrypt(stored, keys.directory(conn, fresh=True), place)


def _open(session: Session | None, obj: Any, only: Iterable[str] | None = None) -> None:
    if session is None or keychain_of(session) is None:
        return
    state = inspect(obj)
    wanted = [c for c in WIRED[type(obj)] if c in state.dict and (only is None or c in set(only))]
    if not wanted:
        return
    conn = session.connection()
    ring = _ring(session, conn)
    row = {"id": state.dict.get("id"), "row_version": state.dict.get("row_version")}
    table = obj.__tablename__
    for column in wanted:
        plain = _opened(conn, ring, table, row, column, state.dict[column], session)
        set_committed_value(obj, column, plain)


def reveal(
    session: Session,
    rows: Sequence[Any],
    table: str,
    id_at: int,
    version_at: int,
    wanted: Mapping[int, str],
) -> list[tuple[Any, ...]]:
    """store/directory.reveal on a server: Core rows with their directory values opened."""
    conn = session.connection()
    ring = _ring(session, conn)
    out = []
    for r in rows:
        row = list(r)
        place = {"id": row[id_at], "row_version": row[version_at]}
        for at, column in wanted.items():
            if row[id_at] is None:  # an outer join that found no row
                continue
            row[at] = _opened(conn, ring, table, place, column, row[at], session)
        out.append(tuple(row))
    return out


def _on_load(target: Any, context: Any) -> None:
    _open(context.session, target)


def _on_refresh(target: Any, context: Any, attrs: Iterable[str] | None) -> None:
    _open(context.session, target, attrs)


for _model in WIRED:
    event.listen(_model, "load", _on_load)
    event.listen(_model, "refresh", _on_refresh)
