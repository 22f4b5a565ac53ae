"""``clarity-desktop server share-directory``: the client directory (the practice's key for
client names and contacts, issue 14) shared with a new colleague from the command line,
for a practice run without the window's Today view. Without --all or --id it lists who
waits; with them, each is shared only after their key certificate checks out
(services/key_sharing.py), and audited, exactly as the window's Share button does."""

from __future__ import annotations

import argparse
from collections.abc import Callable

from clarity_desktop.cli.common import EXIT_OK, Handler, tolerant_stdout, unlock_server


def register(cmd: Callable[[str, str], argparse.ArgumentParser]) -> dict[str, Handler]:
    share = cmd(
        "share-directory",
        "share the client directory (client names and contacts) with new colleagues who "
        "wait for it; without --all or --id, list who waits",
    )
    share.add_argument("--id", type=int, action="append", default=[], help="their user id")
    share.add_argument("--all", action="store_true", help="everyone who waits")
    return {"share-directory": _share_directory}


def _share_directory(args: argparse.Namespace) -> int:
    from clarity_desktop.services import key_sharing

    opened = unlock_server(args)
    try:
        waiting = [r for r in key_sharing.pending_shares(opened) if r.is_directory]
        tolerant_stdout()
        if not args.all and not args.id:
            for r in waiting:
                print(f"{r.reader}  {r.reader_name}")
            if not waiting:
                print("Nobody waits for the client directory.")
            return EXIT_OK
        for r in waiting:
            if args.all or r.reader in args.id:
                key_sharing.share_case_key(opened, r.case_id, r.reader)
                print(f"The client directory is shared with {r.reader_name}.")
    finally:
        opened.close()
    return EXIT_OK
