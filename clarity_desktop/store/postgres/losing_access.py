"""How a person loses what a case's key, or the practice's, opened for them: leaving the
practice (a trigger on users.disabled), losing one case (unassigned, a supervision link
ended, an emergency grant run out), and the functions the next writer's program rotates
with (rotation.py, emergency_key.py). SQL only; keytables.policies() installs it.
"""

from __future__ import annotations

from clarity_desktop.store.postgres.roles import OWNER

EMERGENCY = "emergency"
_ME = "(SELECT me())"
_DEFINER = "SECURITY DEFINER SET search_path = clarity, pg_temp"
# Whether the login holds some generation of (s, o), or reads the case through the
# emergency key under a live grant: the rotation functions answer only them.
_HOLDS = (
    "(EXISTS (SELECT FROM key_wraps h WHERE h.user_id = me() AND h.scope = s AND h.owner = o)"
    " OR (s = 'case' AND EXISTS (SELECT FROM key_wraps e WHERE e.user_id = me()"
    " AND e.scope = 'emergency') AND EXISTS (SELECT FROM emergency_grants g"
    " WHERE g.user_id = me() AND g.case_id = o AND g.until > (now() AT TIME ZONE 'utc'))))"
)


# Someone who no longer may hold the emergency key (they left, or are no supervisor any
# more; emergency_key.py): another live holder renews it at their next sign-in; with none
# left the key is retired, its case wraps go at once and the recovery sheet's holder makes
# the next (recover_keys.py). Either way every case then writes under a case key they never
# had. The key's row is locked first: two holders leaving in overlapping transactions
# would otherwise each see the other as still here, and neither retire it.
_FORGET_HOLDER = f"""CREATE FUNCTION forget_emergency_holder(u integer) RETURNS void
LANGUAGE plpgsql {_DEFINER} AS $$
BEGIN
    IF NOT EXISTS (SELECT FROM key_wraps w WHERE w.user_id = u AND w.scope = '{EMERGENCY}') THEN
        RETURN;
    END IF;
    PERFORM FROM practice_keys k WHERE k.name = '{EMERGENCY}' FOR UPDATE;
    IF EXISTS (SELECT FROM key_wraps w JOIN users x ON x.id = w.user_id
            WHERE w.scope = '{EMERGENCY}' AND w.user_id <> u AND NOT x.disabled
            AND x.role = 'supervisor') THEN
        INSERT INTO key_rotations (scope, owner) VALUES ('{EMERGENCY}', 0)
            ON CONFLICT DO NOTHING;
    ELSE
        DELETE FROM key_wraps WHERE scope = 'case' AND recipient = '{EMERGENCY}';
        DELETE FROM key_wraps WHERE scope = '{EMERGENCY}';
        DELETE FROM key_rotations WHERE scope = '{EMERGENCY}';
        UPDATE practice_keys SET retired = true WHERE name = '{EMERGENCY}';
        INSERT INTO key_rotations (scope, owner)
            SELECT DISTINCT 'case', w.owner FROM key_wraps w WHERE w.scope = 'case'
            ON CONFLICT DO NOTHING;
    END IF;
    DELETE FROM key_wraps WHERE user_id = u AND scope = '{EMERGENCY}';
END $$"""


def leaving(staff: str) -> list[str]:
    """Someone who leaves loses what follows (rotation.py). Disabling a login, however it
    is done (the Staff window, ``server disable-user``, the superuser by hand), deletes
    every wrap addressed to them in the same transaction and marks each case (or the
    directory) they held as due to rotate. A trigger and not a step of the service: the
    administrator never holds a key, so she can take wraps away but never make one, and
    no path that disables a login can forget to. Re-enabling brings nothing back: a
    holder shares again through the pending-share prompt."""
    return [
        _FORGET_HOLDER,
        f"""CREATE FUNCTION forget_leaver() RETURNS trigger LANGUAGE plpgsql {_DEFINER} AS $$
BEGIN
    PERFORM forget_emergency_holder(NEW.id);
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


def access_ended() -> list[str]:
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
        """CREATE TRIGGER trg_supervision_forget
    AFTER DELETE OR UPDATE OF supervisor_id, supervisee_id ON supervision
    FOR EACH ROW EXECUTE FUNCTION forget_unsupervised()""",
        # A supervisor made something else by hand (the program offers no role change)
        # holds the emergency key no longer.
        f"""CREATE FUNCTION forget_demoted() RETURNS trigger LANGUAGE plpgsql {_DEFINER} AS $$
BEGIN
    PERFORM forget_emergency_holder(NEW.id);
    RETURN NULL;
END $$""",
        """CREATE TRIGGER trg_users_forget_demoted AFTER UPDATE OF role ON users
    FOR EACH ROW WHEN (OLD.role = 'supervisor' AND NEW.role <> 'supervisor')
    EXECUTE FUNCTION forget_demoted()""",
    ]
