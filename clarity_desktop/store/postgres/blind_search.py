"""Search on a practice server without the server reading a word: the SearchIndex of
store/search_index.py over blind tokens (encryption/blind.py).

A note's or addendum's text becomes the set of keyed hashes of its folded (and, with a
stemmer installed, stemmed) words under its case's search key (keychain.search_key: HKDF
of the case key), in note_search.tokens with a GIN index. A search sends, for each typed
word, that word's token under every case key generation this person holds, and asks for
rows holding a token of every word (``tokens && ARRAY[...]``, ANDed). A token of one case
never equals another case's, so the server cannot count a word across cases, and a search
matches only cases the searcher can read. Snippets are made here from the decrypted text
of the hits (the ORM decrypts it, encrypted_rows.py).

What changes for the clinician, and why: words match whole (or by stem), not as prefixes,
since a prefix has no token of its own; hits come newest first, since the server has no
counts to rank by. The typed words are not written to the audit (a count is).
"""

from __future__ import annotations

import json

from sqlalchemy import Connection, select, text
from sqlalchemy.orm import Session

from clarity_desktop.store.models import Addendum, Note
from clarity_desktop.store.postgres.encrypted_rows import keychain_of
from clarity_desktop.store.postgres.encryption import blind
from clarity_desktop.store.postgres.keychain import Keychain, search_key
from clarity_desktop.store.postgres.search import query_words, snippet
from clarity_desktop.store.search_index import SearchRow

RANKED_AT_MOST = 0  # no ranking: every search lists the newest first

# The search itself, past row security but keeping its rule: a policy's check runs before
# any operator that is not leakproof, so under row security the token overlap could not
# use the GIN index and every row of the searcher's cases was compared (8-20x slower at
# 400,000 notes; README's figures). Here the index finds the rows holding a token of the
# first word, then only rows of cases my_cases() gives this login are kept (the policy's
# own rule), then every other word must match too. Tokens are per case, so the index
# meets few rows of other cases at all.
FUNCTIONS = (
    """CREATE FUNCTION search_tokens(p_first bigint[], p_rest jsonb, p_limit integer)
RETURNS TABLE (note_id integer, addendum_id integer) LANGUAGE sql VOLATILE
SECURITY DEFINER SET search_path = clarity, pg_temp AS $$
    WITH hits AS MATERIALIZED (
        SELECT s.note_id, s.addendum_id, s.case_id, s.tokens FROM note_search s
        WHERE s.tokens && p_first)
    SELECT h.note_id, h.addendum_id FROM hits h
    WHERE h.case_id = ANY (ARRAY(SELECT my_cases()))
    AND NOT EXISTS (SELECT FROM jsonb_array_elements(p_rest) w
        WHERE NOT h.tokens && ARRAY(SELECT CAST(jsonb_array_elements_text(w) AS bigint)))
    ORDER BY h.note_id DESC, h.addendum_id DESC LIMIT p_limit
$$""",
)

_DELETE = text("DELETE FROM note_search WHERE note_id = :n AND addendum_id = :a")
_INSERT = text(
    "INSERT INTO note_search (note_id, addendum_id, case_id, tokens) "
    "SELECT :n, :a, n.case_id, CAST(:t AS bigint[]) FROM notes n WHERE n.id = :n"
)


def note_text(sections: dict[str, object]) -> str:
    """A note's searchable text, as the notes service indexes it (services.notes.full_text)."""
    return "\n\n".join(str(v) for v in sections.values() if str(v).strip())


class BlindIndex:
    """SearchIndex over note_search's tokens, in the caller's session and transaction."""

    ranked_at_most = RANKED_AT_MOST
    keeps_query_in_audit = False  # the audit row is on the server: counts only

    def accepts(self, user_text: str) -> bool:
        return bool(blind.words(user_text))

    def index_note(self, db: Session, note_id: int, body: str) -> None:
        conn = db.connection()
        conn.execute(_DELETE, {"n": note_id, "a": 0})
        if body.strip():
            self._add(db, conn, note_id, 0, body)

    def index_addendum(self, db: Session, note_id: int, addendum_id: int, body: str) -> None:
        conn = db.connection()
        conn.execute(_DELETE, {"n": note_id, "a": addendum_id})
        self._add(db, conn, note_id, addendum_id, body)

    def _add(
        self, db: Session, conn: Connection, note_id: int, addendum_id: int, body: str
    ) -> None:
        keys = _keys(db)
        case_id = keys.case_of_note(conn, note_id)
        key = keys.ring(conn, case_id).newest
        tokens = sorted(blind.text_tokens(body, search_key(case_id, key)))
        conn.execute(_INSERT, {"n": note_id, "a": addendum_id, "t": tokens})

    def query(self, db: Session, user_text: str, limit: int) -> list[SearchRow]:
        keys = _keys(db)
        conn = db.connection()
        per_word = _query_tokens(keys, conn, user_text)
        if not per_word:
            return []
        first, *rest = (sorted(t) for t in per_word)
        found = conn.execute(
            text(
                "SELECT note_id, addendum_id FROM search_tokens("
                "CAST(:first AS bigint[]), CAST(:rest AS jsonb), :lim)"
            ),
            {"first": first, "rest": json.dumps(rest), "lim": limit},
        ).all()
        return _with_snippets(db, [(int(r[0]), int(r[1])) for r in found], query_words(user_text))


def _keys(db: Session) -> Keychain:
    keys = keychain_of(db)
    if keys is None:
        raise RuntimeError("a practice server's session carries its keychain")
    return keys


def _query_tokens(keys: Keychain, conn: Connection, user_text: str) -> list[set[int]]:
    """For each distinct typed word, its tokens under every case key generation held."""
    rings = keys.readable_cases(conn)
    out: list[set[int]] = []
    for word in dict.fromkeys(blind.words(user_text)):
        tokens: set[int] = set()
        for case_id, ring in rings.items():
            for key in ring.keys.values():
                for found in blind.query_tokens(word, search_key(case_id, key)):
                    tokens |= found
        if tokens:
            out.append(tokens)
    return out if rings else []


def _with_snippets(db: Session, hits: list[tuple[int, int]], words: list[str]) -> list[SearchRow]:
    """The hits with snippets from their decrypted text, in the order found."""
    note_ids = {n for n, a in hits if a == 0}
    addendum_ids = {a for _n, a in hits if a != 0}
    texts: dict[tuple[int, int], str] = {}
    if note_ids:
        for note in db.scalars(select(Note).where(Note.id.in_(note_ids))):
            texts[(note.id, 0)] = note_text(dict(note.sections or {}))
    if addendum_ids:
        for addendum in db.scalars(select(Addendum).where(Addendum.id.in_(addendum_ids))):
            texts[(addendum.note_id, addendum.id)] = addendum.body
    return [SearchRow(n, a, snippet(texts[(n, a)], words)) for n, a in hits if (n, a) in texts]
