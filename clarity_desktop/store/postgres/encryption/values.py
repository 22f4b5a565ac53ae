"""One encrypted value: AES-256-GCM under a case (or directory) key, bound to its place.

The text form is "c1." + URL-safe base64 (no padding) of
    version (1 byte) | generation (4 bytes, big-endian) | nonce (12) | ciphertext + tag (16).
The associated data is the version and generation bytes followed by the place, as
canonical JSON: ["clarity-value", table, row key, column, row_version]. The header is
inside the associated data, so a generation edited on the server fails like any other
change; the place is not stored (the reader knows which row and column it asked for).
"""

from __future__ import annotations

import base64
import binascii
import json
import secrets
import struct
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from clarity_desktop.domain.errors import ClarityError, ErrorCode

VERSION = 1
PREFIX = "c1."
KEY_BYTES = 32
NONCE_BYTES = 12
TAG_BYTES = 16
_HEADER = struct.Struct(">BI")  # version, generation
OVERHEAD = _HEADER.size + NONCE_BYTES + TAG_BYTES

RowKey = tuple[int | str, ...]


class EncryptionError(ClarityError):
    """A value or key that does not open: tampered, malformed, or not ours to open."""


@dataclass(frozen=True)
class Place:
    """Where a value lives: what its associated data binds it to. *row* is the primary
    key's values in the table's order; *version* the row_version the row has (or is about
    to get) when the value is written, 0 for tables without one."""

    table: str
    row: RowKey
    column: str
    version: int

    def associated(self, header: bytes) -> bytes:
        place = ["clarity-value", self.table, list(self.row), self.column, self.version]
        return header + json.dumps(place, separators=(",", ":"), ensure_ascii=True).encode()

    def params(self) -> dict[str, object]:
        row = "/".join(str(part) for part in self.row)
        return {"table": self.table, "column": self.column, "row": row}


@dataclass(frozen=True)
class DataKey:
    """One generation of a case's (or the practice directory's) key."""

    generation: int
    secret: bytes = field(repr=False)

    def __post_init__(self) -> None:
        if len(self.secret) != KEY_BYTES or not 1 <= self.generation < 2**32:
            raise ValueError("a data key is 32 bytes with a generation from 1")

    @staticmethod
    def new(generation: int = 1) -> DataKey:
        return DataKey(generation, secrets.token_bytes(KEY_BYTES))

    @cached_property
    def aead(self) -> AESGCM:
        """Made once per key: opening a case decrypts a hundred values with it."""
        return AESGCM(self.secret)


@dataclass(frozen=True)
class KeyRing:
    """The generations of one case's key this program holds; new values use the newest."""

    keys: Mapping[int, DataKey]

    @staticmethod
    def of(*keys: DataKey) -> KeyRing:
        return KeyRing({k.generation: k for k in keys})

    @property
    def newest(self) -> DataKey:
        if not self.keys:
            raise EncryptionError(ErrorCode.ENCRYPTION_KEY_NOT_HELD)
        return self.keys[max(self.keys)]

    def rotated(self) -> tuple[KeyRing, DataKey]:
        """A new generation after someone left: the new key, and a ring holding it too."""
        key = DataKey.new(max(self.keys, default=0) + 1)
        return KeyRing({**self.keys, key.generation: key}), key


def encrypt_bytes(plain: bytes, key: DataKey, place: Place) -> bytes:
    header = _HEADER.pack(VERSION, key.generation)
    nonce = secrets.token_bytes(NONCE_BYTES)
    return header + nonce + key.aead.encrypt(nonce, plain, place.associated(header))


def decrypt_bytes(sealed: bytes, ring: KeyRing, place: Place) -> bytes:
    if len(sealed) < OVERHEAD:
        raise EncryptionError(ErrorCode.ENCRYPTION_VALUE_MALFORMED, **place.params())
    header = sealed[: _HEADER.size]
    version, generation = _HEADER.unpack(header)
    if version != VERSION:
        raise EncryptionError(ErrorCode.ENCRYPTION_VALUE_MALFORMED, **place.params())
    key = ring.keys.get(generation)
    if key is None:
        # A generation we were never given, or one the server made up: either way the
        # text stays closed; a real one arrives with the next wrap for us.
        raise EncryptionError(ErrorCode.ENCRYPTION_KEY_NOT_HELD, generation=generation)
    nonce = sealed[_HEADER.size : _HEADER.size + NONCE_BYTES]
    body = sealed[_HEADER.size + NONCE_BYTES :]
    try:
        return key.aead.decrypt(nonce, body, place.associated(header))
    except InvalidTag as exc:
        raise EncryptionError(ErrorCode.ENCRYPTION_VALUE_TAMPERED, **place.params()) from exc


def encrypt(plain: str, key: DataKey, place: Place) -> str:
    """*plain* (any text, the empty string too: every value in an encrypted column is
    encrypted, so emptiness is not told apart from a short text by form) as stored text."""
    sealed = encrypt_bytes(plain.encode("utf-8"), key, place)
    return PREFIX + base64.urlsafe_b64encode(sealed).rstrip(b"=").decode("ascii")


def decrypt(stored: str, ring: KeyRing, place: Place) -> str:
    if not isinstance(stored, str) or not stored.startswith(PREFIX):
        raise EncryptionError(ErrorCode.ENCRYPTION_VALUE_MALFORMED, **place.params())
    body = stored[len(PREFIX) :]
    try:
        sealed = base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))
    except (binascii.Error, ValueError) as exc:
        raise EncryptionError(ErrorCode.ENCRYPTION_VALUE_MALFORMED, **place.params()) from exc
    plain = decrypt_bytes(sealed, ring, place)
    try:
        return plain.decode("utf-8")
    except UnicodeDecodeError as exc:  # authenticated, so ours: a bug, not the server
        raise EncryptionError(ErrorCode.ENCRYPTION_VALUE_MALFORMED, **place.params()) from exc


def encrypt_json(value: object, key: DataKey, place: Place) -> str:
    """A JSON column's value (sections, answers, interventions), stored as one string."""
    return encrypt(json.dumps(value, sort_keys=True, ensure_ascii=False), key, place)


def decrypt_json(stored: str, ring: KeyRing, place: Place) -> object:
    return json.loads(decrypt(stored, ring, place))


def is_encrypted(stored: object) -> bool:
    """Whether a stored value has our form (for a check that no column holds plain text)."""
    return isinstance(stored, str) and stored.startswith(PREFIX)
