"""Column types that hand the program typed values and store the text stored before.

UtcDateTime: see domain/clock.py. WallClockDateTime: see domain/schedule.py.

ServerText and ServerDate are the columns a practice server keeps encrypted
(store/postgres/encryption/columns.py) that would otherwise be too narrow there: the same
String or Date on SQLite as always, ``text`` on PostgreSQL (revision 0012).

EnumText keeps an enum's value as plain text (what the columns held when they were plain
strings, so no data migration): the program reads and writes members of the domain's
enums, and a mistyped literal such as ``case.status == "actve"`` becomes a type error
(mypy's strict_equality) instead of a comparison that is silently never true.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from enum import Enum
from typing import Any, TypeVar

from sqlalchemy import Date, DateTime, Dialect, String, Text
from sqlalchemy.types import TypeDecorator, TypeEngine

from clarity_desktop.domain.clock import naive_utc

E = TypeVar("E", bound=Enum)
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


class EnumText(TypeDecorator[E]):
    """An Enum stored as its value's text, in a VARCHAR of *length*."""

    impl = String
    cache_ok = True

    def __init__(self, enum: type[E], length: int) -> None:
        super().__init__(length)
        self.enum = enum
        self._members = {m.value: m for m in enum}  # a dict look-up per row, not enum()

    def process_bind_param(self, value: Any, dialect: Dialect) -> str | None:
        if value is None or isinstance(value, self.enum):
            return None if value is None else str(value.value)
        # a text value must name a member: "actve" fails here, not in a later read
        return str(self.enum(value).value)

    def process_result_value(self, value: Any, dialect: Dialect) -> E | None:
        return None if value is None else self._members[value]

    @property
    def python_type(self) -> type[E]:
        return self.enum


class UtcDateTime(TypeDecorator[datetime]):
    """A point in time: stored as naive UTC (as it always was), read as aware UTC.

    Aware values of any zone are converted to UTC; a naive value is taken as UTC already
    (what the bulk tools and the older code hand in), never as local time.
    """

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> datetime | None:
        return None if value is None else naive_utc(value)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)

    @property
    def python_type(self) -> type[datetime]:
        return datetime


class WallClockDateTime(TypeDecorator[datetime]):
    """A local wall-clock time (a session's start): stored and read naive, as it always
    was. An aware value is refused rather than silently converted, since no zone is right
    for every reader (see domain/schedule.py)."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is not None and value.tzinfo is not None:
            raise ValueError(f"a wall-clock time carries no zone, not {value.tzinfo}")
        return value

    @property
    def python_type(self) -> type[datetime]:
        return datetime


def ServerText(length: int) -> TypeEngine[str]:
    """A String of *length* on SQLite, ``text`` on a server: an encrypted value is longer
    than the text it holds."""
    return String(length).with_variant(Text(), "postgresql")


class ServerDate(TypeDecorator[date]):
    """A date: a DATE on SQLite as always; ``text`` on a server, where the column holds the
    encrypted ISO form (the program's encryption turns it back into a date, encrypted_rows).
    Only ever written encrypted there; a date handed in plain is written as its ISO text."""

    impl = Date
    cache_ok = True

    def load_dialect_impl(self, dialect: Dialect) -> TypeEngine[Any]:
        return Text() if dialect.name == "postgresql" else Date()

    def process_bind_param(self, value: Any, dialect: Dialect) -> Any:
        if dialect.name == "postgresql" and isinstance(value, date):
            return value.isoformat()
        return value

    def process_result_value(self, value: Any, dialect: Dialect) -> Any:
        """On a server, an ISO text is a date; anything else (the encrypted form) is left
        for the program's decryption to open."""
        if isinstance(value, str) and _ISO_DAY.fullmatch(value):
            return date.fromisoformat(value)
        return value

    @property
    def python_type(self) -> type[date]:
        return date
