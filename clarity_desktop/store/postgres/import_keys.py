"""A solo practice moved onto a server (transfer.py) gets its text encrypted on the way in.

The import holds what the clinician's own program would: her signing seed and the new
password she chose for the server. So it makes her encryption key, gives every case
generation 1 of a key wrapped for her and for the practice's recovery key, encrypts each
note's sections and each addendum's body in place (bound to its row, as encrypted_rows.py
writes them) and builds the blind search index, then every other case-key column of
encryption/columns.py the same way (a date as its ISO text, JSON as its JSON text). A
server is fresh when a practice moves in (nobody has signed in), so it has no directory
key yet: the import makes it, wrapped for her and the recovery key, and encrypts every
client's name and contact details with it (as directory_rows.py writes them); colleagues
get it from her approval later. It runs in the import's transaction,
after the copy was checked against the source: either the whole practice arrives
encrypted, or nothing arrives.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PublicKey
from sqlalchemy import Connection, text

from clarity_desktop.store import keys
from clarity_desktop.store.postgres import ciphertext_checks, grant_reasons, keytables, logins
from clarity_desktop.store.postgres.encryption import blind, columns, values, wrapping
from clarity_desktop.store.postgres.keychain import CASE, DIRECTORY, search_key

DIRECTORY_COLUMNS = ("name", "pronouns", "email", "phone")

CHUNK = 2000


Recipient = tuple[str, X25519PublicKey, int | None]  # (label, public key, staff user id)


def encrypt_moved(
    conn: Connection,
    user_id: int,
    seed: bytes,
    password: str,
    note_text: Callable[[dict[str, str]], str],
    kdf: keys.KdfParams | None = None,
) -> None:
    """Run as the superuser, with the record locks off (signed notes change form, not text)."""
    box = wrapping.new_key_pair()
    logins.set_user_keys(conn, user_id, seed, box, password, kdf)
    seal_all(conn, [(f"user:{user_id}", box.public_key(), user_id)], user_id, note_text)


def practice_recipients(conn: Connection, *, emergency: bool = True) -> list[Recipient]:
    """The recovery key and (for case keys, once made) the emergency key."""
    found: list[Recipient] = []
    names = (keytables.RECOVERY, keytables.EMERGENCY) if emergency else (keytables.RECOVERY,)
    for name in names:
        public = keytables.practice_key(conn, name)
        if public is not None:
            found.append((name, X25519PublicKey.from_public_bytes(public), None))
    return found


def seal_all(
    conn: Connection,
    people: list[Recipient],
    made_by: int | None,
    note_text: Callable[[dict[str, str]], str],
) -> int:
    """Every case given generation 1 of a key, wrapped for *people* and the practice's own
    keys; every case-key column encrypted in place and the blind index built; the
    directory key made for *people* and the recovery key, every name under it. As the
    superuser, record locks off while it works (a signed note changes form, not text).
    Every value is taken as plain text, even one that begins like ciphertext: the server
    has no key yet that could have encrypted it (a therapist may well have written "c1.").
    *made_by*: the wraps' maker (None: the server's superuser). Returns the cases sealed."""
    case_keys: dict[int, values.DataKey] = {}
    wraps = []
    recipients = [*people, *practice_recipients(conn)]
    for (case_id,) in conn.execute(text("SELECT id FROM cases ORDER BY id")):
        key = values.DataKey.new(1)
        case_keys[int(case_id)] = key
        for label, public, uid in recipients:
            what = wrapping.Wrap(CASE, int(case_id), 1, label)
            sealed = wrapping.wrap_key(key.secret, public, what)
            wraps.append({"o": int(case_id), "r": label, "u": uid, "w": sealed, "m": made_by})
    _in_chunks(
        conn,
        "INSERT INTO key_wraps (scope, owner, generation, recipient, user_id, wrapped, "
        "made_by) VALUES ('case', :o, 1, :r, :u, :w, :m)",
        wraps,
    )
    tables = [t for t, spec in columns.ENCRYPTED.items() if columns.CASE in spec.columns.values()]
    for table in tables:
        conn.exec_driver_sql(f"ALTER TABLE {table} DISABLE TRIGGER USER")
    for statement in ciphertext_checks.drops():  # a row is half sealed between two steps
        conn.exec_driver_sql(statement)
    _notes(conn, case_keys, note_text)
    _addenda(conn, case_keys)
    for table in tables:
        if table not in ("notes", "addenda"):
            _in_place(conn, table, case_keys)
    _directory(conn, [*people, *practice_recipients(conn, emergency=False)], made_by)
    for table in tables:
        conn.exec_driver_sql(f"ALTER TABLE {table} ENABLE TRIGGER USER")
    for statement in ciphertext_checks.statements():
        conn.exec_driver_sql(statement)
    return len(case_keys)


def _in_place(conn: Connection, table: str, case_keys: dict[int, values.DataKey]) -> None:
    """Every case-key column of *table* encrypted where it lies, bound to its row."""
    spec = columns.ENCRYPTED[table]
    names = [c for c, scope in spec.columns.items() if scope == columns.CASE]
    case = "id" if table == "cases" else "case_id"
    keyed = [*spec.row_key, *([spec.version] if spec.version else [])]
    query = (
        f"SELECT {case}, {', '.join(keyed)}, "
        + ", ".join(f"{c} #>> '{{}}'" if c in spec.json else c for c in names)
        + f" FROM {table}"
    )
    sets = ", ".join(
        f"{c} = to_json(CAST(:v{i} AS text))" if c in spec.json else f"{c} = :v{i}"
        for i, c in enumerate(names)
    )
    where = " AND ".join(f"{c} = :k{i}" for i, c in enumerate(spec.row_key))
    for found in _batches(conn, query):
        updates = []
        for found_row in found:
            key = case_keys[int(found_row[0])]
            row = dict(zip(keyed, found_row[1 : 1 + len(keyed)], strict=True))
            update: dict[str, object] = {f"k{i}": row[c] for i, c in enumerate(spec.row_key)}
            for i, column in enumerate(names):
                stored = found_row[1 + len(keyed) + i]
                place = columns.place_of(table, row, column)
                if column in spec.json:  # its JSON text as it lies, encrypted as the ORM would
                    plain = json.loads(stored) if stored is not None else None
                    update[f"v{i}"] = values.encrypt_json(plain, key, place)
                else:  # a date is already its ISO text here; none is ""
                    text_value = "" if stored is None else str(stored)
                    update[f"v{i}"] = values.encrypt(text_value, key, place)
            updates.append(update)
        _in_chunks(conn, f"UPDATE {table} SET {sets} WHERE {where}", updates)


def _notes(
    conn: Connection,
    case_keys: dict[int, values.DataKey],
    note_text: Callable[[dict[str, str]], str],
) -> None:
    query = "SELECT id, case_id, row_version, sections FROM notes ORDER BY id"
    for found in _batches(conn, query):
        updates, index = [], []
        for note_id, case_id, version, sections in found:
            key = case_keys[int(case_id)]
            place = columns.place_of("notes", {"id": note_id, "row_version": version}, "sections")
            plain = dict(sections or {})
            updates.append({"i": note_id, "s": values.encrypt_json(plain, key, place)})
            body = note_text({str(k): str(v) for k, v in plain.items()})
            if body.strip():
                index.append(_row(int(note_id), 0, int(case_id), body, key))
        _in_chunks(
            conn, "UPDATE notes SET sections = to_json(CAST(:s AS text)) WHERE id = :i", updates
        )
        _index(conn, index)


def _addenda(conn: Connection, case_keys: dict[int, values.DataKey]) -> None:
    query = "SELECT id, note_id, case_id, body FROM addenda ORDER BY id"
    for found in _batches(conn, query):
        updates, index = [], []
        for addendum_id, note_id, case_id, body in found:
            key = case_keys[int(case_id)]
            place = columns.place_of("addenda", {"id": addendum_id}, "body")
            updates.append({"i": addendum_id, "b": values.encrypt(str(body), key, place)})
            index.append(_row(int(note_id), int(addendum_id), int(case_id), str(body), key))
        _in_chunks(conn, "UPDATE addenda SET body = :b WHERE id = :i", updates)
        _index(conn, index)


def _directory(conn: Connection, recipients: list[Recipient], made_by: int | None) -> None:
    """The practice's directory key, and every client's name and contacts under it."""
    key = values.DataKey.new(1)
    wraps = [
        {
            "r": label,
            "u": uid,
            "w": wrapping.wrap_key(key.secret, public, wrapping.Wrap(DIRECTORY, 0, 1, label)),
            "m": made_by,
        }
        for label, public, uid in recipients
    ]
    conn.execute(
        text(
            "INSERT INTO key_wraps (scope, owner, generation, recipient, user_id, wrapped, "
            "made_by) VALUES ('directory', 0, 1, :r, :u, :w, :m)"
        ),
        wraps,
    )
    for table, names in (("cases", ("display_name",)), ("partners", DIRECTORY_COLUMNS)):
        query = f"SELECT id, row_version, {', '.join(names)} FROM {table} ORDER BY id"
        assignments = ", ".join(f"{c} = :{c}" for c in names)
        for found in _batches(conn, query):
            updates = []
            for row_id, version, *plain in found:
                place_row = {"id": row_id, "row_version": version}
                update: dict[str, object] = {"i": row_id}
                for column, value in zip(names, plain, strict=True):
                    place = columns.place_of(table, place_row, column)
                    update[column] = values.encrypt(str(value or ""), key, place)
                updates.append(update)
            _in_chunks(conn, f"UPDATE {table} SET {assignments} WHERE id = :i", updates)
    # The reasons colleagues gave for opening a case in an emergency (grant_reasons.py).
    grants = conn.execute(text("SELECT id, reason FROM emergency_grants ORDER BY id")).all()
    _in_chunks(
        conn,
        "UPDATE emergency_grants SET reason = :r WHERE id = :i",
        [
            {"i": g, "r": values.encrypt(str(r), key, grant_reasons.place(int(g)))}
            for g, r in grants
        ],
    )


def _row(
    note_id: int, addendum_id: int, case_id: int, body: str, key: values.DataKey
) -> dict[str, object]:
    tokens = sorted(blind.text_tokens(body, search_key(case_id, key)))
    return {"n": note_id, "a": addendum_id, "c": case_id, "t": tokens}


def _index(conn: Connection, rows: list[dict[str, object]]) -> None:
    _in_chunks(
        conn,
        "INSERT INTO note_search (note_id, addendum_id, case_id, tokens) "
        "VALUES (:n, :a, :c, CAST(:t AS bigint[]))",
        rows,
    )


def _batches(conn: Connection, query: str) -> Iterator[Sequence[Any]]:
    """*query*'s rows CHUNK at a time, through a server-side cursor: a practice of
    400,000 notes is never held in memory at once. The cursor reads the snapshot it was
    opened on, so the UPDATEs made between batches do not come back to it."""
    streamed = text(query).execution_options(stream_results=True, max_row_buffer=CHUNK)
    yield from conn.execute(streamed).partitions(CHUNK)


def _in_chunks(conn: Connection, statement: str, rows: list[dict[str, object]]) -> None:
    for start in range(0, len(rows), CHUNK):
        conn.execute(text(statement), rows[start : start + CHUNK])
