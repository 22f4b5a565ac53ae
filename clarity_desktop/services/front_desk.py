"""The front desk's view of a group practice: every clinician's sessions (who comes when,
to whom, in person or by video, booked or called off) and how to reach each client.

Built from the columns the practice server grants the front desk and nothing else
(store/postgres/schema.py DESK_COLUMNS): no note, reading, plan, measure, handout or
reason is read here, so none can reach the window even by mistake. A case's safety flag
is passed on as "ask the clinician before changing this booking", never with its note.
The server refuses every other column to the front desk whatever the program asks.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session as DbSession

from clarity_desktop.domain.audit_actions import AuditAction
from clarity_desktop.domain.languages import Language
from clarity_desktop.domain.records import CaseKind, CaseStatus, Modality
from clarity_desktop.domain.schedule import DayWindow, SessionStatus
from clarity_desktop.services.permissions import Permission, require
from clarity_desktop.store import directory
from clarity_desktop.store.models import Case, Partner, Session
from clarity_desktop.store.uow import UnitOfWork


@dataclass(frozen=True)
class DeskSession:
    session_id: int
    case_id: int
    client_name: str  # the case's name ("Rivera & Quinn")
    case_kind: CaseKind
    clinicians: tuple[str, ...]  # whom the case is assigned to
    starts_at: datetime  # local wall-clock time
    duration_minutes: int
    modality: Modality
    attending: str | None  # the one partner who comes; None: the case as a whole
    status: SessionStatus
    ask_first: bool  # the case's safety flag, without its reason

    @property
    def ends_at(self) -> datetime:
        return self.starts_at + timedelta(minutes=self.duration_minutes)


@dataclass(frozen=True)
class DeskSchedule:
    first: date
    days: int
    sessions: tuple[DeskSession, ...]  # in time order

    def on(self, day: date) -> tuple[DeskSession, ...]:
        return tuple(s for s in self.sessions if s.starts_at.date() == day)


@dataclass(frozen=True)
class ContactPerson:
    partner_id: int
    name: str
    pronouns: str
    phone: str
    email: str
    language: Language  # the language they are written to in


@dataclass(frozen=True)
class DeskContact:
    case_id: int
    client_name: str
    case_kind: CaseKind
    status: CaseStatus
    clinicians: tuple[str, ...]
    people: tuple[ContactPerson, ...]  # in the case's order
    ask_first: bool


@dataclass(frozen=True)
class _Case:
    name: str
    kind: CaseKind
    status: CaseStatus
    flag: bool


def schedule(
    uow: UnitOfWork, first: date, days: int = 7, *, record_view: bool = True
) -> DeskSchedule:
    """Every session the signed-in person may see from *first* for *days* days, whoever
    the clinician. Looking is audited once; a refresh passes record_view=False."""
    require(uow.principal, Permission.READ_SCHEDULE)
    window = DayWindow(first, days)
    with uow.reading() as db:
        cases = _cases(db)
        people = _people(db)
        clinicians = uow.roster.case_clinicians(db) if uow.roster is not None else {}
        rows = db.execute(
            select(
                Session.id,
                Session.case_id,
                Session.starts_at,
                Session.duration_minutes,
                Session.modality,
                Session.attending_partner_id,
                Session.status,
            )
            .where(Session.starts_at >= window.start, Session.starts_at < window.end)
            .order_by(Session.starts_at, Session.id)
        ).all()
    names = {p.partner_id: p.name for group in people.values() for p in group}
    found = tuple(
        DeskSession(
            session_id=sid,
            case_id=cid,
            client_name=cases[cid].name,
            case_kind=cases[cid].kind,
            clinicians=clinicians.get(cid, ()),
            starts_at=starts,
            duration_minutes=minutes,
            modality=Modality(modality),
            attending=None if attending is None else names.get(attending),
            status=SessionStatus(status),
            ask_first=cases[cid].flag,
        )
        for sid, cid, starts, minutes, modality, attending, status in rows
        if cid in cases
    )
    if record_view:
        with uow:
            uow.audit(AuditAction.VIEWED, "practice", detail=f"schedule {first.isoformat()}")
            uow.commit()
    return DeskSchedule(first, days, found)


def contacts(uow: UnitOfWork, *, record_view: bool = True) -> tuple[DeskContact, ...]:
    """Every case the signed-in person may see, by name, with each person's contact
    details and the clinicians the case is assigned to."""
    require(uow.principal, Permission.READ_SCHEDULE)
    with uow.reading() as db:
        cases = _cases(db)
        people = _people(db)
        clinicians = uow.roster.case_clinicians(db) if uow.roster is not None else {}
    out = tuple(
        DeskContact(
            case_id=cid,
            client_name=c.name,
            case_kind=c.kind,
            status=c.status,
            clinicians=clinicians.get(cid, ()),
            people=tuple(people.get(cid, ())),
            ask_first=c.flag,
        )
        for cid, c in directory.sorted_by_name(sorted(cases.items()), lambda item: item[1].name)
    )
    if record_view:
        with uow:
            uow.audit(AuditAction.VIEWED, "practice", detail="contact details")
            uow.commit()
    return out


def _cases(db: DbSession) -> dict[int, _Case]:
    return {
        int(cid): _Case(str(name), CaseKind(kind), CaseStatus(status), bool(flag))
        for cid, name, kind, status, flag, _v in directory.reveal(
            db,
            db.execute(
                select(
                    Case.id,
                    Case.display_name,
                    Case.kind,
                    Case.status,
                    Case.safety_flag,
                    Case.row_version,
                )
            ).all(),
            "cases",
            0,
            5,
            {1: "display_name"},
        )
    }


def _people(db: DbSession) -> dict[int, list[ContactPerson]]:
    out: dict[int, list[ContactPerson]] = {}
    found = db.execute(
        select(
            Partner.id,
            Partner.case_id,
            Partner.name,
            Partner.pronouns,
            Partner.phone,
            Partner.email,
            Partner.language,
            Partner.row_version,
        ).order_by(Partner.case_id, Partner.position)
    ).all()
    contacts = {2: "name", 3: "pronouns", 4: "phone", 5: "email"}
    for pid, cid, name, pronouns, phone, email, language, _v in directory.reveal(
        db, found, "partners", 0, 7, contacts
    ):
        person = ContactPerson(pid, name, pronouns, phone, email, Language(language))
        out.setdefault(int(cid), []).append(person)
    return out
