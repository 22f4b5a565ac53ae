"""Measures of movement over a case's sessions, for the case view, charts and reports.

Everything here describes *movement*: whether the loop between the partners is loosening,
whether the partners are drawing closer or further apart, whether each partner's clarity is
growing. Nothing here scores a couple toward staying or leaving; a wide stance divergence
or a partner at step 4 is information for the therapist, never a verdict or a goal.

Missing data stays missing: ``None`` means "not observed" or "not asked", so a measure that
needs two readings returns ``None`` when either is absent rather than guessing.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import Enum
from itertools import pairwise
from statistics import median

from clarity_desktop.domain.steps import Step
from clarity_desktop.domain.timeline import SessionPoint, Timeline

# A trend is called only when the robust line moves at least this many points (on the
# 0-10 scales; polarization is 0-6) from the first to the last reading of the window.
# One point is the smallest difference a clinician can record, so anything less is
# within the wobble of a hand-given rating. The band is measured across the window rather
# than per calendar month so that a couple seen monthly, whose intensity drops a point a
# session, still reads as easing; the slope itself is per day, so an uneven gap between
# sessions weighs as the time it really was.
STEADY_BAND_POINTS = 1.0
MIN_TREND_READINGS = 3
DEFAULT_TREND_WINDOW = 6

# Attention flags
STEP_GAP_FLAG_AT = 2  # steps apart
FLOODING_RUN_FLAG_AT = 2  # consecutive attended sessions
INTENSITY_RISES_FLAG_AT = 3  # consecutive increases among sessions with a reading
SHARP_RISE_POINTS = 3  # a jump in loop intensity from one reading to the next
NO_COREGULATION_WINDOW = 4  # joint sessions that recorded co-regulation
DEFAULT_QUIET_DAYS = 30


class Trend(Enum):
    """The direction of a series. MIXED: the readings do not agree on one (the robust
    line points one way while the first and last readings, or the latest change, point
    the other). Words for each measure live in domain/movement.py, the one place the
    dashboard, the overview and the reports take them from."""

    FALLING = "falling"
    RISING = "rising"
    STEADY = "steady"
    MIXED = "mixed"
    NOT_ENOUGH = "not_enough"


@dataclass(frozen=True)
class AttentionFlag:
    """Something worth a look before the next session; ``code`` is stable, ``message`` is
    neutral clinician wording in English (the PDFs), and ``params`` what the window needs
    to say it in the user's language (ui/common/labels.py flag_text)."""

    code: str
    message: str
    params: dict[str, object] = field(default_factory=dict, compare=False)


# ---------------------------------------------------------------------------------------
# Per-session measures


def polarization(point: SessionPoint, a: int, b: int) -> int | None:
    """Distance between two partners on the pursue/withdraw scale (0..6), at one session.

    ``None`` unless both positions were recorded at that session (so an individual session,
    with one partner in the room, never has one)."""
    pa, pb = point.partners.get(a), point.partners.get(b)
    if pa is None or pb is None or pa.position is None or pb.position is None:
        return None
    return abs(pa.position - pb.position)


def step_gap(point: SessionPoint, a: int, b: int) -> int | None:
    """How many steps apart two partners were at one session; ``None`` unless both steps
    were recorded there."""
    sa, sb = point.steps.get(a), point.steps.get(b)
    if sa is None or sb is None:
        return None
    return abs(int(sa) - int(sb))


def stance_divergence(point: SessionPoint, a: int, b: int) -> int | None:
    """How far apart two partners' stances were at one session (0..10). A difference, not a
    direction: it says nothing about which way either partner leans."""
    pa, pb = point.partners.get(a), point.partners.get(b)
    if pa is None or pb is None or pa.stance is None or pb.stance is None:
        return None
    return abs(pa.stance - pb.stance)


# ---------------------------------------------------------------------------------------
# Trends


def theil_sen_slope(points: Sequence[tuple[float, float]]) -> float | None:
    """The median of the slopes between every pair of points with different x.

    Theil-Sen rather than least squares because one odd session (a crisis week, a rating
    given in a hurry) must not flip the direction shown: the median ignores up to about
    29% of wild points, where a single outlier can swing an ordinary regression line.
    ``None`` when no pair has different x (all readings at the same moment)."""
    slopes = [
        (y2 - y1) / (x2 - x1)
        for i, (x1, y1) in enumerate(points)
        for x2, y2 in points[i + 1 :]
        if x2 != x1
    ]
    return median(slopes) if slopes else None


def recent_readings(
    readings: Iterable[tuple[datetime, int | float | None]],
    last_n: int = DEFAULT_TREND_WINDOW,
) -> list[tuple[datetime, float]]:
    """The last ``last_n`` readings that have a value, oldest first. Readings without a
    value are skipped, not counted as zero, so a session where nothing was recorded
    neither shortens nor bends the window."""
    if last_n < 1:
        raise ValueError("last_n must be at least 1.")
    present = sorted(
        ((when, float(value)) for when, value in readings if value is not None),
        key=lambda r: r[0],
    )
    return present[-last_n:]


def trend_of_window(window: Sequence[tuple[datetime, float]]) -> Trend:
    """The direction of readings already chosen (oldest first), called only when they agree.

    The robust line (Theil-Sen, see :func:`theil_sen_slope`, with time in days so a
    three-month break weighs as three months) proposes a direction; it is called only if
    the last reading is on that side of the first and the latest change does not go the
    other way. A line within ``STEADY_BAND_POINTS`` is STEADY only while the first and last
    readings, and the latest two, are at most a point apart. Anything else is MIXED: a
    flare-up at the latest session is never smoothed into "easing". Fewer than three
    readings (or all at one moment) is NOT_ENOUGH.
    """
    if len(window) < MIN_TREND_READINGS:
        return Trend.NOT_ENOUGH
    first_at = window[0][0]
    xy = [((when - first_at).total_seconds() / 86400.0, value) for when, value in window]
    slope = theil_sen_slope(xy)
    if slope is None:
        return Trend.NOT_ENOUGH
    change = slope * (xy[-1][0] - xy[0][0])
    overall = window[-1][1] - window[0][1]
    latest = window[-1][1] - window[-2][1]
    if abs(change) < STEADY_BAND_POINTS:
        if abs(overall) <= STEADY_BAND_POINTS and abs(latest) <= STEADY_BAND_POINTS:
            return Trend.STEADY
        return Trend.MIXED
    sign = 1.0 if change > 0 else -1.0
    if overall * sign > 0 and latest * sign >= 0:
        return Trend.RISING if sign > 0 else Trend.FALLING
    return Trend.MIXED


def trend_of(
    readings: Iterable[tuple[datetime, int | float | None]],
    last_n: int = DEFAULT_TREND_WINDOW,
) -> Trend:
    """Direction of a series of dated readings over the last ``last_n`` that have a value
    (see :func:`recent_readings` and :func:`trend_of_window`)."""
    return trend_of_window(recent_readings(readings, last_n))


def _ordered(timeline: Timeline) -> list[SessionPoint]:
    """Oldest first. The timeline promises this already; sorting (stable) costs nothing and
    keeps "latest" honest if a caller ever builds one out of order."""
    return sorted(timeline.points, key=lambda p: p.starts_at)


def _intensities(timeline: Timeline) -> list[tuple[datetime, int | None]]:
    return [
        (p.starts_at, p.couple.intensity if p.couple is not None else None)
        for p in _ordered(timeline)
    ]


# ---------------------------------------------------------------------------------------
# Latest values


def latest_intensity(timeline: Timeline) -> int | None:
    """The most recent loop intensity recorded, or ``None`` if none ever was."""
    values = [v for _, v in _intensities(timeline) if v is not None]
    return values[-1] if values else None


def latest_polarization(timeline: Timeline) -> int | None:
    """The most recent polarization of the first two partners, or ``None``."""
    pair = _pair(timeline)
    if pair is None:
        return None
    values = [v for p in _ordered(timeline) if (v := polarization(p, *pair)) is not None]
    return values[-1] if values else None


def current_steps(timeline: Timeline) -> dict[int, Step]:
    """The newest recorded step of each partner (partners with no step yet are absent)."""
    steps: dict[int, Step] = {}
    for p in _ordered(timeline):
        steps.update(p.steps)
    return steps


# ---------------------------------------------------------------------------------------
# Attention flags


def _pair(timeline: Timeline) -> tuple[int, int] | None:
    ids = timeline.partner_ids
    return (ids[0], ids[1]) if len(ids) >= 2 else None


def partner_name(timeline: Timeline, partner_id: int) -> str:
    """The partner's display name, aligned with ``partner_ids``; "Partner N" as a fallback."""
    try:
        index = timeline.partner_ids.index(partner_id)
    except ValueError:
        return "A partner"
    if index < len(timeline.partner_names) and timeline.partner_names[index].strip():
        return timeline.partner_names[index].strip()
    return f"Partner {index + 1}"


def _attended(point: SessionPoint, partner_id: int, timeline: Timeline) -> bool:
    """Joint sessions have everyone in the room; otherwise whoever has a reading or step."""
    if point.joint and partner_id in timeline.partner_ids:
        return True
    return partner_id in point.partners or partner_id in point.steps


def _flooding_run(timeline: Timeline, partner_id: int) -> int:
    """How many of the partner's most recent attended sessions in a row they flooded in."""
    run = 0
    for p in reversed(_ordered(timeline)):
        if not _attended(p, partner_id, timeline):
            continue
        reading = p.partners.get(partner_id)
        if reading is None or not reading.flooded:
            break
        run += 1
    return run


def _step_gap_flag(timeline: Timeline) -> AttentionFlag | None:
    pair = _pair(timeline)
    if pair is None:
        return None
    steps = current_steps(timeline)
    a, b = pair
    if a not in steps or b not in steps or abs(steps[a] - steps[b]) < STEP_GAP_FLAG_AT:
        return None
    return AttentionFlag(
        "step_gap",
        "Partners are at different steps "
        f"({partner_name(timeline, a)}: {steps[a].label}; "
        f"{partner_name(timeline, b)}: {steps[b].label}).",
        {
            "a": partner_name(timeline, a),
            "a_step": steps[a],
            "b": partner_name(timeline, b),
            "b_step": steps[b],
        },
    )


def _flooding_flag(timeline: Timeline) -> AttentionFlag | None:
    parts = []
    runs: list[tuple[str, int]] = []
    for pid in timeline.partner_ids:
        run = _flooding_run(timeline, pid)
        if run >= FLOODING_RUN_FLAG_AT:
            runs.append((partner_name(timeline, pid), run))
            parts.append(
                f"{partner_name(timeline, pid)} flooded in each of the last {run} sessions "
                "they attended"
            )
    if not parts:
        return None
    return AttentionFlag("flooding_repeat", "; ".join(parts) + ".", {"runs": tuple(runs)})


def _intensity_flag(timeline: Timeline) -> AttentionFlag | None:
    values = [v for _, v in _intensities(timeline) if v is not None]
    recent = values[-(INTENSITY_RISES_FLAG_AT + 1) :]
    if len(recent) <= INTENSITY_RISES_FLAG_AT:
        return None
    if not all(x < y for x, y in pairwise(recent)):
        return None
    arrows = " → ".join(str(v) for v in recent)
    return AttentionFlag(
        "intensity_rising",
        f"Loop intensity has risen {INTENSITY_RISES_FLAG_AT} sessions running ({arrows}).",
        {"count": INTENSITY_RISES_FLAG_AT, "values": tuple(recent)},
    )


def _flare_up_flag(timeline: Timeline) -> AttentionFlag | None:
    """A sharp rise in loop intensity at the latest reading with someone flooding there:
    a flare-up that a trend over several sessions would otherwise average away."""
    rated = [
        p for p in _ordered(timeline) if p.couple is not None and p.couple.intensity is not None
    ]
    if len(rated) < 2:
        return None
    before, latest = rated[-2], rated[-1]
    assert before.couple is not None and latest.couple is not None
    low, high = before.couple.intensity or 0, latest.couple.intensity or 0
    if high - low < SHARP_RISE_POINTS:
        return None
    flooded = [
        partner_name(timeline, pid)
        for pid in timeline.partner_ids
        if (r := latest.partners.get(pid)) is not None and r.flooded
    ]
    if not flooded:
        return None
    who = " and ".join(flooded)
    return AttentionFlag(
        "flare_up",
        f"Loop intensity rose sharply, from {low} to {high}, at the latest session that "
        f"recorded it ({latest.starts_at.strftime('%d %b %Y')}), and {who} flooded.",
        {"low": low, "high": high, "on": latest.starts_at.date(), "who": tuple(flooded)},
    )


def _coregulation_flag(timeline: Timeline) -> AttentionFlag | None:
    seen = [
        p.couple.co_regulation
        for p in _ordered(timeline)
        if p.couple is not None and p.couple.co_regulation is not None
    ]
    recent = seen[-NO_COREGULATION_WINDOW:]
    if len(recent) < NO_COREGULATION_WINDOW or any(recent):
        return None
    return AttentionFlag(
        "no_coregulation",
        f"No co-regulation noted in the last {NO_COREGULATION_WINDOW} joint sessions "
        "that recorded it.",
        {"count": NO_COREGULATION_WINDOW},
    )


def _quiet_flag(timeline: Timeline, today: date, quiet_days: int) -> AttentionFlag | None:
    if not timeline.points:
        return None  # a brand-new case has not gone quiet; it has not started
    # The last session may be one already booked: then nothing has gone quiet either.
    last = max(p.starts_at.date() for p in timeline.points)
    if (today - last).days <= quiet_days:
        return None
    return AttentionFlag(
        "no_recent_session",
        f"No session in the last {quiet_days} days (last on {last.strftime('%d %b %Y')}).",
        {"days": quiet_days, "last": last},
    )


def attention_flags(
    timeline: Timeline, today: date, quiet_days: int = DEFAULT_QUIET_DAYS
) -> list[AttentionFlag]:
    """What is worth a look before the next session, safety first, then in a fixed order:
    flare_up, step_gap, flooding_repeat, intensity_rising, no_coregulation,
    no_recent_session.

    Flags describe the *current* run of sessions (the latest steps, the latest floods, the
    latest intensities), not anything that once happened. Each code appears at most once.
    One-partner cases never get a step_gap flag.
    """
    flags: list[AttentionFlag] = []
    if timeline.safety_flag:
        flags.append(
            AttentionFlag("safety", "Safety flag set: check before joint work or joint handouts.")
        )
    for flag in (
        _flare_up_flag(timeline),
        _step_gap_flag(timeline),
        _flooding_flag(timeline),
        _intensity_flag(timeline),
        _coregulation_flag(timeline),
        _quiet_flag(timeline, today, quiet_days),
    ):
        if flag is not None:
            flags.append(flag)
    return flags
