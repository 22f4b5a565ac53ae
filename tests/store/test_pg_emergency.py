"""Emergency access on a practice server: Eli opens Dana's case for himself, for a while,
saying why; the server refuses any grant for someone else or for longer than allowed, and
supervisors and administrators see the live grants."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import psycopg
import pytest

from clarity_desktop.domain.emergency import MAX_HOURS
from clarity_desktop.domain.errors import ErrorCode, NotFound, NotPermitted, ValidationError
from clarity_desktop.services import cases, emergency
from clarity_desktop.store.practice import OpenPractice
from tests.pg_cluster import PgCluster
from tests.pg_practice import ADMIN, DANA, ELI, FRAN, SAM, PgPractices
from tests.store.pg_case import (
    OF_THE_CASE,
    Practice,
    connect,
    counts,
    dana_case,
    superuser_counts,
)

REASON = "Client called in crisis; Dana is away until Monday."


@pytest.fixture
def server_case(pg_practices: PgPractices, tmp_path: Path) -> Iterator[Practice]:
    with dana_case(pg_practices, tmp_path) as made:
        yield made


@pytest.fixture
def eli(pg_practices: PgPractices, server_case: Practice) -> Iterator[OpenPractice]:
    opened = pg_practices.unlock(server_case.dbname, ELI, server_case.scratch / "eli")
    try:
        yield opened
    finally:
        opened.close()


def test_a_clinician_opens_a_case_in_an_emergency_with_its_audit_row(
    pg_cluster: PgCluster, pg_practices: PgPractices, server_case: Practice, eli: OpenPractice
) -> None:
    p = server_case
    with pytest.raises(NotFound):
        cases.open_case(eli.uow(), p.case_id)
    grant = emergency.open_in_emergency(eli, p.case_id, f"  {REASON} ", minutes=90)
    assert (grant.clinician, grant.case_id, grant.reason) == (ELI.name, p.case_id, REASON)
    assert grant.until - grant.since == timedelta(minutes=90)
    # The grant opens the case to him at once; its text reads as locked until a holder of
    # the case's key shares it (services/key_sharing.py, tests/services/test_key_sharing.py).
    assert cases.open_case(eli.uow(), p.case_id).id == p.case_id
    with connect(pg_cluster, ELI, p.dbname) as raw:
        assert counts(raw, p) == superuser_counts(pg_cluster, p)
    assert emergency.my_grants(eli) == [grant]
    audit = pg_practices.audit_rows(p.scratch / "eli")
    granted = [r for r in audit if r[0] == "emergency_access"]
    assert granted == [
        (
            "emergency_access",
            "case",
            p.case_id,
            p.case_id,
            f"{ELI.name}, {ELI.credentials}",
            f"90 min, grant {grant.id}",
        )
    ]


def test_the_grant_ends_by_itself(
    pg_cluster: PgCluster, server_case: Practice, eli: OpenPractice
) -> None:
    p = server_case
    emergency.open_in_emergency(eli, p.case_id, REASON, minutes=30)
    # Time passes: the window closes (moved into the past by the server's administrator).
    pg_cluster.psql(
        "UPDATE clarity.emergency_grants SET granted_at = granted_at - interval '1 hour', "
        "until = until - interval '1 hour'",
        p.dbname,
    )
    assert cases.list_cases(eli.uow()) == []
    assert emergency.my_grants(eli) == []
    with connect(pg_cluster, ELI, p.dbname) as raw:
        seen = counts(raw, p)
    # All that is left to him is his own audit row of asking.
    assert seen == {**dict.fromkeys(OF_THE_CASE, 0), "audit_events": 1}


@pytest.mark.parametrize(
    ("reason", "minutes", "code"),
    [
        ("too short", 60, ErrorCode.EMERGENCY_REASON_SHORT),
        ("          x         ", 60, ErrorCode.EMERGENCY_REASON_SHORT),
        (REASON, MAX_HOURS * 60 + 1, ErrorCode.EMERGENCY_TOO_LONG),
        (REASON, 0, ErrorCode.EMERGENCY_TOO_LONG),
    ],
)
def test_a_request_without_a_reason_or_too_long_is_refused_and_nothing_opens(
    pg_practices: PgPractices,
    server_case: Practice,
    eli: OpenPractice,
    reason: str,
    minutes: int,
    code: ErrorCode,
) -> None:
    before = pg_practices.audit_rows(server_case.scratch / "eli")
    with pytest.raises(ValidationError) as refused:
        emergency.open_in_emergency(eli, server_case.case_id, reason, minutes=minutes)
    assert refused.value.code is code
    assert cases.list_cases(eli.uow()) == []
    assert pg_practices.audit_rows(server_case.scratch / "eli") == before


def test_a_case_that_does_not_exist_is_named(server_case: Practice, eli: OpenPractice) -> None:
    with pytest.raises(ValidationError) as refused:
        emergency.open_in_emergency(eli, 9999, REASON)
    assert refused.value.code is ErrorCode.SERVER_NO_SUCH_CASE


GRANT_ROW = (
    "INSERT INTO emergency_grants (user_id, case_id, reason, granted_at, until) "
    "VALUES ((SELECT user_id FROM staff WHERE login = %s), %s, %s, "
    "now() AT TIME ZONE 'utc' + %s::interval, now() AT TIME ZONE 'utc' + %s::interval)"
)


def test_the_server_refuses_a_grant_for_someone_else_or_too_long(
    pg_cluster: PgCluster, server_case: Practice
) -> None:
    p = server_case
    with connect(pg_cluster, ELI, p.dbname) as raw:
        with pytest.raises(psycopg.errors.InsufficientPrivilege):  # in Sam's name
            raw.execute(GRANT_ROW, (SAM.login, p.case_id, REASON, "0 s", "1 hour"))
        refused = (psycopg.errors.InsufficientPrivilege, psycopg.errors.CheckViolation)
        with pytest.raises(refused):  # longer than MAX_HOURS: the policy, and the check
            raw.execute(GRANT_ROW, (ELI.login, p.case_id, REASON, "0 s", f"{MAX_HOURS}.5 hours"))
        with pytest.raises(psycopg.errors.InsufficientPrivilege):  # a window that starts later
            raw.execute(GRANT_ROW, (ELI.login, p.case_id, REASON, "7 hours", "9 hours"))
        with pytest.raises(psycopg.errors.CheckViolation):  # no reason worth the name
            raw.execute(GRANT_ROW, (ELI.login, p.case_id, "because", "0 s", "1 hour"))
        assert counts(raw, p) == dict.fromkeys(OF_THE_CASE, 0)
    for person in (FRAN, ADMIN):  # neither reads clinical records, so neither breaks in
        with (
            connect(pg_cluster, person, p.dbname) as raw,
            pytest.raises(psycopg.errors.InsufficientPrivilege),
        ):
            raw.execute(GRANT_ROW, (person.login, p.case_id, REASON, "0 s", "1 hour"))


def test_supervisors_and_administrators_see_the_live_grants_clinicians_do_not(
    pg_practices: PgPractices, server_case: Practice, eli: OpenPractice
) -> None:
    p = server_case
    grant = emergency.open_in_emergency(eli, p.case_id, REASON)
    for person in (SAM, ADMIN):
        opened = pg_practices.unlock(p.dbname, person, p.scratch / person.login)
        try:
            assert emergency.live_grants(opened) == [grant]
        finally:
            opened.close()
    with pytest.raises(NotPermitted):
        emergency.live_grants(eli)
    dana = pg_practices.unlock(p.dbname, DANA, p.scratch / "dana-again")
    try:
        with pytest.raises(NotPermitted):
            emergency.live_grants(dana)
        assert emergency.my_grants(dana) == []
    finally:
        dana.close()


def test_a_solo_practice_has_no_emergency_access(practice: OpenPractice) -> None:
    with pytest.raises(ValidationError) as refused:
        emergency.open_in_emergency(practice, 1, REASON)
    assert refused.value.code is ErrorCode.SERVER_ONLY_EMERGENCY
    assert emergency.my_grants(practice) == []
