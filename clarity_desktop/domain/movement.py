"""What moved: the one place that turns a series of readings into a trend and into words.

The dashboard's header, the practice overview and the progress report all describe loop
intensity, the distance between the partners and each partner's clarity through
:func:`intensity_movement`, :func:`distance_movement` and :func:`clarity_movement`, and
the words below; none of them picks its own. That is what keeps them honest together:

- the latest session is always said first ("6 of 10, up from 1 last time"), so a flare-up
  is never hidden behind a trend over earlier sessions;
- a trend is called only when the recent readings agree (see
  :func:`clarity_desktop.domain.measures.trend_of_window`): a trend word never contradicts
  the first and last numbers it quotes, nor the latest change. Otherwise it is "mixed".

Readings recorded at a private session keep their :attr:`Reading.mark` ("individual
session"), so a sentence that quotes one says where it was heard.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum

from clarity_desktop.domain import measures
from clarity_desktop.domain.measures import DEFAULT_TREND_WINDOW, MIN_TREND_READINGS, Trend
from clarity_desktop.domain.timeline import SessionPoint, Timeline


class Measure(Enum):
    INTENSITY = "intensity"  # the couple's loop intensity, 0-10
    DISTANCE = "distance"  # between the partners on pursue/withdraw, 0-6
    CLARITY = "clarity"  # one partner's clarity, 0-10, whichever way it points

    @property
    def top(self) -> int:
        return 6 if self is Measure.DISTANCE else 10


# Short words, for the dashboard's chips and the overview's trend column.
WORDS: dict[Measure, dict[Trend, str]] = {
    Measure.INTENSITY: {
        Trend.FALLING: "easing",
        Trend.RISING: "rising",
        Trend.STEADY: "steady",
        Trend.MIXED: "mixed",
        Trend.NOT_ENOUGH: "too few readings for a trend",
    },
    Measure.DISTANCE: {
        Trend.FALLING: "drawing closer",
        Trend.RISING: "moving apart",
        Trend.STEADY: "steady",
        Trend.MIXED: "mixed",
        Trend.NOT_ENOUGH: "too few readings for a trend",
    },
    Measure.CLARITY: {
        Trend.RISING: "growing",
        Trend.FALLING: "lessening",
        Trend.STEADY: "steady",
        Trend.MIXED: "mixed",
        Trend.NOT_ENOUGH: "too few readings for a trend",
    },
}

# The end of a report's sentence: "..., from 8 to 3, it eased."
VERBS: dict[Measure, dict[Trend, str]] = {
    Measure.INTENSITY: {
        Trend.FALLING: "it eased",
        Trend.RISING: "it rose",
        Trend.STEADY: "it held about level",
    },
    Measure.DISTANCE: {
        Trend.FALLING: "it narrowed: the partners moved closer",
        Trend.RISING: "it widened: the partners moved further apart",
        Trend.STEADY: "it stayed about the same",
    },
    Measure.CLARITY: {
        Trend.RISING: "it grew",
        Trend.FALLING: "it lessened",
        Trend.STEADY: "it held about level",
    },
}
MIXED_VERB = "no clear direction: the readings do not agree (mixed)"


@dataclass(frozen=True)
class Reading:
    at: datetime
    value: int
    mark: str = ""  # "individual session" when heard at a private session


@dataclass(frozen=True)
class Movement:
    """A measure's latest readings and its trend. *readings* are the ones the trend was
    read over (the last ``last_n`` with a value), oldest first."""

    measure: Measure
    trend: Trend
    readings: tuple[Reading, ...]

    @property
    def latest(self) -> Reading | None:
        return self.readings[-1] if self.readings else None

    @property
    def previous(self) -> Reading | None:
        return self.readings[-2] if len(self.readings) >= 2 else None

    @property
    def first(self) -> Reading | None:
        return self.readings[0] if self.readings else None

    @property
    def word(self) -> str:
        """ "easing", "growing", "mixed" ...: the trend in one or two words."""
        return WORDS[self.measure][self.trend]

    def value_text(self, value: int) -> str:
        """ "6 of 10"; a distance as "2 points apart" (of 6)."""
        if self.measure is Measure.DISTANCE:
            return f"{value} point apart" if value == 1 else f"{value} points apart"
        return f"{value} of {self.measure.top}"

    @property
    def change(self) -> str:
        """The latest reading against the one before: "6 of 10, up from 1 last time"."""
        latest, previous = self.latest, self.previous
        if latest is None:
            return "not recorded yet"
        now = self.value_text(latest.value)
        if previous is None:
            return f"{now} (the first reading)"
        if latest.value == previous.value:
            return f"{now}, the same as last time"
        return f"{now}, {_compared(latest.value, previous.value)} last time"

    def sentence(self, subject: str, where: str = "in this period") -> str:
        """A report's sentence: the latest change first, then the trend with the first
        and last readings it was read over, each dated (and marked when private)."""
        latest, previous, first = self.latest, self.previous, self.first
        if latest is None or first is None:
            return f"{subject}: not recorded {where}."
        text = f"{subject}: {self.value_text(latest.value)} at the latest reading ({_when(latest)})"
        if previous is None:
            return f"{text}, the only reading {where}; a trend needs at least {MIN_TREND_READINGS}."
        if latest.value == previous.value:
            text += f", unchanged from the one before ({_when(previous)})"
        else:
            text += (
                f", {_compared(latest.value, previous.value)} at the one before ({_when(previous)})"
            )
        count = len(self.readings)
        if self.trend is Trend.NOT_ENOUGH:
            return f"{text}; {count} readings {where} are too few for a trend (at least {MIN_TREND_READINGS})."
        verb = MIXED_VERB if self.trend is Trend.MIXED else VERBS[self.measure][self.trend]
        span = f"from {first.value} to {latest.value}"
        return f"{text}; over {count} readings {where}, {span}, {verb}."


def _compared(now: int, before: int) -> str:
    return f"up from {before}" if now > before else f"down from {before}"


def _day(value: datetime | date) -> str:
    return f"{value.day} {value.strftime('%b %Y')}"


def _when(reading: Reading) -> str:
    return f"{_day(reading.at)}, {reading.mark}" if reading.mark else _day(reading.at)


# ---------------------------------------------------------------------------------------
# The measures


def movement_of(
    measure: Measure,
    readings: Iterable[tuple[datetime, int | None, str]],
    last_n: int = DEFAULT_TREND_WINDOW,
) -> Movement:
    """*readings* as (when, value or None, mark), in any order; the window is the last
    ``last_n`` with a value."""
    if last_n < 1:
        raise ValueError("last_n must be at least 1.")
    present = sorted(
        (Reading(when, value, mark) for when, value, mark in readings if value is not None),
        key=lambda r: r.at,
    )
    window = tuple(present[-last_n:])
    trend = measures.trend_of_window([(r.at, float(r.value)) for r in window])
    return Movement(measure, trend, window)


def _points(timeline: Timeline) -> list[SessionPoint]:
    return sorted(timeline.points, key=lambda p: p.starts_at)


def _window(timeline: Timeline, last_n: int | None) -> int:
    # None: every reading of the timeline (a report's period), not only the last few.
    return max(1, len(timeline.points)) if last_n is None else last_n


def intensity_movement(timeline: Timeline, last_n: int | None = DEFAULT_TREND_WINDOW) -> Movement:
    """The couple's loop intensity. FALLING means the loop is de-escalating."""
    return movement_of(
        Measure.INTENSITY,
        (
            (p.starts_at, p.couple.intensity if p.couple else None, p.privacy_mark)
            for p in _points(timeline)
        ),
        _window(timeline, last_n),
    )


def distance_movement(timeline: Timeline, last_n: int | None = DEFAULT_TREND_WINDOW) -> Movement:
    """The distance between the first two partners on pursue/withdraw, at sessions where
    both positions were recorded. FALLING means the partners are moving closer."""
    ids = timeline.partner_ids
    if len(ids) < 2:
        return Movement(Measure.DISTANCE, Trend.NOT_ENOUGH, ())
    a, b = ids[0], ids[1]
    return movement_of(
        Measure.DISTANCE,
        ((p.starts_at, measures.polarization(p, a, b), p.privacy_mark) for p in _points(timeline)),
        _window(timeline, last_n),
    )


def clarity_movement(
    timeline: Timeline, partner_id: int, last_n: int | None = DEFAULT_TREND_WINDOW
) -> Movement:
    """One partner's clarity, joint and individual sessions alike (those of a private
    session marked). RISING means growing clarity, whichever way it points."""
    return movement_of(
        Measure.CLARITY,
        (
            (p.starts_at, r.clarity if (r := p.partners.get(partner_id)) else None, p.privacy_mark)
            for p in _points(timeline)
        ),
        _window(timeline, last_n),
    )
