"""Sealing a practice server that kept its records in the clear, and clearing the old copies.

A server from before encryption (it has no recovery key: ``server init`` has always made
one since) holds its clients' names and notes in the clear. ``server upgrade`` seals it
in its own transaction (seal_if_plain): every case given a key, every encrypted column
encrypted in place, the blind search index built again and the directory key made, all
for a new recovery key alone (the superuser holds no staff member's key), and one audit
row says so. Staff then choose their own password and are given their keys from the sheet
(recover_keys.py).

The sheet is the only way back to every record, so it is shown before the transaction
commits: a caller that cannot show it (a terminal gone, a pipe closed) raises, and the
server is left as it was. A sheet that was shown when the commit then failed is void.

Encrypting in place leaves each old row in the table files as a dead copy until the table
is rewritten, and a dropped column's bytes stay in every row. rewrite_tables() does that
once the sealing (or a practice's import, transfer.py) has committed: VACUUM FULL of each
of the practice's tables, then a checkpoint. The write-ahead log and any backup taken
before still hold the old text (README: what the server can and cannot see).
"""

from __future__ import annotations

from sqlalchemy import Connection, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from clarity_desktop.domain.audit_actions import AuditAction
from clarity_desktop.store.postgres import blind_search, import_keys, keytables, superuser_audit
from clarity_desktop.store.postgres.address import ServerAddress
from clarity_desktop.store.postgres.connect import make_engine
from clarity_desktop.store.postgres.encryption import recovery, wrapping

SCHEMA = "clarity"


def seal_if_plain(conn: Connection, actor: str) -> tuple[str | None, int]:
    """The sheet to show (once) and how many cases were sealed; (None, 0) for a server
    that is already encrypted. As the superuser, in the caller's transaction."""
    if keytables.practice_key(conn, keytables.RECOVERY) is not None:
        return None, 0
    private = recovery.new_recovery_key()
    conn.execute(text(f"SET LOCAL search_path = {SCHEMA}"))
    keytables.set_practice_key(
        conn,
        keytables.RECOVERY,
        wrapping.public_bytes(private.public_key()),
        wrapping.signer_hex(wrapping.practice_signer(private)),
    )
    conn.execute(text("DELETE FROM note_search"))  # the old plain index, emptied by the rules

    def note_text(sections: dict[str, str]) -> str:
        return blind_search.note_text(dict(sections))

    sealed = import_keys.seal_all(conn, [], None, note_text)
    detail = (
        f"sealed: the text and names of {sealed} case{'' if sealed == 1 else 's'} "
        "encrypted for a new recovery key, on upgrading a server from before encryption"
    )
    superuser_audit.append(Session(bind=conn), actor, AuditAction.CHANGED, "practice", None, detail)
    return recovery.printable(private), sealed


def rewrite_tables(where: ServerAddress, password: str) -> str | None:
    """Every table of the practice rewritten, so no dead copy of its old text stays in the
    files; None when done, else what stopped it (the records stay sealed either way)."""
    engine = make_engine(where, password, pool_size=1)
    try:
        with engine.connect() as conn:
            conn = conn.execution_options(isolation_level="AUTOCOMMIT")
            tables = conn.execute(
                text("SELECT tablename FROM pg_tables WHERE schemaname = :s ORDER BY 1"),
                {"s": SCHEMA},
            ).scalars()
            for table in list(tables):
                conn.exec_driver_sql(f'VACUUM (FULL) {SCHEMA}."{table}"')
            conn.exec_driver_sql("CHECKPOINT")
    except (DBAPIError, OSError) as exc:  # told to the owner, who can run it again
        return str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
    finally:
        engine.dispose()
    return None
