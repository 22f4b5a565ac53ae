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
from clarity_desktop.store.postgres import emergency_key, emergency_trust, keytables, rotation
from clarity_desktop.store.postgres.encryption import blind, wrapping
from clarity_desktop.store.postgres.encryption.values import (
    KEY_BYTES,
    DataKey,
    EncryptionError,
    KeyRing,
)
from clarity_desktop.store.postgres.keytables import StoredWrap
from clarity_desktop.store.postgres.pins import Pins
from clarity_desktop.store.postgres.rotation import Rotated

INFO_KEY = "clarity.keychain"  # where a session's info holds the keychain
CASE: wrapping.Scope = "case"
EMERGENCY: wrapping.Scope = "emergency"
DIRECTORY: wrapping.Scope = "directory"
# The parents whose case the program asks the server for (their case_id column).
CASE_TABLES = frozenset({"sessions", "notes", "treatment_plans", "plan_goals"})


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
        pins: Pins | None = None,
    ) -> None:
        self.user_id = user_id
        self.pins = pins or Pins(None)  # keys this workstation saw first (pins.py)
        self.box = box  # None until the person's first own password (their first sign-in)
        self._recovery = recovery
        self.emergency = emergency  # the practice emergency key's public half, once made
        self._rings: dict[int, KeyRing] = {}
        self._note_case: dict[int, int] = {}
        self._directory: KeyRing | None = None
        self._row_case: dict[tuple[str, int], int] = {}
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

    def ring_to_write(self, conn: Connection, case_id: int) -> tuple[KeyRing, Rotated | None]:
        """The ring a write into *case_id* uses: rotated first if someone who held the key
        has left (rotation.py), refreshed if another holder rotated it since."""

        def mine(fresh: bool) -> KeyRing:
            return self.ring(conn, case_id, fresh=fresh)

        ring, rotated = rotation.ring_to_write(conn, CASE, case_id, mine, self.pins)
        if rotated is not None:
            with self._lock:
                self._rings[case_id] = ring
        return ring, rotated

    def _in_emergency(self, conn: Connection, case_id: int, box: X25519PrivateKey) -> list[DataKey]:
        """A supervisor with a live emergency grant for the case, who holds the practice
        emergency key, opens the case's key through it (the lead's answer 3); anyone else
        is told the key is not held."""
        held = emergency_key.private_half(conn, emergency_key.Holder(self.user_id, box, self.pins))
        stored = keytables.emergency_wraps(conn, case_id) if held is not None else []
        if held is None or not stored:
            raise EncryptionError(ErrorCode.ENCRYPTION_KEY_NOT_HELD, generation=1)
        emergency = held[1]
        return [
            DataKey(
                s.generation,
                wrapping.unwrap_key(
                    s.wrapped, emergency, wrapping.Wrap(CASE, case_id, s.generation, EMERGENCY)
                ),
            )
            for s in stored
        ]

    def holder(self) -> emergency_key.Holder:
        """This person as one who makes, renews or shares the practice emergency key."""
        return emergency_key.Holder(self.user_id, self._my_box(), self.pins)

    def make_emergency(self, conn: Connection) -> bool:
        """The practice emergency key pair, made by a supervisor's program when the practice
        has none live (emergency_key.make). False when another program was first."""
        made = emergency_key.make(conn, self.holder())
        self.emergency = None if made is None else made.public
        return made is not None

    def renew_emergency(self, conn: Connection) -> tuple[int, int] | None:
        """The emergency key renewed when a holder left (emergency_key.rotate_if_due):
        (case wraps re-made, holders given the new key), or None when nothing was due."""
        done = emergency_key.rotate_if_due(conn, self.holder())
        if done is None:
            return None
        key, rewrapped, given = done
        self.emergency = key.public
        return rewrapped, given

    def share_emergency(self, conn: Connection, reader: int, to: X25519PublicKey) -> None:
        """The practice emergency key's private half wrapped for a further supervisor,
        whose certificate the caller checked (key_sharing.share): approved like a case
        key, because it opens every case in an emergency."""
        held = emergency_key.private_half(conn, self.holder())
        if held is None:
            raise EncryptionError(ErrorCode.ENCRYPTION_NOTHING_TO_SHARE, case=0)
        generation, private = held
        secret = wrapping.private_bytes(private)
        label = f"user:{reader}"
        sealed = wrapping.wrap_key(secret, to, wrapping.Wrap(EMERGENCY, 0, generation, label))
        stored = StoredWrap(EMERGENCY, 0, generation, label, sealed)
        keytables.add_wraps(conn, [(stored, reader)])

    def fill_emergency(self, conn: Connection) -> int:
        """Each generation of each case key this person holds, wrapped for the practice
        emergency key where that wrap is missing (cases made before the key existed, or
        by a program that did not know of it yet); how many were added.

        No prompt, unlike sharing with a person: the emergency wrap gives nobody a key
        they did not have. It opens only with the emergency key, which only supervisors
        hold (each approved by a holder), and row security shows it only to one with a
        live emergency grant for the case: the practice's emergency policy (the lead's
        answer 3), which every case made since the key existed follows already."""
        current = emergency_trust.trusted(conn, self.pins)  # made or renewed since sign-in?
        self.emergency = None if current is None else current.public
        if current is None or self.box is None:
            return 0
        to = current.box
        missing = keytables.emergency_gaps(conn)
        made: list[tuple[StoredWrap, int | None]] = []
        for case_id, generation in missing:
            try:
                key = self.ring(conn, case_id).keys.get(generation) or self.ring(
                    conn, case_id, fresh=True
                ).keys.get(generation)
            except EncryptionError:
                continue  # a wrap that does not open: left for a holder whose does
            if key is not None:
                made.append((self._wrap(key, case_id, keytables.EMERGENCY, to), None))
        keytables.add_wraps(conn, made, skip_existing=True)
        return len(made)

    # The directory key: who the clients are ----------------------------------------------

    def directory(self, conn: Connection, *, fresh: bool = False) -> KeyRing:
        """Every generation of the practice's directory key wrapped for this person;
        KEY_NOT_HELD until a holder shared it (or this program made it)."""
        with self._lock:
            held = self._directory
        if held is not None and not fresh:
            return held
        box = self._my_box()
        keys = [
            DataKey(
                s.generation,
                wrapping.unwrap_key(
                    s.wrapped, box, wrapping.Wrap(DIRECTORY, 0, s.generation, self.label)
                ),
            )
            for s in keytables.my_wraps(conn, DIRECTORY, [0])
        ]
        if not keys:
            raise EncryptionError(ErrorCode.ENCRYPTION_KEY_NOT_HELD, generation=1)
        ring = KeyRing.of(*keys)
        with self._lock:
            self._directory = ring
        return ring

    def directory_to_write(self, conn: Connection) -> tuple[KeyRing, Rotated | None]:
        """The directory ring a write of a name uses: rotated first if someone who held it
        has left (rotation.py, as for a case key), refreshed if another holder rotated."""

        def mine(fresh: bool) -> KeyRing:
            return self.directory(conn, fresh=fresh)

        ring, rotated = rotation.ring_to_write(conn, DIRECTORY, 0, mine, self.pins)
        if rotated is not None:
            with self._lock:
                self._directory = ring
        return ring, rotated

    def make_directory(self, conn: Connection) -> bool:
        """Generation 1 of the practice's directory key, made by the first staff member's
        program that has a key pair of its own and finds none: wrapped for this person and
        the recovery key. False when the practice has one already."""
        box = self._my_box()
        if self._recovery is None or keytables.directory_made(conn):
            return False
        key = DataKey.new(1)
        recovery = X25519PublicKey.from_public_bytes(self._recovery)
        made = [
            (self._wrap(key, 0, self.label, box.public_key(), DIRECTORY), self.user_id),
            (self._wrap(key, 0, keytables.RECOVERY, recovery, DIRECTORY), None),
        ]
        keytables.add_wraps(conn, made)  # the recovery wrap's key makes a second maker fail
        with self._lock:
            self._directory = KeyRing.of(key)
        return True

    def forget_directory(self) -> None:
        """A directory key made in a transaction that rolled back."""
        with self._lock:
            self._directory = None

    def new_case(self, conn: Connection, case_id: int) -> list[tuple[StoredWrap, int | None]]:
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
        # A supervisor in an emergency reads it at once: for the key live now (renewed
        # since this program signed in, perhaps), never a retired one.
        current = emergency_trust.trusted(conn, self.pins)
        if current is not None:
            made.append((self._wrap(key, case_id, keytables.EMERGENCY, current.box), None))
        return made

    def forget(self, case_ids: list[int]) -> None:
        """Keys made in a transaction that rolled back: never stored, so never to be used."""
        with self._lock:
            for case_id in case_ids:
                self._rings.pop(case_id, None)

    @staticmethod
    def _wrap(
        key: DataKey,
        owner: int,
        label: str,
        to: X25519PublicKey,
        scope: wrapping.Scope = CASE,
    ) -> StoredWrap:
        what = wrapping.Wrap(scope, owner, key.generation, label)
        return StoredWrap(
            scope, owner, key.generation, label, wrapping.wrap_key(key.secret, to, what)
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

    # Which case a row is in -------------------------------------------------------------

    def case_of_note(self, conn: Connection, note_id: int) -> int:
        return self.case_of_row(conn, "notes", note_id)

    def case_of_row(self, conn: Connection, table: str, row_id: int) -> int:
        """The case of row *row_id* of *table* (sessions, notes, treatment_plans,
        plan_goals: each has case_id on the server, case_keys.py). A miss learns every row
        of that table in that case at once: opening a case reads its notes one after another."""
        if table not in CASE_TABLES:
            raise ValueError(f"{table} carries no case_id on the server")
        with self._lock:
            known = self._row_case.get((table, row_id))
        if known is not None:
            return known
        found = conn.execute(
            text(
                f"SELECT id, case_id FROM {table} WHERE case_id = "
                f"(SELECT case_id FROM {table} WHERE id = :n)"
            ),
            {"n": row_id},
        ).all()
        with self._lock:
            self._row_case.update({(table, int(r[0])): int(r[1]) for r in found})
            known = self._row_case.get((table, row_id))
        if known is None:
            raise EncryptionError(ErrorCode.ENCRYPTION_KEY_NOT_HELD, generation=1)
        return known

    def learn_note(self, note_id: int, case_id: int) -> None:
        self.learn("notes", note_id, case_id)

    def learn(self, table: str, row_id: int, case_id: int) -> None:
        """A row this program has just made, so nobody need ask the server its case."""
        with self._lock:
            self._row_case[(table, row_id)] = case_id
