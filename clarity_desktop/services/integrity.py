"""Is every signed record as it was signed? Seals checked, records from before seals sealed.

`check` (services/practices.check_practice) calls verify_seals; unlocking calls
seal_legacy once per practice, so notes signed by an earlier version are sealed as they
stand at the first unlock (and their seal says so).
"""

from __future__ import annotations

import json

from sqlalchemy import Select, select
from sqlalchemy.orm import Session as DbSession
from sqlalchemy.orm import selectinload

from clarity_desktop.domain.errors import ErrorCode, Wording
from clarity_desktop.domain.supervision import ReviewState
from clarity_desktop.store import seals
from clarity_desktop.store.backend import OpenPractice
from clarity_desktop.store.models import (
    Addendum,
    AuditEvent,
    Case,
    MeasureResponse,
    Note,
    NoteGoal,
    NoteReview,
    SessionMarker,
    TreatmentPlan,
)
from clarity_desktop.store.models import Session as SessionRow


def _note_query() -> Select[Note]:
    return (
        select(Note)
        .where(Note.signed_at.is_not(None))
        .options(
            selectinload(Note.steps),
            selectinload(Note.partner_steps),
            selectinload(Note.partner_readings),
            selectinload(Note.couple_reading),
            selectinload(Note.session).selectinload(SessionRow.case),
        )
        .order_by(Note.id)
    )


def _latest_seals(rows: list[AuditEvent]) -> dict[tuple[str, int], seals.SealRow]:
    out: dict[tuple[str, int], seals.SealRow] = {}
    for r in rows:  # in id order: a later seal of the same record replaces an earlier one
        if r.entity_id is not None:
            out[(r.entity, r.entity_id)] = seals.SealRow(r.entity, r.entity_id, r.detail)
    return out


PLAN = "treatment_plan"  # the seal's entity for a version of a treatment plan
COSIGNATURE = "note_cosign"  # a supervisor's co-signature (services/supervision.py)
CHUNK = 2000  # notes per transaction when sealing many


def seal_unsealed(opened: OpenPractice, *, legacy: bool = True) -> int:
    """Seal, as they stand now, the signed notes and addenda that have no seal, a chunk
    of notes per transaction. Returns how many were sealed. *legacy* marks seals made
    after the fact (records signed by a version before seals)."""
    if opened.signer is None:
        return 0
    with opened.uow().reading() as s:
        sealed = {
            (str(entity), entity_id)
            for entity, entity_id in s.execute(
                select(AuditEvent.entity, AuditEvent.entity_id).where(
                    AuditEvent.action == seals.SEALED
                )
            )
        }
        note_ids = [
            i
            for i in s.scalars(select(Note.id).where(Note.signed_at.is_not(None)).order_by(Note.id))
            if ("note", i) not in sealed
        ]
        addendum_ids = [
            i
            for i in s.scalars(select(Addendum.id).order_by(Addendum.id))
            if ("addendum", i) not in sealed
        ]
    for start in range(0, len(note_ids), CHUNK):
        chunk = note_ids[start : start + CHUNK]
        with opened.uow() as uow:
            for note in uow.session.scalars(_note_query().where(Note.id.in_(chunk))):
                content = seals.note_content(note)
                uow.seal("note", note.id, note.session.case_id, content, legacy=legacy)
            uow.commit()
    for start in range(0, len(addendum_ids), CHUNK):
        chunk = addendum_ids[start : start + CHUNK]
        with opened.uow() as uow:
            for a in uow.session.scalars(select(Addendum).where(Addendum.id.in_(chunk))):
                uow.seal("addendum", a.id, None, seals.addendum_content(a), legacy=legacy)
            uow.commit()
    opened.backend.mark_legacy_sealed(opened)
    return len(note_ids) + len(addendum_ids)


def verify_seals(opened: OpenPractice) -> list[Wording]:
    """The problems, as codes the window says in the user's language (str() is English): a
    signed note, addendum or treatment plan changed after signing, a seal that is not genuine, a signed
    record without a seal, a sealed record gone."""
    trusted = opened.backend.trusted_keys(opened)
    with opened.uow().reading() as s:
        return seal_problems(s, trusted)


def seal_problems(s: DbSession, trusted: set[str]) -> list[Wording]:
    """verify_seals over the records *s* sees, with *trusted* public keys: also run inside
    a transaction that has not committed yet (a practice moved onto a server is checked
    before it is kept)."""
    found: list[Wording] = []
    seal_rows = _latest_seals(
        list(
            s.scalars(
                select(AuditEvent).where(AuditEvent.action == seals.SEALED).order_by(AuditEvent.id)
            )
        )
    )
    notes = {n.id: n for n in s.scalars(_note_query())}
    marked: dict[int, list[SessionMarker]] = {}  # session id -> its markers, one query
    for m in s.scalars(select(SessionMarker)):
        marked.setdefault(m.session_id, []).append(m)
    linked: dict[int, list[NoteGoal]] = {}  # note id -> the plan goals it worked on
    for g in s.scalars(select(NoteGoal)):
        linked.setdefault(g.note_id, []).append(g)
    answered: dict[int, list[MeasureResponse]] = {}  # session id -> answer sets
    for r in s.scalars(select(MeasureResponse)):
        if r.session_id is not None:
            answered.setdefault(r.session_id, []).append(r)
    addenda = {a.id: a for a in s.scalars(select(Addendum))}
    plans = {
        p.id: p
        for p in s.scalars(select(TreatmentPlan).where(TreatmentPlan.signed_at.is_not(None)))
    }
    for (entity, entity_id), row in sorted(seal_rows.items()):
        if entity == "note":
            note = notes.get(entity_id)
            content = (
                seals.note_content(
                    note,
                    marked.get(note.session_id, []),
                    linked.get(note.id, []),
                    answered.get(note.session_id, []),
                )
                if note is not None
                else None
            )
            what = _describe_note(note, entity_id)
        elif entity == COSIGNATURE:  # a supervisor's seal over the note as signed
            note = notes.get(entity_id)
            content = (
                seals.note_content(
                    note,
                    marked.get(note.session_id, []),
                    linked.get(note.id, []),
                    answered.get(note.session_id, []),
                )
                if note is not None
                else None
            )
            what = Wording(ErrorCode.SEAL_COSIGNATURE, what=_describe_note(note, entity_id))
        elif entity == PLAN:
            plan = plans.get(entity_id)
            content = seals.plan_content(plan) if plan is not None else None
            what = _describe_plan(s, plan, entity_id)
        else:
            a = addenda.get(entity_id)
            content = seals.addendum_content(a) if a is not None else None
            what = (
                Wording(ErrorCode.SEAL_ADDENDUM_TO_NOTE, addendum=entity_id, note=a.note_id)
                if a is not None
                else Wording(ErrorCode.SEAL_ADDENDUM, addendum=entity_id)
            )
        if content is not None and seals.is_locked_content(content):
            continue  # text this reader holds no key for: not theirs to vouch for or doubt
        problem = seals.check_seal(row, content, trusted)
        if problem is not None:
            found.append(Wording(problem, what=what))
    for note_id, note in notes.items():
        if ("note", note_id) not in seal_rows:
            found.append(Wording(ErrorCode.SEAL_NOTE_UNSEALED, what=_describe_note(note, note_id)))
    for note_id in s.scalars(
        select(NoteReview.note_id).where(NoteReview.state == ReviewState.COSIGNED)
    ):
        if (COSIGNATURE, note_id) not in seal_rows:
            what = _describe_note(notes.get(note_id), note_id)
            found.append(Wording(ErrorCode.SEAL_COSIGN_UNSEALED, what=what))
    for plan_id, plan in plans.items():
        if (PLAN, plan_id) not in seal_rows:
            what = _describe_plan(s, plan, plan_id)
            found.append(Wording(ErrorCode.SEAL_NOTE_UNSEALED, what=what))
    for a_id, a in addenda.items():
        if ("addendum", a_id) not in seal_rows:
            addendum = Wording(ErrorCode.SEAL_ADDENDUM_TO_NOTE, addendum=a_id, note=a.note_id)
            found.append(Wording(ErrorCode.SEAL_ADDENDUM_UNSEALED, what=addendum))
    return found


def _describe_note(note: Note | None, note_id: int) -> Wording:
    """The note as a finding names it: its session's day (said in the user's language)
    and its case, when the note is still there."""
    if note is None:
        return Wording(ErrorCode.SEAL_NOTE, note=note_id)
    return Wording(
        ErrorCode.SEAL_NOTE_OF_SESSION,
        note=note_id,
        day=note.session.starts_at.date(),
        case=note.session.case.display_name,
    )


def _describe_plan(db: DbSession, plan: TreatmentPlan | None, plan_id: int) -> Wording:
    """A version of a treatment plan as a finding names it: its number and its case."""
    if plan is None:
        return Wording(ErrorCode.SEAL_PLAN, version=f"#{plan_id}", case="?")
    case = db.get(Case, plan.case_id)
    return Wording(
        ErrorCode.SEAL_PLAN, version=plan.version, case=case.display_name if case else "?"
    )


def legacy_count(opened: OpenPractice) -> int:
    """How many records were sealed at an upgrade rather than when they were signed."""
    with opened.uow().reading() as s:
        details = s.scalars(
            select(AuditEvent.detail).where(AuditEvent.action == seals.SEALED)
        ).all()
    return sum(1 for d in details if json.loads(d).get("legacy"))
