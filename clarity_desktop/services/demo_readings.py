"""The demo practice's readings: where each partner stood and how the loop went, per session.

Everyone here is invented, like the notes in demo_data.py. Three cases tell a story across
their sessions so that the dashboard's charts mean something on first launch:

  * Zoë and Daniel de-escalate toward repair: the loop eases with one setback, the gap
    between pursuing and withdrawing narrows, flooding fades, co-regulation appears;
  * Priya and Tom polarize after a hard disclosure: the loop tightens, Tom reaches harder
    as Priya retreats, Priya floods, and they end up in different places;
  * Amara and Julien, separated, let go with care: a low, easing loop, both near neutral,
    clarity growing toward a shared direction.

Others have lighter readings; the case with a safety flag has none on purpose (joint work
is paused and the loop is not the lens for it). The readings are a clinician's ratings,
not scores: neither staying nor leaving counts as the better outcome.

Each table holds one row per session that has readings, oldest first, in this order::

    (weeks_ago, attending, first partner, second partner, couple)

  * ``weeks_ago`` and ``attending`` pick the session: the same values as its SessionSpec
    in demo_data.py (``JOINT`` for everyone in the case, else the partner's position 1
    or 2); every row must match exactly one session;
  * a partner is ``p(position, stance, clarity, direction, flooded=...)``: position -3
    strongly withdrawing .. +3 strongly pursuing, stance 0 leaning toward leaving .. 10
    toward staying, clarity 0..10, each ``None`` when not observed or not asked;
    ``direction`` only from step 4 on; ``flooded`` is the short note when they flooded.
    ``None`` for a partner who was not in the room;
  * the couple (joint sessions only, else ``None``) is ``c(intensity, loops, trigger,
    co_regulation, what helped, (repair attempts, repairs that landed), other=...)``,
    with ``other`` the therapist's own words for a loop not in the list.
"""

from __future__ import annotations

from clarity_desktop.domain.dynamics import CoupleReading, Loop, PartnerReading
from clarity_desktop.domain.steps import Direction

ReadingsRow = tuple[
    int, int | None, PartnerReading | None, PartnerReading | None, CoupleReading | None
]

JOINT = None
PW = Loop.PURSUE_WITHDRAW
TS = Loop.TALK_SHUT_DOWN
TH = Loop.TRY_HARDER_MORE_DISTANT
AA = Loop.ATTACK_ATTACK
WW = Loop.WITHDRAW_WITHDRAW
REPAIR = Direction.REPAIR
REDEFINE = Direction.REDEFINITION
LET_GO = Direction.LETTING_GO
UNCLEAR = Direction.NOT_YET_CLEAR


def p(
    position: int | None,
    stance: int | None,
    clarity: int | None,
    direction: Direction | None = None,
    *,
    flooded: str = "",
) -> PartnerReading:
    return PartnerReading(
        position=position,
        stance=stance,
        clarity=clarity,
        flooded=bool(flooded),
        flooding_note=flooded,
        direction=direction,
    )


def c(
    intensity: int,
    loops: tuple[Loop, ...],
    trigger: str = "",
    co_regulation: bool | None = None,
    helped: str = "",
    repairs: tuple[int, int] | None = None,
    *,
    other: str = "",
) -> CoupleReading:
    attempts, landed = repairs if repairs is not None else (None, None)
    return CoupleReading(
        loops=frozenset(loops),
        loop_other=other,
        intensity=intensity,
        trigger=trigger,
        co_regulation=co_regulation,
        co_regulation_note=helped,
        repair_attempts=attempts,
        repairs_landed=landed,
    )


# --------------------------------------------------------------------------------------
# 1. Zoë (1) and Daniel (2): de-escalating toward repair.
# --------------------------------------------------------------------------------------
MARCHETTI_OKAFOR: tuple[ReadingsRow, ...] = (
    (18, JOINT, p(3, 6, 3), p(-3, 6, 2),
        c(7, (PW, TS), "Evenings: Daniel home late, Zoë waiting to talk", False, "", (1, 0))),
    (17, JOINT, p(3, 5, 3),
        p(-3, 6, 2, flooded="Still flooded from the argument in the car; "
          "quiet and tense for most of the first half."),
        c(8, (PW, TS), "Running late, an argument in the car", False, "", (1, 0))),
    (16, JOINT, p(2, 6, 4), p(-2, 6, 3),
        c(7, (PW,), "Daniel going quiet after work", False, "", (2, 1))),
    (15, 1, p(None, 5, 4), None, None),
    (14, JOINT, p(3, 6, 4),
        p(-3, 5, 3, flooded="Said he felt underwater while the missed return time was discussed; "
          "a short break and slower breathing helped."),
        c(7, (PW,), "A missed return time after a pause", False, "", (1, 0))),
    (13, JOINT, p(2, 6, 5), p(-2, 6, 3),
        c(6, (PW, TS), "Talking about what feels hard to keep doing", False, "", (2, 1))),
    (11, JOINT, p(2, 7, 5), p(-2, 6, 4),
        c(5, (PW,), "Daniel reading from his list", True,
          "Both slowed down and stayed in the conversation", (2, 1))),
    (10, JOINT, p(2, 7, 6), p(-2, 7, 4),
        c(5, (PW,), "Zoë's worry on the evening without questions", True,
          "Daniel started the conversation himself", (3, 2))),
    (8, JOINT, p(3, 5, 4), p(-2, 6, 4),
        c(7, (AA, PW), "A missed school pickup", True, "Daniel reached toward Zoë; she softened",
          (3, 1))),
    (7, JOINT, p(2, 6, 5), p(-2, 7, 5),
        c(5, (PW,), "Going back over the argument", True,
          "Each apologised for their part; both landed", (3, 2))),
    (5, JOINT, p(1, 7, 6), p(-1, 7, 5),
        c(4, (PW,), "A tired evening after work", True, "Pausing and coming back later, as agreed",
          (3, 3))),
    (4, JOINT, p(1, 8, 7, REPAIR), p(-1, 7, 5, UNCLEAR),
        c(3, (PW,), "The pace of Zoë's questions", True, "Zoë asked one question and waited",
          (4, 3))),
    (3, 2, None, p(None, 7, 6, UNCLEAR), None),
    (2, JOINT, p(1, 8, 7, REPAIR), p(-1, 7, 6, UNCLEAR),
        c(3, (PW,), "A sick child and a work deadline in the same week", True,
          "Daniel named a return time and kept it", (4, 4))),
    (0, JOINT, p(1, 8, 8, REPAIR), p(-1, 8, 7, REPAIR),
        c(3, (PW,), "Talking about what repair will ask of each", True,
          "Zoë let Daniel finish; Daniel stayed with her tears", (4, 4))),
)  # fmt: skip

# --------------------------------------------------------------------------------------
# 2. Priya (1) and Tom (2): polarizing after Priya's disclosure.
# --------------------------------------------------------------------------------------
RAMAN_ALBRECHT: tuple[ReadingsRow, ...] = (
    (16, JOINT, p(-1, 5, 3), p(2, 9, 7), c(4, (PW,), "Plans for the summer")),
    (15, JOINT, p(-2, 5, 3), p(2, 9, 7),
        c(5, (PW, TH), "Tom's plan for date nights and a weekend away", False, "", (1, 0))),
    (14, 1, p(None, 4, 4), None, None),
    (14, 2, None, p(None, 9, 6), None),
    (12, JOINT, p(-1, 5, 4), p(1, 9, 6),
        c(3, (PW,), "Priya picturing a life on her own", True,
          "Tom named his fear; Priya thanked him", (2, 2))),
    (9, JOINT, p(-1, 5, 4), p(1, 9, 7),
        c(3, (PW,), "Reading the letters aloud", True, "Both cried and stayed with it", (1, 1))),
    (7, JOINT, p(-2, 4, 5), p(2, 9, 8),
        c(4, (PW,), "Priya telling Tom she has looked at places to live", True,
          "Tom slowed down once the switch was named", (2, 1))),
    (6, JOINT, p(-2, 4, 5), p(3, 9, 8),
        c(5, (PW, TH), "Tom asking about the flat searching each evening", False, "", (2, 0))),
    (5, 2, None, p(None, 9, 8), None),
    (4, JOINT,
        p(-3, 4, 4, flooded="Went blank and still when asked for a date by which she would know; "
          "asked to stop for a few minutes."),
        p(3, 9, 8),
        c(6, (PW, TH), "Tom asking for a date by which Priya would know", False, "", (1, 0))),
    (3, 1, p(None, 3, 5, UNCLEAR), None, None),
    (2, JOINT,
        p(-3, 3, 4, UNCLEAR, flooded="Shut down after hearing Tom's list of changes; "
          "could not find words for the rest of the session."),
        p(3, 10, 8),
        c(7, (PW, TH), "Tom reading out a list of what he has changed", False, "", (2, 0))),
    (1, 2, None, p(None, 10, 8), None),
    (0, JOINT,
        p(-3, 3, 4, UNCLEAR, flooded="Went quiet and far away within minutes of the flat "
          "being raised; came back after a break but could say little."),
        p(3, 10, 8),
        c(8, (PW, TH), "Tom asking whether Priya has signed for a flat", False, "", (3, 0))),
)  # fmt: skip

# --------------------------------------------------------------------------------------
# 3. Sam (1) and Łukasz (2): toward redefinition.
# --------------------------------------------------------------------------------------
WHITAKER_WISNIEWSKI: tuple[ReadingsRow, ...] = (
    (13, JOINT, p(2, 7, 4), p(-2, 6, 3),
        c(5, (PW,), "Not knowing how to introduce each other", None, "", (1, 0))),
    (11, JOINT, p(2, 7, 4), p(-2, 6, 3),
        c(5, (TS, PW), "Sam raising what they are to each other", False, "", (1, 0))),
    (9, JOINT, p(1, 7, 5), p(-1, 7, 4),
        c(4, (TS,), "The word boyfriend", True, "Łukasz named his history; Sam softened", (2, 1))),
    (7, JOINT, p(1, 8, 6), p(-1, 7, 5),
        c(3, (PW,), "Łukasz's list of what he needs", True,
          "Both stayed curious rather than defensive", (2, 2))),
    (5, JOINT, p(1, 8, 7, REDEFINE), p(0, 7, 5),
        c(3, (PW,), "Comparing what they wrote", True, "Laughing at how much overlapped", (1, 1))),
    (1, JOINT, p(0, 8, 8, REDEFINE), p(0, 8, 7, REDEFINE),
        c(2, (PW,), "A busy month ahead", True, "Telling the story of the work dinner together",
          (1, 1))),
)  # fmt: skip

# --------------------------------------------------------------------------------------
# 5. Ελένη, seen on her own: stance and clarity only.
# --------------------------------------------------------------------------------------
PAPADAKI: tuple[ReadingsRow, ...] = (  # attending None: the one client, as in her specs
    (19, None, p(None, 5, 2), None, None),
    (15, None, p(None, 4, 3), None, None),
    (12, None, p(None, 4, 4), None, None),
    (9, None, p(None, 5, 5), None, None),
    (5, None, p(None, 6, 6), None, None),
    (0, None, p(None, 7, 7, REPAIR), None, None),
)

# --------------------------------------------------------------------------------------
# 6. Jordan (1) and Kai (2): new agreements, the same commitment.
# --------------------------------------------------------------------------------------
_COOL = "Hurt left unsaid, then coolness met by defending"
REYES_NAKAMURA: tuple[ReadingsRow, ...] = (
    (14, JOINT, p(1, 8, 5), p(-2, 7, 4),
        c(5, (), "Plans moved around at short notice", None, "", (1, 0), other=_COOL)),
    (12, JOINT, p(1, 8, 5), p(-1, 7, 5),
        c(4, (), "A birthday dinner moved at short notice", True,
          "Kai saying the hurt is about being held in mind", (2, 1), other=_COOL)),
    (10, JOINT, p(1, 8, 6), p(-1, 8, 6),
        c(3, (), "Calendar clashes", True, "Checking in before changing plans", (2, 2),
          other=_COOL)),
    (8, JOINT, p(0, 8, 6), p(0, 8, 8, REDEFINE),
        c(2, (), "Kai's draft of new agreements", True,
          "Kai stayed close when Jordan became tearful", (1, 1), other=_COOL)),
    (5, JOINT, p(0, 9, 8, REDEFINE), p(0, 9, 8, REDEFINE),
        c(2, (), "Jordan's changes to the draft", True, "Kai agreeing at once", (1, 1),
          other=_COOL)),
    (2, JOINT, p(0, 9, 9, REDEFINE), p(0, 9, 9, REDEFINE),
        c(1, (), "A missed check-in", True, "Made up the next day", (1, 1), other=_COOL)),
)  # fmt: skip

# --------------------------------------------------------------------------------------
# 7. Amara (1) and Julien (2), separated: letting go with care. Closed afterwards.
# --------------------------------------------------------------------------------------
OSEI_LEFEVRE: tuple[ReadingsRow, ...] = (
    (24, JOINT, p(-1, 3, 6), p(1, 7, 2),
        c(4, (PW,), "How the separation was announced", True,
          "Amara acknowledged how she had told him", (1, 1))),
    (23, 2, None, p(None, 7, 3), None),
    (22, JOINT, p(0, 2, 7), p(1, 6, 3),
        c(3, (PW,), "What had felt unsustainable", True,
          "Sitting quietly together after Julien spoke", (1, 1))),
    (21, 1, p(None, 2, 7), None, None),
    (20, JOINT, p(0, 2, 8, LET_GO), p(1, 5, 4),
        c(3, (PW,), "Picturing being back together", True,
          "Amara stayed with Julien's grief without hurrying it", (1, 1))),
    (18, JOINT, p(0, 1, 8, LET_GO), p(0, 4, 5),
        c(3, (WW,), "Maëlle asking whether they would live together again", True,
          "Agreeing that staying or leaving is not the measure of good parents", (2, 2))),
    (17, JOINT, p(0, 1, 8, LET_GO), p(0, 4, 5),
        c(2, (PW,), "Finding words for Maëlle", True, "Writing the words together, taking turns",
          (1, 1))),
    (16, 2, None, p(None, 3, 6, UNCLEAR), None),
    (15, JOINT, p(0, 1, 9, LET_GO), p(0, 2, 7, LET_GO),
        c(2, (PW,), "Julien naming his direction", True, "Tears on both sides, met gently",
          (1, 1))),
    (13, JOINT, p(0, 1, 9, LET_GO), p(0, 2, 8, LET_GO),
        c(1, (PW,), "Holiday arrangements for Maëlle", True,
          "Turning to practical questions together", (1, 1))),
    (12, JOINT, p(0, 1, 9, LET_GO), p(0, 1, 8, LET_GO),
        c(2, (TS,), "A late handover at the school gate", True,
          "Talking it through by phone that evening", (1, 1))),
    (11, JOINT, p(0, 1, 10, LET_GO), p(0, 1, 9, LET_GO),
        c(1, (PW,), "", True, "A settled, friendly tone throughout")),
)  # fmt: skip

# --------------------------------------------------------------------------------------
# 8. Beatriz (1) and Siobhán (2): just beginning.
# --------------------------------------------------------------------------------------
ALVES_KELLEHER: tuple[ReadingsRow, ...] = (
    (2, JOINT, p(2, 9, 6), p(-1, 6, 2), c(4, (PW,), "Siobhán seeming elsewhere in conversations")),
    (0, JOINT, p(1, 9, 6), p(-1, 5, 3),
        c(3, (PW,), "Siobhán putting her restlessness into words", True,
          "Beatriz listening rather than fixing", (1, 1))),
)  # fmt: skip
