"""The server's side of end-to-end encryption (encryption/__init__.py): where wrapped keys
and the practice's public keys are kept, and who may read or add them.

The server keeps only what it cannot use: wraps (a case key sealed for one person's
public key, or for the recovery key's), public keys, and each person's certificate of
their own public key. Row security keeps even that to its owners: you read the wraps
addressed to you, and you add wraps only for a case you can see, in your own name. The
recovery key's wraps are read by nobody (they are for the printed sheet, not a login).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import Connection, text

from clarity_desktop.domain.identity import Role
from clarity_desktop.store.postgres import losing_access
from clarity_desktop.store.postgres.roles import ALL_STAFF, CARE, GROUP, OWNER

RECOVERY = "recovery"
EMERGENCY = "emergency"
DIRECTORY = "directory"  # the practice's one key for who the clients are (owner 0)

TABLES = (
    # The practice's own key pairs, public halves only: the recovery key's private half
    # is on paper (recovery.py); the emergency key's is wrapped for supervisors.
    f"""CREATE TABLE IF NOT EXISTS practice_keys (
    name text PRIMARY KEY CHECK (name IN ('{RECOVERY}', '{EMERGENCY}')),
    public_key bytea NOT NULL CHECK (octet_length(public_key) = 32),
    made_at timestamp NOT NULL DEFAULT (now() AT TIME ZONE 'utc')
)""",
    # One key generation wrapped for one recipient. *owner* is the case (0 for the
    # practice's own keys); *user_id* names the staff recipient ("user:<id>"), NULL for
    # the recovery or emergency key. The wrap's associated data repeats all of it, so a
    # row edited on the server no longer opens (wrapping.Wrap).
    """CREATE TABLE IF NOT EXISTS key_wraps (
    scope text NOT NULL CHECK (scope IN ('case', 'directory', 'emergency')),
    owner integer NOT NULL CHECK (owner >= 0),
    generation integer NOT NULL CHECK (generation >= 1),
    recipient text NOT NULL,
    user_id integer REFERENCES users(id),
    wrapped bytea NOT NULL,
    made_by integer REFERENCES users(id),  -- NULL: the server's superuser (upgrade.py)
    made_at timestamp NOT NULL DEFAULT (now() AT TIME ZONE 'utc'),
    PRIMARY KEY (scope, owner, generation, recipient),
    CHECK (recipient = coalesce('user:' || user_id, recipient)),
    CHECK (user_id IS NOT NULL OR recipient IN ('recovery', 'emergency')),
    CHECK (scope <> 'case' OR owner > 0)
)""",
    "CREATE INDEX IF NOT EXISTS ix_key_wraps_user ON key_wraps (user_id, scope, owner)",
    # A server from before encryption is sealed by ``server upgrade``, and keys are given
    # from the recovery sheet by ``server recover-keys``: the superuser is no staff member.
    "ALTER TABLE key_wraps ALTER COLUMN made_by DROP NOT NULL",
    # A person's encryption key, made by their own program at their first sign-in, and
    # their signing key's certificate of it (wrapping.certificate).
    "ALTER TABLE staff ADD COLUMN IF NOT EXISTS box_public text",
    "ALTER TABLE staff ADD COLUMN IF NOT EXISTS box_certificate text",
    # A key someone who left held, due to rotate (rotation.py): the next holder whose
    # program writes under it makes a new generation and clears the mark.
    """CREATE TABLE IF NOT EXISTS key_rotations (
    scope text NOT NULL CHECK (scope IN ('case', 'directory', 'emergency')),
    owner integer NOT NULL CHECK (owner >= 0),
    marked_at timestamp NOT NULL DEFAULT (now() AT TIME ZONE 'utc'),
    PRIMARY KEY (scope, owner)
)""",
)

_ME = "(SELECT me())"
_MINE = "ARRAY(SELECT my_cases())"


def policies() -> list[str]:
    care, staff = ", ".join(CARE), ", ".join(ALL_STAFF)
    supervisor = GROUP[Role.SUPERVISOR]
    out = [
        # Whether a case the login can see has no key at all yet (cases made by a bulk
        # insert, services/importer.py): its first writer makes generation 1.
        f"""CREATE FUNCTION case_keyless(c integer) RETURNS boolean LANGUAGE sql STABLE
SECURITY DEFINER SET search_path = clarity, pg_temp AS $$
    SELECT c = ANY ({_MINE}) AND NOT EXISTS (
        SELECT FROM key_wraps w WHERE w.scope = 'case' AND w.owner = c)
$$""",
        "ALTER TABLE key_wraps ENABLE ROW LEVEL SECURITY",
        "ALTER TABLE key_wraps FORCE ROW LEVEL SECURITY",
        f"CREATE POLICY owner_all ON key_wraps TO {OWNER} USING (true) WITH CHECK (true)",
        f"CREATE POLICY own_wraps ON key_wraps FOR SELECT TO {staff} USING (user_id = {_ME})",
        f"CREATE POLICY case_wraps ON key_wraps FOR INSERT TO {care} WITH CHECK ("
        f"made_by = {_ME} AND scope = 'case' AND owner = ANY ({_MINE}))",
        f"GRANT SELECT ON key_wraps TO {staff}",
        f"GRANT INSERT ON key_wraps TO {care}",
        # The directory key (client names and contacts, the lead's answer 6): the first
        # staff member's program with a key pair of its own makes it for itself and the
        # recovery key; from then on a holder adds a wrap for a live staff member (after
        # checking their certificate) or for the recovery key, in their own name.
        f"""CREATE FUNCTION directory_wrap_allowed(u integer, r text) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = clarity, pg_temp AS $$
    SELECT CASE
        WHEN EXISTS (SELECT FROM key_wraps w WHERE w.scope = '{DIRECTORY}'
            AND w.user_id = me()) THEN
            (u IS NULL AND r = '{RECOVERY}') OR EXISTS (SELECT FROM staff s
                JOIN users x ON x.id = s.user_id WHERE s.user_id = u AND NOT x.disabled)
        WHEN NOT EXISTS (SELECT FROM key_wraps w WHERE w.scope = '{DIRECTORY}') THEN
            me() IS NOT NULL AND ((u IS NULL AND r = '{RECOVERY}') OR u = me())
        ELSE false END
$$""",
        f"""CREATE FUNCTION directory_made() RETURNS boolean LANGUAGE sql STABLE
SECURITY DEFINER SET search_path = clarity, pg_temp AS $$
    SELECT me() IS NOT NULL AND EXISTS (SELECT FROM key_wraps w WHERE w.scope = '{DIRECTORY}')
$$""",
        f"CREATE POLICY directory_wraps ON key_wraps FOR INSERT TO {staff} WITH CHECK ("
        f"made_by = {_ME} AND scope = '{DIRECTORY}' AND owner = 0 "
        "AND directory_wrap_allowed(user_id, recipient))",
        f"GRANT INSERT ON key_wraps TO {staff}",
        # The practice emergency key (the lead's answer 3): the first supervisor's program
        # makes the pair through make_emergency_key() (emergency_key.py) and wraps its
        # private half for that supervisor alone. While a supervisor's emergency grant
        # is live they read the case's wrap for the emergency key, and so the case.
        f"""CREATE FUNCTION emergency_generation() RETURNS integer LANGUAGE sql STABLE
SECURITY DEFINER SET search_path = clarity, pg_temp AS $$
    SELECT generation FROM practice_keys WHERE name = '{EMERGENCY}' AND NOT retired
$$""",
        f"CREATE POLICY own_emergency ON key_wraps FOR INSERT TO {supervisor} WITH CHECK ("
        f"made_by = {_ME} AND user_id = {_ME} AND scope = '{EMERGENCY}' AND owner = 0 "
        "AND generation = (SELECT emergency_generation()))",
        # A supervisor who holds the emergency key shares it with a further supervisor
        # once they approve it (key_sharing.py): for supervisors only.
        # (A function, not a subquery: a policy on key_wraps may not read key_wraps.)
        # Who reads clinical records: a live clinician or supervisor by role AND by server
        # group. The administrator's login may edit users.role (her own too), but only the
        # registrar puts a login in a group, so a role edited by hand is given no case key
        # from the sheet (recover_plan.py) and no emergency key.
        f"""CREATE FUNCTION reads_records(p_user integer) RETURNS boolean LANGUAGE sql STABLE
SECURITY DEFINER SET search_path = clarity, pg_temp AS $$
    SELECT COALESCE((SELECT NOT u.disabled AND (
            (u.role = 'clinician' AND pg_has_role(r.oid, '{GROUP[Role.CLINICIAN]}', 'MEMBER'))
            OR (u.role = 'supervisor' AND pg_has_role(r.oid, '{supervisor}', 'MEMBER')))
        FROM users u JOIN staff s ON s.user_id = u.id
        LEFT JOIN pg_roles r ON r.rolname = lower(s.login) WHERE u.id = p_user), false)
$$""",
        """CREATE FUNCTION is_supervisor(p_user integer) RETURNS boolean LANGUAGE sql STABLE
SECURITY DEFINER SET search_path = clarity, pg_temp AS $$
    SELECT reads_records(p_user) AND EXISTS (
        SELECT FROM users u WHERE u.id = p_user AND u.role = 'supervisor')
$$""",
        f"""CREATE FUNCTION holds_emergency() RETURNS boolean LANGUAGE sql STABLE
SECURITY DEFINER SET search_path = clarity, pg_temp AS $$
    SELECT EXISTS (SELECT FROM key_wraps m WHERE m.user_id = me() AND m.scope = '{EMERGENCY}')
$$""",
        f"CREATE POLICY share_emergency ON key_wraps FOR INSERT TO {supervisor} WITH CHECK ("
        f"made_by = {_ME} AND scope = '{EMERGENCY}' AND owner = 0 "
        "AND generation = (SELECT emergency_generation()) "
        "AND (SELECT holds_emergency()) AND is_supervisor(user_id))",
        f"CREATE POLICY in_emergency ON key_wraps FOR SELECT TO {supervisor} USING ("
        f"scope = 'case' AND recipient = '{EMERGENCY}' AND owner IN (SELECT g.case_id "
        f"FROM emergency_grants g WHERE g.user_id = {_ME} "
        "AND g.until > (now() AT TIME ZONE 'utc')))",
        # Each person puts their own encryption key on their staff row (the policy
        # own_key in schema.py keeps it to their row).
        f"GRANT UPDATE (box_public, box_certificate) ON staff TO {staff}",
        # A person's first own keys (lead's answer 5): the administrator's program made the
        # signing key it wrapped under the first password, so the person's own program
        # replaces it, once, together with making the encryption key. Only while the row
        # has no encryption key yet, and only one's own row: no grant on public_key.
        f"""CREATE FUNCTION take_own_keys(p_public text, p_wrapped text, p_box text,
    p_certificate text) RETURNS boolean LANGUAGE sql VOLATILE
SECURITY DEFINER SET search_path = clarity, pg_temp AS $$
    WITH done AS (UPDATE staff SET public_key = p_public, wrapped_key = p_wrapped,
        box_public = p_box, box_certificate = p_certificate
        WHERE user_id = {_ME} AND box_public IS NULL RETURNING 1)
    SELECT EXISTS (SELECT FROM done)
$$""",
        # Whether the login's signing key already sealed records here (a server from
        # before encryption): its first own password then keeps that key (backend.py).
        """CREATE FUNCTION i_have_sealed() RETURNS boolean LANGUAGE sql STABLE
SECURITY DEFINER SET search_path = clarity, pg_temp AS $$
    SELECT EXISTS (SELECT FROM audit_events a WHERE a.user_id = me() AND a.action = 'sealed')
$$""",
        *losing_access.leaving(staff),
        *losing_access.access_ended(),
    ]
    return out


@dataclass(frozen=True)
class StoredWrap:
    scope: str
    owner: int
    generation: int
    recipient: str
    wrapped: bytes


def practice_key(conn: Connection, name: str) -> bytes | None:
    """A practice key's public half; None when not made, or retired (emergency_key.py)."""
    row = conn.execute(
        text("SELECT public_key FROM practice_keys WHERE name = :n AND NOT retired"),
        {"n": name},
    ).first()
    return None if row is None else bytes(row[0])


def set_practice_key(
    conn: Connection, name: str, public: bytes, handover: str | None = None
) -> None:
    """At ``server init``, as the superuser; *handover*: the public half of the key's own
    signing key (emergency_trust.py)."""
    conn.execute(
        text("INSERT INTO practice_keys (name, public_key, handover) VALUES (:n, :p, :h)"),
        {"n": name, "p": public, "h": handover},
    )


def my_wraps(conn: Connection, scope: str, owners: Iterable[int]) -> list[StoredWrap]:
    """The login's own wraps of *owners*' keys (row security keeps it to their own)."""
    wanted = sorted(set(owners))
    if not wanted:
        return []
    found = conn.execute(
        text(
            "SELECT scope, owner, generation, recipient, wrapped FROM key_wraps "
            "WHERE user_id = me() AND scope = :s AND owner = ANY (:o) ORDER BY owner, generation"
        ),
        {"s": scope, "o": wanted},
    )
    return [StoredWrap(str(r[0]), int(r[1]), int(r[2]), str(r[3]), bytes(r[4])) for r in found]


def keyless(conn: Connection, case_id: int) -> bool:
    return bool(conn.execute(text("SELECT case_keyless(:c)"), {"c": case_id}).scalar())


def my_case_owners(conn: Connection) -> list[int]:
    """Every case the login holds a key for."""
    found = conn.execute(
        text("SELECT DISTINCT owner FROM key_wraps WHERE user_id = me() AND scope = 'case'")
    )
    return [int(r[0]) for r in found]


def add_wraps(
    conn: Connection,
    wraps: Iterable[tuple[StoredWrap, int | None]],
    *,
    skip_existing: bool = False,
) -> None:
    """(wrap, the staff recipient's user id or None) rows, made in the login's name.
    *skip_existing*: a generation the recipient already holds is left as it is."""
    params = [
        {
            "s": w.scope,
            "o": w.owner,
            "g": w.generation,
            "r": w.recipient,
            "u": user_id,
            "w": w.wrapped,
        }
        for w, user_id in wraps
    ]
    if params:
        conn.execute(
            text(
                "INSERT INTO key_wraps (scope, owner, generation, recipient, user_id, wrapped, "
                "made_by) VALUES (:s, :o, :g, :r, :u, :w, me())"
                + (" ON CONFLICT DO NOTHING" if skip_existing else "")
            ),
            params,
        )


def directory_made(conn: Connection) -> bool:
    """Whether the practice has its directory key (anyone's wrap of it exists)."""
    return bool(conn.execute(text("SELECT directory_made()")).scalar())


def emergency_wraps(conn: Connection, case_id: int) -> list[StoredWrap]:
    """*case_id*'s wraps for the practice emergency key: rows only a supervisor with a live
    emergency grant for the case sees (row security)."""
    found = conn.execute(
        text(
            "SELECT scope, owner, generation, recipient, wrapped FROM key_wraps "
            "WHERE scope = 'case' AND owner = :c AND recipient = :r ORDER BY generation"
        ),
        {"c": case_id, "r": EMERGENCY},
    )
    return [StoredWrap(str(r[0]), int(r[1]), int(r[2]), str(r[3]), bytes(r[4])) for r in found]


def my_emergency_wrap(conn: Connection) -> tuple[int, bytes] | None:
    """(generation, the practice emergency key's private half wrapped for the login), if
    it holds it."""
    row = conn.execute(
        text(
            "SELECT generation, wrapped FROM key_wraps WHERE user_id = me() AND scope = :s AND owner = 0 "
            "ORDER BY generation DESC LIMIT 1"
        ),
        {"s": EMERGENCY},
    ).first()
    return None if row is None else (int(row[0]), bytes(row[1]))


def emergency_gaps(conn: Connection) -> list[tuple[int, int]]:
    """(case, generation) the login holds whose wrap for the emergency key is missing."""
    found = conn.execute(text("SELECT owner, generation FROM emergency_gaps()"))
    return [(int(r[0]), int(r[1])) for r in found]
