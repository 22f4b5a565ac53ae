"""Command-line commands for records requests and moving in: ``export`` and ``import``.

Registered by cli._parser through add_commands; they follow cli.py's rules (passphrase
from CLARITY_PASSPHRASE, --passphrase-file or a prompt; errors are one sentence on
stderr with exit code 2). Nothing here imports Qt.

``import`` never half-imports: it previews first, refuses (exit 2, nothing stored)
while any row is rejected unless --skip-rejected is given, or while dates of birth
could be read day first or month first and neither --day-first nor --month-first says
which; the import itself is one transaction.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from clarity_desktop.cli import EXIT_OK, CliError, read_passphrase

if TYPE_CHECKING:
    from clarity_desktop.domain.csv_clients import ImportPreview, PreviewRow

Handler = Callable[[argparse.Namespace], int]
CommandFactory = Callable[[str, str], argparse.ArgumentParser]


def add_commands(cmd: CommandFactory) -> dict[str | None, Handler]:
    """Add the commands through cli's *cmd* (which adds --data-dir); returns handlers."""
    export = cmd("export", "write a case's whole record to one ZIP file (a records request)")
    export.add_argument("--case", type=int, metavar="ID", help="the case (see the cases command)")
    export.add_argument(
        "--out", type=Path, metavar="FILE.zip", help="where to write (default: case-ID-records.zip)"
    )
    export.add_argument(
        "--no-pdfs", action="store_true", help="leave out the PDF of each note (faster)"
    )
    export.add_argument("--page-size", choices=("A4", "Letter"), default="A4")
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
    return {"export": _export, "import": _import}


def _tolerant_stdout() -> None:
    """Names in any script must never crash a console that cannot show them."""
    with contextlib.suppress(AttributeError, ValueError):
        sys.stdout.reconfigure(errors="replace")  # type: ignore[union-attr]


def _plural(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else many or one + 's'}"


def _export(args: argparse.Namespace) -> int:
    from clarity_desktop.services import export, practices

    if args.case is None:
        raise CliError("Please say which case to export with --case ID.")
    out: Path = args.out or Path(f"case-{args.case}-records.zip")
    if out.exists() and not args.overwrite:
        raise CliError(f"{out} already exists; choose another name or add --overwrite.")
    _tolerant_stdout()
    show = sys.stderr is not None and sys.stderr.isatty()

    def progress(done: int, total: int) -> None:
        if show:
            print(f"\rNotes: {done}/{total}", end="", file=sys.stderr, flush=True)

    opened = practices.unlock_practice(args.data_dir, read_passphrase(args))
    try:
        summary = export.export_case(
            opened.uow(),
            args.case,
            out,
            progress=progress,
            include_pdfs=not args.no_pdfs,
            page_size=args.page_size,
        )
    finally:
        opened.close()
        if show:
            print(file=sys.stderr)
    print(
        f"Wrote {out}: case {summary.case_id} ({summary.case_name}), "
        f"{_plural(summary.notes, 'note')}, {_plural(summary.addenda, 'addendum', 'addenda')}, "
        f"{_plural(summary.pdfs, 'PDF')}."
    )
    if summary.private_notes:
        print(
            f"It includes {_plural(summary.private_notes, 'private note')}: review the records "
            "before releasing them (README.txt in the ZIP lists them)."
        )
    return EXIT_OK


def _row_text(row: PreviewRow) -> str:
    from clarity_desktop.domain.csv_clients import describe_date

    c = row.client
    bits = [c.name]
    bits += [c.pronouns] if c.pronouns else []
    bits += [f"born {describe_date(c.date_of_birth)}"] if c.date_of_birth else []
    bits += [v for v in (c.email, c.phone) if v]
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
    _tolerant_stdout()
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
                f"Nothing was imported: {_plural(len(preview.rejected), 'row')} cannot be "
                "imported (listed above), so fix the file or add --skip-rejected to import "
                f"the other {_plural(len(preview.rows), 'row')}."
            )
        if not preview.rows:
            raise CliError("Nothing was imported: the file has no client that can be imported.")
        ids = importer.import_clients(opened.uow(), preview, skip_rejected=args.skip_rejected)
    finally:
        opened.close()
    skipped = len(preview.rejected)
    print(
        f"Imported {_plural(len(ids), 'client')} as individual cases"
        + (f"; skipped {_plural(skipped, 'row')}" if skipped else "")
        + "."
    )
    return EXIT_OK
