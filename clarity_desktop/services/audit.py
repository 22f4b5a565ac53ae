"""Reading the audit log: filtered lists for the viewer, CSV export, chain verification."""

from __future__ import annotations

import csv
import io
import os
import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session as DbSession

from clarity_desktop.domain.audit_actions import AuditAction
from clarity_desktop.domain.spreadsheet import safe_row
from clarity_desktop.services import leases, parts
from clarity_desktop.services.permissions import Permission, require
from clarity_desktop.store import directory
from clarity_desktop.store.models import Addendum, AuditEvent, Case, Note, Partner, Session
from clarity_desktop.store.uow import UnitOfWork

# What the viewer can filter by: every action the log records.
ACTIONS: tuple[AuditAction, ...] = tuple(AuditAction)


@dataclass(frozen=True)
class AuditFilter:
    case_id: int | None = None
    action: str | None = None
    since: date | None = None  # inclusive, local calendar day taken as UTC day
    until: date | None = None  # inclusive
    limit: int = 5000


@dataclass(frozen=True)
class AuditRow:
    id: int
    at: datetime  # UTC
    actor: str
    action: str
    entity: str
    entity_id: int | None
    case_id: int | None
    case_name: str
    detail: str


def list_events(uow: UnitOfWork, f: AuditFilter) -> list[AuditRow]:
    """Newest first. Reading the log is not itself audited (it would grow with every look);
    exporting it is."""
    require(uow.principal, Permission.READ_AUDIT)
    with uow.reading() as db:
        return _events(db, f)


def _events(db: DbSession, f: AuditFilter) -> list[AuditRow]:
    q = select(AuditEvent, Case.display_name, Case.id, Case.row_version).outerjoin(
        Case, Case.id == AuditEvent.case_id
    )
    if f.case_id is not None:
        q = q.where(AuditEvent.case_id == f.case_id)
    if f.action:
        q = q.where(AuditEvent.action == f.action)
    if f.since is not None:
        q = q.where(AuditEvent.at >= datetime.combine(f.since, time.min))
    if f.until is not None:
        q = q.where(AuditEvent.at < datetime.combine(f.until + timedelta(days=1), time.min))
    found = db.execute(q.order_by(AuditEvent.id.desc()).limit(f.limit)).all()
    rows = directory.reveal(db, found, "cases", 2, 3, {1: "display_name"})
    return [
        AuditRow(
            e.id,
            e.at,
            e.actor,
            e.action,
            e.entity,
            e.entity_id,
            e.case_id,
            name or "",
            _opened(db, e),
        )
        for e, name, *_case in rows
    ]


def _opened(db: DbSession, e: AuditEvent) -> str:
    """The detail as written: a take-over's reason is encrypted on a practice server."""
    if e.action != AuditAction.LEASE_BROKEN or e.entity_id is None or "): " not in e.detail:
        return e.detail
    who, reason = e.detail.split("): ", 1)
    return f"{who}): {directory.open_words(db, *leases.reason_place(e.entity_id), reason)}"


# How a detail names a partner ("handout PDF for partner 7"): by id, since the chained
# row cannot change. The viewer shows the name instead (record_names).
PARTNER_IN_DETAIL = re.compile(r"\bpartner (\d+)\b")


@dataclass(frozen=True)
class RecordNames:
    """What the viewer needs to name the records of some audit rows in words: partners
    by name, sessions, notes and addenda by their session's start (local wall-clock)."""

    partners: dict[int, str]
    sessions: dict[int, datetime]
    notes: dict[int, datetime]
    addenda: dict[int, datetime]


def record_names(uow: UnitOfWork, rows: list[AuditRow]) -> RecordNames:
    """Names for the records *rows* refer to (one query per kind). Not audited: it reads
    only what the rows' own case column already lets the viewer show."""
    wanted: dict[str, set[int]] = {"session": set(), "note": set(), "addendum": set()}
    partner_ids: set[int] = set()
    for r in rows:
        if r.entity in wanted and r.entity_id is not None:
            wanted[r.entity].add(r.entity_id)
        partner_ids.update(int(m) for m in PARTNER_IN_DETAIL.findall(r.detail))
    require(uow.principal, Permission.READ_AUDIT)
    with uow.reading() as db:
        found = db.execute(
            select(Partner.id, Partner.name, Partner.row_version).where(Partner.id.in_(partner_ids))
        ).all()
        partners = {r[0]: r[1] for r in directory.reveal(db, found, "partners", 0, 2, {1: "name"})}
        sessions = dict(
            db.execute(
                select(Session.id, Session.starts_at).where(Session.id.in_(wanted["session"]))
            ).all()
        )
        notes = dict(
            db.execute(
                select(Note.id, Session.starts_at)
                .join(Session, Session.id == Note.session_id)
                .where(Note.id.in_(wanted["note"]))
            ).all()
        )
        addenda = dict(
            db.execute(
                select(Addendum.id, Session.starts_at)
                .join(Note, Note.id == Addendum.note_id)
                .join(Session, Session.id == Note.session_id)
                .where(Addendum.id.in_(wanted["addendum"]))
            ).all()
        )
    return RecordNames(partners, sessions, notes, addenda)


def to_csv(rows: list[AuditRow]) -> str:
    """The rows as CSV; a cell that a spreadsheet would run as a formula is written as
    text (domain/spreadsheet.py)."""
    out = io.StringIO()
    w = csv.writer(out)
    w.writerow(
        ["id", "at_utc", "actor", "action", "entity", "entity_id", "case_id", "case", "detail"]
    )
    for r in rows:
        w.writerow(
            safe_row(
                (
                    r.id,
                    r.at.isoformat(sep=" ", timespec="seconds"),
                    r.actor,
                    r.action,
                    r.entity,
                    r.entity_id,
                    r.case_id,
                    r.case_name,
                    r.detail,
                )
            )
        )
    return out.getvalue()


def export_csv(uow: UnitOfWork, f: AuditFilter, out: Path) -> int:
    """Write the filtered log to *out* (owner-only, atomically); audited: one read, one
    write."""
    rows = list_events(uow, f)
    with parts.writing(out) as tmp:
        with open(tmp, "w", encoding="utf-8", newline="") as fh:
            fh.write(to_csv(rows))
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, out)
    with uow:
        uow.audit(
            AuditAction.EXPORTED,
            "audit",
            case_id=f.case_id,
            detail=f"{len(rows)} audit rows to CSV",
        )
        uow.commit()
    return len(rows)
