"""Command-line command ``server import-practice``: a solo practice moved onto the practice
server, whole (services/server_import.py).

Registered under the ``server`` group by cli/server.py through ``register``. Three secrets,
none of them ever an argument (cli/common.py's rule): the server superuser's password
(CLARITY_SERVER_PASSWORD, --server-password-file, or a prompt), the solo practice's
passphrase (CLARITY_PASSPHRASE, --passphrase-file, or a prompt) and the clinician's new
server password (CLARITY_NEW_PASSWORD, --new-password-file, or a prompt asked twice).
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
from pathlib import Path
from typing import Any

from clarity_desktop.cli.common import (
    EXIT_OK,
    REWRITE_FAILED,
    Handler,
    database_of,
    plural,
    read_passphrase,
    secret_from,
    superuser_command,
    tolerant_stdout,
)

COMMAND = "import-practice"
HELP = (
    "move a solo practice onto a practice server just set up with `server init`, whole: "
    "every case, note, signature and audit entry, its clinician becoming a staff login "
    "(run as the server's superuser; the solo practice is only read)"
)


def register(server_subparsers: Any) -> dict[str, Handler]:
    """Add ``import-practice`` to the ``server`` group's subparsers; its handler by name."""
    p: argparse.ArgumentParser = superuser_command(server_subparsers, COMMAND, HELP)
    p.add_argument(
        "--from",
        dest="source",
        type=Path,
        required=True,
        metavar="FOLDER",
        help="the solo practice's folder (close the program on it first)",
    )
    p.add_argument(
        "--login",
        required=True,
        help="the clinician's new login on the server (letters, digits, underscores)",
    )
    p.add_argument("--json", action="store_true", help="print what moved as JSON")
    p.add_argument(
        "--passphrase-file", type=Path, help="read the solo practice's passphrase from this file"
    )
    p.add_argument(
        "--new-password-file",
        type=Path,
        help="read the clinician's new server password from this file",
    )
    p.set_defaults(server_handler=run)
    return {COMMAND: run}


def run(args: argparse.Namespace) -> int:
    from clarity_desktop.services import server_import

    tolerant_stdout()
    superuser = secret_from(
        args.server_password_file,
        "CLARITY_SERVER_PASSWORD",
        "server password",
        "The server superuser's password: ",
    )
    passphrase = read_passphrase(args)
    new = secret_from(
        args.new_password_file,
        "CLARITY_NEW_PASSWORD",
        "new password",
        f"New server password for {args.login}: ",
    )
    repeat = new
    if args.new_password_file is None and not os.environ.get("CLARITY_NEW_PASSWORD"):
        repeat = getpass.getpass(f"New server password for {args.login} again: ")
    moved = server_import.import_practice(
        args.url, args.ca, superuser, args.source, passphrase, args.login, new, repeat
    )
    if args.json:
        print(json.dumps(as_json(moved), ensure_ascii=False, indent=2))
    else:
        print("\n".join(lines(moved, args)))
    return EXIT_OK


def as_json(moved: Any) -> dict[str, Any]:
    return {
        "login": moved.login,
        "user_id": moved.user_id,
        "source_practice_id": moved.source_practice_id,
        "server_practice_id": moved.server_practice_id,
        "rows": dict(moved.rows),
        "former_keys": moved.former_keys,
        "audit_id": moved.audit_id,
        "rewrite_failed": moved.rewrite_failed,
    }


def lines(moved: Any, args: argparse.Namespace) -> list[str]:
    out = [
        f"Moved the solo practice in {args.source} onto the server: "
        f"{plural(moved.count('cases'), 'case')}, {plural(moved.count('notes'), 'note')}, "
        f"{plural(moved.count('addenda'), 'addendum', 'addenda')}, "
        f"{plural(moved.count('treatment_plans'), 'plan version')}, "
        f"{plural(moved.count('audit_events'), 'audit entry', 'audit entries')}.",
        "Checked before it was kept: the rows of every table, the whole audit trail "
        f"(continued at entry {moved.audit_id}) and every signature's seal.",
        f"The clinician signs in as {moved.login} with the new password, keeping their "
        "signing key; every case is assigned to them.",
    ]
    if moved.former_keys:
        out.append(
            f"{plural(moved.former_keys, 'earlier signing key')} of theirs "
            "stay trusted for what they signed with them."
        )
    if moved.rewrite_failed:
        out.append(REWRITE_FAILED.format(why=moved.rewrite_failed, dbname=database_of(args.url)))
    out.append(f"The solo practice in {args.source} was not changed.")
    return out
