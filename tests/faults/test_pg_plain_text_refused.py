"""The server refuses plain text in a sealed column, whoever writes it.

Dana's program encrypts before it writes. A program of an earlier version still signed
in while ``server upgrade`` sealed the server, or a script run with her login, would
write her words as they are: into her draft note, the case's safety note, why a session
was called off, a client's name. The server says no to each (a CHECK constraint per encrypted column),
and her note reads as she wrote it afterwards. A value shaped like ciphertext passes the
rule (what only the program can make), and every encrypted column of
encryption/columns.py has its rule on the server.

Failed before: each of these plain writes was stored, in the clear, for anyone with a
pg_dump to read.
"""

from __future__ import annotations

import psycopg
import pytest

from clarity_desktop.services import notes
from clarity_desktop.store.postgres.encryption import columns
from clarity_desktop.store.postgres.encryption.values import EncryptionError
from tests.pg_practice import DANA
from tests.services.test_key_sharing import WRITTEN, Practice, group

__all__ = ["group"]


def as_dana(p: Practice, sql: str, *params: object) -> None:
    info = p.pg.cluster.conninfo(DANA.login, DANA.password, p.dbname)
    with psycopg.connect(info, options="-c search_path=clarity") as conn:
        conn.execute(sql, params)


@pytest.mark.parametrize(
    "sql",
    [
        'UPDATE notes SET sections = \'{"focus": "plain words"}\' WHERE id = {note}',
        "UPDATE notes SET sections = to_json('plain words'::text) WHERE id = {note}",
        "UPDATE cases SET safety_note = 'plain words' WHERE id = {case}",
        "UPDATE cases SET display_name = 'Robin Vale' WHERE id = {case}",
        "UPDATE partners SET name = 'Robin Vale' WHERE case_id = {case}",
        "UPDATE sessions SET status_reason = 'plain words' WHERE case_id = {case}",
    ],
)
def test_a_plain_write_with_dana_s_login_is_refused(group: Practice, sql: str) -> None:
    p = group
    statement = sql.replace("{note}", str(p.note_id)).replace("{case}", str(p.case_id))
    with pytest.raises(psycopg.errors.CheckViolation):
        as_dana(p, statement)
    assert p.focus(p.dana) == WRITTEN


def test_a_value_shaped_like_ciphertext_passes_the_rule(group: Practice) -> None:
    # All the rule can check; the program's own reading then refuses it as damaged.
    as_dana(p := group, f"UPDATE cases SET safety_note = 'c1.AAAA' WHERE id = {p.case_id}")
    with pytest.raises(EncryptionError):
        notes.read_note(p.dana.uow(), p.note_id)


def test_every_encrypted_column_has_its_rule_on_the_server(group: Practice) -> None:
    found = set(
        group.pg.cluster.psql(
            "SELECT c.relname || '.' || substr(o.conname, 8) FROM pg_constraint o "
            "JOIN pg_class c ON c.oid = o.conrelid WHERE o.conname LIKE 'sealed\\_%' "
            "AND c.relnamespace = 'clarity'::regnamespace",
            group.dbname,
        ).split()
    )
    wanted = {f"{t}.{c}" for t, spec in columns.ENCRYPTED.items() for c in spec.columns}
    wanted.add("emergency_grants.reason")  # grant_reasons.py
    assert found == wanted
