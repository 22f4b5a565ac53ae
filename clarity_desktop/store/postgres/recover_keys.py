"""``server recover-keys``: keys given to staff from the printed recovery sheet.

Every key generation of every case, and of the client directory, is wrapped for the
practice recovery key. With the sheet the practice's owner can therefore give keys to
people no colleague can give them to:
- after ``server upgrade`` sealed a server from before encryption, nobody but the sheet
  holds any key (upgrade._seal_if_plain);
- when everyone who held a case's key has left, the colleague it is assigned to next.

Each live staff member with a key pair of their own (they chose their own password at
least once) is given every generation they lack of each case they may read (assigned,
or through supervision; an emergency grant is left to its usual share), and of the
client directory; each only after their key certificate checks out against their own
signing key, as a colleague's program checks before sharing. Run as the server's
superuser, in one transaction, audited as the superuser: one key_shared row per person,
counts only. Nothing is wrapped for anyone who lacks a key pair yet: they are listed, to
be given theirs by a second run once they have signed in.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from sqlalchemy import Connection, text
from sqlalchemy.orm import Session

from clarity_desktop.domain.audit_actions import AuditAction
from clarity_desktop.domain.errors import ErrorCode
from clarity_desktop.store.postgres import keytables, superuser_audit
from clarity_desktop.store.postgres.address import ServerAddress
from clarity_desktop.store.postgres.connect import make_engine
from clarity_desktop.store.postgres.emergency_trust import vouch_for
from clarity_desktop.store.postgres.encryption import recovery, wrapping
from clarity_desktop.store.postgres.encryption.values import EncryptionError

Scope = wrapping.Scope


@dataclass
class Given:
    """What one run gave: per person, (cases, whether the directory); who waits."""

    people: dict[str, tuple[int, bool]] = field(default_factory=dict)
    waiting: list[str] = field(default_factory=list)  # no key pair of their own yet
    emergency: list[str] = field(default_factory=list)  # given a renewed emergency key
    refused: list[str] = field(default_factory=list)  # their certificate did not hold


@dataclass(frozen=True)
class _Person:
    user_id: int
    name: str
    box: X25519PublicKey | None
    vouched: bool
    supervisor: bool


def recover_with_sheet(where: ServerAddress, password: str, sheet: str) -> Given:
    """The whole run, as the superuser at *where*, in one transaction."""
    engine = make_engine(where, password, pool_size=1)
    try:
        with engine.begin() as conn:
            conn.execute(text("SET LOCAL search_path = clarity"))
            return recover(conn, sheet, f"{where.user} (server superuser)")
    finally:
        engine.dispose()


def recover(conn: Connection, sheet: str, actor: str) -> Given:
    """Everything the sheet opens, wrapped for whoever may read it and lacks it."""
    public = keytables.practice_key(conn, keytables.RECOVERY)
    if public is None:
        raise EncryptionError(ErrorCode.ENCRYPTION_RECOVERY_KEY_OTHER)
    private = recovery.parse_for(sheet, X25519PublicKey.from_public_bytes(public))
    people = _people(conn)
    given = Given(
        waiting=[p.name for p in people.values() if p.box is None],
        refused=[p.name for p in people.values() if p.box is not None and not p.vouched],
    )
    ready = {u: p for u, p in people.items() if p.box is not None and p.vouched}
    held = {
        (str(r[0]), int(r[1]), int(r[2]), int(r[3]))
        for r in conn.execute(
            text(
                "SELECT scope, owner, generation, user_id FROM key_wraps WHERE user_id IS NOT NULL"
            )
        )
    }
    readers = _readers(conn)
    wraps: list[dict[str, object]] = []
    cases: dict[int, set[int]] = {u: set() for u in ready}
    directory: set[int] = set()
    for scope, owner, generation, sealed in conn.execute(
        text(
            "SELECT scope, owner, generation, wrapped FROM key_wraps "
            "WHERE recipient = :r ORDER BY scope, owner, generation"
        ),
        {"r": keytables.RECOVERY},
    ):
        kind: Scope = "case" if scope == "case" else "directory"
        what = wrapping.Wrap(kind, int(owner), int(generation), keytables.RECOVERY)
        secret = wrapping.unwrap_key(bytes(sealed), private, what)
        to = ready.keys() if kind == "directory" else readers.get(int(owner), set()) & ready.keys()
        for user_id in sorted(to):
            if (kind, int(owner), int(generation), user_id) in held:
                continue
            box = ready[user_id].box
            assert box is not None
            label = f"user:{user_id}"
            mine = wrapping.Wrap(kind, int(owner), int(generation), label)
            wraps.append(
                {
                    "s": kind,
                    "o": int(owner),
                    "g": int(generation),
                    "r": label,
                    "u": user_id,
                    "w": wrapping.wrap_key(secret, box, mine),
                }
            )
            if kind == "directory":
                directory.add(user_id)
            else:
                cases[user_id].add(int(owner))
    if wraps:
        conn.execute(
            text(
                "INSERT INTO key_wraps (scope, owner, generation, recipient, user_id, "
                "wrapped, made_by) VALUES (:s, :o, :g, :r, :u, :w, NULL)"
            ),
            wraps,
        )
    _sign_with_sheet(conn, private)
    given.emergency = _renew_emergency(conn, private, ready)
    for user_id, person in ready.items():
        if cases[user_id] or user_id in directory:
            given.people[person.name] = (len(cases[user_id]), user_id in directory)
            _audit(conn, actor, user_id, person.name, len(cases[user_id]), user_id in directory)
    return given


def _sign_with_sheet(conn: Connection, private: X25519PrivateKey) -> None:
    """The sheet's own signing key published where a server made before it lacks it."""
    conn.execute(
        text("UPDATE practice_keys SET handover = :h WHERE name = :n AND handover IS NULL"),
        {"h": wrapping.signer_hex(wrapping.practice_signer(private)), "n": keytables.RECOVERY},
    )


def _renew_emergency(
    conn: Connection, private: X25519PrivateKey, ready: dict[int, _Person]
) -> list[str]:
    """After the last holder of the emergency key left (retired), its next generation,
    signed by the sheet and wrapped for every live supervisor whose key checks out; the
    names given it. Each case's holder wraps their cases for it at their next sign-in."""
    row = conn.execute(
        text("SELECT generation FROM practice_keys WHERE name = :n AND retired"),
        {"n": keytables.EMERGENCY},
    ).first()
    supervisors = [p for p in ready.values() if p.supervisor and p.box is not None]
    if row is None or not supervisors:
        return []
    generation = int(row[0]) + 1
    pair = wrapping.new_key_pair()
    public = wrapping.public_bytes(pair.public_key())
    handover = wrapping.signer_hex(wrapping.practice_signer(pair))
    vouch = vouch_for(wrapping.practice_signer(private), generation, public, handover)
    conn.execute(
        text(
            "UPDATE practice_keys SET public_key = :p, generation = :g, handover = :h, "
            "vouch = :v, vouched_by = NULL, retired = false, "
            "made_at = now() AT TIME ZONE 'utc' WHERE name = :n"
        ),
        {"p": public, "g": generation, "h": handover, "v": vouch, "n": keytables.EMERGENCY},
    )
    secret = wrapping.private_bytes(pair)
    wraps = []
    for person in supervisors:
        assert person.box is not None
        label = f"user:{person.user_id}"
        what = wrapping.Wrap("emergency", 0, generation, label)
        sealed = wrapping.wrap_key(secret, person.box, what)
        wraps.append({"g": generation, "r": label, "u": person.user_id, "w": sealed})
    conn.execute(
        text(
            "INSERT INTO key_wraps (scope, owner, generation, recipient, user_id, wrapped, "
            "made_by) VALUES ('emergency', 0, :g, :r, :u, :w, NULL)"
        ),
        wraps,
    )
    return [p.name for p in supervisors]


def _people(conn: Connection) -> dict[int, _Person]:
    found = conn.execute(
        text(
            "SELECT u.id, u.display_name, s.box_public, s.box_certificate, s.public_key, "
            "u.role = 'supervisor' "
            "FROM users u JOIN staff s ON s.user_id = u.id WHERE NOT u.disabled ORDER BY u.id"
        )
    )
    people = {}
    for user_id, name, box_hex, certificate, signing, supervisor in found:
        box = None if box_hex is None else X25519PublicKey.from_public_bytes(bytes.fromhex(box_hex))
        vouched = box is not None and wrapping.certified(
            str(certificate or ""), str(signing), int(user_id), box
        )
        people[int(user_id)] = _Person(int(user_id), str(name), box, vouched, bool(supervisor))
    return people


def _readers(conn: Connection) -> dict[int, set[int]]:
    """Who may read each case: assigned, or supervising someone assigned."""
    found = conn.execute(
        text(
            "SELECT case_id, user_id FROM case_access UNION "
            "SELECT a.case_id, v.supervisor_id FROM supervision v "
            "JOIN case_access a ON a.user_id = v.supervisee_id"
        )
    )
    readers: dict[int, set[int]] = {}
    for case_id, user_id in found:
        readers.setdefault(int(case_id), set()).add(int(user_id))
    return readers


def _audit(
    conn: Connection, actor: str, user_id: int, name: str, cases: int, directory: bool
) -> None:
    """One chained audit row in the superuser's name (as the import writes its own)."""
    given = [f"{cases} case key{'' if cases == 1 else 's'}"] if cases else []
    if directory:
        given.append("the client directory")
    detail = f"from the recovery sheet to {name}: {' and '.join(given)}"
    superuser_audit.append(
        Session(bind=conn), actor, AuditAction.KEY_SHARED, "user", user_id, detail
    )
