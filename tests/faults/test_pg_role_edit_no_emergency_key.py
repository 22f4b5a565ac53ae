"""An administrator who edits her own role to "supervisor" is offered no emergency key.

The administrator's login may edit users (roles included: she keeps the staff list), but
only the server's registrar puts a login in a group, and the server lets only the
supervisors' group read clinical records. The practice's emergency key opens every case's
key, so it goes only to a supervisor by role AND by group (keytables.is_supervisor): Sam's
program is not asked to share it with Ada, and the server refuses a wrap made for her.

Failed before: the pending shares listed every users row with role 'supervisor', and the
server's rule for emergency-key wraps trusted the same column.
"""

from __future__ import annotations

from pathlib import Path

import psycopg

from tests.pg_practice import ADMIN, SAM, PgPractices
from tests.store.pg_case import dana_case


def test_an_administrator_made_supervisor_by_her_own_edit_is_not_offered_the_emergency_key(
    pg_practices: PgPractices, tmp_path: Path
) -> None:
    with dana_case(pg_practices, tmp_path) as p:
        # Each signs in once, so each has their key pair; Sam holds the emergency key.
        for who in (ADMIN, SAM):
            pg_practices.unlock(p.dbname, who, tmp_path / who.login).close()
        cluster = pg_practices.cluster
        ada_id = cluster.psql(
            f"SELECT user_id FROM clarity.staff WHERE login = '{ADMIN.login}'", p.dbname
        ).strip()
        held = cluster.psql(
            "SELECT count(*) FROM clarity.key_wraps k JOIN clarity.staff s ON s.user_id = "
            f"k.user_id WHERE k.scope = 'emergency' AND s.login = '{SAM.login}'",
            p.dbname,
        ).strip()
        assert held != "0", "setting-up: Sam holds the emergency key"
        with psycopg.connect(cluster.conninfo(ADMIN.login, ADMIN.password, p.dbname)) as ada:
            ada.execute(
                "UPDATE clarity.users SET role = 'supervisor' WHERE id = %s", (int(ada_id),)
            )
        with psycopg.connect(cluster.conninfo(SAM.login, SAM.password, p.dbname)) as sam:
            offered = sam.execute("SELECT reader, how FROM clarity.pending_shares()").fetchall()
            # Nor may Sam's login wrap the emergency key for her, asked or not.
            allowed = sam.execute("SELECT clarity.is_supervisor(%s)", (int(ada_id),)).fetchone()
        assert int(ada_id) not in [r[0] for r in offered], offered
        assert allowed == (False,)
