"""Supervision links and emergency grants on the practice server: the two ways, besides an
assignment, that a case opens to someone (schema.py's my_cases()).

The server checks both again: only a live administrator's login may change supervision,
and an emergency grant is accepted only for the login itself, stamped with the server's
clock, for at most domain/emergency.py's MAX_HOURS (the row policy and check in schema.py).
Case names come through schema.py's case_names(): a clinician choosing a case to open, or a
supervisor reading the log, may know a case's name without seeing the case.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Connection, text
from sqlalchemy.orm import Session

from clarity_desktop.domain.errors import ErrorCode, ValidationError
from clarity_desktop.domain.identity import Role
from clarity_desktop.domain.records import CaseStatus
from clarity_desktop.domain.supervision import SupervisionMode
from clarity_desktop.store import directory
from clarity_desktop.store.postgres import directory_rows, grant_reasons
from clarity_desktop.store.postgres.logins import user_of
from clarity_desktop.store.roster import CaseName, EmergencyGrant

_SUPERVISES = (Role.SUPERVISOR,)
_SUPERVISED = (Role.CLINICIAN, Role.SUPERVISOR)


def _role(conn: Connection, user_id: int) -> Role:
    return Role(
        conn.execute(text("SELECT role FROM users WHERE id = :u"), {"u": user_id}).scalar_one()
    )


def set_supervision(
    conn: Connection, supervisor_login: str, supervisee_login: str, mode: SupervisionMode | None
) -> tuple[int, int]:
    supervisor = user_of(conn, supervisor_login)
    supervisee = user_of(conn, supervisee_login)
    if mode is None:
        conn.execute(
            text("DELETE FROM supervision WHERE supervisor_id = :a AND supervisee_id = :b"),
            {"a": supervisor, "b": supervisee},
        )
        return supervisor, supervisee
    if supervisor == supervisee:
        raise ValidationError(ErrorCode.SUPERVISION_SELF, "supervisee")
    if _role(conn, supervisor) not in _SUPERVISES or _role(conn, supervisee) not in _SUPERVISED:
        raise ValidationError(
            ErrorCode.SERVER_SUPERVISION_INVALID,
            "supervisor",
            supervisor=supervisor_login,
            supervisee=supervisee_login,
        )
    conn.execute(
        text(
            "INSERT INTO supervision (supervisor_id, supervisee_id, mode) VALUES (:a, :b, :m) "
            "ON CONFLICT (supervisor_id, supervisee_id) DO UPDATE SET mode = EXCLUDED.mode"
        ),
        {"a": supervisor, "b": supervisee, "m": mode.value},
    )
    return supervisor, supervisee


def grant_emergency(
    conn: Connection, case_id: int, seal_reason: Callable[[int], str], minutes: int
) -> int:
    """The server stamps the window (a workstation's clock may be wrong); a case id that
    does not exist is refused by the foreign key, in plain words here. *seal_reason*
    gives the reason as stored for the grant's id (grant_reasons.py), taken first."""
    exists = conn.execute(text("SELECT case_exists(:c)"), {"c": case_id}).scalar()
    if not exists:
        raise ValidationError(ErrorCode.SERVER_NO_SUCH_CASE, "case", case=case_id)
    grant_id = int(
        conn.execute(
            text("SELECT nextval(pg_get_serial_sequence('emergency_grants', 'id'))")
        ).scalar_one()
    )
    conn.execute(
        text(
            "INSERT INTO emergency_grants (id, user_id, case_id, reason, granted_at, until) "
            "SELECT :i, me(), :c, :r, t, t + make_interval(mins => :m) "
            "FROM (SELECT now() AT TIME ZONE 'utc' AS t) AS server_clock"
        ),
        {"i": grant_id, "c": case_id, "r": seal_reason(grant_id), "m": minutes},
    )
    return grant_id


def live_grants(db: Session) -> list[EmergencyGrant]:
    return _grants(db, "WHERE g.until > now() AT TIME ZONE 'utc' ")


def grant_log(db: Session) -> list[EmergencyGrant]:
    return _grants(db, "")


def _grants(db: Session, where: str) -> list[EmergencyGrant]:
    """The grants row security lets the login see (their own; every one for a supervisor
    or an administrator), each with its case's name (opened in the program), newest first."""
    found = db.execute(
        text(
            "SELECT g.id, g.user_id, u.display_name, g.case_id, g.reason, g.granted_at, g.until, "
            "coalesce(n.display_name, ''), g.until > now() AT TIME ZONE 'utc', n.id, "
            "n.row_version FROM emergency_grants g JOIN users u ON u.id = g.user_id "
            "LEFT JOIN case_names() n ON n.id = g.case_id "
            f"{where}ORDER BY g.granted_at DESC, g.id DESC"
        )
    ).all()
    rows = directory_rows.reveal(db, found, "cases", 9, 10, {7: "display_name"})
    ring = directory_rows.ring_to_read(db) if rows else None
    return [
        EmergencyGrant(
            int(r[0]),
            int(r[1]),
            str(r[2]),
            int(r[3]),
            grant_reasons.opened(db, int(r[0]), str(r[4]), ring),
            r[5],
            r[6],
            str(r[7]),
            bool(r[8]),
        )
        for r in rows
    ]


def case_names(db: Session) -> list[CaseName]:
    """Every case's name, opened and sorted in the program (the server holds ciphertext)."""
    found = db.execute(
        text("SELECT id, display_name, status, row_version FROM case_names() ORDER BY id")
    ).all()
    rows = directory_rows.reveal(db, found, "cases", 0, 3, {1: "display_name"})
    names = [CaseName(int(r[0]), str(r[1]), CaseStatus(r[2])) for r in rows]
    return directory.sorted_by_name(names, lambda n: n.display_name)
