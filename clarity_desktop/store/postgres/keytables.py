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
        f"""CREATE FUNCTION holds_emergency() RETURNS boolean LANGUAGE sql STABLE
SECURITY DEFINER SET search_path = clarity, pg_temp AS $$
    SELECT EXISTS (SELECT FROM key_wraps m WHERE m.user_id = me() AND m.scope = '{EMERGENCY}')
$$""",
        f"CREATE POLICY share_emergency ON key_wraps FOR INSERT TO {supervisor} WITH CHECK ("
        f"made_by = {_ME} AND scope = '{EMERGENCY}' AND owner = 0 "
        "AND generation = (SELECT emergency_generation()) "
        "AND (SELECT holds_emergency()) AND user_id IN (SELECT u.id FROM users u "
        "WHERE u.role = 'supervisor' AND NOT u.disabled))",
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
        *_leaving(staff),
    ]
    return out


_DEFINER = "SECURITY DEFINER SET search_path = clarity, pg_temp"
# Whether the login holds some generation of (s, o), or reads the case through the
# emergency key under a live grant: the rotation functions answer only them.
_HOLDS = (
    "(EXISTS (SELECT FROM key_wraps h WHERE h.user_id = me() AND h.scope = s AND h.owner = o)"
    " OR (s = 'case' AND EXISTS (SELECT FROM key_wraps e WHERE e.user_id = me()"
    " AND e.scope = 'emergency') AND EXISTS (SELECT FROM emergency_grants g"
    " WHERE g.user_id = me() AND g.case_id = o AND g.until > (now() AT TIME ZONE 'utc'))))"
)


# A leaver who held the emergency key (emergency_key.py): another live holder renews it
# at their next sign-in; with none left the key is retired and its case wraps go at once.
# Either way every case then writes under a case key the leaver never had.
_EMERGENCY_LEAVER = f"""
    IF EXISTS (SELECT FROM key_wraps w WHERE w.user_id = NEW.id AND w.scope = '{EMERGENCY}') THEN
        IF EXISTS (SELECT FROM key_wraps w JOIN users u ON u.id = w.user_id
                WHERE w.scope = '{EMERGENCY}' AND w.user_id <> NEW.id AND NOT u.disabled) THEN
            INSERT INTO key_rotations (scope, owner) VALUES ('{EMERGENCY}', 0)
                ON CONFLICT DO NOTHING;
        ELSE
            DELETE FROM key_wraps WHERE scope = 'case' AND recipient = '{EMERGENCY}';
            DELETE FROM key_wraps WHERE scope = '{EMERGENCY}';
            UPDATE practice_keys SET retired = true WHERE name = '{EMERGENCY}';
            INSERT INTO key_rotations (scope, owner)
                SELECT DISTINCT 'case', w.owner FROM key_wraps w WHERE w.scope = 'case'
                ON CONFLICT DO NOTHING;
        END IF;
    END IF;"""


def _leaving(staff: str) -> list[str]:
    """Someone who leaves loses what follows (rotation.py). Disabling a login, however it
    is done (the Staff window, ``server disable-user``, the superuser by hand), deletes
    every wrap addressed to them in the same transaction and marks each case (or the
    directory) they held as due to rotate. A trigger and not a step of the service: the
    administrator never holds a key, so she can take wraps away but never make one, and
    no path that disables a login can forget to. Re-enabling brings nothing back: a
    holder shares again through the pending-share prompt."""
    return [
        f"""CREATE FUNCTION forget_leaver() RETURNS trigger LANGUAGE plpgsql {_DEFINER} AS $$
BEGIN{_EMERGENCY_LEAVER}
    INSERT INTO key_rotations (scope, owner)
        SELECT DISTINCT w.scope, w.owner FROM key_wraps w
        WHERE w.user_id = NEW.id AND w.scope IN ('case', 'directory')
        ON CONFLICT DO NOTHING;
    DELETE FROM key_wraps WHERE user_id = NEW.id;
    RETURN NULL;
END $$""",
        """CREATE TRIGGER trg_users_forget_leaver AFTER UPDATE OF disabled ON users
    FOR EACH ROW WHEN (NEW.disabled AND NOT OLD.disabled) EXECUTE FUNCTION forget_leaver()""",
        "ALTER TABLE key_rotations ENABLE ROW LEVEL SECURITY",
        "ALTER TABLE key_rotations FORCE ROW LEVEL SECURITY",
        f"CREATE POLICY owner_all ON key_rotations TO {OWNER} USING (true) WITH CHECK (true)",
        f"CREATE POLICY holders ON key_rotations FOR SELECT TO {staff} USING (EXISTS ("
        f"SELECT FROM key_wraps h WHERE h.user_id = {_ME} AND h.scope = key_rotations.scope "
        "AND h.owner = key_rotations.owner))",
        f"GRANT SELECT ON key_rotations TO {staff}",
        *_access_ended(),
        # Generations of the login's cases with no wrap for the emergency key yet (made
        # before it existed): keychain.fill_emergency wraps them.
        f"""CREATE FUNCTION emergency_gaps() RETURNS TABLE (owner integer, generation integer)
LANGUAGE sql STABLE {_DEFINER} AS $$
    SELECT w.owner, w.generation FROM key_wraps w
    WHERE w.user_id = me() AND w.scope = 'case' AND w.owner = ANY (ARRAY(SELECT my_cases()))
    AND EXISTS (SELECT FROM practice_keys k WHERE k.name = '{EMERGENCY}')
    AND NOT EXISTS (SELECT FROM key_wraps e WHERE e.scope = 'case' AND e.owner = w.owner
        AND e.generation = w.generation AND e.recipient = '{EMERGENCY}')
    ORDER BY w.owner, w.generation
$$""",
        # A holder's program about to write under (s, o): claims the mark if there is one
        # (due: this program rotates, in this transaction), else waits for whoever claimed
        # it to finish; then the newest generation anyone holds. Each statement of a
        # plpgsql function sees what committed before it, so a holder who waited for
        # another's rotation reads the generation it made, and never makes a second one.
        f"""CREATE FUNCTION key_due(s text, o integer, OUT due boolean, OUT newest integer)
LANGUAGE plpgsql VOLATILE {_DEFINER} AS $$
BEGIN
    due := false;
    IF NOT {_HOLDS} THEN
        RETURN;
    END IF;
    IF s = 'case' THEN
        PERFORM forget_lapsed(o);  -- an emergency grant that ran out since
    END IF;
    DELETE FROM key_rotations r WHERE r.scope = s AND r.owner = o;
    due := FOUND;
    SELECT max(w.generation) INTO newest FROM key_wraps w WHERE w.scope = s AND w.owner = o;
END $$""",
        # Who holds (s, o) and may be given its next generation: live staff with a key
        # pair, each with the certificate the rotating program checks. Holders only.
        f"""CREATE FUNCTION key_holders(s text, o integer) RETURNS TABLE (
    user_id integer, display_name text, box_public text, box_certificate text,
    signing_key text
) LANGUAGE sql STABLE {_DEFINER} AS $$
    SELECT DISTINCT u.id, u.display_name::text, st.box_public, st.box_certificate,
        st.public_key
    FROM key_wraps w JOIN users u ON u.id = w.user_id JOIN staff st ON st.user_id = u.id
    WHERE {_HOLDS} AND w.scope = s AND w.owner = o AND NOT u.disabled
        AND st.box_public IS NOT NULL
    ORDER BY u.id
$$""",
    ]


def _access_ended() -> list[str]:
    """Losing a case without leaving: unassigned, a supervision link ended, an emergency
    grant run out. The person's wraps of the case's key go and the case is marked to
    rotate (rotation.py), as for a leaver, unless nobody else who may read the case would
    hold its key then: unassigning the only holder never loses the case (assigning it
    again reads on). Unassigning and ending a link act at once, by trigger; a grant runs
    out by the clock, so its wraps go at the next holder's write (key_due), before it."""
    return [
        f"""CREATE FUNCTION may_read(u integer, c integer) RETURNS boolean LANGUAGE sql STABLE
{_DEFINER} AS $$
    SELECT EXISTS (SELECT FROM case_access a WHERE a.user_id = u AND a.case_id = c)
        OR EXISTS (SELECT FROM supervision v JOIN case_access a
            ON a.user_id = v.supervisee_id WHERE v.supervisor_id = u AND a.case_id = c)
        OR EXISTS (SELECT FROM emergency_grants g WHERE g.user_id = u AND g.case_id = c
            AND g.until > (now() AT TIME ZONE 'utc'))
$$""",
        f"""CREATE FUNCTION forget_lapsed(c integer) RETURNS integer LANGUAGE plpgsql VOLATILE
{_DEFINER} AS $$
DECLARE
    n integer;
BEGIN
    IF NOT EXISTS (SELECT FROM key_wraps w JOIN users u ON u.id = w.user_id
            WHERE w.scope = 'case' AND w.owner = c AND NOT u.disabled
            AND may_read(w.user_id, c)) THEN
        RETURN 0;
    END IF;
    DELETE FROM key_wraps w WHERE w.scope = 'case' AND w.owner = c
        AND w.user_id IS NOT NULL AND NOT may_read(w.user_id, c);
    GET DIAGNOSTICS n = ROW_COUNT;
    IF n > 0 THEN
        INSERT INTO key_rotations (scope, owner) VALUES ('case', c) ON CONFLICT DO NOTHING;
    END IF;
    RETURN n;
END $$""",
        f"""CREATE FUNCTION forget_unassigned() RETURNS trigger LANGUAGE plpgsql {_DEFINER} AS $$
BEGIN
    PERFORM forget_lapsed(OLD.case_id);
    RETURN NULL;
END $$""",
        """CREATE TRIGGER trg_case_access_forget AFTER DELETE ON case_access
    FOR EACH ROW EXECUTE FUNCTION forget_unassigned()""",
        f"""CREATE FUNCTION forget_unsupervised() RETURNS trigger LANGUAGE plpgsql {_DEFINER} AS $$
BEGIN
    PERFORM forget_lapsed(a.case_id) FROM case_access a WHERE a.user_id = OLD.supervisee_id;
    RETURN NULL;
END $$""",
        """CREATE TRIGGER trg_supervision_forget AFTER DELETE ON supervision
    FOR EACH ROW EXECUTE FUNCTION forget_unsupervised()""",
    ]


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


def set_practice_key(conn: Connection, name: str, public: bytes) -> None:
    """At ``server init``, as the superuser."""
    conn.execute(
        text("INSERT INTO practice_keys (name, public_key) VALUES (:n, :p)"),
        {"n": name, "p": public},
    )


def add_practice_key(conn: Connection, name: str, public: bytes) -> bool:
    """The emergency key's public half, by a supervisor's program; False when the practice
    has one already."""
    made = conn.execute(
        text(
            "INSERT INTO practice_keys (name, public_key) VALUES (:n, :p) "
            "ON CONFLICT (name) DO NOTHING RETURNING name"
        ),
        {"n": name, "p": public},
    )
    return made.first() is not None


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
