from __future__ import annotations

from sqlalchemy import text

from clarity_desktop.domain.supervision import SupervisionMode
from clarity_desktop.services import key_sharing, staff
from tests.faults.test_pg_access_ended import kept_by, out_of_reach, wraps_of
from tests.faults.test_pg_staff_leaving import BEFORE, leaving, opened_with
from tests.pg_practice import DANA, ELI, SAM

__all__ = ["leaving"]


def test_repointing_a_supervision_link_keeps_the_old_key(leaving) -> None:
    p = leaving
    staff.assign_case(p.admin, p.case_id, ELI.login, remove=True)  # Eli not on the case
    staff.set_supervision(p.admin, SAM.login, DANA.login, SupervisionMode.VIEW)
    key_sharing.share_case_key(p.dana, p.case_id, p.sam.principal.user_id)
    kept = kept_by(p, p.sam)
    assert opened_with(kept, p, p.signed) == BEFORE
    # The administrator, with her own login, moves Sam's supervision from Dana to Eli.
    with p.admin.engine.begin() as conn:
        n = conn.execute(
            text(
                "UPDATE clarity.supervision SET supervisee_id = :e "
                "WHERE supervisor_id = :s AND supervisee_id = :d"
            ),
            {"e": p.eli.principal.user_id, "s": p.sam.principal.user_id, "d": p.dana.principal.user_id},
        ).rowcount
    assert n == 1
    print("sam wraps after link moved:", wraps_of(p, p.sam))
    print("rotations:", p.su("SELECT scope||' '||owner FROM clarity.key_rotations"))
    p.note(9, "after the move")
    print("sam wraps after Dana's next write:", wraps_of(p, p.sam))
    assert wraps_of(p, p.sam) == []
