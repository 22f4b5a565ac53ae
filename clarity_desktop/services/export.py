"""Exporting a whole case for a records request: one ZIP file.

The ZIP holds:

- ``README.txt``: what the files are, in plain words, and what to check before release.
- ``case.json``: everything in the case, documented below.
- ``notes/<YYYY-MM-DD>-session-<id>.pdf``: every session note with its addenda, as the
  program prints it (an unsigned note is marked DRAFT on every page).
- ``audit.csv``: the case's audit entries up to the export, oldest first.

Private notes are included. A records request is answered from the full record (the
full record is the legal record); the clinician decides what to release to whom, and
README.txt says so and lists the private notes. The ZIP itself is not encrypted.

A copy for one partner (*for_partner*) leaves out what belongs to the other partner
(their private notes with everything kept with them, their contact details, the safety
screening, the audit entries' details; services/release.py has the rules), lists what
was withheld and why in README.txt and under "release" in case.json, and marks each
session whose note was withheld with "note_withheld" (its reason) and "note": null.

Writing is atomic: the ZIP is built in a temporary file beside the target and renamed
into place, so a failure (or a progress callback that raises to cancel) never leaves a
partial export under the chosen name; the temporary file of an export that was killed
is removed at the program's next start, and an error names the chosen file, never the
temporary one (services/parts.py). One audit row ("exported", "case") is written in
the same step as the rename; the notes' PDFs are rendered from one consistent read of
the case, without one audit row per note.

case.json, format "clarity-desktop-case-export", version 1
----------------------------------------------------------
Plain JSON (UTF-8, names in any script as written). Dates are ``YYYY-MM-DD``. Times
ending in ``Z`` are UTC (when a thing was written, signed, exported). A session's
``starts_at`` is the local wall-clock time the therapist entered, ``YYYY-MM-DDTHH:MM``
without a zone. Absent values are ``null``; texts never are (``""``).

::

    {
      "format": "clarity-desktop-case-export",
      "format_version": 1,
      "exported_at": "2025-06-01T09:30:00Z",
      "exported_by": "Dana Reyes, LMFT",          # the signature of whoever exported
      "program": {"name": "Clarity Desktop", "version": "..."},
      "clinician": {"name": "...", "credentials": "...", "signature": "..."},
      "case": {
        "id": 7, "kind": "couple" | "individual", "display_name": "...",
        "relationship_structure": "...", "status": "active" | "closed",
        "opened_on": date, "closed_on": date | null,
        "safety_flag": bool, "safety_note": "...",
        "created_at": time, "updated_at": time
      },
      "partners": [
        {"id": 12, "position": 1, "name": "...", "pronouns": "...",
         "date_of_birth": date | null, "email": "...", "phone": "...",
         "language": "en" | "es"}
      ],
      "sessions": [                                # oldest first
        {
          "id": 40, "starts_at": "2025-03-04T10:00", "duration_minutes": 50,
          "modality": "in_person" | "telehealth",
          "attending_partner_id": null | 12,       # null: a joint session
          "attending": "Both partners" | "<name>",
          "created_at": time,
          "status": "scheduled" | "held" | "cancelled" | "late_cancelled" | "no_show",
          "status_reason": "...",                  # why it was cancelled, or the no-show
          "status_changed_at": time | null,
          "series_id": null | "...",               # sessions booked as one repeat series
          "note": null | {
            "id": 40, "template": "five_steps" | "dap" | "soap",
            "private": bool,                       # an individual session's private note
            "status": "signed" | "draft",
            "sections": [{"key": "focus", "title": "Focus of the session", "text": "..."}],
            "steps": [{"step": 3, "title": "Lean In"}],           # steps the session worked on
            "partner_steps": [{"partner_id": 12, "partner": "...", "step": 3, "title": "..."}],
            "partner_readings": [
              {"partner_id": 12, "partner": "...",
               "position": -3..3 | null,           # withdraw (-) .. pursue (+)
               "stance": 0..10 | null,             # leaning to leave (0) .. to stay (10)
               "clarity": 0..10 | null, "flooded": bool, "flooding_note": "...",
               "direction": "repair" | "redefinition" | "letting_go" | "not_yet_clear" | null}
            ],
            "couple_reading": null | {
              "loops": ["pursue_withdraw", ...], "loop_other": "...",
              "intensity": 0..10 | null, "trigger": "...",
              "co_regulation": bool | null, "co_regulation_note": "...",
              "repair_attempts": int | null, "repairs_landed": int | null
            },
            "created_at": time, "updated_at": time,
            "signed_at": time | null, "signed_by": "..." | null,
            "addenda": [{"id": 3, "created_at": time, "author": "...", "body": "..."}],
            "markers": [                           # tapped in session mode, oldest first
              {"id": 5, "at": time, "kind": "loop_episode" | "flooding" | "co_regulation"
               | "repair_attempt" | "quote", "partner_id": null | 12,
               "other_partner_id": null | 13,      # who withdrew, in a loop episode
               "landed": bool | null, "text": "..."}  # a repair's outcome; a quote
            ],
            "pdf": "notes/2025-03-04-session-40.pdf" | null
          }
        }
      ],
      "counts": {"sessions": n, "notes": n, "signed_notes": n, "private_notes": n,
                 "addenda": n, "partner_readings": n, "couple_readings": n,
                 "audit_entries": n},
      "release": {                                 # only in a copy for one partner
        "for_partner": {"id": 12, "name": "..."},
        "withheld": [{"what": "...", "why": "...", "session_id": 41 | null,
                      "note_id": 41 | null}]
      }
    }

A later format adds fields and raises ``format_version`` only when a field changes
meaning; readers should ignore fields they do not know.

audit.csv columns: ``id, at_utc, actor, action, entity, entity_id, detail``. A text cell
that starts with = + - @ (or a tab or carriage return) has an apostrophe in front, so a
spreadsheet shows it as text instead of running it (domain/spreadsheet.py).
"""

from __future__ import annotations

import csv
import io
import json
import os
import zipfile
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session as DbSession
from sqlalchemy.orm import selectinload

from clarity_desktop import APP_NAME, __version__
from clarity_desktop.domain.audit_actions import AuditAction
from clarity_desktop.domain.clock import naive_utc
from clarity_desktop.domain.errors import ErrorCode, NotFound, ValidationError
from clarity_desktop.domain.locked_text import refuse_copy
from clarity_desktop.domain.progress import Progress
from clarity_desktop.domain.spreadsheet import safe_row
from clarity_desktop.domain.steps import Step
from clarity_desktop.domain.templates import ordered_sections
from clarity_desktop.reports import layout
from clarity_desktop.reports.note import build_note
from clarity_desktop.services import documents, parts, release, views
from clarity_desktop.services.dto import CaseDetail, NoteView
from clarity_desktop.services.permissions import Permission, require
from clarity_desktop.store.models import (
    AuditEvent,
    Case,
    Note,
    PracticeInfo,
    Session,
    SessionMarker,
)
from clarity_desktop.store.uow import UnitOfWork, utcnow

FORMAT = "clarity-desktop-case-export"
FORMAT_VERSION = 1
AUDIT_COLUMNS = ("id", "at_utc", "actor", "action", "entity", "entity_id", "detail")
AUDIT_DETAIL = "records export"


@dataclass(frozen=True)
class ExportSummary:
    path: Path
    case_id: int
    case_name: str
    sessions: int
    notes: int
    private_notes: int
    addenda: int
    pdfs: int
    audit_entries: int
    for_partner: str | None = None  # a copy for one partner: their name
    withheld: tuple[release.Withheld, ...] = ()  # what that copy left out, and why


@dataclass(frozen=True)
class _Snapshot:
    """Everything the ZIP needs, read in one transaction."""

    payload: dict[str, Any]
    detail: CaseDetail
    notes: list[tuple[NoteView, str]]  # each note with its PDF name
    audit: list[tuple[Any, ...]]
    release: release.ReleasePlan | None = None  # a copy for one partner


def _for_partner(snap: _Snapshot, partner_id: int) -> _Snapshot:
    """The snapshot as a copy for one partner: see services/release.py."""
    plan = release.plan(snap.detail, partner_id)
    payload, audit = release.restrict(snap.payload, snap.audit, plan)
    kept = [(view, name) for view, name in snap.notes if view.id not in plan.withheld_notes]
    return _Snapshot(payload, snap.detail, kept, audit, plan)


def utc_text(value: datetime | None) -> str | None:
    """A UTC time as ISO 8601 with Z."""
    return None if value is None else naive_utc(value).replace(microsecond=0).isoformat() + "Z"


def _day(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def pdf_name(session: Session) -> str:
    return f"notes/{session.starts_at:%Y-%m-%d}-session-{session.id}.pdf"


def _step(step: int) -> dict[str, Any]:
    return {"step": step, "title": Step(step).title}


def _marker_json(m: SessionMarker) -> dict[str, Any]:
    return {
        "id": m.id,
        "at": utc_text(m.at),
        "kind": m.kind.value,
        "partner_id": m.partner_id,
        "other_partner_id": m.other_partner_id,
        "landed": m.landed,
        "text": m.text,
    }


def _note_json(
    note: Note,
    names: dict[int, str],
    pdf: str | None,
    marks: list[SessionMarker] | None = None,
) -> dict[str, Any]:
    refuse_copy([note.sections or {}, *(a.body for a in note.addenda)])  # never the stand-in
    sections = ordered_sections(
        note.template, {str(k): str(v) for k, v in (note.sections or {}).items()}
    )
    couple = note.couple_reading
    return {
        "id": note.id,
        "template": note.template.value,
        "private": note.private,
        "status": "signed" if note.signed_at else "draft",
        "sections": [
            {"key": key, "title": title, "text": text}
            for key, title, text in sections
            if text.strip()
        ],
        "steps": [_step(t.step) for t in sorted(note.steps, key=lambda t: t.step)],
        "partner_steps": [
            {"partner_id": ps.partner_id, "partner": names.get(ps.partner_id, ""), **_step(ps.step)}
            for ps in sorted(note.partner_steps, key=lambda ps: ps.partner_id)
        ],
        "partner_readings": [
            {
                "partner_id": r.partner_id,
                "partner": names.get(r.partner_id, ""),
                "position": r.position,
                "stance": r.stance,
                "clarity": r.clarity,
                "flooded": bool(r.flooded),
                "flooding_note": r.flooding_note or "",
                "direction": r.direction.value if r.direction else None,
            }
            for r in sorted(note.partner_readings, key=lambda r: r.partner_id)
        ],
        "couple_reading": None
        if couple is None
        else {
            "loops": sorted(couple.loops or []),
            "loop_other": couple.loop_other or "",
            "intensity": couple.intensity,
            "trigger": couple.trigger or "",
            "co_regulation": couple.co_regulation,
            "co_regulation_note": couple.co_regulation_note or "",
            "repair_attempts": couple.repair_attempts,
            "repairs_landed": couple.repairs_landed,
        },
        "created_at": utc_text(note.created_at),
        "updated_at": utc_text(note.updated_at),
        "signed_at": utc_text(note.signed_at),
        "signed_by": note.signed_by,
        "addenda": [
            {"id": a.id, "created_at": utc_text(a.created_at), "author": a.author, "body": a.body}
            for a in sorted(note.addenda, key=lambda a: (a.created_at, a.id))
        ],
        # With the note, so a copy for one partner withholds them with it.
        "markers": [_marker_json(m) for m in marks or []],
        "pdf": pdf,
    }


def _snapshot(
    db: DbSession, actor: str, case_id: int, include_pdfs: bool, who: str = ""
) -> _Snapshot:
    case = db.execute(
        select(Case).where(Case.id == case_id).options(selectinload(Case.partners))
    ).scalar_one_or_none()
    if case is None:
        raise NotFound(ErrorCode.NO_SUCH_CASE, case_id=case_id)
    sessions = (
        db.execute(
            select(Session)
            .where(Session.case_id == case_id)
            .order_by(Session.starts_at, Session.id)
            .options(
                selectinload(Session.note).selectinload(Note.steps),
                selectinload(Session.note).selectinload(Note.partner_steps),
                selectinload(Session.note).selectinload(Note.partner_readings),
                selectinload(Session.note).selectinload(Note.couple_reading),
                selectinload(Session.note).selectinload(Note.addenda),
            )
        )
        .scalars()
        .all()
    )
    info = db.execute(select(PracticeInfo)).scalars().first()
    audit = [
        (e.id, utc_text(e.at), e.actor, e.action, e.entity, e.entity_id, e.detail)
        for e in db.execute(
            select(AuditEvent).where(AuditEvent.case_id == case_id).order_by(AuditEvent.id)
        ).scalars()
    ]
    names = {p.id: p.name for p in case.partners}
    marked: dict[int, list[SessionMarker]] = {}
    for m in db.execute(
        select(SessionMarker)
        .where(SessionMarker.session_id.in_([s.id for s in sessions]))
        .order_by(SessionMarker.at, SessionMarker.id)
    ).scalars():
        marked.setdefault(m.session_id, []).append(m)
    notes: list[tuple[NoteView, str]] = []
    session_items = []
    for s in sessions:
        note_json = None
        if s.note is not None:
            name = pdf_name(s)
            notes.append((views.note_view(s.note), name))
            note_json = _note_json(s.note, names, name if include_pdfs else None, marked.get(s.id))
        session_items.append(
            {
                "id": s.id,
                "starts_at": s.starts_at.isoformat(timespec="minutes"),
                "duration_minutes": s.duration_minutes,
                "modality": s.modality.value,
                "attending_partner_id": s.attending_partner_id,
                "attending": views.attending_label(case, s.attending_partner_id),
                "created_at": utc_text(s.created_at),
                "status": s.status.value,
                "status_reason": s.status_reason,
                "status_changed_at": utc_text(s.status_changed_at) if s.status_changed_at else None,
                "series_id": s.series_id,
                "note": note_json,
            }
        )
    all_notes = [s.note for s in sessions if s.note is not None]
    payload: dict[str, Any] = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "exported_at": utc_text(utcnow()),
        "exported_by": actor,
        "program": {"name": APP_NAME, "version": __version__},
        # Whoever exports: the practice's one clinician, or on a practice server the staff
        # member signed in (whose practice_info row names the practice, not a person).
        "clinician": {
            "name": who or (info.clinician_name if info else ""),
            "credentials": actor[len(who) + 2 :]
            if who and actor.startswith(f"{who}, ")
            else (info.clinician_credentials if info and not who else ""),
            "signature": actor,
        },
        "case": {
            "id": case.id,
            "kind": case.kind.value,
            "display_name": case.display_name,
            "relationship_structure": case.relationship_structure,
            "status": case.status.value,
            "opened_on": _day(case.opened_on),
            "closed_on": _day(case.closed_on),
            "safety_flag": case.safety_flag,
            "safety_note": case.safety_note,
            "created_at": utc_text(case.created_at),
            "updated_at": utc_text(case.updated_at),
        },
        "partners": [
            {
                "id": p.id,
                "position": p.position,
                "name": p.name,
                "pronouns": p.pronouns,
                "date_of_birth": _day(p.date_of_birth),
                "email": p.email,
                "phone": p.phone,
                "language": p.language,  # their handouts' language (en, es)
            }
            for p in case.partners
        ],
        "sessions": session_items,
        "counts": {
            "sessions": len(sessions),
            "notes": len(all_notes),
            "signed_notes": sum(1 for n in all_notes if n.signed_at),
            "private_notes": sum(1 for n in all_notes if n.private),
            "addenda": sum(len(n.addenda) for n in all_notes),
            "partner_readings": sum(len(n.partner_readings) for n in all_notes),
            "couple_readings": sum(1 for n in all_notes if n.couple_reading),
            "audit_entries": len(audit),
        },
    }
    detail = views.case_detail(db, case_id)
    return _Snapshot(payload, detail, notes, audit)


def _audit_csv(rows: list[tuple[Any, ...]]) -> str:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(AUDIT_COLUMNS)
    for row in rows:
        writer.writerow(safe_row(row))  # names typed by people never run as formulas
    return buffer.getvalue()


def _readme(snap: _Snapshot, include_pdfs: bool) -> str:
    case = snap.payload["case"]
    counts = snap.payload["counts"]
    exported = datetime.now(UTC).astimezone()
    private = [(view, name) for view, name in snap.notes if view.private]
    lines = [
        f"Records export from {APP_NAME}",
        "",
        f"Case: {case['display_name']} (case number {case['id']})",
        f"Exported: {exported:%d %B %Y, %H:%M %Z} by {snap.payload['exported_by']}",
        *(
            [f"A copy for: {snap.release.partner.name} (what was withheld is listed below)"]
            if snap.release is not None
            else []
        ),
        "",
        "What the files are",
        "",
        "case.json",
        "    The whole record of the case in a form other programs can read: the case",
        "    details, the clients, every session, every session note with its sections,",
        "    the steps of the five-step framework it worked on, where each partner stood,",
        "    the readings recorded for each partner and for the couple, signatures and",
        "    addenda (later corrections). Times ending in Z are UTC; the start of a",
        "    session is the local time the therapist entered.",
    ]
    if include_pdfs:
        lines += [
            "",
            "notes/",
            "    One PDF per session note, named by the session's date, with every addendum.",
            "    A note that was never signed is marked DRAFT on every page.",
        ]
    else:
        lines += ["", "The PDFs of the notes were left out of this export on request."]
    lines += [
        "",
        "audit.csv",
        "    Who viewed, changed, signed, printed or exported this case's records, and",
        "    when (UTC), up to this export. The export itself is logged in the practice.",
        "",
        "README.txt",
        "    This file.",
        "",
        f"In all: {_count(counts['sessions'], 'session')}, {_count(counts['notes'], 'note')} "
        f"({counts['signed_notes']} signed), "
        f"{_count(counts['addenda'], 'addendum', 'addenda')}, "
        f"{_count(counts['audit_entries'], 'audit entry', 'audit entries')}.",
        "",
        "Before releasing these records",
        "",
    ]
    if snap.release is not None:
        lines += release.readme_lines(snap.release)
    else:
        lines += [
            "This export is the full clinical record: the full record is the legal record.",
            "It includes notes marked private, such as notes of individual sessions in",
            "couples work that may hold what one partner said alone. Deciding what to",
            "release, and to whom, is the clinician's decision; review the files first.",
        ]
    if private:
        lines += ["", f"Private notes in this export ({len(private)}):"]
        lines += [
            f"    note {view.id}, session of {view.session_starts_at:%d %b %Y}"
            + (f" ({name})" if include_pdfs else "")
            for view, name in private
        ]
    else:
        lines += ["", "No note of this case is marked private."]
    lines += [
        "",
        "This ZIP file is not encrypted. Keep it somewhere safe and delete copies that",
        "are no longer needed.",
        "",
    ]
    return "\r\n".join(lines)


def _count(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else many or one + 's'}"


def _entry(name: str, when: datetime) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=when.timetuple()[:6])
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o600 << 16
    return info


def _check_target(out: Path) -> None:
    if out.is_dir():
        raise ValidationError(ErrorCode.EXPORT_TARGET_IS_FOLDER, "out", out=out)
    if not out.parent.is_dir():
        raise ValidationError(ErrorCode.FOLDER_DOES_NOT_EXIST, "out", parent=out.parent)


def export_case(
    uow: UnitOfWork,
    case_id: int,
    out_zip: Path,
    *,
    progress: Progress | None = None,
    include_pdfs: bool = True,
    page_size: str = "A4",
    for_partner: int | None = None,
) -> ExportSummary:
    """Write the case's records to *out_zip* (replacing it); with *for_partner*, a copy
    for that partner alone. See the module docstring."""
    out = Path(out_zip)
    _check_target(out)
    size = layout.page_size_name(page_size)
    require(uow.principal, Permission.READ_RECORDS, Permission.MAKE_DOCUMENTS)
    with uow.reading() as db:  # the record, in one read; its audit row, in one write
        snap = _snapshot(db, uow.actor, case_id, include_pdfs, uow.principal.display_name)
    if for_partner is not None:
        snap = _for_partner(snap, for_partner)
    refuse_copy([snap.payload])  # any text still locked for this reader: no export, in words
    when = datetime.now().astimezone()  # zip entries hold local wall-clock time
    with parts.writing(out) as tmp:  # a killed export's part goes at the next start
        with open(tmp, "wb") as handle:
            with zipfile.ZipFile(handle, "w") as zf:
                zf.writestr(_entry("README.txt", when), _readme(snap, include_pdfs))
                zf.writestr(
                    _entry("case.json", when),
                    json.dumps(snap.payload, ensure_ascii=False, indent=2) + "\n",
                )
                total = len(snap.notes)
                for done, (view, name) in enumerate(snap.notes, start=1):
                    if include_pdfs:
                        doc = documents.note_document(view, snap.detail, uow.actor)
                        pdf = build_note(doc, None, page_size=size)
                        assert pdf is not None  # no destination: the bytes come back
                        zf.writestr(_entry(name, when), pdf)
                    if progress is not None:
                        progress.report(done, total)  # notes; Cancelled stops it
                zf.writestr(_entry("audit.csv", when), _audit_csv(snap.audit))
            handle.flush()
            os.fsync(handle.fileno())
        with uow:
            uow.audit(AuditAction.EXPORTED, "case", case_id, case_id, detail=_audit_detail(snap))
            os.replace(tmp, out)
            try:
                uow.commit()
            except BaseException:
                out.unlink(missing_ok=True)  # never an export that the log does not show
                raise
    counts = snap.payload["counts"]
    return ExportSummary(
        path=out,
        case_id=case_id,
        case_name=snap.payload["case"]["display_name"],
        sessions=counts["sessions"],
        notes=counts["notes"],
        private_notes=counts["private_notes"],
        addenda=counts["addenda"],
        pdfs=len(snap.notes) if include_pdfs else 0,
        audit_entries=counts["audit_entries"],
        for_partner=snap.release.partner.name if snap.release else None,
        withheld=snap.release.withheld if snap.release else (),
    )


def _audit_detail(snap: _Snapshot) -> str:
    if snap.release is None:
        return AUDIT_DETAIL
    withheld = len(snap.release.withheld_notes)
    return (
        f"{AUDIT_DETAIL} for partner {snap.release.partner.id} alone, "
        f"{withheld} private note{'' if withheld == 1 else 's'} withheld"
    )
