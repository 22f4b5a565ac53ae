"""An audit row written by the server's superuser (an import, keys given from the recovery
sheet): next in the hash chain, with no staff member's id, the actor named as the
superuser. The sequence follows, so the next staff row continues after it."""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.orm import Session

from clarity_desktop.domain.audit_actions import AuditAction
from clarity_desktop.domain.clock import utcnow
from clarity_desktop.store import audit_chain
from clarity_desktop.store.models import AuditEvent


def append(
    db: Session,
    actor: str,
    action: AuditAction,
    entity: str,
    entity_id: int | None,
    detail: str,
    *,
    case_id: int | None = None,
) -> int:
    """The new row's id. *case_id*: the case whose own audit trail shows the row."""
    last_id, last_hash = audit_chain.last_link(db)
    at, row_id = utcnow(), last_id + 1
    digest = audit_chain.row_digest_v2(
        last_hash, row_id, at, None, actor, action.value, entity, entity_id, case_id, detail
    )
    db.add(
        AuditEvent(
            id=row_id,
            at=at,
            actor=actor,
            action=action.value,
            entity=entity,
            entity_id=entity_id,
            case_id=case_id,
            detail=detail,
            prev_hash=last_hash,
            row_hash=digest,
            user_id=None,
            hash_format=audit_chain.FORMAT,
        )
    )
    db.flush()
    db.execute(
        text("SELECT setval(pg_get_serial_sequence('audit_events', 'id'), :i)"), {"i": row_id}
    )
    return row_id
