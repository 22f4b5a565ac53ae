"""The treatment plan of a case, version by version.

A plan is versioned like a legal record: a signed version is locked (here, and by the
triggers of revision 0009 underneath) and sealed like a note; revising the plan starts a new
version, a draft copied from the newest signed one with the same goal keys, so the notes
linked to a goal stay linked across versions. A case has at most one draft, and it is the
newest version. Every version stays readable.

The goals each note worked on, and the plan review, are in services/plan_goals.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session as DbSession

from clarity_desktop.domain.audit_actions import AuditAction
from clarity_desktop.domain.clock import as_utc
from clarity_desktop.domain.errors import (
    ErrorCode,
    NotFound,
    Phrase,
    RecordLocked,
)
from clarity_desktop.domain.plans import (
    Concern,
    Goal,
    Objective,
    PlanChange,
    PlanContent,
    changes,
    check_signable,
    validate_plan,
)
from clarity_desktop.domain.records import CaseKind
from clarity_desktop.services import notes
from clarity_desktop.services.permissions import Permission, require
from clarity_desktop.services.sessions.common import load_case, require_active
from clarity_desktop.store import seals
from clarity_desktop.store.models import (
    Case,
    PlanConcern,
    PlanGoal,
    PlanObjective,
    TreatmentPlan,
)
from clarity_desktop.store.uow import UnitOfWork, utcnow

ENTITY = "treatment_plan"


@dataclass(frozen=True)
class PlanVersion:
    """One version of a case's plan."""

    id: int
    case_id: int
    version: int
    content: PlanContent
    created_at: datetime  # UTC
    updated_at: datetime  # UTC
    signed_at: datetime | None  # UTC
    signed_by: str | None
    changes: tuple[PlanChange, ...]  # from the version before (none for the first)

    @property
    def signed(self) -> bool:
        return self.signed_at is not None


@dataclass(frozen=True)
class CasePlan:
    """A case's plan: the version in force, the draft being written, every version."""

    case_id: int
    case_name: str
    couple: bool
    names: tuple[tuple[int, str], ...]  # the partners (id, name) in the case's order
    starts_on: date | None  # the day the first version was started; None: no plan yet
    versions: tuple[PlanVersion, ...]  # oldest first

    @property
    def current(self) -> PlanVersion | None:
        """The newest signed version: the plan in force."""
        return next((v for v in reversed(self.versions) if v.signed), None)

    @property
    def draft(self) -> PlanVersion | None:
        last = self.versions[-1] if self.versions else None
        return last if last is not None and not last.signed else None

    def name_of(self, owner: int | None) -> str:
        return "the couple" if owner is None else dict(self.names).get(owner, "?")


# -- loading -------------------------------------------------------------------------------


def _content(db: DbSession, plan: TreatmentPlan) -> PlanContent:
    concerns = db.scalars(
        select(PlanConcern)
        .where(PlanConcern.plan_id == plan.id)
        .order_by(PlanConcern.position, PlanConcern.id)
    ).all()
    goal_rows = db.scalars(
        select(PlanGoal).where(PlanGoal.plan_id == plan.id).order_by(PlanGoal.position, PlanGoal.id)
    ).all()
    objectives: dict[int, list[Objective]] = {}
    if goal_rows:
        for o in db.scalars(
            select(PlanObjective)
            .where(PlanObjective.goal_id.in_([g.id for g in goal_rows]))
            .order_by(PlanObjective.position, PlanObjective.id)
        ):
            objectives.setdefault(o.goal_id, []).append(Objective(o.text, o.target_on))
    return PlanContent(
        concerns=tuple(Concern(c.partner_id, c.text) for c in concerns),
        goals=tuple(
            Goal(g.partner_id, g.text, tuple(objectives.get(g.id, ())), g.goal_key)
            for g in goal_rows
        ),
        interventions=tuple(str(i) for i in plan.interventions or ()),
        review_on=plan.review_on,
        agreement=plan.agreement or "",
        agreement_review_on=plan.agreement_review_on,
    )


def _plans(db: DbSession, case_id: int) -> list[TreatmentPlan]:
    return list(
        db.scalars(
            select(TreatmentPlan)
            .where(TreatmentPlan.case_id == case_id)
            .order_by(TreatmentPlan.version)
        )
    )


def case_plan_of(db: DbSession, case: Case) -> CasePlan:
    versions: list[PlanVersion] = []
    before: PlanContent | None = None
    for p in _plans(db, case.id):
        content = _content(db, p)
        versions.append(
            PlanVersion(
                p.id,
                p.case_id,
                p.version,
                content,
                p.created_at,
                p.updated_at,
                p.signed_at,
                p.signed_by,
                () if before is None else changes(before, content),
            )
        )
        if p.signed_at is not None:
            before = content  # a draft is compared with the signed version it revises
    return CasePlan(
        case.id,
        case.display_name,
        case.kind is CaseKind.COUPLE,
        tuple((p.id, p.name) for p in case.partners),
        local_day(versions[0].created_at) if versions else None,
        tuple(versions),
    )


def local_day(at: datetime) -> date:
    return as_utc(at).astimezone().date()


def _load_plan(uow: UnitOfWork, plan_id: int) -> TreatmentPlan:
    plan = uow.session.get(TreatmentPlan, plan_id)
    if plan is None:
        raise NotFound(ErrorCode.NO_SUCH_PLAN, plan_id=plan_id)
    return plan


# -- reading -------------------------------------------------------------------------------


def open_plan(uow: UnitOfWork, case_id: int) -> CasePlan:
    """The case's plan for a clinician who opens it: the reading is audited ("viewed")."""
    require(uow.principal, Permission.READ_RECORDS)
    with uow:
        case = load_case(uow, case_id)
        plan = case_plan_of(uow.session, case)
        latest = plan.versions[-1].id if plan.versions else None
        uow.audit(AuditAction.VIEWED, ENTITY, latest, case.id)
        uow.commit()
        return plan


def read_plan(uow: UnitOfWork, case_id: int) -> CasePlan:
    """The plan as it stands, without an audit row: to refresh what is on screen, or for a
    document (which audits itself)."""
    require(uow.principal, Permission.READ_RECORDS)
    with uow.reading() as db:
        case = db.get(Case, case_id)
        if case is None:
            raise NotFound(ErrorCode.NO_SUCH_CASE, case_id=case_id)
        return case_plan_of(db, case)


# -- writing -------------------------------------------------------------------------------


def start_version(uow: UnitOfWork, case_id: int) -> CasePlan:
    """A draft to write in: the one there is, or a new version copied from the newest
    signed one (goal keys kept), or an empty first version."""
    require(uow.principal, Permission.WRITE_RECORDS)
    with uow:
        case = load_case(uow, case_id)
        db = uow.session
        existing = _plans(db, case.id)
        if existing and existing[-1].signed_at is None:
            plan = case_plan_of(db, case)
            uow.commit()
            return plan
        require_active(case, Phrase.REVISE_PLAN)
        now = utcnow()
        base = _content(db, existing[-1]) if existing else PlanContent()
        row = TreatmentPlan(
            case_id=case.id,
            version=existing[-1].version + 1 if existing else 1,
            created_at=now,
            updated_at=now,
            created_by_id=uow.principal.user_id,
        )
        _write(db, row, base)
        db.flush()
        uow.audit(AuditAction.CREATED, ENTITY, row.id, case.id, f"version {row.version}")
        plan = case_plan_of(db, case)
        uow.commit()
        return plan


def _write(db: DbSession, row: TreatmentPlan, content: PlanContent) -> None:
    """The draft's fields and children as *content* says (children replaced whole: a draft
    has nothing that points at its rows; notes link to goal keys)."""
    row.review_on = content.review_on
    row.interventions = list(content.interventions)
    row.agreement = content.agreement
    row.agreement_review_on = content.agreement_review_on
    if row.id is None:
        db.add(row)
        db.flush()
    else:
        goal_ids = select(PlanGoal.id).where(PlanGoal.plan_id == row.id)
        db.execute(delete(PlanObjective).where(PlanObjective.goal_id.in_(goal_ids)))
        db.execute(delete(PlanGoal).where(PlanGoal.plan_id == row.id))
        db.execute(delete(PlanConcern).where(PlanConcern.plan_id == row.id))
    for i, c in enumerate(content.concerns):
        db.add(PlanConcern(plan_id=row.id, partner_id=c.owner, position=i, text=c.text))
    for i, g in enumerate(content.goals):
        goal = PlanGoal(plan_id=row.id, goal_key=g.key, partner_id=g.owner, position=i, text=g.text)
        db.add(goal)
        db.flush()
        for n, o in enumerate(g.objectives):
            db.add(PlanObjective(goal_id=goal.id, position=n, text=o.text, target_on=o.target_on))


def _starts_on(db: DbSession, case_id: int) -> date:
    first = db.scalars(
        select(TreatmentPlan.created_at)
        .where(TreatmentPlan.case_id == case_id)
        .order_by(TreatmentPlan.version)
        .limit(1)
    ).one()
    return local_day(first)


def _check(db: DbSession, plan: TreatmentPlan, content: PlanContent) -> PlanContent:
    case = db.get(Case, plan.case_id)
    assert case is not None
    return validate_plan(
        content,
        partners=[p.id for p in case.partners],
        couple=case.kind is CaseKind.COUPLE,
        starts_on=_starts_on(db, case.id),
    )


def save_draft(
    uow: UnitOfWork, plan_id: int, content: PlanContent, *, wait: float | None = None
) -> PlanVersion:
    """Save the draft version *plan_id* as *content* (checked and cleaned first). With
    *wait*, give up after that many seconds when another task holds the write lock."""
    require(uow.principal, Permission.WRITE_RECORDS)
    if wait is not None:
        uow.waiting_at_most(wait)
    with uow:
        db = uow.session
        row = _load_plan(uow, plan_id)
        if row.signed_at is not None:
            raise RecordLocked(ErrorCode.PLAN_SIGNED_LOCKED)
        clean = _check(db, row, content)
        _write(db, row, clean)
        row.updated_at = utcnow()
        db.flush()
        if not _recently_changed(uow, row.id):
            uow.audit(AuditAction.CHANGED, ENTITY, row.id, row.case_id)
        version = _version_of(db, row)
        uow.commit()
        return version


def _recently_changed(uow: UnitOfWork, plan_id: int) -> bool:
    """One "changed" row per draft per little while, as for notes (the editor autosaves)."""
    from clarity_desktop.store.models import AuditEvent

    last = uow.session.execute(
        select(AuditEvent.at)
        .where(
            AuditEvent.entity == ENTITY,
            AuditEvent.entity_id == plan_id,
            AuditEvent.action == AuditAction.CHANGED.value,
            AuditEvent.actor == uow.actor,
        )
        .order_by(AuditEvent.id.desc())
        .limit(1)
    ).scalar_one_or_none()
    return last is not None and utcnow() - last < notes.AUDIT_COALESCE


def _version_of(db: DbSession, row: TreatmentPlan) -> PlanVersion:
    case = db.get(Case, row.case_id)
    assert case is not None
    return next(v for v in case_plan_of(db, case).versions if v.id == row.id)


def sign_problem(uow: UnitOfWork, plan_id: int, *, today: date | None = None) -> None:
    """Raise what signing would refuse, before the editor asks "Sign?"."""
    require(uow.principal, Permission.READ_RECORDS)
    with uow.reading() as db:
        row = db.get(TreatmentPlan, plan_id)
        if row is None:
            raise NotFound(ErrorCode.NO_SUCH_PLAN, plan_id=plan_id)
        check_signable(_content(db, row), today=today or date.today())


def sign_plan(uow: UnitOfWork, plan_id: int, *, today: date | None = None) -> PlanVersion:
    """Sign the draft: it is locked from now on, and sealed with the clinician's key."""
    require(uow.principal, Permission.SIGN)
    with uow:
        db = uow.session
        row = _load_plan(uow, plan_id)
        if row.signed_at is not None:
            raise RecordLocked(ErrorCode.PLAN_ALREADY_SIGNED)
        check_signable(_check(db, row, _content(db, row)), today=today or date.today())
        row.signed_at = utcnow()
        row.signed_by = uow.actor
        row.signed_by_id = uow.principal.user_id
        db.flush()
        uow.audit(AuditAction.SIGNED, ENTITY, row.id, row.case_id, f"version {row.version}")
        uow.seal(ENTITY, row.id, row.case_id, seals.plan_content(row))
        version = _version_of(db, row)
        uow.commit()
        return version
