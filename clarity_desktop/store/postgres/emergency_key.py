"""The practice emergency key over its life: made, vouched for, and renewed when a
supervisor who held it leaves.

The key opens every case's key in an emergency (keychain._in_emergency), so a supervisor
who leaves with a copy of its private half, and later lays hands on a pg_dump, must open
nothing written after. Disabling them (losing_access.leaving) does one of two things:

- Another live supervisor holds the key: it is marked due ('emergency', 0 in
  key_rotations). That supervisor's program, at its next sign-in, makes a new pair,
  re-wraps every case's emergency wrap for it (the program opens each with the old key:
  during a due rotation, and only then, a holder reads every case's emergency wrap,
  emergency_rewraps()), replaces the public half and deletes every wrap of the old
  private half, all in one transaction (rotate_emergency()); then wraps the new private
  half for itself and each remaining holder whose certificate holds, and marks every
  case due to rotate its own key, so what is written next is under a case key the leaver
  never had (rotation.py). Audited: key_rotated, entity "emergency", counts only.
- Nobody else holds it: nobody can re-wrap. The trigger deletes every case's emergency
  wrap, retires the key and marks every case due; the recovery sheet's holder makes the
  next generation with ``server recover-keys`` (recover_keys.py), wrapped for every live
  supervisor, and each case's holder wraps for it at their next sign-in
  (keychain.fill_emergency). Until then an emergency grant reads the locked sentence.

Which generation a workstation takes is emergency_trust.py's: one signed by the key it
replaces (its handover key, derived from the private half: only its holders can sign)
or by the recovery sheet, never by a person's signing key, which an administrator could
make for herself with an account of her own.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from sqlalchemy import Connection, text

from clarity_desktop.domain.identity import Role
from clarity_desktop.store.postgres import keytables, pins
from clarity_desktop.store.postgres.emergency_trust import (
    EmergencyKey,
    read,
    remember,
    trusted,
    vouch_for,
)
from clarity_desktop.store.postgres.encryption import wrapping
from clarity_desktop.store.postgres.encryption.values import EncryptionError
from clarity_desktop.store.postgres.keytables import EMERGENCY, StoredWrap
from clarity_desktop.store.postgres.pins import Pins
from clarity_desktop.store.postgres.roles import GROUP

SCOPE: wrapping.Scope = "emergency"  # the scope of the private half's wraps
_DEFINER = "SECURITY DEFINER SET search_path = clarity, pg_temp"
_DUE = "EXISTS (SELECT FROM key_rotations r WHERE r.scope = 'emergency' AND r.owner = 0)"

TABLES = (
    "ALTER TABLE practice_keys ADD COLUMN IF NOT EXISTS generation integer NOT NULL DEFAULT 1",
    "ALTER TABLE practice_keys ADD COLUMN IF NOT EXISTS vouched_by integer REFERENCES users(id)",
    "ALTER TABLE practice_keys ADD COLUMN IF NOT EXISTS vouch text",
    "ALTER TABLE practice_keys ADD COLUMN IF NOT EXISTS retired boolean NOT NULL DEFAULT false",
    # The public half of the key's own signing key (emergency_trust.py).
    "ALTER TABLE practice_keys ADD COLUMN IF NOT EXISTS handover text",
    "ALTER TABLE key_rotations DROP CONSTRAINT IF EXISTS key_rotations_scope_check",
    "ALTER TABLE key_rotations ADD CONSTRAINT key_rotations_scope_check "
    "CHECK (scope IN ('case', 'directory', 'emergency'))",
)


def functions() -> list[str]:
    supervisor = GROUP[Role.SUPERVISOR]
    return [
        # A supervisor's program makes the first generation, once: after a retirement
        # only the recovery sheet's holder makes the next (recover_keys.py).
        f"""CREATE FUNCTION make_emergency_key(p_public bytea, p_handover text)
RETURNS boolean LANGUAGE plpgsql VOLATILE {_DEFINER} AS $$
BEGIN
    IF me() IS NULL OR NOT is_supervisor(me()) THEN
        RETURN false;
    END IF;
    INSERT INTO practice_keys (name, public_key, generation, vouched_by, handover)
        VALUES ('{EMERGENCY}', p_public, 1, me(), p_handover) ON CONFLICT DO NOTHING;
    RETURN FOUND;
END $$""",
        # A key made before generations had handover keys: a holder publishes it once.
        f"""CREATE FUNCTION publish_handover(p_handover text) RETURNS boolean
LANGUAGE plpgsql VOLATILE {_DEFINER} AS $$
BEGIN
    IF NOT holds_emergency() THEN
        RETURN false;
    END IF;
    UPDATE practice_keys SET handover = p_handover
        WHERE name = '{EMERGENCY}' AND handover IS NULL AND NOT retired;
    RETURN FOUND;
END $$""",
        # Whether this holder's program must rotate now; waits for another holder's
        # rotation in progress, and then finds nothing due.
        f"""CREATE FUNCTION emergency_due() RETURNS boolean LANGUAGE plpgsql VOLATILE
{_DEFINER} AS $$
BEGIN
    IF NOT holds_emergency() THEN
        RETURN false;
    END IF;
    PERFORM FROM key_rotations r WHERE r.scope = 'emergency' AND r.owner = 0 FOR UPDATE;
    RETURN FOUND;
END $$""",
        f"""CREATE FUNCTION emergency_rewraps() RETURNS TABLE (owner integer,
    generation integer, wrapped bytea) LANGUAGE sql STABLE {_DEFINER} AS $$
    SELECT w.owner, w.generation, w.wrapped FROM key_wraps w
    WHERE w.scope = 'case' AND w.recipient = '{EMERGENCY}' AND holds_emergency() AND {_DUE}
    ORDER BY 1, 2
$$""",
        f"""CREATE FUNCTION rotate_emergency(p_old bytea, p_public bytea,
    p_generation integer, p_handover text, p_vouch text, p_owners integer[],
    p_generations integer[], p_wrapped bytea[]) RETURNS integer LANGUAGE plpgsql VOLATILE {_DEFINER} AS $$
DECLARE
    n integer;
BEGIN
    IF NOT holds_emergency() OR NOT {_DUE} THEN
        RETURN -1;
    END IF;
    UPDATE practice_keys SET public_key = p_public, generation = p_generation,
        handover = p_handover, vouched_by = me(), vouch = p_vouch,
        made_at = now() AT TIME ZONE 'utc'
        WHERE name = '{EMERGENCY}' AND NOT retired AND public_key = p_old
        AND generation + 1 = p_generation;
    IF NOT FOUND THEN
        RETURN -1;
    END IF;
    -- Each wrap for the old key becomes its re-wrap for the new one; a wrap made
    -- meanwhile for the old key and not re-wrapped is dropped (emergency_gaps refills it).
    WITH gone AS (DELETE FROM key_wraps w WHERE w.scope = 'case'
            AND w.recipient = '{EMERGENCY}' RETURNING w.owner, w.generation)
    INSERT INTO key_wraps (scope, owner, generation, recipient, user_id, wrapped, made_by)
        SELECT 'case', t.o, t.g, '{EMERGENCY}', NULL, t.x, me()
        FROM unnest(p_owners, p_generations, p_wrapped) AS t(o, g, x)
        JOIN gone ON gone.owner = t.o AND gone.generation = t.g;
    GET DIAGNOSTICS n = ROW_COUNT;
    DELETE FROM key_wraps WHERE scope = '{EMERGENCY}';
    DELETE FROM key_rotations WHERE scope = '{EMERGENCY}';
    -- Every case writes its next text under a case key the leaver never had.
    INSERT INTO key_rotations (scope, owner)
        SELECT DISTINCT 'case', w.owner FROM key_wraps w WHERE w.scope = 'case'
        ON CONFLICT DO NOTHING;
    RETURN n;
END $$""",
        # Made only through make_emergency_key() since it has generations (revoked on
        # servers from before).
        "DROP POLICY IF EXISTS first_emergency ON practice_keys",
        f"REVOKE INSERT ON practice_keys FROM {supervisor}",
    ]


# --- the program's side ------------------------------------------------------------------


@dataclass(frozen=True)
class Holder:
    """Who acts on the key: the signed-in supervisor's id and keys."""

    user_id: int
    box: X25519PrivateKey
    seen: Pins

    @property
    def label(self) -> str:
        return f"user:{self.user_id}"


def private_half(conn: Connection, me: Holder) -> tuple[int, X25519PrivateKey] | None:
    """(generation, the emergency key's private half) as wrapped for *me*, or None if
    not held."""
    mine = keytables.my_emergency_wrap(conn)
    if mine is None:
        return None
    generation, wrapped = mine
    what = wrapping.Wrap(SCOPE, 0, generation, me.label)
    secret = wrapping.unwrap_key(wrapped, me.box, what)
    return generation, X25519PrivateKey.from_private_bytes(secret)


def make(conn: Connection, me: Holder) -> EmergencyKey | None:
    """The practice's first emergency key, wrapped for *me* alone; None when the practice
    has one (live, or retired: then the recovery sheet's holder makes the next)."""
    if conn.execute(text("SELECT 1 FROM practice_keys WHERE name = :n"), {"n": EMERGENCY}).first():
        return None
    pair = wrapping.new_key_pair()
    public = wrapping.public_bytes(pair.public_key())
    handover = wrapping.signer_hex(wrapping.practice_signer(pair))
    made = conn.execute(
        text("SELECT make_emergency_key(:p, :h)"), {"p": public, "h": handover}
    ).scalar()
    if not made:
        return None
    key = EmergencyKey(public, 1, handover, "")
    remember(key, me.seen)
    _wrap_private(conn, me, pair, 1, [])
    return key


def publish_handover(conn: Connection, me: Holder) -> bool:
    """A key made before generations had handover keys gets its own, from a holder."""
    current = read(conn)
    if current is None or current.handover is not None:
        return False
    held = private_half(conn, me)
    if held is None:
        return False
    handover = wrapping.signer_hex(wrapping.practice_signer(held[1]))
    done = conn.execute(text("SELECT publish_handover(:h)"), {"h": handover}).scalar()
    if done:
        me.seen.remember({pins.EMERGENCY_HANDOVER: handover})
    return bool(done)


def rotate_if_due(conn: Connection, me: Holder) -> tuple[EmergencyKey, int, int] | None:
    """When a holder left: the next generation, every case re-wrapped for it, the new
    private half wrapped for *me* and the remaining holders. Returns (the key, case wraps
    re-made, holders given it) or None when nothing was due."""
    if not conn.execute(text("SELECT emergency_due()")).scalar():
        return None
    held = private_half(conn, me)
    current = trusted(conn, me.seen)
    if held is None or current is None:
        return None
    old_private = held[1]
    holders = [
        (int(r[0]), str(r[1]), str(r[2] or ""), str(r[3]))
        for r in conn.execute(
            text(
                "SELECT user_id, box_public, box_certificate, signing_key "
                "FROM key_holders('emergency', 0) WHERE user_id <> :me"
            ),
            {"me": me.user_id},
        )
    ]
    pair = wrapping.new_key_pair()
    public = wrapping.public_bytes(pair.public_key())
    generation = current.generation + 1
    owners, generations, sealed = [], [], []
    for owner, gen, wrapped in conn.execute(text("SELECT * FROM emergency_rewraps()")):
        what = wrapping.Wrap("case", int(owner), int(gen), EMERGENCY)
        try:
            secret = wrapping.unwrap_key(bytes(wrapped), old_private, what)
        except EncryptionError:
            continue  # a wrap that does not open is dropped, and refilled by a holder
        owners.append(int(owner))
        generations.append(int(gen))
        sealed.append(wrapping.wrap_key(secret, pair.public_key(), what))
    handover = wrapping.signer_hex(wrapping.practice_signer(pair))
    # Signed by the key it replaces: only its holders can hand it over (emergency_trust).
    vouch = vouch_for(wrapping.practice_signer(old_private), generation, public, handover)
    rewrapped = conn.execute(
        text("SELECT rotate_emergency(:old, :p, :g, :h, :v, :o, :gs, :w)"),
        {
            "old": current.public,
            "p": public,
            "g": generation,
            "h": handover,
            "v": vouch,
            "o": owners,
            "gs": generations,
            "w": sealed,
        },
    ).scalar()
    if rewrapped is None or int(rewrapped) < 0:
        return None
    key = EmergencyKey(public, generation, handover, vouch)
    remember(key, me.seen)
    given = _wrap_private(conn, me, pair, generation, holders)
    return key, int(rewrapped), given


def _wrap_private(
    conn: Connection,
    me: Holder,
    pair: X25519PrivateKey,
    generation: int,
    holders: Sequence[tuple[int, str, str, str]],
) -> int:
    """The private half for *me*, then for each holder whose certificate holds and whose
    signing key agrees with what this workstation remembers; how many holders."""
    secret = wrapping.private_bytes(pair)
    own = wrapping.Wrap(SCOPE, 0, generation, me.label)
    sealed = wrapping.wrap_key(secret, me.box.public_key(), own)
    keytables.add_wraps(
        conn, [(StoredWrap(EMERGENCY, 0, generation, me.label, sealed), me.user_id)]
    )
    given: list[tuple[StoredWrap, int | None]] = []
    for user_id, box_hex, certificate, signing_key in holders:
        box = X25519PublicKey.from_public_bytes(bytes.fromhex(box_hex))
        if not wrapping.certified(certificate, signing_key, user_id, box) or not me.seen.agrees(
            pins.user(user_id), signing_key
        ):
            continue  # left to the pending-share prompt, as any further supervisor
        label = f"user:{user_id}"
        what = wrapping.Wrap(SCOPE, 0, generation, label)
        stored = StoredWrap(EMERGENCY, 0, generation, label, wrapping.wrap_key(secret, box, what))
        given.append((stored, user_id))
    keytables.add_wraps(conn, given)
    return len(given)
