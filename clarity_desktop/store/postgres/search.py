"""Full-text search on the practice server (tsvector): PostgreSQL's SearchIndex
(store/search_index.py), with the same promises as SQLite's FTS5 index.

Words are folded here (lower case, accents removed) before the server sees them, in the
index and in the query alike, so "Ángel" finds "angel" as it does on SQLite; the
'simple' configuration keeps every word as typed (notes mix English and Spanish). The
server finds and ranks; the snippet is made here from the hit's text, marking the words as
written. Rows follow their note's row-level security: nobody finds a word in a note they
cannot open.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from sqlalchemy import text
from sqlalchemy.orm import Session

from clarity_desktop.store.search_index import HIT_END, HIT_START, SearchRow

_WORD = re.compile(r"\w+", re.UNICODE)
RANKED_AT_MOST = 2000  # as on SQLite: past this many matches the newest come first

SNIPPET_WORDS = 14  # as many words around the hits as SQLite's snippet shows

_COUNT_PROBE = text(
    "SELECT 1 FROM note_search WHERE doc @@ to_tsquery('simple', :q) LIMIT 1 OFFSET :n"
)
_HITS = (
    "SELECT note_id, addendum_id, body FROM note_search "
    "WHERE doc @@ to_tsquery('simple', :q) ORDER BY {order} LIMIT :lim"
)
BEST_FIRST = text(_HITS.format(order="ts_rank(doc, to_tsquery('simple', :q)) DESC, note_id DESC"))
NEWEST_FIRST = text(_HITS.format(order="note_id DESC, addendum_id DESC"))
# The note's case comes with its row (row security reads it through an index).
_INSERT = text(
    "INSERT INTO note_search (note_id, addendum_id, case_id, body, doc) "
    "SELECT :n, :a, s.case_id, :b, to_tsvector('simple', :f) "
    "FROM notes n JOIN sessions s ON s.id = n.session_id WHERE n.id = :n"
)


def fold(words: str) -> str:
    decomposed = unicodedata.normalize("NFKD", words.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def query_words(user_text: str) -> list[str]:
    return _WORD.findall(fold(user_text))


def to_tsquery_text(user_text: str) -> str | None:
    """Every typed word must match as a prefix; only word characters reach the server,
    so no input is ever read as query syntax."""
    words = query_words(user_text)
    if not words:
        return None
    return " & ".join(f"'{w}':*" for w in words)


def snippet(body: str, words: list[str], width: int = SNIPPET_WORDS) -> str:
    """The stretch of *body* with the most matching words (as written, accents and all),
    HIT_START/HIT_END around each, "…" where it was cut. Made here rather than by the
    server, so the words are marked as the clinician wrote them."""
    tokens = [(m.start(), m.end(), fold(m.group())) for m in _WORD.finditer(body)]
    if not tokens:
        return body[:200]
    hit = [any(t[2].startswith(w) for w in words) for t in tokens]
    hits = [i for i, h in enumerate(hit) if h] or [0]

    def count(start: int) -> int:
        return sum(hit[start : start + width])

    last_start = max(0, len(tokens) - width)
    start = max((min(max(0, h - 2), last_start) for h in hits), key=lambda s: (count(s), -s))
    stop = min(len(tokens), start + width)
    out = ["…"] if start > 0 else []
    pos = tokens[start][0]
    for i in range(start, stop):
        begin, end, _ = tokens[i]
        out.append(body[pos:begin])
        word = body[begin:end]
        out.append(f"{HIT_START}{word}{HIT_END}" if hit[i] else word)
        pos = end
    if stop < len(tokens):
        out.append("…")
    elif pos < len(body):
        out.append(body[pos:])
    return "".join(out)


class TsvectorIndex:
    """SearchIndex over the note_search table, in the caller's session and transaction."""

    ranked_at_most = RANKED_AT_MOST
    keeps_query_in_audit = True

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
        self.index_many(db, [(note_id, addendum_id, body)])

    def index_many(self, db: Session, rows: Iterable[tuple[int, int, str]]) -> None:
        """(note id, addendum id or 0, text) rows into an index that has none of them yet,
        in one round of statements: a whole practice moved onto the server at once."""
        params = [{"n": n, "a": a, "b": body, "f": fold(body)} for n, a, body in rows]
        if params:
            db.execute(_INSERT, params)

    def query(self, db: Session, user_text: str, limit: int) -> list[SearchRow]:
        q = to_tsquery_text(user_text)
        if q is None:
            return []
        common = db.execute(_COUNT_PROBE, {"q": q, "n": RANKED_AT_MOST}).first() is not None
        rows = db.execute(NEWEST_FIRST if common else BEST_FIRST, {"q": q, "lim": limit}).all()
        words = query_words(user_text)
        return [SearchRow(int(r[0]), int(r[1]), snippet(str(r[2]), words)) for r in rows]
