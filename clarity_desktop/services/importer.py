"""Moving in: clients from another practice system's CSV export become individual cases.

Two steps, so nothing is stored before the therapist has seen it: preview (read the
file, compare with the clients already in the practice, say what would happen to each
row) and import (store exactly the previewed rows). The import is all or nothing: every
case is added in one transaction with one audit row, and any failure rolls all of it
back, so a practice never holds half a client list.

Each row becomes one individual case, the client as its one partner. Couples are not
guessed from a list of people; the therapist opens couple cases afterwards.

Other writers wait while an import holds the write lock (the note editor's autosave, a
command in another program), so the transaction does nothing but insert: every row is
checked and turned into plain column values before BEGIN IMMEDIATE, and the cases and
their clients then go in as two bulk INSERTs (executemany; the new case ids are read back
in row order, see _insert_cases). 20,000 clients used to hold the lock for 8 to 18 s, one
ORM flush per case; now 0.5 to 1 s (tests/bench/bench_import.py). The preview
only reads, outside the write lock.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from clarity_desktop.domain.audit_actions import AuditAction
from clarity_desktop.domain.csv_clients import (
    MAX_FILE_BYTES,
    ImportFileError,
    ImportPreview,
    preview_import,
)
from clarity_desktop.domain.errors import ErrorCode, ValidationError
from clarity_desktop.domain.languages import DEFAULT as DEFAULT_LANGUAGE
from clarity_desktop.domain.records import (
    CaseInput,
    CaseKind,
    CaseStatus,
    PartnerInput,
    validate_case,
)
from clarity_desktop.services.permissions import Permission, require
from clarity_desktop.store import bulk, directory
from clarity_desktop.store.models import Case, Partner
from clarity_desktop.store.uow import UnitOfWork, utcnow

__all__ = [
    "ImportFileError",
    "ImportPreview",
    "existing_clients",
    "import_clients",
    "preview_bytes",
    "preview_file",
    "read_csv",
]


def read_csv(path: Path) -> bytes:
    """The file's bytes, or one sentence saying why they cannot be read."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ImportFileError(
                ErrorCode.FILE_TOO_LARGE_CLIENT_LIST_2,
                name=path.name,
                number=MAX_FILE_BYTES // 2**20,
            )
        return path.read_bytes()
    except IsADirectoryError:
        raise ImportFileError(ErrorCode.FOLDER_NOT_CSV_FILE, path=path) from None
    except FileNotFoundError:
        raise ImportFileError(ErrorCode.NO_SUCH_FILE, path=path) from None
    except OSError as exc:
        raise ImportFileError(
            ErrorCode.FILE_CANNOT_READ, name=path.name, value=exc.strerror or exc
        ) from None


def existing_clients(uow: UnitOfWork) -> tuple[list[str], list[str]]:
    """Names and e-mail addresses of everyone already in the practice (for duplicates).
    Read outside the write lock: previewing never makes a writer wait."""
    require(uow.principal, Permission.READ_RECORDS)
    with uow.reading() as db:
        found = db.execute(
            select(Partner.name, Partner.email, Partner.id, Partner.row_version)
        ).all()
        rows = directory.reveal(db, found, "partners", 2, 3, {0: "name", 1: "email"})
    return [r[0] for r in rows], [r[1] for r in rows if r[1]]


def preview_bytes(
    uow: UnitOfWork, data: str | bytes, *, day_first: bool | None = None, today: date | None = None
) -> ImportPreview:
    names, emails = existing_clients(uow)
    return preview_import(data, names, today or date.today(), day_first, existing_emails=emails)


def preview_file(
    uow: UnitOfWork, path: Path, *, day_first: bool | None = None, today: date | None = None
) -> ImportPreview:
    return preview_bytes(uow, read_csv(path), day_first=day_first, today=today)


def import_clients(
    uow: UnitOfWork,
    preview: ImportPreview,
    *,
    skip_rejected: bool = False,
    today: date | None = None,
) -> list[int]:
    """Add one individual case per previewed row; returns the new case ids in row order.

    Refused (nothing stored) while the date order is unresolved, or while rows were
    rejected unless *skip_rejected*. Every row is validated again before anything is
    written, then all cases and one audit row go in one transaction."""
    blocker = preview.blocker_error(skip_rejected)
    if blocker is not None:
        raise blocker
    day = today or date.today()
    clean = [_validated(row.line, row.client, day) for row in preview.rows]
    now = utcnow()
    # Every value turned into what the database takes before the write lock (bulk.py).
    case_rows = bulk.bind_rows(Case.__table__, [_case_values(c, now) for c in clean], uow.dialect)
    partner_rows = bulk.bind_rows(
        Partner.__table__, [_partner_values(c) for c in clean], uow.dialect
    )
    n = len(clean)
    require(uow.principal, Permission.WRITE_RECORDS)
    with uow:  # the write lock from here to the commit: inserts only
        if bulk.orm_only(uow.session):  # a server: the ORM encrypts every column
            ids = _add_cases(uow, clean, now)
        else:
            ids = _insert_cases(uow, case_rows)
            for values, case_id in zip(partner_rows, ids, strict=True):
                values["case_id"] = case_id
            bulk.insert_bound(uow.session.connection(), Partner.__table__, partner_rows)
        uow.audit(
            AuditAction.IMPORTED, "practice", detail=f"{n} client{'s' if n != 1 else ''} from CSV"
        )
        uow.commit()
    return ids


def _insert_cases(uow: UnitOfWork, rows: list[dict[str, Any]]) -> list[int]:
    """One executemany, then the new ids read back in order. Under the write lock nobody
    else inserts meanwhile, and new ids only ever grow, so the ids above the old highest
    are ours, in row order. (INSERT … RETURNING with its order kept costs SQLAlchemy one
    statement per row on SQLite: over a second for 20,000.)"""
    if not rows:
        return []
    before = uow.session.scalar(select(func.max(Case.id))) or 0
    bulk.insert_bound(uow.session.connection(), Case.__table__, rows)
    ids = list(uow.session.scalars(select(Case.id).where(Case.id > before).order_by(Case.id)))
    if len(ids) != len(rows):  # cannot happen under the write lock; never guess
        raise RuntimeError(f"{len(rows)} cases were added but {len(ids)} were found")
    return ids


def _add_cases(uow: UnitOfWork, clean: list[CaseInput], now: datetime) -> list[int]:
    """The same cases through the ORM, for a store that encrypts text as the ORM writes it
    (a practice server): slower than one executemany, and nothing is stored in plain. One
    flush per case: the server lets a case in only with the number it has just drawn."""
    ids = []
    for c in clean:
        case = Case(**_case_values(c, now))
        case.partners = [Partner(**_partner_values(c))]
        uow.session.add(case)
        uow.session.flush()
        ids.append(case.id)
    return ids


def _validated(line: int, client: PartnerInput, today: date) -> CaseInput:
    try:
        return validate_case(CaseInput(CaseKind.INDIVIDUAL, "", (client,), opened_on=today), today)
    except ValidationError as exc:
        raise ValidationError(
            ErrorCode.IMPORT_LINE_REJECTED,
            "preview",
            line=line,
            reason=exc,
        ) from None


def _case_values(clean: CaseInput, now: datetime) -> dict[str, Any]:
    """One individual case's columns, ready for a bulk INSERT."""
    assert clean.opened_on is not None
    return {
        "kind": CaseKind.INDIVIDUAL,
        "display_name": clean.display_name,
        "relationship_structure": "",
        "status": CaseStatus.ACTIVE,
        "opened_on": clean.opened_on,
        "closed_on": None,
        "safety_flag": False,
        "safety_note": "",
        "created_at": now,
        "updated_at": now,
    }


def _partner_values(clean: CaseInput) -> dict[str, Any]:
    """The case's one client; its case_id is filled in once the case has its id."""
    p = clean.partners[0]
    return {
        "position": 1,
        "name": p.name,
        "pronouns": p.pronouns,
        "date_of_birth": p.date_of_birth,
        "email": p.email,
        "phone": p.phone,
        "language": (p.language or DEFAULT_LANGUAGE).value,
    }
