"""Full-text search across all notes and addenda."""

from __future__ import annotations

from datetime import datetime
from typing import NamedTuple

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session as DbSession

from clarity_desktop.domain.audit_actions import AuditAction
from clarity_desktop.services.dto import SearchHit
from clarity_desktop.services.permissions import Permission, require
from clarity_desktop.store.search_index import HIT_END, HIT_START, SearchIndex, SearchRow

__all__ = ["HIT_END", "HIT_START", "search_notes"]
from clarity_desktop.store import directory
from clarity_desktop.store.models import Case, Note, Session
from clarity_desktop.store.uow import UnitOfWork

# Built once: making this statement took longer than running it (about 1 ms a search).
_WHERE_NOTES_ARE = (
    select(
        Note.id,
        Note.session_id,
        Note.private,
        Case.id.label("case_id"),
        Case.display_name,
        Session.starts_at,
        Case.row_version,
    )
    .join(Session, Session.id == Note.session_id)
    .join(Case, Case.id == Session.case_id)
    .where(Note.id.in_(bindparam("ids", expanding=True)))
)


class _Where(NamedTuple):
    id: int
    session_id: int
    private: bool
    case_id: int
    display_name: str
    starts_at: datetime


DEFAULT_LIMIT = 100

_NOTES_OF_CASE = (
    select(Note.id)
    .join(Session, Session.id == Note.session_id)
    .where(Session.case_id == bindparam("c"))
)


def search_notes(
    uow: UnitOfWork, query: str, limit: int = DEFAULT_LIMIT, case_id: int | None = None
) -> list[SearchHit]:
    """Every typed word must match (as a word prefix). Best matches first; a search that
    matches more than the index ranks (2,000 on SQLite) lists the most recently written first.
    With *case_id*, only that case's notes and addenda (the search is then audited as
    a search in that case).

    The search reads outside the write lock (it may take a while over a big practice, and
    autosave on the GUI thread must never wait for it); only its audit row is written."""
    index = uow.search
    if not index.accepts(query):
        return []
    require(uow.principal, Permission.READ_RECORDS)
    with uow.reading() as db:
        if case_id is None:
            raw = index.query(db, query, limit)
        else:
            in_case = set(db.scalars(_NOTES_OF_CASE, {"c": case_id}))
            raw = _search_within(index, db, query, limit, in_case)
        ids = {h.note_id for h in raw}
        found = db.execute(_WHERE_NOTES_ARE, {"ids": list(ids)}).all()
        info = {
            row[0]: _Where(*row[:6])
            for row in directory.reveal(db, found, "cases", 3, 6, {4: "display_name"})
        }
    hits = [
        SearchHit(
            note_id=h.note_id,
            session_id=info[h.note_id].session_id,
            case_id=info[h.note_id].case_id,
            case_name=info[h.note_id].display_name,
            session_starts_at=info[h.note_id].starts_at,
            in_addendum=h.addendum_id != 0,
            private=info[h.note_id].private,
            snippet=h.snippet,
        )
        for h in raw
        if h.note_id in info
    ]
    detail = f"{len(hits)} results"
    if index.keeps_query_in_audit:
        detail = f"{query!r}: {detail}"
    with uow:
        if case_id is None:
            uow.audit(AuditAction.SEARCHED, "practice", detail=detail)
        else:
            uow.audit(AuditAction.SEARCHED, "case", case_id, case_id, detail=detail)
        uow.commit()
    return hits


def _search_within(
    index: SearchIndex, db: DbSession, query: str, limit: int, note_ids: set[int]
) -> list[SearchRow]:
    """The practice-wide search, kept to *note_ids*. The index has no case column, so
    this asks for more hits until *limit* of them are in the case or there are no more:
    one round for a word the case shares with few other notes, a few for a common one."""
    if not note_ids:
        return []
    fetch = limit
    while True:
        raw = index.query(db, query, fetch)
        kept = [h for h in raw if h.note_id in note_ids]
        if len(kept) >= limit or len(raw) < fetch:
            return kept[:limit]
        fetch *= 8
