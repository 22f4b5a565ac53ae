"""Seals: what was signed, digested and signed with the clinician's Ed25519 key.

At signing, the canonical content of the note (sections, step tags, partner steps,
readings, the session's facts, the signature line) is digested and the digest signed;
each addendum likewise when it is added. The seal is an audit row (action "sealed") in the
same transaction, so it sits in the hash chain too. `check` recomputes every digest from
the rows as they are now and verifies every seal.

Whoever holds the database key can drop a trigger and edit a row, and can even rebuild the
audit chain; what they cannot do without the clinician's passphrase is sign a new digest,
because the signing key's seed is wrapped by that passphrase in the key file (store/keys.py).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from sqlalchemy import select
from sqlalchemy.orm import object_session

from clarity_desktop.domain.audit_actions import AuditAction
from clarity_desktop.domain.error_codes import ErrorCode
from clarity_desktop.domain.locked_text import holds_locked
from clarity_desktop.store.models import (
    Addendum,
    MeasureResponse,
    Note,
    NoteGoal,
    PlanConcern,
    PlanGoal,
    PlanObjective,
    SessionMarker,
    TreatmentPlan,
)

SEALED = AuditAction.SEALED
# Seal formats. 1: entity, id and digest signed (before revision 0008). 2: the signing
# user's id is signed too, so a seal names who signed and cannot be moved to another user.
VERSION = 2


def public_hex(key: Ed25519PrivateKey) -> str:
    return key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw).hex()


def signer_from_seed(seed: bytes) -> Ed25519PrivateKey:
    return Ed25519PrivateKey.from_private_bytes(seed)


def _iso(value: datetime | None) -> str | None:
    # UTC columns as their stored naive text (what seals have always digested); a
    # session's start is a wall-clock time, stored and digested without a zone
    return None if value is None else value.replace(tzinfo=None).isoformat()


def _value(member: Enum | None) -> str | None:
    """An enum as the text the database holds: what the seal has always digested."""
    return None if member is None else str(member.value)


def marker_content(markers: Iterable[SessionMarker]) -> list[dict[str, Any]]:
    """The markers tapped in the session, as a seal holds them."""
    return [
        {
            "id": m.id,
            "at": _iso(m.at),
            "kind": m.kind.value,
            "partner": m.partner_id,
            "other_partner": m.other_partner_id,
            "landed": m.landed,
            "text": m.text,
        }
        for m in sorted(markers, key=lambda m: m.id)
    ]


def goal_link_content(links: Iterable[NoteGoal]) -> list[list[Any]]:
    """The plan goals a note worked on, with their marks, as a seal holds them."""
    return sorted([g.goal_key, g.progress, g.comment] for g in links)


def answer_content(answer_sets: Iterable[MeasureResponse]) -> list[list[Any]]:
    """The measures the partners answered for a session, as its note's seal holds them."""
    return sorted(
        [
            r.partner_id,
            r.instrument,
            r.instrument_version,
            _day(r.answered_on),
            r.source,
            json.dumps(r.answers, sort_keys=True),
        ]
        for r in answer_sets
    )


def note_content(
    note: Note,
    markers: Sequence[SessionMarker] | None = None,
    goals: Sequence[NoteGoal] | None = None,
    answers: Sequence[MeasureResponse] | None = None,
) -> dict[str, Any]:
    """Everything a signature on *note* vouches for. Load the note with its session, tags,
    partner steps and readings. The session's markers (session mode), the plan goals the
    note worked on and the measures answered at the session are sealed with it when there
    are any; *markers*, *goals* or *answers* None reads them through the note's own session.
    A note without any of them digests exactly as before they existed, so older seals hold."""
    content = _note_content(note)
    db = object_session(note)
    if markers is None:
        markers = (
            db.scalars(
                select(SessionMarker).where(SessionMarker.session_id == note.session_id)
            ).all()
            if db is not None
            else []
        )
    if markers:
        content["markers"] = marker_content(markers)
    if goals is None:
        goals = (
            db.scalars(select(NoteGoal).where(NoteGoal.note_id == note.id)).all()
            if db is not None
            else []
        )
    if goals:
        content["goals"] = goal_link_content(goals)
    if answers is None:
        answers = (
            db.scalars(
                select(MeasureResponse).where(MeasureResponse.session_id == note.session_id)
            ).all()
            if db is not None
            else []
        )
    if answers:
        content["answers"] = answer_content(answers)
    return content


def _day(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def plan_content(plan: TreatmentPlan) -> dict[str, Any]:
    """Everything a signature on a version of the treatment plan vouches for: its dates,
    interventions and agreement, the concerns, the goals (with their keys) and objectives,
    and the signature line."""
    db = object_session(plan)
    assert db is not None, "a plan is sealed from an open session"
    concerns = db.scalars(select(PlanConcern).where(PlanConcern.plan_id == plan.id)).all()
    goals = db.scalars(select(PlanGoal).where(PlanGoal.plan_id == plan.id)).all()
    objectives: dict[int, list[PlanObjective]] = {}
    if goals:
        for o in db.scalars(
            select(PlanObjective).where(PlanObjective.goal_id.in_([g.id for g in goals]))
        ):
            objectives.setdefault(o.goal_id, []).append(o)
    return {
        "plan": plan.id,
        "case": plan.case_id,
        "version": plan.version,
        "review_on": _day(plan.review_on),
        "interventions": [str(i) for i in plan.interventions or []],
        "agreement": plan.agreement,
        "agreement_review_on": _day(plan.agreement_review_on),
        "signed_at": _iso(plan.signed_at),
        "signed_by": plan.signed_by,
        "concerns": sorted([c.partner_id or 0, c.position, c.text] for c in concerns),
        "goals": sorted(
            (
                {
                    "key": g.goal_key,
                    "partner": g.partner_id,
                    "position": g.position,
                    "text": g.text,
                    "objectives": sorted(
                        [o.position, o.text, _day(o.target_on)] for o in objectives.get(g.id, [])
                    ),
                }
                for g in goals
            ),
            key=lambda g: (g["position"], g["key"]),
        ),
    }


def _note_content(note: Note) -> dict[str, Any]:
    s = note.session
    couple = note.couple_reading
    return {
        "note": note.id,
        "session": {
            "id": s.id,
            "case": s.case_id,
            "starts_at": _iso(s.starts_at),
            "minutes": s.duration_minutes,
            "modality": s.modality.value,
            "attending": s.attending_partner_id,
        },
        "template": note.template.value,
        "sections": dict(note.sections or {}),
        "private": bool(note.private),
        "signed_at": _iso(note.signed_at),
        "signed_by": note.signed_by,
        "steps": sorted(t.step for t in note.steps),
        "partner_steps": sorted([p.partner_id, p.step] for p in note.partner_steps),
        "partner_readings": [
            {
                "partner": r.partner_id,
                "position": r.position,
                "stance": r.stance,
                "clarity": r.clarity,
                "flooded": bool(r.flooded),
                "flooding_note": r.flooding_note,
                "direction": _value(r.direction),
            }
            for r in sorted(note.partner_readings, key=lambda r: r.partner_id)
        ],
        "couple_reading": None
        if couple is None
        else {
            "loops": sorted(couple.loops or []),
            "loop_other": couple.loop_other,
            "intensity": couple.intensity,
            "trigger": couple.trigger,
            "co_regulation": couple.co_regulation,
            "co_regulation_note": couple.co_regulation_note,
            "repair_attempts": couple.repair_attempts,
            "repairs_landed": couple.repairs_landed,
        },
    }


def addendum_content(a: Addendum) -> dict[str, Any]:
    return {
        "addendum": a.id,
        "note": a.note_id,
        "created_at": _iso(a.created_at),
        "author": a.author,
        "body": a.body,
    }


def is_locked_content(content: dict[str, Any]) -> bool:
    """Whether *content* holds text this reader cannot open (domain/locked_text.py): such a
    record is neither sealed (a seal would vouch for the stand-in) nor checked (its seal
    vouches for text this program cannot see, so it can neither hold nor fail here)."""
    return holds_locked(content)


def digest(content: dict[str, Any]) -> str:
    canonical = json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def _message(entity: str, entity_id: int, digest_hex: str, user_id: int | None = None) -> bytes:
    """What is signed: format 1 without a user (seals before revision 0008), 2 with one."""
    if user_id is None:
        return f"clarity-seal-v1|{entity}|{entity_id}|{digest_hex}".encode("ascii")
    return f"clarity-seal-v2|{int(user_id)}|{entity}|{entity_id}|{digest_hex}".encode("ascii")


def seal_detail(
    signer: Ed25519PrivateKey,
    entity: str,
    entity_id: int,
    content: dict[str, Any],
    *,
    legacy: bool,
    user_id: int,
) -> str:
    """The audit row's detail for a seal: digest, the signing user and their public key,
    signature (and whether the record was signed before seals existed, so was sealed
    later as it then stood)."""
    d = digest(content)
    body: dict[str, Any] = {
        "v": VERSION,
        "digest": d,
        "user": user_id,
        "key": public_hex(signer),
        "sig": signer.sign(_message(entity, entity_id, d, user_id)).hex(),
    }
    if legacy:
        body["legacy"] = True
    return json.dumps(body, sort_keys=True)


def vouch(signer: Ed25519PrivateKey, former_public: str) -> str:
    """The current signer's word that *former_public* was this practice's earlier key."""
    return signer.sign(f"clarity-former-signer|{former_public}".encode("ascii")).hex()


def trusted_keys(current_public: str, former: Iterable[dict[str, str]]) -> set[str]:
    keys = {current_public} if current_public else set()
    if not current_public:
        return keys
    current = Ed25519PublicKey.from_public_bytes(bytes.fromhex(current_public))
    for f in former:
        try:
            current.verify(
                bytes.fromhex(f["vouch"]), f"clarity-former-signer|{f['public']}".encode("ascii")
            )
        except (InvalidSignature, ValueError, KeyError):
            continue
        keys.add(f["public"])
    return keys


@dataclass(frozen=True)
class SealRow:
    entity: str
    entity_id: int
    detail: str


def check_seal(row: SealRow, content: dict[str, Any] | None, trusted: set[str]) -> ErrorCode | None:
    """None when the seal holds for *content* (None: the record is gone); else the code of
    the reason (its sentence takes the record as {what})."""
    try:
        body = json.loads(row.detail)
        key_hex, sig_hex, d = str(body["key"]), str(body["sig"]), str(body["digest"])
        user = None if body.get("v", 1) == 1 else int(body["user"])
        public = Ed25519PublicKey.from_public_bytes(bytes.fromhex(key_hex))
        public.verify(bytes.fromhex(sig_hex), _message(row.entity, row.entity_id, d, user))
    except (ValueError, KeyError, TypeError, InvalidSignature):
        return ErrorCode.SEAL_NOT_GENUINE
    if key_hex not in trusted:
        return ErrorCode.SEAL_KEY_UNKNOWN
    if content is None:
        return ErrorCode.SEAL_RECORD_GONE
    if digest(content) != d:
        return ErrorCode.SEAL_CHANGED
    return None
