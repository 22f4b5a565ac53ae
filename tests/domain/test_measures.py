"""Measures of movement over a case: per-session distances, robust trends, attention flags.

Timelines are built by hand so every gap, missing reading and individual session is
deliberate.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clarity_desktop.domain.dynamics import CoupleReading, PartnerReading
from clarity_desktop.domain.measures import (
    AttentionFlag,
    Trend,
    attention_flags,
    current_steps,
    latest_intensity,
    partner_name,
    polarization,
    stance_divergence,
    step_gap,
    theil_sen_slope,
    trend_of,
)
from clarity_desktop.domain.steps import Step
from clarity_desktop.domain.timeline import SessionPoint, Timeline

A, B = 11, 22
START = datetime(2026, 1, 5, 10, 0)


def at(day: float) -> datetime:
    return START + timedelta(days=day)


def joint(
    day: float,
    intensity: int | None = None,
    *,
    co_regulation: bool | None = None,
    steps: dict[int, Step] | None = None,
    a: PartnerReading | None = None,
    b: PartnerReading | None = None,
    session_id: int = 0,
) -> SessionPoint:
    partners = {pid: r for pid, r in ((A, a), (B, b)) if r is not None}
    couple = (
        CoupleReading(intensity=intensity, co_regulation=co_regulation)
        if intensity is not None or co_regulation is not None
        else None
    )
    return SessionPoint(
        session_id=session_id or int(day * 10) + 1,
        starts_at=at(day),
        joint=True,
        steps=steps or {},
        partners=partners,
        couple=couple,
    )


def solo(
    day: float,
    pid: int,
    reading: PartnerReading | None = None,
    step: Step | None = None,
) -> SessionPoint:
    """An individual session of one partner: no couple reading."""
    return SessionPoint(
        session_id=int(day * 10) + 1,
        starts_at=at(day),
        joint=False,
        steps={pid: step} if step is not None else {},
        partners={pid: reading} if reading is not None else {},
        couple=None,
    )


def couple_case(*points: SessionPoint, safety: bool = False) -> Timeline:
    return Timeline(
        case_id=1,
        partner_ids=(A, B),
        partner_names=("Alex", "Sam"),
        safety_flag=safety,
        points=tuple(points),
    )


def individual_case(*points: SessionPoint, safety: bool = False) -> Timeline:
    return Timeline(
        case_id=2, partner_ids=(A,), partner_names=("Alex",), safety_flag=safety, points=points
    )


def intensities(*values: int | None, every: float = 7.0) -> Timeline:
    return couple_case(*(joint(i * every, v) for i, v in enumerate(values)))


def codes(flags: list[AttentionFlag]) -> list[str]:
    return [f.code for f in flags]


# ---------------------------------------------------------------------------------------
# Trend


def test_trend_values() -> None:
    assert [t.value for t in Trend] == ["falling", "rising", "steady", "mixed", "not_enough"]


# ---------------------------------------------------------------------------------------
# Per-session measures


def test_polarization_is_the_distance_between_positions() -> None:
    point = joint(0, a=PartnerReading(position=3), b=PartnerReading(position=-2))
    assert polarization(point, A, B) == 5
    assert polarization(point, B, A) == 5


def test_polarization_needs_both_positions() -> None:
    assert polarization(joint(0, a=PartnerReading(position=2)), A, B) is None
    assert polarization(joint(0, a=PartnerReading(position=2), b=PartnerReading()), A, B) is None
    assert polarization(solo(0, A, PartnerReading(position=1)), A, B) is None
    assert polarization(joint(0), A, B) is None


def test_step_gap_reads_the_steps_recorded_at_the_session() -> None:
    point = joint(0, steps={A: Step.NAME_WHATS_HAPPENING, B: Step.FIND_YOUR_DIRECTION})
    assert step_gap(point, A, B) == 2
    assert step_gap(joint(0, steps={A: Step.LEAN_IN, B: Step.LEAN_IN}), A, B) == 0
    assert step_gap(joint(0, steps={A: Step.LEAN_IN}), A, B) is None
    assert step_gap(solo(0, A, step=Step.LEAN_IN), A, B) is None


def test_stance_divergence_is_a_distance_not_a_direction() -> None:
    point = joint(0, a=PartnerReading(stance=9), b=PartnerReading(stance=2))
    assert stance_divergence(point, A, B) == 7
    assert stance_divergence(point, B, A) == 7
    assert stance_divergence(joint(0, a=PartnerReading(stance=9)), A, B) is None
    assert stance_divergence(joint(0, a=PartnerReading(stance=9), b=PartnerReading()), A, B) is None


positions = st.one_of(st.none(), st.integers(-3, 3))


@given(positions, positions)
def test_polarization_is_symmetric_and_within_the_scale(pa: int | None, pb: int | None) -> None:
    point = joint(0, a=PartnerReading(position=pa), b=PartnerReading(position=pb))
    value = polarization(point, A, B)
    assert value == polarization(point, B, A)
    if pa is None or pb is None:
        assert value is None
    else:
        assert value is not None and 0 <= value <= 6


# ---------------------------------------------------------------------------------------
# Theil-Sen and trend_of


def test_theil_sen_slope_of_a_line() -> None:
    assert theil_sen_slope([(0, 1), (1, 3), (2, 5)]) == pytest.approx(2.0)


def test_theil_sen_ignores_pairs_at_the_same_moment_and_needs_one_pair() -> None:
    assert theil_sen_slope([]) is None
    assert theil_sen_slope([(0, 1)]) is None
    assert theil_sen_slope([(3, 1), (3, 7)]) is None
    assert theil_sen_slope([(0, 4), (0, 9), (2, 2)]) is not None


def test_theil_sen_shrugs_off_one_wild_point() -> None:
    clean = [(float(x), 10.0 - x) for x in range(6)]
    wild = [*clean[:3], (3.0, 10.0), *clean[4:]]
    assert theil_sen_slope(wild) == pytest.approx(-1.0)


def test_fewer_than_three_readings_is_not_enough() -> None:
    assert trend_of([]) is Trend.NOT_ENOUGH
    assert trend_of([(at(0), 5)]) is Trend.NOT_ENOUGH
    assert trend_of([(at(0), 8), (at(7), 2)]) is Trend.NOT_ENOUGH
    assert trend_of([(at(0), 8), (at(7), None), (at(14), 2), (at(21), None)]) is Trend.NOT_ENOUGH


def test_readings_all_at_one_moment_are_not_enough() -> None:
    assert trend_of([(at(0), 8), (at(0), 5), (at(0), 2)]) is Trend.NOT_ENOUGH


def test_missing_readings_are_skipped_not_counted_as_zero() -> None:
    readings = [(at(0), 7), (at(7), None), (at(14), 7), (at(21), None), (at(28), 7)]
    assert trend_of(readings) is Trend.STEADY


def test_only_the_last_n_readings_count() -> None:
    # Rising for months, then a clear easing over the last six readings.
    values = [1, 3, 5, 7, 9, 10, 9, 8, 7, 6, 5]
    readings = [(at(7 * i), v) for i, v in enumerate(values)]
    assert trend_of(readings, last_n=6) is Trend.FALLING
    # Over all of them the line rises and 5 is above 1, but the latest reading fell: the
    # readings do not agree, so no trend is called.
    assert trend_of(readings, last_n=100) is Trend.MIXED


def test_a_one_point_wobble_is_steady() -> None:
    readings = [(at(7 * i), v) for i, v in enumerate([5, 6, 5, 6, 5, 6])]
    assert trend_of(readings) is Trend.STEADY
    readings = [(at(7 * i), v) for i, v in enumerate([5, 5, 5, 5, 5, 6])]
    assert trend_of(readings) is Trend.STEADY


def test_monthly_sessions_that_ease_a_point_each_time_read_as_easing() -> None:
    readings = [(at(0), 8), (at(30), 7), (at(61), 6)]
    assert trend_of(readings) is Trend.FALLING


def test_uneven_gaps_weigh_as_the_time_they_were() -> None:
    # Three close sessions with high intensity, a long break, then one lower reading: the
    # long break carries the change, and it still reads as easing.
    readings = [(at(0), 7), (at(3), 7), (at(7), 7), (at(120), 4)]
    assert trend_of(readings) is Trend.FALLING
    # Readings out of order are put in date order first.
    assert trend_of(list(reversed(readings))) is Trend.FALLING


def test_last_n_must_be_positive() -> None:
    with pytest.raises(ValueError):
        trend_of([(at(0), 1)], last_n=0)


day_gaps = st.lists(st.integers(1, 60), min_size=2, max_size=10)


def dated(values: list[int], gaps: list[int]) -> list[tuple[datetime, int | None]]:
    days = [0]
    for g in gaps:
        days.append(days[-1] + g)
    return [(at(d), v) for d, v in zip(days, values, strict=False)]


@given(st.sets(st.integers(0, 10), min_size=3, max_size=11), day_gaps)
def test_a_strictly_decreasing_series_is_falling(values: set[int], gaps: list[int]) -> None:
    n = min(len(values), len(gaps) + 1)
    series = sorted(values, reverse=True)[:n]
    assert trend_of(dated(series, gaps), last_n=n) is Trend.FALLING


@given(st.sets(st.integers(0, 10), min_size=3, max_size=11), day_gaps)
def test_a_strictly_increasing_series_is_rising(values: set[int], gaps: list[int]) -> None:
    n = min(len(values), len(gaps) + 1)
    series = sorted(values)[:n]
    assert trend_of(dated(series, gaps), last_n=n) is Trend.RISING


@given(st.integers(0, 10), st.integers(3, 12), day_gaps)
def test_a_constant_series_is_steady(value: int, n: int, gaps: list[int]) -> None:
    readings = dated([value] * n, gaps)
    expected = Trend.STEADY if len(readings) >= 3 else Trend.NOT_ENOUGH
    assert trend_of(readings, last_n=n) is expected


@given(
    st.sets(st.integers(0, 10), min_size=6, max_size=10),
    st.lists(st.integers(1, 60), min_size=11, max_size=11),
    st.integers(1, 9),
    st.integers(0, 10),
)
def test_one_outlier_inside_a_long_decreasing_series_keeps_it_falling(
    values: set[int], gaps: list[int], where: int, outlier: int
) -> None:
    # Theil-Sen shrugs off one wild reading after the first and before the latest two
    # (a wild latest change is never shrugged off: see the flare-up test below).
    clean: list[int] = sorted(values, reverse=True)
    where = 1 + where % (len(clean) - 2)
    series = [*clean[:where], outlier, *clean[where:]]
    assert trend_of(dated(series, gaps), last_n=len(series)) is Trend.FALLING


def test_a_flare_up_at_the_latest_reading_is_never_easing() -> None:
    readings = [(at(7 * i), v) for i, v in enumerate([8, 7, 5, 4, 1, 6])]
    assert trend_of(readings) is Trend.MIXED
    # Flat, then a jump: not steady either.
    readings = [(at(7 * i), v) for i, v in enumerate([2, 2, 2, 2, 2, 6])]
    assert trend_of(readings) is Trend.MIXED


optional_readings = st.lists(
    st.tuples(
        st.datetimes(min_value=datetime(2020, 1, 1), max_value=datetime(2030, 1, 1)),
        st.one_of(st.none(), st.integers(0, 10)),
    ),
    max_size=15,
)


@given(optional_readings, st.integers(1, 20))
def test_trends_never_raise_for_any_optional_readings(
    readings: list[tuple[datetime, int | None]], last_n: int
) -> None:
    assert isinstance(trend_of(readings, last_n), Trend)


# ---------------------------------------------------------------------------------------
# Latest values


def test_latest_intensity() -> None:
    assert latest_intensity(couple_case()) is None
    assert latest_intensity(intensities(5, 7, None)) == 7
    assert latest_intensity(couple_case(joint(0), solo(2, A))) is None


def test_current_steps_are_the_newest_recorded_per_partner() -> None:
    timeline = couple_case(
        joint(0, steps={A: Step.NOTICE_THE_SHIFT, B: Step.NOTICE_THE_SHIFT}),
        solo(3, A, step=Step.LEAN_IN),
        joint(7, steps={B: Step.NAME_WHATS_HAPPENING}),
        joint(14),
    )
    assert current_steps(timeline) == {A: Step.LEAN_IN, B: Step.NAME_WHATS_HAPPENING}
    assert current_steps(couple_case()) == {}
    assert current_steps(couple_case(solo(0, B, step=Step.LEAN_IN))) == {B: Step.LEAN_IN}


def test_partner_name_falls_back_when_names_are_missing() -> None:
    timeline = Timeline(1, (A, B), ("Alex", " "), False, ())
    assert partner_name(timeline, A) == "Alex"
    assert partner_name(timeline, B) == "Partner 2"
    assert partner_name(timeline, 999) == "A partner"


# ---------------------------------------------------------------------------------------
# Attention flags

TODAY = date(2026, 3, 1)


def test_no_flags_for_a_brand_new_case() -> None:
    assert attention_flags(couple_case(), TODAY) == []
    assert attention_flags(individual_case(), TODAY) == []


def test_safety_flag_alone() -> None:
    flags = attention_flags(couple_case(safety=True), TODAY)
    assert flags == [
        AttentionFlag("safety", "Safety flag set: check before joint work or joint handouts.")
    ]


def test_step_gap_names_the_partners_and_their_steps() -> None:
    timeline = couple_case(
        joint(50, steps={A: Step.NAME_WHATS_HAPPENING, B: Step.LEAN_IN}),
        solo(52, B, step=Step.FIND_YOUR_DIRECTION),
    )
    (flag,) = attention_flags(timeline, TODAY)
    assert flag.code == "step_gap"
    assert "2 · Name What's Happening" in flag.message
    assert "4 · Find Your Direction" in flag.message
    assert "Alex" in flag.message and "Sam" in flag.message


def test_one_step_apart_or_one_step_unknown_is_no_flag() -> None:
    assert (
        attention_flags(couple_case(joint(50, steps={A: Step.LEAN_IN, B: Step.LEAN_IN})), TODAY)
        == []
    )
    near = couple_case(joint(50, steps={A: Step.LEAN_IN, B: Step.FIND_YOUR_DIRECTION}))
    assert attention_flags(near, TODAY) == []
    assert attention_flags(couple_case(joint(50, steps={A: Step.MOVE_FORWARD})), TODAY) == []


def test_individual_case_never_gets_a_step_gap() -> None:
    timeline = individual_case(solo(50, A, step=Step.NOTICE_THE_SHIFT))
    assert "step_gap" not in codes(attention_flags(timeline, TODAY))


FLOODED = PartnerReading(flooded=True)
CALM = PartnerReading()


def test_flooding_in_consecutive_attended_sessions() -> None:
    timeline = couple_case(
        joint(40, a=CALM, b=CALM),
        joint(47, a=FLOODED, b=CALM),
        solo(50, B, CALM),  # Alex was not there: does not break Alex's run
        joint(54, a=FLOODED, b=CALM),
    )
    flags = attention_flags(timeline, TODAY)
    assert codes(flags) == ["flooding_repeat"]
    assert "Alex" in flags[0].message and "Sam" not in flags[0].message
    assert "last 2 sessions" in flags[0].message


def test_flooding_once_or_not_in_the_latest_session_is_no_flag() -> None:
    once = couple_case(joint(47, a=CALM), joint(54, a=FLOODED))
    assert attention_flags(once, TODAY) == []
    earlier = couple_case(joint(40, a=FLOODED), joint(47, a=FLOODED), joint(54, a=CALM))
    assert attention_flags(earlier, TODAY) == []
    # Attended a joint session with nothing recorded: not known to have flooded.
    gap = couple_case(joint(40, a=FLOODED), joint(47), joint(54, a=FLOODED))
    assert attention_flags(gap, TODAY) == []


def test_both_partners_flooding_is_one_flag_naming_both() -> None:
    timeline = couple_case(
        solo(30, B, FLOODED),
        joint(40, a=FLOODED, b=FLOODED),
        joint(47, a=FLOODED, b=FLOODED),
    )
    flags = attention_flags(timeline, TODAY)
    assert codes(flags) == ["flooding_repeat"]
    assert "Alex" in flags[0].message and "Sam" in flags[0].message
    assert "last 3 sessions" in flags[0].message  # Sam's run includes the individual one


def test_flooding_in_an_individual_case() -> None:
    timeline = individual_case(solo(40, A, FLOODED), solo(47, A, FLOODED))
    assert codes(attention_flags(timeline, TODAY)) == ["flooding_repeat"]


def test_intensity_rising_three_sessions_running() -> None:
    timeline = couple_case(
        joint(20, 4), joint(27, 5), solo(30, A), joint(34, None), joint(41, 7), joint(48, 8)
    )
    flags = attention_flags(timeline, TODAY)
    assert codes(flags) == ["intensity_rising"]
    assert "4 → 5 → 7 → 8" in flags[0].message


def test_two_rises_or_a_flat_step_is_no_intensity_flag() -> None:
    assert attention_flags(couple_case(joint(34, 5), joint(41, 7), joint(48, 8)), TODAY) == []
    flat = couple_case(joint(27, 4), joint(34, 5), joint(41, 5), joint(48, 8))
    assert attention_flags(flat, TODAY) == []
    earlier = couple_case(joint(20, 1), joint(27, 2), joint(34, 3), joint(41, 4), joint(48, 2))
    assert attention_flags(earlier, TODAY) == []


def test_no_coregulation_in_the_last_four_that_recorded_it() -> None:
    timeline = couple_case(
        joint(10, co_regulation=True),
        joint(20, co_regulation=False),
        joint(27, co_regulation=False),
        joint(30, 5),  # recorded intensity, not co-regulation: not counted
        solo(32, A),
        joint(34, co_regulation=False),
        joint(41, co_regulation=False),
    )
    flags = attention_flags(timeline, TODAY)
    assert codes(flags) == ["no_coregulation"]


def test_co_regulation_seen_recently_or_too_few_records_is_no_flag() -> None:
    three = couple_case(*(joint(d, co_regulation=False) for d in (27, 34, 41)))
    assert attention_flags(three, TODAY) == []
    seen = couple_case(
        *(joint(d, co_regulation=False) for d in (13, 20, 27, 34)), joint(41, co_regulation=True)
    )
    assert attention_flags(seen, TODAY) == []


def test_no_recent_session() -> None:
    timeline = couple_case(joint(0), joint(7))  # 12 Jan 2026
    flags = attention_flags(timeline, TODAY)
    assert codes(flags) == ["no_recent_session"]
    assert "30 days" in flags[0].message and "12 Jan 2026" in flags[0].message
    assert attention_flags(timeline, TODAY, quiet_days=60) == []


def test_quiet_days_boundary_and_booked_sessions() -> None:
    last = at(7).date()
    timeline = couple_case(joint(0), joint(7))
    assert attention_flags(timeline, last + timedelta(days=30)) == []
    assert codes(attention_flags(timeline, last + timedelta(days=31))) == ["no_recent_session"]
    booked = couple_case(joint(0), joint(200))  # next session already booked
    assert attention_flags(booked, TODAY) == []


def test_flags_come_safety_first_then_in_a_fixed_order() -> None:
    timeline = couple_case(
        joint(
            0,
            2,
            co_regulation=False,
            a=FLOODED,
            steps={A: Step.NOTICE_THE_SHIFT, B: Step.LEAN_IN},
        ),
        joint(7, 3, co_regulation=False, a=FLOODED),
        joint(14, 4, co_regulation=False, a=FLOODED),
        joint(21, 5, co_regulation=False, a=FLOODED),
        safety=True,
    )
    assert codes(attention_flags(timeline, TODAY)) == [
        "safety",
        "step_gap",
        "flooding_repeat",
        "intensity_rising",
        "no_coregulation",
        "no_recent_session",
    ]


# ---------------------------------------------------------------------------------------
# Attention flags and trends over arbitrary timelines

readings = st.builds(
    PartnerReading,
    position=st.one_of(st.none(), st.integers(-3, 3)),
    stance=st.one_of(st.none(), st.integers(0, 10)),
    clarity=st.one_of(st.none(), st.integers(0, 10)),
    flooded=st.booleans(),
)
couple_readings = st.one_of(
    st.none(),
    st.builds(
        CoupleReading,
        intensity=st.one_of(st.none(), st.integers(0, 10)),
        co_regulation=st.one_of(st.none(), st.booleans()),
    ),
)


@st.composite
def timelines(draw: st.DrawFn) -> Timeline:
    ids = draw(st.sampled_from([(A,), (A, B)]))
    n = draw(st.integers(0, 12))
    points = []
    for i in range(n):
        together = len(ids) == 2 and draw(st.booleans())
        attending = ids if together else (draw(st.sampled_from(ids)),)
        partners = {pid: draw(readings) for pid in attending if draw(st.booleans())}
        steps = {pid: draw(st.sampled_from(list(Step))) for pid in attending if draw(st.booleans())}
        points.append(
            SessionPoint(
                session_id=i + 1,
                starts_at=at(draw(st.integers(0, 400))),
                joint=together,
                steps=steps,
                partners=partners,
                couple=draw(couple_readings) if together else None,
            )
        )
    points.sort(key=lambda p: p.starts_at)
    names = ("Alex", "Sam")[: len(ids)]
    return Timeline(1, ids, names, draw(st.booleans()), tuple(points))


@given(timelines(), st.dates(min_value=date(2025, 1, 1), max_value=date(2028, 1, 1)))
def test_attention_flags_never_raise_nor_repeat_a_code(timeline: Timeline, today: date) -> None:
    flags = attention_flags(timeline, today)
    found = codes(flags)
    assert len(found) == len(set(found))
    assert ("safety" in found) == timeline.safety_flag
    if timeline.safety_flag:
        assert found[0] == "safety"
    if len(timeline.partner_ids) == 1:
        assert "step_gap" not in found
    if not timeline.points:
        assert found in ([], ["safety"])
    assert all(f.message.strip() for f in flags)


def test_a_sharp_rise_with_flooding_is_flagged_as_a_flare_up() -> None:
    calm = [joint(7 * i, v) for i, v in enumerate([4, 3, 2])]
    flooded = joint(21, 6, a=PartnerReading(clarity=4, flooded=True), b=PartnerReading())
    flags = attention_flags(couple_case(*calm, flooded), date(2026, 2, 1))
    assert codes(flags) == ["flare_up"]
    assert flags[0].message == (
        "Loop intensity rose sharply, from 2 to 6, at the latest session that recorded it "
        "(26 Jan 2026), and Alex flooded."
    )
    # The same rise without flooding, or a smaller one with it, is no flare-up.
    quiet = joint(21, 6, a=PartnerReading(clarity=4), b=PartnerReading())
    assert "flare_up" not in codes(attention_flags(couple_case(*calm, quiet), date(2026, 2, 1)))
    small = joint(21, 4, a=PartnerReading(flooded=True), b=PartnerReading())
    assert "flare_up" not in codes(attention_flags(couple_case(*calm, small), date(2026, 2, 1)))
