"""A supervisor who leaves takes no emergency key to what follows.

The practice emergency key opens every case's key in an emergency. Lee, a supervisor,
held it and kept a copy of its private half (a leaver who saved it). Lee leaves. A
hostile tester with that copy and a later pg_dump (the superuser, past row security)
must open no case key on the server: the remaining holder's program (Sam's, at his next
sign-in) makes a new emergency key and re-wraps every case for it, and each case writes
its next text under a newer generation. Sam still reads in an emergency, and the other
workstations accept the new key because a supervisor they already knew vouched for it;
a key the server swapped in on its own is still refused.

When the leaver was the only holder, nobody can re-wrap: the old key's wraps are deleted
with the leaving, the next supervisor's program makes a new key, and each case's holder
wraps for it at their next sign-in.

Failed before: disabling Lee deleted only his own wraps; every case's emergency wrap
stayed on the server, openable with his copy, and new generations were wrapped for it.
"""

from __future__ import annotations

import contextlib
import secrets
import threading
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import psycopg
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from clarity_desktop.domain.errors import ClarityError, ErrorCode
from clarity_desktop.domain.identity import Role
from clarity_desktop.domain.records import SessionInput
from clarity_desktop.services import (
    emergency,
    key_sharing,
    notes,
    practices,
    server_admin,
    sessions,
    staff,
)
from clarity_desktop.store.postgres import emergency_trust
from clarity_desktop.store.postgres.encryption import recovery, wrapping
from clarity_desktop.store.postgres.encryption.values import EncryptionError
from clarity_desktop.store.postgres.keychain import INFO_KEY, Keychain
from clarity_desktop.store.practice import OpenPractice
from tests import pg_practice
from tests.pg_practice import DANA, SAM, Person
from tests.services.conftest import note_draft
from tests.services.test_emergency_key_reach import REASON, Lee, lee
from tests.services.test_key_sharing import WRITTEN, Practice, group

__all__ = ["group", "lee"]
AFTER = "Robin and Jo chose a slower week after the call with her sister."


def su(p: Practice, statement: str) -> list[str]:
    return p.pg.cluster.psql(statement, p.dbname).splitlines()


def kept_copy(p: Practice, who: OpenPractice) -> X25519PrivateKey:
    """The emergency key's private half as *who*'s program unwrapped it."""
    user_id = who.principal.user_id
    [line] = su(
        p,
        "SELECT generation || ' ' || encode(wrapped, 'hex') FROM clarity.key_wraps "
        f"WHERE scope = 'emergency' AND user_id = {user_id} ORDER BY generation DESC LIMIT 1",
    )
    generation, hexed = line.split()
    box = keychain(who).box
    assert box is not None
    what = wrapping.Wrap("emergency", 0, int(generation), f"user:{user_id}")
    return X25519PrivateKey.from_private_bytes(wrapping.unwrap_key(bytes.fromhex(hexed), box, what))


def keychain(opened: OpenPractice) -> Keychain:
    found = opened.session_info[INFO_KEY]
    assert isinstance(found, Keychain)
    return found


def opened_by(p: Practice, kept: X25519PrivateKey) -> list[str]:
    """Every case-key wrap for the emergency key on the server (what a later pg_dump
    holds) that *kept* opens, as "case/generation"."""
    found = su(
        p,
        "SELECT owner || ' ' || generation || ' ' || encode(wrapped, 'hex') "
        "FROM clarity.key_wraps WHERE scope = 'case' AND recipient = 'emergency'",
    )
    opened = []
    for line in found:
        owner, generation, hexed = line.split()
        what = wrapping.Wrap("case", int(owner), int(generation), "emergency")
        try:
            wrapping.unwrap_key(bytes.fromhex(hexed), kept, what)
        except EncryptionError:
            continue
        opened.append(f"{owner}/{generation}")
    return opened


def newest_generation(p: Practice) -> int:
    [found] = su(
        p,
        f"SELECT max(generation) FROM clarity.key_wraps WHERE scope = 'case' "
        f"AND owner = {p.case_id}",
    )
    return int(found)


def write_after(p: Practice) -> int:
    made = sessions.create_session(p.dana.uow(), p.case_id, SessionInput(datetime(2026, 3, 9, 10)))
    assert made.note_id is not None
    notes.save_draft(p.dana.uow(), made.note_id, note_draft({"focus": AFTER}))
    return made.note_id


def focus_of(who: OpenPractice, note_id: int) -> str:
    return str(notes.read_note(who.uow(), note_id).sections.get("focus", ""))


@pytest.fixture
def sam_and_lee(group: Practice, lee: Lee) -> Iterator[Lee]:
    """Lee holds the emergency key too, and Dana's workstation has seen Lee since he joined
    (it knows his signing key, as after any working day)."""
    key_sharing.share_case_key(group.sam, key_sharing.EMERGENCY_KEY_CASE, lee.user_id)
    practices.unlock_practice(group.dana.folder, DANA.password).close()
    yield lee


def test_the_remaining_holder_rotates_the_emergency_key_when_a_holder_leaves(
    group: Practice, sam_and_lee: Lee
) -> None:
    p = group
    kept = kept_copy(p, sam_and_lee.opened)
    assert opened_by(p, kept) == [f"{p.case_id}/1"]  # what Lee could open while he worked
    before = newest_generation(p)

    staff.disable_staff(p.admin, login_of(p, sam_and_lee.user_id))
    sam = practices.unlock_practice(p.sam.folder, SAM.password)  # Sam's next sign-in
    try:
        after = write_after(p)  # Dana keeps writing in the case she has open
        # Neither the wraps re-made for the new key nor the case's new generation open
        # with Lee's copy; the case wrote under a generation Lee never saw.
        assert opened_by(p, kept) == []
        assert newest_generation(p) > before
        assert su(p, "SELECT generation FROM clarity.practice_keys WHERE name = 'emergency'") == [
            "2"
        ]
        # Sam, in an emergency, still reads what was written before and after.
        emergency.open_in_emergency(sam, p.case_id, REASON, 30)
        assert focus_of(sam, p.note_id) == WRITTEN
        assert focus_of(sam, after) == AFTER
        rotated = [r for r in p.pg.audit_rows(p.dana.folder) if r[0] == "key_rotated"]
        assert any(str(r[1]) == "emergency" for r in rotated)
    finally:
        sam.close()
    # Dana's workstation knew the old key; Sam vouched for the new one, so she signs in.
    practices.unlock_practice(p.dana.folder, DANA.password).close()


def test_a_key_the_server_swapped_in_unvouched_is_still_refused(
    group: Practice, sam_and_lee: Lee
) -> None:
    p = group
    staff.disable_staff(p.admin, login_of(p, sam_and_lee.user_id))
    practices.unlock_practice(p.sam.folder, SAM.password).close()  # rotates, vouched
    practices.unlock_practice(p.dana.folder, DANA.password).close()
    # The superuser puts a key of her own in, one generation on, "vouched" by a key no
    # workstation knows, then one signed for an earlier generation by nobody at all.
    forged = wrapping.public_bytes(wrapping.new_key_pair().public_key()).hex()
    stranger = Ed25519PrivateKey.generate().sign(b"anything").hex()
    pg_practice.as_dba(
        p.dana,
        f"UPDATE practice_keys SET public_key = '\\x{forged}', generation = generation + 1, "
        f"vouch = '{stranger}' WHERE name = 'emergency'",
    )
    with pytest.raises(ClarityError) as refused:
        practices.unlock_practice(p.dana.folder, DANA.password)
    assert refused.value.code is ErrorCode.ENCRYPTION_PRACTICE_KEY_CHANGED


def test_when_the_only_holder_leaves_the_sheets_holder_makes_the_next_key(
    group: Practice, lee: Lee
) -> None:
    p = group
    kept = kept_copy(p, p.sam)
    assert opened_by(p, kept) == [f"{p.case_id}/1"]

    staff.disable_staff(p.admin, SAM.login)
    assert opened_by(p, kept) == []  # nobody can re-wrap: the old key's wraps are gone
    lee_password = pg_practice_password(lee)
    practices.unlock_practice(lee.opened.folder, lee_password).close()
    assert su(p, "SELECT retired FROM clarity.practice_keys WHERE name = 'emergency'") == ["t"]
    # The owner, with the printed recovery sheet, makes the next one for the supervisors.
    cluster = p.pg.cluster
    given = server_admin.recover_keys(
        cluster.url(cluster.superuser, p.dbname),
        cluster.ca_file,
        cluster.superuser_password,
        recovery.printable(p.pg.recovery_key),
        confirm=lambda plan: True,
    )
    assert given.emergency == ("Lee Santos",)
    # Dana's workstation takes it (the sheet signed it) and wraps her case for it.
    practices.unlock_practice(p.dana.folder, DANA.password).close()
    assert opened_by(p, kept) == []
    emergency.open_in_emergency(lee.opened, p.case_id, REASON, 30)
    assert focus_of(lee.opened, p.note_id) == WRITTEN


def test_an_account_the_administrator_made_for_herself_vouches_for_nothing(
    group: Practice,
) -> None:
    """She adds "Mal", signs in as Mal once (so Mal has a signing key of his own), then as
    the superuser swaps in her own emergency key one generation on, signed by Mal, with
    the case wraps gone so programs wrap their cases for it again."""
    p = group
    mal_id, _login, mal_signer = newcomer(p, "Mal Jones", Role.FRONT_DESK)
    practices.unlock_practice(p.dana.folder, DANA.password).close()  # has seen Mal join
    forged = wrapping.new_key_pair()
    public = wrapping.public_bytes(forged.public_key())
    handover = wrapping.signer_hex(wrapping.practice_signer(forged))
    [generation] = su(p, "SELECT generation FROM clarity.practice_keys WHERE name = 'emergency'")
    vouch = emergency_trust.vouch_for(mal_signer, int(generation) + 1, public, handover)
    pg_practice.as_dba(
        p.dana,
        f"UPDATE practice_keys SET public_key = '\\x{public.hex()}', generation = generation + 1, "
        f"handover = '{handover}', vouch = '{vouch}', vouched_by = {mal_id} "
        "WHERE name = 'emergency'; "
        "DELETE FROM key_wraps WHERE recipient = 'emergency'",
    )
    with pytest.raises(ClarityError) as refused:
        practices.unlock_practice(p.dana.folder, DANA.password)
    assert refused.value.code is ErrorCode.ENCRYPTION_PRACTICE_KEY_CHANGED
    assert opened_by(p, forged) == []  # nothing was wrapped for her key


def test_two_holders_leaving_at_once_retire_the_key(group: Practice, sam_and_lee: Lee) -> None:
    """Sam and Lee disabled in overlapping transactions: the second waits for the first and
    then finds nobody left, so the key is retired rather than left live with no holder."""
    p = group
    cluster = p.pg.cluster
    conninfo = cluster.conninfo(cluster.superuser, cluster.superuser_password, p.dbname)
    with psycopg.connect(conninfo) as first, psycopg.connect(conninfo) as second:
        first.execute(
            f"UPDATE clarity.users SET disabled = true WHERE id = {p.sam.principal.user_id}"
        )
        done = threading.Event()

        def disable_lee() -> None:
            second.execute(
                f"UPDATE clarity.users SET disabled = true WHERE id = {sam_and_lee.user_id}"
            )
            second.commit()
            done.set()

        other = threading.Thread(target=disable_lee)
        other.start()
        assert not done.wait(0.5)  # Lee's waits for Sam's: the key's row is locked
        first.commit()
        other.join()
    assert su(p, "SELECT retired FROM clarity.practice_keys WHERE name = 'emergency'") == ["t"]
    assert su(p, "SELECT count(*) FROM clarity.key_wraps WHERE recipient = 'emergency'") == ["0"]


def newcomer(p: Practice, name: str, role: Role) -> tuple[int, str, Any]:
    """A colleague added and signed in once with their own password (so with keys of
    their own): (user id, login, their signing key)."""
    login = f"{name.split()[0].lower()}{secrets.token_hex(3)}"
    first, own = f"{login} first password 41", f"{login} own password 88"
    user_id = staff.add_staff(p.admin, login, name, role, first)
    person = Person(login, name, role, "", own)
    with contextlib.closing(
        practices.unlock_practice(p.pg.folder(p.dbname, person, p.tmp / login), first)
    ) as opened:
        practices.change_passphrase(opened, first, own, own)
        return user_id, login, opened.signer


def login_of(p: Practice, user_id: int) -> str:
    [login] = su(p, f"SELECT login FROM clarity.staff WHERE user_id = {user_id}")
    return login


def pg_practice_password(lee: Lee) -> str:
    return "lee's own password 55"


def test_two_holders_signing_in_at_once_renew_the_key_once(
    group: Practice, sam_and_lee: Lee
) -> None:
    """Max, a third supervisor holding the key, leaves; Sam and Lee sign in at the same
    moment. One renews it, the other waits and then holds the key the first made."""
    p = group
    max_id, login, _signer = newcomer(p, "Max Ruiz", Role.SUPERVISOR)
    key_sharing.share_case_key(p.sam, key_sharing.EMERGENCY_KEY_CASE, max_id)
    staff.disable_staff(p.admin, login)

    start = threading.Barrier(2)
    opened: list[OpenPractice] = []
    failed: list[BaseException] = []

    def sign_in(folder: Path, password: str) -> None:
        start.wait()
        try:
            opened.append(practices.unlock_practice(folder, password))
        except BaseException as exc:  # reported below
            failed.append(exc)

    lee_folder = sam_and_lee.opened.folder
    both = [
        threading.Thread(target=sign_in, args=(p.sam.folder, SAM.password)),
        threading.Thread(target=sign_in, args=(lee_folder, pg_practice_password(sam_and_lee))),
    ]
    for t in both:
        t.start()
    for t in both:
        t.join()
    for done in opened:
        done.close()
    assert failed == []
    assert su(p, "SELECT generation FROM clarity.practice_keys WHERE name = 'emergency'") == ["2"]
    holders = su(
        p,
        "SELECT user_id || ' ' || generation FROM clarity.key_wraps "
        "WHERE scope = 'emergency' ORDER BY user_id",
    )
    sam_id, lee_id = p.sam.principal.user_id, sam_and_lee.user_id
    assert holders == sorted([f"{sam_id} 2", f"{lee_id} 2"])
    renewed = [r for r in p.pg.audit_rows(p.dana.folder) if r[:2] == ("key_rotated", "emergency")]
    assert len(renewed) == 1
