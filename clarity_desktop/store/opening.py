"""Which backend serves a practice, and opening one through it.

The one place that knows the backends by name: services call these and then speak to
the open practice and its ``backend`` (store/backend.py). A practice folder holding a
server's address (store/postgres/address.py) is a group practice's server; any other is a
SQLite practice.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from clarity_desktop.domain.errors import ErrorCode
from clarity_desktop.store.backend import Backend, Clinician, OpenPractice
from clarity_desktop.store.errors import PracticeError
from clarity_desktop.store.postgres import address
from clarity_desktop.store.sqlite.backend import SqliteBackend

if TYPE_CHECKING:
    from clarity_desktop.store.keys import KdfParams
    from clarity_desktop.store.postgres.dump import Dump
    from clarity_desktop.store.postgres.recover_keys import Given
    from clarity_desktop.store.postgres.recover_plan import Plan as KeysPlan
    from clarity_desktop.store.postgres.transfer import Moved, NoteText, SealCheck
    from clarity_desktop.store.postgres.upgrade import Upgraded


def backend_for(folder: Path) -> Backend:
    """The backend of the practice in *folder* (or of a new one made there)."""
    if address.is_server_folder(folder):
        # Imported here: a solo practice never loads the PostgreSQL driver.
        from clarity_desktop.store.postgres.backend import PostgresBackend

        return PostgresBackend()
    return SqliteBackend()


def create(
    folder: Path,
    passphrase: str,
    clinician: Clinician,
    *,
    is_demo: bool = False,
    kdf: KdfParams | None = None,
    window: bool = False,
) -> tuple[OpenPractice, str]:
    """Make a new practice. Returns it unlocked, with the recovery key to show once."""
    return backend_for(folder).create(
        folder, passphrase, clinician, is_demo=is_demo, kdf=kdf, window=window
    )


def unlock(
    folder: Path,
    secret: str,
    *,
    recovery: bool = False,
    window: bool = False,
    accept_missing_work: bool = False,
) -> OpenPractice:
    return backend_for(folder).unlock(
        folder, secret, recovery=recovery, window=window, accept_missing_work=accept_missing_work
    )


def server_parts(url: str, user: str | None = None) -> tuple[str, str, str]:
    """(host, database, login) of a server address; a clear error if it is not one."""
    where = address.parse_url(url, Path(), user)
    return where.host, where.dbname, where.user


def remember_server(folder: Path, url: str, ca_file: Path, user: str | None = None) -> None:
    """Make *folder* a practice server's folder: its address, never a password."""
    address.write(folder, address.parse_url(url, ca_file, user))


def server_label(folder: Path) -> str | None:
    """ "user@host:port/database" for a practice server's folder, else None."""
    if not address.is_server_folder(folder):
        return None
    return address.read(folder).label()


def server_file(folder: Path) -> Path:
    """Where *folder* keeps a practice server's address (whether or not it does yet)."""
    return folder / address.SERVER_FILE


# The server's own administration (``server init``, ``server backup``): signed in as the
# server's superuser with an address, not through a practice folder. The PostgreSQL
# modules load only here, so a solo practice never loads the driver.


def initialise_server(
    url: str,
    ca_file: Path,
    superuser_password: str,
    *,
    practice_name: str,
    admin_login: str,
    admin_name: str,
    admin_password: str,
    show_sheet: Callable[[str], None] | None = None,
) -> tuple[str, str]:
    """A new practice in the existing database at *url* (store/postgres/server.py).
    Returns the first administrator's address label, "login@host:port/database", and the
    practice's recovery key as printed on its sheet (shown once, kept nowhere)."""
    import psycopg
    from sqlalchemy.exc import DBAPIError

    from clarity_desktop.store.postgres import server
    from clarity_desktop.store.postgres.encryption import recovery, wrapping

    where = address.parse_url(url, ca_file)
    sheet_key = recovery.new_recovery_key()
    sheet = recovery.printable(sheet_key)
    try:
        server.initialise(
            where,
            superuser_password,
            practice_name=practice_name,
            admin_login=admin_login,
            admin_name=admin_name,
            admin_password=admin_password,
            recovery_public=wrapping.public_bytes(sheet_key.public_key()),
            recovery_signer=wrapping.signer_hex(wrapping.practice_signer(sheet_key)),
            before_commit=None if show_sheet is None else lambda: show_sheet(sheet),
        )
    except DBAPIError as exc:  # nothing was made: initialise is one transaction
        if isinstance(exc.orig, psycopg.errors.InsufficientPrivilege):
            raise PracticeError(ErrorCode.SERVER_INIT_NEEDS_SUPERUSER, user=where.user) from exc
        raise
    return replace(where, user=admin_login).label(), sheet


def upgrade_server(
    url: str,
    ca_file: Path,
    superuser_password: str,
    show_sheet: Callable[[str, int], None] | None = None,
) -> Upgraded:
    """The practice at *url* brought to this version's schema and rules, as the server's
    superuser, in one transaction (store/postgres/upgrade.py)."""
    from clarity_desktop.store.postgres import upgrade

    return upgrade.upgrade(address.parse_url(url, ca_file), superuser_password, show_sheet)


def recover_server_keys(
    url: str,
    ca_file: Path,
    superuser_password: str,
    sheet: str,
    confirm: Callable[[KeysPlan], bool],
) -> Given:
    """Keys given to staff from the printed recovery sheet once *confirm* approved the
    plan (store/postgres/recover_keys.py)."""
    from clarity_desktop.store.postgres import recover_keys

    return recover_keys.recover_with_sheet(
        address.parse_url(url, ca_file), superuser_password, sheet, confirm
    )


def check_server_backup(url: str, ca_file: Path, password: str) -> None:
    """Before a part file is made: the login signs in, the database is a practice, and
    row-level security hides nothing from the login (store/postgres/dump.py)."""
    from clarity_desktop.store.postgres import dump

    dump.check_readable(address.parse_url(url, ca_file), password)


def dump_server(url: str, ca_file: Path, password: str, part: Path, target: Path) -> Dump:
    """pg_dump of the practice at *url* into *part*, listed back with pg_restore."""
    from clarity_desktop.store.postgres import dump

    return dump.dump(address.parse_url(url, ca_file), password, part, target)


def move_solo_practice(
    source: Path,
    passphrase: str,
    url: str,
    ca_file: Path,
    superuser_password: str,
    login: str,
    new_password: str,
    *,
    note_text: NoteText,
    seal_check: SealCheck,
) -> Moved:
    """Move the solo practice in *source* onto the practice server at *url* (as its
    superuser), whole; the solo practice is read, never written
    (store/postgres/transfer.py)."""
    from clarity_desktop.store.postgres import transfer

    return transfer.move_solo_practice(
        source,
        passphrase,
        address.parse_url(url, ca_file),
        superuser_password,
        login,
        new_password,
        note_text=note_text,
        seal_check=seal_check,
    )
