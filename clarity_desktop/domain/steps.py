"""The five steps of the Leaning In, Letting Go framework, and the directions at step 4.

The step names are the framework's own; the short descriptions are ours, written for
clinicians (client-facing wording lives in resources/).
"""

from __future__ import annotations

from enum import Enum, IntEnum

from clarity_desktop.domain.errors import ErrorCode


class Step(IntEnum):
    NOTICE_THE_SHIFT = 1
    NAME_WHATS_HAPPENING = 2
    LEAN_IN = 3
    FIND_YOUR_DIRECTION = 4
    MOVE_FORWARD = 5

    @property
    def title(self) -> str:
        return STEP_TITLES[self]

    @property
    def short(self) -> str:
        return STEP_SHORT[self]

    @property
    def label(self) -> str:
        """ "3 · Lean In": number and name, as shown in lists and pickers."""
        return f"{int(self)} · {self.title}"


STEP_TITLES: dict[Step, str] = {
    Step.NOTICE_THE_SHIFT: "Notice the Shift",
    Step.NAME_WHATS_HAPPENING: "Name What's Happening",
    Step.LEAN_IN: "Lean In",
    Step.FIND_YOUR_DIRECTION: "Find Your Direction",
    Step.MOVE_FORWARD: "Move Forward with Intention",
}

STEP_SHORT: dict[Step, str] = {
    Step.NOTICE_THE_SHIFT: "Sensing that something has changed; awareness before action.",
    Step.NAME_WHATS_HAPPENING: "Putting words to what changed and what no longer works.",
    Step.LEAN_IN: "Slowing down to explore both the pull to stay and the pull to go.",
    Step.FIND_YOUR_DIRECTION: "A direction is forming: repair, redefinition or letting go.",
    Step.MOVE_FORWARD: "Deliberate next steps taken from clarity, not from urgency.",
}


class Direction(Enum):
    REPAIR = "repair"
    REDEFINITION = "redefinition"
    LETTING_GO = "letting_go"
    NOT_YET_CLEAR = "not_yet_clear"

    @property
    def title(self) -> str:
        return {
            Direction.REPAIR: "Repair",
            Direction.REDEFINITION: "Redefinition",
            Direction.LETTING_GO: "Letting go",
            Direction.NOT_YET_CLEAR: "Not yet clear",
        }[self]


def parse_step(value: int | str) -> Step:
    """Accept 1-5 (as int or text); anything else is a clear validation error."""
    from clarity_desktop.domain.errors import ValidationError

    try:
        return Step(int(value))
    except (TypeError, ValueError):
        raise ValidationError(ErrorCode.STEP_INVALID, "step", value=value) from None
