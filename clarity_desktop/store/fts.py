"""Full-text search over note and addendum text (SQLite FTS5).

The index is kept by the service layer in the same transaction as the change it
reflects, so it can never disagree with the notes after a crash. A PostgreSQL
implementation (tsvector) would provide the same three functions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import Connection, text

# Markers that cannot occur in typed text; the UI turns them into highlighting.
HIT_START = "\x02"
HIT_END = "\x03"

CREATE = """
CREATE VIRTUAL TABLE note_search USING fts5(
    body, note_id UNINDEXED, addendum_id UNINDEXED,
    tokenize = 'unicode61 remove_diacritics 2'
)"""

_WORD = re.compile(r"\w+", re.UNICODE)


def create(conn: Connection) -> None:
    conn.execute(text(CREATE))


def index_note(conn: Connection, note_id: int, body: str) -> None:
    conn.execute(
        text("DELETE FROM note_search WHERE note_id = :n AND addendum_id = 0"), {"n": note_id}
    )
    if body.strip():
        conn.execute(
            text("INSERT INTO note_search (body, note_id, addendum_id) VALUES (:b, :n, 0)"),
            {"b": body, "n": note_id},
        )


def index_addendum(conn: Connection, note_id: int, addendum_id: int, body: str) -> None:
    conn.execute(
        text("INSERT INTO note_search (body, note_id, addendum_id) VALUES (:b, :n, :a)"),
        {"b": body, "n": note_id, "a": addendum_id},
    )


def to_match_query(user_text: str) -> str | None:
    """Every word the user typed must appear (as a prefix); FTS syntax is never passed through,
    so quotes, stars or dashes in a query cannot cause an error."""
    words = _WORD.findall(user_text)
    if not words:
        return None
    return " ".join(f'"{w}"*' for w in words)


@dataclass(frozen=True)
class RawHit:
    note_id: int
    addendum_id: int
    snippet: str


def search(conn: Connection, user_text: str, limit: int = 100) -> list[RawHit]:
    match = to_match_query(user_text)
    if match is None:
        return []
    rows = conn.execute(
        text(
            "SELECT note_id, addendum_id, snippet(note_search, 0, :s, :e, '…', 14) "
            "FROM note_search WHERE note_search MATCH :q ORDER BY rank LIMIT :lim"
        ),
        {"q": match, "s": HIT_START, "e": HIT_END, "lim": limit},
    ).all()
    return [RawHit(int(r[0]), int(r[1]), str(r[2])) for r in rows]
