"""Edit leases on a practice server: while a note is open for editing in one program,
everyone else opens it read-only and reads who is writing it and since when.

A lease is a session-level advisory lock (pg_try_advisory_lock) taken on a connection of
its own, which the editor keeps for as long as the note is open, plus a row in
note_leases naming who and since when. The lock, not the row, is the truth: it goes with
the connection, so a program that closes the note, loses its network or is killed frees
the note (the server ends the dead connection and its locks with it). A row whose lock
nobody holds (pg_locks) counts as free and is overwritten by the next one to take it.

Every change goes through the SECURITY DEFINER functions below, which check who asks
(session_user, through me() and my_cases()); staff may only read the rows of notes they
may read. Taking over ("break_note_lease") is for the holder's supervisor (supervision),
an administrator, or the holder themself from another program. The function insists
that the audit row saying so is already in the caller's transaction, then ends the
holder's lease connection (pg_terminate_backend, which is why the owner role is a member
of pg_signal_backend; the function ends only the backend holding this note's lock). Ending
a backend is not undone by a rollback: the audit row is written first, so a take-over
without its row needs the commit itself to fail after the function ran.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from weakref import WeakKeyDictionary

import psycopg
from psycopg.pq import TransactionStatus
from sqlalchemy import Connection, Engine, event, text

from clarity_desktop.domain.errors import ErrorCode, NotFound
from clarity_desktop.store.backend import BreakOutcome, LeaseHolder
from clarity_desktop.store.postgres.roles import ALL_STAFF, CARE, OWNER

# The advisory locks' first key (the second is the note's id): a number of our own, so
# these locks never meet anyone else's in the database.
LEASE_CLASS = 7_041_313

_DEFINER = "SECURITY DEFINER SET search_path = clarity, pg_temp"
_HOLDER_COLUMNS = (
    "user_id integer, display_name text, since timestamp, may_take_over boolean, case_id integer"
)

STATEMENTS = (
    """CREATE TABLE IF NOT EXISTS note_leases (
    note_id integer PRIMARY KEY REFERENCES notes(id) ON DELETE CASCADE,
    user_id integer NOT NULL REFERENCES users(id),
    since timestamp NOT NULL,
    pid integer NOT NULL
)""",
    "ALTER TABLE note_leases ENABLE ROW LEVEL SECURITY",
    "ALTER TABLE note_leases FORCE ROW LEVEL SECURITY",
    f"CREATE POLICY owner_all ON note_leases TO {OWNER} USING (true) WITH CHECK (true)",
    f"CREATE POLICY care_read ON note_leases FOR SELECT TO {', '.join(CARE)} "
    "USING (note_id IN (SELECT n.id FROM notes n))",
    f"GRANT SELECT ON note_leases TO {', '.join(CARE)}",
    # The backend holding the note's lock, if any (in this database).
    f"""CREATE FUNCTION lease_pid(p_note integer) RETURNS integer LANGUAGE sql VOLATILE
{_DEFINER} AS $$
    SELECT l.pid FROM pg_locks l
    WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 2
      AND l.database = (SELECT d.oid FROM pg_database d WHERE d.datname = current_database())
      AND l.classid = {LEASE_CLASS}::oid AND l.objid = p_note::oid
    LIMIT 1
$$""",
    f"""CREATE FUNCTION may_see_note(p_note integer) RETURNS boolean LANGUAGE sql VOLATILE
{_DEFINER} AS $$
    SELECT EXISTS (SELECT 1 FROM notes n JOIN sessions s ON s.id = n.session_id
                   WHERE n.id = p_note AND s.case_id IN (SELECT my_cases()))
        OR EXISTS (SELECT 1 FROM users u WHERE u.id = me() AND u.role = 'administrator')
$$""",
    f"""CREATE FUNCTION may_take_lease_from(p_holder integer) RETURNS boolean LANGUAGE sql
VOLATILE {_DEFINER} AS $$
    SELECT me() IS NOT NULL AND (
        p_holder = me()
        OR EXISTS (SELECT 1 FROM users u WHERE u.id = me() AND u.role = 'administrator')
        OR EXISTS (SELECT 1 FROM supervision v
                   WHERE v.supervisor_id = me() AND v.supervisee_id = p_holder))
$$""",
    f"""CREATE FUNCTION note_lease(p_note integer) RETURNS TABLE ({_HOLDER_COLUMNS})
LANGUAGE plpgsql VOLATILE {_DEFINER} AS $$
DECLARE
    holder_pid integer;
    who integer;
    at timestamp;
BEGIN
    IF me() IS NULL OR NOT may_see_note(p_note) THEN
        RETURN;
    END IF;
    holder_pid := lease_pid(p_note);
    IF holder_pid IS NULL THEN
        RETURN;
    END IF;
    SELECT l.user_id, l.since INTO who, at FROM note_leases l
    WHERE l.note_id = p_note AND l.pid = holder_pid;
    IF who IS NULL THEN  -- taken this instant: its row is not committed yet
        SELECT s.user_id INTO who FROM pg_stat_activity a JOIN staff s ON s.login = a.usename
        WHERE a.pid = holder_pid;
        at := now() AT TIME ZONE 'utc';
    END IF;
    RETURN QUERY SELECT who, u.display_name::text, at, may_take_lease_from(who),
        (SELECT s.case_id FROM notes n JOIN sessions s ON s.id = n.session_id WHERE n.id = p_note)
    FROM users u WHERE u.id = who;
END $$""",
    f"""CREATE FUNCTION take_note_lease(p_note integer) RETURNS TABLE ({_HOLDER_COLUMNS})
LANGUAGE plpgsql VOLATILE {_DEFINER} AS $$
BEGIN
    IF me() IS NULL OR NOT EXISTS (
        SELECT 1 FROM notes n JOIN sessions s ON s.id = n.session_id
        WHERE n.id = p_note AND s.case_id IN (SELECT my_cases())
    ) THEN
        RAISE EXCEPTION 'no such note for this login' USING ERRCODE = '42501';
    END IF;
    IF lease_pid(p_note) = pg_backend_pid() THEN
        RETURN;  -- ours already
    END IF;
    IF NOT pg_try_advisory_lock({LEASE_CLASS}, p_note) THEN
        RETURN QUERY SELECT * FROM note_lease(p_note);
        RETURN;
    END IF;
    INSERT INTO note_leases (note_id, user_id, since, pid)
    VALUES (p_note, me(), now() AT TIME ZONE 'utc', pg_backend_pid())
    ON CONFLICT (note_id) DO UPDATE
    SET user_id = EXCLUDED.user_id, since = EXCLUDED.since, pid = EXCLUDED.pid;
END $$""",
    f"""CREATE FUNCTION release_note_lease(p_note integer) RETURNS void LANGUAGE plpgsql
VOLATILE {_DEFINER} AS $$
BEGIN
    IF lease_pid(p_note) = pg_backend_pid() THEN
        DELETE FROM note_leases WHERE note_id = p_note AND pid = pg_backend_pid();
        PERFORM pg_advisory_unlock({LEASE_CLASS}, p_note);
    END IF;
END $$""",
    f"""CREATE FUNCTION break_note_lease(p_note integer, p_holder integer, p_reason text)
RETURNS text LANGUAGE plpgsql VOLATILE {_DEFINER} AS $$
DECLARE
    holder_pid integer;
    who integer;
BEGIN
    IF me() IS NULL OR NOT may_see_note(p_note) THEN
        RETURN 'refused';
    END IF;
    IF length(btrim(coalesce(p_reason, ''))) = 0 THEN
        RAISE EXCEPTION 'taking over needs a reason' USING ERRCODE = '22023';
    END IF;
    holder_pid := lease_pid(p_note);
    IF holder_pid IS NULL THEN
        RETURN 'free';
    END IF;
    SELECT n.user_id INTO who FROM note_lease(p_note) n;
    IF who IS DISTINCT FROM p_holder THEN
        RETURN 'changed';
    END IF;
    IF NOT may_take_lease_from(who) THEN
        RETURN 'refused';
    END IF;
    -- The newest audit row must be this transaction's, saying who takes over which note.
    IF NOT EXISTS (
        SELECT 1 FROM (SELECT e.xmin AS x, e.action, e.entity, e.entity_id, e.user_id
                       FROM audit_events e ORDER BY e.id DESC LIMIT 1) last
        WHERE last.x = pg_current_xact_id()::xid AND last.action = 'lease_broken'
          AND last.entity = 'note' AND last.entity_id = p_note AND last.user_id = me()
    ) THEN
        RAISE EXCEPTION 'taking over is audited first' USING ERRCODE = '42501';
    END IF;
    PERFORM pg_terminate_backend(holder_pid, 5000);
    DELETE FROM note_leases WHERE note_id = p_note;
    RETURN 'broken';
END $$""",
    "REVOKE ALL ON FUNCTION lease_pid(integer), may_see_note(integer), "
    "may_take_lease_from(integer), note_lease(integer), take_note_lease(integer), "
    "release_note_lease(integer), break_note_lease(integer, integer, text) FROM PUBLIC",
    "GRANT EXECUTE ON FUNCTION lease_pid(integer), may_see_note(integer), "
    "may_take_lease_from(integer), note_lease(integer), take_note_lease(integer), "
    "release_note_lease(integer), break_note_lease(integer, integer, text) "
    f"TO {', '.join(ALL_STAFF)}",
)


def install(conn: Connection) -> None:
    """The table, its rules and its functions, in *conn*'s transaction. *conn* belongs
    to the server's superuser (schema.install), who alone may let the owner end backends."""
    conn.exec_driver_sql(f"GRANT pg_signal_backend TO {OWNER}")
    conn.exec_driver_sql(f"SET LOCAL ROLE {OWNER}")
    for statement in STATEMENTS:
        conn.exec_driver_sql(statement)
    conn.exec_driver_sql("RESET ROLE")


def _holder(row: Any) -> LeaseHolder:
    return LeaseHolder(int(row[0]), str(row[1]), row[2].replace(tzinfo=UTC), bool(row[3]), row[4])


def holder(conn: Connection, note_id: int) -> LeaseHolder | None:
    row = conn.execute(text("SELECT * FROM note_lease(:n)"), {"n": note_id}).first()
    return None if row is None else _holder(row)


# One idle lease connection per open practice, kept when a lease is let go, so that
# opening the next note does not sign in again (TLS and SCRAM: tens of milliseconds, where
# the lock itself is one round trip). Closed with the practice's engine.
_SPARE: WeakKeyDictionary[Engine, psycopg.Connection[Any]] = WeakKeyDictionary()


def _close_spare(engine: Engine) -> None:
    spare = _SPARE.pop(engine, None)
    if spare is not None:
        spare.close()


def _connection(engine: Engine, *, fresh: bool = False) -> psycopg.Connection[Any]:
    spare = _SPARE.pop(engine, None)
    if spare is not None:
        usable = not spare.closed and spare.info.transaction_status == TransactionStatus.IDLE
        if usable and not fresh:
            return spare
        spare.close()
    pooled = engine.raw_connection()
    conn: psycopg.Connection[Any] = pooled.driver_connection  # type: ignore[assignment]
    pooled.detach()  # ours alone from now on: never handed to a unit of work
    try:
        conn.rollback()
        conn.autocommit = True
    except BaseException:
        conn.close()
        raise
    if not event.contains(engine, "engine_disposed", _close_spare):
        event.listen(engine, "engine_disposed", _close_spare)
    return conn


def _keep_spare(engine: Engine, conn: psycopg.Connection[Any]) -> None:
    _close_spare(engine)
    _SPARE[engine] = conn


class ServerLease:
    """A note's lease: the lock lives as long as this connection (autocommit, kept out of
    the practice's pool), so it never outlives the program holding it."""

    def __init__(self, conn: psycopg.Connection[Any], note_id: int, engine: Engine) -> None:
        self._conn = conn
        self._engine = engine
        self.note_id = note_id
        self.since = datetime.now(UTC)

    def held(self) -> bool:
        if self._conn.closed:
            return False
        try:
            row = self._conn.execute(
                "SELECT lease_pid(%s) = pg_backend_pid()", (self.note_id,)
            ).fetchone()
        except psycopg.Error:
            return False
        return bool(row and row[0])

    def release(self) -> None:
        """Let the note go, and keep the connection for the next note; should anything
        go wrong, close it instead (and the lock goes with it)."""
        conn = self._conn
        if conn.closed:
            return
        try:
            conn.execute("SELECT release_note_lease(%s)", (self.note_id,))
            still = conn.execute(
                "SELECT lease_pid(%s) IS NOT DISTINCT FROM pg_backend_pid()", (self.note_id,)
            )
            if still.fetchone() == (False,):
                _keep_spare(self._engine, conn)
                return
        except psycopg.Error:
            pass
        conn.close()


def hold(engine: Engine, note_id: int) -> ServerLease | LeaseHolder:
    """Take the note's lease on a connection of its own, or say who has it. A kept
    connection the server has since dropped is replaced once."""
    try:
        return _hold(_connection(engine), note_id, engine)
    except psycopg.OperationalError:
        return _hold(_connection(engine, fresh=True), note_id, engine)


def _hold(conn: psycopg.Connection[Any], note_id: int, engine: Engine) -> ServerLease | LeaseHolder:
    """A holder who lets go between our try and our look is tried again."""
    try:
        for _ in range(3):
            try:
                row = conn.execute("SELECT * FROM take_note_lease(%s)", (note_id,)).fetchone()
            except psycopg.errors.InsufficientPrivilege as exc:  # not a note this login sees
                raise NotFound(ErrorCode.NO_SUCH_NOTE, note_id=note_id) from exc
            if row is None:
                if conn.execute(
                    "SELECT lease_pid(%s) = pg_backend_pid()", (note_id,)
                ).fetchone() == (True,):
                    return ServerLease(conn, note_id, engine)
                continue  # the holder let go in between: try again
            _keep_spare(engine, conn)
            return _holder(row)
    except BaseException:
        conn.close()  # a lock taken before a failure must not stay behind
        raise
    conn.close()
    raise RuntimeError(f"the lease of note {note_id} could not be taken or read")


def break_lease(db_conn: Connection, note_id: int, holder_id: int, reason: str) -> BreakOutcome:
    answer = db_conn.execute(
        text("SELECT break_note_lease(:n, :h, :r)"),
        {"n": note_id, "h": holder_id, "r": reason},
    ).scalar_one()
    return BreakOutcome(str(answer))
