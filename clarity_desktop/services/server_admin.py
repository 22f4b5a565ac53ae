"""The administrator's side of a practice server: setting it up, connecting a
workstation folder to it, checking it whole and backing it up.

Who checks what differs from a solo practice. Everyone's ``check`` verifies every link of
the audit chain and recomputes the audit rows they may read (services.practices), and the
seals of the signed records they may read. Only the administrator reads every audit row,
so only ``server check`` recomputes them all; and the administrator reads no notes, so
the seals are each clinician's to check. The PostgreSQL modules are reached through
store.opening: a solo practice never loads the driver.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import func, select

from clarity_desktop.domain.errors import ErrorCode, NotPermitted, Phrase, ValidationError, Wording
from clarity_desktop.domain.passphrase import MIN_PASSPHRASE
from clarity_desktop.services import parts, staff
from clarity_desktop.services.permissions import Permission, allows, require
from clarity_desktop.store import audit_chain, files, opening
from clarity_desktop.store.backend import OpenPractice
from clarity_desktop.store.errors import (
    NotAPractice,
    PracticeDamaged,
    PracticeError,
    PracticeExists,
)
from clarity_desktop.store.models import AuditEvent, Case

if TYPE_CHECKING:
    from clarity_desktop.store.opening import KeysPlan


@dataclass(frozen=True)
class ServerCheck:
    server: str  # "login@host:port/database"
    revision: str
    staff: int
    active_staff: int
    cases: int
    audit_rows: int


@dataclass(frozen=True)
class ServerUpgrade:
    server: str  # "superuser@host:port/database"
    before: str  # schema revision found
    after: str  # schema revision left
    applied: tuple[str, ...]  # the revisions run, oldest first
    functions: int  # the server's own rules, all made again
    triggers: int
    policies: int
    changed: tuple[str, ...]  # "function case_names()", "policy desk_read on cases", ...
    rows_before: int  # rows in all the practice's tables
    rows_after: int
    recovery_key: str | None = None  # a server from before encryption: its new sheet
    sealed_cases: int = 0
    rewrite_failed: str | None = None  # why old copies of the text stayed in the files


@dataclass(frozen=True)
class KeysGiven:
    """``server recover-keys``: the plan the owner was shown (KeysPlan); per person by
    login, (cases given, whether the client directory); who still has no key pair of
    their own and whose key certificate did not hold ("Name (login)")."""

    plan: KeysPlan
    people: dict[str, tuple[int, bool]]
    waiting: tuple[str, ...]
    refused: tuple[str, ...]
    emergency: tuple[str, ...] = ()  # supervisors given a renewed emergency key
    asked: bool = False  # there was something to give, and the plan was shown
    declined: bool = False  # ... and not approved: nothing was given


@dataclass(frozen=True)
class ServerBackup:
    path: Path
    size: int  # bytes
    tables: int  # tables of the practice whose rows the backup holds
    tool_version: str  # pg_dump's own --version line


@dataclass(frozen=True)
class ServerMade:
    admin: str  # the first administrator's "login@host:port/database"
    recovery_key: str  # the practice recovery key, printed once for the practice's owner


def on_server(opened: OpenPractice) -> bool:
    return opening.server_label(opened.folder) is not None


def check_address(url: str, ca_file: Path) -> None:
    """A server address Clarity can use and a CA file that is there: said before any
    password is asked for."""
    opening.server_parts(url)
    if not ca_file.is_file():
        raise ValidationError(ErrorCode.SERVER_CA_UNREADABLE, "ca_file", path=ca_file)


def require_seals_readable(opened: OpenPractice) -> None:
    """For ``check`` (services.practices.check_practice), which verifies the seals of the
    signed records its user can read: on a server, an administrator or the front desk
    reads no notes, so has none to check, and is told where their check is instead."""
    if on_server(opened) and not allows(opened.principal, Permission.READ_RECORDS):
        raise PracticeError(ErrorCode.SERVER_CHECK_NOT_CLINICAL, who=opened.principal.display_name)


def initialise(
    url: str,
    ca_file: Path,
    superuser_password: str,
    *,
    practice_name: str,
    admin_login: str,
    admin_name: str,
    admin_password: str,
    show_sheet: Callable[[str], None] | None = None,
) -> ServerMade:
    """``server init``: the practice's schema, roles and first administrator in the
    existing database at *url*, signed in as the server's superuser. Returns the
    administrator's address label and the practice's recovery key, which opens every
    record's key: it is shown this once, for the practice's owner to print and lock away.
    *show_sheet* shows it before the commit; if it raises, nothing was made."""
    check_address(url, ca_file)
    if not practice_name.strip():
        raise ValidationError(ErrorCode.SERVER_PRACTICE_NAME_NEEDED, "practice")
    if not admin_name.strip():
        raise ValidationError(ErrorCode.SERVER_NAME_NEEDED, "name")
    if len(admin_password) < MIN_PASSPHRASE:
        raise ValidationError(
            ErrorCode.PLEASE_CHOOSE_PASSPHRASE_LEAST_CHARACTERS,
            "password",
            min_passphrase=MIN_PASSPHRASE,
        )
    try:
        label, sheet = opening.initialise_server(
            url,
            ca_file,
            superuser_password,
            practice_name=practice_name,
            admin_login=admin_login,
            admin_name=admin_name,
            admin_password=admin_password,
            show_sheet=show_sheet,
        )
    except NotAPractice as exc:  # the address names a database the server does not have
        host, dbname, _login = opening.server_parts(url)
        raise NotAPractice(
            ErrorCode.SERVER_DATABASE_MISSING, host=host, port=exc.params.get("port"), dbname=dbname
        ) from exc
    return ServerMade(label, sheet)


@contextlib.contextmanager
def connecting(folder: Path) -> Iterator[None]:
    """Around services.practices.connect_server for *folder*: a folder holding a solo
    practice is refused (its address would hide the practice), and if signing in fails
    the folder is left as it was (no half-remembered server)."""
    if files.exists(folder):
        raise PracticeExists(ErrorCode.THERE_ALREADY_PRACTICE, folder=folder)
    existed = folder.exists()
    saved = opening.server_file(folder)
    before = saved.read_bytes() if saved.is_file() else None
    try:
        yield
    except BaseException:
        with contextlib.suppress(OSError):
            if before is not None:
                saved.write_bytes(before)
            else:
                saved.unlink(missing_ok=True)
            if not existed:
                shutil.rmtree(folder)
        raise


def require_server_folder(folder: Path) -> None:
    """The server commands that sign in through a folder need one made by ``server
    connect``: said before any password is asked."""
    if opening.server_label(folder) is not None:
        return
    if files.exists(folder):
        raise PracticeError(ErrorCode.SERVER_FOLDER_IS_SOLO, folder=folder)
    raise PracticeError(ErrorCode.THERE_NO_PRACTICE_FOLDER, folder=folder)


def check_server(opened: OpenPractice) -> ServerCheck:
    """``server check``, as an administrator: the schema's revision, the record locks
    present and enabled, row-level security forced on every table, and every link of the
    whole audit chain. Raises PracticeDamaged naming the first problem and how many more.
    The seals are left to each clinician's own ``check`` (see the module docstring)."""
    if not allows(opened.principal, Permission.MANAGE_STAFF):
        raise NotPermitted(opened.principal.display_name, Phrase.CHECK_SERVER)
    require(opened.principal, Permission.READ_AUDIT)
    found: list[Wording] = list(opened.backend.integrity_problems(opened))
    # Signing in has already compared it with this program's (an older or newer schema
    # is refused there, in words); it is reported so the administrator can note it.
    revision = opened.backend.current_revision(opened.engine)
    with opened.uow().reading() as s:
        rows = s.execute(select(AuditEvent).order_by(AuditEvent.id)).scalars()
        chain = audit_chain.verify(rows)
        cases = s.execute(select(func.count(Case.id))).scalar_one()
    if not chain.ok:
        found.append(
            Wording(
                ErrorCode.INTEGRITY_AUDIT_BROKEN, folder=opened.folder, entry=chain.first_broken
            )
        )
    if found:
        if len(found) > 1:
            raise PracticeDamaged(
                ErrorCode.PRACTICE_CHECK_FAILED_MORE, problem=found[0], more=len(found) - 1
            )
        raise PracticeDamaged(ErrorCode.PRACTICE_CHECK_FAILED, problem=found[0])
    people = staff.staff_list(opened)
    return ServerCheck(
        opening.server_label(opened.folder) or str(opened.folder),
        revision,
        len(people),
        sum(1 for p in people if not p.disabled),
        int(cases),
        chain.rows,
    )


def upgrade(
    url: str,
    ca_file: Path,
    superuser_password: str,
    show_sheet: Callable[[str, int], None] | None = None,
) -> ServerUpgrade:
    """``server upgrade``: the pending schema revisions, then every function, trigger, row
    policy and grant of the practice made again as this version makes them, in one
    transaction, as the server's superuser. A server a newer version has upgraded is
    refused, untouched. A server from before encryption is sealed, and *show_sheet* is
    given its new recovery sheet and the cases sealed before the commit (if it raises,
    the server is left as it was)."""
    check_address(url, ca_file)
    done = opening.upgrade_server(url, ca_file, superuser_password, show_sheet)
    return ServerUpgrade(
        done.server,
        done.before,
        done.after,
        done.applied,
        done.functions,
        done.triggers,
        done.policies,
        done.changed,
        *done.rows,
        done.recovery_key,
        done.sealed_cases,
        done.rewrite_failed,
    )


def recover_keys(
    url: str,
    ca_file: Path,
    superuser_password: str,
    sheet: str,
    *,
    confirm: Callable[[KeysPlan], bool],
) -> KeysGiven:
    """``server recover-keys``: with the printed recovery sheet, every case key (and the
    client directory's) wrapped for each staff member who may read clinical records and
    lacks it, once their key certificate holds; as the server's superuser, in one
    transaction, audited. *confirm* is shown the plan first (only when there is something
    to give): when it says no, nothing is written."""
    check_address(url, ca_file)
    given = opening.recover_server_keys(url, ca_file, superuser_password, sheet, confirm)
    logins = {r.user_id: r.login for r in given.plan.recipients}
    return KeysGiven(
        given.plan,
        {logins[u]: what for u, what in given.people.items()},
        given.plan.waiting,
        given.plan.refused,
        tuple(given.emergency),
        given.asked,
        given.declined,
    )


def backup(url: str, ca_file: Path, password: str, out: Path) -> ServerBackup:
    """``server backup``: pg_dump (custom format) of the whole database at *url*, as a
    role that sees every row, into a part beside *out*; listed back with pg_restore, and
    only then renamed onto *out*. *out* never holds half a backup."""
    check_address(url, ca_file)
    opening.check_server_backup(url, ca_file, password)
    with parts.writing(out) as part:
        made = opening.dump_server(url, ca_file, password, part, out)
        with open(part, "rb") as fh:
            os.fsync(fh.fileno())
        os.replace(part, out)
    return ServerBackup(out, made.size, made.tables, made.tool_version)
