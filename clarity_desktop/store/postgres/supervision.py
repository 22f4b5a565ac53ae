"""Supervision links on the practice server (table ``supervision``): who supervises whom,
and how closely. An administrator keeps them; each staff member reads the links they are
part of (row-level security), which is all the supervision rules of services/ need."""

from __future__ import annotations

from sqlalchemy import Connection, text

from clarity_desktop.domain.supervision import SupervisionMode
from clarity_desktop.store.roster import Supervision

# The closest supervision first, where someone has more than one supervisor.
_CLOSEST = "CASE v.mode WHEN 'cosign' THEN 0 WHEN 'approve' THEN 1 ELSE 2 END"


def supervisor_of(conn: Connection, user_id: int) -> Supervision | None:
    row = conn.execute(
        text(
            "SELECT u.id, u.display_name, v.mode FROM supervision v "
            "JOIN users u ON u.id = v.supervisor_id "
            f"WHERE v.supervisee_id = :u AND NOT u.disabled ORDER BY {_CLOSEST}, u.id LIMIT 1"
        ),
        {"u": user_id},
    ).first()
    return None if row is None else Supervision(int(row[0]), str(row[1]), SupervisionMode(row[2]))


def supervisees_of(conn: Connection, user_id: int) -> list[Supervision]:
    rows = conn.execute(
        text(
            "SELECT u.id, u.display_name, v.mode FROM supervision v "
            "JOIN users u ON u.id = v.supervisee_id "
            "WHERE v.supervisor_id = :u AND NOT u.disabled ORDER BY u.display_name, u.id"
        ),
        {"u": user_id},
    )
    return [Supervision(int(r[0]), str(r[1]), SupervisionMode(r[2])) for r in rows]


def supervisors_by_supervisee(conn: Connection) -> dict[int, list[Supervision]]:
    """Every link the login may see (an administrator: all), by supervisee, each one's
    supervisors closest first; for the staff list."""
    rows = conn.execute(
        text(
            "SELECT v.supervisee_id, u.id, u.display_name, v.mode FROM supervision v "
            "JOIN users u ON u.id = v.supervisor_id "
            f"ORDER BY v.supervisee_id, {_CLOSEST}, u.display_name, u.id"
        )
    )
    found: dict[int, list[Supervision]] = {}
    for r in rows:
        found.setdefault(int(r[0]), []).append(
            Supervision(int(r[1]), str(r[2]), SupervisionMode(r[3]))
        )
    return found
