"""Full-text search on the practice server (tsvector): PostgreSQL's SearchIndex
(store/search_index.py), with the same promises as SQLite's FTS5 index.

Words are folded here (lower case, accents removed) before the server sees them, in the
index and in the query alike, so "Ángel" finds "angel" as it does on SQLite; the
'simple' configuration keeps every word as typed (notes mix English and Spanish). Rows
follow their note's row-level security: nobody finds a word in a note they cannot open.
"""

from __future__ import annotations

import re
import unicodedata

from sqlalchemy import text
from sqlalchemy.orm import Session

from clarity_desktop.store.search_index import HIT_END, HIT_START, SearchRow

_WORD = re.compile(r"\w+", re.UNICODE)
RANKED_AT_MOST = 2000  # as on SQLite: past this many matches the newest come first

_HEADLINE = (
    f"StartSel={HIT_START}, StopSel={HIT_END}, MaxWords=18, MinWords=8, "
    "ShortWord=1, MaxFragments=1, FragmentDelimiter=…"
)
_COUNT_PROBE = text(
    "SELECT 1 FROM note_search WHERE doc @@ to_tsquery('simple', :q) LIMIT 1 OFFSET :n"
)
_HITS = (
    "SELECT note_id, addendum_id, ts_headline('simple', fold, to_tsquery('simple', :q), :h) "
    "FROM (SELECT note_id, addendum_id, body AS fold, doc FROM note_search "
    "WHERE doc @@ to_tsquery('simple', :q) ORDER BY {order} LIMIT :lim) AS hits "
    "ORDER BY {outer}"
)
BEST_FIRST = text(
    _HITS.format(
        order="ts_rank(doc, to_tsquery('simple', :q)) DESC, note_id DESC",
        outer="ts_rank(doc, to_tsquery('simple', :q)) DESC, note_id DESC",
    )
)
NEWEST_FIRST = text(_HITS.format(order="note_id DESC", outer="note_id DESC"))


def fold(words: str) -> str:
    decomposed = unicodedata.normalize("NFKD", words.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def to_tsquery_text(user_text: str) -> str | None:
    """Every typed word must match as a prefix; only word characters reach the server,
    so no input is ever read as query syntax."""
    words = _WORD.findall(fold(user_text))
    if not words:
        return None
    return " & ".join(f"'{w}':*" for w in words)


class TsvectorIndex:
    """SearchIndex over the note_search table, in the caller's session and transaction."""

    ranked_at_most = RANKED_AT_MOST

    def accepts(self, user_text: str) -> bool:
        return to_tsquery_text(user_text) is not None

    def index_note(self, db: Session, note_id: int, body: str) -> None:
        db.execute(
            text("DELETE FROM note_search WHERE note_id = :n AND addendum_id = 0"), {"n": note_id}
        )
        if body.strip():
            self._add(db, note_id, 0, body)

    def index_addendum(self, db: Session, note_id: int, addendum_id: int, body: str) -> None:
        self._add(db, note_id, addendum_id, body)

    def _add(self, db: Session, note_id: int, addendum_id: int, body: str) -> None:
        db.execute(
            text(
                "INSERT INTO note_search (note_id, addendum_id, body, doc) "
                "VALUES (:n, :a, :b, to_tsvector('simple', :f))"
            ),
            {"n": note_id, "a": addendum_id, "b": body, "f": fold(body)},
        )

    def query(self, db: Session, user_text: str, limit: int) -> list[SearchRow]:
        q = to_tsquery_text(user_text)
        if q is None:
            return []
        common = db.execute(_COUNT_PROBE, {"q": q, "n": RANKED_AT_MOST}).first() is not None
        rows = db.execute(
            NEWEST_FIRST if common else BEST_FIRST, {"q": q, "h": _HEADLINE, "lim": limit}
        ).all()
        return [SearchRow(int(r[0]), int(r[1]), str(r[2])) for r in rows]
