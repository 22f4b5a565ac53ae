"""What the window and the command line need around emergency access and supervision on a
practice server: the cases a clinician may ask to open (by name, never her own), the log of
grants (live and ended, newest first, with the case's name) for supervisors and
administrators only, and the staff list saying who supervises whom."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from clarity_desktop.domain.errors import ErrorCode, NotPermitted, ValidationError
from clarity_desktop.domain.records import CaseInput, CaseKind, PartnerInput
from clarity_desktop.domain.supervision import SupervisionMode
from clarity_desktop.services import cases, emergency, staff
from clarity_desktop.store.practice import OpenPractice
from tests.pg_cluster import PgCluster
from tests.pg_practice import ADMIN, DANA, ELI, SAM, PgPractices

REASON = "Client called in crisis; Eli is away until Monday."


@dataclass
class Office:
    dbname: str
    dana: OpenPractice
    eli: OpenPractice
    sam: OpenPractice
    admin: OpenPractice

    def case(self, who: OpenPractice, name: str) -> int:
        made = cases.create_case(
            who.uow(), CaseInput(CaseKind.INDIVIDUAL, name, (PartnerInput(name),))
        )
        return made.id


@pytest.fixture
def office(pg_practices: PgPractices, tmp_path: Path) -> Iterator[Office]:
    dbname = pg_practices.new_database(tmp_path)
    people = [pg_practices.unlock(dbname, p, tmp_path / p.login) for p in (DANA, ELI, SAM, ADMIN)]
    try:
        yield Office(dbname, *people)
    finally:
        for opened in people:
            opened.close()


def test_a_clinician_chooses_among_the_cases_she_cannot_open_by_name(office: Office) -> None:
    maya = office.case(office.eli, "Maya Ortiz")
    jonah = office.case(office.eli, "Jonah Reed")
    office.case(office.dana, "Priya Nair")
    choices = emergency.cases_to_open(office.dana)
    assert [(c.case_id, c.display_name) for c in choices] == [
        (jonah, "Jonah Reed"),
        (maya, "Maya Ortiz"),
    ]
    emergency.open_in_emergency(office.dana, maya, REASON, minutes=30)
    assert [c.display_name for c in emergency.cases_to_open(office.dana)] == ["Jonah Reed"]
    # Sam supervises Eli: Eli's cases are his already, so none is left to ask for.
    staff.set_supervision(office.admin, SAM.login, ELI.login, SupervisionMode.VIEW)
    assert [c.display_name for c in emergency.cases_to_open(office.sam)] == ["Priya Nair"]


def test_the_log_shows_every_grant_newest_first_to_supervisors_and_administrators(
    pg_cluster: PgCluster, office: Office
) -> None:
    maya = office.case(office.eli, "Maya Ortiz")
    jonah = office.case(office.eli, "Jonah Reed")
    first = emergency.open_in_emergency(office.dana, maya, REASON, minutes=30)
    # Time passes: the first window closes (moved into the past on the server).
    pg_cluster.psql(
        "UPDATE clarity.emergency_grants SET granted_at = granted_at - interval '2 hours', "
        "until = until - interval '2 hours'",
        office.dbname,
    )
    second = emergency.open_in_emergency(office.dana, jonah, REASON, minutes=90)
    for overseer in (office.sam, office.admin):
        log = emergency.grant_log(overseer)
        assert [(g.id, g.case_name, g.clinician, g.live) for g in log] == [
            (second.id, "Jonah Reed", DANA.name, True),
            (first.id, "Maya Ortiz", DANA.name, False),
        ]
        assert log[0].reason == REASON
    for clinician in (office.dana, office.eli):
        with pytest.raises(NotPermitted):
            emergency.grant_log(clinician)
    assert emergency.live_grant_for(office.dana, jonah) == second
    assert emergency.live_grant_for(office.dana, maya) is None


def test_the_staff_list_says_who_supervises_whom_and_how(office: Office) -> None:
    def supervisors() -> dict[str, list[tuple[str, SupervisionMode]]]:
        return {
            m.login: [(s.name, s.mode) for s in m.supervised_by]
            for m in staff.staff_list(office.admin)
        }

    assert supervisors()[DANA.login] == []
    staff.set_supervision(office.admin, SAM.login, DANA.login, "cosign")
    staff.set_supervision(office.admin, SAM.login, ELI.login, SupervisionMode.VIEW)
    found = supervisors()
    assert found[DANA.login] == [(SAM.name, SupervisionMode.COSIGN)]
    assert found[ELI.login] == [(SAM.name, SupervisionMode.VIEW)]
    assert found[SAM.login] == []
    staff.set_supervision(office.admin, SAM.login, DANA.login, None)
    assert supervisors()[DANA.login] == []


def test_a_solo_practice_has_no_cases_to_open_in_an_emergency(practice: OpenPractice) -> None:
    with pytest.raises(ValidationError) as solo:
        emergency.cases_to_open(practice)
    assert solo.value.code is ErrorCode.SERVER_ONLY_EMERGENCY
    with pytest.raises(NotPermitted):
        emergency.grant_log(practice)
