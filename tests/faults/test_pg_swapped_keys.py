"""The server is not trusted to hand out public keys: a key swapped on it is refused.

Whoever runs the server (the administrator, the database superuser) can rewrite the rows
that hold public keys. Two ways that would let them read clinical text, each failing
before this change:
- Replace the practice's recovery key (every new case key is wrapped for it) with a key
  of their own: Dana's program went on wrapping each new case for it, so the swapper read
  every case made from then on.
- Replace a colleague's keys, signing key and certificate included (a certificate made
  with the swapped-in signing key checks out): Dana's program shared her next case with
  the swapper's key instead of Eli's.
Each workstation now remembers these keys on first sight (store/postgres/pins.py) and
refuses, in words, a key that changed; nothing is wrapped for the swapped-in key.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from clarity_desktop.domain.errors import ClarityError, ErrorCode
from clarity_desktop.domain.records import CaseInput, CaseKind, PartnerInput, SessionInput
from clarity_desktop.services import cases, key_sharing, practices, sessions, staff
from clarity_desktop.store import seals
from clarity_desktop.store.postgres.encryption import wrapping
from tests.pg_practice import ADMIN, DANA, ELI, PgPractices, as_dba, rows


def _new_case(opened: practices.OpenPractice, name: str) -> int:
    case = cases.create_case(
        opened.uow(), CaseInput(CaseKind.INDIVIDUAL, "", (PartnerInput(name),))
    )
    sessions.create_session(opened.uow(), case.id, SessionInput(datetime(2026, 3, 2, 10)))
    return case.id


def test_a_recovery_key_swapped_on_the_server_stops_the_sign_in(
    pg_practices: PgPractices, tmp_path: Path
) -> None:
    server = pg_practices.new_database(tmp_path)
    dana = pg_practices.unlock(server, DANA, tmp_path / "dana")  # first sight of the keys
    dana.close()
    theirs = wrapping.new_key_pair()
    as_dba(
        dana,
        "UPDATE practice_keys SET public_key = '\\x"
        + wrapping.public_bytes(theirs.public_key()).hex()
        + "' WHERE name = 'recovery'",
    )
    with pytest.raises(ClarityError) as refused:
        again = pg_practices.unlock(server, DANA, tmp_path / "dana")
        try:  # before: the sign-in went through and the new case was wrapped for them
            _new_case(again, "Robin Vale")
        finally:
            again.close()
    assert refused.value.code is ErrorCode.ENCRYPTION_PRACTICE_KEY_CHANGED
    assert "recovery or emergency key" in str(refused.value)
    assert rows(dana, "SELECT count(*) FROM cases")[0][0] == 0


def test_a_colleagues_keys_swapped_on_the_server_are_not_shared_with(
    pg_practices: PgPractices, tmp_path: Path
) -> None:
    server = pg_practices.new_database(tmp_path)
    dana = pg_practices.unlock(server, DANA, tmp_path / "dana")
    admin = pg_practices.unlock(server, ADMIN, tmp_path / "ada")
    eli_id = pg_practices.unlock(server, ELI, tmp_path / "eli")
    eli_user = eli_id.principal.user_id
    eli_id.close()
    try:
        first = _new_case(dana, "Robin Vale")
        staff.assign_case(admin, first, ELI.login)
        key_sharing.share_case_key(dana, first, eli_user)  # Dana's program sees Eli's key

        # The swapper makes a whole key set of their own for Eli's row, certificate included.
        signer = seals.signer_from_seed(b"\x07" * 32)
        box = wrapping.new_key_pair()
        certificate = wrapping.certificate(signer, eli_user, box.public_key())
        as_dba(
            dana,
            f"UPDATE staff SET public_key = '{seals.public_hex(signer)}', "
            f"box_public = '{wrapping.public_bytes(box.public_key()).hex()}', "
            f"box_certificate = '{certificate}' WHERE user_id = {eli_user}",
        )
        second = _new_case(dana, "Sol Marin")
        staff.assign_case(admin, second, ELI.login)
        with pytest.raises(ClarityError) as refused:
            key_sharing.share_case_key(dana, second, eli_user)
        assert refused.value.code is ErrorCode.ENCRYPTION_KEY_CHANGED
        assert "Eli Park" in str(refused.value)
        wraps = rows(
            dana,
            f"SELECT count(*) FROM key_wraps WHERE owner = {second} AND user_id = {eli_user}",
        )
        assert wraps[0][0] == 0
    finally:
        admin.close()
        dana.close()
