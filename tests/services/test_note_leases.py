"""Two people, one note: the edit lease. While a note is open for editing in one program,
another login opening it learns who has it and since when; the holder's supervisor or an
administrator may take it over, audited; anyone else is refused, by the server itself.
A solo practice has one clinician: every lease is granted. (A holder whose program is
killed: tests/faults/test_pg_lease_killed.py.)"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import psycopg
import pytest

from clarity_desktop.domain.audit_actions import AuditAction
from clarity_desktop.domain.errors import NotFound, NotPermitted, ValidationError
from clarity_desktop.domain.records import CaseInput, CaseKind, PartnerInput, SessionInput
from clarity_desktop.services import audit, cases, leases, practices, sessions, staff
from clarity_desktop.services.dto import CaseDetail, SessionView
from clarity_desktop.store.practice import OpenPractice
from tests.pg_practice import ADMIN, DANA, ELI, SAM, Person, PgPractices, as_dba


@pytest.fixture
def note_id(couple_case: CaseDetail, record_session: Callable[..., SessionView]) -> int:
    s = record_session(couple_case.id)
    assert s.note_id is not None
    return s.note_id


def test_a_lease_is_held_until_released_and_then_the_note_is_free(
    practice: OpenPractice, note_id: int
) -> None:
    lease = leases.hold_lease(practice, note_id)
    assert not isinstance(lease, leases.LeaseHolder)
    assert lease.held()
    lease.release()
    lease.release()  # twice: nothing more
    assert leases.lease_holder(practice, note_id) is None
    again = leases.hold_lease(practice, note_id)
    assert not isinstance(again, leases.LeaseHolder) and again.held()
    again.release()


@pytest.mark.solo_practice
def test_a_solo_practice_never_holds_a_note_from_its_one_clinician(
    practice: OpenPractice, note_id: int
) -> None:
    first = leases.hold_lease(practice, note_id)
    second = leases.hold_lease(practice, note_id)  # a second window of the same person
    assert not isinstance(first, leases.LeaseHolder)
    assert not isinstance(second, leases.LeaseHolder)
    assert leases.lease_holder(practice, note_id) is None
    assert leases.break_lease(practice, note_id, "nothing to take") is None


# ----- a practice server ----------------------------------------------------------------


class Server:
    """One fresh practice server, with Dana's couple case and a note, and sign-ins."""

    def __init__(self, servers: PgPractices, tmp_path: Path) -> None:
        self.servers, self.tmp = servers, tmp_path
        self.dbname = servers.new_database(tmp_path)
        self.opened: list[OpenPractice] = []
        self.dana = self.sign_in(DANA)
        self.case = cases.create_case(
            self.dana.uow(),
            CaseInput(CaseKind.COUPLE, "", (PartnerInput("Noa"), PartnerInput("Ravi"))),
        )
        made = sessions.create_session(
            self.dana.uow(), self.case.id, SessionInput(datetime(2026, 2, 3, 14, 0))
        )
        assert made.note_id is not None
        self.note_id = made.note_id

    def sign_in(self, person: Person) -> OpenPractice:
        opened = self.servers.unlock(
            self.dbname, person, self.tmp / f"{person.login}-{len(self.opened)}"
        )
        self.opened.append(opened)
        return opened

    def assign(self, person: Person) -> None:
        staff.assign_case(self.sign_in(ADMIN), self.case.id, person.login)

    def supervise(self, supervisor: Person, supervisee: Person, mode: str = "view") -> None:
        as_dba(
            self.dana,
            "INSERT INTO supervision (supervisor_id, supervisee_id, mode) "
            f"SELECT a.id, b.id, '{mode}' FROM users a, users b "
            f"WHERE a.display_name = '{supervisor.name}' AND b.display_name = '{supervisee.name}'",
        )

    def audit(self, action: AuditAction) -> list[tuple[Any, ...]]:
        return [r for r in self.servers.audit_rows(self.dana.folder) if r[0] == action.value]

    def close(self) -> None:
        for opened in reversed(self.opened):
            opened.close()


@pytest.fixture
def server(pg_practices: PgPractices, tmp_path: Path) -> Iterator[Server]:
    made = Server(pg_practices, tmp_path)
    try:
        yield made
    finally:
        made.close()


def held_by_dana(server: Server) -> leases.Lease:
    lease = leases.hold_lease(server.dana, server.note_id)
    assert not isinstance(lease, leases.LeaseHolder)
    return lease


def test_a_second_login_sees_who_has_the_note_and_since_when(server: Server) -> None:
    server.assign(ELI)
    eli = server.sign_in(ELI)
    before = datetime.now(UTC) - timedelta(minutes=1)
    lease = held_by_dana(server)

    seen = leases.hold_lease(eli, server.note_id)
    assert isinstance(seen, leases.LeaseHolder)
    assert seen.name == DANA.name
    assert before <= seen.since <= datetime.now(UTC) + timedelta(minutes=1)
    assert not seen.may_take_over  # Eli is not Dana's supervisor
    assert leases.lease_holder(eli, server.note_id) == seen

    lease.release()
    assert leases.lease_holder(eli, server.note_id) is None
    taken = leases.hold_lease(eli, server.note_id)
    assert not isinstance(taken, leases.LeaseHolder)
    holder = leases.lease_holder(server.dana, server.note_id)
    assert holder is not None and holder.name == ELI.name
    taken.release()


def test_taking_and_freeing_a_lease_figures(server: Server) -> None:
    """Prints what opening a note costs for its lease (a connection of its own: TLS and
    SCRAM on top of the lock), and a look at the holder (one round trip)."""
    took, looked = [], []
    for _ in range(5):
        start = time.perf_counter()
        lease = held_by_dana(server)
        took.append(time.perf_counter() - start)
        start = time.perf_counter()
        assert lease.held()
        looked.append(time.perf_counter() - start)
        lease.release()
    print(
        f"\nlease: take {1000 * statistics.median(took):.1f} ms, "
        f"check held {1000 * statistics.median(looked):.2f} ms (median of 5, loopback TLS; "
        f"the first take, signing in: {1000 * took[0]:.1f} ms)"
    )


def test_a_login_without_the_case_learns_nothing_of_the_note(server: Server) -> None:
    held_by_dana(server)
    eli = server.sign_in(ELI)  # not assigned to the case
    assert leases.lease_holder(eli, server.note_id) is None
    with pytest.raises(NotFound):
        leases.hold_lease(eli, server.note_id)


def test_the_same_person_in_another_program_may_take_the_note_back(server: Server) -> None:
    first = held_by_dana(server)
    elsewhere = server.sign_in(DANA)
    seen = leases.hold_lease(elsewhere, server.note_id)
    assert isinstance(seen, leases.LeaseHolder) and seen.may_take_over
    taken = leases.take_over(elsewhere, server.note_id, "I left it open at the office")
    assert not isinstance(taken, leases.LeaseHolder) and taken.held()
    assert not first.held()


def test_a_supervisor_takes_over_with_an_audit_row(server: Server) -> None:
    server.supervise(SAM, DANA)
    sam = server.sign_in(SAM)
    lease = held_by_dana(server)
    seen = leases.lease_holder(sam, server.note_id)
    assert seen is not None and seen.name == DANA.name and seen.may_take_over

    reason = "Dana is off sick; the note is due today"
    taken = leases.take_over(sam, server.note_id, reason)

    assert not isinstance(taken, leases.LeaseHolder) and taken.held()
    assert not lease.held()  # Dana's program has lost it
    holder = leases.lease_holder(server.dana, server.note_id)
    assert holder is not None and holder.name == SAM.name
    [row] = server.audit(AuditAction.LEASE_BROKEN)
    assert row[1:5] == ("note", server.note_id, server.case.id, "Sam Okafor, PhD")
    # The server keeps the audit in the clear, so the reason is stored encrypted (under the
    # client directory key); the audit viewer shows it as written.
    assert DANA.name in row[5] and reason not in row[5]
    assert reason_shown(server) == [f"{DANA.name} (user {server.dana.principal.user_id}): {reason}"]
    assert practices.verify_audit(server.dana).ok


def test_a_clinician_who_is_not_the_holders_supervisor_is_refused(server: Server) -> None:
    server.assign(ELI)
    eli = server.sign_in(ELI)
    lease = held_by_dana(server)
    with pytest.raises(NotPermitted):
        leases.take_over(eli, server.note_id, "I want to write in it")
    assert lease.held()
    assert server.audit(AuditAction.LEASE_BROKEN) == []


def test_a_supervisor_of_someone_else_is_refused(server: Server) -> None:
    server.supervise(SAM, ELI)  # Sam supervises Eli, not Dana
    server.assign(SAM)  # and works with the couple, so sees the note
    sam = server.sign_in(SAM)
    lease = held_by_dana(server)
    seen = leases.lease_holder(sam, server.note_id)
    assert seen is not None and not seen.may_take_over
    with pytest.raises(NotPermitted):
        leases.break_lease(sam, server.note_id, "I would like to finish it")
    assert lease.held()
    assert server.audit(AuditAction.LEASE_BROKEN) == []


def test_the_server_refuses_a_take_over_past_the_program(
    server: Server, pg_practices: PgPractices
) -> None:
    """Logins calling the server's function themselves: a clinician is refused, and even
    the holder's supervisor cannot end the lease without the audit row first."""
    server.assign(ELI)
    server.supervise(SAM, DANA)
    lease = held_by_dana(server)
    dana_id = server.dana.principal.user_id
    cluster = pg_practices.cluster
    call = f"SELECT clarity.break_note_lease({server.note_id}, {dana_id}, 'a reason')"
    with psycopg.connect(cluster.conninfo(ELI.login, ELI.password, server.dbname)) as eli:
        assert eli.execute(call).fetchone() == ("refused",)  # type: ignore[arg-type]
    with psycopg.connect(cluster.conninfo(SAM.login, SAM.password, server.dbname)) as sam:
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="audited first"):
            sam.execute(call)  # type: ignore[arg-type]
        sam.rollback()
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            sam.execute("UPDATE clarity.note_leases SET user_id = user_id")
    assert lease.held()


def test_an_administrator_may_free_a_note_audited(server: Server) -> None:
    admin = server.sign_in(ADMIN)
    lease = held_by_dana(server)
    broken = leases.break_lease(admin, server.note_id, "Dana's computer froze")
    assert broken is not None and broken.name == DANA.name
    assert not lease.held()
    assert leases.lease_holder(server.dana, server.note_id) is None
    [row] = server.audit(AuditAction.LEASE_BROKEN)
    assert row[4] == ADMIN.name and "froze" not in row[5]  # encrypted on the server
    assert reason_shown(server)[0].endswith(": Dana's computer froze")


def reason_shown(server: Server) -> list[str]:
    """The take-over rows' details as the audit viewer shows them to Dana."""
    found = audit.list_events(server.dana.uow(), audit.AuditFilter(action="lease_broken"))
    return [e.detail for e in found]


def test_taking_over_needs_a_reason(server: Server) -> None:
    server.supervise(SAM, DANA)
    sam = server.sign_in(SAM)
    lease = held_by_dana(server)
    with pytest.raises(ValidationError):
        leases.take_over(sam, server.note_id, "   ")
    assert lease.held()
