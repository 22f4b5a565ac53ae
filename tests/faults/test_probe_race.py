from __future__ import annotations

import psycopg

from clarity_desktop.store.postgres import address
from tests import pg_practice
from tests.faults.test_pg_emergency_leaver import kept_copy, opened_by, su, sam_and_lee, write_after
from tests.services.test_emergency_key_reach import lee
from tests.services.test_key_sharing import group

__all__ = ["group", "lee", "sam_and_lee"]


def test_two_holders_disabled_at_once_leave_the_key_live(group, sam_and_lee) -> None:
    p = group
    kept_sam = kept_copy(p, p.sam)
    cluster = pg_practice.SERVERS[-1].cluster
    dbname = address.read(p.dana.folder).dbname
    info = cluster.conninfo(cluster.superuser, cluster.superuser_password, dbname)
    a = psycopg.connect(info)
    b = psycopg.connect(info)
    try:
        a.execute(f"UPDATE clarity.users SET disabled = true WHERE id = {p.sam.principal.user_id}")
        b.execute(f"UPDATE clarity.users SET disabled = true WHERE id = {sam_and_lee.user_id}")
        a.commit()
        b.commit()
    finally:
        a.close()
        b.close()
    print("practice_keys:", su(p, "SELECT generation||' '||retired FROM clarity.practice_keys WHERE name='emergency'"))
    print("rotations:", su(p, "SELECT scope||' '||owner FROM clarity.key_rotations"))
    print("opened by Sam's kept copy:", opened_by(p, kept_sam))
    write_after(p)
    print("after Dana writes:", opened_by(p, kept_sam))
    assert su(p, "SELECT retired FROM clarity.practice_keys WHERE name='emergency'") == ["t"]
    assert opened_by(p, kept_sam) == []
