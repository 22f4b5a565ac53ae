"""What moved, in words: the one source the dashboard, the overview and the reports use.

The properties at the end read each sentence as a clinician would: the numbers it quotes
(first and last reading, the latest and the one before) must never move against the
trend word in the same sentence.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clarity_desktop.domain.dynamics import CoupleReading, PartnerReading
from clarity_desktop.domain.measures import Trend, latest_polarization
from clarity_desktop.domain.movement import (
    Measure,
    Movement,
    clarity_movement,
    distance_movement,
    intensity_movement,
    movement_of,
)
from clarity_desktop.domain.timeline import SessionPoint, Timeline
from tests.domain.test_measures import (
    A,
    B,
    at,
    couple_case,
    individual_case,
    intensities,
    joint,
    solo,
    timelines,
)

# ---------------------------------------------------------------------------------------
# Trends over a timeline


def test_intensity_of_an_empty_or_single_session_case() -> None:
    assert intensity_movement(couple_case()).trend is Trend.NOT_ENOUGH
    assert intensity_movement(couple_case()).change == "not recorded yet"
    one = intensity_movement(intensities(6))
    assert one.trend is Trend.NOT_ENOUGH
    assert one.change == "6 of 10 (the first reading)"


def test_intensity_easing_rising_steady_mixed() -> None:
    assert intensity_movement(intensities(8, 7, 5, 4)).trend is Trend.FALLING
    assert intensity_movement(intensities(8, 7, 5, 4)).word == "easing"
    assert intensity_movement(intensities(2, 4, 5, 7)).word == "rising"
    assert intensity_movement(intensities(5, 5, 5, 5)).word == "steady"
    assert intensity_movement(intensities(8, 7, 5, 4, 1, 6)).word == "mixed"


def test_intensity_skips_individual_sessions_and_missing_readings() -> None:
    timeline = couple_case(
        joint(0, 8),
        solo(3, A, PartnerReading(clarity=4)),
        joint(7),  # joint, nothing recorded about the loop
        solo(10, B),
        joint(14, None, co_regulation=True),  # a couple reading without intensity
        joint(21, 6),
        joint(35, 4),
    )
    moved = intensity_movement(timeline)
    assert moved.trend is Trend.FALLING
    assert [r.value for r in moved.readings] == [8, 6, 4]


def test_intensity_window_counts_sessions_with_a_reading() -> None:
    # Seven readings; the last three (with gaps of missing readings between) are steady.
    timeline = intensities(9, 8, 7, 6, 5, None, 5, None, None, 5)
    assert intensity_movement(timeline, last_n=3).trend is Trend.STEADY
    assert intensity_movement(timeline).trend is Trend.FALLING
    assert len(intensity_movement(timeline, last_n=None).readings) == 7


def test_clarity_is_per_partner_and_uses_individual_sessions() -> None:
    timeline = couple_case(
        joint(0, a=PartnerReading(clarity=2), b=PartnerReading(clarity=8)),
        solo(7, A, PartnerReading(clarity=4)),
        solo(9, B, PartnerReading(clarity=8)),
        joint(14, a=PartnerReading(), b=PartnerReading(clarity=8)),
        solo(21, A, PartnerReading(clarity=6)),
    )
    assert clarity_movement(timeline, A).word == "growing"
    assert clarity_movement(timeline, B).word == "steady"
    assert clarity_movement(timeline, 999).trend is Trend.NOT_ENOUGH
    assert clarity_movement(couple_case(), A).trend is Trend.NOT_ENOUGH


def test_distance_narrows_as_partners_move_closer() -> None:
    timeline = couple_case(
        joint(0, a=PartnerReading(position=3), b=PartnerReading(position=-3)),
        solo(4, A, PartnerReading(position=3)),
        joint(7, a=PartnerReading(position=2), b=PartnerReading(position=-2)),
        joint(14, a=PartnerReading(position=1), b=PartnerReading()),
        joint(21, a=PartnerReading(position=1), b=PartnerReading(position=-1)),
    )
    moved = distance_movement(timeline)
    assert moved.word == "drawing closer"
    assert moved.change == "2 points apart, down from 4 last time"
    assert latest_polarization(timeline) == 2


def test_distance_needs_two_partners() -> None:
    timeline = individual_case(*(solo(7 * i, A, PartnerReading(position=i - 3)) for i in range(5)))
    assert distance_movement(timeline).trend is Trend.NOT_ENOUGH
    assert latest_polarization(timeline) is None
    assert distance_movement(couple_case()).trend is Trend.NOT_ENOUGH
    assert latest_polarization(couple_case()) is None


# ---------------------------------------------------------------------------------------
# The flare-up of the issue: intensity 1 -> 6, a partner flooded, clarity 9 -> 4


def flare_up() -> list[SessionPoint]:
    values = [(4, 5), (3, 6), (2, 8), (1, 9), (6, 4)]  # (intensity, Alex's clarity)
    out = []
    for i, (intensity, clarity) in enumerate(values):
        out.append(
            SessionPoint(
                session_id=i + 1,
                starts_at=at(14 * i),
                joint=True,
                steps={},
                partners={
                    A: PartnerReading(clarity=clarity, flooded=i == len(values) - 1),
                    B: PartnerReading(clarity=5),
                },
                couple=CoupleReading(intensity=intensity),
            )
        )
    return out


def test_a_flare_up_is_said_as_it_happened() -> None:
    timeline = couple_case(*flare_up())
    intensity = intensity_movement(timeline)
    assert intensity.change == "6 of 10, up from 1 last time"
    assert intensity.word == "mixed"
    clarity = clarity_movement(timeline, A)
    assert clarity.change == "4 of 10, down from 9 last time"
    assert clarity.word == "mixed"
    sentence = clarity.sentence("Alex's clarity", "in this period")
    assert "grew" not in sentence
    assert sentence == (
        "Alex's clarity: 4 of 10 at the latest reading (2 Mar 2026), down from 9 at the one "
        "before (16 Feb 2026); over 5 readings in this period, from 5 to 4, no clear "
        "direction: the readings do not agree (mixed)."
    )


def test_a_private_reading_is_marked_where_quoted() -> None:
    private = SessionPoint(9, at(30), False, {}, {A: PartnerReading(clarity=7)}, None, private=True)
    timeline = couple_case(joint(0, a=PartnerReading(clarity=3)), private)
    sentence = clarity_movement(timeline, A).sentence("Alex's clarity")
    assert "7 of 10 at the latest reading (4 Feb 2026, individual session)" in sentence
    assert "(5 Jan 2026)" in sentence  # the joint session is not marked
    # The shareable timeline does not hold it at all.
    assert clarity_movement(timeline.shareable(), A).change == "3 of 10 (the first reading)"


def test_last_n_must_be_positive() -> None:
    with pytest.raises(ValueError):
        movement_of(Measure.INTENSITY, [(at(0), 1, "")], last_n=0)


# ---------------------------------------------------------------------------------------
# Properties: a sentence never contradicts its own numbers

# "over 5 readings in this period, from 5 to 4, it grew."
SPAN = re.compile(r"from (\d+) to (\d+), (it [a-z ]+|no clear direction)")
# "4 of 10 at the latest reading (...), down from 9 at the one before"
LATEST = re.compile(
    r": (\d+) (?:of \d+|points? apart) at the latest reading \([^)]*\), "
    r"(up from|down from|unchanged from) ?(\d*)"
)
FALLING_WORDS = ("it eased", "it narrowed", "it lessened")
RISING_WORDS = ("it rose", "it widened", "it grew")
LEVEL_WORDS = ("it held about level", "it stayed about the same")

series = st.lists(st.integers(0, 10), min_size=0, max_size=14)
gaps = st.lists(st.integers(1, 45), min_size=14, max_size=14)
windows = st.one_of(st.none(), st.integers(1, 12))


def dated(values: list[int], day_gaps: list[int]) -> list[tuple[datetime, int | None, str]]:
    when, out = at(0), []
    for value, gap in zip(values, day_gaps, strict=False):
        out.append((when, value, ""))
        when += timedelta(days=gap)
    return out


def check_sentence(sentence: str, moved: Movement) -> None:
    span = SPAN.search(sentence)
    latest = LATEST.search(sentence)
    if span is None:
        # No trend stated: no trend word may appear either.
        assert not any(w in sentence for w in FALLING_WORDS + RISING_WORDS + LEVEL_WORDS)
        return
    assert latest is not None, sentence
    first, last = int(span.group(1)), int(span.group(2))
    words = span.group(3)
    now, how = int(latest.group(1)), latest.group(2)
    before = int(latest.group(3)) if latest.group(3) else now
    assert now == last  # the latest reading is the last one of the span
    if how == "up from":
        assert now > before
    elif how == "down from":
        assert now < before
    if words.startswith(FALLING_WORDS):
        assert last < first, sentence
        assert how != "up from", sentence
    elif words.startswith(RISING_WORDS):
        assert last > first, sentence
        assert how != "down from", sentence
    elif words.startswith(LEVEL_WORDS):
        assert abs(last - first) <= 1 and abs(now - before) <= 1, sentence
    else:
        assert words == "no clear direction", sentence
        assert moved.trend is Trend.MIXED


@given(series, gaps, windows, st.sampled_from(list(Measure)))
def test_no_sentence_contradicts_its_own_numbers(
    values: list[int], day_gaps: list[int], last_n: int | None, measure: Measure
) -> None:
    readings = dated([min(v, measure.top) for v in values], day_gaps)
    moved = movement_of(measure, readings, last_n or len(readings) or 1)
    check_sentence(moved.sentence("The measure"), moved)


@given(series, gaps, windows)
def test_no_chip_word_contradicts_the_latest_change(
    values: list[int], day_gaps: list[int], last_n: int | None
) -> None:
    readings = dated(values, day_gaps)
    moved = movement_of(Measure.INTENSITY, readings, last_n or 6)
    if moved.word == "easing":
        assert "up from" not in moved.change
        assert moved.readings[-1].value < moved.readings[0].value
    if moved.word == "rising":
        assert "down from" not in moved.change
        assert moved.readings[-1].value > moved.readings[0].value
    if moved.word == "steady":
        assert abs(moved.readings[-1].value - moved.readings[-2].value) <= 1


@given(st.lists(st.tuples(st.integers(0, 10), st.integers(0, 10)), max_size=12), gaps)
def test_clarity_sentences_over_timelines_hold_too(
    pairs: list[tuple[int, int]], day_gaps: list[int]
) -> None:
    points = []
    day = 0
    for i, ((intensity, clarity), gap) in enumerate(zip(pairs, day_gaps, strict=False)):
        points.append(
            SessionPoint(
                i + 1,
                at(day),
                True,
                {},
                {A: PartnerReading(clarity=clarity)},
                CoupleReading(intensity=intensity),
            )
        )
        day += gap
    timeline = couple_case(*points)
    for moved in (
        intensity_movement(timeline, None),
        clarity_movement(timeline, A, None),
        intensity_movement(timeline),
    ):
        check_sentence(moved.sentence("X"), moved)


@given(timelines(), st.integers(1, 10))
def test_timeline_movements_never_raise_and_hold_their_word(
    timeline: Timeline, last_n: int
) -> None:
    moves = [intensity_movement(timeline, last_n), distance_movement(timeline, last_n)]
    moves += [clarity_movement(timeline, pid, last_n) for pid in timeline.partner_ids]
    for moved in moves:
        assert moved.word and moved.change
        check_sentence(moved.sentence("X"), moved)
    if len(timeline.partner_ids) == 1:
        assert moves[1].trend is Trend.NOT_ENOUGH
