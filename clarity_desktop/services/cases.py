"""Cases and their partners: list, open, create, edit, close, reopen. Cases are closed,
never deleted."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session as DbSession

from clarity_desktop.domain.audit_actions import AuditAction
from clarity_desktop.domain.errors import ErrorCode, NotFound, ValidationError
from clarity_desktop.domain.languages import DEFAULT as DEFAULT_LANGUAGE
from clarity_desktop.domain.records import (
    CaseInput,
    CaseStatus,
    check_closed_on,
    name_key,
    validate_case,
)
from clarity_desktop.domain.schedule import SessionStatus
from clarity_desktop.services import views
from clarity_desktop.services.dto import CaseDetail, CaseSummary
from clarity_desktop.services.permissions import Permission, require
from clarity_desktop.store import directory
from clarity_desktop.store.models import Case, Partner, Session
from clarity_desktop.store.uow import UnitOfWork, utcnow


def list_cases(uow: UnitOfWork, status: CaseStatus | None = None) -> list[CaseSummary]:
    """All cases (or those with *status*), sorted by name. One query, no per-row work.

    It runs on the GUI thread at every unlock, over every case of a ten-year practice, so
    it reads plain columns rather than Case objects and sorts with a key that skips
    Unicode normalisation for ASCII names: about 0.5 s became 0.15-0.2 s at 10,000 cases
    (tests/bench/bench_practice.py)."""
    require(uow.principal, Permission.READ_RECORDS)
    with uow:
        return _summaries(uow.session, status)


def case_row(db: DbSession, case_id: int) -> CaseSummary:
    """One case as the case list shows it, in the caller's open session: after an action
    on a case the list updates that row instead of reading every case again."""
    found = _summaries(db, None, case_id)
    if not found:
        raise NotFound(ErrorCode.NO_SUCH_CASE, case_id=case_id)
    return found[0]


def _summaries(
    db: DbSession, status: CaseStatus | None, case_id: int | None = None
) -> list[CaseSummary]:
    stats = (
        select(
            Session.case_id,
            func.max(Session.starts_at).label("last"),
            func.count(Session.id).label("n"),
        )
        .where(Session.status == SessionStatus.HELD)  # sessions that took place
        .group_by(Session.case_id)
        .subquery()
    )
    q = select(
        Case.id,
        Case.kind,
        Case.display_name,
        Case.status,
        Case.opened_on,
        Case.closed_on,
        Case.safety_flag,
        stats.c.last,
        stats.c.n,
        Case.row_version,
    ).outerjoin(stats, stats.c.case_id == Case.id)
    if status is not None:
        q = q.where(Case.status == status)
    if case_id is not None:
        q = q.where(Case.id == case_id)
    # Sorted here, not by SQL lower(): SQLite folds only ASCII, which put "Émile" after "Zoë",
    # and a server holds the names encrypted (store/directory.py opens them).
    found = directory.reveal(
        db, db.execute(q.order_by(Case.id)).all(), "cases", 0, 9, {2: "display_name"}
    )
    rows = directory.sorted_by_name(found, lambda r: str(r[2]))
    return [
        CaseSummary(
            id=row_id,
            kind=kind,
            display_name=name,
            status=case_status,
            opened_on=opened_on,
            closed_on=closed_on,
            safety_flag=bool(safety_flag),
            last_session=last,
            session_count=n or 0,
        )
        for row_id, kind, name, case_status, opened_on, closed_on, safety_flag, last, n, _v in rows
    ]


def open_case(uow: UnitOfWork, case_id: int) -> CaseDetail:
    """The case with partners and sessions, for a clinician who opens it: audited
    ("viewed"), in the same transaction as the reading."""
    require(uow.principal, Permission.READ_RECORDS)
    with uow:
        detail = views.case_detail(uow.session, case_id)
        uow.audit(AuditAction.VIEWED, "case", case_id, case_id)
        uow.commit()
        return detail


def read_case(uow: UnitOfWork, case_id: int) -> CaseDetail:
    """The case as it stands, without an audit row: a window refreshing what is already
    on screen, or a check before another action."""
    require(uow.principal, Permission.READ_RECORDS)
    with uow.reading() as db:
        return views.case_detail(db, case_id)


def create_case(uow: UnitOfWork, data: CaseInput, today: date | None = None) -> CaseDetail:
    clean = validate_case(data, today or date.today())
    require(uow.principal, Permission.WRITE_RECORDS)
    with uow:
        now = utcnow()
        case = Case(
            kind=clean.kind,
            display_name=clean.display_name,
            relationship_structure=clean.relationship_structure,
            status=CaseStatus.ACTIVE,
            opened_on=clean.opened_on,
            safety_flag=clean.safety_flag,
            safety_note=clean.safety_note,
            created_at=now,
            updated_at=now,
        )
        for pos, p in enumerate(clean.partners, start=1):
            case.partners.append(
                Partner(
                    position=pos,
                    name=p.name,
                    pronouns=p.pronouns,
                    date_of_birth=p.date_of_birth,
                    email=p.email,
                    phone=p.phone,
                    language=(p.language or DEFAULT_LANGUAGE).value,
                )
            )
        uow.session.add(case)
        uow.session.flush()
        uow.audit(AuditAction.CREATED, "case", case.id, case.id)
        view = views.case_detail(uow.session, case.id)
        uow.commit()
        return view


def update_case(
    uow: UnitOfWork, case_id: int, data: CaseInput, today: date | None = None
) -> CaseDetail:
    clean = validate_case(data, today or date.today())
    require(uow.principal, Permission.WRITE_RECORDS)
    with uow:
        case = _case(uow, case_id)
        if clean.kind is not case.kind:
            raise ValidationError(ErrorCode.CASE_CANNOT_CHANGE_BETWEEN_COUPLE, "kind")
        case.display_name = clean.display_name
        case.relationship_structure = clean.relationship_structure
        if data.opened_on is not None:  # validate_case fills in today; None means "keep"
            case.opened_on = data.opened_on
        if case.closed_on is not None:
            check_closed_on(case.opened_on, case.closed_on)
        case.safety_flag = clean.safety_flag
        case.safety_note = clean.safety_note
        case.updated_at = utcnow()
        for partner, p in zip(case.partners, clean.partners, strict=True):
            partner.name = p.name
            partner.pronouns = p.pronouns
            partner.date_of_birth = p.date_of_birth
            partner.email = p.email
            partner.phone = p.phone
            if p.language is not None:
                partner.language = p.language.value
        uow.audit(AuditAction.CHANGED, "case", case.id, case.id)
        view = views.case_detail(uow.session, case.id)
        uow.commit()
        return view


def close_case(uow: UnitOfWork, case_id: int, closed_on: date | None = None) -> CaseDetail:
    require(uow.principal, Permission.WRITE_RECORDS)
    with uow:
        case = _case(uow, case_id)
        if case.status is CaseStatus.CLOSED:
            raise ValidationError(ErrorCode.CASE_ALREADY_CLOSED, "status")
        case.closed_on = check_closed_on(case.opened_on, closed_on or date.today())
        case.status = CaseStatus.CLOSED
        case.updated_at = utcnow()
        uow.audit(AuditAction.CLOSED, "case", case.id, case.id)
        view = views.case_detail(uow.session, case.id)
        uow.commit()
        return view


def reopen_case(uow: UnitOfWork, case_id: int) -> CaseDetail:
    require(uow.principal, Permission.WRITE_RECORDS)
    with uow:
        case = _case(uow, case_id)
        if case.status is CaseStatus.ACTIVE:
            raise ValidationError(ErrorCode.CASE_ALREADY_ACTIVE, "status")
        case.status = CaseStatus.ACTIVE
        case.closed_on = None
        case.updated_at = utcnow()
        uow.audit(AuditAction.REOPENED, "case", case.id, case.id)
        view = views.case_detail(uow.session, case.id)
        uow.commit()
        return view


def _case(uow: UnitOfWork, case_id: int) -> Case:
    case = uow.session.get(Case, case_id)
    if case is None:
        raise NotFound(ErrorCode.NO_SUCH_CASE, case_id=case_id)
    return case


@dataclass(frozen=True)
class SimilarClient:
    name: str
    case_id: int
    case_name: str


def similar_clients(
    uow: UnitOfWork, names: list[str], exclude_case_id: int | None = None
) -> list[SimilarClient]:
    """Existing clients whose names match any of *names* ignoring case, accents, spaces
    and punctuation: a likely duplicate to ask about, never to refuse."""
    wanted = {name_key(n) for n in names if name_key(n)}
    if not wanted:
        return []
    require(uow.principal, Permission.READ_RECORDS)
    with uow:
        found = uow.session.execute(
            select(
                Partner.name,
                Case.id,
                Case.display_name,
                Partner.id,
                Partner.row_version,
                Case.row_version,
            ).join(Case, Case.id == Partner.case_id)
        ).all()
        found = directory.reveal(uow.session, found, "partners", 3, 4, {0: "name"})
        rows = directory.reveal(uow.session, found, "cases", 1, 5, {2: "display_name"})
    return [
        SimilarClient(name, case_id, case_name)
        for name, case_id, case_name, *_ in rows
        if name_key(name) in wanted and case_id != exclude_case_id
    ]
