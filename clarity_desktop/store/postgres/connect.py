"""Connections to a practice server (psycopg 3): TLS verify-full and SCRAM only, and the
driver's failures said as one plain sentence each.

The password stays in this process's memory for the pool's reconnects and is never
written. Identity on the server is the login itself (session_user): nothing the program
sets afterwards can change whom the server thinks it is talking to.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import psycopg
from psycopg.conninfo import make_conninfo
from sqlalchemy import Engine, create_engine
from sqlalchemy.pool import QueuePool

from clarity_desktop.domain.errors import ErrorCode
from clarity_desktop.store.errors import NotAPractice, PracticeError, WrongPassphrase
from clarity_desktop.store.postgres.address import ServerAddress


class ServerRefused(PracticeError):
    """The server could not be reached, or would not talk on our terms (TLS, SCRAM)."""


def connect_raw(address: ServerAddress, password: str, **extra: Any) -> psycopg.Connection[Any]:
    """One DB-API connection, or a PracticeError naming why not."""
    try:
        return psycopg.connect(make_conninfo(**address.conninfo(password)), **extra)
    except psycopg.OperationalError as exc:
        raise refusal(exc, address) from exc


def refusal(exc: BaseException, address: ServerAddress) -> PracticeError:
    """What a failed connection means, for the person at the unlock window."""
    words = str(exc).lower()
    where = {"host": address.host, "port": address.port}
    if "root certificate file" in words or "sslrootcert" in words:
        return ServerRefused(ErrorCode.SERVER_CA_UNREADABLE, path=address.ca_file)
    if "does not support ssl" in words or "ssl was required" in words:
        return ServerRefused(ErrorCode.SERVER_WITHOUT_TLS, **where)
    if "does not match host name" in words or "certificate verify failed" in words:
        return ServerRefused(ErrorCode.SERVER_CERTIFICATE_UNTRUSTED, **where)
    if "authentication method requirement" in words:
        return ServerRefused(ErrorCode.SERVER_WEAK_SIGN_IN, **where)
    if "password authentication failed" in words or "not permitted to log in" in words:
        return WrongPassphrase(ErrorCode.SERVER_LOGIN_REFUSED, user=address.user)
    if "no pg_hba.conf entry" in words or "permission denied for database" in words:
        return WrongPassphrase(ErrorCode.SERVER_LOGIN_REFUSED, user=address.user)
    if "does not exist" in words and "database" in words:
        return NotAPractice(ErrorCode.SERVER_NOT_A_PRACTICE, dbname=address.dbname, **where)
    detail = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return ServerRefused(ErrorCode.SERVER_UNREACHABLE, detail=detail, **where)


def make_engine(address: ServerAddress, password: str, *, pool_size: int = 4) -> Engine:
    """A SQLAlchemy engine whose connections all log in as *address*'s user."""
    creator: Callable[[], Any] = lambda: connect_raw(address, password)  # noqa: E731
    return create_engine(
        "postgresql+psycopg://",
        creator=creator,
        poolclass=QueuePool,
        pool_size=pool_size,
        max_overflow=4,
        pool_pre_ping=True,
    )
