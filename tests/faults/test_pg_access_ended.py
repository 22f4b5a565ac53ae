"""Someone whose access to a case ends keeps no key to what is written after.

Leaving the practice is one way to lose a case (test_pg_staff_leaving.py); the others
are quieter: the administrator takes the case from Eli, a supervision link ends, an
emergency grant runs out. Each time, as a hostile tester checks with the superuser:
- no wrap of the case's key is left addressed to them, so a later pg_dump plus their
  password opens nothing;
- a copy of the case key they kept does not open what the case's holder writes next;
- the holder, the recovery sheet and the emergency key read on as before.
The one exception: the last person who may still read the case keeps their key, so
unassigning the only holder never loses the case.

Failed before: only disabling a login removed wraps; an unassigned colleague, a former
supervisor or an expired emergency reader kept theirs, and the case went on writing
under the key they had.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from clarity_desktop.domain.errors import ErrorCode
from clarity_desktop.domain.records import CaseInput, CaseKind, PartnerInput, SessionInput
from clarity_desktop.domain.supervision import SupervisionMode
from clarity_desktop.services import cases, emergency, key_sharing, notes, sessions, staff
from clarity_desktop.store.postgres.encryption.values import EncryptionError, KeyRing
from clarity_desktop.store.practice import OpenPractice
from tests.faults.test_pg_staff_leaving import (
    AFTER,
    BEFORE,
    Leaving,
    eli_kept,
    keychain,
    leaving,
    opened_with,
    recovery_ring,
)
from tests.pg_practice import DANA, ELI, SAM, as_dba
from tests.services.conftest import note_draft

__all__ = ["leaving"]
REASON = "Robin called in crisis tonight."


def wraps_of(p: Leaving, who: OpenPractice, case_id: int | None = None) -> list[str]:
    return p.su(
        "SELECT generation FROM clarity.key_wraps WHERE scope = 'case' "
        f"AND owner = {case_id or p.case_id} AND user_id = {who.principal.user_id}"
    )


def kept_by(p: Leaving, who: OpenPractice) -> KeyRing:
    with who.engine.connect() as conn:
        return keychain(who).ring(conn, p.case_id, fresh=True)


def out_of_reach(p: Leaving, kept: KeyRing) -> None:
    """What Dana writes next: not for *kept*, still for Dana and the recovery sheet."""
    after = p.note(9, AFTER)
    with pytest.raises(EncryptionError) as refused:
        opened_with(kept, p, after)
    assert refused.value.code is ErrorCode.ENCRYPTION_KEY_NOT_HELD
    assert notes.read_note(p.dana.uow(), after).sections["focus"] == AFTER
    assert opened_with(recovery_ring(p), p, after) == AFTER


def test_a_colleague_the_case_is_taken_from_keeps_no_key(leaving: Leaving) -> None:
    p = leaving
    kept = eli_kept(p)
    assert opened_with(kept, p, p.signed) == BEFORE
    staff.assign_case(p.admin, p.case_id, ELI.login, remove=True)
    assert wraps_of(p, p.eli) == []  # gone at once, with the assignment
    assert wraps_of(p, p.dana) == ["1"]
    out_of_reach(p, kept)


def test_a_supervisor_whose_link_ends_keeps_no_key(leaving: Leaving) -> None:
    p = leaving
    staff.set_supervision(p.admin, SAM.login, DANA.login, SupervisionMode.VIEW)
    key_sharing.share_case_key(p.dana, p.case_id, p.sam.principal.user_id)
    kept = kept_by(p, p.sam)
    assert opened_with(kept, p, p.signed) == BEFORE
    staff.set_supervision(p.admin, SAM.login, DANA.login, None)
    assert wraps_of(p, p.sam) == []
    assert wraps_of(p, p.eli) == ["1"]  # Eli is still assigned: his key stays
    out_of_reach(p, kept)


def test_an_emergency_reader_whose_grant_ran_out_keeps_no_key(leaving: Leaving) -> None:
    """A clinician's emergency grant: Dana shared the key; the grant ends by the clock,
    with no one acting, so the key goes before Dana's next save."""
    p = leaving
    staff.assign_case(p.admin, p.case_id, ELI.login, remove=True)
    emergency.open_in_emergency(p.eli, p.case_id, REASON, 30)
    key_sharing.share_case_key(p.dana, p.case_id, p.eli.principal.user_id)
    kept = eli_kept(p)
    assert wraps_of(p, p.eli) != []
    as_dba(
        p.dana,
        "UPDATE emergency_grants SET granted_at = granted_at - interval '2 hours', until = now() AT TIME ZONE 'utc' - interval '1 minute'",
    )
    out_of_reach(p, kept)
    assert wraps_of(p, p.eli) == []


def test_the_only_holder_unassigned_keeps_the_key_so_the_case_is_not_lost(
    leaving: Leaving,
) -> None:
    p = leaving
    case = cases.create_case(
        p.dana.uow(), CaseInput(CaseKind.INDIVIDUAL, "", (PartnerInput("Sky Moreno"),))
    )
    made = sessions.create_session(p.dana.uow(), case.id, SessionInput(datetime(2026, 4, 1, 9)))
    assert made.note_id is not None
    notes.save_draft(p.dana.uow(), made.note_id, note_draft({"focus": BEFORE}))
    staff.assign_case(p.admin, case.id, DANA.login, remove=True)
    assert wraps_of(p, p.dana, case.id) == ["1"]  # nobody else holds it
    staff.assign_case(p.admin, case.id, DANA.login)
    assert notes.read_note(p.dana.uow(), made.note_id).sections["focus"] == BEFORE


def test_a_supervision_link_moved_by_hand_takes_the_key_at_once(leaving: Leaving) -> None:
    """The administrator, with SQL of her own, points Sam's link at someone else: Sam reads
    Dana's case through nobody now, so his key to it goes with the change."""
    p = leaving
    staff.set_supervision(p.admin, SAM.login, DANA.login, SupervisionMode.VIEW)
    key_sharing.share_case_key(p.dana, p.case_id, p.sam.principal.user_id)
    assert wraps_of(p, p.sam) == ["1"]
    as_dba(
        p.dana,
        f"UPDATE supervision SET supervisee_id = {p.admin.principal.user_id} "
        f"WHERE supervisor_id = {p.sam.principal.user_id}",
        triggers_off=False,
    )
    assert wraps_of(p, p.sam) == []
