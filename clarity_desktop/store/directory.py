"""Client names and contact details as services read them with Core statements.

On a practice server cases.display_name and the partners' name, pronouns, email and phone
are encrypted under the practice's directory key (store/postgres/directory_rows.py); the
ORM decrypts what it loads, but a Core ``select(Case.id, Case.display_name, ...)`` gets
the stored ciphertext. Each such read hands its rows to reveal() here, with where the
row's id, row_version and encrypted values sit: one place that opens them all at once
with the directory key (or puts the short locked stand-in in, for someone it was not
shared with yet). On SQLite there is nothing to open and the rows come back untouched.

The server cannot sort or filter ciphertext, so ordering by a client's name is done in
the program, on both stores (sorted_by_name), and so is matching a typed name.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from clarity_desktop.domain.records import name_sort_key
from clarity_desktop.store.models import Case

T = TypeVar("T")
KEYCHAIN = "clarity.keychain"  # postgres/keychain.INFO_KEY: a server session carries one


def encrypted(db: Session) -> bool:
    """Whether this session's names are stored encrypted (a practice server)."""
    return KEYCHAIN in db.info


def reveal(
    db: Session,
    rows: Sequence[Any],
    table: str,
    id_at: int,
    version_at: int,
    columns: Mapping[int, str],
) -> Sequence[Any]:
    """*rows* with the values at *columns* (position -> column of *table*) opened; *id_at*
    and *version_at* are the positions of that table's id and row_version in each row.
    Unchanged (the same list) where nothing is encrypted."""
    if not rows or not encrypted(db):
        return rows
    from clarity_desktop.store.postgres import directory_rows

    return directory_rows.reveal(db, rows, table, id_at, version_at, columns)


def seal_words(db: Session, table: str, key: tuple[int, ...], column: str, words: str) -> str:
    """Staff's free words kept where the server reads everything (an audit row's reason)
    encrypted under the directory key on a practice server, bound to (*table*, *key*,
    *column*); as they are on SQLite. Refused in words for a reader not given the key."""
    if not encrypted(db):
        return words
    from clarity_desktop.store.postgres import grant_reasons
    from clarity_desktop.store.postgres.encryption.values import Place

    return grant_reasons.seal_words(db, Place(table, key, column, 0), words)


def open_words(db: Session, table: str, key: tuple[int, ...], column: str, stored: str) -> str:
    """seal_words' words as written; "Reason locked" for a reader without the key."""
    if not encrypted(db):
        return stored
    from clarity_desktop.store.postgres import directory_rows, grant_reasons
    from clarity_desktop.store.postgres.encryption.values import Place

    ring = directory_rows.ring_to_read(db)
    return grant_reasons.open_words(Place(table, key, column, 0), stored, ring)


def case_names(db: Session, ids: Iterable[int]) -> dict[int, str]:
    """Each case's name, opened, by id (cases the reader cannot see are left out)."""
    wanted = sorted(set(ids))
    if not wanted:
        return {}
    found = db.execute(
        select(Case.id, Case.row_version, Case.display_name).where(Case.id.in_(wanted))
    ).all()
    return {int(r[0]): str(r[2]) for r in reveal(db, found, "cases", 0, 1, {2: "display_name"})}


def sorted_by_name(items: Iterable[T], name: Callable[[T], str]) -> list[T]:
    """*items* in the order a person reads a list of names (accents and case folded), the
    same on both stores: a server cannot sort ciphertext, so SQL never does it."""
    return sorted(items, key=lambda item: _name_key(name(item)))


def _name_key(name: str) -> tuple[str, str]:
    folded = name.casefold()
    return (folded, name) if folded.isascii() else name_sort_key(name)
