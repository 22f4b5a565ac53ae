"""Lazy rotation: after someone leaves, what is written next is under a key they never had.

Disabling a login deletes every wrap addressed to them and marks each case (or the
directory) they held as due to rotate (losing_access.leaving). Nothing can be re-encrypted
then and there: the administrator who disables holds no key. So the next holder whose
program writes under a marked key makes generation n+1 in that same transaction, wraps
it for every remaining holder (each certificate checked against its owner's signing key,
as key_sharing.py does before sharing), for the recovery key and for the emergency key,
and clears the mark; the unit of work audits key_rotated (counts only, no client words).
New values use the newest generation; older values are re-encrypted when next written,
and the older generations stay wrapped for the remaining holders, so nothing goes dark.
What the leaver already read, or kept, stays theirs: rotation protects what follows.

Generic in (scope, owner): a case is ("case", case id); the practice directory key
("directory", 0) rotates through the same two server functions and the same wraps.

Two holders writing at once: key_due() claims the mark by deleting it, so the second
waits for the first's transaction. If it commits, the mark is gone and the second reads
the generation the first made (and writes under it); if it rolls back, the mark is back
and the second rotates. Never two generation n+1 (the wraps' primary key would refuse
the second anyway).

A holder whose own newest generation is behind the case's (rotation skipped them because
their certificate did not hold, say) may not write: writing under an older generation
would hand the text to whoever left. They are refused ENCRYPTION_KEY_NOT_HELD and show
as a pending share until a holder shares the newest generation with them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PublicKey
from sqlalchemy import Connection, text

from clarity_desktop.domain.errors import ErrorCode
from clarity_desktop.store.postgres import emergency_trust, keytables, pins
from clarity_desktop.store.postgres.encryption import wrapping
from clarity_desktop.store.postgres.encryption.values import DataKey, EncryptionError, KeyRing
from clarity_desktop.store.postgres.keytables import StoredWrap
from clarity_desktop.store.postgres.pins import Pins


@dataclass(frozen=True)
class Rotated:
    """(scope, owner) now writes under *generation*, wrapped for *holders* staff members;
    *refused* holders were left out because their key certificate did not hold."""

    scope: str
    owner: int
    generation: int
    holders: int
    refused: int

    @property
    def detail(self) -> str:
        """The audit row's words: counts, never a name a client gave."""
        left_out = f"; left out, key not vouched for: {self.refused}" if self.refused else ""
        return f"generation {self.generation}; holders wrapped: {self.holders}{left_out}"


def due(conn: Connection, scope: str, owner: int) -> tuple[bool, int | None]:
    """(whether this program must rotate now, the newest generation anyone holds)."""
    row = conn.execute(text("SELECT due, newest FROM key_due(:s, :o)"), {"s": scope, "o": owner})
    found = row.one()
    return bool(found[0]), None if found[1] is None else int(found[1])


def ring_to_write(
    conn: Connection,
    scope: wrapping.Scope,
    owner: int,
    ring: Callable[[bool], KeyRing],
    seen: Pins,
) -> tuple[KeyRing, Rotated | None]:
    """The ring to write (scope, owner) with: rotated first when it is due. *ring(fresh)*
    gives this program's ring (fresh: asked of the server again); *seen*: the keys this
    workstation remembers (pins.py), which the new generation's wraps must agree with."""
    held = ring(False)
    rotate, newest = due(conn, scope, owner)
    if rotate:
        top = max(newest or 0, max(held.keys, default=0))
        return _rotate(conn, scope, owner, held, top, seen)
    if newest is not None and held.newest.generation < newest:
        held = ring(True)  # someone rotated since this program read its ring
        if held.newest.generation < newest:
            raise EncryptionError(ErrorCode.ENCRYPTION_KEY_NOT_HELD, generation=newest)
    return held, None


def _rotate(
    conn: Connection, scope: wrapping.Scope, owner: int, held: KeyRing, newest: int, seen: Pins
) -> tuple[KeyRing, Rotated]:
    key = DataKey.new(newest + 1)
    wraps: list[tuple[StoredWrap, int | None]] = []
    refused = 0
    holders = conn.execute(
        text("SELECT user_id, box_public, box_certificate, signing_key FROM key_holders(:s, :o)"),
        {"s": scope, "o": owner},
    ).all()
    for user_id, box_hex, certificate, signing_key in holders:
        box = X25519PublicKey.from_public_bytes(bytes.fromhex(str(box_hex)))
        if not wrapping.certified(
            str(certificate or ""), str(signing_key), int(user_id), box
        ) or not seen.agrees(pins.user(int(user_id)), str(signing_key)):
            refused += 1  # never wrapped for a key its owner did not vouch for
            continue
        wraps.append((_wrap(scope, owner, key, f"user:{int(user_id)}", box), int(user_id)))
    # The emergency key opens case keys only: client names are read by all the staff.
    practice = (
        (keytables.RECOVERY, keytables.EMERGENCY) if scope == "case" else (keytables.RECOVERY,)
    )
    for name in practice:
        if name == keytables.EMERGENCY:  # renewed since, perhaps: vouched (emergency_key.py)
            current = emergency_trust.trusted(conn, seen)
            public = None if current is None else current.public
        else:
            public = keytables.practice_key(conn, name)
            if public is not None:
                seen.check(pins.RECOVERY, public.hex())
        if public is not None:
            to = X25519PublicKey.from_public_bytes(public)
            wraps.append((_wrap(scope, owner, key, name, to), None))
    keytables.add_wraps(conn, wraps)
    ring = KeyRing({**held.keys, key.generation: key})
    return ring, Rotated(scope, owner, key.generation, len(wraps) - _practice_wraps(wraps), refused)


def _practice_wraps(wraps: list[tuple[StoredWrap, int | None]]) -> int:
    return sum(1 for _w, user_id in wraps if user_id is None)


def _wrap(
    scope: wrapping.Scope, owner: int, key: DataKey, label: str, to: X25519PublicKey
) -> StoredWrap:
    what = wrapping.Wrap(scope, owner, key.generation, label)
    return StoredWrap(scope, owner, key.generation, label, wrapping.wrap_key(key.secret, to, what))
