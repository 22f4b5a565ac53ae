"""Command-line commands for records requests and moving in: ``sessions``, ``export``
and ``import``.

Registered by cli/entry.py through add_commands; they follow cli/common.py's rules (passphrase
from CLARITY_PASSPHRASE, --passphrase-file or a prompt; errors are one sentence on
stderr with exit code 2). Nothing here imports Qt.

``import`` never half-imports: it previews first, refuses (exit 2, nothing stored)
while any row is rejected unless --skip-rejected is given, or while dates of birth
could be read day first or month first and neither --day-first nor --month-first says
which; the import itself is one transaction.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from clarity_desktop.cli.args import page_size
from clarity_desktop.cli.common import (
    EXIT_OK,
    CliError,
    CommandFactory,
    Handler,
    plural,
    read_passphrase,
    refuse_existing,
    tolerant_stdout,
)
from clarity_desktop.domain.progress import CallbackProgress
from clarity_desktop.services import handout_documents

if TYPE_CHECKING:
    from clarity_desktop.domain.csv_clients import ImportPreview, PreviewRow
    from clarity_desktop.services.dto import SessionView
    from clarity_desktop.services.practices import OpenPractice


def add_commands(cmd: CommandFactory) -> dict[str | None, Handler]:
    """Add the commands through cli's *cmd* (which adds --data-dir); returns handlers."""
    listing = cmd("sessions", "list a case's sessions (to find one for report note --session)")
    listing.add_argument("--case", type=int, metavar="ID", required=True, help="the case")
    listing.add_argument("--json", action="store_true", help="print JSON instead of a table")
    listing.add_argument("--passphrase-file", type=Path, help="read the passphrase from this file")
    export = cmd("export", "write a case's whole record to one ZIP file (a records request)")
    export.add_argument("--case", type=int, metavar="ID", help="the case (see the cases command)")
    export.add_argument(
        "--out", type=Path, metavar="FILE.zip", help="where to write (default: case-ID-records.zip)"
    )
    export.add_argument(
        "--no-pdfs", action="store_true", help="leave out the PDF of each note (faster)"
    )
    export.add_argument(
        "--page-size", type=page_size, default="A4", metavar="{A4,Letter}", help="the paper"
    )
    export.add_argument(
        "--for-partner",
        metavar="NAME",
        help="a copy for this partner alone (full or first name): the other partner's "
        "private notes and what goes with them are withheld, and listed",
    )
    export.add_argument("--overwrite", action="store_true", help="replace FILE.zip if it exists")
    export.add_argument("--passphrase-file", type=Path, help="read the passphrase from this file")

    imp = cmd("import", "add clients from a CSV file exported by another practice system")
    imp.add_argument("csv", type=Path, metavar="clients.csv", help="the CSV file")
    imp.add_argument(
        "--dry-run", action="store_true", help="show what would be imported; store nothing"
    )
    order = imp.add_mutually_exclusive_group()
    order.add_argument(
        "--day-first",
        dest="day_first",
        action="store_const",
        const=True,
        default=None,
        help="dates like 03/04/1985 are day/month/year",
    )
    order.add_argument(
        "--month-first",
        dest="day_first",
        action="store_const",
        const=False,
        help="dates like 03/04/1985 are month/day/year",
    )
    imp.add_argument(
        "--skip-rejected",
        action="store_true",
        help="import the rows that can be imported and leave out the others",
    )
    imp.add_argument("--passphrase-file", type=Path, help="read the passphrase from this file")
    return {"sessions": _sessions, "export": _export, "import": _import}


def _sessions(args: argparse.Namespace) -> int:
    """The case's sessions, oldest first: no note text, only what finds a session."""
    import json

    from clarity_desktop.services import cases, practices

    tolerant_stdout()
    opened = practices.unlock_practice(args.data_dir, read_passphrase(args))
    try:
        case = cases.open_case(opened.uow(), args.case)  # audited: a case's record is read
    finally:
        opened.close()
    rows = sorted(case.sessions, key=lambda s: (s.starts_at, s.id))

    def note_state(s: SessionView) -> str | None:
        return None if s.note_id is None else "signed" if s.note_signed else "draft"

    def state(s: SessionView) -> str:
        if s.note_id is not None:
            return note_state(s) or ""
        words = s.status.title.lower()  # scheduled, cancelled, late cancellation, no-show
        return f"{words}: {s.status_reason}" if s.status_reason else words

    if args.json:
        out = [
            {
                "id": s.id,
                "starts_at": s.starts_at.isoformat(timespec="minutes"),
                "duration_minutes": s.duration_minutes,
                "modality": s.modality.value,
                "attending_partner_id": s.attending_partner_id,
                "attending": s.attending_label,
                "note_id": s.note_id,
                "note": note_state(s),
                "private": s.note_private,
                "steps": [int(step) for step in s.steps],
                "status": s.status.value,
                "status_reason": s.status_reason,
            }
            for s in rows
        ]
        print(json.dumps(out, ensure_ascii=False, indent=2))
        return EXIT_OK
    print(f"Case {case.id}: {case.display_name}")
    if not rows:
        print("No sessions yet.")
        return EXIT_OK
    width = max(len(s.attending_label) for s in rows)
    for s in rows:
        steps = ", ".join(str(int(step)) for step in s.steps) or "-"
        flags = "  private" if s.note_private else ""
        print(
            f"{s.id:>6}  {s.starts_at:%Y-%m-%d %H:%M}  {s.attending_label:<{width}}  "
            f"{state(s):<7}  steps {steps}{flags}"
        )
    return EXIT_OK


def _export(args: argparse.Namespace) -> int:
    from clarity_desktop.services import export, practices

    if args.case is None:
        raise CliError("Please say which case to export with --case ID.")
    out: Path = args.out or Path(f"case-{args.case}-records.zip")
    refuse_existing(out, args.overwrite)
    tolerant_stdout()
    show = sys.stderr is not None and sys.stderr.isatty()

    def progress(done: int, total: int) -> None:
        if show:
            print(f"\rNotes: {done}/{total}", end="", file=sys.stderr, flush=True)

    opened = practices.unlock_practice(args.data_dir, read_passphrase(args))
    try:
        partner_id = _partner_id(opened, args.case, args.for_partner) if args.for_partner else None
        summary = export.export_case(
            opened.uow(),
            args.case,
            out,
            progress=CallbackProgress(progress),
            include_pdfs=not args.no_pdfs,
            page_size=args.page_size,
            for_partner=partner_id,
        )
    finally:
        opened.close()
        if show:
            print(file=sys.stderr)
    print(
        f"Wrote {out}: case {summary.case_id} ({summary.case_name}), "
        f"{plural(summary.notes, 'note')}, {plural(summary.addenda, 'addendum', 'addenda')}, "
        f"{plural(summary.pdfs, 'PDF')}."
    )
    if summary.for_partner is not None:
        print(f"A copy for {summary.for_partner} alone. Withheld (also listed in README.txt):")
        for item in summary.withheld:
            print(f"  - {item.what}: withheld because {item.why}.")
    elif summary.private_notes:
        print(
            f"It includes {plural(summary.private_notes, 'private note')}: review the records "
            "before releasing them (README.txt in the ZIP lists them)."
        )
    return EXIT_OK


def _partner_id(opened: OpenPractice, case_id: int, name: str) -> int:
    """--for-partner NAME as the partner's id: full or first name, accents ignored."""
    from clarity_desktop.services import cases

    case = cases.read_case(opened.uow(), case_id)
    return handout_documents.find_partner(case, name).id


def _row_text(row: PreviewRow) -> str:
    from clarity_desktop.domain.csv_clients import describe_date

    c = row.client
    bits = [c.name]
    bits += [c.pronouns] if c.pronouns else []
    bits += [f"born {describe_date(c.date_of_birth)}"] if c.date_of_birth else []
    bits += [v for v in (c.email, c.phone) if v]
    if c.language is not None and c.language.value != "en":
        bits.append(f"handouts in {c.language.display_name}")
    return f"  line {row.line}: " + " · ".join(bits)


def print_preview(preview: ImportPreview, *, every_row: bool) -> None:
    for note in preview.notes:
        print(note)
    print(preview.summary)
    shown = preview.rows if every_row else tuple(r for r in preview.rows if r.warnings)
    if shown:
        print("Clients to add (each as an individual case):" if every_row else "Warnings:")
        for row in shown:
            print(_row_text(row))
            for warning in row.warnings:
                print(f"      warning: {warning}")
    if preview.rejected:
        print("Rows that cannot be imported:")
        for r in preview.rejected:
            raw = " | ".join(v.strip() for v in r.values)
            print(f"  line {r.line}: {r.reason}  [{raw}]")


def _import(args: argparse.Namespace) -> int:
    from clarity_desktop.services import importer, practices

    data = importer.read_csv(args.csv)  # a missing file is said before the passphrase
    tolerant_stdout()
    opened = practices.unlock_practice(args.data_dir, read_passphrase(args))
    try:
        preview = importer.preview_bytes(opened.uow(), data, day_first=args.day_first)
        print_preview(preview, every_row=args.dry_run)
        if args.dry_run:
            print("Dry run: nothing was imported.")
            return EXIT_OK
        if preview.date_order_unresolved:
            raise CliError(
                "Nothing was imported: some dates of birth read differently day first and "
                "month first, so add --day-first or --month-first."
            )
        if preview.rejected and not args.skip_rejected:
            raise CliError(
                f"Nothing was imported: {plural(len(preview.rejected), 'row')} cannot be "
                "imported (listed above), so fix the file or add --skip-rejected to import "
                f"the other {plural(len(preview.rows), 'row')}."
            )
        if not preview.rows:
            raise CliError("Nothing was imported: the file has no client that can be imported.")
        ids = importer.import_clients(opened.uow(), preview, skip_rejected=args.skip_rejected)
    finally:
        opened.close()
    skipped = len(preview.rejected)
    print(
        f"Imported {plural(len(ids), 'client')} as individual cases"
        + (f"; skipped {plural(skipped, 'row')}" if skipped else "")
        + "."
    )
    return EXIT_OK
