"""What the therapist records about the loop and each partner's stance, per session.

Scales are small and symmetric on purpose: the program tracks movement and clarity,
never a score toward staying or leaving. ``None`` always means "not observed" or "not
asked", which is different from zero.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from clarity_desktop.domain.errors import ErrorCode, Phrase, ValidationError
from clarity_desktop.domain.steps import Direction

POSITION_MIN, POSITION_MAX = -3, 3  # -3 strongly withdrawing .. 0 neither .. +3 strongly pursuing
SCALE_MIN, SCALE_MAX = 0, 10  # stance, clarity, loop intensity
MAX_SHORT_NOTE = 500


class Loop(Enum):
    PURSUE_WITHDRAW = "pursue_withdraw"
    TALK_SHUT_DOWN = "talk_shut_down"
    TRY_HARDER_MORE_DISTANT = "try_harder_more_distant"
    ATTACK_ATTACK = "attack_attack"
    WITHDRAW_WITHDRAW = "withdraw_withdraw"

    @property
    def title(self) -> str:
        return {
            Loop.PURSUE_WITHDRAW: "Pursue – withdraw",
            Loop.TALK_SHUT_DOWN: "Talk – shut down",
            Loop.TRY_HARDER_MORE_DISTANT: "Try harder – feel more distant",
            Loop.ATTACK_ATTACK: "Attack – attack",
            Loop.WITHDRAW_WITHDRAW: "Withdraw – withdraw",
        }[self]


def position_label(value: int) -> str:
    """-3 .. +3 in words, for pickers and tooltips."""
    return {
        -3: "Strongly withdrawing",
        -2: "Withdrawing",
        -1: "Leaning to withdraw",
        0: "Neither",
        1: "Leaning to pursue",
        2: "Pursuing",
        3: "Strongly pursuing",
    }[value]


@dataclass(frozen=True)
class PartnerReading:
    """One partner at one session. Stance: 0 leaning toward leaving .. 10 toward staying."""

    position: int | None = None
    stance: int | None = None
    clarity: int | None = None
    flooded: bool = False
    flooding_note: str = ""
    direction: Direction | None = None  # the direction taking shape, from step 4 on

    @property
    def is_empty(self) -> bool:
        return self == PartnerReading()


@dataclass(frozen=True)
class CoupleReading:
    """The loop between the partners at a joint session."""

    loops: frozenset[Loop] = field(default_factory=frozenset)
    loop_other: str = ""  # the therapist's own words for a loop not in the list
    intensity: int | None = None
    trigger: str = ""
    co_regulation: bool | None = None
    co_regulation_note: str = ""
    repair_attempts: int | None = None
    repairs_landed: int | None = None

    @property
    def is_empty(self) -> bool:
        return self == CoupleReading()


def _check_range(value: int | None, low: int, high: int, what: Phrase, field_name: str) -> None:
    if value is not None and not low <= value <= high:
        raise ValidationError(
            ErrorCode.NUMBER_OUT_OF_RANGE, field_name, what=what, low=low, high=high
        )


def _check_note(text: str, what: Phrase, field_name: str) -> str:
    clean = text.strip()
    if len(clean) > MAX_SHORT_NOTE:
        raise ValidationError(
            ErrorCode.READING_NOTE_TOO_LONG, field_name, what=what, max_short_note=MAX_SHORT_NOTE
        )
    return clean


def validate_partner_reading(r: PartnerReading) -> PartnerReading:
    _check_range(r.position, POSITION_MIN, POSITION_MAX, Phrase.POSITION, "position")
    _check_range(r.stance, SCALE_MIN, SCALE_MAX, Phrase.STANCE, "stance")
    _check_range(r.clarity, SCALE_MIN, SCALE_MAX, Phrase.CLARITY, "clarity")
    note = _check_note(r.flooding_note, Phrase.FLOODING_NOTE, "flooding_note")
    return PartnerReading(
        position=r.position,
        stance=r.stance,
        clarity=r.clarity,
        flooded=r.flooded,
        flooding_note=note if r.flooded else "",
        direction=r.direction,
    )


def validate_couple_reading(r: CoupleReading) -> CoupleReading:
    _check_range(r.intensity, SCALE_MIN, SCALE_MAX, Phrase.LOOP_INTENSITY, "intensity")
    _check_range(r.repair_attempts, 0, 99, Phrase.REPAIR_ATTEMPTS, "repair_attempts")
    _check_range(r.repairs_landed, 0, 99, Phrase.REPAIRS_LANDED, "repairs_landed")
    if r.repairs_landed is not None and (r.repair_attempts or 0) < r.repairs_landed:
        raise ValidationError(ErrorCode.MORE_REPAIRS_LANDED_THAN_WERE, "repairs_landed")
    return CoupleReading(
        loops=frozenset(r.loops),
        loop_other=_check_note(r.loop_other, Phrase.LOOP_DESCRIPTION, "loop_other"),
        intensity=r.intensity,
        trigger=_check_note(r.trigger, Phrase.TRIGGER, "trigger"),
        co_regulation=r.co_regulation,
        co_regulation_note=_check_note(
            r.co_regulation_note, Phrase.WHAT_HELPED, "co_regulation_note"
        ),
        repair_attempts=r.repair_attempts,
        repairs_landed=r.repairs_landed,
    )
