"""The audit log's hash chain.

Triggers already refuse UPDATE and DELETE on the audit table. The chain makes what slips
past them visible: someone who drops the triggers and edits, removes or inserts a row
breaks the link from that row on. (Whoever holds the database key could rebuild the
whole chain; the chain guards against quiet edits, not against the key holder.)
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from clarity_desktop.domain.clock import utc_text
from clarity_desktop.store.models import AuditEvent

GENESIS = "0" * 64
# Hash formats. 1: the rows written before revision 0008, without the acting user.
# 2: the format number and the user's id come first, so neither can be changed (nor a
# row passed off as format 1) without breaking the link.
FORMAT = 2


def row_digest(
    prev_hash: str,
    row_id: int,
    at: datetime,
    actor: str,
    action: str,
    entity: str,
    entity_id: int | None,
    case_id: int | None,
    detail: str,
) -> str:
    fields = [prev_hash, str(row_id), utc_text(at), actor, action, entity]
    fields += [
        str(entity_id) if entity_id is not None else "",
        str(case_id) if case_id is not None else "",
    ]
    fields.append(detail)
    return _hash(fields)


def row_digest_v2(
    prev_hash: str,
    row_id: int,
    at: datetime,
    user_id: int | None,
    actor: str,
    action: str,
    entity: str,
    entity_id: int | None,
    case_id: int | None,
    detail: str,
) -> str:
    fields = [
        "clarity-audit-v2",
        prev_hash,
        str(row_id),
        utc_text(at),
        str(user_id) if user_id is not None else "",
        actor,
        action,
        entity,
        str(entity_id) if entity_id is not None else "",
        str(case_id) if case_id is not None else "",
        detail,
    ]
    return _hash(fields)


def _hash(fields: list[str]) -> str:
    # Length-prefixed so no two different rows can serialise the same way.
    payload = "".join(f"{len(f)}:{f};" for f in fields).encode("utf-8")
    return hashlib.sha256(payload).hexdigest()


def digest_of(r: AuditEvent, prev: str) -> str | None:
    """The hash *r* should carry after *prev*, in the format it says it was written in;
    None for a format this program does not know."""
    fmt = 1 if r.hash_format is None else r.hash_format
    if fmt == 1:
        return row_digest(
            prev, r.id, r.at, r.actor, r.action, r.entity, r.entity_id, r.case_id, r.detail
        )
    if fmt == 2:
        return row_digest_v2(
            prev,
            r.id,
            r.at,
            r.user_id,
            r.actor,
            r.action,
            r.entity,
            r.entity_id,
            r.case_id,
            r.detail,
        )
    return None


def last_link(db: Session) -> tuple[int, str]:
    """(last id, last hash), or (0, GENESIS) for an empty log."""
    row = db.execute(
        select(AuditEvent.id, AuditEvent.row_hash).order_by(AuditEvent.id.desc()).limit(1)
    ).first()
    return (0, GENESIS) if row is None else (int(row[0]), str(row[1]))


@dataclass(frozen=True)
class ChainReport:
    rows: int
    first_broken: int | None  # the id of the first row whose link does not hold

    @property
    def ok(self) -> bool:
        return self.first_broken is None


def verify(rows: Iterable[AuditEvent]) -> ChainReport:
    prev = GENESIS
    expected_id: int | None = None
    count = 0
    for r in rows:
        count += 1
        if expected_id is not None and r.id != expected_id:
            return ChainReport(count, r.id)  # a row is missing before this one
        digest = digest_of(r, prev)
        if r.prev_hash != prev or digest is None or r.row_hash != digest:
            return ChainReport(count, r.id)
        prev = r.row_hash
        expected_id = r.id + 1
    return ChainReport(count, None)


def verify_links(
    links: Iterable[tuple[int, str, str]], readable: Iterable[AuditEvent]
) -> ChainReport:
    """For a reader who may not read every row (a practice server's row-level security):
    *links* are every row's (id, prev_hash, row_hash), *readable* the rows they can read.
    Every link must hold and every readable row must hash to its link, so a row removed,
    inserted or reordered anywhere, or changed where this reader can see, breaks the
    chain; a change to a row only others can read is the administrator's check to find."""
    rows = {r.id: r for r in readable}
    prev = GENESIS
    expected = 1
    count = 0
    for row_id, prev_hash, row_hash in links:
        count += 1
        if row_id != expected or prev_hash != prev:
            return ChainReport(count, row_id)
        r = rows.get(row_id)
        if r is not None and (r.row_hash != row_hash or digest_of(r, prev) != row_hash):
            return ChainReport(count, row_id)
        prev = row_hash
        expected = row_id + 1
    return ChainReport(count, None)
