"""Unit of work: one SQLAlchemy Session and one transaction per user action.

The audit event of an action is added through the same unit of work, so the action and
its audit row commit together or not at all.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from types import TracebackType
from typing import TYPE_CHECKING, Any

from sqlalchemy.orm import Session, sessionmaker

from clarity_desktop.domain.errors import ValidationError
from clarity_desktop.store import audit_chain
from clarity_desktop.store.models import AuditEvent

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey


def utcnow() -> datetime:
    """Naive UTC, the form stored in the database."""
    return datetime.now(UTC).replace(tzinfo=None)


class UnitOfWork:
    def __init__(
        self,
        factory: sessionmaker[Session],
        actor: str,
        read_factory: sessionmaker[Session] | None = None,
        *,
        signer: Ed25519PrivateKey | None = None,
    ) -> None:
        self._factory = factory
        self._signer = signer
        self._read_factory = read_factory or factory
        self.actor = actor
        self._session: Session | None = None
        self._last: tuple[int, str] | None = None  # the chain's head within this transaction

    @property
    def session(self) -> Session:
        if self._session is None:
            raise RuntimeError("use the unit of work in a with-block")
        return self._session

    def __enter__(self) -> UnitOfWork:
        self._session = self._factory()
        self._last = None
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        assert self._session is not None
        try:
            self._session.rollback()
        finally:
            self._session.close()
            self._session = None

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A read-only session outside the write lock, for long reads (the practice
        overview) that must not make autosave wait. Its audit row goes through the unit
        of work afterwards."""
        session = self._read_factory()
        try:
            yield session
        finally:
            session.rollback()
            session.close()

    def commit(self) -> None:
        self.session.commit()
        self._last = None

    def audit(
        self,
        action: str,
        entity: str,
        entity_id: int | None = None,
        case_id: int | None = None,
        detail: str = "",
    ) -> None:
        """Append one chained audit row. Transactions begin IMMEDIATE (store/engine.py),
        so nobody else can append between reading the last link and adding ours; within
        the transaction the head is remembered, so many rows (sealing) cost no query each."""
        if self._last is None:
            self.session.flush()
            self._last = audit_chain.last_link(self.session)
        last_id, prev = self._last
        row_id, at = last_id + 1, utcnow()
        self.session.add(
            AuditEvent(
                id=row_id,
                at=at,
                actor=self.actor,
                action=action,
                entity=entity,
                entity_id=entity_id,
                case_id=case_id,
                detail=detail,
                prev_hash=prev,
                row_hash=(
                    digest := audit_chain.row_digest(
                        prev, row_id, at, self.actor, action, entity, entity_id, case_id, detail
                    )
                ),
            )
        )
        self._last = (row_id, digest)

    def seal(
        self,
        entity: str,
        entity_id: int,
        case_id: int | None,
        content: dict[str, Any],
        *,
        legacy: bool = False,
    ) -> None:
        """Sign the digest of *content* with the clinician's key, in the audit chain."""
        from clarity_desktop.store import seals

        if self._signer is None:
            raise ValidationError(
                "This practice was unlocked with the recovery key. Please set a new "
                "passphrase first (Practice > Change passphrase); signing needs it.",
                "signer",
            )
        detail = seals.seal_detail(self._signer, entity, entity_id, content, legacy=legacy)
        self.audit(seals.SEALED, entity, entity_id, case_id, detail)
