"""The session brief: what a therapist reads in the minutes before a session, on one
screen and on one page. This module holds its facts and sentences; brief.py lays them
out on paper and ui/documents/brief_view.py on screen, both from the same BriefDocument, so the
screen and the page never disagree.

What a brief holds: the session it prepares, the safety flag, the plan and next steps
written at the last session, the goals of the plan in force and the "while we are
unsure" agreement (brief_plan.py), where each partner stands (step, pursue/withdraw, stance,
clarity, direction), the loop's recent course, the attention flags, the handouts given,
and the step guidance for each partner's step.

Privacy, as in the case summary (summary_facts.py): a brief may be on screen with the
couple in the room, so everything recorded at a private session (an individual session
in couples work is private by default) is left out unless the clinician includes it on
purpose (``include_private_readings``): its readings, its steps, its note's plan, and the
handouts given there. Included, each such value says where it was heard ("individual
session"). The safety note is shown only with ``include_safety_note``.

Honest words: every trend comes from domain/movement.py (the dashboard's and the
reports' words), so the brief never says "easing" where the numbers it quotes rose.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from clarity_desktop.domain import measures, movement
from clarity_desktop.domain.dynamics import position_label
from clarity_desktop.domain.languages import Language
from clarity_desktop.domain.measures import AttentionFlag
from clarity_desktop.domain.steps import Direction, Step
from clarity_desktop.domain.timeline import SessionPoint, Timeline
from clarity_desktop.reports import clinician_words
from clarity_desktop.reports.brief_plan import BriefPlan
from clarity_desktop.reports.clinician_words import ENGLISH, Words, flag_text, sentence, words

CLINICIANS_ONLY = "For clinicians – not for clients"
PLAN_KEYS = ("intention", "plan")  # the five-step note's "Next steps"; DAP's and SOAP's "Plan"
RECENT = "in recent sessions"
STANCE = "Stance (0 leave – 10 stay)"


@dataclass(frozen=True)
class BriefSession:
    """The session the brief prepares."""

    session_id: int
    starts_at: datetime  # local wall-clock time, as booked
    duration_minutes: int
    modality: str  # "In person" / "Telehealth"
    attendance: str  # "Zoë and Łukasz together" or "Zoë, individual session"
    joint: bool
    status: str = ""  # "Scheduled", "Held" ... where the practice records it


@dataclass(frozen=True)
class EarlierNote:
    """A session before the briefed one, with its note's plan sections."""

    session_id: int
    starts_at: datetime
    attendance: str
    private: bool
    signed: bool
    plan: tuple[tuple[str, str], ...]  # (section title, text), only sections with text
    steps: tuple[Step, ...]  # the steps its note is tagged with


@dataclass(frozen=True)
class HandoutGiven:
    given_on: date
    step: Step
    to: str  # "Both partners", or a partner's name
    safety_aware: bool
    mark: str = ""  # given at a private session: "individual session" / "private session"
    language: Language = Language.EN  # the language it was printed in

    @property
    def private(self) -> bool:
        return bool(self.mark)


@dataclass(frozen=True)
class StepGuidance:
    step: Step
    explore: tuple[str, ...]
    go_gently: tuple[str, ...]
    handout: str
    problem: str = ""  # the guidance file could not be read: why, in one sentence


@dataclass(frozen=True)
class PartnerName:
    partner_id: int
    name: str


@dataclass(frozen=True)
class BriefDocument:
    """Everything a brief may show. *timeline* holds only the sessions before the
    briefed one (or up to *as_of* when no session is chosen); what is shown of it is
    :attr:`shown`. *last* is the newest earlier session with a note, *last_shared*
    the newest one whose note is not private (the same one when it is not)."""

    clinician: str
    case_id: int
    case_name: str
    case_kind: str  # "Couple" / "Individual"
    relationship_structure: str
    as_of: date
    session: BriefSession | None
    partners: tuple[PartnerName, ...]
    timeline: Timeline
    last: EarlierNote | None
    last_shared: EarlierNote | None
    safety_flag: bool
    safety_note: str
    handouts: tuple[HandoutGiven, ...] = ()  # newest first
    guidance: dict[Step, StepGuidance] = field(default_factory=dict)
    printed_at: datetime | None = None
    include_private_readings: bool = False
    include_safety_note: bool = False
    language: Language = Language.EN  # every word of the brief, the guidance too
    plan: BriefPlan | None = None  # the plan in force (reports/brief_plan.py)

    @property
    def words(self) -> Words:
        return words(self.language)

    @property
    def couple(self) -> bool:
        return len(self.partners) >= 2

    @property
    def shown(self) -> Timeline:
        return self.timeline if self.include_private_readings else self.timeline.shareable()

    @property
    def safety_note_shown(self) -> bool:
        return self.safety_flag and self.include_safety_note and bool(self.safety_note.strip())


# -- the session and the safety flag ----------------------------------------------------


def title(doc: BriefDocument) -> str:
    return doc.words("Session brief — {name}", name=doc.case_name)


def session_line(doc: BriefDocument) -> str:
    s, w = doc.session, doc.words
    if s is None:
        return w("No session chosen: the case as it stands on {day}.", day=w.day(doc.as_of))
    bits = [w.day_and_time(s.starts_at, weekday=True), f"{s.duration_minutes} min", w(s.modality)]
    bits.append(s.attendance)
    if s.status:
        bits.append(w(s.status))
    return " · ".join(bits)


def safety_line(doc: BriefDocument) -> str:
    w = doc.words
    if not doc.safety_flag:
        return w("No safety flag.")
    text = w("Safety flag set: check before joint work or joint handouts.")
    if doc.safety_note_shown:
        return f"{text} {w('Safety note:')} {doc.safety_note.strip()}"
    if doc.safety_note.strip():
        return f"{text} {w('The safety note is not shown.')}"
    return text


# -- the last session's plan -------------------------------------------------------------


def last_note(doc: BriefDocument) -> EarlierNote | None:
    """The note whose plan the brief shows: the newest, unless it is private and
    private content is not included, then the newest shareable one."""
    if doc.last is None:
        return None
    if doc.last.private and not doc.include_private_readings:
        return doc.last_shared
    return doc.last


def last_note_heading(note: EarlierNote, w: Words = ENGLISH) -> str:
    bits = [w.day_and_time(note.starts_at), note.attendance]
    if note.private:
        bits.append(w("private note"))
    if not note.signed:
        bits.append(w("draft, not signed"))
    return " · ".join(bits)


def private_last_left_out(doc: BriefDocument) -> str:
    """A sentence when a newer private session's note is left out, else ""."""
    last = doc.last
    if last is None or not last.private or doc.include_private_readings:
        return ""
    return doc.words(
        "A later private session ({day}, {who}) is left out; "
        "include private sessions to see its plan.",
        day=doc.words.day(last.starts_at),
        who=last.attendance,
    )


NO_PLAN = "No next steps or plan were written in this note."  # said through Words


# -- where each partner stands ----------------------------------------------------------


@dataclass(frozen=True)
class Standing:
    """One partner's latest recorded values, each with when (and a mark when private).
    Stance runs from 0 (leaning toward leaving) to 10 (toward staying): see STANCE."""

    partner_id: int
    name: str
    step: str
    position: str
    stance: str
    clarity: str
    direction: str
    flooded_last: bool  # flooded at the latest session they attended that recorded it


def _points(tl: Timeline) -> list[SessionPoint]:
    return sorted(tl.points, key=lambda p: p.starts_at)


def _when(point: SessionPoint, w: Words = ENGLISH) -> str:
    mark = point.privacy_mark
    return f"{w.day(point.starts_at)}, {w(mark)}" if mark else w.day(point.starts_at)


def standings(doc: BriefDocument) -> list[Standing]:
    tl, w = doc.shown, doc.words
    missing = w("Not recorded")
    points = _points(tl)
    out = []
    for partner in doc.partners:
        pid = partner.partner_id
        step: tuple[Step, SessionPoint] | None = None
        position: tuple[int, SessionPoint] | None = None
        stance: tuple[int, SessionPoint] | None = None
        direction: tuple[Direction, SessionPoint] | None = None
        flooded = False
        for p in points:
            if pid in p.steps:
                step = (p.steps[pid], p)
            r = p.partners.get(pid)
            if r is None or r.is_empty:
                continue
            if r.position is not None:
                position = (r.position, p)
            if r.stance is not None:
                stance = (r.stance, p)
            if r.direction is not None:
                direction = (r.direction, p)
            flooded = r.flooded
        clarity = movement.clarity_movement(tl, pid)
        out.append(
            Standing(
                partner_id=pid,
                name=partner.name,
                step=f"{w.step(step[0])} ({_when(step[1], w)})" if step else missing,
                position=(
                    f"{_signed(position[0])} · {w(position_label(position[0]))} "
                    f"({_when(position[1], w)})"
                    if position
                    else missing
                ),
                stance=(
                    f"{w('{n} of 10', n=stance[0])} ({_when(stance[1], w)})" if stance else missing
                ),
                clarity=_chip(clarity, w),
                direction=(
                    f"{w(direction[0].title)} ({_when(direction[1], w)})"
                    if direction
                    else w("None recorded")
                ),
                flooded_last=flooded,
            )
        )
    return out


def _signed(value: int) -> str:
    return f"{value:+d}" if value else "0"


def _chip(moved: movement.Movement, w: Words = ENGLISH) -> str:
    """The dashboard's chip: the latest change, then the trend word."""
    latest = moved.latest
    if latest is None:
        return w("Not recorded")
    at = w.day(latest.at)
    where = f" ({at}, {w(latest.mark)})" if latest.mark else f" ({at})"
    return f"{clinician_words.change(w, moved)}{where} · {w(moved.word)}"


# -- the loop's recent course -----------------------------------------------------------


def loop_course(doc: BriefDocument) -> list[str]:
    """Sentences on the loop: intensity and the distance between the partners (their
    latest change, then their trend, in domain/movement.py's words), and what the last
    joint session recorded. Empty for one person."""
    if not doc.couple:
        return []
    tl, w = doc.shown, doc.words
    recent = w(RECENT)
    out = [
        sentence(w, movement.intensity_movement(tl), w("Loop intensity"), recent),
        sentence(
            w,
            movement.distance_movement(tl),
            w("The distance between the partners on pursue/withdraw"),
            recent,
        ),
    ]
    last = last_joint_reading(doc)
    if last:
        out.append(last)
    return out


def last_joint_reading(doc: BriefDocument) -> str:
    """What the newest joint session with a couple reading recorded, in one sentence."""
    tl, w = doc.shown, doc.words
    joint = [p for p in _points(tl) if p.couple is not None and not p.couple.is_empty]
    if not joint:
        return ""
    p = joint[-1]
    c = p.couple
    assert c is not None
    bits = []
    loops = [w(loop.title) for loop in sorted(c.loops, key=lambda x: x.value)]
    if c.loop_other.strip():
        loops.append(w("another loop in the therapist's words"))
    if loops:
        bits.append(w("loops: {loops}", loops=", ".join(loops)))
    if c.intensity is not None:
        bits.append(w("intensity {n} of 10", n=c.intensity))
    flooded = [
        measures.partner_name(tl, pid)
        for pid in tl.partner_ids
        if (r := p.partners.get(pid)) is not None and r.flooded
    ]
    if flooded:
        bits.append(w("{who} flooded", who=w.join_names(flooded)))
    if c.co_regulation is not None:
        bits.append(w("co-regulation noted" if c.co_regulation else "no co-regulation noted"))
    if c.repair_attempts:
        bits.append(
            w.count(
                c.repair_attempts,
                "{n} repair attempt, {landed} landed",
                "{n} repair attempts, {landed} landed",
                landed=c.repairs_landed or 0,
            )
        )
    if not bits:
        return ""
    return w(
        "At the last joint session that recorded the loop ({when}): {what}.",
        when=_when(p, w),
        what="; ".join(bits),
    )


# -- flags, handouts, guidance ----------------------------------------------------------


def flags(doc: BriefDocument) -> list[AttentionFlag]:
    """The attention flags over what the brief shows; the safety flag has its own line."""
    return [f for f in measures.attention_flags(doc.shown, doc.as_of) if f.code != "safety"]


def handouts(doc: BriefDocument) -> list[HandoutGiven]:
    return [h for h in doc.handouts if doc.include_private_readings or not h.private]


def flag_texts(doc: BriefDocument) -> list[str]:
    """The attention flags' sentences, in the brief's language."""
    return [flag_text(doc.words, f) for f in flags(doc)]


def handout_line(h: HandoutGiven, w: Words = ENGLISH) -> str:
    text = w("{day}: {step}, to {to}", day=w.day(h.given_on), step=w.step(h.step), to=w(h.to))
    if h.safety_aware:
        text += w(" (safety-aware version)")
    if h.language is not w.language:
        text += w(" (in {language})", language=w(h.language.display_name))
    if h.mark:
        text += f" ({w(h.mark)})"
    return text


@dataclass(frozen=True)
class GuidanceFor:
    names: tuple[str, ...]
    guidance: StepGuidance


def guidance(doc: BriefDocument) -> list[GuidanceFor]:
    """The step guidance for each step a partner stands at (shown steps only), partners
    at one step together, lowest step first."""
    steps = measures.current_steps(doc.shown)
    by_step: dict[Step, list[str]] = {}
    for partner in doc.partners:
        step = steps.get(partner.partner_id)
        if step is not None:
            by_step.setdefault(step, []).append(partner.name)
    return [
        GuidanceFor(tuple(names), doc.guidance[step])
        for step, names in sorted(by_step.items())
        if step in doc.guidance
    ]


def contents_statement(doc: BriefDocument) -> str:
    """What the brief holds and leaves out; true of *doc*."""
    w = doc.words
    parts = [
        w(
            "Shows the plan from the last session's note and no other note text; no free "
            "text from readings."
        )
    ]
    private = sum(1 for p in doc.timeline.points if p.private)
    if private and doc.include_private_readings:
        parts.append(
            w(
                "Private sessions are included, as the clinician chose; each value from one "
                "says where it was heard."
            )
        )
    elif private:
        parts.append(
            w.count(
                private,
                "What was recorded at {n} private session is left out.",
                "What was recorded at {n} private sessions are left out.",
            )
        )
    if doc.safety_flag and doc.safety_note.strip() and not doc.safety_note_shown:
        parts.append(w("The safety note is left out."))
    return " ".join(parts)
