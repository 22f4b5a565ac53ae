"""Why someone opened a case in an emergency stays off the server.

Eli opens Dana's case, saying why in a hurry, and what he says is clinical. The server
keeps the grant (who, which case, until when) but not his words: they are encrypted under
the client directory key, which Sam (the supervisor following grants up) and Ada (the
administrator) hold, and bound to their grant, so a reason moved to another grant does not
open. The grant's audit row names the grant and how long it lasts, never the reason.

Failed before: the reason was plain in emergency_grants.reason and in the audit row's
detail, for a pg_dump or the server's superuser to read.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from clarity_desktop.services import emergency
from clarity_desktop.store.postgres.encryption.values import EncryptionError
from clarity_desktop.store.practice import OpenPractice
from tests.pg_practice import ADMIN, ELI, SAM, PgPractices
from tests.store.pg_case import Practice, dana_case

REASON = "Robin disclosed Quillwhistle thoughts tonight; Dana is away until Monday."
MARK = "Quillwhistle"


@pytest.fixture
def opened(
    pg_practices: PgPractices, tmp_path: Path
) -> Iterator[tuple[Practice, list[OpenPractice]]]:
    with dana_case(pg_practices, tmp_path) as p:
        people = [
            pg_practices.unlock(p.dbname, who, tmp_path / who.login) for who in (ELI, SAM, ADMIN)
        ]
        try:
            yield p, people
        finally:
            for who in people:
                who.close()


def test_the_reason_is_read_by_the_overseers_and_never_by_the_server(
    pg_practices: PgPractices, opened: tuple[Practice, list[OpenPractice]]
) -> None:
    p, (eli, sam, ada) = opened
    grant = emergency.open_in_emergency(eli, p.case_id, REASON, minutes=60)
    assert grant.reason == REASON
    assert [g.reason for g in emergency.grant_log(sam)] == [REASON]
    assert [g.reason for g in emergency.grant_log(ada)] == [REASON]
    stored = pg_practices.cluster.psql(
        "SELECT reason FROM clarity.emergency_grants; SELECT detail FROM clarity.audit_events",
        p.dbname,
    )
    assert MARK not in stored
    assert f"60 min, grant {grant.id}" in stored


def test_a_reason_moved_to_another_grant_is_refused(
    pg_practices: PgPractices, opened: tuple[Practice, list[OpenPractice]]
) -> None:
    p, (eli, sam, _ada) = opened
    first = emergency.open_in_emergency(eli, p.case_id, REASON, minutes=60)
    second = emergency.open_in_emergency(eli, p.case_id, "Still in crisis, calling again.", 30)
    pg_practices.cluster.psql(
        "UPDATE clarity.emergency_grants SET reason = "
        f"(SELECT reason FROM clarity.emergency_grants WHERE id = {first.id}) "
        f"WHERE id = {second.id}",
        p.dbname,
    )
    with pytest.raises(EncryptionError):
        emergency.grant_log(sam)
