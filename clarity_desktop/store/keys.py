"""The practice key file: a random database key wrapped by the passphrase and the recovery key.

Design: the SQLCipher database is keyed with a random 256-bit key that never changes.
That key is stored wrapped, once per unlocking secret (passphrase, recovery key). A
wrapping key comes from Argon2id over the secret and a fresh random salt; its first bytes
are XORed with the payload and the last 32 authenticate the result with HMAC-SHA256.
Because the wrapped value is uniformly random and each derived key wraps exactly one value
once (a new salt on every change), the XOR is a one-time pad; the HMAC tells a wrong secret
from a right one without touching the database. Changing the passphrase rewrites this
small file only; the database is never re-encrypted.

The payload is the database key, followed (from format 1 with a signer) by the 32-byte
seed of the clinician's Ed25519 signing key: it seals what is signed (store/seals.py), so
whoever holds the database key alone cannot forge a signature. One Argon2 run unwraps both.

A checksum over the whole file tells a damaged key file (a flipped byte) from a wrong
passphrase, which the HMAC alone cannot.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from argon2.exceptions import HashingError
from argon2.low_level import Type, hash_secret_raw

FORMAT = "clarity-practice-key"
VERSION = 1
KEY_BYTES = 32


@dataclass(frozen=True)
class KdfParams:
    time_cost: int = 3
    memory_kib: int = 64 * 1024
    parallelism: int = 2


# The most a key file may ask for; far above what we write, far below a denial of service.
MAX_KDF = KdfParams(time_cost=64, memory_kib=2 * 1024 * 1024, parallelism=16)

# Tests lower this (see tests/conftest.py); the values used are stored in the key file.
DEFAULT_KDF = KdfParams()


class KeyFileError(Exception):
    """The key file is missing, unreadable or not ours."""


class KeyFileDamaged(KeyFileError):
    """The key file is ours but some of its bytes changed."""


class WrongSecret(Exception):
    """The passphrase or recovery key does not unwrap the database key."""


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    if not isinstance(text, str):
        raise TypeError("expected base64 text")
    return base64.b64decode(text.encode("ascii"), validate=True)


def _derive_for(secret: str, salt: bytes, params: KdfParams, payload_len: int) -> bytes:
    return hash_secret_raw(
        secret.encode("utf-8"),
        salt,
        time_cost=params.time_cost,
        memory_cost=params.memory_kib,
        parallelism=params.parallelism,
        hash_len=payload_len + MAC_BYTES,
        type=Type.ID,
    )


MAC_BYTES = 32
PAYLOAD_LENGTHS = (KEY_BYTES, 2 * KEY_BYTES)  # the database key, or key and signer seed


def wrap(payload: bytes | bytearray, secret: str, params: KdfParams) -> dict[str, Any]:
    if len(payload) not in PAYLOAD_LENGTHS:
        raise ValueError("a key file wraps a database key, or one and a signing seed")
    salt = secrets.token_bytes(16)
    derived = _derive_for(secret, salt, params, len(payload))
    n = len(payload)
    wrapped = bytes(a ^ b for a, b in zip(payload, derived[:n], strict=True))
    tag = hmac.new(derived[n:], wrapped, hashlib.sha256).digest()
    return {
        "kdf": "argon2id",
        "time_cost": params.time_cost,
        "memory_kib": params.memory_kib,
        "parallelism": params.parallelism,
        "salt": _b64(salt),
        "wrapped": _b64(wrapped),
        "tag": _b64(tag),
    }


def unwrap(entry: dict[str, Any], secret: str) -> bytes:
    try:
        params = KdfParams(
            int(entry["time_cost"]), int(entry["memory_kib"]), int(entry["parallelism"])
        )
        if not (
            1 <= params.time_cost <= MAX_KDF.time_cost
            and 8 <= params.memory_kib <= MAX_KDF.memory_kib
            and 1 <= params.parallelism <= MAX_KDF.parallelism
        ):
            # An edited file must not make unlocking hang or exhaust memory.
            raise ValueError("key derivation cost out of range")
        salt, wrapped, tag = _unb64(entry["salt"]), _unb64(entry["wrapped"]), _unb64(entry["tag"])
        if len(wrapped) not in PAYLOAD_LENGTHS or len(tag) != hashlib.sha256().digest_size:
            raise ValueError("wrapped key or tag has the wrong length")
        # Argon2 refuses damaged parameters (a short salt, a zero cost): damage, not a wrong secret.
        n = len(wrapped)
        derived = _derive_for(secret, salt, params, n)
    except (KeyError, TypeError, ValueError, OverflowError, HashingError) as exc:
        raise KeyFileDamaged("The practice key file is damaged.") from exc
    expected = hmac.new(derived[n:], wrapped, hashlib.sha256).digest()
    if not hmac.compare_digest(expected, tag):
        raise WrongSecret
    return bytes(a ^ b for a, b in zip(wrapped, derived[:n], strict=True))


def new_recovery_key() -> str:
    """24 characters in six groups, from an alphabet without look-alike letters."""
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    raw = "".join(secrets.choice(alphabet) for _ in range(24))
    return "-".join(raw[i : i + 4] for i in range(0, 24, 4))


def normalise_recovery_key(text: str) -> str:
    raw = "".join(ch for ch in text.upper() if ch.isalnum())
    return "-".join(raw[i : i + 4] for i in range(0, len(raw), 4))


def _checksum(body: dict[str, Any]) -> str:
    canonical = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=True)
    return hashlib.sha256(canonical.encode("ascii")).hexdigest()


@dataclass(frozen=True)
class KeyFile:
    practice_id: str
    passphrase: dict[str, Any]
    recovery: dict[str, Any]
    # Hex of the current signer's public key (for reading seals when only the recovery
    # key of an older practice is at hand) and earlier signers' keys, each vouched for by
    # the current signer (store/seals.py).
    signer_public: str = ""
    former_signers: tuple[dict[str, str], ...] = ()
    legacy_sealed: bool = False  # signed records from before seals have been sealed
    # The database file's salt (its first 16 bytes, in hex): when no page decrypts, it tells
    # a key file from another practice from a database whose first bytes are damaged.
    db_salt: str = ""
    anchored: bool = False  # an anchor has been written: from then on one must be there
    # The user (users.id) whose passphrase wraps the signing key: seals made with it name
    # this user. Key files from before identity (revision 0008) belong to user 1, the
    # practice's clinician.
    signer_user: int = 1

    def body(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "version": VERSION,
            "practice_id": self.practice_id,
            "passphrase": self.passphrase,
            "recovery": self.recovery,
            "signer_public": self.signer_public,
            "former_signers": list(self.former_signers),
            "legacy_sealed": self.legacy_sealed,
            "db_salt": self.db_salt,
            "anchored": self.anchored,
            "signer_user": self.signer_user,
        }

    def to_json(self) -> str:
        body = self.body()
        return json.dumps({**body, "checksum": _checksum(body)}, indent=2)

    @staticmethod
    def read(path: Path) -> KeyFile:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise KeyFileDamaged("The practice key file is damaged.") from exc
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise KeyFileError("This is not a Clarity practice key file.")
        if data.get("version") != VERSION:
            raise KeyFileError("This practice key file was made by a newer Clarity Desktop.")
        if "checksum" in data:
            stored = data.pop("checksum")
            if stored != _checksum(data):
                raise KeyFileDamaged("its checksum does not match its contents")
        try:
            return KeyFile(
                str(data["practice_id"]),
                dict(data["passphrase"]),
                dict(data["recovery"]),
                str(data.get("signer_public", "")),
                tuple(
                    {"public": str(f["public"]), "vouch": str(f["vouch"])}
                    for f in data.get("former_signers", [])
                ),
                bool(data.get("legacy_sealed", False)),
                str(data.get("db_salt", "")),
                bool(data.get("anchored", False)),
                int(data.get("signer_user", 1)),
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise KeyFileDamaged("The practice key file is damaged.") from exc

    def write_atomically(self, path: Path) -> None:
        """Write beside, fsync, then rename over: a crash leaves the old or the new file whole."""
        tmp = path.with_name(path.name + ".tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(self.to_json())
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, path)
        finally:
            if tmp.exists():
                tmp.unlink()
