"""Sharing a case's key with someone newly given access to the case, never silently.

When a person gains access to a case (an administrator assigns it, a supervision link
makes them read a clinician's cases, an emergency grant opens it for a while) the server
lets them fetch its rows, but its text stays locked for them (encrypted_rows.py) until a
holder of the case's key shares it (the lead's answer 4): an administrator who adds a
login of her own and assigns it a case gets ciphertext until a holder approves.

The server finds the *pending shares* itself (pending_shares(), below: readers of a case
the login holds a key for, who have a key pair and no wrap of its newest generation); the
holder's program shows each one and, on approval, checks the reader's key certificate
against their signing key before wrapping every generation it holds for them. Nothing
is wrapped for a public key that the person's own signing key did not certify, so a
server that swapped in a key of its own is refused in words.
"""

from __future__ import annotations

from dataclasses import dataclass

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PublicKey
from sqlalchemy import Connection, text

from clarity_desktop.domain.errors import ErrorCode
from clarity_desktop.store.postgres import keytables, pins
from clarity_desktop.store.postgres.encryption import wrapping
from clarity_desktop.store.postgres.encryption.values import EncryptionError
from clarity_desktop.store.postgres.keychain import CASE, DIRECTORY, Keychain
from clarity_desktop.store.postgres.keytables import StoredWrap
from clarity_desktop.store.roster import EMERGENCY_KEY, EMERGENCY_KEY_CASE

_DEFINER = "SECURITY DEFINER SET search_path = clarity, pg_temp"

# Who may read a case, how, and who gave them that (from the audit trail, whose actor is
# a display name): the rows my_cases() reads, seen from the case's side.
FUNCTIONS = (
    f"""CREATE FUNCTION pending_shares() RETURNS TABLE (
    case_id integer, reader integer, reader_name text, how text, given_by text,
    box_public text, box_certificate text, signing_key text
) LANGUAGE sql STABLE {_DEFINER} AS $$
    WITH held AS (
        SELECT DISTINCT owner FROM key_wraps WHERE user_id = me() AND scope = 'case'
    ), readers AS (
        SELECT a.case_id, a.user_id, 'assigned' AS how FROM case_access a
        JOIN held ON held.owner = a.case_id
        UNION
        SELECT a.case_id, v.supervisor_id, 'supervision' FROM supervision v
        JOIN case_access a ON a.user_id = v.supervisee_id JOIN held ON held.owner = a.case_id
        UNION
        SELECT g.case_id, g.user_id, 'emergency' FROM emergency_grants g
        JOIN held ON held.owner = g.case_id WHERE g.until > (now() AT TIME ZONE 'utc')
        UNION
        -- A supervisor without the practice emergency key, asked of one who holds it.
        SELECT {EMERGENCY_KEY_CASE}, u.id, '{EMERGENCY_KEY}' FROM users u WHERE is_supervisor(u.id)
        AND EXISTS (SELECT FROM key_wraps m WHERE m.user_id = me() AND m.scope = 'emergency')
        AND NOT EXISTS (SELECT FROM key_wraps e WHERE e.user_id = u.id AND e.scope = 'emergency')
    )
    SELECT r.case_id, r.user_id, u.display_name, r.how,
        CASE r.how
        WHEN 'assigned' THEN (SELECT e.actor FROM audit_events e WHERE e.action =
            'case_assigned' AND e.entity = 'case' AND e.entity_id = r.case_id
            AND e.detail = s.login ORDER BY e.id DESC LIMIT 1)
        WHEN 'supervision' THEN (SELECT e.actor FROM audit_events e WHERE e.action =
            'supervision_set' AND e.entity = 'user' AND e.entity_id = r.user_id
            ORDER BY e.id DESC LIMIT 1)
        WHEN '{EMERGENCY_KEY}' THEN (SELECT e.actor FROM audit_events e WHERE e.action =
            'staff_added' AND e.entity = 'user' AND e.entity_id = r.user_id
            ORDER BY e.id DESC LIMIT 1)
        ELSE u.display_name END,
        s.box_public, s.box_certificate, s.public_key
    FROM readers r JOIN staff s ON s.user_id = r.user_id JOIN users u ON u.id = r.user_id
    WHERE r.user_id <> me() AND NOT u.disabled AND s.box_public IS NOT NULL
    -- A supervisor in an emergency who holds the emergency key already reads the case
    -- through it (keychain.py): sharing would give a key that outlives the grant.
    AND NOT (r.how = 'emergency' AND EXISTS (
        SELECT FROM key_wraps e WHERE e.scope = 'emergency' AND e.user_id = r.user_id)
        AND EXISTS (SELECT FROM key_wraps c WHERE c.scope = 'case' AND c.owner = r.case_id
            AND c.recipient = 'emergency' AND c.generation = (SELECT max(x.generation)
                FROM key_wraps x WHERE x.scope = 'case' AND x.owner = r.case_id)))
    AND NOT EXISTS (
        SELECT FROM key_wraps w WHERE w.scope = 'case' AND w.owner = r.case_id
        AND w.user_id = r.user_id AND w.generation = (SELECT max(x.generation)
            FROM key_wraps x WHERE x.scope = 'case' AND x.owner = r.case_id))
    ORDER BY r.case_id, u.display_name
$$""",
    # Live staff with a key pair who hold no wrap of the directory key's newest generation,
    # listed for a holder of it: everyone on the staff sees client names (answer 6).
    f"""CREATE FUNCTION pending_directory_shares() RETURNS TABLE (
    reader integer, reader_name text, box_public text, box_certificate text, signing_key text
) LANGUAGE sql STABLE {_DEFINER} AS $$
    SELECT u.id, u.display_name, s.box_public, s.box_certificate, s.public_key
    FROM staff s JOIN users u ON u.id = s.user_id
    WHERE EXISTS (SELECT FROM key_wraps w WHERE w.scope = 'directory' AND w.user_id = me())
    AND s.user_id <> me() AND NOT u.disabled AND s.box_public IS NOT NULL
    AND NOT EXISTS (
        SELECT FROM key_wraps w WHERE w.scope = 'directory' AND w.user_id = s.user_id
        AND w.generation = (SELECT max(x.generation) FROM key_wraps x
            WHERE x.scope = 'directory'))
    ORDER BY u.display_name, u.id
$$""",
)  # EXECUTE granted to every staff group with the schema's other functions (schema.py)

# A request for the directory key names no case: case 0, and *how* says the person joined.
DIRECTORY_CASE = 0
JOINED = "joined"


@dataclass(frozen=True)
class PendingShare:
    """*reader_name* may read case *case_id* (*how*: assigned, supervision, emergency,
    given by *given_by*) but holds no key for its newest generation."""

    case_id: int
    reader: int
    reader_name: str
    how: str
    given_by: str
    box_public: str
    box_certificate: str
    signing_key: str


def pending(conn: Connection) -> list[PendingShare]:
    """The directory requests first (a newcomer reads no client's name until one is
    approved), then each case's."""
    directory = [
        PendingShare(DIRECTORY_CASE, int(r[0]), str(r[1]), JOINED, "", *map(str, r[2:5]))
        for r in conn.execute(text("SELECT * FROM pending_directory_shares()"))
    ]
    return directory + [
        PendingShare(int(r[0]), int(r[1]), str(r[2]), str(r[3]), str(r[4] or ""), *map(str, r[5:8]))
        for r in conn.execute(text("SELECT * FROM pending_shares()"))
    ]


def share(conn: Connection, keys: Keychain, case_id: int, reader: int) -> PendingShare:
    """Every generation of *case_id*'s key (the directory key for DIRECTORY_CASE) this
    program holds, wrapped for *reader*, once their certificate holds (EMERGENCY_KEY_CASE:
    the practice emergency key, for a further supervisor). Returns what was shared (for
    the audit trail)."""
    found = [p for p in pending(conn) if (p.case_id, p.reader) == (case_id, reader)]
    if not found:
        raise EncryptionError(ErrorCode.ENCRYPTION_NOTHING_TO_SHARE, case=case_id)
    asked = found[0]
    keys.pins.check(pins.user(reader), asked.signing_key, who=asked.reader_name)
    box = X25519PublicKey.from_public_bytes(bytes.fromhex(asked.box_public))
    if not wrapping.certified(asked.box_certificate, asked.signing_key, reader, box):
        raise EncryptionError(ErrorCode.ENCRYPTION_CERTIFICATE_FAILED, who=asked.reader_name)
    label = f"user:{reader}"
    if asked.how == EMERGENCY_KEY:
        keys.share_emergency(conn, reader, box)
        return asked
    scope = DIRECTORY if case_id == DIRECTORY_CASE else CASE
    if scope == DIRECTORY:
        ring = keys.directory(conn, fresh=True)
    else:
        ring = keys.ring(conn, case_id, fresh=True)
    wraps = [
        StoredWrap(
            scope,
            case_id,
            key.generation,
            label,
            wrapping.wrap_key(
                key.secret, box, wrapping.Wrap(scope, case_id, key.generation, label)
            ),
        )
        for key in ring.keys.values()
    ]
    keytables.add_wraps(conn, [(w, reader) for w in wraps], skip_existing=True)
    return asked
