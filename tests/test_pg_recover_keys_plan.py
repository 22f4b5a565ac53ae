"""``server recover-keys`` shows its plan before giving anything (recover_plan.py): who
gets which keys and how they reach the cases; a plan not approved writes nothing; what it
cannot give is named by case; the server's group, not users.role alone, decides who
reads clinical records."""

from __future__ import annotations

import psycopg

from clarity_desktop.cli import server_recover
from clarity_desktop.domain.identity import Role
from clarity_desktop.domain.records import CaseInput, CaseKind, PartnerInput
from clarity_desktop.services import cases, server_admin, staff
from clarity_desktop.store.postgres.encryption import recovery
from tests.faults.test_pg_emergency_leaver import newcomer
from tests.faults.test_pg_recover_keys_faults import case_holders, su
from tests.pg_practice import ADMIN, DANA, ELI, SAM
from tests.services.test_key_sharing import Practice, group

__all__ = ["group"]


def recover(p: Practice, answer: bool) -> tuple[server_admin.KeysGiven, list[object]]:
    shown: list[object] = []

    def confirm(plan: server_admin.KeysPlan) -> bool:
        shown.append(plan)
        return answer

    cluster = p.pg.cluster
    given = server_admin.recover_keys(
        cluster.url(cluster.superuser, p.dbname),
        cluster.ca_file,
        cluster.superuser_password,
        recovery.printable(p.pg.recovery_key),
        confirm=confirm,
    )
    return given, shown


def test_the_plan_is_shown_and_nothing_is_written_unless_approved(group: Practice) -> None:
    p = group
    staff.assign_case(p.admin, p.case_id, ELI.login)
    staff.set_supervision(p.admin, SAM.login, ELI.login, "view")
    staff.disable_staff(p.admin, DANA.login)
    holders, rows = case_holders(p), len(p.pg.audit_rows(p.dana.folder))

    declined, shown = recover(p, False)
    assert declined.declined and declined.people == {}
    [plan] = shown
    by_login = {r.login: r for r in plan.recipients}
    assert by_login[ELI.login].cases == ((p.case_id, "assigned"),)
    assert by_login[SAM.login].cases == ((p.case_id, "supervises Eli Park"),)
    said = server_recover.plan_lines(plan)
    assert "  Eli Park (eli), clinician, assigned: 1 case key" in said
    assert "  Sam Okafor (sam), supervisor, supervises Eli Park: 1 case key" in said
    assert case_holders(p) == holders  # nothing wrapped
    assert len(p.pg.audit_rows(p.dana.folder)) == rows  # nothing audited

    given, _ = recover(p, True)
    assert given.people == {ELI.login: (1, False), SAM.login: (1, False)}
    on_case = [
        str(r[5])
        for r in p.pg.audit_rows(p.dana.folder)[rows:]
        if (r[0], r[1], r[2], r[3]) == ("key_shared", "case", p.case_id, p.case_id)
    ]
    assert sorted(on_case) == [
        "from the recovery sheet to Eli Park (eli), assigned",
        "from the recovery sheet to Sam Okafor (sam), supervises Eli Park",
    ]


def test_what_cannot_be_given_is_named_by_case(group: Practice) -> None:
    """Dana leaves: her case is Eli's now; a second case nobody reads any more; a third
    whose recovery copy the server damaged."""
    p = group
    alone, damaged = (
        cases.create_case(
            p.dana.uow(), CaseInput(CaseKind.INDIVIDUAL, "", (PartnerInput(name),))
        ).id
        for name in ("Sky Moreno", "Ash Lee")
    )
    staff.assign_case(p.admin, p.case_id, ELI.login)
    staff.assign_case(p.admin, damaged, ELI.login)
    staff.disable_staff(p.admin, DANA.login)
    su(
        p,
        "UPDATE clarity.key_wraps SET wrapped = set_byte(wrapped, 40, get_byte(wrapped, 40) # 1) "
        f"WHERE scope = 'case' AND owner = {damaged} AND recipient = 'recovery'",
    )
    given, [plan] = recover(p, True)
    assert given.people == {ELI.login: (1, False)}
    said = server_recover.notes(given.plan)
    assert f"Case {damaged}: its recovery key copy does not open; nothing was given for it." in said
    assert any(line.startswith(f"Case {alone}: no clinician or supervisor") for line in said)
    assert plan == given.plan


def test_the_server_group_not_the_role_column_decides(group: Practice) -> None:
    """Ada (administrator) marks Fran (front desk, signed in with keys of her own) a
    clinician in users.role and assigns her the case: Fran's login is still in the front-desk group, which reads no clinical
    table, so she is given no case key."""
    p = group
    fran_id, login, _signer = newcomer(p, "Fran Diaz", Role.FRONT_DESK)  # keys of her own
    cluster = p.pg.cluster
    with psycopg.connect(cluster.conninfo(ADMIN.login, ADMIN.password, p.dbname)) as conn:
        conn.execute("UPDATE clarity.users SET role = 'clinician' WHERE id = %s", (fran_id,))
    staff.assign_case(p.admin, p.case_id, login)
    staff.disable_staff(p.admin, DANA.login)
    given, _ = recover(p, True)
    assert login not in case_holders(p), given.people
    assert given.people.get(login) == (0, True)  # the client directory, as all staff
