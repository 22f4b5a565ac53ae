"""What every command of the command line shares: exit codes, the one error type, the
passphrase, and the rule for output files.

The command modules (report, records, day, safety) import from here; the entry point
(cli/entry.py) imports them. Nothing here imports a command module, the entry point or
Qt, so the package has no import cycle.
"""

from __future__ import annotations

import argparse
import contextlib
import getpass
import os
import sys
import urllib.parse
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from clarity_desktop.services.practices import OpenPractice

EXIT_OK = 0
EXIT_DECLINED = 1  # asked to approve and not approved: nothing was done
EXIT_ERROR = 2

Handler = Callable[[argparse.Namespace], int]
# The entry point's cmd(name, help): a new command, with --data-dir already added.
CommandFactory = Callable[[str, str], argparse.ArgumentParser]


class CliError(Exception):
    """A problem with how the command was called."""


def _secret_word(args: argparse.Namespace) -> str:
    """A solo practice opens with its passphrase; a login on a practice server has a
    password, and the prompts say so."""
    from clarity_desktop.services import practices

    folder: Path | None = getattr(args, "data_dir", None)
    is_server = folder is not None and practices.server_address(folder) is not None
    return "password" if is_server else "passphrase"


def read_passphrase(args: argparse.Namespace, *, confirm: bool = False) -> str:
    """From --passphrase-file, else CLARITY_PASSPHRASE, else a prompt on a terminal."""
    word = _secret_word(args)
    file: Path | None = getattr(args, "passphrase_file", None)
    if file is not None:
        try:
            text = file.read_text(encoding="utf-8")
        except OSError as exc:
            raise CliError(f"Cannot read the {word} file {file}: {exc.strerror}.") from None
        value = text.rstrip("\r\n")
        if not value:
            raise CliError(f"The {word} file {file} is empty.")
        return value
    env = os.environ.get("CLARITY_PASSPHRASE")
    if env:
        return env
    if not sys.stdin or not sys.stdin.isatty():
        raise CliError(f"No {word} given: set CLARITY_PASSPHRASE or use --passphrase-file.")
    value = getpass.getpass(f"{word.capitalize()}: ")
    if confirm and getpass.getpass(f"{word.capitalize()} again: ") != value:
        raise CliError(f"The two {word}s do not match.")
    return value


def unlock_server(args: argparse.Namespace) -> OpenPractice:
    """Sign in through the folder ``server connect`` made (--data-dir), with your password;
    a solo practice's folder is refused in one sentence."""
    from clarity_desktop.services import practices, server_admin

    server_admin.require_server_folder(args.data_dir)
    return practices.unlock_practice(args.data_dir, read_passphrase(args))


def read_first_line(file: Path, what: str) -> str:
    """The first line of *file* (a password file), never empty."""
    try:
        text = file.read_text(encoding="utf-8")
    except OSError as exc:
        raise CliError(f"Cannot read the {what} file {file}: {exc.strerror}.") from None
    lines = text.splitlines()
    value = lines[0] if lines else ""
    if not value:
        raise CliError(f"The {what} file {file} is empty.")
    return value


def refuse_existing(out: Path, overwrite: bool) -> None:
    """A file already under that name is never replaced without --overwrite."""
    if out.exists() and not overwrite:
        raise CliError(f"{out} already exists; choose another name or add --overwrite.")


def tolerant_stdout(*, stderr: bool = False) -> None:
    """Names in any script must never crash a console that cannot show them (on stderr
    too when a command writes names there)."""
    with contextlib.suppress(AttributeError, ValueError):
        sys.stdout.reconfigure(errors="replace")  # type: ignore[union-attr]
        if stderr:
            sys.stderr.reconfigure(errors="replace")  # type: ignore[union-attr]


def plural(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else many or one + 's'}"


def secret_from(file: Path | None, env: str, what: str, prompt: str) -> str:
    """From the file, else the environment variable, else a prompt on a terminal."""
    if file is not None:
        return read_first_line(file, what)
    value = os.environ.get(env)
    if value:
        return value
    if not sys.stdin or not sys.stdin.isatty():
        raise CliError(f"No {what} given: set {env} or use --{what.replace(' ', '-')}-file.")
    return getpass.getpass(prompt)


def superuser_command(server_subparsers: Any, command: str, help_text: str) -> Any:
    """A ``server`` command run as the server's superuser: its parser, with --url, --ca and
    --server-password-file."""
    p = server_subparsers.add_parser(
        command, help=help_text, description=help_text, allow_abbrev=False
    )
    p.add_argument(
        "--url",
        required=True,
        metavar="URL",
        help="the practice's database as its superuser: postgresql://SUPERUSER@HOST:PORT/DB",
    )
    p.add_argument(
        "--ca",
        type=Path,
        required=True,
        metavar="FILE",
        help="the CA file the server's certificate must be signed by",
    )
    p.add_argument(
        "--server-password-file", type=Path, help="read the superuser's password from this file"
    )
    return p


REWRITE_FAILED = (
    "The records are encrypted, but the old copies of their text could not be cleared from "
    "the server's table files ({why}). When the server has room, connect to the database "
    "{dbname} as its superuser (psql -d {dbname}) and run VACUUM FULL; then CHECKPOINT; "
    "(anywhere else it clears nothing)."
)


def database_of(url: str) -> str:
    """The database an address names (postgresql://USER@HOST:PORT/DATABASE)."""
    return urllib.parse.urlsplit(url).path.lstrip("/") or "(the practice's database)"
