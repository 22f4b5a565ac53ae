"""What the case summary and the progress report say: the facts and sentences, apart from
their layout (summary.py lays them out on the page).

Privacy, decided here so that every part of the documents agrees:

- No note text: no note section or addendum reaches a SummaryDocument, and the free-text
  parts of readings (what set a loop off, a flooding note, what helped, a loop in the
  therapist's own words) are left out too; a loop in the therapist's words is counted.
- Readings from private sessions (an individual session in couples work is private by
  default) are left out unless the clinician includes them on purpose
  (``include_private_readings``): a case summary may be shown to the couple, and a
  direction or a step one partner voiced alone must not reach the other that way. Left
  out, the sessions still appear in the sessions table, marked "Private", with nothing
  recorded there. Included, every value from them says "individual session" and the
  charts draw them hollow.
- The safety note (which may describe violence a partner disclosed) is printed only when
  the clinician includes it (``include_safety_note``); otherwise the document says only
  that a safety flag is set.

:func:`contents_statement` says all of this on the page, built from the same fields, so
the statement is true of the document it sits in.

Non-directive by design: every sentence describes movement in the readings (through
domain/movement.py, the words the dashboard uses too) and none weighs staying against
leaving. There is no score, no verdict and no target.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from clarity_desktop.domain import movement
from clarity_desktop.domain.dynamics import Loop
from clarity_desktop.domain.languages import Language
from clarity_desktop.domain.steps import Direction, Step
from clarity_desktop.domain.timeline import INDIVIDUAL_SESSION, SessionPoint, Timeline
from clarity_desktop.reports.brief_facts import HandoutGiven, handout_line
from clarity_desktop.reports.clinician_words import ENGLISH, Words, sentence, words
from clarity_desktop.reports.progress_plan import MeasureTable, PlanInPeriod

PRIVATE = "Private"
OTHER_LOOP = "Other (in the therapist's words)"
NOT_SHOWN = "not shown (private)"
CLINICIANS_ONLY = "For clinicians – not for clients"


@dataclass(frozen=True)
class Period:
    """A date range, both ends included."""

    start: date
    end: date

    def __contains__(self, when: datetime | date) -> bool:
        value = when.date() if isinstance(when, datetime) else when
        return self.start <= value <= self.end

    @property
    def words(self) -> str:
        return self.said(ENGLISH)

    def said(self, w: Words) -> str:
        """4 Mar 2025 to 1 Apr 2025, in *w*'s language."""
        return w("{start} to {end}", start=w.day(self.start), end=w.day(self.end))


@dataclass(frozen=True)
class PartnerRow:
    partner_id: int
    name: str
    pronouns: str = ""


@dataclass(frozen=True)
class SessionRow:
    """One line of the sessions table. *note* is "Signed", "Draft", "Booked" (a future
    session whose note is not written yet) or "No note"."""

    session_id: int
    starts_at: datetime  # local wall-clock time, as the session was booked
    attendance: str  # "Joint" or the attending partner's name
    modality: str
    steps: tuple[Step, ...]  # the steps the note is tagged with
    note: str
    private: bool


@dataclass(frozen=True)
class SummaryDocument:
    """Everything a case summary or progress report may show. *sessions* and *timeline*
    hold only the sessions in *period* (all of them when *period* is None), oldest
    first. Nothing here carries note text. What is printed of the timeline is
    :attr:`shown`: private sessions' readings only when *include_private_readings*."""

    clinician: str
    case_id: int
    case_name: str
    case_kind: str  # "Couple" / "Individual"
    relationship_structure: str
    status: str  # "Active" / "Closed"
    opened_on: date
    closed_on: date | None
    safety_flag: bool
    safety_note: str
    partners: tuple[PartnerRow, ...]
    sessions: tuple[SessionRow, ...]
    timeline: Timeline
    period: Period | None = None
    printed_at: datetime | None = None
    include_private_readings: bool = False
    include_safety_note: bool = False
    handouts: tuple[HandoutGiven, ...] = ()  # recorded as given, in *period*; newest first
    language: Language = Language.EN  # the program's words; the clinician's pass through
    # The progress report's goals and check-in scores (progress_plan.py); None and () in
    # the case summary.
    plan: PlanInPeriod | None = None
    measures: tuple[MeasureTable, ...] = ()

    @property
    def words(self) -> Words:
        return words(self.language)

    @property
    def couple(self) -> bool:
        return len(self.partners) >= 2

    @property
    def kind_title(self) -> str:
        return self.words("Progress report" if self.period is not None else "Case summary")

    @property
    def shown(self) -> Timeline:
        """The readings this document prints."""
        if self.include_private_readings:
            return self.timeline
        return self.timeline.shareable()

    @property
    def private_left_out(self) -> int:
        """Private sessions whose steps or readings this document leaves out."""
        return 0 if self.include_private_readings else self.timeline.private_sessions_with_readings

    @property
    def safety_note_printed(self) -> bool:
        return self.safety_flag and self.include_safety_note and bool(self.safety_note.strip())


def in_period(timeline: Timeline, period: Period) -> Timeline:
    """The timeline with only the sessions in *period*."""
    return Timeline(
        case_id=timeline.case_id,
        partner_ids=timeline.partner_ids,
        partner_names=timeline.partner_names,
        safety_flag=timeline.safety_flag,
        points=tuple(p for p in timeline.points if p.starts_at in period),
    )


def document_title(doc: SummaryDocument) -> str:
    title = f"{doc.kind_title} — {doc.case_name}"
    return f"{title} — {doc.period.said(doc.words)}" if doc.period is not None else title


# -- what the document holds ------------------------------------------------------------


def safety_line(doc: SummaryDocument) -> str:
    w = doc.words
    if not doc.safety_flag:
        return w("No safety flag.")
    if doc.safety_note_printed:
        return w("Safety flag set. Safety note: {note}", note=doc.safety_note.strip())
    if doc.safety_note.strip():
        return w("Safety flag set. The safety note is not included in this document.")
    return w("Safety flag set.")


def contents_statement(doc: SummaryDocument) -> str:
    """One paragraph saying what the document holds and leaves out; true of *doc*."""
    w = doc.words
    parts = [
        w(
            "This document shows the case's structure and its recorded readings. It prints "
            "no text from session notes and no free text from readings."
        )
    ]
    if doc.safety_note_printed:
        parts.append(w("The safety note is included above, as the clinician chose."))
    elif doc.safety_flag and doc.safety_note.strip():
        parts.append(w("The safety note is left out."))
    private_rows = sum(1 for r in doc.sessions if r.private)
    if doc.include_private_readings and any(p.private for p in doc.timeline.points):
        parts.append(
            w(
                "Readings from private individual sessions are included, as the clinician "
                "chose, each marked “{mark}” and drawn hollow in the charts.",
                mark=w(INDIVIDUAL_SESSION),
            )
        )
    elif doc.private_left_out:
        parts.append(
            w.count(
                doc.private_left_out,
                "Steps and readings from {n} private individual session are left out; "
                "those sessions are listed, marked “{mark}”.",
                "Steps and readings from {n} private individual sessions are left out; "
                "those sessions are listed, marked “{mark}”.",
                mark=w(PRIVATE),
            )
        )
    elif private_rows:
        parts.append(w("Sessions with a private note are marked “{mark}”.", mark=w(PRIVATE)))
    return " ".join(parts)


# -- facts ------------------------------------------------------------------------------


def _points(doc: SummaryDocument) -> list[SessionPoint]:
    return sorted(doc.shown.points, key=lambda p: p.starts_at)


def _marked(when: datetime, point: SessionPoint, w: Words = ENGLISH) -> str:
    mark = point.privacy_mark
    return f"{w.day(when)}, {w(mark)}" if mark else w.day(when)


def latest_directions(doc: SummaryDocument) -> dict[int, tuple[Direction, str]]:
    """Each partner's most recent recorded direction and when (marked when private)."""
    out: dict[int, tuple[Direction, str]] = {}
    for p in _points(doc):
        for pid, reading in p.partners.items():
            if reading.direction is not None:
                out[pid] = (reading.direction, _marked(p.starts_at, p, doc.words))
    return out


def latest_steps(doc: SummaryDocument) -> dict[int, tuple[Step, str]]:
    """Each partner's most recent recorded step and when (marked when private)."""
    out: dict[int, tuple[Step, str]] = {}
    for p in _points(doc):
        for pid, step in p.steps.items():
            out[pid] = (step, _marked(p.starts_at, p, doc.words))
    return out


@dataclass(frozen=True)
class LoopCount:
    title: str
    sessions: int
    first: datetime
    last: datetime


def loop_counts(doc: SummaryDocument) -> list[LoopCount]:
    """How many sessions recorded each loop, most frequent first (ties in the list's
    order); a loop in the therapist's own words is counted under one heading."""
    seen: dict[str, list[datetime]] = {}
    order = {loop.title: i for i, loop in enumerate(Loop)}
    order[OTHER_LOOP] = len(order)
    for p in _points(doc):
        if p.couple is None:
            continue
        titles = [loop.title for loop in p.couple.loops]
        if p.couple.loop_other.strip():
            titles.append(OTHER_LOOP)
        for title in titles:
            seen.setdefault(title, []).append(p.starts_at)
    counts = [LoopCount(t, len(ws), min(ws), max(ws)) for t, ws in seen.items()]
    return sorted(counts, key=lambda c: (-c.sessions, order[c.title]))


def session_steps(doc: SummaryDocument, row: SessionRow) -> str:
    """The sessions table's "steps worked on" cell: a private note's tags only when the
    clinician includes private sessions' readings."""
    w = doc.words
    if row.private and not doc.include_private_readings:
        return w(NOT_SHOWN) if row.steps else "—"
    return "; ".join(w.step(s) for s in row.steps) if row.steps else "—"


def step_tag_counts(doc: SummaryDocument) -> list[tuple[Step, int]]:
    """Sessions tagged with each step, most frequent first, ties by step (private notes'
    tags only when the clinician includes them)."""
    rows = [r for r in doc.sessions if doc.include_private_readings or not r.private]
    counts = Counter(step for row in rows for step in set(row.steps))
    return sorted(counts.items(), key=lambda kv: (-kv[1], int(kv[0])))


def reading_facts(doc: SummaryDocument) -> list[str]:
    """Counts from the readings: flooding per partner, co-regulation, repairs."""
    points = _points(doc)
    facts = []
    parts = []
    tl, w = doc.shown, doc.words
    for pid, name in zip(tl.partner_ids, tl.partner_names, strict=False):
        floods = [p for p in points if (r := p.partners.get(pid)) is not None and r.flooded]
        alone = sum(1 for p in floods if p.private)
        text = w("{name} in {sessions}", name=name, sessions=_sessions(len(floods), w))
        if alone:
            text += f" ({w(INDIVIDUAL_SESSION)}: {alone})"
        parts.append(text)
    if parts:
        facts.append(w("Flooding recorded: {parts}.", parts="; ".join(parts)))
    asked = [
        p.couple.co_regulation for p in points if p.couple and p.couple.co_regulation is not None
    ]
    if asked:
        facts.append(
            w(
                "Co-regulation noted in {n} of the {sessions} that recorded whether it happened.",
                n=sum(1 for v in asked if v),
                sessions=_sessions(len(asked), w),
            )
        )
    attempts = [p.couple.repair_attempts for p in points if p.couple and p.couple.repair_attempts]
    landed = [p.couple.repairs_landed for p in points if p.couple and p.couple.repairs_landed]
    if attempts:
        facts.append(
            w(
                "Repair attempts recorded: {n}, of which {landed} landed, over {sessions}.",
                n=sum(attempts),
                landed=sum(landed),
                sessions=_sessions(len(attempts), w),
            )
        )
    return facts


def handouts_given(doc: SummaryDocument) -> list[str]:
    """The handouts recorded as given, one line each; those given at a private session
    (which step one partner was handed alone) only when private sessions are included."""
    return [
        handout_line(h, doc.words)
        for h in doc.handouts
        if doc.include_private_readings or not h.private
    ]


def _sessions(n: int, w: Words = ENGLISH) -> str:
    return w.count(n, "{n} session", "{n} sessions")


# -- what moved (the progress report) ----------------------------------------------------


def what_moved(doc: SummaryDocument) -> list[str]:
    """Plain sentences about the movement in the period's readings, for clinicians: for
    each measure the latest change first, then the trend over every reading in the
    period, in domain/movement.py's words (the dashboard's)."""
    tl, w = doc.shown, doc.words
    where = w("in this period")
    out: list[str] = []
    if doc.couple:
        out.append(sentence(w, movement.intensity_movement(tl, None), w("Loop intensity"), where))
        out.append(
            sentence(
                w,
                movement.distance_movement(tl, None),
                w("The distance between the partners on pursue/withdraw"),
                where,
            )
        )
    for pid, name in zip(tl.partner_ids, tl.partner_names, strict=False):
        subject = w("{name}'s clarity", name=name)
        out.append(sentence(w, movement.clarity_movement(tl, pid, None), subject, where))
    points = _points(doc)
    for pid, name in zip(tl.partner_ids, tl.partner_names, strict=False):
        steps = [(p, p.steps[pid]) for p in points if pid in p.steps]
        out.append(_step_sentence(name, steps, w))
    return out


def _step_sentence(name: str, steps: Sequence[tuple[SessionPoint, Step]], w: Words) -> str:
    if not steps:
        return w("{name}'s step: not recorded in this period.", name=name)
    (first_at, first), (last_at, last) = steps[0], steps[-1]
    start = _marked(first_at.starts_at, first_at, w)
    end = _marked(last_at.starts_at, last_at, w)
    said = {"name": name, "first": w.step(first), "start": start, "end": end}
    if len(steps) == 1:
        return w("{name}'s step: {first}, recorded once ({start}).", **said)
    if first is last:
        return w(
            "{name}'s step: {first} at the start of the period ({start}) and at its end ({end}).",
            **said,
        )
    return w(
        "{name}'s step: {first} at the start of the period ({start}), {last} at its end ({end}).",
        last=w.step(last),
        **said,
    )


TREND_NOTE = (
    "Each measure gives its latest reading against the one before, then its direction over "
    "all of the period's readings: a robust line (Theil–Sen) proposes it, and it is named "
    "only when the first and last readings and the latest change agree with it; otherwise "
    "it is called mixed. Less than one point of fitted change is described as level. "
    "Clarity is how clear a partner feels, whichever way it points. The trends describe "
    "movement only; they are not a judgement about staying or leaving."
)
