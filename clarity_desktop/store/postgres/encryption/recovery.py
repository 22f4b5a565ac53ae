"""The practice recovery key: an X25519 key pair whose private half lives on paper.

``server init`` makes it, stores the public half on the server and shows the private half
once, for the administrator to print and lock away; the server never holds it. Every key
generation of every case (and the directory, search and emergency keys) is wrapped for its
public half too, so with the sheet every record can be opened even when nobody who could
read a case is left.

The printed form is the 32-byte private key and a 3-byte checksum, 280 bits, written as 56
characters from the same look-alike-free alphabet as a solo practice's recovery key
(store/keys.py), in 14 groups of four. A mistyped character fails the checksum (all but
one in 16 million typos) and is said as a typo, not as the wrong key.
"""

from __future__ import annotations

import hashlib

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey

from clarity_desktop.domain.errors import ErrorCode
from clarity_desktop.store.postgres.encryption.values import KEY_BYTES, EncryptionError
from clarity_desktop.store.postgres.encryption.wrapping import private_bytes, public_bytes

ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
CHECK_BYTES = 3
LENGTH = (KEY_BYTES + CHECK_BYTES) * 8 // 5  # 56 characters
GROUP = 4
_VALUE = {ch: i for i, ch in enumerate(ALPHABET)}
_SEPARATORS = set(" -\t\r\n")


def _check(secret: bytes) -> bytes:
    return hashlib.sha256(b"clarity-recovery-key-v1" + secret).digest()[:CHECK_BYTES]


def new_recovery_key() -> X25519PrivateKey:
    return X25519PrivateKey.generate()


def printable(key: X25519PrivateKey) -> str:
    """The 56 characters in groups of four, two lines of seven groups for the sheet."""
    secret = private_bytes(key)
    number = int.from_bytes(secret + _check(secret), "big")
    chars = [ALPHABET[(number >> (5 * i)) & 31] for i in reversed(range(LENGTH))]
    groups = ["".join(chars[i : i + GROUP]) for i in range(0, LENGTH, GROUP)]
    half = len(groups) // 2
    return "-".join(groups[:half]) + "\n" + "-".join(groups[half:])


def parse(text: str) -> X25519PrivateKey:
    """The key from what the administrator typed (any case, spaces, dashes or line breaks
    between groups). ENCRYPTION_RECOVERY_KEY_MALFORMED for the wrong length or a character
    no recovery key has; ENCRYPTION_RECOVERY_KEY_TYPO when the checksum disagrees."""
    chars = [ch for ch in text.upper() if ch not in _SEPARATORS]
    if len(chars) != LENGTH or any(ch not in _VALUE for ch in chars):
        raise EncryptionError(ErrorCode.ENCRYPTION_RECOVERY_KEY_MALFORMED, expected=LENGTH)
    number = 0
    for ch in chars:
        number = (number << 5) | _VALUE[ch]
    raw = number.to_bytes(KEY_BYTES + CHECK_BYTES, "big")
    secret, check = raw[:KEY_BYTES], raw[KEY_BYTES:]
    if check != _check(secret):
        raise EncryptionError(ErrorCode.ENCRYPTION_RECOVERY_KEY_TYPO)
    return X25519PrivateKey.from_private_bytes(secret)


def parse_for(text: str, practice_public: X25519PublicKey) -> X25519PrivateKey:
    """As parse, and the key must be this practice's: ENCRYPTION_RECOVERY_KEY_OTHER for a
    well-typed sheet of another (or an earlier) practice server."""
    key = parse(text)
    if public_bytes(key.public_key()) != public_bytes(practice_public):
        raise EncryptionError(ErrorCode.ENCRYPTION_RECOVERY_KEY_OTHER)
    return key
