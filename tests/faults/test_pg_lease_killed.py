"""A program holding a note's edit lease is killed (SIGKILL: no goodbye, no release): the
note is free again for everyone else, because the lease is a lock on that program's own
connection, which the server ends with the dead process. The row still naming the dead
holder counts for nothing (nobody holds its lock)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

from clarity_desktop.domain.records import CaseInput, CaseKind, PartnerInput, SessionInput
from clarity_desktop.services import cases, leases, sessions, staff
from tests.faults.conftest import child_env
from tests.pg_practice import ADMIN, DANA, ELI, PgPractices, rows

CHILD = Path(__file__).with_name("lease_child.py")
FREED_WITHIN_S = 60  # a generous bound for a busy machine; freeing is usually immediate


def test_a_killed_editor_frees_its_note_for_the_next_person(
    pg_practices: PgPractices, tmp_path: Path
) -> None:
    dbname = pg_practices.new_database(tmp_path)
    dana = pg_practices.unlock(dbname, DANA, tmp_path / "dana")
    admin = pg_practices.unlock(dbname, ADMIN, tmp_path / "admin")
    eli = pg_practices.unlock(dbname, ELI, tmp_path / "eli")
    child: subprocess.Popen[str] | None = None
    try:
        case = cases.create_case(
            dana.uow(), CaseInput(CaseKind.COUPLE, "", (PartnerInput("Noa"), PartnerInput("Ravi")))
        )
        note_id = sessions.create_session(
            dana.uow(), case.id, SessionInput(datetime(2026, 2, 3, 14, 0))
        ).note_id
        assert note_id is not None
        staff.assign_case(admin, case.id, ELI.login)  # Eli works with the couple too

        env = child_env()
        env["CLARITY_TEST_PASSWORD"] = DANA.password
        folder = pg_practices.folder(dbname, DANA, tmp_path / "dana-elsewhere")
        child = subprocess.Popen(
            [sys.executable, str(CHILD), str(folder), str(note_id)],
            stdout=subprocess.PIPE,
            text=True,
            env=env,
        )
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "held"

        holder = leases.lease_holder(eli, note_id)
        assert holder is not None and holder.name == DANA.name
        refused = leases.hold_lease(eli, note_id)
        assert isinstance(refused, leases.LeaseHolder) and refused.name == DANA.name

        os.kill(child.pid, signal.SIGKILL)
        child.wait()
        deadline = time.monotonic() + FREED_WITHIN_S
        while leases.lease_holder(eli, note_id) is not None and time.monotonic() < deadline:
            time.sleep(0.1)
        assert leases.lease_holder(eli, note_id) is None
        dana_id = dana.principal.user_id
        # The dead holder's row is still there, and counts for nothing.
        assert rows(dana, f"SELECT user_id FROM note_leases WHERE note_id = {note_id}") == [
            (dana_id,)
        ]

        taken = leases.hold_lease(eli, note_id)
        assert not isinstance(taken, leases.LeaseHolder) and taken.held()
        holder = leases.lease_holder(dana, note_id)
        assert holder is not None and holder.name == ELI.name
        taken.release()
        assert leases.lease_holder(dana, note_id) is None
    finally:
        if child is not None and child.poll() is None:
            child.kill()
            child.wait()
        for opened in (eli, admin, dana):
            opened.close()
        pg_practices.drop(dbname)
