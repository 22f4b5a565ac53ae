"""Client names and contacts are read under the practice's directory key, held by every
staff member it was shared with, and a newcomer gets it only by a holder's approval.

On the test server Ada's program made the directory key at her first sign-in and she
approved each colleague's request (tests/pg_practice.py), so Dana (a clinician), Fran
(the front desk) and Ada (the administrator) read the names Dana writes. A new person
reads "Name locked" in place of each name until a holder approves "<name> joined the
practice: share the client directory?"; meanwhile writing a name is refused in words.
The case list comes sorted by name, which the server (holding only ciphertext) cannot do.
Failed before: names were plain on the server, and there was no directory key to share.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from clarity_desktop.domain.errors import ClarityError, ErrorCode
from clarity_desktop.domain.identity import Role
from clarity_desktop.domain.locked_text import LOCKED_NAME
from clarity_desktop.domain.records import CaseInput, CaseKind, PartnerInput
from clarity_desktop.services import cases, emergency, front_desk, key_sharing, practices, staff
from clarity_desktop.store.practice import OpenPractice
from tests.pg_practice import ADMIN, DANA, FRAN, Person, PgPractices, rows

NAMES = ("Zoë Hartley", "ada Quince", "Émile Brandt", "Bo Lindqvist")


@dataclass
class Practice:
    pg: PgPractices
    dbname: str
    tmp: Path
    dana: OpenPractice
    fran: OpenPractice
    admin: OpenPractice

    def newcomer(self, role: Role) -> tuple[Person, OpenPractice]:
        """A new colleague after their first sign-in (their own password, their key pair)."""
        login = f"new{secrets.token_hex(4)}"  # logins are cluster-wide
        person = Person(login, "Noor Newcomer", role, "", "noor's own password 58")
        first = "noor's first password 31"
        staff.add_staff(self.admin, login, person.name, role, first)
        opened = practices.unlock_practice(
            self.pg.folder(self.dbname, person, self.tmp / login), first
        )
        practices.change_passphrase(opened, first, person.password, person.password)
        return person, opened


@pytest.fixture
def group(pg_practices: PgPractices, tmp_path: Path) -> Iterator[Practice]:
    dbname = pg_practices.new_database(tmp_path)
    people = [pg_practices.unlock(dbname, p, tmp_path / p.login) for p in (DANA, FRAN, ADMIN)]
    try:
        for name in NAMES:
            cases.create_case(
                people[0].uow(),
                CaseInput(
                    CaseKind.INDIVIDUAL,
                    "",
                    (PartnerInput(name, email=f"{name.split()[1].lower()}@example.org"),),
                ),
            )
        yield Practice(pg_practices, dbname, tmp_path, *people)
    finally:
        for opened in people:
            opened.close()
        pg_practices.drop(dbname)


SORTED = ["ada Quince", "Bo Lindqvist", "Émile Brandt", "Zoë Hartley"]


def test_clinician_front_desk_and_administrator_read_the_names_sorted(group: Practice) -> None:
    assert [c.display_name for c in cases.list_cases(group.dana.uow())] == SORTED
    desk = front_desk.contacts(group.fran.uow())
    assert [c.client_name for c in desk] == SORTED
    assert desk[0].people[0].email == "quince@example.org"
    assert [c.display_name for c in staff.case_directory(group.admin)] == SORTED
    # ... while the server holds none of them.
    stored = rows(group.dana, "SELECT display_name FROM cases") + rows(
        group.dana, "SELECT name, email FROM partners"
    )
    # Surnames, not first names: "Bo" turns up by chance in base64 ciphertext about one run
    # in ten, a six-letter word about once in a billion.
    assert not any(n.split()[1] in str(stored) for n in NAMES)
    assert not any(n.split()[1].lower() in str(stored) for n in NAMES)  # the emails


def test_a_newcomer_reads_the_stand_in_until_a_holder_shares_the_directory(
    group: Practice,
) -> None:
    person, desk = group.newcomer(Role.FRONT_DESK)
    try:
        assert {c.client_name for c in front_desk.contacts(desk.uow())} == {LOCKED_NAME}
        assert {p.email for c in front_desk.contacts(desk.uow()) for p in c.people} == {LOCKED_NAME}
        # Every holder is asked, the front desk and the administrator included.
        for holder in (group.dana, group.fran, group.admin):
            [request] = key_sharing.pending_shares(holder)
            assert (request.is_directory, request.reader_name, request.how) == (
                True,
                person.name,
                key_sharing.JOINED,
            )
        key_sharing.share_case_key(group.fran, request.case_id, request.reader)
        assert [c.client_name for c in front_desk.contacts(desk.uow())] == SORTED
        assert key_sharing.pending_shares(group.dana) == []
        audit = [r for r in group.pg.audit_rows(group.dana.folder) if r[0] == "key_shared"]
        assert audit[-1][1:2] == ("directory",)
        assert audit[-1][4:] == (
            "Fran Diaz",
            f"client directory shared with {person.name} (joined)",
        )
    finally:
        desk.close()


def test_a_clinician_without_the_directory_cannot_write_a_name(group: Practice) -> None:
    _person, newcomer = group.newcomer(Role.CLINICIAN)
    try:
        with pytest.raises(ClarityError) as refused:
            cases.create_case(
                newcomer.uow(), CaseInput(CaseKind.INDIVIDUAL, "", (PartnerInput("Kit Marlow"),))
            )
        assert refused.value.code is ErrorCode.ENCRYPTION_DIRECTORY_NOT_HELD
        assert "client directory" in str(refused.value)
        assert rows(group.dana, "SELECT count(*) FROM cases")[0][0] == len(NAMES)
    finally:
        newcomer.close()


def test_a_key_the_server_swapped_in_is_not_given_the_directory(group: Practice) -> None:
    person, newcomer = group.newcomer(Role.CLINICIAN)
    newcomer.close()
    from tests.pg_practice import as_dba

    as_dba(
        group.dana,
        "UPDATE staff SET (box_public, box_certificate) = (SELECT box_public, box_certificate "
        f"FROM staff WHERE login = 'dana') WHERE login = '{person.login}'",
    )
    [request] = key_sharing.pending_shares(group.dana)
    with pytest.raises(ClarityError) as refused:
        key_sharing.share_case_key(group.dana, request.case_id, request.reader)
    assert refused.value.code is ErrorCode.ENCRYPTION_CERTIFICATE_FAILED
    count = rows(
        group.dana,
        f"SELECT count(*) FROM key_wraps WHERE recipient = 'user:{request.reader}'",
    )
    assert count[0][0] == 0


def test_a_newcomer_without_the_directory_is_told_how_to_open_a_case_in_an_emergency(
    group: Practice,
) -> None:
    """The reason is kept under the directory key (grant_reasons.py), and every name reads
    "Name locked" to a newcomer anyway: refused in words, with nothing granted."""
    _person, new = group.newcomer(Role.CLINICIAN)
    try:
        [case, *_] = cases.list_cases(group.dana.uow())
        with pytest.raises(ClarityError) as refused:
            emergency.open_in_emergency(new, case.id, "A client called in crisis tonight.", 30)
        assert refused.value.code is ErrorCode.EMERGENCY_NEEDS_DIRECTORY
        assert emergency.grant_log(group.admin) == []
    finally:
        new.close()
