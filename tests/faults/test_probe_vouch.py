"""Probe: the administrator (superuser) makes an account of her own, lets workstations
see it once, then swaps in her own emergency key "vouched" by that account."""
from __future__ import annotations

import contextlib
import secrets

from clarity_desktop.domain.identity import Role
from clarity_desktop.services import practices, staff
from clarity_desktop.store.postgres import emergency_key
from clarity_desktop.store.postgres.encryption import wrapping
from tests import pg_practice
from tests.faults.test_pg_emergency_leaver import keychain, opened_by, su
from tests.pg_practice import DANA, Person
from tests.services.test_key_sharing import Practice, group

__all__ = ["group"]


def test_admin_made_account_vouches_for_forged_emergency_key(group: Practice) -> None:
    p = group
    login = f"mal{secrets.token_hex(3)}"
    first, own = "mal first password 31", "mal own password 77"
    mal_id = staff.add_staff(p.admin, login, "Mal Temp", Role.FRONT_DESK, first)
    person = Person(login, "Mal Temp", Role.FRONT_DESK, "", own)
    with contextlib.closing(
        practices.unlock_practice(p.pg.folder(p.dbname, person, p.tmp / login), first)
    ) as mal:
        practices.change_passphrase(mal, first, own, own)
    with contextlib.closing(practices.unlock_practice(p.pg.folder(p.dbname, person, p.tmp / login), own)) as mal:
        signer = keychain(mal).signer
    assert signer is not None
    # A working day: Dana's workstation signs in and sees the new colleague.
    practices.unlock_practice(p.dana.folder, DANA.password).close()
    [gen] = su(p, "SELECT generation FROM clarity.practice_keys WHERE name = 'emergency'")
    forged = wrapping.new_key_pair()
    public = wrapping.public_bytes(forged.public_key())
    vouch = emergency_key.vouch_for(signer, int(gen) + 1, public)
    pg_practice.as_dba(
        p.dana,
        f"UPDATE practice_keys SET public_key = '\\x{public.hex()}', generation = {int(gen) + 1}, "
        f"vouched_by = {mal_id}, vouch = '{vouch}' WHERE name = 'emergency'; "
        "DELETE FROM key_wraps WHERE scope = 'case' AND recipient = 'emergency'",
    )
    assert opened_by(p, forged) == []
    # Dana's next sign-in accepts the key and re-wraps every case she holds for it.
    practices.unlock_practice(p.dana.folder, DANA.password).close()
    got = opened_by(p, forged)
    print("forged key opens:", got)
    assert got == [], f"administrator's forged emergency key opens case keys {got}"
