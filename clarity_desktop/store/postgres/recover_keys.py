"""``server recover-keys``: keys given to staff from the printed recovery sheet.

Every key generation of every case, and of the client directory, is wrapped for the
practice recovery key. With the sheet the practice's owner can therefore give keys to
people no colleague can give them to:
- after ``server upgrade`` sealed a server from before encryption, nobody but the sheet
  holds any key (sealing.seal_if_plain);
- when everyone who held a case's key has left, the colleague it is assigned to next.

Who gets what is worked out first with nothing written (recover_plan.py: only people the
server lets read clinical records get a case key, and only once their key certificate
holds); the owner sees that plan and approves it (*confirm*), inside the one transaction,
before anything is wrapped. Run as the server's superuser, and audited as the superuser:
each case key given is a key_shared row on that case, the directory one row per person,
and a renewed emergency key a key_rotated row and a key_shared row per supervisor.
Nothing is wrapped for anyone who lacks a key pair yet: they are listed, to be given
theirs by a second run once they have signed in.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from sqlalchemy import Connection, text
from sqlalchemy.orm import Session

from clarity_desktop.domain.audit_actions import AuditAction
from clarity_desktop.domain.errors import ErrorCode
from clarity_desktop.store.errors import NotAPractice, PracticeError
from clarity_desktop.store.postgres import keytables, superuser_audit
from clarity_desktop.store.postgres.address import ServerAddress
from clarity_desktop.store.postgres.connect import make_engine
from clarity_desktop.store.postgres.emergency_trust import vouch_for
from clarity_desktop.store.postgres.encryption import recovery, wrapping
from clarity_desktop.store.postgres.encryption.values import EncryptionError
from clarity_desktop.store.postgres.recover_plan import Person, Plan, Worked, work_out
from clarity_desktop.store.postgres.schema import SCHEMA

Confirm = Callable[[Plan], bool]  # shown the plan inside the transaction: give it?


@dataclass
class Given:
    """What one run gave: per person (by user id), (cases, whether the directory)."""

    plan: Plan
    asked: bool = False  # the plan had something to give, and confirm was called
    declined: bool = False  # ... and said no: nothing was written
    people: dict[int, tuple[int, bool]] = field(default_factory=dict)
    emergency: list[str] = field(default_factory=list)  # given a renewed emergency key


class _Declined(Exception):
    """Leaves the transaction by rolling it back."""


def recover_with_sheet(where: ServerAddress, password: str, sheet: str, confirm: Confirm) -> Given:
    """The whole run, as the superuser at *where*, in one transaction."""
    engine = make_engine(where, password, pool_size=1)
    asked: list[Plan] = []

    def approve(plan: Plan) -> bool:
        asked.append(plan)
        if not confirm(plan):
            raise _Declined
        return True

    try:
        with engine.begin() as conn:
            return recover(conn, where, sheet, f"{where.user} (server superuser)", approve)
    except _Declined:
        return Given(asked[0], asked=True, declined=True)
    finally:
        engine.dispose()


def recover(
    conn: Connection, where: ServerAddress, sheet: str, actor: str, confirm: Confirm
) -> Given:
    """Everything the sheet opens, wrapped for whoever may read it and lacks it, once
    *confirm* approved the plan; nothing written when it did not."""
    _check_server(conn, where)
    conn.execute(text(f"SET LOCAL search_path = {SCHEMA}"))
    public = keytables.practice_key(conn, keytables.RECOVERY)
    if public is None:
        raise EncryptionError(ErrorCode.ENCRYPTION_RECOVERY_KEY_OTHER)
    private = recovery.parse_for(sheet, X25519PublicKey.from_public_bytes(public))
    worked = work_out(conn, private)
    plan = worked.plan
    if not plan.gives_anything:
        return Given(plan)
    if not confirm(plan):
        return Given(plan, asked=True, declined=True)
    _give(conn, worked)
    _sign_with_sheet(conn, private)
    given = Given(plan, asked=True)
    if worked.renews_emergency:
        given.emergency = _renew_emergency(conn, private, worked, actor)
    for r in plan.recipients:
        if r.cases or r.directory:
            given.people[r.user_id] = (len(r.cases), r.directory)
        for case_id, how in r.cases:
            detail = f"from the recovery sheet to {r.name} ({r.login}), {how}"
            _audit(conn, actor, AuditAction.KEY_SHARED, "case", case_id, detail, case_id)
        if r.directory:
            detail = f"client directory from the recovery sheet to {r.name} ({r.login})"
            _audit(conn, actor, AuditAction.KEY_SHARED, "directory", None, detail)
    return given


def _check_server(conn: Connection, where: ServerAddress) -> None:
    """The superuser, on a practice whose keys exist (``server upgrade`` made them on a
    server from before encryption): refused in words before anything is read."""
    if not conn.execute(
        text("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
    ).scalar():
        raise PracticeError(ErrorCode.SERVER_RECOVER_NEEDS_SUPERUSER, user=where.user)
    ours = conn.execute(text("SELECT 1 FROM pg_namespace WHERE nspname = :s"), {"s": SCHEMA})
    if ours.first() is None:
        raise NotAPractice(
            ErrorCode.SERVER_NOT_A_PRACTICE, dbname=where.dbname, host=where.host, port=where.port
        )
    keys = conn.execute(text("SELECT to_regclass(:t)"), {"t": f"{SCHEMA}.practice_keys"})
    if keys.scalar() is None:
        raise PracticeError(ErrorCode.SERVER_RECOVER_NEEDS_UPGRADE)


def _give(conn: Connection, worked: Worked) -> None:
    wraps: list[dict[str, object]] = []
    for key in worked.keys:
        for user_id in key.to:
            box = worked.people[user_id].box
            assert box is not None
            label = f"user:{user_id}"
            mine = wrapping.Wrap(key.kind, key.owner, key.generation, label)
            sealed = wrapping.wrap_key(key.secret, box, mine)
            wraps.append(
                {"s": key.kind, "o": key.owner, "g": key.generation, "r": label, "u": user_id}
                | {"w": sealed}
            )
    if wraps:
        conn.execute(
            text(
                "INSERT INTO key_wraps (scope, owner, generation, recipient, user_id, "
                "wrapped, made_by) VALUES (:s, :o, :g, :r, :u, :w, NULL)"
            ),
            wraps,
        )


def _sign_with_sheet(conn: Connection, private: X25519PrivateKey) -> None:
    """The sheet's own signing key published where a server made before it lacks it."""
    conn.execute(
        text("UPDATE practice_keys SET handover = :h WHERE name = :n AND handover IS NULL"),
        {"h": wrapping.signer_hex(wrapping.practice_signer(private)), "n": keytables.RECOVERY},
    )


def _renew_emergency(
    conn: Connection, private: X25519PrivateKey, worked: Worked, actor: str
) -> list[str]:
    """After the last holder of the emergency key left (retired), its next generation,
    signed by the sheet and wrapped for every live supervisor the plan names; their
    names. Each case's holder wraps their cases for it at their next sign-in."""
    row = conn.execute(
        text("SELECT generation FROM practice_keys WHERE name = :n AND retired"),
        {"n": keytables.EMERGENCY},
    ).first()
    supervisors = [worked.people[r.user_id] for r in worked.plan.recipients if r.emergency]
    if row is None or not supervisors:
        return []
    generation = int(row[0]) + 1
    pair = wrapping.new_key_pair()
    public = wrapping.public_bytes(pair.public_key())
    handover = wrapping.signer_hex(wrapping.practice_signer(pair))
    vouch = vouch_for(wrapping.practice_signer(private), generation, public, handover)
    conn.execute(
        text(
            "UPDATE practice_keys SET public_key = :p, generation = :g, handover = :h, "
            "vouch = :v, vouched_by = NULL, retired = false, "
            "made_at = now() AT TIME ZONE 'utc' WHERE name = :n"
        ),
        {"p": public, "g": generation, "h": handover, "v": vouch, "n": keytables.EMERGENCY},
    )
    secret = wrapping.private_bytes(pair)
    conn.execute(
        text(
            "INSERT INTO key_wraps (scope, owner, generation, recipient, user_id, wrapped, "
            "made_by) VALUES ('emergency', 0, :g, :r, :u, :w, NULL)"
        ),
        [_emergency_wrap(secret, generation, person) for person in supervisors],
    )
    holders = ", ".join(p.label for p in supervisors)
    detail = f"emergency key renewed from the recovery sheet; holders: {holders}"
    _audit(conn, actor, AuditAction.KEY_ROTATED, "emergency", None, detail)
    for person in supervisors:
        detail = f"emergency key from the recovery sheet to {person.label}"
        _audit(conn, actor, AuditAction.KEY_SHARED, "user", person.user_id, detail)
    return [p.name for p in supervisors]


def _emergency_wrap(secret: bytes, generation: int, person: Person) -> dict[str, object]:
    assert person.box is not None
    label = f"user:{person.user_id}"
    sealed = wrapping.wrap_key(secret, person.box, wrapping.Wrap("emergency", 0, generation, label))
    return {"g": generation, "r": label, "u": person.user_id, "w": sealed}


def _audit(
    conn: Connection,
    actor: str,
    action: AuditAction,
    entity: str,
    entity_id: int | None,
    detail: str,
    case_id: int | None = None,
) -> None:
    """One chained audit row in the superuser's name (as the import writes its own)."""
    superuser_audit.append(
        Session(bind=conn), actor, action, entity, entity_id, detail, case_id=case_id
    )
