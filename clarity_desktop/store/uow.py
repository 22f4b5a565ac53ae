"""Unit of work: one SQLAlchemy Session and one transaction per user action.

The audit event of an action is added through the same unit of work, so the action and
its audit row commit together or not at all.

One-shot: a unit of work is entered once. Entering it again raises UnitOfWorkSpent, so a
service cannot quietly run an action as several transactions (each with its own view of
the records); services that build on each other share one open session through private
loaders instead. It carries the principal (domain/identity.py): every audit row it
writes names that user's id, and every seal is signed in their name.

Writers take turns (the write lock is taken at BEGIN); one that waits longer than the
backend's timeout gets its driver's "locked" error. That leaves here as PracticeBusy, one
plain sentence, so no front shows a driver error for what is only a queue. Autosave must not keep the window
waiting that long: waiting_at_most() shortens the wait for one unit of work, and the
editor tries again later.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from types import TracebackType
from typing import TYPE_CHECKING, Any, Protocol, cast

from sqlalchemy import Connection
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import Session, sessionmaker

from clarity_desktop.domain.audit_actions import AuditAction
from clarity_desktop.domain.clock import utcnow
from clarity_desktop.domain.errors import ErrorCode, PracticeBusy, RecordLocked, ValidationError
from clarity_desktop.domain.identity import Principal
from clarity_desktop.store import audit_chain
from clarity_desktop.store.models import AuditEvent
from clarity_desktop.store.search_index import SearchIndex

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from clarity_desktop.store.roster import Roster


class WriterRules(Protocol):
    """The part of a storage backend (store/backend.py) a unit of work carries."""

    @property
    def search(self) -> SearchIndex: ...

    def limit_wait(self, conn: Connection, wait_ms: int) -> AbstractContextManager[None]:
        """Within the block, *conn* waits at most *wait_ms* for another writer's lock, then
        fails with an error for which is_busy() is true."""
        ...

    def is_busy(self, exc: BaseException) -> bool:
        """Is *exc* the driver's answer when another writer kept the lock longer than we
        waited?"""
        ...

    def chain_head(self, db: Session) -> tuple[int, str]:
        """The audit chain's last (id, hash), held for this transaction: nobody else
        appends until it ends (SQLite: the write lock taken at BEGIN; PostgreSQL: an
        advisory lock, and the head read past row-level security)."""
        ...


_LATER = "clarity.uow.later_audit"
LaterAudit = tuple[AuditAction, str, int | None, int | None, str]


def later_audit(session: Session) -> list[LaterAudit]:
    """Audit rows that a store hook decided on during a flush (where the chain cannot be
    appended to: appending flushes), written by the unit of work just before it commits.
    A server practice's key rotation is one (store/postgres/encrypted_rows.py)."""
    found: list[LaterAudit] = session.info.setdefault(_LATER, [])
    return found


class UnitOfWorkSpent(RuntimeError):
    """A unit of work was entered a second time: one action, one transaction. A
    programming error, never a user's: each action asks the practice for a new one."""


class UnitOfWork:
    def __init__(
        self,
        factory: sessionmaker[Session],
        principal: Principal,
        read_factory: sessionmaker[Session] | None = None,
        *,
        signer: Ed25519PrivateKey | None = None,
        backend: WriterRules | None = None,
        signature: str | None = None,
        roster: Roster | None = None,
    ) -> None:
        self._factory = factory
        self.roster = roster  # who works with whom (supervision); None: nobody else
        self._backend = backend
        self._signer = signer
        self._read_factory = read_factory or factory
        self.principal = principal
        # The text written as the actor and on signatures ("Name, credentials").
        self.actor = signature or principal.display_name
        self._spent = False
        self._read_spent = False
        self._session: Session | None = None
        self._last: tuple[int, str] | None = None  # the chain's head within this transaction
        self._wait_ms: int | None = None
        self._connection: Connection | None = None

    @property
    def search(self) -> SearchIndex:
        """The practice's full-text index; changes to it go in this unit's transaction."""
        if self._backend is None:
            raise RuntimeError("this unit of work has no backend")
        return self._backend.search

    def _is_busy(self, exc: BaseException) -> bool:
        return self._backend is not None and self._backend.is_busy(exc)

    @property
    def dialect(self) -> Dialect:
        """The database's dialect, known before the transaction begins: work that only
        prepares values (store/bulk.py) is done before the write lock is taken."""
        bind = self._factory.kw["bind"]
        return cast(Dialect, bind.dialect)

    @property
    def session(self) -> Session:
        if self._session is None:
            raise RuntimeError("use the unit of work in a with-block")
        return self._session

    def waiting_at_most(self, seconds: float) -> UnitOfWork:
        """Wait at most *seconds* for another writer, instead of the engine's longer busy
        timeout, then raise PracticeBusy. The write lock is taken on entering the with
        block. For autosave on the GUI thread, which must not freeze the window while
        another program writes: it keeps the draft and tries again a little later."""
        self._wait_ms = max(0, round(seconds * 1000))
        return self

    def __enter__(self) -> UnitOfWork:
        if self._spent:
            raise UnitOfWorkSpent("this unit of work has been used; each action takes a new one")
        self._spent = True
        self._session = (
            self._factory() if self._wait_ms is None else self._begin_within(self._wait_ms)
        )
        self._last = None
        return self

    def _begin_within(self, wait_ms: int) -> Session:
        """A session on a connection that waits at most *wait_ms* while it takes the write
        lock, and as usual straight after: once the lock is held nothing else in the
        transaction waits for it."""
        if self._backend is None:
            raise RuntimeError("this unit of work has no backend")
        bind = self._factory.kw["bind"]
        conn: Connection = bind.connect()  # no transaction yet: BEGIN comes with the session
        try:
            with self._backend.limit_wait(conn, wait_ms):
                session = self._factory(bind=conn)
                try:
                    session.connection()  # BEGIN: the write lock
                except BaseException as exc:
                    session.close()
                    if self._is_busy(exc):
                        raise PracticeBusy() from exc
                    raise
        except BaseException:
            conn.close()
            raise
        self._connection = conn
        return session

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
            if self._connection is not None:
                self._connection.close()
                self._connection = None
        if exc is not None and self._is_busy(exc):
            raise PracticeBusy() from exc

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A read-only session outside the write lock, for long reads (the practice
        overview, a document's facts) that must not make autosave wait. Its audit row
        goes through the unit of work afterwards. One-shot too: one read and one write
        per action."""
        if self._read_spent:
            raise UnitOfWorkSpent("this unit of work has read already; each action takes a new one")
        self._read_spent = True
        session = self._read_factory()
        try:
            yield session
        finally:
            session.rollback()
            session.close()

    def commit(self) -> None:
        self.session.flush()  # what the flush itself asks to audit (later_audit) is known now
        for action, entity, entity_id, case_id, detail in self.session.info.pop(_LATER, ()):
            self.audit(action, entity, entity_id, case_id, detail)
        self.session.commit()
        self._last = None

    def audit(
        self,
        action: AuditAction,
        entity: str,
        entity_id: int | None = None,
        case_id: int | None = None,
        detail: str = "",
    ) -> None:
        """Append one chained audit row. Writer transactions take the write lock at BEGIN,
        so nobody else can append between reading the last link and adding ours; within
        the transaction the head is remembered, so many rows (sealing) cost no query each.
        Only an AuditAction is accepted: no free string reaches the log."""
        if not isinstance(action, AuditAction):
            raise ValueError(f"not an audit action: {action!r}")
        if self._last is None:
            self.session.flush()
            self._last = (
                audit_chain.last_link(self.session)
                if self._backend is None
                else self._backend.chain_head(self.session)
            )
        last_id, prev = self._last
        row_id, at = last_id + 1, utcnow()
        self.session.add(
            AuditEvent(
                id=row_id,
                at=at,
                actor=self.actor,
                action=action.value,
                entity=entity,
                entity_id=entity_id,
                case_id=case_id,
                detail=detail,
                user_id=self.principal.user_id,
                hash_format=audit_chain.FORMAT,
                prev_hash=prev,
                row_hash=(
                    digest := audit_chain.row_digest_v2(
                        prev,
                        row_id,
                        at,
                        self.principal.user_id,
                        self.actor,
                        action.value,
                        entity,
                        entity_id,
                        case_id,
                        detail,
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
        """Sign the digest of *content* with the acting user's key, in the audit chain;
        the seal names the user."""
        from clarity_desktop.store import seals

        if self._signer is None:
            raise ValidationError(
                ErrorCode.PASSPHRASE_NEEDED_TO_SIGN,
                "signer",
            )
        if seals.is_locked_content(content):
            raise RecordLocked(ErrorCode.ENCRYPTION_KEY_NOT_HELD, generation=1)
        detail = seals.seal_detail(
            self._signer, entity, entity_id, content, legacy=legacy, user_id=self.principal.user_id
        )
        self.audit(AuditAction.SEALED, entity, entity_id, case_id, detail)
