"""The practice's recovery sheet on the command line: what it says, and how it is shown
before the server commits (``server init``, and ``server upgrade`` sealing a server from
before encryption)."""

from __future__ import annotations

import sys

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
SHEET_KEPT = (
    "Press Enter once the key is printed or written down (Ctrl+C leaves the server as it was): "
)


def show_before_commit(*parts: str) -> None:
    """The recovery sheet, printed while the server still waits to commit: a key nobody
    saw must never be the only way back to the records. On a terminal, the owner confirms
    they have it; Ctrl+C there, a closed terminal or a broken pipe leaves the server as it
    was."""
    try:
        for part in parts:
            print(part)
        sys.stdout.flush()
    except (OSError, ValueError) as exc:
        raise CliError(SHEET_UNSEEN.format(why=getattr(exc, "strerror", None) or exc)) from exc
    if sys.stdin is not None and sys.stdin.isatty():
        try:
            input(SHEET_KEPT)
        except EOFError as exc:
            raise CliError(SHEET_UNSEEN.format(why="the terminal closed")) from exc
