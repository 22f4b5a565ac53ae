"""Keys for people: each staff member's X25519 key pair, kept under their password, and
the 32-byte keys (case, directory, search, emergency) wrapped for one recipient's public key.

A wrap is version (1) | ephemeral X25519 public key (32) | nonce (12) | AES-256-GCM of the
key (32 + 16). The AES key is HKDF-SHA256 of the X25519 shared secret, salted with both
public keys. The associated data names what is wrapped and for whom (``Wrap``), so the
server cannot hand Eli's wrap of case 7 to Dana, or a wrap of case 7 as one of case 8.
"""

from __future__ import annotations

import json
import secrets
from dataclasses import dataclass
from typing import Literal

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    NoEncryption,
    PrivateFormat,
    PublicFormat,
)

from clarity_desktop.domain.errors import ErrorCode
from clarity_desktop.store import keys
from clarity_desktop.store.postgres.encryption.values import KEY_BYTES, NONCE_BYTES, EncryptionError

WRAP_VERSION = 1
WRAP_BYTES = 1 + 32 + NONCE_BYTES + KEY_BYTES + 16
Scope = Literal["case", "directory", "search", "emergency"]


def public_bytes(key: X25519PublicKey) -> bytes:
    return key.public_bytes(Encoding.Raw, PublicFormat.Raw)


def private_bytes(key: X25519PrivateKey) -> bytes:
    return key.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())


def new_key_pair() -> X25519PrivateKey:
    return X25519PrivateKey.generate()


# --- a staff member's own keys, under their password --------------------------------------


def wrap_user_keys(
    seed: bytes, box: X25519PrivateKey, password: str, kdf: keys.KdfParams | None = None
) -> str:
    """The signing seed and the X25519 private key as one 64-byte keys.wrap payload: one
    Argon2 run opens both, exactly as the signing key alone is kept today (logins.py)."""
    if len(seed) != keys.KEY_BYTES:
        raise ValueError("a signing seed is 32 bytes")
    payload = seed + private_bytes(box)
    return json.dumps(keys.wrap(payload, password, kdf or keys.DEFAULT_KDF))


def unwrap_user_keys(wrapped: str, password: str) -> tuple[bytes, X25519PrivateKey | None]:
    """(signing seed, X25519 private key or None for a key wrapped before encryption, whose
    owner makes one at this sign-in). keys.WrongSecret for another password, as before."""
    payload = keys.unwrap(json.loads(wrapped), password)
    seed, rest = payload[: keys.KEY_BYTES], payload[keys.KEY_BYTES :]
    return seed, X25519PrivateKey.from_private_bytes(rest) if rest else None


def certificate(signer: Ed25519PrivateKey, user_id: int, box: X25519PublicKey) -> str:
    """The person's signing key vouching for their encryption key (hex signature): the
    server cannot swap the encryption key on the staff row without this failing."""
    return signer.sign(_certified(user_id, box)).hex()


def certified(cert: str, signer_public_hex: str, user_id: int, box: X25519PublicKey) -> bool:
    try:
        signer = Ed25519PublicKey.from_public_bytes(bytes.fromhex(signer_public_hex))
        signer.verify(bytes.fromhex(cert), _certified(user_id, box))
    except (ValueError, InvalidSignature):
        return False
    return True


def _certified(user_id: int, box: X25519PublicKey) -> bytes:
    return json.dumps(["clarity-box-key", 1, user_id, public_bytes(box).hex()]).encode()


def practice_signer(key: X25519PrivateKey) -> Ed25519PrivateKey:
    """A practice key's own signing key (emergency_trust.py), derived from its private half:
    only those who hold that private half can sign with it."""
    label = b"clarity-practice-key-signer"
    seed = HKDF(hashes.SHA256(), KEY_BYTES, None, label).derive(private_bytes(key))
    return Ed25519PrivateKey.from_private_bytes(seed)


def signer_hex(signer: Ed25519PrivateKey) -> str:
    return signer.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw).hex()


def fingerprint(box: X25519PublicKey) -> str:
    """Short enough to read aloud when two people compare keys: 8 groups of 4 hex digits."""
    digest = hashes.Hash(hashes.SHA256())
    digest.update(b"clarity-box-key" + public_bytes(box))
    hexed = digest.finalize()[:16].hex().upper()
    return " ".join(hexed[i : i + 4] for i in range(0, 32, 4))


# --- keys wrapped for a recipient ------------------------------------------------------------


@dataclass(frozen=True)
class Wrap:
    """What a wrap holds and for whom. *owner* is the case id (0 for the practice's own
    keys); *recipient* a label such as "user:12", "recovery" or "emergency"."""

    scope: Scope
    owner: int
    generation: int
    recipient: str

    def associated(self, recipient_key: bytes) -> bytes:
        fields = [
            "clarity-key-wrap",
            WRAP_VERSION,
            self.scope,
            self.owner,
            self.generation,
            self.recipient,
            recipient_key.hex(),
        ]
        return json.dumps(fields, separators=(",", ":")).encode()

    def params(self) -> dict[str, object]:
        return {"scope": self.scope, "owner": self.owner, "generation": self.generation}


def _aes_key(shared: bytes, ephemeral: bytes, recipient: bytes) -> bytes:
    hkdf = HKDF(hashes.SHA256(), KEY_BYTES, ephemeral + recipient, b"clarity key wrap v1")
    return hkdf.derive(shared)


def wrap_key(secret: bytes, recipient: X25519PublicKey, what: Wrap) -> bytes:
    if len(secret) != KEY_BYTES:
        raise ValueError("only 32-byte keys are wrapped")
    ephemeral = X25519PrivateKey.generate()
    eph_pub, rcpt = public_bytes(ephemeral.public_key()), public_bytes(recipient)
    aes = _aes_key(ephemeral.exchange(recipient), eph_pub, rcpt)
    nonce = secrets.token_bytes(NONCE_BYTES)
    sealed = AESGCM(aes).encrypt(nonce, secret, what.associated(rcpt))
    return bytes([WRAP_VERSION]) + eph_pub + nonce + sealed


def unwrap_key(wrapped: bytes, mine: X25519PrivateKey, what: Wrap) -> bytes:
    """The wrapped key; ENCRYPTION_WRAP_UNOPENED when the wrap is not for *mine* and *what*
    (another person's, another case's or generation's, or changed on the server)."""
    if len(wrapped) != WRAP_BYTES or wrapped[0] != WRAP_VERSION:
        raise EncryptionError(ErrorCode.ENCRYPTION_WRAP_UNOPENED, **what.params())
    eph_pub, nonce, sealed = wrapped[1:33], wrapped[33 : 33 + NONCE_BYTES], wrapped[45:]
    rcpt = public_bytes(mine.public_key())
    try:
        shared = mine.exchange(X25519PublicKey.from_public_bytes(eph_pub))
        aes = _aes_key(shared, eph_pub, rcpt)
        return AESGCM(aes).decrypt(nonce, sealed, what.associated(rcpt))
    except (InvalidTag, ValueError) as exc:  # ValueError: an all-zero shared secret
        raise EncryptionError(ErrorCode.ENCRYPTION_WRAP_UNOPENED, **what.params()) from exc
