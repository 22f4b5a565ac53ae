"""Command-line safety net: the audit trail, backups and restore, the passphrase.

Registered by cli/entry.py; the same services as the window's Practice menu.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path
from typing import TYPE_CHECKING

from clarity_desktop.cli.common import (
    EXIT_ERROR,
    EXIT_OK,
    CommandFactory,
    Handler,
    read_passphrase,
)

if TYPE_CHECKING:
    from clarity_desktop.services.practices import OpenPractice

WRONG_PASSPHRASE_DELAY_S = 1.0  # a script guessing passphrases gets one try a second


def add_commands(cmd: CommandFactory) -> dict[str | None, Handler]:
    audit = cmd("audit", "show or verify the audit trail")
    audit.add_argument("--verify", action="store_true", help="check every link of the audit chain")
    audit.add_argument("--case", type=int, help="only this case's entries")
    audit.add_argument("--action", help="only this action (e.g. viewed, signed, exported)")
    audit.add_argument(
        "--csv", type=Path, metavar="FILE.csv", help="write the entries to a CSV file"
    )
    audit.add_argument("--passphrase-file", type=Path, help="read the passphrase from this file")
    backup = cmd("backup", "make a verified, encrypted backup now")
    backup.add_argument(
        "--to", type=Path, metavar="FOLDER", help="where (default: the practice's backups folder)"
    )
    backup.add_argument("--passphrase-file", type=Path, help="read the passphrase from this file")
    restore = cmd("restore", "replace the practice with a backup (a safety copy is kept)")
    which = restore.add_mutually_exclusive_group(required=True)
    which.add_argument("--from", dest="source", type=Path, metavar="FOLDER", help="the backup")
    which.add_argument(
        "--undo",
        action="store_true",
        help="undo the last restore: bring back the copy kept just before it",
    )
    restore.add_argument("--passphrase-file", type=Path, help="read the passphrase from this file")
    return {"audit": _audit, "backup": _backup, "restore": _restore}


def _secret(args: argparse.Namespace) -> str:
    return read_passphrase(args)


def _unlock(args: argparse.Namespace) -> OpenPractice:
    from clarity_desktop.services import practices

    try:
        return practices.unlock_practice(args.data_dir, _secret(args))
    except practices.WrongPassphrase:
        time.sleep(WRONG_PASSPHRASE_DELAY_S)
        raise


def _audit(args: argparse.Namespace) -> int:
    from clarity_desktop.services import audit, practices

    opened = _unlock(args)
    try:
        if args.verify:
            report = practices.verify_audit(opened)
            if not report.ok:
                print(
                    f"The audit trail is broken at entry {report.first_broken} ({report.rows} entries read)."
                )
                return EXIT_ERROR
            print(f"ok: {report.rows} audit entries, every link intact")
            return EXIT_OK
        f = audit.AuditFilter(case_id=args.case, action=args.action)
        if args.csv is not None:
            n = audit.export_csv(opened.uow(), f, args.csv)
            print(f"Wrote {n} audit entries to {args.csv}.")
            return EXIT_OK
        for r in reversed(audit.list_events(opened.uow(), f)):
            case = f"  [{r.case_name}]" if r.case_name else ""
            detail = f"  {r.detail}" if r.detail else ""
            print(f"{r.at:%Y-%m-%d %H:%M:%S}  {r.actor}  {r.action} {r.entity}{case}{detail}")
        return EXIT_OK
    finally:
        opened.close()


def _backup(args: argparse.Namespace) -> int:
    from clarity_desktop.services import backups

    opened = _unlock(args)
    try:
        info = backups.backup_now(opened, args.to)
    finally:
        opened.close()
    print(
        f"Backed up {info.case_count} cases and {info.note_count} notes to {info.folder} (verified)."
    )
    return EXIT_OK


def _restore(args: argparse.Namespace) -> int:
    from clarity_desktop.services import backups, unlock_attempts

    secret = _secret(args)
    if args.undo:
        with unlock_attempts.noting_failure(args.data_dir):
            info = backups.undo_restore(args.data_dir, secret)
        print(
            f"Undid the last restore: the practice is back as it was at "
            f"{info.created_at:%Y-%m-%d %H:%M} UTC ({info.case_count} cases, "
            f"{info.note_count} notes); what the restore brought is kept in backups/."
        )
        return EXIT_OK
    with unlock_attempts.noting_failure(args.data_dir):
        info = backups.restore(args.data_dir, args.source, secret)
    print(
        f"Restored the backup of {info.created_at:%Y-%m-%d %H:%M} UTC "
        f"({info.case_count} cases, {info.note_count} notes); the previous state is kept in backups/."
    )
    return EXIT_OK
