"""Whether this workstation takes the practice emergency key the server shows (pins.py).

Each generation of the emergency key has a signing key of its own (its *handover* key,
wrapping.practice_signer: derived from the private half, so only its holders can sign
with it), and the recovery sheet has one too (its public half on the recovery key's row).
A workstation remembers, on first sight, the emergency key, its generation and handover
key, and the recovery sheet's signing key. It takes a newer generation only when that
generation is signed by the handover key of the generation it remembers (a holder renewed
it: emergency_key.rotate_if_due) or by the recovery sheet (its holder renewed it after
the last holder left: recover_keys.py). Anything else is the server changing the key on
its own: ENCRYPTION_PRACTICE_KEY_CHANGED, and nothing is wrapped for it. A staff account
the administrator made for herself signs nothing that counts here: no person's signing
key vouches for a practice key.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PublicKey
from sqlalchemy import Connection, text

from clarity_desktop.domain.errors import ErrorCode
from clarity_desktop.store.postgres import pins
from clarity_desktop.store.postgres.encryption.values import EncryptionError
from clarity_desktop.store.postgres.keytables import EMERGENCY, RECOVERY
from clarity_desktop.store.postgres.pins import Pins


@dataclass(frozen=True)
class EmergencyKey:
    """The live emergency key as the server shows it: its public half, generation, the
    public half of its handover key, and the vouch of the key that handed it over."""

    public: bytes
    generation: int
    handover: str | None
    vouch: str

    @property
    def box(self) -> X25519PublicKey:
        return X25519PublicKey.from_public_bytes(self.public)


def read(conn: Connection) -> EmergencyKey | None:
    """The live emergency key, or None (never made, or retired when its last holder left)."""
    row = conn.execute(
        text(
            "SELECT public_key, generation, handover, vouch FROM practice_keys "
            "WHERE name = :n AND NOT retired"
        ),
        {"n": EMERGENCY},
    ).first()
    if row is None:
        return None
    return EmergencyKey(bytes(row[0]), int(row[1]), row[2], str(row[3] or ""))


def trust(key: EmergencyKey | None, sheet: str | None, seen: Pins) -> EmergencyKey | None:
    """*key* once this workstation accepts it (see above); *sheet*: the recovery sheet's
    signing key as the server shows it, remembered on first sight."""
    if sheet is not None:
        seen.remember({pins.RECOVERY_SIGNER: sheet})
    if key is None:
        return None
    pinned = seen.get(pins.EMERGENCY)
    if pinned is None or pinned == key.public.hex():
        seen.check(pins.EMERGENCY, key.public.hex())
        seen.put(pins.EMERGENCY_GENERATION, str(key.generation))
        if key.handover is not None:  # published by a holder after the key was made
            seen.remember({pins.EMERGENCY_HANDOVER: key.handover})
        return key
    known = int(seen.get(pins.EMERGENCY_GENERATION) or "1")
    signers = [seen.get(pins.EMERGENCY_HANDOVER), seen.get(pins.RECOVERY_SIGNER)]
    if key.generation > known and any(s is not None and vouched(key, s) for s in signers):
        remember(key, seen)
        return key
    raise EncryptionError(ErrorCode.ENCRYPTION_PRACTICE_KEY_CHANGED, who=pins.EMERGENCY)


def trusted(conn: Connection, seen: Pins) -> EmergencyKey | None:
    """The live emergency key, once this workstation accepts it (a new case asks each
    time: the key may have been renewed meanwhile)."""
    return trust(*read_with_sheet(conn), seen)


def read_with_sheet(conn: Connection) -> tuple[EmergencyKey | None, str | None]:
    """(the live emergency key, the recovery sheet's signing key) in one query."""
    key, sheet = None, None
    for name, public, generation, handover, vouch, retired in conn.execute(
        text(
            "SELECT name, public_key, generation, handover, vouch, retired FROM practice_keys "
            "WHERE name IN (:e, :r)"
        ),
        {"e": EMERGENCY, "r": RECOVERY},
    ):
        if name == RECOVERY:
            sheet = None if handover is None else str(handover)
        elif not retired:
            key = EmergencyKey(bytes(public), int(generation), handover, str(vouch or ""))
    return key, sheet


def remember(key: EmergencyKey, seen: Pins) -> None:
    """*key* is the one this workstation remembers from now on."""
    seen.put(pins.EMERGENCY, key.public.hex())
    seen.put(pins.EMERGENCY_GENERATION, str(key.generation))
    if key.handover is not None:
        seen.put(pins.EMERGENCY_HANDOVER, key.handover)


def vouch_for(signer: Ed25519PrivateKey, generation: int, public: bytes, handover: str) -> str:
    return signer.sign(_vouched(generation, public, handover)).hex()


def vouched(key: EmergencyKey, signer_hex: str) -> bool:
    try:
        signer = Ed25519PublicKey.from_public_bytes(bytes.fromhex(signer_hex))
        message = _vouched(key.generation, key.public, key.handover or "")
        signer.verify(bytes.fromhex(key.vouch), message)
    except (ValueError, InvalidSignature):
        return False
    return True


def _vouched(generation: int, public: bytes, handover: str) -> bytes:
    fields = ["clarity-practice-key", 2, EMERGENCY, generation, public.hex(), handover]
    return json.dumps(fields).encode()
