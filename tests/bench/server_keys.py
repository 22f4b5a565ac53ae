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
