"""A case's key is shared with someone given access only when a holder approves.

Dana holds the key of her case. Each way someone gains access to it (the administrator
assigns it to Eli, a supervision link makes Sam read Dana's cases, Eli opens it in an
emergency) shows on Dana's list "X was given access to <case> by Y: share the case's
key?"; until she approves, the newcomer reads the locked sentence; once she does, the
text. The approval is in the audit trail. An administrator who assigns the case to a
login of her own reads nothing until Dana approves, and a key the server swapped in for
Eli's is refused in words. Failed before: nothing shared a key, so every newcomer was
locked out for good (or, in slice 1's plan, wrapped for silently).
"""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pytest

from clarity_desktop.domain.errors import ClarityError, ErrorCode
from clarity_desktop.domain.identity import Role
from clarity_desktop.domain.locked_text import locked_sections
from clarity_desktop.domain.records import CaseInput, CaseKind, PartnerInput, SessionInput
from clarity_desktop.domain.supervision import SupervisionMode
from clarity_desktop.services import (
    cases,
    emergency,
    key_sharing,
    notes,
    practices,
    sessions,
    staff,
)
from clarity_desktop.services.key_sharing import ShareRequest
from clarity_desktop.store.practice import OpenPractice
from tests import pg_practice
from tests.pg_practice import ADMIN, DANA, ELI, SAM, Person, PgPractices
from tests.services.conftest import note_draft

WRITTEN = "Robin said the Sunday calls felt like a test she kept failing."


@dataclass
class Practice:
    pg: PgPractices
    dbname: str
    tmp: Path
    dana: OpenPractice
    eli: OpenPractice
    sam: OpenPractice
    admin: OpenPractice
    case_id: int
    note_id: int

    def focus(self, who: OpenPractice) -> str:
        sections = notes.read_note(who.uow(), self.note_id).sections
        return sections.get("focus", "") if sections != locked_sections() else "LOCKED"


@pytest.fixture
def group(pg_practices: PgPractices, tmp_path: Path) -> Iterator[Practice]:
    dbname = pg_practices.new_database(tmp_path)
    people = [pg_practices.unlock(dbname, p, tmp_path / p.login) for p in (DANA, ELI, SAM, ADMIN)]
    try:
        dana = people[0]
        case = cases.create_case(
            dana.uow(), CaseInput(CaseKind.INDIVIDUAL, "", (PartnerInput("Robin Vale"),))
        )
        made = sessions.create_session(dana.uow(), case.id, SessionInput(datetime(2026, 3, 2, 10)))
        assert made.note_id is not None
        notes.save_draft(dana.uow(), made.note_id, note_draft({"focus": WRITTEN}))
        yield Practice(pg_practices, dbname, tmp_path, *people, case.id, made.note_id)
    finally:
        for opened in people:
            opened.close()


def asked(p: Practice) -> list[tuple[str, str, str, str]]:
    """Dana's case-key requests (a newcomer's directory request: test_directory_key.py)."""
    return [
        (r.reader_name, r.case_name, r.how, r.given_by)
        for r in key_sharing.pending_shares(p.dana)
        if not r.is_directory
    ]


def only(p: Practice) -> ShareRequest:
    [request] = [r for r in key_sharing.pending_shares(p.dana) if not r.is_directory]
    return request


def shared_rows(p: Practice) -> list[tuple[str, str]]:
    """Case keys shared (the template's directory shares are test_directory_key.py's)."""
    return [
        (str(r[4]), str(r[5]))
        for r in p.pg.audit_rows(p.dana.folder)
        if r[0] == "key_shared" and r[1] == "case"
    ]


def test_an_assignment_waits_for_the_holder_to_share(group: Practice) -> None:
    assert asked(group) == []
    staff.assign_case(group.admin, group.case_id, ELI.login)
    assert asked(group) == [("Eli Park", "Robin Vale", "assigned", "Ada Lind")]
    assert group.focus(group.eli) == "LOCKED"
    # Nobody else is asked: Eli holds no key, the administrator keeps no records.
    assert key_sharing.pending_shares(group.eli) == []
    assert key_sharing.pending_shares(group.admin) == []

    request = only(group)
    key_sharing.share_case_key(group.dana, request.case_id, request.reader)
    assert group.focus(group.eli) == WRITTEN
    assert asked(group) == []
    assert shared_rows(group) == [
        ("Dana Reyes, LMFT", "shared with Eli Park (assigned, given by Ada Lind)")
    ]
    # Once shared, Eli writes into the case as Dana does.
    notes.save_draft(group.eli.uow(), group.note_id, note_draft({"focus": "Eli's addition."}))
    assert group.focus(group.dana) == "Eli's addition."


def test_a_supervision_link_waits_for_the_holder_to_share(group: Practice) -> None:
    staff.set_supervision(group.admin, SAM.login, DANA.login, SupervisionMode.VIEW)
    assert asked(group) == [("Sam Okafor", "Robin Vale", "supervision", "Ada Lind")]
    assert group.focus(group.sam) == "LOCKED"
    key_sharing.share_case_key(group.dana, group.case_id, only(group).reader)
    assert group.focus(group.sam) == WRITTEN


def test_an_emergency_grant_waits_for_the_holder_to_share(group: Practice) -> None:
    emergency.open_in_emergency(group.eli, group.case_id, "Robin called in crisis tonight.", 30)
    assert asked(group) == [("Eli Park", "Robin Vale", "emergency", "Eli Park")]
    assert group.focus(group.eli) == "LOCKED"
    key_sharing.share_case_key(group.dana, group.case_id, only(group).reader)
    assert group.focus(group.eli) == WRITTEN


def test_an_administrator_assigning_a_login_of_her_own_gets_ciphertext(group: Practice) -> None:
    login = f"adaclin{secrets.token_hex(3)}"  # logins are cluster-wide
    own = Person(login, "Ada Clinician", Role.CLINICIAN, "", "ada's second password 71")
    first = "ada's first password 12"
    staff.add_staff(group.admin, own.login, own.name, own.role, first)
    opened = practices.unlock_practice(group.pg.folder(group.dbname, own, group.tmp / login), first)
    try:
        # Even her own first sign-in, with a key pair of her own, gets nothing shared.
        practices.change_passphrase(opened, first, own.password, own.password)
        staff.assign_case(group.admin, group.case_id, login)
        assert group.focus(opened) == "LOCKED"
        stored = pg_practice.rows(
            group.dana, f"SELECT sections::text FROM notes WHERE id = {group.note_id}"
        )
        assert WRITTEN not in str(stored)
        assert asked(group) == [("Ada Clinician", "Robin Vale", "assigned", "Ada Lind")]
        assert group.focus(opened) == "LOCKED"  # still: only Dana's approval shares it
    finally:
        opened.close()


def test_a_key_the_server_swapped_in_is_refused(group: Practice) -> None:
    staff.assign_case(group.admin, group.case_id, ELI.login)
    # The server's superuser puts Sam's encryption key on Eli's row, certificate and all.
    pg_practice.as_dba(
        group.dana,
        "UPDATE staff SET (box_public, box_certificate) = (SELECT box_public, box_certificate "
        "FROM staff s JOIN users u ON u.id = s.user_id WHERE s.login = 'sam') "
        "WHERE login = 'eli'",
    )
    with pytest.raises(ClarityError) as refused:
        key_sharing.share_case_key(group.dana, group.case_id, only(group).reader)
    assert refused.value.code is ErrorCode.ENCRYPTION_CERTIFICATE_FAILED
    assert "not vouched for by Eli Park's own signing key" in str(refused.value)
    assert shared_rows(group) == []
    assert (
        pg_practice.rows(
            group.dana,
            f"SELECT count(*) FROM key_wraps WHERE scope = 'case' "
            f"AND recipient = 'user:{only(group).reader}'",
        )[0][0]
        == 0
    )


def emergency_wraps(p: Practice) -> list[str]:
    """(scope, recipient, staff login) of every wrap of or for the emergency key."""
    return p.pg.cluster.psql(
        "SELECT w.scope || ' ' || w.recipient || ' ' || coalesce(s.login, '-') "
        "FROM clarity.key_wraps w LEFT JOIN clarity.staff s ON s.user_id = w.user_id "
        "WHERE w.scope = 'emergency' OR w.recipient = 'emergency' ORDER BY 1",
        p.dbname,
    ).splitlines()


def test_a_supervisor_in_an_emergency_reads_the_case_at_once(group: Practice) -> None:
    """The lead's answer 3: Sam's program made the practice emergency key at his first
    sign-in (its private half wrapped for him alone), Dana's new case was wrapped for it,
    and his emergency grant opens the text at once, with nobody's approval. Eli, a
    clinician, still waits for Dana (the test above)."""
    sam_id = group.sam.principal.user_id
    assert emergency_wraps(group) == ["case emergency -", f"emergency user:{sam_id} sam"]
    emergency.open_in_emergency(group.sam, group.case_id, "Robin called in crisis tonight.", 30)
    assert group.focus(group.sam) == WRITTEN
    assert asked(group) == []  # nothing for Dana to share: it would outlive his grant
