"""``clarity-desktop server recover-keys``: keys given to staff from the printed recovery
sheet, as the server's superuser (store/postgres/recover_keys.py). For a server ``server
upgrade`` sealed from before encryption, and for a case whose every key holder has left.
The sheet is read from --recovery-key-file, CLARITY_RECOVERY_KEY or a prompt; never from
the command line, where other users of the computer could read it.

Nothing is given unasked: the plan (who gets which keys, and how they reach the cases)
is printed, and given only with --yes or a "y" at the terminal's question."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from clarity_desktop.services.server_admin import KeysGiven, KeysPlan

from clarity_desktop.cli.common import (
    EXIT_DECLINED,
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
    p.add_argument(
        "--yes",
        action="store_true",
        help="give the keys in the printed plan without asking (needed when not run on a terminal)",
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
    sheet = _sheet(args)
    tolerant_stdout()

    def confirm(plan: KeysPlan) -> bool:
        for line in plan_lines(plan):
            print(line)
        if args.yes:
            return True
        if not sys.stdin or not sys.stdin.isatty():
            return False
        sys.stdout.flush()
        return input("Give these keys? [y/N] ").strip().lower() in ("y", "yes")

    given = server_admin.recover_keys(args.url, args.ca, superuser, sheet, confirm=confirm)
    if given.declined:
        if not sys.stdin or not sys.stdin.isatty():
            print(
                "clarity-desktop: Nothing was given: not run on a terminal, so nobody could "
                "approve the plan above; run it again with --yes to give these keys.",
                file=sys.stderr,
            )
        else:
            print("Nothing was given.")
        return EXIT_DECLINED
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


def plan_lines(plan: KeysPlan) -> list[str]:
    """What the run would give, one line a person, then what it cannot give."""
    out = ["From the recovery sheet this would give:"]
    for r in plan.recipients:
        what = [plural(len(r.cases), "case key")] if r.cases else []
        if r.directory:
            what.append("the client directory")
        if r.emergency:
            what.append("the practice's new emergency key (its last holder left)")
        how = f", {'; '.join(r.reaches)}" if r.reaches else ""
        out.append(f"  {r.name} ({r.login}), {r.role}{how}: {_and(what)}")
    return out + notes(plan)


def lines(given: KeysGiven) -> list[str]:
    """What was given, one line a person; when nothing was to give, why not."""
    out = []
    for r in given.plan.recipients:
        if r.login not in given.people:
            continue
        cases, directory = given.people[r.login]
        what = [plural(cases, "case key")] if cases else []
        if directory:
            what.append("the client directory")
        out.append(f"Gave {r.name} ({r.login}) {_and(what)}.")
    if given.emergency:
        holders = [f"{r.name} ({r.login})" for r in given.plan.recipients if r.emergency]
        out.append(
            "Made the practice's next emergency key (its last holder had left) and gave it "
            f"to {_and(holders)}."
        )
    if not given.asked:
        out.append("Everyone who may read a case already holds its key: nothing was given.")
        out += notes(given.plan)
    return out


def notes(plan: KeysPlan) -> list[str]:
    """What the sheet could not give, and to whom not."""
    out = [
        f"Case {case}: its recovery key copy does not open; nothing was given for it."
        for case in plan.damaged
    ]
    if plan.directory_damaged:
        out.append(
            "The client directory: its recovery key copy does not open; nothing was given for it."
        )
    if plan.unreached:
        cases, one = _and([str(c) for c in plan.unreached]), len(plan.unreached) == 1
        it, its = ("it", "its key") if one else ("them", "their keys")
        out.append(
            f"{'Case' if one else 'Cases'} {cases}: no clinician or supervisor on the staff "
            f"may read {it}, so nobody can be given {its} (assign {it}, then run this again)."
        )
    if plan.waiting:
        out.append(
            "No key of their own yet (they choose their own password at their next sign-in; "
            f"run this again after): {', '.join(plan.waiting)}."
        )
    if plan.refused:
        out.append(
            "Left out, their key is not vouched for by their own signing key (the server "
            f"may have been changed; ask them before anything else): {', '.join(plan.refused)}."
        )
    return out


def _and(items: list[str]) -> str:
    return items[0] if len(items) < 2 else f"{', '.join(items[:-1])} and {items[-1]}"
