"""The ``report`` command: one PDF (a session note, a case summary, a progress report, a
client handout, the five-step overview, the treatment plan or a check-in form).

The command turns what was typed (a session number, a partner's name, "the latest
note") into one services DocumentRequest, the same the document dialog builds, and
services.document_request renders it. What stays here is the command line's own: its
options, its one-sentence errors and its default file names. Nothing here imports Qt.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from clarity_desktop.cli.args import page_size
from clarity_desktop.cli.common import (
    EXIT_OK,
    CliError,
    CommandFactory,
    Handler,
    read_first_line,
    read_passphrase,
    refuse_existing,
)
from clarity_desktop.domain.audit_actions import AuditAction
from clarity_desktop.domain.document_kinds import DocumentKind
from clarity_desktop.services import handout_documents

if TYPE_CHECKING:
    from clarity_desktop.domain.steps import Step
    from clarity_desktop.services.document_request import DocumentRequest
    from clarity_desktop.services.dto import CaseDetail
    from clarity_desktop.store.uow import UnitOfWork

REPORTS = tuple(k.value for k in DocumentKind)  # plain words, for argparse
HANDOUT_ONLY = ("partner", "step", "message", "joint", "acknowledge_safety")
CLINICIAN_ONLY = ("include_private_readings", "include_safety_note")  # summary, progress
PLAN_ONLY = ("version", "acknowledgement")
LANGUAGES = ("en", "es")  # domain.languages.Language, kept here so --help loads nothing
REPORT_NOUNS = {
    DocumentKind.NOTE: "note",
    DocumentKind.SUMMARY: "case summary",
    DocumentKind.PROGRESS: "progress report",
    DocumentKind.HANDOUT: "handout",
    DocumentKind.PLAN: "treatment plan",
}


def add_commands(cmd: CommandFactory) -> dict[str | None, Handler]:
    """Add ``report`` through the entry point's *cmd*; returns its handler."""
    report = cmd(
        "report",
        "make a PDF: a session note, a case summary, a progress report, a client handout, "
        "the five-step overview, the treatment plan or a check-in form",
    )
    report.add_argument(
        "document",
        choices=REPORTS,
        help="note: a session note (record copy); summary: the case summary with charts; "
        "progress: the progress report for --from .. --to; handout: a client handout for "
        "one step; steps: the one-page overview of the five steps; plan: the treatment plan "
        "(the version in force, or --version N; a draft prints marked DRAFT); check-in: a "
        "printable check-in form for --partner, in their language",
    )
    report.add_argument("--case", type=int, metavar="ID", help="the case (see the cases command)")
    report.add_argument(
        "--session", type=int, metavar="ID", help="note: the session (default: the latest)"
    )
    report.add_argument(
        "--partner", metavar="NAME", help="handout, check-in: the partner it is for"
    )
    report.add_argument(
        "--measure",
        metavar="ID",
        default="session_check_in",
        help="check-in: which measure (default session_check_in; or ambivalence_check, or "
        "one of the practice's own)",
    )
    report.add_argument(
        "--step", type=int, metavar="N", help="handout: step 1-5 (default: the partner's step)"
    )
    report.add_argument("--message", default="", help="handout: your message, printed as typed")
    report.add_argument("--joint", action="store_true", help="handout: one for both partners")
    report.add_argument(
        "--language",
        choices=LANGUAGES,
        help="handout, steps: the language to print in (default: the partner's handout "
        "language on their record; English for a couple whose partners differ); "
        "note, summary, progress, plan: the language of their headings and labels "
        "(default: en)",
    )
    report.add_argument(
        "--acknowledge-safety",
        action="store_true",
        help="handout: confirm a handout for a case with a safety flag (its practices are "
        "for one person; a joint handout only on purpose)",
    )
    report.add_argument(
        "--version",
        type=int,
        metavar="N",
        help="plan: which version (default: the plan in force; the draft while none is signed)",
    )
    report.add_argument(
        "--acknowledgement",
        action="store_true",
        help="plan: end with an acknowledgement and a signature line for each partner",
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
    return {"report": _report}


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
    kind = DocumentKind(args.document)
    if kind is DocumentKind.CHECK_IN:
        if args.case is None or not args.partner:
            raise CliError("A check-in form needs --case ID and --partner NAME.")
        return
    if kind in REPORT_NOUNS and args.case is None:
        noun = REPORT_NOUNS[kind]
        raise CliError(f"Please say which case with --case ID to make a {noun}.")
    report_period(args)
    if kind is not DocumentKind.NOTE and args.session is not None:
        raise CliError("--session is for the note report only.")
    if kind is not DocumentKind.HANDOUT:
        given = [n for n in HANDOUT_ONLY if getattr(args, n) not in (None, False, "")]
        if given:
            option = "--" + given[0].replace("_", "-")
            raise CliError(f"{option} is for the handout report only.")
    if args.document not in ("summary", "progress"):
        given = [n for n in CLINICIAN_ONLY if getattr(args, n)]
        if given:
            option = "--" + given[0].replace("_", "-")
            raise CliError(f"{option} is for the summary and progress reports only.")
    if kind is not DocumentKind.PLAN:
        given = [n for n in PLAN_ONLY if getattr(args, n) not in (None, False)]
        if given:
            raise CliError(f"--{given[0]} is for the plan report only.")


def build_request(
    uow: UnitOfWork, args: argparse.Namespace, step: Step | None
) -> tuple[DocumentRequest, CaseDetail | None]:
    """The request for what *args* ask (options already checked), and the case when it
    had to be read to resolve a session or a partner's name."""
    from clarity_desktop.domain.errors import ValidationError
    from clarity_desktop.domain.languages import Language
    from clarity_desktop.services import cases, documents, handout_language
    from clarity_desktop.services.document_request import DocumentRequest

    kind = DocumentKind(args.document)
    if kind is DocumentKind.NOTE:
        case = cases.read_case(uow, args.case)
        note_id = documents.note_for(case, args.session)
        language = Language(args.language) if args.language else None
        request = DocumentRequest(
            DocumentKind.NOTE, case.id, note_id=note_id, language=language, page_size=args.page_size
        )
        return request, case
    if kind is DocumentKind.HANDOUT:
        case = cases.read_case(uow, args.case)
        try:
            plan = handout_documents.plan_handout(
                case, partner=args.partner, joint=args.joint, step=step
            )
        except ValidationError as exc:
            hint = {"step": "--step N", "partner": "--joint or --partner NAME"}.get(exc.field or "")
            if hint is None:
                raise
            raise CliError(f"{str(exc).rstrip('.')} ({hint}).") from None
        request = DocumentRequest(
            DocumentKind.HANDOUT,
            case.id,
            partner_id=plan.partner_id,
            step=plan.step,
            first_names=plan.first_names,
            message=args.message,
            acknowledge_safety=args.acknowledge_safety,
            language=handout_language.choose(case, plan.partner_id, args.language),
            page_size=args.page_size,
        )
        return request, case
    if kind is DocumentKind.CHECK_IN:  # for one partner, by name; ours and the practice's
        from clarity_desktop.services import measure_forms

        case = cases.read_case(uow, args.case)
        request = DocumentRequest(
            DocumentKind.CHECK_IN,
            case.id,
            partner_id=handout_documents.find_partner(case, args.partner).id,
            measure=args.measure,
            instruments=measure_forms.catalogue(args.data_dir),
            page_size=args.page_size,
        )
        return request, case
    period = report_period(args)
    start, end = period if period is not None else (None, None)
    # The summary and progress report: English unless asked (never a client's language).
    language = Language(args.language) if args.language else None
    if kind is DocumentKind.STEPS and language is None and args.case is not None:
        # The couple's language, resolved here so the file name can say it.
        case = cases.read_case(uow, args.case)
        language = handout_language.choose(case, None, None)
    instruments = None
    if kind is DocumentKind.PROGRESS:  # its check-in scores: ours and the practice's own
        from clarity_desktop.services import measure_forms

        instruments = measure_forms.catalogue(args.data_dir)
    request = DocumentRequest(
        kind,
        args.case,
        instruments=instruments,
        date_from=start,
        date_to=end,
        include_private_readings=args.include_private_readings,
        include_safety_note=args.include_safety_note,
        plan_version=args.version,
        acknowledgement=args.acknowledgement,
        language=language,
        page_size=args.page_size,
    )
    return request, None


def default_out(request: DocumentRequest) -> Path:
    """Where the PDF goes without --out, in the current folder."""
    r = request
    # A handout in another language says so in its name: handout-step-3-es.pdf.
    lang = f"-{r.language.value}" if r.language is not None and r.language.value != "en" else ""
    if r.kind is DocumentKind.NOTE:
        return Path(f"session-note-{r.note_id}{lang}.pdf")
    if r.kind is DocumentKind.SUMMARY:
        return Path(f"case-summary-{r.case_id}{lang}.pdf")
    if r.kind is DocumentKind.PROGRESS:
        return Path(f"progress-{r.case_id}-{r.date_from}-to-{r.date_to}{lang}.pdf")
    if r.kind is DocumentKind.HANDOUT:
        return Path(f"handout-step-{int(r.step or 1)}{lang}.pdf")
    if r.kind is DocumentKind.CHECK_IN:
        return Path(f"case-{r.case_id}-{r.measure}.pdf")
    if r.kind is DocumentKind.PLAN:
        version = f"-v{r.plan_version}" if r.plan_version is not None else ""
        return Path(f"treatment-plan-{r.case_id}{version}{lang}.pdf")
    return Path(f"five-steps{lang}.pdf")


def _report(args: argparse.Namespace) -> int:
    from clarity_desktop.domain.errors import ValidationError
    from clarity_desktop.domain.steps import parse_step
    from clarity_desktop.services import practices
    from clarity_desktop.services.document_request import render

    _check_report_options(args)
    step = parse_step(args.step) if args.step is not None else None
    pdf_password = (
        read_first_line(args.pdf_password_file, "PDF password") if args.pdf_password_file else None
    )
    opened = practices.unlock_practice(args.data_dir, read_passphrase(args))
    try:
        request, case = build_request(opened.uow(), args, step)
        out = args.out or default_out(request)
        refuse_existing(out, args.overwrite)
        try:
            render(opened.uow(), request.to(out, AuditAction.EXPORTED, pdf_password))
        except ValidationError as exc:
            if exc.field != "acknowledge_safety" or case is None:
                raise
            if request.partner_id is None and len(case.partners) > 1:
                raise CliError(
                    "This case has a safety flag and a joint handout may not be safe; "
                    "add --acknowledge-safety to make it anyway."
                ) from None
            raise CliError(
                "This case has a safety flag, so the handout has practices for one person "
                "in place of joint exercises; add --acknowledge-safety to make it."
            ) from None
    finally:
        opened.close()
    print(f"Wrote {out}.")
    return EXIT_OK
