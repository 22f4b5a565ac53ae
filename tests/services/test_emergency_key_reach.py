"""The practice emergency key reaches further supervisors (approved) and older cases.

Sam, the first supervisor, made the practice emergency key. A second supervisor joins:
Sam is asked "Lee Santos, a supervisor added by Ada Lind, does not hold the practice's
emergency key: share it?" and until he shares it Lee's emergency grant shows the locked
sentence; once shared, Lee's grant opens the text at once, like Sam's. A clinician is
never asked about it. A case whose key was never wrapped for the emergency key (made
before the key existed) is wrapped by its holder's program at her next sign-in, without
a prompt: policy, not a new reader. Failed before: only the first supervisor ever held
the key, and older cases stayed out of every emergency.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from dataclasses import dataclass

import psycopg
import pytest

from clarity_desktop.domain.identity import Role
from clarity_desktop.services import emergency, key_sharing, practices, staff
from clarity_desktop.services.key_sharing import EMERGENCY_KEY
from clarity_desktop.store.practice import OpenPractice
from tests import pg_practice
from tests.pg_practice import Person
from tests.services.test_key_sharing import WRITTEN, Practice, group

__all__ = ["group"]
REASON = "Robin called in crisis tonight."


@dataclass
class Lee:
    opened: OpenPractice
    user_id: int


@pytest.fixture
def lee(group: Practice) -> Iterator[Lee]:
    """A second supervisor, signed in once (so with a key pair of his own)."""
    login = f"lee{secrets.token_hex(3)}"  # logins are cluster-wide
    person = Person(login, "Lee Santos", Role.SUPERVISOR, "", "lee's own password 55")
    first = "lee's first password 21"
    user_id = staff.add_staff(group.admin, login, person.name, person.role, first)
    folder = group.pg.folder(group.dbname, person, group.tmp / login)
    opened = practices.unlock_practice(folder, first)
    try:
        practices.change_passphrase(opened, first, person.password, person.password)
        group.pg.share_directory(group.dbname, group.tmp / "ada-shares")  # client names
        yield Lee(opened, user_id)
    finally:
        opened.close()


def asked_of(who: OpenPractice) -> list[tuple[str, str, str]]:
    return [(r.reader_name, r.how, r.given_by) for r in key_sharing.pending_shares(who)]


def test_a_further_supervisor_gets_the_emergency_key_once_a_holder_shares_it(
    group: Practice, lee: Lee
) -> None:
    assert asked_of(group.sam) == [("Lee Santos", EMERGENCY_KEY, "Ada Lind")]
    assert asked_of(group.dana) == []  # a clinician holds no emergency key to share
    assert key_sharing.pending_shares(lee.opened) == []  # nor does Lee yet

    emergency.open_in_emergency(lee.opened, group.case_id, REASON, 30)
    assert group.focus(lee.opened) == "LOCKED"  # nobody shared anything yet
    # Dana is asked about the case itself, as for any emergency reader (key_sharing).
    assert ("Lee Santos", "emergency", "Lee Santos") in asked_of(group.dana)

    key_sharing.share_case_key(group.sam, key_sharing.EMERGENCY_KEY_CASE, lee.user_id)
    assert asked_of(group.sam) == []
    # Now Lee reads the case through the emergency key, and Dana has nothing to share.
    assert group.focus(lee.opened) == WRITTEN
    assert asked_of(group.dana) == []
    shared = [
        (str(r[4]), str(r[5]))
        for r in group.pg.audit_rows(group.dana.folder)
        if r[0] == "key_shared" and r[1] != "directory"  # client names: shared to all
    ]
    assert shared == [("Sam Okafor, PhD", "emergency key shared with Lee Santos")]


def test_a_clinician_cannot_take_the_emergency_key_for_herself(group: Practice) -> None:
    """The server refuses an emergency wrap a clinician (or anyone without it) makes."""
    dana = group.dana.principal.user_id
    with pytest.raises(Exception, match="row-level security"):
        as_dana(
            group,
            "INSERT INTO key_wraps (scope, owner, generation, recipient, user_id, wrapped, "
            f"made_by) VALUES ('emergency', 0, 1, 'user:{dana}', {dana}, '\\x00', {dana})",
        )


def as_dana(p: Practice, statement: str) -> None:
    cluster = p.pg.cluster
    conninfo = cluster.conninfo(pg_practice.DANA.login, pg_practice.DANA.password, p.dbname)
    with psycopg.connect(conninfo, options="-c search_path=clarity") as conn:
        conn.execute(statement)  # type: ignore[arg-type]


def emergency_wraps_of(p: Practice) -> list[str]:
    return p.pg.cluster.psql(
        "SELECT generation FROM clarity.key_wraps WHERE scope = 'case' "
        f"AND owner = {p.case_id} AND recipient = 'emergency'",
        p.dbname,
    ).splitlines()


def test_a_case_made_before_the_emergency_key_is_wrapped_for_it_at_the_next_sign_in(
    group: Practice,
) -> None:
    # As if the case had been made before Sam's program made the emergency key.
    pg_practice.as_dba(
        group.dana,
        f"DELETE FROM key_wraps WHERE owner = {group.case_id} AND recipient = 'emergency'",
    )
    assert emergency_wraps_of(group) == []
    emergency.open_in_emergency(group.sam, group.case_id, REASON, 30)
    assert group.focus(group.sam) == "LOCKED"

    again = practices.unlock_practice(group.dana.folder, pg_practice.DANA.password)
    again.close()
    assert emergency_wraps_of(group) == ["1"]
    assert group.focus(group.sam) == WRITTEN  # with no prompt to anyone
