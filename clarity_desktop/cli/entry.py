"""The command line's entry point: the parser, the small commands and main().

Passphrases never travel as plain arguments (they would show in the process list and
shell history): they come from CLARITY_PASSPHRASE, --passphrase-file, or a prompt.
Every error is one sentence on stderr and exit code 2; no tracebacks unless
CLARITY_DEBUG=1.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from clarity_desktop import APP_NAME, __version__
from clarity_desktop.cli import day, measures, plan, records, report, safety, server
from clarity_desktop.cli.args import CliParser
from clarity_desktop.cli.common import EXIT_ERROR, EXIT_OK, CliError, Handler, read_passphrase
from clarity_desktop.hardening import harden_process


def _parser() -> argparse.ArgumentParser:
    p = CliParser(
        prog="clarity-desktop",
        allow_abbrev=False,
        description=f"{APP_NAME}: records and session notes for couples therapists. "
        "Without a command, opens the program.",
    )
    p.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    p.add_argument("--data-dir", type=Path, help="practice folder (default: your user data folder)")
    p.add_argument("--demo", action="store_true", help="open the demo practice (passphrase: demo)")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    def cmd(name: str, help_text: str) -> argparse.ArgumentParser:
        c = sub.add_parser(name, help=help_text, description=help_text, allow_abbrev=False)
        c.add_argument("--data-dir", type=Path, required=True, help="practice folder")
        return c

    init = cmd("init", "create a new practice")
    init.add_argument("--clinician", required=True, help="your name, as it appears on signed notes")
    init.add_argument("--credentials", default="", help="for example LMFT or PhD")
    init.add_argument("--passphrase-file", type=Path, help="read the passphrase from this file")
    demo = cmd("demo", "create the demo practice (passphrase: demo)")
    demo.add_argument(
        "--scale",
        type=int,
        metavar="N",
        help="instead of the eight demo cases, N invented cases with about 20 notes each, "
        "for trying the program at the size of a busy practice",
    )
    info_text = "show the versions of the program and its parts, and the data folder"
    sub.add_parser("info", help=info_text, description=info_text, allow_abbrev=False)
    check = cmd(
        "check",
        "verify that a practice opens and is intact: encryption, structure, record locks, "
        "the audit chain and the seal of every signed note, addendum and treatment plan",
    )
    check.add_argument("--passphrase-file", type=Path, help="read the passphrase from this file")
    check.add_argument(
        "--accept-missing-work",
        action="store_true",
        help="when check says the database is older than its last clean close: go on with "
        "it as it is (recorded in the audit trail)",
    )
    cases = cmd("cases", "list the cases of a practice")
    cases.add_argument("--json", action="store_true", help="print JSON instead of a table")
    cases.add_argument("--passphrase-file", type=Path, help="read the passphrase from this file")
    for commands in (report, safety, records, day, plan, measures):
        COMMANDS.update(commands.add_commands(cmd))
    server_text = "a group practice on the practice's own PostgreSQL server"
    COMMANDS.update(
        server.add_server(
            sub.add_parser("server", help=server_text, description=server_text, allow_abbrev=False)
        )
    )
    return p


def _init(args: argparse.Namespace) -> int:
    from clarity_desktop.services import practices

    secret = read_passphrase(args, confirm=True)
    opened, recovery = practices.create_practice(
        args.data_dir, secret, secret, args.clinician, args.credentials
    )
    opened.close()
    print(f"Created a practice in {args.data_dir}.")
    print(f"Recovery key (shown once; store it somewhere safe): {recovery}")
    return EXIT_OK


def _demo(args: argparse.Namespace) -> int:
    from clarity_desktop.services import demo

    if args.scale is not None:
        return _demo_scale(args)
    opened = demo.build_demo(args.data_dir)
    opened.close()
    print(f"Created the demo practice in {args.data_dir} (passphrase: {demo.DEMO_PASSPHRASE}).")
    return EXIT_OK


def _demo_scale(args: argparse.Namespace) -> int:
    from clarity_desktop.devtools import scale
    from clarity_desktop.services import demo

    if args.scale < 1:
        raise CliError("--scale needs a number of cases of at least 1.")
    opened, summary = scale.build_scale_practice(
        args.data_dir, args.scale, progress=lambda line: print(line, flush=True)
    )
    opened.close()
    print(
        f"Created a demo practice of {summary.cases:,} cases and {summary.notes:,} notes "
        f"in {args.data_dir} in {summary.seconds:.0f} s (passphrase: {demo.DEMO_PASSPHRASE})."
    )
    return EXIT_OK


def _check(args: argparse.Namespace) -> int:
    from clarity_desktop.services import practices

    summary = practices.check_practice(
        args.data_dir, read_passphrase(args), accept_missing_work=args.accept_missing_work
    )
    counts = f"ok: {summary.case_count} cases, {summary.note_count} notes ({summary.clinician})"
    if practices.server_address(args.data_dir) is None:
        print(f"{counts}; record locks, audit chain and every seal verified")
        return EXIT_OK
    print(
        f"{counts}; record locks, row-level security, every link of the audit chain and "
        "the seal of every signed record you can read verified; audit entries only others "
        "can read are recomputed by an administrator's `clarity-desktop server check`"
    )
    return EXIT_OK


def _cases(args: argparse.Namespace) -> int:
    from clarity_desktop.services import cases, practices

    opened = practices.unlock_practice(args.data_dir, read_passphrase(args))
    try:
        rows = cases.list_cases(opened.uow())
    finally:
        opened.close()
    if args.json:
        out = [
            {
                "id": c.id,
                "name": c.display_name,
                "kind": c.kind.value,
                "status": c.status.value,
                "opened_on": c.opened_on.isoformat(),
                "closed_on": c.closed_on.isoformat() if c.closed_on else None,
                "safety_flag": c.safety_flag,
                "sessions": c.session_count,
                "last_session": c.last_session.isoformat() if c.last_session else None,
            }
            for c in rows
        ]
        print(json.dumps(out, ensure_ascii=False, indent=2))
        return EXIT_OK
    if not rows:
        print("No cases yet.")
        return EXIT_OK
    width = max(len(c.display_name) for c in rows)
    for c in rows:
        last = c.last_session.strftime("%Y-%m-%d") if c.last_session else "-"
        flag = "  safety flag" if c.safety_flag else ""
        print(
            f"{c.id:>6}  {c.display_name:<{width}}  {c.kind.value:<10}  {c.status.value:<6}  {last}{flag}"
        )
    return EXIT_OK


def _info(args: argparse.Namespace) -> int:
    """Versions of what the program runs on: no practice, no passphrase, no window."""
    import platform

    import reportlab
    import sqlcipher3.dbapi2 as sqlcipher

    from clarity_desktop.services.locations import app_data
    from clarity_desktop.ui.main.about import qt_versions  # QtCore only, no QApplication

    conn = sqlcipher.connect(":memory:")
    try:
        row = conn.execute("PRAGMA cipher_version").fetchone()
    finally:
        conn.close()
    if not row or not row[0]:
        raise CliError("This SQLite library has no SQLCipher encryption (no cipher_version).")
    pyside, qt = qt_versions()
    frozen = "packaged" if getattr(sys, "frozen", False) else "from source"
    print(f"{APP_NAME} {__version__} ({frozen})")
    print(
        f"Python {platform.python_version()} ({platform.python_implementation()}, "
        f"{platform.system()} {platform.machine()})"
    )
    print(f"PySide6 {pyside}, Qt {qt}")
    print(f"SQLCipher {row[0]} (SQLite {sqlcipher.sqlite_version})")
    print(f"reportlab {reportlab.Version}")
    print(f"Data folder: {app_data()}")
    return EXIT_OK


def _gui(args: argparse.Namespace) -> int:
    from clarity_desktop.ui.main.app import run_gui

    return run_gui(args.data_dir, demo=args.demo)


COMMANDS: dict[str | None, Handler] = {
    None: _gui,
    "init": _init,
    "demo": _demo,
    "info": _info,
    "check": _check,
    "cases": _cases,
}  # and those of the command modules, added by _parser


def main(argv: Sequence[str] | None = None) -> int:
    harden_process()  # first: no core dumps, owner-only files (see hardening.py)
    from clarity_desktop.services.parts import sweep_unfinished

    sweep_unfinished()  # what a killed export left behind (see services/parts.py)
    args = _parser().parse_args(argv)
    if args.command is not None:
        from clarity_desktop.services import unlock_attempts

        unlock_attempts.set_front("command-line")  # written with each wrong passphrase
    try:
        return COMMANDS[args.command](args)
    except KeyboardInterrupt:
        print("Stopped.", file=sys.stderr)
        return EXIT_ERROR
    except Exception as exc:
        if os.environ.get("CLARITY_DEBUG") == "1":
            raise
        print(f"clarity-desktop: {_explain(exc)}", file=sys.stderr)
        return EXIT_ERROR


def _explain(exc: Exception) -> str:
    from clarity_desktop.domain.errors import ClarityError
    from clarity_desktop.store.errors import PracticeBehind

    if isinstance(exc, PracticeBehind):
        return f"{exc} To go on with it as it is: clarity-desktop check --data-dir FOLDER --accept-missing-work."
    if isinstance(exc, ClarityError | CliError):
        return str(exc)
    if isinstance(exc, PermissionError):
        return f"Permission denied: {exc.filename or exc}."
    if isinstance(exc, OSError):
        return f"{exc.strerror or exc}{f': {exc.filename}' if exc.filename else ''}."
    return f"Unexpected error ({type(exc).__name__}: {exc}). Set CLARITY_DEBUG=1 for details."
