"""Failed unlock attempts, written beside a locked practice in ``practice.attempts``.

A wrong passphrase leaves the database untouched (its key is unknown then), so the audit
trail can only learn of it at the next successful unlock. Until then each failed attempt
is written here at once (the file is replaced whole and fsynced, under a lock file, so a
crash or a second program never tears or loses it); services/unlock_attempts.py moves
the attempts into the audit and re-arms the file.

What "authenticated" can honestly mean without the key. At each unlock the file is
armed with a fresh random period P and a first key K0 = HMAC-SHA256(database key, P),
which only a program holding the database key can compute. Attempt n is written with
mac_n = HMAC-SHA256(K_{n-1}, mac_{n-1} | line) and the key then moves on,
K_n = SHA-256(K_{n-1}); the file keeps only the newest key, so the older ones are gone
(a forward-secure chain). Whoever can read and write the folder without the passphrase:

- cannot change, reorder or remove an attempt already written, nor cut the file short,
  without the next unlock noticing: that needs a key the file no longer holds;
- can add made-up attempts with the newest key (the audit then lists more, never fewer);
- can delete the file, or put back a copy taken earlier; the attempts since are then
  lost, and the next unlock cannot tell. A failed attempt with no armed file starts an
  open record, whose first key is written in the clear: it is chained, so a careless
  edit shows, but it cannot be authenticated, and the audit says so.

After MAX_LISTED attempts in one period, further ones are only counted (count and time
of the latest, not authenticated), so a script guessing for days cannot fill the disk.

Format, one record per line (ASCII)::

    clarity-attempts 1
    period <64 hex>  |  open <64 hex: the first key>
    a <n> <UTC time, ISO> <passphrase|recovery-key> <window|command-line|-> <mac, 64 hex>
    ...
    state <listed> <key, 64 hex> <last mac, 64 hex> <counted beyond the list> <UTC time|->
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import os
import secrets
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import portalocker

from clarity_desktop.domain.clock import parse_utc, utc_text

FILE_NAME = "practice.attempts"
LOCK_NAME = "practice.attempts.lock"
MAGIC = "clarity-attempts 1"
MAX_LISTED = 1000
HOW = ("passphrase", "recovery-key")
FRONTS = ("window", "command-line", "-")
_ZERO = "0" * 64
_FIRST_KEY = b"clarity-desktop failed attempts v1\x00"
_NEXT_KEY = b"clarity-desktop failed attempts next\x00"


class Unreadable(Exception):
    """The file is not a record of attempts (anymore)."""


@dataclass(frozen=True)
class Attempt:
    number: int  # 1, 2, ... since the file was armed
    at: datetime  # aware UTC; written as naive UTC text
    how: str  # one of HOW
    front: str  # one of FRONTS

    def line(self) -> str:
        return f"a {self.number} {utc_text(self.at)} {self.how} {self.front}"


@dataclass(frozen=True)
class Record:
    """The file as read, nothing checked yet."""

    raw: bytes
    period: str | None  # None: an open record
    open_key: str | None
    attempts: tuple[Attempt, ...]
    macs: tuple[str, ...]
    listed: int  # what the state line says
    key: str
    last_mac: str
    more: int  # attempts beyond MAX_LISTED, only counted
    more_last: datetime | None

    @property
    def total(self) -> int:
        return len(self.attempts) + self.more

    @property
    def last_at(self) -> datetime | None:
        if self.more_last is not None:
            return self.more_last
        return self.attempts[-1].at if self.attempts else None


@dataclass(frozen=True)
class Verdict:
    trusted: tuple[Attempt, ...]  # the attempts that check out, in order
    authenticated: bool  # False for an open record
    problem: str  # "" when the whole file checks out


def path(folder: Path) -> Path:
    return folder / FILE_NAME


def first_key(db_key: bytes, period: str) -> str:
    return hmac.new(db_key, _FIRST_KEY + bytes.fromhex(period), hashlib.sha256).hexdigest()


def _next_key(key: str) -> str:
    return hashlib.sha256(_NEXT_KEY + bytes.fromhex(key)).hexdigest()


def _mac(key: str, previous: str, line: str) -> str:
    payload = bytes.fromhex(previous) + line.encode("ascii")
    return hmac.new(bytes.fromhex(key), payload, hashlib.sha256).hexdigest()


# Reading ------------------------------------------------------------------------------


def _hex64(text: str) -> str:
    if len(text) != 64 or any(c not in "0123456789abcdef" for c in text):
        raise Unreadable("not a 64-digit hexadecimal value")
    return text


def _time(text: str) -> datetime:
    try:
        return parse_utc(text)
    except ValueError:
        raise Unreadable("a time that cannot be read") from None


def parse(raw: bytes) -> Record:
    try:
        lines = raw.decode("ascii").splitlines()
    except UnicodeDecodeError:
        raise Unreadable("not plain text") from None
    if len(lines) < 3 or lines[0] != MAGIC:
        raise Unreadable("not a record of failed unlock attempts")
    kind, _, value = lines[1].partition(" ")
    if kind not in ("period", "open"):
        raise Unreadable("no period")
    attempts: list[Attempt] = []
    macs: list[str] = []
    for line in lines[2:-1]:
        parts = line.split(" ")
        if len(parts) != 6 or parts[0] != "a" or not parts[1].isdigit():
            raise Unreadable("a line that is not an attempt")
        if parts[3] not in HOW or parts[4] not in FRONTS:
            raise Unreadable("an attempt of an unknown kind")
        attempts.append(Attempt(int(parts[1]), _time(parts[2]), parts[3], parts[4]))
        macs.append(_hex64(parts[5]))
    state = lines[-1].split(" ")
    if len(state) != 6 or state[0] != "state" or not state[1].isdigit() or not state[4].isdigit():
        raise Unreadable("no state line at the end")
    return Record(
        raw=raw,
        period=_hex64(value) if kind == "period" else None,
        open_key=_hex64(value) if kind == "open" else None,
        attempts=tuple(attempts),
        macs=tuple(macs),
        listed=int(state[1]),
        key=_hex64(state[2]),
        last_mac=_hex64(state[3]),
        more=int(state[4]),
        more_last=None if state[5] == "-" else _time(state[5]),
    )


def read(folder: Path) -> Record | None:
    """The record as it is on disk, unchecked; None when there is none. Unreadable when
    the file is there but not a record."""
    try:
        raw = path(folder).read_bytes()
    except FileNotFoundError:
        return None
    return parse(raw)


def verify(record: Record, db_key: bytes) -> Verdict:
    """Follow the chain from its first key. Attempts up to the first that does not check
    out are trusted; the problem says what went wrong after them."""
    if record.period is not None:
        key = first_key(db_key, record.period)
    else:
        assert record.open_key is not None
        key = record.open_key
    previous = _ZERO
    for i, (attempt, mac) in enumerate(zip(record.attempts, record.macs, strict=True)):
        if attempt.number != i + 1 or not hmac.compare_digest(
            mac, _mac(key, previous, attempt.line())
        ):
            return Verdict(record.attempts[:i], False, f"attempt {i + 1} was changed or removed")
        previous, key = mac, _next_key(key)
    listed = len(record.attempts)
    intact = record.listed == listed and record.key == key and record.last_mac == previous
    if not intact:
        return Verdict(record.attempts, False, "attempts were removed from its end")
    if record.period is None and record.total == 0:
        return Verdict((), False, "it was replaced by an empty one")
    return Verdict(record.attempts, record.period is not None, "")


# Writing ------------------------------------------------------------------------------


def _render(
    head: str,
    attempts: tuple[Attempt, ...],
    macs: tuple[str, ...],
    key: str,
    more: int,
    more_last: datetime | None,
) -> bytes:
    lines = [MAGIC, head]
    lines += [f"{a.line()} {m}" for a, m in zip(attempts, macs, strict=True)]
    last_mac = macs[-1] if macs else _ZERO
    when = utc_text(more_last) if more_last is not None else "-"
    lines.append(f"state {len(attempts)} {key} {last_mac} {more} {when}")
    return ("\n".join(lines) + "\n").encode("ascii")


def _write(folder: Path, data: bytes) -> None:
    """Replace the file whole: a temporary file, fsynced, renamed over it, and the folder
    fsynced, so a crash leaves either the old record or the new one."""
    target = path(folder)
    temp = target.with_name(f"{FILE_NAME}.{secrets.token_hex(4)}.tmp")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    with contextlib.suppress(OSError, AttributeError):  # folders cannot be fsynced on Windows
        dir_fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)


@contextlib.contextmanager
def _locked(folder: Path) -> Iterator[None]:
    """One writer at a time, across programs (two scripts guessing at once lose nothing)."""
    lock_path = folder / LOCK_NAME
    fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o600)
    with os.fdopen(fd, "r+b") as fh:
        portalocker.lock(fh, portalocker.LOCK_EX)
        try:
            yield
        finally:
            portalocker.unlock(fh)


def append(folder: Path, at: datetime, how: str, front: str) -> None:
    """Write one failed attempt, durably, before the caller reports it."""
    with _locked(folder):
        try:
            record = read(folder)
        except Unreadable:
            record = None  # a damaged record is overwritten by an open one, which says so
        if record is None:
            start = secrets.token_hex(32)
            record = Record(b"", None, start, (), (), 0, start, _ZERO, 0, None)
        head = f"period {record.period}" if record.period else f"open {record.open_key}"
        attempts, macs, key = record.attempts, record.macs, record.key
        more, more_last = record.more, record.more_last
        if len(attempts) < MAX_LISTED:
            attempt = Attempt(len(attempts) + 1, at, how, front)
            previous = macs[-1] if macs else _ZERO
            macs += (_mac(key, previous, attempt.line()),)
            attempts += (attempt,)
            key = _next_key(key)
        else:
            more, more_last = more + 1, at
        _write(folder, _render(head, attempts, macs, key, more, more_last))


def arm(folder: Path, db_key: bytes, replacing: bytes | None, *, force: bool = False) -> bool:
    """Start a fresh period, empty. Only when the file still holds exactly *replacing*
    (what the caller has moved into the audit; None: no file), unless *force*: an
    attempt written meanwhile is never wiped out. True when armed."""
    with _locked(folder):
        try:
            current: bytes | None = path(folder).read_bytes()
        except FileNotFoundError:
            current = None
        if not force and current != replacing:
            return False
        period = secrets.token_hex(32)
        key = first_key(db_key, period)
        _write(folder, _render(f"period {period}", (), (), key, 0, None))
        return True
