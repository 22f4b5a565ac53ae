"""The preview: a whole client list read, each row accepted (with warnings) or rejected
(with the reason), and the file's date order decided. Nothing is stored here."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from clarity_desktop.domain.csv_clients.fields import Field, clean_cell, header_date_hint, name_key
from clarity_desktop.domain.csv_clients.reading import (
    DELIMITER_NAMES,
    MAX_FILE_BYTES,
    ImportFileError,
    decode,
    records,
    sniff_delimiter,
)
from clarity_desktop.domain.csv_clients.rows import (
    Draft,
    Rejected,
    birth_checks,
    check_row,
    column_map,
)
from clarity_desktop.domain.errors import ErrorCode, ValidationError
from clarity_desktop.domain.records import CaseInput, CaseKind, PartnerInput, validate_case

MAX_ROWS = 20_000


@dataclass(frozen=True)
class PreviewRow:
    """A row that will become one individual case."""

    line: int
    client: PartnerInput
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class RejectedRow:
    line: int
    values: tuple[str, ...]  # the cells as read
    reason: str  # one plain sentence


@dataclass(frozen=True)
class ImportPreview:
    rows: tuple[PreviewRow, ...]
    rejected: tuple[RejectedRow, ...]
    notes: tuple[str, ...]  # how the file was read: encoding, separator, columns, dates
    encoding: str
    delimiter: str
    columns: tuple[tuple[Field, str], ...]  # each field used, with the header it came from
    ignored_columns: tuple[str, ...]
    day_first: bool | None  # the order applied to numeric dates; None: not decided
    date_order_matters: bool  # some dates read differently day first and month first
    date_order_unresolved: bool  # ... and nobody has said which: import must wait

    @property
    def summary(self) -> str:
        """ "14 clients will be added; 2 rows cannot be imported." """
        n, r = len(self.rows), len(self.rejected)
        added = f"{n} client{'s' if n != 1 else ''} will be added"
        if not r:
            return f"{added}."
        return f"{added}; {r} row{'s' if r != 1 else ''} cannot be imported."

    def blocker(self, skip_rejected: bool = False) -> str | None:
        """Why this preview cannot be imported as it stands (one sentence), or None."""
        error = self.blocker_error(skip_rejected)
        return None if error is None else str(error)

    def blocker_error(self, skip_rejected: bool = False) -> ValidationError | None:
        """The same, as an error with its code, for the window to say in its language."""
        if self.date_order_unresolved:
            return ValidationError(ErrorCode.IMPORT_DATE_ORDER_UNRESOLVED, "preview")
        if self.rejected and not skip_rejected:
            r = len(self.rejected)
            if r == 1:
                return ValidationError(ErrorCode.IMPORT_ROW_REJECTED, "preview")
            return ValidationError(ErrorCode.IMPORT_ROWS_REJECTED, "preview", count=r)
        if not self.rows:
            return ValidationError(ErrorCode.IMPORT_NOTHING_TO_IMPORT, "preview")
        return None


def _decide_order(
    drafts: list[Draft], day_first: bool | None, hint: tuple[bool, str] | None
) -> tuple[bool | None, bool, bool, str]:
    """(order, matters, unresolved, note) for the numeric dates of the file."""
    matters = any(d.birth is not None and d.birth.ambiguous for d in drafts)
    numeric = any(d.birth is not None and d.birth.numeric for d in drafts)
    if not numeric:
        return None, False, False, ""
    if day_first is not None:
        return day_first, matters, False, f"Dates were read {_order(day_first)}, as chosen."
    if hint is not None:
        return (
            hint[0],
            matters,
            False,
            f"Dates were read {_order(hint[0])}, as the column “{hint[1]}” says.",
        )
    days = [d for d in drafts if d.birth is not None and d.birth.evidence is True]
    months = [d for d in drafts if d.birth is not None and d.birth.evidence is False]
    if days and months:
        return (
            None,
            True,
            True,
            f"The dates mix both orders: “{days[0].birth_text}” (line {days[0].line}) can "
            f"only be day first and “{months[0].birth_text}” (line {months[0].line}) only "
            "month first; choose the order the file uses.",
        )
    if days or months:
        order, example = (True, days[0]) if days else (False, months[0])
        return (
            order,
            matters,
            False,
            f"Dates were read {_order(order)}, because “{example.birth_text}” "
            f"(line {example.line}) can only be read that way.",
        )
    if matters:
        return (
            None,
            True,
            True,
            "Dates such as “"
            + next(d.birth_text for d in drafts if d.birth is not None and d.birth.ambiguous)
            + "” could be day first or month first; choose the order the file uses.",
        )
    return None, False, False, ""


def _order(day_first: bool) -> str:
    return "day first (day/month/year)" if day_first else "month first (month/day/year)"


def preview_import(
    source: str | bytes,
    existing_names: Iterable[str],
    today: date,
    day_first: bool | None = None,
    *,
    existing_emails: Iterable[str] = (),
) -> ImportPreview:
    """Read a client list and say what would be imported. Never stores anything; raises
    ImportFileError (one sentence) only when the file as a whole cannot be used."""
    if isinstance(source, bytes):
        text, encoding = decode(source)
    else:
        if len(source) > MAX_FILE_BYTES:
            raise ImportFileError(ErrorCode.TEXT_TOO_LARGE_CLIENT_LIST)
        text, encoding = source.removeprefix("\ufeff"), "text"
        if "\x00" in text:
            raise ImportFileError(ErrorCode.DOES_NOT_LOOK_LIKE_CSV)
    delimiter = sniff_delimiter(text)
    rows_read = records(text, delimiter)
    header: list[str] | None = None
    for _line, cells in rows_read:
        if any(clean_cell(c) for c in cells):
            header = cells
            break
    if header is None:
        raise ImportFileError(ErrorCode.FILE_EMPTY)
    cols, ignored = column_map(header)
    if not cols:
        raise ImportFileError(ErrorCode.FIRST_LINE_SHOULD_NAME_COLUMNS)
    if not ({Field.NAME, Field.FIRST, Field.LAST} & cols.keys()):
        raise ImportFileError(ErrorCode.FILE_HAS_NO_COLUMN_CLIENT)
    hint = None
    if Field.BIRTH in cols:
        title = header[cols[Field.BIRTH][0]]
        order = header_date_hint(title)
        hint = (order, clean_cell(title)) if order is not None else None

    drafts: list[Draft] = []
    rejected: list[RejectedRow] = []
    count = 0
    for line, cells in rows_read:
        if not any(clean_cell(c) for c in cells):
            continue  # blank lines are not rows
        count += 1
        if count > MAX_ROWS:
            raise ImportFileError(ErrorCode.FILE_HAS_MORE_THAN_ROWS, max_rows=MAX_ROWS)
        try:
            d = check_row(cells, cols, len(header), today)
        except Rejected as exc:
            rejected.append(RejectedRow(line, tuple(cells), str(exc)))
            continue
        d.line, d.values = line, tuple(cells)
        drafts.append(d)

    applied, matters, unresolved, date_note = _decide_order(drafts, day_first, hint)
    accepted: list[tuple[Draft, PartnerInput]] = []
    for d in drafts:
        try:
            client = birth_checks(d, applied, today)
            validate_case(CaseInput(CaseKind.INDIVIDUAL, "", (client,)), today)
        except Rejected as exc:
            rejected.append(RejectedRow(d.line, d.values, str(exc)))
            continue
        except ValidationError as exc:  # a records rule this module does not yet know
            rejected.append(RejectedRow(d.line, d.values, str(exc)))
            continue
        accepted.append((d, client))
    _warn_duplicates(accepted, existing_names, existing_emails)

    rows = tuple(PreviewRow(d.line, client, tuple(d.warnings)) for d, client in accepted)
    used = tuple((f, clean_cell(header[idx[0]])) for f, idx in cols.items())
    notes = [
        f"Read as {encoding}, {DELIMITER_NAMES[delimiter]}-separated.",
        "Columns used: " + ", ".join(f"{f.value} from “{title}”" for f, title in used) + ".",
    ]
    if ignored:
        notes.append("Columns not used: " + ", ".join(f"“{t}”" for t in ignored) + ".")
    if date_note:
        notes.append(date_note)
    return ImportPreview(
        rows=rows,
        rejected=tuple(sorted(rejected, key=lambda r: r.line)),
        notes=tuple(notes),
        encoding=encoding,
        delimiter=delimiter,
        columns=used,
        ignored_columns=tuple(ignored),
        day_first=applied,
        date_order_matters=matters,
        date_order_unresolved=unresolved,
    )


def _warn_duplicates(
    accepted: list[tuple[Draft, PartnerInput]],
    existing_names: Iterable[str],
    existing_emails: Iterable[str],
) -> None:
    known_names = {name_key(n) for n in existing_names if n.strip()}
    known_emails = {e.strip().casefold() for e in existing_emails if e.strip()}
    by_name: dict[str, list[Draft]] = {}
    by_email: dict[str, list[Draft]] = {}
    for d, client in accepted:
        by_name.setdefault(name_key(client.name), []).append(d)
        if client.email:
            by_email.setdefault(client.email.casefold(), []).append(d)
    for d, client in accepted:
        key = name_key(client.name)
        if key in known_names:
            d.warnings.append(
                f"A client named “{client.name}” may already be in the practice "
                "(same name); this may be the same person."
            )
        others = [o.line for o in by_name[key] if o is not d]
        if others:
            d.warnings.append(f"Same name as {_lines(others)}; this may be the same person.")
        if client.email:
            mail = client.email.casefold()
            if mail in known_emails:
                d.warnings.append(
                    "This e-mail address is already recorded for a client in the practice."
                )
            others = [o.line for o in by_email[mail] if o is not d]
            if others:
                d.warnings.append(f"Same e-mail address as {_lines(others)}.")


def _lines(numbers: list[int]) -> str:
    if len(numbers) == 1:
        return f"line {numbers[0]}"
    return "lines " + ", ".join(str(n) for n in numbers[:-1]) + f" and {numbers[-1]}"
