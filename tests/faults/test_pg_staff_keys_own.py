"""A staff row's keys belong to its person: the administrator cannot swap them.

Each colleague's program, and ``server recover-keys``, wraps a case key for the
encryption key on a person's staff row once its certificate checks out against the
signing key on that same row. So whoever may rewrite both columns may have case keys
wrapped for a key pair of their own. Ada, signed in with her own administrator login
(not the superuser), tries: Eli's signing key, encryption key and certificate, each
column alone, and a new staff row arriving with an encryption key already in place.
The server refuses every one; Eli's row is as it was; and Dana still changes her own
password (her own row's wrapped key).

Failed before: the administrator's login had UPDATE on every column of staff, and a
matching certificate was all recover-keys asked for.
"""

from __future__ import annotations

import secrets

import psycopg
import pytest

from clarity_desktop.services import practices
from clarity_desktop.store import keys, seals
from clarity_desktop.store.postgres.encryption import wrapping
from tests.pg_practice import ADMIN, DANA
from tests.services.test_key_sharing import Practice, group

__all__ = ["group"]


def eli_row(p: Practice) -> list[str]:
    user = p.eli.principal.user_id
    return p.pg.cluster.psql(
        "SELECT public_key, box_public, box_certificate, wrapped_key FROM clarity.staff "
        f"WHERE user_id = {user}",
        p.dbname,
    ).splitlines()


def as_ada(p: Practice, sql: str, *params: object) -> str:
    """What the server did with Ada's statement: "refused" or how many rows it changed."""
    info = p.pg.cluster.conninfo(ADMIN.login, ADMIN.password, p.dbname)
    try:
        with psycopg.connect(info) as conn:
            return f"{conn.execute(sql, params).rowcount} rows"
    except psycopg.errors.InsufficientPrivilege:
        return "refused"


def test_the_administrator_cannot_rewrite_a_colleagues_keys(group: Practice) -> None:
    p = group
    before = eli_row(p)
    eli = p.eli.principal.user_id
    signer = seals.signer_from_seed(secrets.token_bytes(keys.KEY_BYTES))
    box = wrapping.new_key_pair()
    swapped = {
        "public_key": seals.public_hex(signer),
        "box_public": wrapping.public_bytes(box.public_key()).hex(),
        "box_certificate": wrapping.certificate(signer, eli, box.public_key()),
        "wrapped_key": "not Eli's",
    }
    said = {
        column: as_ada(p, f"UPDATE clarity.staff SET {column} = %s WHERE user_id = %s", value, eli)
        for column, value in swapped.items()
    }
    said["all three"] = as_ada(
        p,
        "UPDATE clarity.staff SET public_key = %s, box_public = %s, box_certificate = %s "
        "WHERE user_id = %s",
        swapped["public_key"],
        swapped["box_public"],
        swapped["box_certificate"],
        eli,
    )
    # Refused outright, or (a column she may set on her own row) no row of Eli's reached.
    assert set(said.values()) <= {"refused", "0 rows"}, said
    assert said["public_key"] == "refused"
    assert eli_row(p) == before


def test_a_new_staff_row_cannot_arrive_with_an_encryption_key_in_place(group: Practice) -> None:
    p = group
    info = p.pg.cluster.conninfo(ADMIN.login, ADMIN.password, p.dbname)
    box = wrapping.new_key_pair()
    with psycopg.connect(info) as conn, pytest.raises(psycopg.errors.InsufficientPrivilege):
        user = conn.execute(
            "INSERT INTO clarity.users (display_name, role, signature, created_at, disabled) "
            "VALUES ('Sock Puppet', 'clinician', '', now(), false) RETURNING id"
        ).fetchone()
        assert user is not None
        conn.execute(
            "INSERT INTO clarity.staff (user_id, login, public_key, wrapped_key, box_public) "
            "VALUES (%s, 'sock', 'x', 'y', %s)",
            (user[0], wrapping.public_bytes(box.public_key()).hex()),
        )


def test_each_person_still_changes_their_own_password(group: Practice) -> None:
    p = group
    practices.change_passphrase(
        p.dana, DANA.password, "Dana's next password 77", "Dana's next password 77"
    )
    practices.unlock_practice(p.dana.folder, "Dana's next password 77").close()
