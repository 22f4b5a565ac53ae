"""Many rows into one table with the Python work done before the write lock.

A bulk INSERT through SQLAlchemy turns each value into what the driver takes (enums to
text, dates and times to the stored form) inside the execute call, so inside the
transaction: for the 20,000 rows of a client import that was most of the time the write
lock was held, and every other writer (a colleague's program, the note editor's
autosave) waited for it. Here the values are turned first, with the columns' own bind
processors (the same conversion SQLAlchemy would make, nothing written twice), and the
statement under the lock is one driver-level executemany.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from sqlalchemy import Column, Connection, FromClause
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import Session

# Set in the session's info where the ORM must write every row (a practice server: text
# is encrypted as the ORM flushes, store/postgres/encrypted_rows.py): a bulk INSERT past
# the ORM would store clinical text in plain.
ORM_ONLY = "clarity.bulk.orm_only"


def orm_only(session: Session) -> bool:
    return bool(session.info.get(ORM_ONLY))


def _columns(table: FromClause) -> dict[str, Column[Any]]:
    return {c.name: c for c in table.columns if isinstance(c, Column)}


def bind_rows(
    table: FromClause, rows: Sequence[Mapping[str, Any]], dialect: Dialect
) -> list[dict[str, Any]]:
    """*rows* as the driver takes them: each value through its column's bind processor,
    and every column the rows leave out that has a plain Python default given it."""
    if not rows:
        return []
    given = list(rows[0])
    columns = _columns(table)
    defaults = {
        c.name: getattr(c.default, "arg", None)
        for c in columns.values()
        if c.name not in given and c.default is not None and c.default.is_scalar
    }
    names = [*given, *defaults]
    process: dict[str, Callable[[Any], Any] | None] = {
        name: columns[name].type.dialect_impl(dialect).bind_processor(dialect) for name in names
    }

    def bound(row: Mapping[str, Any]) -> dict[str, Any]:
        out = {}
        for name in names:
            value = row[name] if name in row else defaults[name]
            fn = process[name]
            out[name] = fn(value) if fn is not None and value is not None else value
        return out

    return [bound(row) for row in rows]


def insert_bound(conn: Connection, table: FromClause, rows: Sequence[Mapping[str, Any]]) -> None:
    """INSERT rows made by bind_rows (plus any plain integers set since) in one executemany,
    in the driver's own parameter style."""
    if not rows:
        return
    names = list(rows[0])
    style = conn.dialect.paramstyle
    columns = ", ".join(names)
    params: list[Any]
    if style == "qmark":
        marks = ", ".join("?" for _ in names)
        params = [tuple(row[n] for n in names) for row in rows]
    elif style == "format":
        marks = ", ".join("%s" for _ in names)
        params = [tuple(row[n] for n in names) for row in rows]
    elif style == "pyformat":
        marks = ", ".join(f"%({n})s" for n in names)
        params = [dict(row) for row in rows]
    else:  # named
        marks = ", ".join(f":{n}" for n in names)
        params = [dict(row) for row in rows]
    name = getattr(table, "name")  # noqa: B009 - a Table's; FromClause does not promise one
    conn.exec_driver_sql(f"INSERT INTO {name} ({columns}) VALUES ({marks})", params)
