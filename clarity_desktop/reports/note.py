"""The session note as a record copy: for the file, a records request or a referral.

It prints what the record holds and nothing it does not: sections in the template's
order, the step tags, where each partner stood, the readings saved with the note (locked
with it by the signature), the electronic signature and every addendum in the order
written. A note that is not signed is marked DRAFT on every page
(header and watermark) so an unsigned copy can never pass for the record; a signed note
carries no such word anywhere.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from reportlab.lib.colors import Color
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import HRFlowable, KeepTogether, Paragraph, Spacer, Table

from clarity_desktop.domain.dynamics import CoupleReading
from clarity_desktop.domain.languages import Language
from clarity_desktop.domain.progress import Progress
from clarity_desktop.domain.steps import Step
from clarity_desktop.domain.templates import Template, ordered_sections
from clarity_desktop.reports import layout, styles
from clarity_desktop.reports.clinician_words import Words, words
from clarity_desktop.reports.layout import Destination, PageSizeName
from clarity_desktop.reports.note_readings import PartnerReadingRow, readings_story
from clarity_desktop.reports.text import (
    FlowingText,
    LeadIn,
    markup,
    paragraphs,
)

DRAFT_MARK = "DRAFT — not signed"


@dataclass(frozen=True)
class PartnerStep:
    name: str
    step: Step


@dataclass(frozen=True)
class AddendumEntry:
    written_at: datetime  # local time; aware datetimes print their zone
    author: str
    body: str


@dataclass(frozen=True)
class NoteDocument:
    """Everything a printed note shows. Times are local (the services convert from UTC)."""

    clinician: str  # "Dana Reyes, LMFT"
    case_id: int
    case_name: str
    case_kind: str  # "Couple" / "Individual"
    relationship_structure: str
    session_starts_at: datetime
    duration_minutes: int | None
    modality: str  # "In person" / "Telehealth"
    attendance: str  # "Both partners (Zoë, Łukasz)" or one name
    private: bool
    template: Template
    sections: Mapping[str, str]
    steps: tuple[Step, ...] = ()
    partner_steps: tuple[PartnerStep, ...] = ()
    signed_by: str | None = None
    signed_at: datetime | None = None
    cosigned_by: str | None = None  # a supervisor's co-signature, after the signature
    cosigned_at: datetime | None = None
    last_saved: datetime | None = None
    addenda: tuple[AddendumEntry, ...] = ()
    printed_at: datetime | None = None
    extra: Mapping[str, str] = field(default_factory=dict)  # more label -> value rows
    partner_readings: tuple[PartnerReadingRow, ...] = ()  # attending partners, in order
    couple: CoupleReading | None = None  # the couple's loop (joint sessions)
    language: Language = Language.EN  # the words printed around what was written

    @property
    def words(self) -> Words:
        return words(self.language)

    @property
    def signed(self) -> bool:
        return self.signed_at is not None


def note_title(note: NoteDocument) -> str:
    w = note.words
    title = w(
        "Session note — {name} — {day}", name=note.case_name, day=w.day(note.session_starts_at)
    )
    return title if note.signed else f"{title} ({w('DRAFT')})"


def _details(note: NoteDocument) -> list[tuple[str, str]]:
    w = note.words
    case = w("{name} (case {id})", name=note.case_name, id=note.case_id)
    case = f"{case} · {w(note.case_kind)}"
    if note.relationship_structure:
        case = f"{case} · {w(note.relationship_structure)}"
    session = w.day_and_time(note.session_starts_at, weekday=True)
    if note.duration_minutes:
        session = f"{session} · {w('{n} minutes', n=note.duration_minutes)}"
    if note.modality:
        session = f"{session} · {w(note.modality)}"
    rows = [
        (w("Clinician"), note.clinician),
        (w("Case"), case),
        (w("Session"), session),
        (w("Attendance"), note.attendance),
    ]
    if note.private:
        rows.append((w("Privacy"), w("Private note (individual session)")))
    rows.append((w("Note template"), w(note.template.title)))
    steps = "; ".join(w.step(s) for s in note.steps) if note.steps else w("None tagged")
    rows.append((w("Steps worked on"), steps))
    rows.append(
        (
            w("Partners' steps"),
            "; ".join(f"{p.name}: {w.step(p.step)}" for p in note.partner_steps)
            if note.partner_steps
            else w("Not recorded"),
        )
    )
    rows.extend(note.extra.items())
    return rows


def note_story(note: NoteDocument) -> list[Any]:
    st, w = styles.clinician(), note.words
    story: list[Any] = [
        Paragraph(w("Session note"), st.title),
        Paragraph(markup(note.case_name), st.subtitle),
        Spacer(1, 8),
    ]
    rows = [
        [Paragraph(markup(label), st.label), Paragraph(markup(value), st.body)]
        for label, value in _details(note)
    ]
    table = Table(rows, colWidths=[44 * layout.MM, None], hAlign="LEFT")
    table.setStyle(
        layout.table_style(
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 6),
            ("TOPPADDING", (0, 0), (-1, -1), 1.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
        )
    )
    story += [table, Spacer(1, 6), HRFlowable(width="100%", thickness=0.5, color=Color(*_RULE))]

    written = [(t, text) for _k, t, text in ordered_sections(note.template, dict(note.sections))]
    written = [(t, text) for t, text in written if text.strip()]
    # Runs of flowables that must share a page: a heading with its section's first line,
    # and the signature with the note's last line. (KeepTogether cannot be nested.)
    runs: list[list[Any]] = []
    if not written:
        runs.append([Paragraph(w("Nothing has been written in this note."), st.quote)])
    for title, text in written:
        body = list(paragraphs(text, st.body))
        runs.append([Paragraph(markup(w(title)), st.heading), *body[:1]])
        runs.extend([line] for line in body[1:])
    if note.signed and note.signed_at is not None:
        who = note.signed_by or note.clinician
        when = w.day_and_time(note.signed_at, zone=True)
        signed = w("Signed electronically by {who} on {when}.", who=who, when=when)
        if note.cosigned_by and note.cosigned_at is not None:
            when = w.day_and_time(note.cosigned_at, zone=True)
            signed += " " + w("Co-signed by {who} on {when}.", who=note.cosigned_by, when=when)
        closing = Paragraph(markup(signed), st.label)
    else:
        saved = (
            w(" Last saved {when}.", when=w.day_and_time(note.last_saved, zone=True))
            if note.last_saved
            else ""
        )
        closing = Paragraph(markup(f"{w(DRAFT_MARK)}.{saved}"), _alert(st.label))
    # The readings are part of what the signature locks, so they stand with it.
    runs.append(readings_story(note.partner_readings, note.couple, signed=note.signed, w=w))
    runs[-1] += [Spacer(1, 12), closing]
    story.extend(_together(run) for run in runs)

    for number, addendum in enumerate(note.addenda, start=1):
        head = (
            f"{w('Addendum {n}', n=number)} · {w.day_and_time(addendum.written_at, zone=True)} · "
            f"{addendum.author}"
        )
        body = list(paragraphs(addendum.body, st.body))
        first = [Paragraph(w("Addenda"), st.heading)] if number == 1 else [Spacer(1, 8)]
        story.append(_together([*first, Paragraph(markup(head), st.label), *body[:1]]))
        story.extend(body[1:])
    return story


_RULE = (0.75, 0.76, 0.78)


def _together(run: list[Any]) -> Any:
    """Keep a heading with the first line of its text: a long paragraph (FlowingText)
    keeps just its first lines under the heading, so it does not jump a whole page."""
    if len(run) == 1:
        return run[0]
    if isinstance(run[-1], FlowingText):
        return LeadIn(run[:-1], run[-1])
    return KeepTogether(run)


def _alert(style: Any) -> Any:
    return ParagraphStyle("c-alert", style, textColor=Color(*layout.ALERT))


def build_note(
    note: NoteDocument,
    out: Destination = None,
    *,
    page_size: PageSizeName = "A4",
    password: str | None = None,
    progress: Progress | None = None,
) -> bytes | None:
    """Write the note's PDF to *out* (a path or binary file), or return its bytes."""
    w = note.words
    printed = (
        w(" · printed {when}", when=w.day_and_time(note.printed_at)) if note.printed_at else ""
    )
    footer = layout.fit_footer(
        w("Session note") + " · {name} · " + w.day(note.session_starts_at) + printed,
        note.case_name,
        page_size,
    )
    furniture = layout.Furniture(
        header_left=w("Confidential clinical record"),
        header_right=w("Session note") if note.signed else w(DRAFT_MARK),
        header_right_alert=not note.signed,
        footer_left=footer,
        watermark="" if note.signed else w("DRAFT"),
        page_label=w("Page {page} of {total}"),
    )
    return layout.finish(
        note_story(note),
        out,
        info=layout.DocumentInfo(
            title=note_title(note), author=note.clinician, subject=w("Session note")
        ),
        furniture=furniture,
        page_size=page_size,
        margins=layout.CLINICIAN_MARGINS,
        password=password,
        progress=progress,
    )
