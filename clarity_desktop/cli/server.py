"""``clarity-desktop server ...``: a group practice on the practice's own PostgreSQL
server, from the command line (set up, connect, staff, check, backup, upgrade).

Passwords never travel as arguments. Three kinds are asked for, each from its own
environment variable, its own file option, or a prompt on a terminal:
- the server superuser's (init, backup, upgrade): CLARITY_SERVER_PASSWORD, --server-password-file;
- your own, to sign in through a folder: CLARITY_PASSPHRASE, --passphrase-file;
- a new person's (init's administrator, add-user): CLARITY_NEW_PASSWORD,
  --new-password-file, or a prompt asked twice.
Registered by cli/entry.py under the one word ``server``.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from pathlib import Path

from clarity_desktop.cli import server_access, server_import, server_recover, server_shares, sheet
from clarity_desktop.cli.common import (
    EXIT_OK,
    REWRITE_FAILED,
    CliError,
    Handler,
    database_of,
    plural,
    read_first_line,
    read_passphrase,
    refuse_existing,
    tolerant_stdout,
    unlock_server,
)

ROLES = ("clinician", "supervisor", "administrator", "front_desk")
# The commands kept in modules of their own (supervise, emergency-log, import-practice).
_HANDLERS: dict[str, Handler] = {}
SERVER_PASSWORD_ENV = "CLARITY_SERVER_PASSWORD"
NEW_PASSWORD_ENV = "CLARITY_NEW_PASSWORD"
URL_HELP = "the server's address, postgresql://LOGIN@HOST:PORT/DATABASE (no password in it)"
CA_HELP = "the certificate authority file that vouches for the server's TLS certificate"


def add_server(p: argparse.ArgumentParser) -> dict[str | None, Handler]:
    """The ``server`` command's own commands, on its parser *p*."""
    sub = p.add_subparsers(dest="server_command", metavar="COMMAND", required=True)

    def cmd(name: str, help_text: str, *, folder: bool = True) -> argparse.ArgumentParser:
        c = sub.add_parser(name, help=help_text, description=help_text, allow_abbrev=False)
        if folder:
            c.add_argument(
                "--data-dir", type=Path, required=True, help="the folder `server connect` made"
            )
            c.add_argument("--passphrase-file", type=Path, help="read your password from this file")
        return c

    init = cmd(
        "init",
        "set up a practice in an existing, empty database, as the server's superuser",
        folder=False,
    )
    _url_and_ca(init, "the superuser's address, postgresql://SUPERUSER@HOST:PORT/DATABASE")
    init.add_argument("--practice", required=True, help="the practice's name")
    init.add_argument("--admin-login", required=True, help="the first administrator's login")
    init.add_argument("--admin-name", required=True, help="the first administrator's name")
    _server_password_file(init)
    _new_password_file(init, "the new administrator's password")
    sheet.add_option(init)
    connect = cmd("connect", "remember a practice server in a folder, and sign in once")
    _url_and_ca(connect, URL_HELP)
    add = cmd("add-user", "add a staff member with their own login (as an administrator)")
    add.add_argument("--login", required=True, help="their login on the server")
    add.add_argument("--name", required=True, help="their name, as on their signature")
    add.add_argument("--role", required=True, choices=ROLES, help="what they do")
    add.add_argument("--credentials", default="", help="for example LMFT or PhD")
    _new_password_file(add, "their password")
    disable = cmd("disable-user", "stop a login at once (their records stay)")
    disable.add_argument("--login", required=True, help="their login on the server")
    assign = cmd("assign", "give a case to a staff member, or take it back with --remove")
    assign.add_argument("--case", type=int, required=True, help="the case's id")
    assign.add_argument("--user", required=True, help="their login on the server")
    assign.add_argument("--remove", action="store_true", help="take the case back")
    staff = cmd("staff", "list the practice's staff and who supervises whom (as an administrator)")
    staff.add_argument("--json", action="store_true", help="print JSON instead of a table")
    extra = server_access.register(cmd)
    extra.update(server_shares.register(cmd))
    cmd(
        "check",
        "verify the whole server as an administrator: schema revision, record locks, "
        "row-level security on every table and every link of the audit chain",
    )
    backup = cmd(
        "backup",
        "write a verified pg_dump backup of the whole practice, as the server's superuser",
        folder=False,
    )
    _url_and_ca(backup, "the superuser's address, postgresql://SUPERUSER@HOST:PORT/DATABASE")
    backup.add_argument(
        "--out", type=Path, required=True, metavar="FILE.dump", help="the backup file"
    )
    backup.add_argument("--overwrite", action="store_true", help="replace an existing file")
    _server_password_file(backup)
    upgrade = cmd(
        "upgrade",
        "bring the practice's schema and the server's own rules (functions, record locks, "
        "row policies, grants) to this version, as the server's superuser",
        folder=False,
    )
    _url_and_ca(upgrade, "the superuser's address, postgresql://SUPERUSER@HOST:PORT/DATABASE")
    _server_password_file(upgrade)
    sheet.add_option(upgrade)
    extra.update(server_import.register(sub))
    extra.update(server_recover.register(sub))
    _HANDLERS.update(extra)
    return {"server": _run}


def _url_and_ca(c: argparse.ArgumentParser, url_help: str) -> None:
    c.add_argument("--url", required=True, help=url_help)
    c.add_argument("--ca", type=Path, required=True, metavar="FILE", help=CA_HELP)


def _server_password_file(c: argparse.ArgumentParser) -> None:
    c.add_argument(
        "--server-password-file", type=Path, help="read the superuser's password from this file"
    )


def _new_password_file(c: argparse.ArgumentParser, what: str) -> None:
    c.add_argument("--new-password-file", type=Path, help=f"read {what} from this file")


def _run(args: argparse.Namespace) -> int:
    handlers: dict[str, Handler] = {
        "init": _init,
        "connect": _connect,
        "add-user": _add_user,
        "disable-user": _disable_user,
        "assign": _assign,
        "staff": _staff,
        "check": _check,
        "backup": _backup,
        "upgrade": _upgrade,
        **_HANDLERS,
    }
    return handlers[args.server_command](args)


# Passwords ---------------------------------------------------------------------------


def server_password(args: argparse.Namespace) -> str:
    """The server superuser's: --server-password-file, CLARITY_SERVER_PASSWORD, a prompt."""
    file: Path | None = args.server_password_file
    if file is not None:
        return read_first_line(file, "server password")
    env = os.environ.get(SERVER_PASSWORD_ENV)
    if env:
        return env
    _need_terminal(
        f"No server password given: set {SERVER_PASSWORD_ENV} or use --server-password-file."
    )
    return getpass.getpass("The server superuser's password: ")


def new_password(args: argparse.Namespace, whose: str) -> str:
    """A new person's: --new-password-file, CLARITY_NEW_PASSWORD, or a prompt asked twice."""
    file: Path | None = args.new_password_file
    if file is not None:
        return read_first_line(file, "new password")
    env = os.environ.get(NEW_PASSWORD_ENV)
    if env:
        return env
    _need_terminal(f"No new password given: set {NEW_PASSWORD_ENV} or use --new-password-file.")
    value = getpass.getpass(f"{whose} new password: ")
    if getpass.getpass(f"{whose} new password again: ") != value:
        raise CliError("The two new passwords do not match.")
    return value


def _need_terminal(message: str) -> None:
    if not sys.stdin or not sys.stdin.isatty():
        raise CliError(message)


# Commands ----------------------------------------------------------------------------


def _init(args: argparse.Namespace) -> int:
    from clarity_desktop.services import server_admin

    # A bad address or CA file is said before any password is asked for.
    server_admin.check_address(args.url, args.ca)
    sheet.check_destination(args.recovery_sheet_out)
    superuser = server_password(args)
    admin = new_password(args, "The administrator's")
    tolerant_stdout()
    made = server_admin.initialise(
        args.url,
        args.ca,
        superuser,
        practice_name=args.practice,
        admin_login=args.admin_login,
        admin_name=args.admin_name,
        admin_password=admin,
        show_sheet=lambda key: sheet.show_before_commit(key, out=args.recovery_sheet_out),
    )
    label = made.admin
    print(
        f"Set up the practice “{args.practice.strip()}”; its first administrator signs in as {label}."
    )
    print(
        "Next, on the administrator's workstation: clarity-desktop server connect "
        f"--data-dir FOLDER --url postgresql://{label} --ca {args.ca}"
    )
    return EXIT_OK


def _connect(args: argparse.Namespace) -> int:
    from clarity_desktop.services import practices, server_admin

    server_admin.check_address(args.url, args.ca)
    password = read_passphrase(args)
    with server_admin.connecting(args.data_dir):
        opened = practices.connect_server(args.url, args.ca, password, folder=args.data_dir)
    try:
        who = opened.principal
        where = practices.server_address(args.data_dir)
    finally:
        opened.close()
    tolerant_stdout()
    print(
        f"Connected {args.data_dir} to {where}: signed in as {who.display_name} "
        f"({who.role.value.replace('_', ' ')}). Every command takes --data-dir {args.data_dir} now."
    )
    return EXIT_OK


def _add_user(args: argparse.Namespace) -> int:
    from clarity_desktop.domain.identity import Role
    from clarity_desktop.services import staff

    opened = unlock_server(args)
    try:
        password = new_password(args, "Their")
        user_id = staff.add_staff(
            opened, args.login, args.name, Role(args.role), password, credentials=args.credentials
        )
    finally:
        opened.close()
    tolerant_stdout()
    print(
        f"Added {args.login} ({args.name.strip()}, {args.role.replace('_', ' ')}) as user {user_id}."
    )
    return EXIT_OK


def _disable_user(args: argparse.Namespace) -> int:
    from clarity_desktop.services import staff

    opened = unlock_server(args)
    try:
        staff.disable_staff(opened, args.login)
    finally:
        opened.close()
    print(f"Disabled {args.login}: they can no longer sign in, and their records stay.")
    return EXIT_OK


def _assign(args: argparse.Namespace) -> int:
    from clarity_desktop.services import staff

    opened = unlock_server(args)
    try:
        staff.assign_case(opened, args.case, args.user, remove=args.remove)
    finally:
        opened.close()
    if args.remove:
        print(f"Case {args.case} is no longer assigned to {args.user}.")
    else:
        print(f"Case {args.case} is assigned to {args.user}.")
    return EXIT_OK


def _staff(args: argparse.Namespace) -> int:
    from clarity_desktop.services import staff

    opened = unlock_server(args)
    try:
        people = staff.staff_list(opened)
    finally:
        opened.close()
    logins = {p.user_id: p.login for p in people}
    tolerant_stdout()
    if args.json:
        out = [
            {
                "id": p.user_id,
                "login": p.login,
                "name": p.display_name,
                "role": p.role.value,
                "credentials": p.credentials,
                "disabled": p.disabled,
                "cases": p.cases,
                "supervised_by": [
                    {"login": logins.get(s.user_id, ""), "name": s.name, "mode": s.mode.value}
                    for s in p.supervised_by
                ],
            }
            for p in people
        ]
        print(json.dumps(out, ensure_ascii=False, indent=2))
        return EXIT_OK
    login_w = max(len(p.login) for p in people)
    name_w = max(len(p.display_name) for p in people)
    for p in people:
        state = "  disabled" if p.disabled else ""
        by = "; ".join(
            f"{logins.get(s.user_id, s.name)} ({server_access.MODE_WORDS[s.mode.value]})"
            for s in p.supervised_by
        )
        supervised = f"  supervised by {by}" if by else ""
        print(
            f"{p.login:<{login_w}}  {p.display_name:<{name_w}}  {p.role.value:<13}  "
            f"{plural(p.cases, 'case'):<9}{state}{supervised}".rstrip()
        )
    return EXIT_OK


def _check(args: argparse.Namespace) -> int:
    from clarity_desktop.services import server_admin

    opened = unlock_server(args)
    try:
        found = server_admin.check_server(opened)
    finally:
        opened.close()
    print(
        f"ok: {found.server}, schema revision {found.revision}; record locks present and "
        "enabled, row-level security forced on every table, every link of the audit chain "
        f"verified ({plural(found.audit_rows, 'entry', 'entries')}); "
        f"{plural(found.staff, 'staff member')} ({found.active_staff} active), "
        f"{plural(found.cases, 'case')}"
    )
    print(
        "The seals of signed notes are checked by each clinician's own "
        "`clarity-desktop check` (an administrator cannot read notes)."
    )
    return EXIT_OK


def _backup(args: argparse.Namespace) -> int:
    from clarity_desktop.services import server_admin

    server_admin.check_address(args.url, args.ca)
    refuse_existing(args.out, args.overwrite)
    made = server_admin.backup(args.url, args.ca, server_password(args), args.out)
    print(
        f"Wrote {made.path} ({made.size / 1_000_000:.1f} MB; the data of "
        f"{plural(made.tables, 'table')}, listed back with pg_restore; {made.tool_version})."
    )
    return EXIT_OK


SHOWN_CHANGES = 12  # names of changed objects listed; the rest counted


def _upgrade(args: argparse.Namespace) -> int:
    from clarity_desktop.services import server_admin

    server_admin.check_address(args.url, args.ca)
    sheet.check_destination(args.recovery_sheet_out)
    password = server_password(args)
    tolerant_stdout()

    def show_sheet(key: str, cases: int) -> None:
        sheet.show_before_commit(
            key,
            f"The server held its records in the clear: {plural(cases, 'case')}, every note "
            "and every client's name are now encrypted, for a new recovery key alone. The "
            "upgrade is kept only once this key has been shown.",
            args.recovery_sheet_out,
        )

    done = server_admin.upgrade(args.url, args.ca, password, show_sheet)
    if done.applied:
        print(
            f"Upgraded {done.server} from schema revision {done.before} to {done.after} "
            f"(ran {', '.join(done.applied)})."
        )
    else:
        print(f"Upgraded {done.server}: already at schema revision {done.after}, no revision ran.")
    made = (
        f"Made again as this version makes them: {plural(done.functions, 'function')}, "
        f"{plural(done.triggers, 'trigger')} and "
        f"{plural(done.policies, 'row policy', 'row policies')}, with their grants; "
    )
    if done.changed:
        names = ", ".join(done.changed[:SHOWN_CHANGES])
        more = len(done.changed) - SHOWN_CHANGES
        tail = f" and {more} more" if more > 0 else ""
        print(f"{made}{plural(len(done.changed), 'difference')} from before: {names}{tail}.")
    else:
        print(f"{made}the server already matched this version.")
    if done.rows_before == done.rows_after:
        print(f"No record was added or removed ({plural(done.rows_after, 'row')} in all).")
    else:
        print(f"Rows in all: {done.rows_before} before, {done.rows_after} after the revisions.")
    if done.recovery_key is not None:
        print("Sealed: the recovery key shown above is the one the server now holds.")
        if done.rewrite_failed:
            print(REWRITE_FAILED.format(why=done.rewrite_failed, dbname=database_of(args.url)))
        print(
            "Next: each person signs in and chooses their own password; then the holder of "
            "this sheet gives them their keys: clarity-desktop server recover-keys "
            f"--url {args.url} --ca {args.ca}"
        )
    return EXIT_OK
