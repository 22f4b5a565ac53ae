"""Full-text search over note and addendum text (SQLite FTS5): SQLite's SearchIndex
(store/search_index.py), which services reach as ``uow.search``.

The index is kept by the service layer in the same transaction as the change it
reflects, so it can never disagree with the notes after a crash. A PostgreSQL
implementation (tsvector) provides the same SearchIndex.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import Connection, TextClause, text
from sqlalchemy.orm import Session

from clarity_desktop.store.search_index import HIT_END, HIT_START, SearchRow

RawHit = SearchRow  # the name the benchmark and older tests know

CREATE = """
CREATE VIRTUAL TABLE note_search USING fts5(
    body, note_id UNINDEXED, addendum_id UNINDEXED,
    tokenize = 'unicode61 remove_diacritics 2'
)"""

_WORD = re.compile(r"\w+", re.UNICODE)


def create(conn: Connection) -> None:
    conn.execute(text(CREATE))


# Since revision 0004 each row's rowid says what it indexes: a note's text sits at rowid
# = note id, an addendum's at rowid = -(addendum id). Re-indexing a note on every autosave
# is then a lookup by rowid, not a scan of the unindexed note_id column (which took over
# a second at 200,000 notes).


def note_rowid(note_id: int) -> int:
    return note_id


def addendum_rowid(addendum_id: int) -> int:
    return -addendum_id


def index_note(conn: Connection, note_id: int, body: str) -> None:
    conn.execute(text("DELETE FROM note_search WHERE rowid = :r"), {"r": note_rowid(note_id)})
    if body.strip():
        conn.execute(
            text(
                "INSERT INTO note_search (rowid, body, note_id, addendum_id) VALUES (:r, :b, :n, 0)"
            ),
            {"r": note_rowid(note_id), "b": body, "n": note_id},
        )


def index_addendum(conn: Connection, note_id: int, addendum_id: int, body: str) -> None:
    conn.execute(
        text("INSERT INTO note_search (rowid, body, note_id, addendum_id) VALUES (:r, :b, :n, :a)"),
        {"r": addendum_rowid(addendum_id), "b": body, "n": note_id, "a": addendum_id},
    )


def to_match_query(user_text: str) -> str | None:
    """Every word the user typed must appear (as a prefix); FTS syntax is never passed through,
    so quotes, stars or dashes in a query cannot cause an error."""
    words = _WORD.findall(user_text)
    if not words:
        return None
    return " ".join(f'"{w}"*' for w in words)


# Ranking (bm25) costs about 1.5 µs for every matching row, however few are shown: a word
# in a quarter of 200,000 notes took 70 ms to rank. Past this many matches the word is
# everywhere and relevance says little, so the most recently written come first instead
# (FTS5 walks its rowids backwards and stops at the limit). tests/bench/bench_practice.py.
RANKED_AT_MOST = 2000

# Is there a match beyond RANKED_AT_MOST? Walks the matches in rowid order and stops there.
COUNT_PROBE = "SELECT rowid FROM note_search WHERE note_search MATCH :q LIMIT 1 OFFSET :n"
_HITS = (
    "SELECT note_id, addendum_id, snippet(note_search, 0, :s, :e, '…', 14) "
    "FROM note_search WHERE note_search MATCH :q ORDER BY {order} LIMIT :lim"
)
BEST_FIRST = _HITS.format(order="rank")
NEWEST_FIRST = _HITS.format(order="rowid DESC")  # newest notes first (rowid = note id)

Execute = Callable[[str, dict[str, Any]], Sequence[Sequence[Any]]]


@functools.cache
def _statement(sql: str) -> TextClause:
    return text(sql)


def search(conn: Connection, user_text: str, limit: int = 100) -> list[RawHit]:
    return run_search(
        lambda sql, params: conn.execute(_statement(sql), params).all(), user_text, limit
    )


def run_search(execute: Execute, user_text: str, limit: int = 100) -> list[RawHit]:
    """The search itself, over any way of running SQL (the benchmark runs the same
    statements on a bare sqlcipher3 connection)."""
    match = to_match_query(user_text)
    if match is None:
        return []
    common = bool(execute(COUNT_PROBE, {"q": match, "n": RANKED_AT_MOST}))
    rows = execute(
        NEWEST_FIRST if common else BEST_FIRST,
        {"q": match, "s": HIT_START, "e": HIT_END, "lim": limit},
    )
    return [RawHit(int(r[0]), int(r[1]), str(r[2])) for r in rows]


class Fts5Index:
    """SearchIndex over the note_search table, in the caller's session and transaction."""

    ranked_at_most = RANKED_AT_MOST
    keeps_query_in_audit = True

    def accepts(self, user_text: str) -> bool:
        return to_match_query(user_text) is not None

    def index_note(self, db: Session, note_id: int, body: str) -> None:
        index_note(db.connection(), note_id, body)

    def index_addendum(self, db: Session, note_id: int, addendum_id: int, body: str) -> None:
        index_addendum(db.connection(), note_id, addendum_id, body)

    def query(self, db: Session, user_text: str, limit: int) -> list[SearchRow]:
        return search(db.connection(), user_text, limit)
