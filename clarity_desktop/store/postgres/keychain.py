"""What one signed-in person's program holds to read and write a practice server's text:
their own encryption key (unwrapped from their password at sign-in), the case keys it has
opened with it, and which case each note belongs to (a value names its key's generation
but not its case, so the program must know the case to pick the key).

One keychain per open practice, shared by its units of work (each action's session finds
it in Session.info, put there by the PostgresBackend). It never leaves the program.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from sqlalchemy import Connection, text

from clarity_desktop.domain.errors import ErrorCode
from clarity_desktop.store.postgres import keytables
from clarity_desktop.store.postgres.encryption import blind, wrapping
from clarity_desktop.store.postgres.encryption.values import (
    KEY_BYTES,
    DataKey,
    EncryptionError,
    KeyRing,
)
from clarity_desktop.store.postgres.keytables import StoredWrap

INFO_KEY = "clarity.keychain"  # where a session's info holds the keychain
CASE: wrapping.Scope = "case"
EMERGENCY: wrapping.Scope = "emergency"


def search_key(case_id: int, key: DataKey) -> blind.SearchKey:
    """The case's search key for one generation: HKDF of the case key under a label of its
    own, so a token says nothing across cases (the lead's answer 2)."""
    label = f"clarity-search-key:{case_id}:{key.generation}".encode()
    return blind.SearchKey(HKDF(hashes.SHA256(), KEY_BYTES, None, label).derive(key.secret))


class Keychain:
    def __init__(
        self,
        user_id: int,
        box: X25519PrivateKey | None,
        recovery: bytes | None,
        emergency: bytes | None = None,
    ) -> None:
        self.user_id = user_id
        self.box = box  # None until the person's first own password (their first sign-in)
        self._recovery = recovery
        self.emergency = emergency  # the practice emergency key's public half, once made
        self._rings: dict[int, KeyRing] = {}
        self._note_case: dict[int, int] = {}
        self._lock = threading.Lock()  # units of work on worker threads share the keychain

    @property
    def label(self) -> str:
        return f"user:{self.user_id}"

    def _my_box(self) -> X25519PrivateKey:
        if self.box is None:
            raise EncryptionError(ErrorCode.ENCRYPTION_FIRST_PASSWORD)
        return self.box

    # Case keys ------------------------------------------------------------------------

    def ring(self, conn: Connection, case_id: int, *, fresh: bool = False) -> KeyRing:
        """Every generation of *case_id*'s key wrapped for this person; KEY_NOT_HELD when
        none is (the case was never shared with them). *fresh*: ask the server again
        (a value of a newer generation than the ring holds)."""
        with self._lock:
            held = self._rings.get(case_id)
        if held is not None and not fresh:
            return held
        return self._opened(conn, case_id, keytables.my_wraps(conn, CASE, [case_id]))

    def _opened(self, conn: Connection, case_id: int, stored: list[StoredWrap]) -> KeyRing:
        """*case_id*'s ring from its wraps for this person (or, with none, through the
        emergency key), remembered."""
        box = self._my_box()
        keys = []
        for wrap in stored:
            what = wrapping.Wrap(CASE, case_id, wrap.generation, self.label)
            secret = wrapping.unwrap_key(wrap.wrapped, box, what)
            keys.append(DataKey(wrap.generation, secret))
        if not keys:
            keys = self._in_emergency(conn, case_id, box)
        ring = KeyRing.of(*keys)
        with self._lock:
            self._rings[case_id] = ring
        return ring

    def _in_emergency(self, conn: Connection, case_id: int, box: X25519PrivateKey) -> list[DataKey]:
        """A supervisor with a live emergency grant for the case, who holds the practice
        emergency key, opens the case's key through it (the lead's answer 3); anyone else
        is told the key is not held."""
        mine = keytables.my_emergency_wrap(conn)
        stored = keytables.emergency_wraps(conn, case_id) if mine is not None else []
        if mine is None or not stored:
            raise EncryptionError(ErrorCode.ENCRYPTION_KEY_NOT_HELD, generation=1)
        secret = wrapping.unwrap_key(mine, box, wrapping.Wrap(EMERGENCY, 0, 1, self.label))
        emergency = X25519PrivateKey.from_private_bytes(secret)
        return [
            DataKey(
                s.generation,
                wrapping.unwrap_key(
                    s.wrapped, emergency, wrapping.Wrap(CASE, case_id, s.generation, EMERGENCY)
                ),
            )
            for s in stored
        ]

    def make_emergency(self, conn: Connection) -> bool:
        """The practice emergency key pair, made by the first supervisor's program: its
        public half on the server, its private half wrapped for this supervisor alone.
        False when the practice has one already (another supervisor's program was first)."""
        box = self._my_box()
        pair = wrapping.new_key_pair()
        public = wrapping.public_bytes(pair.public_key())
        if not keytables.add_practice_key(conn, keytables.EMERGENCY, public):
            self.emergency = keytables.practice_key(conn, keytables.EMERGENCY)
            return False
        what = wrapping.Wrap(EMERGENCY, 0, 1, self.label)
        sealed = wrapping.wrap_key(wrapping.private_bytes(pair), box.public_key(), what)
        keytables.add_wraps(conn, [(StoredWrap(EMERGENCY, 0, 1, self.label, sealed), self.user_id)])
        self.emergency = public
        return True

    def new_case(self, case_id: int) -> list[tuple[StoredWrap, int | None]]:
        """Generation 1 of a new case's key, held from now on, and its wraps for this
        person, the recovery key and (once made) the emergency key, to be stored once the
        case row exists."""
        box = self._my_box()
        if self._recovery is None:
            raise EncryptionError(ErrorCode.ENCRYPTION_KEY_NOT_HELD, generation=1)
        key = DataKey.new(1)
        with self._lock:
            self._rings[case_id] = KeyRing.of(key)
        recovery = X25519PublicKey.from_public_bytes(self._recovery)
        made = [
            (self._wrap(key, case_id, self.label, box.public_key()), self.user_id),
            (self._wrap(key, case_id, keytables.RECOVERY, recovery), None),
        ]
        if self.emergency is not None:  # a supervisor in an emergency reads it at once
            emergency = X25519PublicKey.from_public_bytes(self.emergency)
            made.append((self._wrap(key, case_id, keytables.EMERGENCY, emergency), None))
        return made

    def forget(self, case_ids: list[int]) -> None:
        """Keys made in a transaction that rolled back: never stored, so never to be used."""
        with self._lock:
            for case_id in case_ids:
                self._rings.pop(case_id, None)

    @staticmethod
    def _wrap(key: DataKey, case_id: int, label: str, to: X25519PublicKey) -> StoredWrap:
        what = wrapping.Wrap(CASE, case_id, key.generation, label)
        return StoredWrap(
            CASE, case_id, key.generation, label, wrapping.wrap_key(key.secret, to, what)
        )

    def readable_cases(self, conn: Connection) -> Mapping[int, KeyRing]:
        """Every case whose key this person holds, opened (for a search across cases).
        The wraps not opened yet come in one query, not one per case: a clinician's first
        search after signing in opens hundreds of case keys. A wrap that does not open
        leaves its case out rather than stopping the search."""
        owners = keytables.my_case_owners(conn)
        with self._lock:
            held = {c: self._rings[c] for c in owners if c in self._rings}
        waiting: dict[int, list[StoredWrap]] = {c: [] for c in owners if c not in held}
        for wrap in keytables.my_wraps(conn, CASE, waiting):
            waiting[wrap.owner].append(wrap)
        out: dict[int, KeyRing] = {}
        for case_id in owners:
            ring = held.get(case_id)
            try:
                out[case_id] = (
                    ring if ring is not None else self._opened(conn, case_id, waiting[case_id])
                )
            except EncryptionError:
                continue
        return out

    # Which case a note is in ------------------------------------------------------------

    def case_of_note(self, conn: Connection, note_id: int) -> int:
        """From the server's own column (case_keys.py). A miss learns every note of that
        case at once: opening a case reads its notes one after another."""
        with self._lock:
            known = self._note_case.get(note_id)
        if known is not None:
            return known
        found = conn.execute(
            text(
                "SELECT id, case_id FROM notes WHERE case_id = "
                "(SELECT case_id FROM notes WHERE id = :n)"
            ),
            {"n": note_id},
        ).all()
        with self._lock:
            self._note_case.update({int(r[0]): int(r[1]) for r in found})
            known = self._note_case.get(note_id)
        if known is None:
            raise EncryptionError(ErrorCode.ENCRYPTION_KEY_NOT_HELD, generation=1)
        return known

    def learn_note(self, note_id: int, case_id: int) -> None:
        with self._lock:
            self._note_case[note_id] = case_id
