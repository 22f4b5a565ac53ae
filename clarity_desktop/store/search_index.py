"""The search index's part of the storage seam (store/backend.py): what services ask of it.

Kept apart from backend.py because the unit of work carries it (store/uow.py), and
backend.py in turn names the unit of work.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from sqlalchemy.orm import Session

# Markers that cannot occur in typed text; the UI turns them into highlighting.
HIT_START = "\x02"
HIT_END = "\x03"


@dataclass(frozen=True)
class SearchRow:
    """One hit: the note, the addendum (0 for the note's own text) and a snippet with
    HIT_START / HIT_END around the matched words."""

    note_id: int
    addendum_id: int
    snippet: str


class SearchIndex(Protocol):
    """Full-text search over note and addendum text, kept in the same transaction as the
    change it reflects, so it never disagrees with the notes after a crash. Every typed
    word must match (as a word prefix); what the user typed is never passed through as
    query syntax, so no input can make a search fail."""

    # Past this many matches relevance says little: the newest notes come first instead.
    ranked_at_most: int
    # Whether the search's audit row may name what was typed: not where the audit is read
    # on a server that must not learn clients' words (a count is written instead).
    keeps_query_in_audit: bool

    def accepts(self, user_text: str) -> bool:
        """Does *user_text* hold anything to search for (at least one word)?"""
        ...

    def index_note(self, db: Session, note_id: int, body: str) -> None:
        """(Re)index a note's text; an empty *body* removes it from the index."""
        ...

    def index_addendum(self, db: Session, note_id: int, addendum_id: int, body: str) -> None: ...

    def query(self, db: Session, user_text: str, limit: int) -> list[SearchRow]:
        """At most *limit* hits, best first (newest first past ranked_at_most)."""
        ...
