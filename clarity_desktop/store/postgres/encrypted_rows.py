"""Clinical text encrypted as the ORM writes it and decrypted as the ORM reads it, for a
practice server only: services keep reading ``note.sections`` and writing
``addendum.body`` as on SQLite, and the server sees only ciphertext.

Why ORM events and not the backend's repository functions: services load and save notes
and addenda as mapped objects in dozens of places (views, documents, export, seals,
supervision), and there are no repository functions to put the work in; one hook on the
session's flush and one on each instance's load catch every path at a single point, and
they are registered for the PostgresBackend's sessions only (a SQLite session carries no
keychain, so its rows are never touched).

- Writing (before_flush): a new or changed row gets its encrypted columns encrypted with
  the newest key of its case, bound to its table, id, column and the row_version it is
  about to get (1 when new, old + 1 on update, 0 for tables without one, values.Place).
  A new row takes its id from its sequence first, so the associated data is complete
  before the INSERT. After the flush the objects hold plain text again (committed, so
  nothing looks changed), so a seal made next signs what the clinician wrote.
- A new case gets generation 1 of its key in the same flush; its wraps (for its creator
  and the recovery key) are stored right after the case row, in the same transaction.
- Reading (load, refresh): every encrypted column is decrypted with its case's key;
  anything that does not decrypt (moved, rolled back, edited, or plain text put in its
  place) raises the tamper or malformed error instead of showing something. A case the
  reader may see but holds no key for (assigned, supervising, an emergency grant, before
  a key holder shares it) opens all the same: its rows load, and each encrypted value
  reads as the locked sentence (domain/locked_text.py). Writing that row is refused
  (ENCRYPTION_KEY_NOT_HELD): without the key it can be neither encrypted nor re-bound to
  its next row_version, and the stand-in must never be stored or sealed as the text.

WIRED is every case-key column of encryption/columns.py, by model; the case of each row
comes from row_cases.py (its own case_id, or its parent's). A date (a partner's date of
birth) is encrypted as its ISO text ("" for none) and a JSON value as its JSON text. The
directory key's columns (names, contact details) are not handled here. Core statements
that name an encrypted column (not the ORM) see ciphertext: search (blind_search.py) and
import-practice (import_keys.py) read their text through the ORM or encrypt it themselves.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from sqlalchemy import Connection, event, inspect, text
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.attributes import set_committed_value

from clarity_desktop.domain.audit_actions import AuditAction
from clarity_desktop.domain.errors import ErrorCode
from clarity_desktop.domain.locked_text import LOCKED_TEXT, is_locked, locked_sections
from clarity_desktop.store.models import Base, Case
from clarity_desktop.store.postgres import keytables, row_cases
from clarity_desktop.store.postgres.encryption import columns, values
from clarity_desktop.store.postgres.encryption.values import EncryptionError, KeyRing
from clarity_desktop.store.postgres.keychain import CASE_TABLES, INFO_KEY, Keychain
from clarity_desktop.store.uow import later_audit


def _wired() -> dict[type[Base], tuple[str, ...]]:
    models = {m.class_.__tablename__: m.class_ for m in Base.registry.mappers}
    return {
        models[table]: tuple(c for c, scope in spec.columns.items() if scope == columns.CASE)
        for table, spec in columns.ENCRYPTED.items()
        if columns.CASE in spec.columns.values()
    }


WIRED: dict[type[Base], tuple[str, ...]] = _wired()
_RESTORE = "clarity.encrypted_rows.restore"
_WRAPS = "clarity.encrypted_rows.wraps"
_MADE = "clarity.encrypted_rows.made"  # cases whose first key this transaction made
_UNOPENED = "clarity.encrypted_rows.unopened"  # this session's rows whose case has no key here


def keychain_of(session: Session) -> Keychain | None:
    found = session.info.get(INFO_KEY)
    return found if isinstance(found, Keychain) else None


def install(factory: sessionmaker[Session]) -> None:
    """Encrypt on flush for *factory*'s sessions (load events are the models', below)."""
    event.listen(factory, "before_flush", _before_flush)
    event.listen(factory, "after_flush", _after_flush)
    event.listen(factory, "after_flush_postexec", _after_flush_postexec)
    event.listen(factory, "after_commit", _after_commit)
    event.listen(factory, "after_rollback", _after_rollback)


# Writing ---------------------------------------------------------------------------------


def _take_ids(conn: Connection, objects: Iterable[Any]) -> None:
    """Ids from each table's own sequence, before the INSERT (a value's place names it,
    and a child made in the same flush names its parent by it)."""
    by_table: dict[str, list[Any]] = {}
    for obj in objects:
        if getattr(obj, "id", 0) is None:
            by_table.setdefault(obj.__tablename__, []).append(obj)
    for table, waiting in by_table.items():
        ids = conn.execute(
            text("SELECT nextval(pg_get_serial_sequence(:t, 'id')) FROM generate_series(1, :n)"),
            {"t": f"clarity.{table}", "n": len(waiting)},
        ).scalars()
        for obj, new_id in zip(waiting, ids, strict=True):
            obj.id = int(new_id)


def _default(obj: Any, column: str) -> Any:
    """What the INSERT would write for a value left unset (a new note's sections: {}; a
    text with only a server default, such as a session's status_reason: "")."""
    value = getattr(obj, column)
    if value is not None:
        return value
    default = obj.__table__.c[column].default
    if default is None:
        return None
    return default.arg(None) if default.is_callable else default.arg


def _encrypted(
    table: str, row: dict[str, object], column: str, plain: Any, key: values.DataKey
) -> str:
    place = columns.place_of(table, row, column)
    spec = columns.ENCRYPTED[table]
    if column in spec.json:
        return values.encrypt_json(plain, key, place)
    if column in spec.dates:
        return values.encrypt("" if plain is None else date.isoformat(plain), key, place)
    return values.encrypt("" if plain is None else str(plain), key, place)


def _stand_in(value: Any) -> bool:
    """Whether *value* is the locked sentence put in for a text never opened here."""
    if isinstance(value, list):
        return any(is_locked(v) for v in value)
    return is_locked(value)


def _locked(table: str, column: str) -> Any:
    """What a reader without the case's key finds in *column*: the sentence, in the shape
    the column has (a note's sections or a measure's answers: {"locked": sentence}; a
    plan's interventions: [sentence]); a date reads as none."""
    spec = columns.ENCRYPTED[table]
    if column in spec.dates:
        return None
    if column not in spec.json:
        return LOCKED_TEXT
    return [LOCKED_TEXT] if column == "interventions" else locked_sections()


def _before_flush(session: Session, _context: object, _instances: object) -> None:
    keys = keychain_of(session)
    if keys is None:
        return
    conn = session.connection()
    new_cases = [o for o in session.new if isinstance(o, Case)]
    _take_ids(conn, new_cases)
    wraps = [w for case in new_cases for w in keys.new_case(conn, int(case.id))]
    made: list[int] = session.info.setdefault(_MADE, [])
    made += [int(case.id) for case in new_cases]
    session.info[_WRAPS] = wraps
    _take_ids(
        conn,
        (
            o
            for o in session.new
            if o.__tablename__ in row_cases.PARENT_TABLES
            or (type(o) in WIRED and columns.ENCRYPTED[o.__tablename__].row_key == columns.ID)
        ),
    )
    row_cases.link_new_rows([*session.new, *session.dirty])
    new = row_cases.new_rows(session)
    todo = [o for o in session.new if type(o) in WIRED]
    todo += [
        o
        for o in session.dirty
        if type(o) in WIRED and session.is_modified(o, include_collections=False)
    ]
    restore: list[tuple[Any, str, Any]] = []
    session.info[_RESTORE] = restore
    rings: dict[int, KeyRing] = {}  # one rotation check per case per flush
    try:
        for obj in todo:
            table = obj.__tablename__
            spec = columns.ENCRYPTED[table]
            row: dict[str, object] = {c: getattr(obj, c) for c in spec.row_key}
            if spec.version is not None:
                current = getattr(obj, spec.version)
                row[spec.version] = 1 if inspect(obj).pending or current is None else current + 1
            case_id = row_cases.case_of(conn, keys, obj, new)
            if inspect(obj).pending and table in CASE_TABLES:
                keys.learn(table, int(obj.id), case_id)
            if case_id not in rings:
                rings[case_id] = _ring_to_write(session, conn, keys, case_id)
            key = rings[case_id].newest
            for column in WIRED[type(obj)]:
                plain = _default(obj, column)
                if _stand_in(plain):  # the stand-in of a text never opened here
                    raise EncryptionError(ErrorCode.ENCRYPTION_KEY_NOT_HELD, generation=1)
                setattr(obj, column, _encrypted(table, row, column, plain, key))
                restore.append((obj, column, plain))
    except BaseException:
        _put_back(restore)
        raise


def _ring_to_write(session: Session, conn: Connection, keys: Keychain, case_id: int) -> KeyRing:
    """The case's keys, rotated first if someone who held them left (rotation.py: the
    new generation is forgotten if this transaction rolls back, and audited when it
    commits); for a case nobody holds a key to yet (made by a bulk insert), its first
    key, stored with this flush's writes."""
    if case_id in session.info.get(_MADE, ()):
        return keys.ring(conn, case_id)  # made in this transaction: nobody left it yet
    try:
        ring, rotated = keys.ring_to_write(conn, case_id)
    except EncryptionError as exc:
        if exc.code is not ErrorCode.ENCRYPTION_KEY_NOT_HELD or not keytables.keyless(
            conn, case_id
        ):
            raise
    else:
        if rotated is not None:
            session.info.setdefault(_MADE, []).append(case_id)
            later_audit(session).append(
                (AuditAction.KEY_ROTATED, "case", case_id, case_id, rotated.detail)
            )
        return ring
    session.info.setdefault(_WRAPS, []).extend(keys.new_case(session.connection(), case_id))
    session.info.setdefault(_MADE, []).append(case_id)
    return keys.ring(conn, case_id)


def _after_commit(session: Session) -> None:
    session.info.pop(_MADE, None)


def _after_rollback(session: Session) -> None:
    keys = keychain_of(session)
    made = session.info.pop(_MADE, None)
    if keys is not None and made:
        keys.forget(made)


def _after_flush(session: Session, _context: object) -> None:
    wraps = session.info.pop(_WRAPS, None)
    if wraps:
        keytables.add_wraps(session.connection(), wraps)


def _after_flush_postexec(session: Session, _context: object) -> None:
    _put_back(session.info.pop(_RESTORE, []))


def _put_back(restore: Iterable[tuple[Any, str, Any]]) -> None:
    """The plain text back in the objects, as their committed state: nothing looks changed."""
    for obj, column, plain in restore:
        set_committed_value(obj, column, plain)


# Reading ---------------------------------------------------------------------------------


def _open(session: Session | None, obj: Any, only: Iterable[str] | None = None) -> None:
    keys = None if session is None else keychain_of(session)
    if keys is None or session is None:
        return
    state = inspect(obj)
    wanted = [c for c in WIRED[type(obj)] if c in state.dict and (only is None or c in set(only))]
    if not wanted:
        return
    conn = session.connection()
    table = obj.__tablename__
    spec = columns.ENCRYPTED[table]
    row = {c: state.dict[c] for c in (*spec.row_key, *([spec.version] if spec.version else []))}
    case_id, ring = _ring_to_read(session, conn, keys, obj)
    for column in wanted:
        stored = state.dict[column]
        if ring is None:  # a case this reader holds no key for: the sentence, not an error
            plain: Any = _locked(table, column)
        else:
            place = columns.place_of(table, row, column)
            try:
                plain = _decrypted(conn, keys, case_id, stored, place, column in spec.json)
            except EncryptionError as exc:
                # A generation this reader was left out of (a rotation while their key's
                # certificate did not hold): locked until a holder shares it, as above.
                if exc.code is not ErrorCode.ENCRYPTION_KEY_NOT_HELD:
                    raise
                plain = _locked(table, column)
            else:
                if column in spec.dates:
                    plain = date.fromisoformat(plain) if plain else None
        set_committed_value(obj, column, plain)


# Why a value is not opened without raising: the reader was never given the case's key
# (or has not chosen their own password yet, so has no key to be given one with).
_NOT_GIVEN = (ErrorCode.ENCRYPTION_KEY_NOT_HELD, ErrorCode.ENCRYPTION_FIRST_PASSWORD)


def _ring_to_read(
    session: Session, conn: Connection, keys: Keychain, obj: Any
) -> tuple[int, KeyRing | None]:
    """The object's case and its keys, or None when this reader holds none: remembered for
    the session, so a case of fifty notes asks the server once, not fifty times."""
    unopened: set[int] = session.info.setdefault(_UNOPENED, set())
    try:
        case_id = row_cases.case_of(conn, keys, obj, {})
    except EncryptionError as exc:
        if exc.code not in _NOT_GIVEN:
            raise
        return 0, None
    if case_id in unopened:
        return case_id, None
    try:
        return case_id, keys.ring(conn, case_id)
    except EncryptionError as exc:
        if exc.code not in _NOT_GIVEN:
            raise
    unopened.add(case_id)
    return case_id, None


def _decrypted(
    conn: Connection, keys: Keychain, case_id: int, stored: Any, place: values.Place, is_json: bool
) -> Any:
    if not isinstance(stored, str):
        raise EncryptionError(ErrorCode.ENCRYPTION_VALUE_MALFORMED, **place.params())
    ring = keys.ring(conn, case_id)
    try:
        return (values.decrypt_json if is_json else values.decrypt)(stored, ring, place)
    except EncryptionError as exc:
        if exc.code is not ErrorCode.ENCRYPTION_KEY_NOT_HELD:
            raise
    # A generation made since the ring was read (the case's key rotated): ask once more.
    ring = keys.ring(conn, case_id, fresh=True)
    return (values.decrypt_json if is_json else values.decrypt)(stored, ring, place)


def _on_load(target: Any, context: Any) -> None:
    _open(context.session, target)


def _on_refresh(target: Any, context: Any, attrs: Iterable[str] | None) -> None:
    _open(context.session, target, attrs)


for _model in WIRED:
    event.listen(_model, "load", _on_load)
    event.listen(_model, "refresh", _on_refresh)
