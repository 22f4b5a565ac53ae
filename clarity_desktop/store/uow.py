"""Unit of work: one SQLAlchemy Session and one transaction per user action.

The audit event of an action is added through the same unit of work, so the action and
its audit row commit together or not at all.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from types import TracebackType

from sqlalchemy.orm import Session, sessionmaker

from clarity_desktop.store import audit_chain
from clarity_desktop.store.models import AuditEvent


def utcnow() -> datetime:
    """Naive UTC, the form stored in the database."""
    return datetime.now(UTC).replace(tzinfo=None)


class UnitOfWork:
    def __init__(
        self,
        factory: sessionmaker[Session],
        actor: str,
        read_factory: sessionmaker[Session] | None = None,
    ) -> None:
        self._factory = factory
        self._read_factory = read_factory or factory
        self.actor = actor
        self._session: Session | None = None

    @property
    def session(self) -> Session:
        if self._session is None:
            raise RuntimeError("use the unit of work in a with-block")
        return self._session

    def __enter__(self) -> UnitOfWork:
        self._session = self._factory()
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

    def audit(
        self,
        action: str,
        entity: str,
        entity_id: int | None = None,
        case_id: int | None = None,
        detail: str = "",
    ) -> None:
        """Append one chained audit row. Transactions begin IMMEDIATE (store/engine.py),
        so nobody else can append between reading the last link and adding ours."""
        self.session.flush()
        last_id, prev = audit_chain.last_link(self.session)
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
                row_hash=audit_chain.row_digest(
                    prev, row_id, at, self.actor, action, entity, entity_id, case_id, detail
                ),
            )
        )
        self.session.flush()
