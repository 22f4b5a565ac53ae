"""Whoever chose a colleague's first password cannot sign as that colleague.

The administrator's program makes a new login with a password the administrator chose,
and wraps a signing key under it. Until this change the person kept that key after their
first sign-in changed the password, so the administrator (who can read the wrapped key on
the staff row and knows the password it was wrapped with) held the person's signing seed
for good and could seal records as them. Now the person's own program makes a new signing
key at that first change, and the administrator's is trusted for no seal. Failed before:
the old key stayed the person's key.

Nor can a person swap their signing key later through the server function that takes
their first own keys: it works once, while they have no keys of their own.
"""

from __future__ import annotations

import secrets
from pathlib import Path

import psycopg

from clarity_desktop.domain.identity import Role
from clarity_desktop.services import practices, staff
from clarity_desktop.store import seals
from clarity_desktop.store.postgres import address
from clarity_desktop.store.postgres.encryption import wrapping
from tests.pg_practice import ADMIN, DANA, Person, PgPractices, rows


def test_the_administrator_who_chose_the_first_password_cannot_sign_as_the_person(
    pg_practices: PgPractices, tmp_path: Path
) -> None:
    server = pg_practices.new_database(tmp_path)
    login = f"pat_{secrets.token_hex(3)}"
    first, own = "pat first passphrase", "pat own passphrase 9"
    admin = pg_practices.unlock(server, ADMIN, tmp_path / "ada")
    try:
        staff.add_staff(admin, login, "Pat Lee", Role.CLINICIAN, first, credentials="LCSW")
        # What a curious administrator keeps: the wrapped key, opened with her password.
        (wrapped,) = rows(admin, f"SELECT wrapped_key FROM staff WHERE login = '{login}'")[0]
        kept_seed, _ = wrapping.unwrap_user_keys(str(wrapped), first)
        kept_key = seals.public_hex(seals.signer_from_seed(kept_seed))
    finally:
        admin.close()

    pat_person = Person(login, "Pat Lee", Role.CLINICIAN, "LCSW", own)
    pat_folder = pg_practices.folder(server, pat_person, tmp_path / "pat")
    pat = practices.unlock_practice(pat_folder, first)
    try:
        practices.change_passphrase(pat, first, own, own)
        assert pat.signer is not None
        pats_key = seals.public_hex(pat.signer)
    finally:
        pat.close()

    dana = pg_practices.unlock(server, DANA, tmp_path / "dana")
    try:
        trusted = dana.backend.trusted_keys(dana)
    finally:
        dana.close()
    assert pats_key != kept_key
    assert pats_key in trusted
    assert kept_key not in trusted, "a seal made with the administrator's copy would be trusted"

    # Pat, with her own keys now, cannot swap her signing key through the first-keys door.
    cluster = pg_practices.cluster
    other = seals.public_hex(seals.signer_from_seed(secrets.token_bytes(32)))
    with psycopg.connect(
        cluster.conninfo(login, own, address.read(pat_folder).dbname),
        options="-c search_path=clarity",
    ) as conn:
        took = conn.execute(
            "SELECT take_own_keys(%s, 'w', 'b', 'c')",  # type: ignore[arg-type]
            (other,),
        ).fetchone()
    assert took == (False,)
    (now,) = rows(dana, f"SELECT public_key FROM staff WHERE login = '{login}'")[0]
    assert now == pats_key
