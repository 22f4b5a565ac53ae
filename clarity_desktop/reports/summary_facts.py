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
from clarity_desktop.domain.steps import Direction, Step
from clarity_desktop.domain.timeline import INDIVIDUAL_SESSION, SessionPoint, Timeline
from clarity_desktop.reports.brief_facts import HandoutGiven, handout_line
from clarity_desktop.reports.text import day

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
        return f"{day(self.start)} to {day(self.end)}"


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

    @property
    def couple(self) -> bool:
        return len(self.partners) >= 2

    @property
    def kind_title(self) -> str:
        return "Progress report" if self.period is not None else "Case summary"

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
    return f"{title} — {doc.period.words}" if doc.period is not None else title


# -- what the document holds ------------------------------------------------------------


def safety_line(doc: SummaryDocument) -> str:
    if not doc.safety_flag:
        return "No safety flag."
    if doc.safety_note_printed:
        return f"Safety flag set. Safety note: {doc.safety_note.strip()}"
    if doc.safety_note.strip():
        return "Safety flag set. The safety note is not included in this document."
    return "Safety flag set."


def contents_statement(doc: SummaryDocument) -> str:
    """One paragraph saying what the document holds and leaves out; true of *doc*."""
    parts = [
        "This document shows the case's structure and its recorded readings. It prints no "
        "text from session notes and no free text from readings."
    ]
    if doc.safety_note_printed:
        parts.append("The safety note is included above, as the clinician chose.")
    elif doc.safety_flag and doc.safety_note.strip():
        parts.append("The safety note is left out.")
    private_rows = sum(1 for r in doc.sessions if r.private)
    if doc.include_private_readings and any(p.private for p in doc.timeline.points):
        parts.append(
            "Readings from private individual sessions are included, as the clinician "
            f"chose, each marked “{INDIVIDUAL_SESSION}” and drawn hollow in the charts."
        )
    elif doc.private_left_out:
        n = doc.private_left_out
        sessions = "session" if n == 1 else "sessions"
        parts.append(
            f"Steps and readings from {n} private individual {sessions} are left out; "
            f"those sessions are listed, marked “{PRIVATE}”."
        )
    elif private_rows:
        parts.append(f"Sessions with a private note are marked “{PRIVATE}”.")
    return " ".join(parts)


# -- facts ------------------------------------------------------------------------------


def _points(doc: SummaryDocument) -> list[SessionPoint]:
    return sorted(doc.shown.points, key=lambda p: p.starts_at)


def _marked(when: datetime, point: SessionPoint) -> str:
    mark = point.privacy_mark
    return f"{day(when)}, {mark}" if mark else day(when)


def latest_directions(doc: SummaryDocument) -> dict[int, tuple[Direction, str]]:
    """Each partner's most recent recorded direction and when (marked when private)."""
    out: dict[int, tuple[Direction, str]] = {}
    for p in _points(doc):
        for pid, reading in p.partners.items():
            if reading.direction is not None:
                out[pid] = (reading.direction, _marked(p.starts_at, p))
    return out


def latest_steps(doc: SummaryDocument) -> dict[int, tuple[Step, str]]:
    """Each partner's most recent recorded step and when (marked when private)."""
    out: dict[int, tuple[Step, str]] = {}
    for p in _points(doc):
        for pid, step in p.steps.items():
            out[pid] = (step, _marked(p.starts_at, p))
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
    if row.private and not doc.include_private_readings:
        return NOT_SHOWN if row.steps else "—"
    return "; ".join(s.label for s in row.steps) if row.steps else "—"


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
    tl = doc.shown
    for pid, name in zip(tl.partner_ids, tl.partner_names, strict=False):
        floods = [p for p in points if (r := p.partners.get(pid)) is not None and r.flooded]
        alone = sum(1 for p in floods if p.private)
        text = f"{name} in {_sessions(len(floods))}"
        if alone:
            text += f" ({INDIVIDUAL_SESSION}: {alone})"
        parts.append(text)
    if parts:
        facts.append(f"Flooding recorded: {'; '.join(parts)}.")
    asked = [
        p.couple.co_regulation for p in points if p.couple and p.couple.co_regulation is not None
    ]
    if asked:
        facts.append(
            f"Co-regulation noted in {sum(1 for v in asked if v)} of the {_sessions(len(asked))} "
            "that recorded whether it happened."
        )
    attempts = [p.couple.repair_attempts for p in points if p.couple and p.couple.repair_attempts]
    landed = [p.couple.repairs_landed for p in points if p.couple and p.couple.repairs_landed]
    if attempts:
        facts.append(
            f"Repair attempts recorded: {sum(attempts)}, of which {sum(landed)} landed, "
            f"over {_sessions(len(attempts))}."
        )
    return facts


def handouts_given(doc: SummaryDocument) -> list[str]:
    """The handouts recorded as given, one line each; those given at a private session
    (which step one partner was handed alone) only when private sessions are included."""
    return [handout_line(h) for h in doc.handouts if doc.include_private_readings or not h.private]


def _sessions(n: int) -> str:
    return f"{n} session" if n == 1 else f"{n} sessions"


# -- what moved (the progress report) ----------------------------------------------------


def what_moved(doc: SummaryDocument) -> list[str]:
    """Plain sentences about the movement in the period's readings, for clinicians: for
    each measure the latest change first, then the trend over every reading in the
    period, in domain/movement.py's words (the dashboard's)."""
    tl = doc.shown
    out: list[str] = []
    if doc.couple:
        out.append(movement.intensity_movement(tl, None).sentence("Loop intensity"))
        out.append(
            movement.distance_movement(tl, None).sentence(
                "The distance between the partners on pursue/withdraw"
            )
        )
    for pid, name in zip(tl.partner_ids, tl.partner_names, strict=False):
        out.append(movement.clarity_movement(tl, pid, None).sentence(f"{name}'s clarity"))
    points = _points(doc)
    for pid, name in zip(tl.partner_ids, tl.partner_names, strict=False):
        out.append(_step_sentence(name, [(p, p.steps[pid]) for p in points if pid in p.steps]))
    return out


def _step_sentence(name: str, steps: Sequence[tuple[SessionPoint, Step]]) -> str:
    if not steps:
        return f"{name}'s step: not recorded in this period."
    (first_at, first), (last_at, last) = steps[0], steps[-1]
    start, end = _marked(first_at.starts_at, first_at), _marked(last_at.starts_at, last_at)
    if len(steps) == 1:
        return f"{name}'s step: {first.label}, recorded once ({start})."
    if first is last:
        return (
            f"{name}'s step: {first.label} at the start of the period ({start}) "
            f"and at its end ({end})."
        )
    return (
        f"{name}'s step: {first.label} at the start of the period ({start}), "
        f"{last.label} at its end ({end})."
    )


TREND_NOTE = (
    "Each measure gives its latest reading against the one before, then its direction over "
    "all of the period's readings: a robust line (Theil–Sen) proposes it, and it is named "
    "only when the first and last readings and the latest change agree with it; otherwise "
    "it is called mixed. Less than one point of fitted change is described as level. "
    "Clarity is how clear a partner feels, whichever way it points. The trends describe "
    "movement only; they are not a judgement about staying or leaving."
)
