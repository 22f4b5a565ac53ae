"""A copy of a couple's records for one partner: what is withheld from it, and why.

A partner may ask for their own records. In couples work the record also holds what the
other partner said alone, which must not reach the partner who asks (DOMAIN.md: what one
partner says in an individual session never leaks into what the couple receives unless
the therapist chooses so). A copy for one partner therefore leaves out:

- every note marked private, except the requesting partner's own individual sessions:
  the other partner's individual sessions, and joint notes the clinician marked private.
  With each note goes everything kept with it: its sections, steps, where each partner
  stood, the readings taken in that session, its addenda and its PDF;
- the audit entries about those notes, and the details of every audit entry (a file
  name or a document's description can name the other partner or their documents);
- the other partner's contact details and date of birth;
- the case's safety screening (the flag and its note), which may rest on what either
  partner said alone.

The last three are listed in every copy for one partner, flagged or not, so the list of
what was withheld says nothing by itself about a safety concern. A note that is not
private (the clinician chose to share it) is released, whoever attended.

The rules are here, in one place; services/export.py applies them when it writes the ZIP
and the export dialog shows the same list before anything is written.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from clarity_desktop.domain.errors import ErrorCode, ValidationError
from clarity_desktop.domain.records import CaseKind
from clarity_desktop.services.dto import CaseDetail, PartnerView, SessionView

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@dataclass(frozen=True)
class Withheld:
    """One thing left out of a partner's copy, in words for the clinician and the client."""

    what: str
    why: str
    session_id: int | None = None
    note_id: int | None = None


@dataclass(frozen=True)
class ReleasePlan:
    """Who the copy is for, whose material is withheld, and the list of what and why."""

    partner: PartnerView
    others: tuple[PartnerView, ...]
    withheld: tuple[Withheld, ...]

    @property
    def withheld_notes(self) -> frozenset[int]:
        return frozenset(w.note_id for w in self.withheld if w.note_id is not None)


def _day(session: SessionView) -> str:
    when = session.starts_at
    return f"{when.day} {_MONTHS[when.month - 1]} {when.year}"


def note_reason(session: SessionView, partner_id: int, names: dict[int, str]) -> str | None:
    """Why *session*'s note is withheld from a copy for *partner_id*, or None to release
    it: a private note is released only to the partner whose individual session it was."""
    if session.note_id is None or not session.note_private:
        return None
    if session.attending_partner_id == partner_id:
        return None
    if session.attending_partner_id is None:
        return "the clinician marked this joint session's note private"
    other = names.get(session.attending_partner_id, "the other partner")
    return f"it is the private note of an individual session with {other}"


def plan(case: CaseDetail, partner_id: int) -> ReleasePlan:
    """What a copy of *case* for the partner *partner_id* leaves out."""
    partner = next((p for p in case.partners if p.id == partner_id), None)
    if partner is None:
        raise ValidationError(ErrorCode.PARTNER_NOT_IN_CASE, "for_partner")
    if case.kind is not CaseKind.COUPLE or len(case.partners) < 2:
        raise ValidationError(
            ErrorCode.COPY_ONE_PARTNER_COUPLE_CASES,
            "for_partner",
        )
    others = tuple(p for p in case.partners if p.id != partner_id)
    names = {p.id: p.name for p in case.partners}
    items: list[Withheld] = []
    for session in sorted(case.sessions, key=lambda s: (s.starts_at, s.id)):
        why = note_reason(session, partner_id, names)
        if why is None:
            continue
        kind = (
            "joint session"
            if session.attending_partner_id is None
            else f"individual session with {names.get(session.attending_partner_id, '?')}"
        )
        items.append(
            Withheld(
                what=f"The note of the {kind} on {_day(session)} (session {session.id}), with "
                "its readings, steps and addenda",
                why=why,
                session_id=session.id,
                note_id=session.note_id,
            )
        )
    if items:
        items.append(
            Withheld(
                what="The audit entries about the notes above",
                why="they belong with the notes withheld",
            )
        )
    for other in others:
        items.append(
            Withheld(
                what=f"{other.name}'s contact details and date of birth",
                why="they are another person's personal details",
            )
        )
    items += [
        Withheld(
            what="The case's safety screening (the flag and the clinician's note)",
            why="it may rest on what either partner said alone; it is left out of every "
            "copy for one partner",
        ),
        Withheld(
            what="The details column of the audit entries (file names, document descriptions)",
            why="a detail can name the other partner or their documents",
        ),
    ]
    return ReleasePlan(partner, others, tuple(items))


def restrict(
    payload: dict[str, Any], audit: list[tuple[Any, ...]], release: ReleasePlan
) -> tuple[dict[str, Any], list[tuple[Any, ...]]]:
    """case.json's *payload* and the *audit* rows with everything *release* withholds
    taken out, the counts recomputed and a "release" section added (see export.py)."""
    withheld = release.withheld_notes
    reasons = {w.note_id: w.why for w in release.withheld if w.note_id is not None}
    others = {p.id for p in release.others}
    out = dict(payload)
    out["case"] = {**payload["case"], "safety_flag": None, "safety_note": ""}
    out["partners"] = [
        {**p, "email": "", "phone": "", "date_of_birth": None} if p["id"] in others else p
        for p in payload["partners"]
    ]
    sessions = []
    for s in payload["sessions"]:
        note = s["note"]
        if note is not None and note["id"] in withheld:
            sessions.append({**s, "note": None, "note_withheld": reasons[note["id"]]})
        else:
            sessions.append(s)
    out["sessions"] = sessions
    rows = [
        (*row[:6], "")
        for row in audit
        if not (row[4] == "note" and row[5] in withheld)  # (id, at, actor, action, entity, id)
    ]
    notes = [s["note"] for s in sessions if s["note"] is not None]
    out["counts"] = {
        "sessions": len(sessions),
        "notes": len(notes),
        "signed_notes": sum(1 for n in notes if n["status"] == "signed"),
        "private_notes": sum(1 for n in notes if n["private"]),
        "addenda": sum(len(n["addenda"]) for n in notes),
        "partner_readings": sum(len(n["partner_readings"]) for n in notes),
        "couple_readings": sum(1 for n in notes if n["couple_reading"]),
        "audit_entries": len(rows),
    }
    out["release"] = {
        "for_partner": {"id": release.partner.id, "name": release.partner.name},
        "withheld": [
            {"what": w.what, "why": w.why, "session_id": w.session_id, "note_id": w.note_id}
            for w in release.withheld
        ],
    }
    return out, rows


def readme_lines(release: ReleasePlan) -> list[str]:
    """The README.txt section of a copy for one partner: for whom, and what was left out."""
    lines = [
        f"This copy of the records was prepared for {release.partner.name} alone.",
        "Parts of the record that belong to someone else were left out. Each is listed",
        "here with the reason:",
        "",
    ]
    for item in release.withheld:
        lines += [f"  - {item.what}:", f"      withheld because {item.why}."]
    lines += [
        "",
        "Notes of joint sessions are included whole. Deciding what to release remains the",
        "clinician's decision; review the files before giving them out.",
    ]
    return lines
