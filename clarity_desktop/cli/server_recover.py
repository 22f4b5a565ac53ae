"""``clarity-desktop server recover-keys``: keys given to staff from the printed recovery
sheet, as the server's superuser (store/postgres/recover_keys.py). For a server ``server
upgrade`` sealed from before encryption, and for a case whose every key holder has left.
The sheet is read from --recovery-key-file, CLARITY_RECOVERY_KEY or a prompt; never from
the command line, where other users of the computer could read it."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path
from typing import Any

from clarity_desktop.cli.common import (
    EXIT_OK,
    CliError,
    Handler,
    plural,
    secret_from,
    superuser_command,
    tolerant_stdout,
)

COMMAND = "recover-keys"
HELP = (
    "with the practice's printed recovery key, give each staff member the case keys (and "
    "the client directory) they may read but hold no key for, as the server's superuser"
)
SHEET_ENV = "CLARITY_RECOVERY_KEY"


def register(server_subparsers: Any) -> dict[str, Handler]:
    p: argparse.ArgumentParser = superuser_command(server_subparsers, COMMAND, HELP)
    p.add_argument(
        "--recovery-key-file", type=Path, help="read the printed recovery key from this file"
    )
    return {COMMAND: run}


def run(args: argparse.Namespace) -> int:
    from clarity_desktop.services import server_admin

    server_admin.check_address(args.url, args.ca)
    superuser = secret_from(
        args.server_password_file,
        "CLARITY_SERVER_PASSWORD",
        "server password",
        "The server superuser's password: ",
    )
    given = server_admin.recover_keys(args.url, args.ca, superuser, _sheet(args))
    tolerant_stdout()
    for line in lines(given):
        print(line)
    return EXIT_OK


def _sheet(args: argparse.Namespace) -> str:
    """The recovery key, both lines of it, however it was typed."""
    file: Path | None = args.recovery_key_file
    if file is not None:
        try:
            return file.read_text(encoding="utf-8")
        except OSError as exc:
            raise CliError(f"Could not read the recovery key from {file}: {exc.strerror}.") from exc
    value = os.environ.get(SHEET_ENV)
    if value:
        return value
    if not sys.stdin or not sys.stdin.isatty():
        raise CliError(f"No recovery key given: set {SHEET_ENV} or use --recovery-key-file.")
    first = getpass.getpass("The recovery key's first line: ")
    return first + "\n" + getpass.getpass("Its second line: ")


def lines(given: Any) -> list[str]:
    out = []
    for name, (cases, directory) in sorted(given.people.items()):
        what = [plural(cases, "case key")] if cases else []
        if directory:
            what.append("the client directory")
        out.append(f"Gave {name} {' and '.join(what)}.")
    if given.emergency:
        out.append(
            "Made the practice's next emergency key (its last holder had left) and gave it "
            f"to {', '.join(given.emergency)}."
        )
    if not given.people and not given.emergency:
        out.append("Everyone who may read a case already holds its key: nothing was given.")
    if given.waiting:
        out.append(
            "No key of their own yet (they choose their own password at their next sign-in; "
            f"run this again after): {', '.join(given.waiting)}."
        )
    if given.refused:
        out.append(
            "Left out, their key is not vouched for by their own signing key (the server "
            f"may have been changed; ask them before anything else): {', '.join(given.refused)}."
        )
    return out
