"""Keys for a benchmark's encrypted practice server (issue 14), made the program's way:
each clinician's first sign-in (changing the password the administrator set makes their
key pair, backend.rewrap_passphrase), and each case key wrapped for its clinician and the
recovery key as keychain.Keychain.new_case wraps a new case's (the clinician made it).
Used with server_fill.load, which encrypts the rows under the same case keys.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import psycopg


def first_sign_in(url: str, ca_file: Path, first: str, chosen: str, folder: Path) -> None:
    """A clinician signs in with the administrator's password and chooses their own."""
    from clarity_desktop.services import practices

    me = practices.connect_server(url, ca_file, first, folder=folder)
    try:
        practices.change_passphrase(me, first, chosen, chosen)
    finally:
        me.close()


def directory_key(
    url: str,
    ca_file: Path,
    password: str,
    folder: Path,
    owners: list[tuple[int, str]],
    superuser: str,
) -> bytes:
    """The practice's directory key (client names and contacts), as the program makes it:
    the administrator signs in at *url* (the first program with a key pair makes it,
    wrapped for its user and the recovery key, keychain.make_directory: the administrator's
    at ``server init``, or at her first sign-in after ``server upgrade``), and it is
    wrapped for each clinician of *owners* as
    a holder's approval would (key_sharing.py), written by the *superuser* (conninfo).
    Returns its generation 1's secret."""
    from clarity_desktop.services import practices
    from clarity_desktop.store.postgres.keychain import DIRECTORY, INFO_KEY, Keychain

    me = practices.connect_server(url, ca_file, password, folder=folder)
    try:
        keys = me.session_info[INFO_KEY]
        assert isinstance(keys, Keychain)
        with me.engine.begin() as conn:
            ring = keys.directory(conn)
            key = ring.newest
            held = {w.recipient for w in _directory_wraps(conn)}
            made = [
                (Keychain._wrap(key, 0, f"user:{uid}", _public(box_hex), DIRECTORY), uid)
                for uid, box_hex in owners
                if f"user:{uid}" not in held
            ]
        with psycopg.connect(superuser, options="-c search_path=clarity") as su:
            for wrap, uid in made:
                su.execute(
                    "INSERT INTO key_wraps (scope, owner, generation, recipient, user_id, "
                    "wrapped, made_by) VALUES (%s, 0, %s, %s, %s, %s, %s)",
                    (wrap.scope, wrap.generation, wrap.recipient, uid, wrap.wrapped, keys.user_id),
                )
    finally:
        me.close()
    return bytes(key.secret)


def _directory_wraps(conn: Any) -> list[Any]:
    from sqlalchemy import text

    return list(
        conn.execute(text("SELECT recipient FROM key_wraps WHERE scope = 'directory'")).all()
    )


def _public(box_hex: str) -> Any:
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PublicKey

    return X25519PublicKey.from_public_bytes(bytes.fromhex(box_hex))


def clinicians(conn: psycopg.Connection[Any], logins: Iterable[str]) -> list[tuple[int, str]]:
    """(user id, public encryption key in hex) per login, in the order given."""
    wanted = list(logins)
    found = conn.execute(
        "SELECT login, user_id, box_public FROM clarity.staff WHERE login = ANY (%s)", (wanted,)
    ).fetchall()
    by_login = {str(r[0]): (int(r[1]), str(r[2])) for r in found}
    missing = [name for name in wanted if by_login.get(name, (0, "None"))[1] == "None"]
    if missing:
        raise SystemExit(f"no key pair yet for {', '.join(missing)} (first sign-in missing)")
    return [by_login[name] for name in wanted]


def new_case_keys(cases: int) -> dict[int, bytes]:
    return {c: secrets.token_bytes(32) for c in range(1, cases + 1)}


def wrap_copier(
    case_keys: dict[int, bytes],
    owner_of: Callable[[int], tuple[int, str]],
    recovery_public: bytes,
) -> Callable[[psycopg.Connection[Any]], None]:
    """What server_fill.load runs before the rows: every case key's wraps, by COPY.
    *owner_of*(case id) is the case's clinician (user id, public key in hex)."""
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PublicKey

    from clarity_desktop.store.postgres import keytables
    from clarity_desktop.store.postgres.encryption import values
    from clarity_desktop.store.postgres.keychain import Keychain

    recovery = X25519PublicKey.from_public_bytes(recovery_public)

    def add(conn: psycopg.Connection[Any]) -> None:
        boxes: dict[str, X25519PublicKey] = {}
        with conn.cursor().copy(
            "COPY key_wraps (scope, owner, generation, recipient, user_id, wrapped, made_by) "
            "FROM STDIN"
        ) as copy:
            for case_id, secret in case_keys.items():
                key = values.DataKey(1, secret)
                user_id, box_hex = owner_of(case_id)
                box = boxes.get(box_hex)
                if box is None:
                    box = boxes[box_hex] = X25519PublicKey.from_public_bytes(bytes.fromhex(box_hex))
                label = f"user:{user_id}"
                mine = Keychain._wrap(key, case_id, label, box)
                sheet = Keychain._wrap(key, case_id, keytables.RECOVERY, recovery)
                copy.write_row(("case", case_id, 1, label, user_id, mine.wrapped, user_id))
                copy.write_row(
                    ("case", case_id, 1, keytables.RECOVERY, None, sheet.wrapped, user_id)
                )

    return add
