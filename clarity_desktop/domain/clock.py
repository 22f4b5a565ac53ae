"""Times the program makes are aware: UTC for when something was written (a note saved,
signed, an audit row, a backup, the anchor, a wrong passphrase), local wall-clock time
only where a person reads it.

The database and the files beside it have always held UTC as naive text
("2026-11-24T09:12:03.123456"). The audit chain, the seals and the anchor hash that text,
so it must stay byte-identical: utc_text() writes it from an aware time, parse_utc()
reads it back as an aware one.
"""

from __future__ import annotations

from datetime import UTC, datetime


def utcnow() -> datetime:
    """Now, aware, in UTC."""
    return datetime.now(UTC)


def as_utc(at: datetime) -> datetime:
    """*at* as aware UTC; a naive time is taken as UTC, the way it has always been stored."""
    return at.replace(tzinfo=UTC) if at.tzinfo is None else at.astimezone(UTC)


def naive_utc(at: datetime) -> datetime:
    """The stored form: UTC without a zone."""
    return as_utc(at).replace(tzinfo=None)


def utc_text(at: datetime) -> str:
    """The canonical text of a UTC time, as stored and as hashed (no zone suffix)."""
    return naive_utc(at).isoformat()


def parse_utc(text: str) -> datetime:
    """A time written by utc_text() (or with a zone) as aware UTC."""
    return as_utc(datetime.fromisoformat(text))
