"""The practice's recovery sheet on the command line: what it says, and how it is shown
before the server commits (``server init``, and ``server upgrade`` sealing a server from
before encryption)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from clarity_desktop.cli.common import CliError

RECOVERY_SHEET = """
The practice's recovery key (shown this once; the server keeps only its public half):

{key}

Print it or write it down, and give it to the practice's owner to keep locked away, not to
whoever runs the server. With it, every client record on this server can be read, even
from a stolen backup, so keep it as you would the records themselves. Without it, a case's
text is lost for good if everyone who can open that case leaves or forgets their password.
"""


SHEET_UNSEEN = (
    "The recovery key could not be shown ({why}), so nothing was changed on the server: run "
    "the command again where its output can be read."
)
SHEET_NEEDS_A_READER = (
    "The recovery key is shown only on a terminal, where you confirm you have it, or written "
    "to a new file with --recovery-sheet-out FILE; nothing was changed on the server."
)
SHEET_KEPT = (
    "Press Enter once the key is printed or written down (Ctrl+C leaves the server as it was): "
)
SHEET_WRITTEN = (
    "Wrote the recovery key to {path} (readable by you alone). Print it for the practice's "
    "owner to lock away, then delete the file."
)


def add_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--recovery-sheet-out",
        type=Path,
        metavar="FILE",
        help="write the recovery key to this new file instead of the terminal (needed when "
        "not run on a terminal)",
    )


def check_destination(out: Path | None) -> None:
    """Before anything is asked or done: a file that can be made (without one, the
    terminal is checked when the key is to be shown)."""
    if out is None:
        return
    if out.exists():
        raise CliError(f"{out} already exists; choose a new file for the recovery key.")
    if not out.parent.is_dir():
        raise CliError(f"There is no folder {out.parent} to write the recovery key in.")


def show_before_commit(key: str, before: str = "", out: Path | None = None) -> None:
    """The recovery sheet, shown while the server still waits to commit: a key nobody saw
    must never be the only way back to the records. Written to *out* (a new file, mode
    0600, read back before the commit), or on a terminal, where the owner confirms they
    have it; anything else (no terminal, a closed pipe, Ctrl+C) leaves the server as it
    was."""
    sheet = RECOVERY_SHEET.format(key=key)
    if out is not None:
        _write_new(out, sheet)
        if out.read_text(encoding="utf-8") != sheet:
            raise CliError(SHEET_UNSEEN.format(why=f"{out} did not read back as written"))
        _say(*(p for p in (before, SHEET_WRITTEN.format(path=out)) if p))
        return
    if not _interactive():
        raise CliError(SHEET_NEEDS_A_READER)
    _say(*(p for p in (before, sheet) if p))
    try:
        input(SHEET_KEPT)
    except EOFError as exc:
        raise CliError(SHEET_UNSEEN.format(why="the terminal closed")) from exc


def _interactive() -> bool:
    return all(s is not None and s.isatty() for s in (sys.stdin, sys.stdout))


def _say(*parts: str) -> None:
    try:
        for part in parts:
            print(part)
        sys.stdout.flush()
    except (OSError, ValueError) as exc:
        raise CliError(SHEET_UNSEEN.format(why=getattr(exc, "strerror", None) or exc)) from exc


def _write_new(out: Path, sheet: str) -> None:
    try:
        fd = os.open(out, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(sheet)
            fh.flush()
            os.fsync(fh.fileno())
    except OSError as exc:
        raise CliError(SHEET_UNSEEN.format(why=exc.strerror or exc)) from exc
