"""Staff logins on the practice server: made, disabled and given cases by an administrator.

Passwords reach the server only as SCRAM-SHA-256 verifiers computed here (RFC 5802/7677,
the format PostgreSQL stores), so a statement log on the server never holds a password and
a server set to store md5 cannot weaken one. Each staff member's signing key is made here
too and kept on the server wrapped by their password: their signature is their own.

Their encryption key pair is not made here: the administrator's program chose the first
password, so it could open anything wrapped under it. It is made by the person's own
program when their first sign-in changes that password (set_user_keys), together with a
new signing key that replaces the one made here, and both keys are wrapped together from
then on (encryption/wrapping.py). Only the first administrator, who
chose her own password at ``server init``, gets hers at once.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
import unicodedata
from typing import TYPE_CHECKING

from sqlalchemy import Connection, text

from clarity_desktop.domain.clock import utcnow
from clarity_desktop.domain.errors import ErrorCode, ValidationError
from clarity_desktop.domain.identity import Role
from clarity_desktop.store import keys, seals
from clarity_desktop.store.postgres.address import check_name
from clarity_desktop.store.postgres.encryption import wrapping
from clarity_desktop.store.postgres.roles import GROUP
from clarity_desktop.store.roster import StaffMember

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

SCRAM_ITERATIONS = 4096


def scram_verifier(password: str, *, salt: bytes | None = None) -> str:
    salt = salt or secrets.token_bytes(16)
    prepared = unicodedata.normalize("NFKC", password).encode("utf-8")
    salted = hashlib.pbkdf2_hmac("sha256", prepared, salt, SCRAM_ITERATIONS)
    client_key = hmac.new(salted, b"Client Key", hashlib.sha256).digest()
    stored_key = hashlib.sha256(client_key).digest()
    server_key = hmac.new(salted, b"Server Key", hashlib.sha256).digest()

    def b64(b: bytes) -> str:
        return base64.b64encode(b).decode("ascii")

    return f"SCRAM-SHA-256${SCRAM_ITERATIONS}:{b64(salt)}${b64(stored_key)}:{b64(server_key)}"


def login_exists(conn: Connection, login: str) -> bool:
    return (
        conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": login}).first()
        is not None
    )


def create_login(conn: Connection, login: str, password: str, role: Role) -> None:
    """The PostgreSQL role a staff member logs in as, in their group. Made by the server's
    open_login (schema.py), not by the caller: no staff login holds CREATEROLE, which would
    let an administrator grant herself any role and read every note."""
    check_name(login, "login")
    if login_exists(conn, login):
        raise ValidationError(ErrorCode.SERVER_LOGIN_TAKEN, "login", login=login)
    conn.execute(
        text("SELECT open_login(:l, :v, :g)"),
        {"l": login, "v": scram_verifier(password), "g": GROUP[role]},
    )


def add_staff(
    conn: Connection,
    login: str,
    display_name: str,
    credentials: str,
    role: Role,
    password: str,
    kdf: keys.KdfParams | None = None,
    *,
    own_password: bool = False,
) -> int:
    """The users and staff rows, with a new signing key wrapped by *password*. Returns the
    user's id. *own_password*: the person chose *password* themselves (the first
    administrator at ``server init``), so their encryption key is made now too."""
    name = display_name.strip()
    if not name:
        raise ValidationError(ErrorCode.SERVER_NAME_NEEDED, "name")
    seed = secrets.token_bytes(keys.KEY_BYTES)
    signer = seals.signer_from_seed(seed)
    signature = f"{name}, {credentials.strip()}" if credentials.strip() else name
    user_id = int(
        conn.execute(
            text(
                "INSERT INTO users (display_name, role, signature, created_at, disabled) "
                "VALUES (:n, :r, :s, :at, false) RETURNING id"
            ),
            {"n": name, "r": role.value, "s": signature[:250], "at": utcnow().replace(tzinfo=None)},
        ).scalar_one()
    )
    conn.execute(
        text(
            "INSERT INTO staff (user_id, login, credentials, public_key, wrapped_key) "
            "VALUES (:u, :l, :c, :p, :w)"
        ),
        {
            "u": user_id,
            "l": login,
            "c": credentials.strip(),
            "p": seals.public_hex(signer),
            "w": wrap_seed(seed, password, kdf),
        },
    )
    if own_password:
        set_user_keys(conn, user_id, seed, wrapping.new_key_pair(), password, kdf)
    return user_id


def wrap_seed(seed: bytes, password: str, kdf: keys.KdfParams | None = None) -> str:
    return json.dumps(keys.wrap(seed, password, kdf or keys.DEFAULT_KDF))


def set_user_keys(
    conn: Connection,
    user_id: int,
    seed: bytes,
    box: X25519PrivateKey,
    password: str,
    kdf: keys.KdfParams | None = None,
    *,
    first: bool = False,
) -> None:
    """The person's signing seed and encryption key wrapped together under *password*, and
    the encryption key's public half on their staff row with their signing key's
    certificate of it. Run by the person's own program (row security: their own row).

    *first*: the person's first own password. Their *seed* is then new too, made by their
    program, and replaces the signing key the administrator's program made (take_own_keys,
    once per person): nobody who knew the first password can sign as them."""
    signer = seals.signer_from_seed(seed)
    values = {
        "w": wrapping.wrap_user_keys(seed, box, password, kdf),
        "b": wrapping.public_bytes(box.public_key()).hex(),
        "c": wrapping.certificate(signer, user_id, box.public_key()),
        "u": user_id,
    }
    if first:
        taken = conn.execute(
            text("SELECT take_own_keys(:p, :w, :b, :c)"), {**values, "p": seals.public_hex(signer)}
        ).scalar_one()
        if not taken:  # keys made meanwhile (another sign-in of the same person)
            raise ValidationError(ErrorCode.SERVER_WRONG_CURRENT_PASSWORD, "password")
        return
    conn.execute(
        text(
            "UPDATE staff SET wrapped_key = :w, box_public = :b, box_certificate = :c "
            "WHERE user_id = :u"
        ),
        values,
    )


def has_sealed(conn: Connection) -> bool:
    """Whether the login's signing key has sealed a record here (an audit row of theirs)."""
    return bool(conn.execute(text("SELECT i_have_sealed()")).scalar())


def disable(conn: Connection, login: str) -> int:
    """No more logins, and at once no rows: my_cases() and me() ignore a disabled user,
    even in a session that is still open."""
    check_name(login, "login")
    row = conn.execute(text("SELECT user_id FROM staff WHERE login = :l"), {"l": login}).first()
    if row is None:
        raise ValidationError(ErrorCode.SERVER_NO_SUCH_LOGIN, "login", login=login)
    conn.execute(text("UPDATE users SET disabled = true WHERE id = :u"), {"u": row[0]})
    conn.execute(text("SELECT close_login(:l)"), {"l": login})
    return int(row[0])


def user_of(conn: Connection, login: str) -> int:
    row = conn.execute(text("SELECT user_id FROM staff WHERE login = :l"), {"l": login}).first()
    if row is None:
        raise ValidationError(ErrorCode.SERVER_NO_SUCH_LOGIN, "login", login=login)
    return int(row[0])


def assign(conn: Connection, case_id: int, login: str, *, remove: bool = False) -> int:
    user_id = user_of(conn, login)
    if conn.execute(text("SELECT 1 FROM cases WHERE id = :c"), {"c": case_id}).first() is None:
        raise ValidationError(ErrorCode.SERVER_NO_SUCH_CASE, "case", case=case_id)
    if remove:
        conn.execute(
            text("DELETE FROM case_access WHERE case_id = :c AND user_id = :u"),
            {"c": case_id, "u": user_id},
        )
    else:
        conn.execute(
            text(
                "INSERT INTO case_access (case_id, user_id) VALUES (:c, :u) ON CONFLICT DO NOTHING"
            ),
            {"c": case_id, "u": user_id},
        )
    return user_id


def staff(conn: Connection) -> list[StaffMember]:
    rows = conn.execute(
        text(
            "SELECT u.id, s.login, u.display_name, u.role, s.credentials, u.disabled, "
            "(SELECT count(*) FROM case_access a WHERE a.user_id = u.id) "
            "FROM staff s JOIN users u ON u.id = s.user_id ORDER BY u.display_name, u.id"
        )
    ).all()
    return [
        StaffMember(int(r[0]), str(r[1]), str(r[2]), Role(r[3]), str(r[4]), bool(r[5]), int(r[6]))
        for r in rows
    ]


def case_clinicians(conn: Connection) -> dict[int, tuple[str, ...]]:
    """Whom each case is assigned to, by name; row security keeps it to the assignments
    the login may see (all of them for the front desk and the administrator)."""
    out: dict[int, list[str]] = {}
    for case_id, name in conn.execute(
        text(
            "SELECT a.case_id, u.display_name FROM case_access a JOIN users u ON u.id = a.user_id "
            "ORDER BY a.case_id, a.granted_at, u.display_name"
        )
    ):
        out.setdefault(int(case_id), []).append(str(name))
    return {case_id: tuple(names) for case_id, names in out.items()}


def trusted_keys(conn: Connection) -> set[str]:
    """Every staff member's public signing key, and each former key (former_keys) whose
    vouch its owner's current key made: whom the practice's seals may name."""
    current = {
        int(r[0]): str(r[1]) for r in conn.execute(text("SELECT user_id, public_key FROM staff"))
    }
    found = set(current.values())
    for user_id, public, vouch in conn.execute(
        text("SELECT user_id, public_key, vouch FROM former_keys ORDER BY public_key")
    ):
        own = current.get(int(user_id), "")
        found |= seals.trusted_keys(own, [{"public": str(public), "vouch": str(vouch)}])
    return found
