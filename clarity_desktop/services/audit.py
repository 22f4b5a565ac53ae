"""Reading the audit log: filtered lists for the viewer, CSV export, chain verification."""

from __future__ import annotations

import csv
import io
import os
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path

from sqlalchemy import select

from clarity_desktop.domain.spreadsheet import safe_row
from clarity_desktop.services import parts
from clarity_desktop.store.models import AuditEvent, Case
from clarity_desktop.store.uow import UnitOfWork

ACTIONS: tuple[str, ...] = (
    "created",
    "viewed",
    "changed",
    "signed",
    "addendum_added",
    "searched",
    "unlocked",
    "unlock_failed",
    "attempts_record_altered",
    "attempts_record_unverified",
    "closed",
    "reopened",
    "exported",
    "printed",
    "previewed",
    "backup",
    "restored",
    "imported",
    "passphrase_changed",
    "passphrase_reset",
    "scheduled",
    "started",
    "rescheduled",
    "corrected",
    "cancelled",
    "no_show",
    "discarded",
)


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
    with uow:
        q = select(AuditEvent, Case.display_name).outerjoin(Case, Case.id == AuditEvent.case_id)
        if f.case_id is not None:
            q = q.where(AuditEvent.case_id == f.case_id)
        if f.action:
            q = q.where(AuditEvent.action == f.action)
        if f.since is not None:
            q = q.where(AuditEvent.at >= datetime.combine(f.since, time.min))
        if f.until is not None:
            q = q.where(AuditEvent.at < datetime.combine(f.until + timedelta(days=1), time.min))
        rows = uow.session.execute(q.order_by(AuditEvent.id.desc()).limit(f.limit)).all()
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
                e.detail,
            )
            for e, name in rows
        ]


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
    """Write the filtered log to *out* (owner-only, atomically); audited."""
    rows = list_events(uow, f)
    with parts.writing(out) as tmp:
        with open(tmp, "w", encoding="utf-8", newline="") as fh:
            fh.write(to_csv(rows))
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, out)
    with uow:
        uow.audit("exported", "audit", case_id=f.case_id, detail=f"{len(rows)} audit rows to CSV")
        uow.commit()
    return len(rows)
