"""What a signed-in program does with the practice's own keys right after signing in (or
after the person's first own password): the emergency key made or renewed by a
supervisor's program, case keys wrapped for it where missing, the directory key made by
the first program with a key pair of its own.
"""

from __future__ import annotations

from sqlalchemy.exc import IntegrityError

from clarity_desktop.domain.audit_actions import AuditAction
from clarity_desktop.domain.identity import Role
from clarity_desktop.store.backend import OpenPractice
from clarity_desktop.store.postgres import emergency_key, emergency_trust
from clarity_desktop.store.postgres.keychain import Keychain


def first_emergency(practice: OpenPractice, keychain: Keychain) -> None:
    """A supervisor's program makes the practice emergency key when it has none live (the
    lead's answer 3: first made, or retired when its last holder left), and renews it when
    a holder has left (emergency_key.py; audited key_rotated). Nobody else's program does:
    a practice without a supervisor has none, and its emergency access shows names and the
    schedule but no clinical text. Then every holder's program wraps the case keys it
    holds for the emergency key where that wrap is missing (cases made before it existed
    or while it was retired; keychain.fill_emergency says why that asks nobody)."""
    if keychain.box is None:
        return
    if practice.principal.role is Role.SUPERVISOR:
        with practice.engine.begin() as conn:
            if emergency_trust.read(conn) is None:
                keychain.make_emergency(conn)
            emergency_key.publish_handover(conn, keychain.holder())
        with practice.uow() as uow:
            renewed = keychain.renew_emergency(uow.session.connection())
            if renewed is not None:
                rewrapped, given = renewed
                detail = f"emergency key renewed; cases re-wrapped: {rewrapped}; holders: {given}"
                uow.audit(AuditAction.KEY_ROTATED, "emergency", None, None, detail=detail)
                uow.commit()
    with practice.engine.begin() as conn:
        keychain.fill_emergency(conn)


def first_directory(practice: OpenPractice, keychain: Keychain) -> None:
    """The first staff member's program with a key pair of its own makes the practice's
    directory key (client names and contacts, directory_rows.py); everyone after is given
    it by a holder's approval (key_sharing.py). Two programs racing to make it: the
    second's recovery wrap collides with the first's, and it keeps none of its own."""
    if keychain.box is None:
        return
    try:
        with practice.engine.begin() as conn:
            keychain.make_directory(conn)
    except IntegrityError:
        keychain.forget_directory()
