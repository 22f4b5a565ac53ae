"""Review of ``server recover-keys`` (store/postgres/recover_keys.py): who it gives keys to,
whose certificate it trusts, and what the audit trail says afterwards.

Each test fails on the code as reviewed; see the report for the reasoning.
"""

from __future__ import annotations

import contextlib
import secrets

import psycopg

from clarity_desktop.cli import server_recover
from clarity_desktop.domain.identity import Role
from clarity_desktop.domain.records import CaseInput, CaseKind, PartnerInput
from clarity_desktop.services import cases, practices, server_admin, staff
from clarity_desktop.store import keys, seals
from clarity_desktop.store.postgres.encryption import recovery, wrapping
from clarity_desktop.store.postgres.encryption.values import EncryptionError
from tests.faults.test_pg_emergency_leaver import newcomer, pg_practice_password
from tests.pg_practice import ADMIN, DANA, ELI, FRAN, SAM
from tests.services.test_emergency_key_reach import Lee, lee
from tests.services.test_key_sharing import Practice, group
from tests.test_cli import assert_clean_error
from tests.test_cli_server import run

__all__ = ["group", "lee"]


def su(p: Practice, statement: str) -> list[str]:
    return p.pg.cluster.psql(statement, p.dbname).splitlines()


def recover(p: Practice) -> server_admin.KeysGiven:
    cluster = p.pg.cluster
    return server_admin.recover_keys(
        cluster.url(cluster.superuser, p.dbname),
        cluster.ca_file,
        cluster.superuser_password,
        recovery.printable(p.pg.recovery_key),
        confirm=lambda plan: True,
    )


def case_holders(p: Practice) -> list[str]:
    """Logins holding any generation of the test case's key."""
    return su(
        p,
        "SELECT DISTINCT s.login FROM clarity.key_wraps w JOIN clarity.staff s "
        f"ON s.user_id = w.user_id WHERE w.scope = 'case' AND w.owner = {p.case_id} "
        "ORDER BY 1",
    )


def test_front_desk_and_administrator_assigned_a_case_get_no_case_key(group: Practice) -> None:
    """Neither group has a row policy on any clinical table (schema.py: care_read is for
    clinicians and supervisors only), so an assignment does not let them read the case.
    recover-keys still wraps the case key for them, unasked, with no holder approving."""
    p = group
    staff.assign_case(p.admin, p.case_id, FRAN.login)
    staff.assign_case(p.admin, p.case_id, ADMIN.login)
    given = recover(p)
    holders = case_holders(p)
    assert FRAN.login not in holders, given.people
    assert ADMIN.login not in holders, given.people


def test_keys_an_administrator_swapped_in_for_a_colleague_are_refused(group: Practice) -> None:
    """Ada, through her own administrator login (not the superuser), rewrites Eli's staff
    row: signing key, encryption key and a certificate that matches them. recover-keys
    checks the certificate against the signing key on that same row, so whoever may
    rewrite the row gets Eli's case keys; the server lets nobody but Eli write his keys
    (schema.py, tests/faults/test_pg_staff_keys_own.py), so Ada's key opens nothing."""
    p = group
    staff.assign_case(p.admin, p.case_id, ELI.login)  # Eli may read Dana's case
    eli_id = p.eli.principal.user_id
    signer = seals.signer_from_seed(secrets.token_bytes(keys.KEY_BYTES))
    box = wrapping.new_key_pair()
    certificate = wrapping.certificate(signer, eli_id, box.public_key())
    cluster = p.pg.cluster
    with (
        psycopg.connect(cluster.conninfo(ADMIN.login, ADMIN.password, p.dbname)) as conn,
        contextlib.suppress(psycopg.errors.InsufficientPrivilege),  # refused: the fix
    ):
        conn.execute(
            "UPDATE clarity.staff SET public_key = %s, box_public = %s, box_certificate = %s "
            "WHERE user_id = %s",
            (
                seals.public_hex(signer),
                wrapping.public_bytes(box.public_key()).hex(),
                certificate,
                eli_id,
            ),
        )
    given = recover(p)
    opened = []
    for line in su(
        p,
        "SELECT generation || ' ' || encode(wrapped, 'hex') FROM clarity.key_wraps "
        f"WHERE scope = 'case' AND owner = {p.case_id} AND user_id = {eli_id}",
    ):
        generation, hexed = line.split()
        what = wrapping.Wrap("case", p.case_id, int(generation), f"user:{eli_id}")
        try:
            wrapping.unwrap_key(bytes.fromhex(hexed), box, what)
        except EncryptionError:
            continue
        opened.append(int(generation))
    assert opened == [], f"Ada opens Dana's case key {opened}; recover-keys said {given.people}"


def test_the_emergency_key_the_sheet_renews_is_audited(group: Practice, lee: Lee) -> None:
    """The only holder of the emergency key (Sam) leaves; recover-keys makes the next key
    and gives it to Lee. Elsewhere a renewal is audited (key_rotated, practice_keys.py)
    and so is giving the emergency key to a supervisor (key_shared, services/key_sharing);
    here no row says a new emergency key was made or who got it."""
    p = group
    staff.disable_staff(p.admin, SAM.login)
    practices.unlock_practice(lee.opened.folder, pg_practice_password(lee)).close()
    before = len(p.pg.audit_rows(p.dana.folder))
    given = recover(p)
    assert given.emergency == ("Lee Santos",)
    after = p.pg.audit_rows(p.dana.folder)[before:]
    about = [r for r in after if "emergency" in str(r[5]).lower() or r[1] == "emergency"]
    assert about, f"no audit row for the emergency key made from the sheet: {after}"


def test_a_case_key_given_from_the_sheet_shows_in_the_case_audit(group: Practice) -> None:
    """Dana leaves; her case goes to Eli from the sheet. The case's own audit trail (what
    its clinicians read, and what a record request exports) has no row saying its key was
    given to Eli: the only row is entity 'user' with no case, counts only. A holder's
    share, by contrast, is audited on the case (services/key_sharing.share_case_key)."""
    p = group
    staff.assign_case(p.admin, p.case_id, ELI.login)
    staff.disable_staff(p.admin, DANA.login)
    given = recover(p)
    assert given.people.get(ELI.login) == (1, False)
    rows = p.pg.audit_rows(p.dana.folder)
    on_case = [r for r in rows if r[0] == "key_shared" and r[3] == p.case_id]
    assert on_case, [r for r in rows if r[0] == "key_shared"]


def test_recover_keys_as_a_staff_login_says_it_needs_the_superuser(group: Practice) -> None:
    """The owner gives an administrator's (or a clinician's) address instead of the
    superuser's. upgrade checks rolsuper first (SERVER_UPGRADE_NEEDS_SUPERUSER);
    recover-keys does not, so row security hides the recovery key's wraps and the run
    ends in a wrong statement or an unexpected error rather than "run this as the
    server's superuser"."""
    p = group
    staff.assign_case(p.admin, p.case_id, ELI.login)
    staff.disable_staff(p.admin, DANA.login)  # Eli really does need the sheet
    cluster = p.pg.cluster
    sheet = p.tmp / "sheet.txt"
    sheet.write_text(recovery.printable(p.pg.recovery_key), encoding="utf-8")
    said = run(
        "server",
        "recover-keys",
        *("--url", cluster.url(ADMIN.login, p.dbname), "--ca", cluster.ca_file),
        *("--recovery-key-file", sheet),
        server=ADMIN.password,
    )
    assert_clean_error(said, "superuser")


def test_two_colleagues_with_the_same_name_are_both_reported(group: Practice) -> None:
    """Given.people is keyed by display name (recover_keys.py recover()): a second "Eli
    Park" (a namesake, or an account made to look like Eli) given the same case overwrites
    the first in what the owner is told. The owner reads "Gave Eli Park 1 case key." once
    while two accounts received the key."""
    p = group
    _id, login, _signer = newcomer(p, "Eli Park", Role.CLINICIAN)
    staff.assign_case(p.admin, p.case_id, ELI.login)
    staff.assign_case(p.admin, p.case_id, login)
    given = recover(p)
    holders = case_holders(p)
    assert ELI.login in holders and login in holders  # both were given the key
    said = " ".join(server_recover.lines(given))
    assert said.count("Eli Park") == 2, said


def test_one_damaged_recovery_wrap_does_not_stop_every_other_case(group: Practice) -> None:
    """The sheet is the last way back to a case. recover() unwraps every recovery wrap in
    one loop with no handling: one wrap the server damaged (a bad disk block, a hand
    edit) raises ENCRYPTION_WRAP_UNOPENED and the whole run gives nobody anything,
    although every other case opens fine. Here Dana left; Eli is to get her case, and an
    unrelated case's recovery wrap is damaged."""
    p = group
    other = cases.create_case(
        p.dana.uow(), CaseInput(CaseKind.INDIVIDUAL, "", (PartnerInput("Sky Moreno"),))
    )
    staff.assign_case(p.admin, p.case_id, ELI.login)
    staff.disable_staff(p.admin, DANA.login)
    su(
        p,
        "UPDATE clarity.key_wraps SET wrapped = set_byte(wrapped, 40, get_byte(wrapped, 40) # 1) "
        f"WHERE scope = 'case' AND owner = {other.id} AND recipient = 'recovery'",
    )
    try:
        given = recover(p)
    except EncryptionError as exc:
        raise AssertionError(f"nothing was given because of one other case: {exc}") from exc
    assert given.people.get(ELI.login) == (1, False)


def test_an_administrator_who_links_herself_as_supervisor_gets_no_case_key(
    group: Practice,
) -> None:
    """The service refuses a supervision link to anyone but a supervisor (access.py), but
    the server does not: the administrator's own login may insert any supervision row
    (schema.py admin_all). Ada makes herself Dana's "supervisor"; recover-keys reads the
    link and hands her every case of Dana's, unasked."""
    p = group
    cluster = p.pg.cluster
    with psycopg.connect(cluster.conninfo(ADMIN.login, ADMIN.password, p.dbname)) as conn:
        conn.execute(
            "INSERT INTO clarity.supervision (supervisor_id, supervisee_id, mode) "
            "VALUES (%s, %s, 'view')",
            (p.admin.principal.user_id, p.dana.principal.user_id),
        )
    given = recover(p)
    assert ADMIN.login not in case_holders(p), given.people
