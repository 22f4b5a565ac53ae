"""The practice key file: a random database key wrapped by the passphrase and the recovery key.

Design: the SQLCipher database is keyed with a random 256-bit key that never changes.
That key is stored wrapped, once per unlocking secret (passphrase, recovery key). A
wrapping key comes from Argon2id over the secret and a fresh random salt; its first 32
bytes are XORed with the database key and the next 32 authenticate the result with
HMAC-SHA256. Because the wrapped value is uniformly random and each derived key wraps
exactly one value once (a new salt on every change), the XOR is a one-time pad; the HMAC
tells a wrong secret from a right one without touching the database. Changing the
passphrase rewrites this small file only; the database is never re-encrypted.
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


class WrongSecret(Exception):
    """The passphrase or recovery key does not unwrap the database key."""


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    if not isinstance(text, str):
        raise TypeError("expected base64 text")
    return base64.b64decode(text.encode("ascii"), validate=True)


def _derive(secret: str, salt: bytes, params: KdfParams) -> bytes:
    return hash_secret_raw(
        secret.encode("utf-8"),
        salt,
        time_cost=params.time_cost,
        memory_cost=params.memory_kib,
        parallelism=params.parallelism,
        hash_len=64,
        type=Type.ID,
    )


def wrap(db_key: bytes | bytearray, secret: str, params: KdfParams) -> dict[str, Any]:
    salt = secrets.token_bytes(16)
    derived = _derive(secret, salt, params)
    wrapped = bytes(a ^ b for a, b in zip(db_key, derived[:KEY_BYTES], strict=True))
    tag = hmac.new(derived[KEY_BYTES:], wrapped, hashlib.sha256).digest()
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
        if len(wrapped) != KEY_BYTES or len(tag) != hashlib.sha256().digest_size:
            raise ValueError("wrapped key or tag has the wrong length")
        # Argon2 refuses damaged parameters (a short salt, a zero cost): damage, not a wrong secret.
        derived = _derive(secret, salt, params)
    except (KeyError, TypeError, ValueError, OverflowError, HashingError) as exc:
        raise KeyFileError("The practice key file is damaged.") from exc
    expected = hmac.new(derived[KEY_BYTES:], wrapped, hashlib.sha256).digest()
    if not hmac.compare_digest(expected, tag):
        raise WrongSecret
    return bytes(a ^ b for a, b in zip(wrapped, derived[:KEY_BYTES], strict=True))


def new_recovery_key() -> str:
    """24 characters in six groups, from an alphabet without look-alike letters."""
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    raw = "".join(secrets.choice(alphabet) for _ in range(24))
    return "-".join(raw[i : i + 4] for i in range(0, 24, 4))


def normalise_recovery_key(text: str) -> str:
    raw = "".join(ch for ch in text.upper() if ch.isalnum())
    return "-".join(raw[i : i + 4] for i in range(0, len(raw), 4))


@dataclass(frozen=True)
class KeyFile:
    practice_id: str
    passphrase: dict[str, Any]
    recovery: dict[str, Any]

    def to_json(self) -> str:
        return json.dumps(
            {
                "format": FORMAT,
                "version": VERSION,
                "practice_id": self.practice_id,
                "passphrase": self.passphrase,
                "recovery": self.recovery,
            },
            indent=2,
        )

    @staticmethod
    def read(path: Path) -> KeyFile:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise KeyFileError("The practice key file is damaged.") from exc
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise KeyFileError("This is not a Clarity practice key file.")
        if data.get("version") != VERSION:
            raise KeyFileError("This practice key file was made by a newer Clarity Desktop.")
        try:
            return KeyFile(
                str(data["practice_id"]), dict(data["passphrase"]), dict(data["recovery"])
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise KeyFileError("The practice key file is damaged.") from exc

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
