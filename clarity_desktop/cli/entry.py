"""The command line: a second front on the same services as the window.

Passphrases never travel as plain arguments (they would show in the process list and
shell history): they come from CLARITY_PASSPHRASE, --passphrase-file, or a prompt.
Every error is one sentence on stderr and exit code 2; no tracebacks unless
CLARITY_DEBUG=1.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from clarity_desktop import APP_NAME, __version__, cli_safety
from clarity_desktop.cli_args import CliParser, page_size
from clarity_desktop.hardening import harden_process

EXIT_OK = 0
EXIT_ERROR = 2
REPORTS = ("note", "summary", "progress", "handout", "steps")
HANDOUT_ONLY = ("partner", "step", "message", "joint", "acknowledge_safety")
CLINICIAN_ONLY = ("include_private_readings", "include_safety_note")  # summary, progress


class CliError(Exception):
    """A problem with how the command was called."""


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
        "the audit chain and the seal of every signed note and addendum",
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
    report = cmd(
        "report",
        "make a PDF: a session note, a case summary, a progress report, a client handout "
        "or the five-step overview",
    )
    report.add_argument(
        "document",
        choices=REPORTS,
        help="note: a session note (record copy); summary: the case summary with charts; "
        "progress: the progress report for --from .. --to; handout: a client handout for "
        "one step; steps: the one-page overview of the five steps",
    )
    report.add_argument("--case", type=int, metavar="ID", help="the case (see the cases command)")
    report.add_argument(
        "--session", type=int, metavar="ID", help="note: the session (default: the latest)"
    )
    report.add_argument("--partner", metavar="NAME", help="handout: the partner it is for")
    report.add_argument(
        "--step", type=int, metavar="N", help="handout: step 1-5 (default: the partner's step)"
    )
    report.add_argument("--message", default="", help="handout: your message, printed as typed")
    report.add_argument("--joint", action="store_true", help="handout: one for both partners")
    report.add_argument(
        "--acknowledge-safety",
        action="store_true",
        help="handout: confirm a handout for a case with a safety flag (its practices are "
        "for one person; a joint handout only on purpose)",
    )
    report.add_argument(
        "--from",
        dest="date_from",
        metavar="YYYY-MM-DD",
        help="progress: the first day of the period (included)",
    )
    report.add_argument(
        "--to",
        dest="date_to",
        metavar="YYYY-MM-DD",
        help="progress: the last day of the period (included)",
    )
    report.add_argument(
        "--include-private-readings",
        action="store_true",
        help="summary, progress: include readings from private individual sessions, "
        "each marked 'individual session' (left out by default)",
    )
    report.add_argument(
        "--include-safety-note",
        action="store_true",
        help="summary, progress: print the safety note's text (left out by default)",
    )
    report.add_argument(
        "--page-size", type=page_size, default="A4", metavar="{A4,Letter}", help="the paper"
    )
    report.add_argument("--out", type=Path, metavar="FILE.pdf", help="where to write the PDF")
    report.add_argument("--overwrite", action="store_true", help="replace FILE.pdf if it exists")
    report.add_argument(
        "--pdf-password-file",
        type=Path,
        metavar="FILE",
        help="protect the PDF with the password in this file (first line)",
    )
    report.add_argument("--passphrase-file", type=Path, help="read the passphrase from this file")
    COMMANDS.update(cli_safety.add_commands(cmd))
    from clarity_desktop import cli_records  # here: cli_records imports from this module

    COMMANDS.update(cli_records.add_commands(cmd))
    from clarity_desktop import cli_day  # likewise

    COMMANDS.update(cli_day.add_commands(cmd))
    return p


def read_passphrase(args: argparse.Namespace, *, confirm: bool = False) -> str:
    file: Path | None = getattr(args, "passphrase_file", None)
    if file is not None:
        try:
            text = file.read_text(encoding="utf-8")
        except OSError as exc:
            raise CliError(f"Cannot read the passphrase file {file}: {exc.strerror}.") from None
        value = text.rstrip("\r\n")
        if not value:
            raise CliError(f"The passphrase file {file} is empty.")
        return value
    env = os.environ.get("CLARITY_PASSPHRASE")
    if env:
        return env
    if not sys.stdin or not sys.stdin.isatty():
        raise CliError("No passphrase given: set CLARITY_PASSPHRASE or use --passphrase-file.")
    value = getpass.getpass("Passphrase: ")
    if confirm and getpass.getpass("Passphrase again: ") != value:
        raise CliError("The two passphrases do not match.")
    return value


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
    from clarity_desktop.services import demo, scale

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
    print(
        f"ok: {summary.case_count} cases, {summary.note_count} notes ({summary.clinician}); "
        "record locks, audit chain and every seal verified"
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
                "status": c.status,
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
            f"{c.id:>6}  {c.display_name:<{width}}  {c.kind.value:<10}  {c.status:<6}  {last}{flag}"
        )
    return EXIT_OK


def _read_first_line(file: Path, what: str) -> str:
    try:
        text = file.read_text(encoding="utf-8")
    except OSError as exc:
        raise CliError(f"Cannot read the {what} file {file}: {exc.strerror}.") from None
    lines = text.splitlines()
    value = lines[0] if lines else ""
    if not value:
        raise CliError(f"The {what} file {file} is empty.")
    return value


REPORT_NOUNS = {
    "note": "note",
    "summary": "case summary",
    "progress": "progress report",
    "handout": "handout",
}


def _report_date(value: str, option: str) -> date:
    text = value.strip()
    try:
        if len(text) != 10 or text[4] != "-" or text[7] != "-":
            raise ValueError
        return date.fromisoformat(text)
    except ValueError:
        message = f"The {option} date must be a real date written YYYY-MM-DD, not {value!r}."
        raise CliError(message) from None


def report_period(args: argparse.Namespace) -> tuple[date, date] | None:
    """--from and --to as dates (progress only): both needed, the first not after the last."""
    if args.document != "progress":
        if args.date_from is not None or args.date_to is not None:
            raise CliError("--from and --to are for the progress report only.")
        return None
    if args.date_from is None or args.date_to is None:
        raise CliError("A progress report needs its period: --from YYYY-MM-DD --to YYYY-MM-DD.")
    start = _report_date(args.date_from, "--from")
    end = _report_date(args.date_to, "--to")
    if start > end:
        raise CliError(f"The --from date ({start}) is after the --to date ({end}).")
    return start, end


def _check_report_options(args: argparse.Namespace) -> None:
    if args.document in REPORT_NOUNS and args.case is None:
        noun = REPORT_NOUNS[args.document]
        raise CliError(f"Please say which case with --case ID to make a {noun}.")
    report_period(args)
    if args.document != "note" and args.session is not None:
        raise CliError("--session is for the note report only.")
    if args.document != "handout":
        given = [n for n in HANDOUT_ONLY if getattr(args, n) not in (None, False, "")]
        if given:
            option = "--" + given[0].replace("_", "-")
            raise CliError(f"{option} is for the handout report only.")
    if args.document not in ("summary", "progress"):
        given = [n for n in CLINICIAN_ONLY if getattr(args, n)]
        if given:
            option = "--" + given[0].replace("_", "-")
            raise CliError(f"{option} is for the summary and progress reports only.")


def refuse_existing(out: Path, overwrite: bool) -> None:
    """A file already under that name is never replaced without --overwrite."""
    if out.exists() and not overwrite:
        raise CliError(f"{out} already exists; choose another name or add --overwrite.")


def _report(args: argparse.Namespace) -> int:
    from clarity_desktop.domain.errors import ValidationError
    from clarity_desktop.domain.steps import parse_step
    from clarity_desktop.services import cases, documents, practices

    _check_report_options(args)
    step = parse_step(args.step) if args.step is not None else None
    pdf_password = (
        _read_first_line(args.pdf_password_file, "PDF password") if args.pdf_password_file else None
    )
    opened = practices.unlock_practice(args.data_dir, read_passphrase(args))
    try:
        uow = opened.uow()
        size = args.page_size
        if args.document == "note":
            case = cases.get_case(uow, args.case, record_view=False)
            note_id = documents.note_for(case, args.session)
            out = args.out or Path(f"session-note-{note_id}.pdf")
            refuse_existing(out, args.overwrite)
            documents.note_pdf(uow, note_id, out, page_size=size, password=pdf_password)
        elif args.document == "summary":
            out = args.out or Path(f"case-summary-{args.case}.pdf")
            refuse_existing(out, args.overwrite)
            documents.summary_pdf(
                uow,
                args.case,
                out,
                page_size=size,
                password=pdf_password,
                include_private_readings=args.include_private_readings,
                include_safety_note=args.include_safety_note,
            )
        elif args.document == "progress":
            period = report_period(args)
            assert period is not None  # checked above
            start, end = period
            out = args.out or Path(f"progress-{args.case}-{start}-to-{end}.pdf")
            refuse_existing(out, args.overwrite)
            documents.progress_pdf(
                uow,
                args.case,
                start,
                end,
                out,
                page_size=size,
                password=pdf_password,
                include_private_readings=args.include_private_readings,
                include_safety_note=args.include_safety_note,
            )
        elif args.document == "handout":
            case = cases.get_case(uow, args.case, record_view=False)
            try:
                plan = documents.plan_handout(
                    case, partner=args.partner, joint=args.joint, step=step
                )
            except ValidationError as exc:
                hint = {"step": "--step N", "partner": "--joint or --partner NAME"}.get(
                    exc.field or ""
                )
                if hint is None:
                    raise
                raise CliError(f"{str(exc).rstrip('.')} ({hint}).") from None
            out = args.out or Path(f"handout-step-{int(plan.step)}.pdf")
            refuse_existing(out, args.overwrite)
            try:
                documents.handout_pdf(
                    uow,
                    case.id,
                    plan.step,
                    plan.first_names,
                    args.message,
                    out,
                    partner_id=plan.partner_id,
                    acknowledge_safety=args.acknowledge_safety,
                    page_size=size,
                    password=pdf_password,
                )
            except ValidationError as exc:
                if exc.field != "acknowledge_safety":
                    raise
                if plan.partner_id is None and len(case.partners) > 1:
                    raise CliError(
                        "This case has a safety flag and a joint handout may not be safe; "
                        "add --acknowledge-safety to make it anyway."
                    ) from None
                raise CliError(
                    "This case has a safety flag, so the handout has practices for one person "
                    "in place of joint exercises; add --acknowledge-safety to make it."
                ) from None
        else:
            out = args.out or Path("five-steps.pdf")
            refuse_existing(out, args.overwrite)
            documents.steps_overview_pdf(
                uow, out, case_id=args.case, page_size=size, password=pdf_password
            )
    finally:
        opened.close()
    print(f"Wrote {out}.")
    return EXIT_OK


def _info(args: argparse.Namespace) -> int:
    """Versions of what the program runs on: no practice, no passphrase, no window."""
    import platform

    import reportlab
    import sqlcipher3.dbapi2 as sqlcipher

    from clarity_desktop.services.locations import app_data
    from clarity_desktop.ui.about import qt_versions  # QtCore only, no QApplication

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
    from clarity_desktop.ui.app import run_gui

    return run_gui(args.data_dir, demo=args.demo)


COMMANDS: dict[str | None, Callable[[argparse.Namespace], int]] = {
    None: _gui,
    "init": _init,
    "demo": _demo,
    "info": _info,
    "check": _check,
    "cases": _cases,
    "report": _report,
}


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
