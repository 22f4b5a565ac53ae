"""The on-screen names of the domain's enums, marked for translation.

The domain's own titles (Step.title, Direction.title ...) are the English the command line
and the PDFs use; the window shows these instead, translated in context "Labels", so
that a step or a template is never shown raw. label() falls back to the member's title
for an enum not listed here."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from enum import Enum

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from clarity_desktop.domain.dynamics import Loop
from clarity_desktop.domain.identity import Role
from clarity_desktop.domain.locked_text import LOCKED_NAME, LOCKED_REASON
from clarity_desktop.domain.measures import AttentionFlag
from clarity_desktop.domain.plans import ProgressMark
from clarity_desktop.domain.records import CaseKind, CaseStatus, Modality
from clarity_desktop.domain.schedule import SessionStatus
from clarity_desktop.domain.steps import Direction, Step
from clarity_desktop.domain.supervision import SupervisionMode
from clarity_desktop.domain.templates import Template
from clarity_desktop.ui.common import dates

LABELS: dict[Enum, object] = {
    Step.NOTICE_THE_SHIFT: QT_TRANSLATE_NOOP("Labels", "Notice the Shift"),
    Step.NAME_WHATS_HAPPENING: QT_TRANSLATE_NOOP("Labels", "Name What's Happening"),
    Step.LEAN_IN: QT_TRANSLATE_NOOP("Labels", "Lean In"),
    Step.FIND_YOUR_DIRECTION: QT_TRANSLATE_NOOP("Labels", "Find Your Direction"),
    Step.MOVE_FORWARD: QT_TRANSLATE_NOOP("Labels", "Move Forward with Intention"),
    Direction.REPAIR: QT_TRANSLATE_NOOP("Labels", "Repair"),
    Direction.REDEFINITION: QT_TRANSLATE_NOOP("Labels", "Redefinition"),
    Direction.LETTING_GO: QT_TRANSLATE_NOOP("Labels", "Letting go"),
    Direction.NOT_YET_CLEAR: QT_TRANSLATE_NOOP("Labels", "Not yet clear"),
    Template.FIVE_STEPS: QT_TRANSLATE_NOOP("Labels", "Five steps"),
    Template.DAP: QT_TRANSLATE_NOOP("Labels", "DAP"),
    Template.SOAP: QT_TRANSLATE_NOOP("Labels", "SOAP"),
    CaseKind.COUPLE: QT_TRANSLATE_NOOP("Labels", "Couple"),
    CaseKind.INDIVIDUAL: QT_TRANSLATE_NOOP("Labels", "Individual"),
    SupervisionMode.VIEW: QT_TRANSLATE_NOOP("Labels", "View only"),
    SupervisionMode.APPROVE: QT_TRANSLATE_NOOP("Labels", "Review and approve"),
    SupervisionMode.COSIGN: QT_TRANSLATE_NOOP("Labels", "Review and co-sign"),
    Modality.IN_PERSON: QT_TRANSLATE_NOOP("Labels", "In person"),
    Modality.TELEHEALTH: QT_TRANSLATE_NOOP("Labels", "Telehealth"),
    SessionStatus.SCHEDULED: QT_TRANSLATE_NOOP("Labels", "Scheduled"),
    SessionStatus.HELD: QT_TRANSLATE_NOOP("Labels", "Held"),
    SessionStatus.CANCELLED: QT_TRANSLATE_NOOP("Labels", "Cancelled"),
    SessionStatus.LATE_CANCELLED: QT_TRANSLATE_NOOP("Labels", "Late cancellation"),
    SessionStatus.NO_SHOW: QT_TRANSLATE_NOOP("Labels", "No-show"),
    Loop.PURSUE_WITHDRAW: QT_TRANSLATE_NOOP("Labels", "Pursue – withdraw"),
    Loop.TALK_SHUT_DOWN: QT_TRANSLATE_NOOP("Labels", "Talk – shut down"),
    Loop.TRY_HARDER_MORE_DISTANT: QT_TRANSLATE_NOOP("Labels", "Try harder – feel more distant"),
    Loop.ATTACK_ATTACK: QT_TRANSLATE_NOOP("Labels", "Attack – attack"),
    Loop.WITHDRAW_WITHDRAW: QT_TRANSLATE_NOOP("Labels", "Withdraw – withdraw"),
    ProgressMark.WORKED_ON: QT_TRANSLATE_NOOP("Labels", "Worked on"),
    ProgressMark.MOVING: QT_TRANSLATE_NOOP("Labels", "Moving"),
    ProgressMark.STEADY: QT_TRANSLATE_NOOP("Labels", "Steady"),
    ProgressMark.HARDER: QT_TRANSLATE_NOOP("Labels", "Harder for now"),
    CaseStatus.ACTIVE: QT_TRANSLATE_NOOP("Labels", "Active"),
    CaseStatus.CLOSED: QT_TRANSLATE_NOOP("Labels", "Closed"),
    Role.CLINICIAN: QT_TRANSLATE_NOOP("Labels", "Clinician"),
    Role.SUPERVISOR: QT_TRANSLATE_NOOP("Labels", "Supervisor"),
    Role.ADMINISTRATOR: QT_TRANSLATE_NOOP("Labels", "Administrator"),
    Role.FRONT_DESK: QT_TRANSLATE_NOOP("Labels", "Front desk"),
}


# The words of the note templates, the steps' one-line descriptions and other fixed words
# of the domain (templates.py, steps.py, dynamics.py, records.py), marked here so that lupdate finds them; looked up by their English.
TEXTS = (
    QT_TRANSLATE_NOOP("Labels", "Focus of the session"),
    QT_TRANSLATE_NOOP("Labels", "What the couple brought today."),
    QT_TRANSLATE_NOOP("Labels", "What the client brought today."),
    QT_TRANSLATE_NOOP("Labels", "Noticing the shift"),
    QT_TRANSLATE_NOOP("Labels", "Changes sensed since last time."),
    QT_TRANSLATE_NOOP("Labels", "Naming what's happening"),
    QT_TRANSLATE_NOOP("Labels", "Words found for what has changed."),
    QT_TRANSLATE_NOOP("Labels", "Leaning in"),
    QT_TRANSLATE_NOOP("Labels", "Both pulls explored: what matters, what feels unsustainable."),
    QT_TRANSLATE_NOOP("Labels", "Direction"),
    QT_TRANSLATE_NOOP("Labels", "Any direction taking shape, and how sure it feels."),
    QT_TRANSLATE_NOOP("Labels", "Next steps"),
    QT_TRANSLATE_NOOP("Labels", "Agreed practices, homework, next session."),
    QT_TRANSLATE_NOOP("Labels", "Safety and risk"),
    QT_TRANSLATE_NOOP("Labels", "Screening, concerns, plan."),
    QT_TRANSLATE_NOOP("Labels", "Data"),
    QT_TRANSLATE_NOOP("Labels", "What was observed and said."),
    QT_TRANSLATE_NOOP("Labels", "Assessment"),
    QT_TRANSLATE_NOOP("Labels", "Clinical impressions."),
    QT_TRANSLATE_NOOP("Labels", "Plan"),
    QT_TRANSLATE_NOOP("Labels", "Interventions and next steps."),
    QT_TRANSLATE_NOOP("Labels", "Subjective"),
    QT_TRANSLATE_NOOP("Labels", "What the clients reported."),
    QT_TRANSLATE_NOOP("Labels", "What the client reported."),
    QT_TRANSLATE_NOOP("Labels", "Objective"),
    QT_TRANSLATE_NOOP("Labels", "What the clinician observed."),
    QT_TRANSLATE_NOOP("Labels", "Jotted during the session"),
    QT_TRANSLATE_NOOP("Labels", "Moments"),
    # text whose case key this reader does not hold (domain/locked_text.py)
    QT_TRANSLATE_NOOP("Labels", "Locked text"),
    QT_TRANSLATE_NOOP("Labels", "Name locked"),
    QT_TRANSLATE_NOOP("Labels", "Reason locked"),
    QT_TRANSLATE_NOOP(
        "Labels", "This text is locked until someone who holds the case's key shares it with you."
    ),
    QT_TRANSLATE_NOOP("Labels", "Sensing that something has changed; awareness before action."),
    QT_TRANSLATE_NOOP("Labels", "Putting words to what changed and what no longer works."),
    QT_TRANSLATE_NOOP(
        "Labels", "Slowing down to explore both the pull to stay and the pull to go."
    ),
    QT_TRANSLATE_NOOP("Labels", "A direction is forming: repair, redefinition or letting go."),
    QT_TRANSLATE_NOOP("Labels", "Deliberate next steps taken from clarity, not from urgency."),
    QT_TRANSLATE_NOOP("Labels", "Both partners"),
    # passphrase hints (domain/passphrase.py; MIN_PASSPHRASE is 8)
    QT_TRANSLATE_NOOP("Labels", "Too short: use at least 8 characters."),
    QT_TRANSLATE_NOOP("Labels", "Weak: a few unrelated words make a stronger passphrase."),
    QT_TRANSLATE_NOOP("Labels", "Weak: a few unrelated words make a stronger password."),
    QT_TRANSLATE_NOOP("Labels", "Fair: longer is stronger."),
    QT_TRANSLATE_NOOP("Labels", "Good."),
    QT_TRANSLATE_NOOP("Labels", "Strong."),
    # pursue/withdraw positions (domain/dynamics.py), relationship structures (records.py)
    QT_TRANSLATE_NOOP("Labels", "Strongly withdrawing"),
    QT_TRANSLATE_NOOP("Labels", "Withdrawing"),
    QT_TRANSLATE_NOOP("Labels", "Leaning to withdraw"),
    QT_TRANSLATE_NOOP("Labels", "Neither"),
    QT_TRANSLATE_NOOP("Labels", "Leaning to pursue"),
    QT_TRANSLATE_NOOP("Labels", "Pursuing"),
    QT_TRANSLATE_NOOP("Labels", "Strongly pursuing"),
    QT_TRANSLATE_NOOP("Labels", "Married"),
    QT_TRANSLATE_NOOP("Labels", "Partnered, living together"),
    QT_TRANSLATE_NOOP("Labels", "Dating"),
    QT_TRANSLATE_NOOP("Labels", "Situationship"),
    QT_TRANSLATE_NOOP("Labels", "Consensually non-monogamous"),
    QT_TRANSLATE_NOOP("Labels", "Separated, co-parenting"),
    QT_TRANSLATE_NOOP("Labels", "Separated"),
)


def text(english: str) -> str:
    """One of TEXTS (or any English the domain hands over) in the user's language."""
    return QCoreApplication.translate("Labels", english)


def client(value: str) -> str:
    """A client's name or contact detail (or an emergency grant's reason) as shown: the
    locked stand-in of a reader without the client directory (domain/locked_text) in the
    user's language."""
    return text(value) if value in (LOCKED_NAME, LOCKED_REASON) else value


FLAGS: dict[str, object] = {
    "safety": QT_TRANSLATE_NOOP(
        "Labels", "Safety flag set: check before joint work or joint handouts."
    ),
    "step_gap": QT_TRANSLATE_NOOP("Labels", "Partners are at different steps (%1: %2; %3: %4)."),
    "flooding_repeat": QT_TRANSLATE_NOOP(
        "Labels", "%1 flooded in each of the last %2 sessions they attended"
    ),
    "intensity_rising": QT_TRANSLATE_NOOP(
        "Labels", "Loop intensity has risen %1 sessions running (%2)."
    ),
    "flare_up": QT_TRANSLATE_NOOP(
        "Labels",
        "Loop intensity rose sharply, from %1 to %2, at the latest session that recorded it "
        "(%3), and %4 flooded.",
    ),
    "no_coregulation": QT_TRANSLATE_NOOP(
        "Labels", "No co-regulation noted in the last %1 joint sessions that recorded it."
    ),
    "no_recent_session": QT_TRANSLATE_NOOP(
        "Labels", "No session in the last %1 days (last on %2)."
    ),
}


def names(people: Sequence[object]) -> str:
    """ "Ana", "Ana and Luis", "Ana, Luis and Eva" in the user's language."""
    words = [str(p) for p in people]
    if len(words) < 2:
        return "".join(words)
    return (
        QCoreApplication.translate("Labels", "%1 and %2")
        .replace("%1", ", ".join(words[:-1]))
        .replace("%2", words[-1])
    )


def flag_text(flag: AttentionFlag) -> str:
    """An attention flag's sentence in the user's language; its English when the window
    has no words for its code (a flag newer than this table)."""
    template = FLAGS.get(flag.code)
    if template is None or (flag.code != "safety" and not flag.params):
        return flag.message
    say = QCoreApplication.translate("Labels", str(template))
    p = flag.params

    def fill(*values: object) -> str:
        out = say
        for i, v in reversed(list(enumerate(values, start=1))):
            out = out.replace(f"%{i}", str(v))
        return out

    if flag.code == "step_gap":
        a_step, b_step = p["a_step"], p["b_step"]
        assert isinstance(a_step, Step) and isinstance(b_step, Step)
        return fill(p["a"], step_label(a_step), p["b"], step_label(b_step))
    if flag.code == "flooding_repeat":
        runs = p["runs"]
        assert isinstance(runs, tuple)
        return "; ".join(fill(name, run) for name, run in runs) + "."
    if flag.code == "intensity_rising":
        values = p["values"]
        assert isinstance(values, tuple)
        return fill(p["count"], " → ".join(str(v) for v in values))
    if flag.code == "flare_up":
        on, who = p["on"], p["who"]
        assert isinstance(on, date) and isinstance(who, tuple)
        return fill(p["low"], p["high"], dates.day(on), names(who))
    if flag.code == "no_coregulation":
        return fill(p["count"])
    if flag.code == "no_recent_session":
        last = p["last"]
        assert isinstance(last, date)
        return fill(p["days"], dates.day(last))
    return say


def label(member: Enum) -> str:
    """The member's name on screen, in the user's language."""
    text = LABELS.get(member)
    if text is None:
        return str(getattr(member, "title", member.value))
    return QCoreApplication.translate("Labels", str(text))


def step_label(step: Step) -> str:
    """ "3 · Lean In", translated: a step's number and name, as the step buttons show it."""
    return f"{int(step)} · {label(step)}"
