"""The measures' course for the plan review: per instrument, score and partner, where the
score stood at the last review and where it stands now, whether the move is bigger than the
definition's reliable-change value (only where it gives one), and the gap between the
partners then and now.

"At the last review" is the partner's last score before the review day; a partner who had
not answered by then is taken from their first answer after it, so a course always starts
from a real answer and never from a guess. Answers on the review day itself count as since
the review, as the notes of that day's sessions do (services/plan_goals.py plan_review).

The scoring is services/measures.py's (:func:`scored_measures`), never a second copy, so the
review, the measures view and the command line give the same numbers. Like them it says
"rose" or "fell", never better or worse.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session as DbSession

from clarity_desktop.domain.instruments import Band, Change, Instrument, Scoring, change
from clarity_desktop.services.measures import ScoreCourse, scored_measures


@dataclass(frozen=True)
class ScoreAt:
    answered_on: date
    value: float
    band: Band | None = None  # only where the definition gives a cut-off


@dataclass(frozen=True)
class Movement:
    """A series over the review period: where it stood at the review and where it is now."""

    then: ScoreAt
    now: ScoreAt | None  # None: no answer after the one *then* was taken from

    @property
    def moved(self) -> float | None:
        return None if self.now is None else self.now.value - self.then.value


@dataclass(frozen=True)
class PartnerCourse:
    partner_id: int
    course: Movement
    change: Change | None  # then -> now against the reliable-change value, where given
    answered_since: int  # answer sets with this score since the review


@dataclass(frozen=True)
class ScoreReview:
    scoring: Scoring
    partners: tuple[PartnerCourse, ...]  # in case order; only partners with a score
    gap: Movement | None  # between the two partners, at sessions both answered


@dataclass(frozen=True)
class MeasureCourse:
    """One instrument's course over the review period."""

    instrument: Instrument
    scores: tuple[ScoreReview, ...]  # in the definition's order; only scores with a value


def _movement(dated: Sequence[ScoreAt], since: date | None) -> tuple[Movement, int] | None:
    """Where a dated series (oldest first) stood at *since* and where it is now, and how
    many of its values fall on or after *since*."""
    if not dated:
        return None
    before = [p for p in dated if since is not None and p.answered_on < since]
    after = [p for p in dated if since is None or p.answered_on >= since]
    then = before[-1] if before else after[0]
    later = [p for p in after if p is not then]
    return Movement(then, later[-1] if later else None), len(after)


def _score_review(
    scoring: Scoring, course: ScoreCourse, partner_ids: Sequence[int], since: date | None
) -> ScoreReview | None:
    partners = []
    for partner_id in partner_ids:
        dated = [
            ScoreAt(p.answered_on, p.value, p.band)
            for p in course.by_partner.get(partner_id, ())
            if p.value is not None
        ]
        found = _movement(dated, since)
        if found is None:
            continue
        movement, count = found
        now = movement.now
        moved = None if now is None else change(scoring, movement.then.value, now.value)
        partners.append(PartnerCourse(partner_id, movement, moved, count))
    if not partners:
        return None
    gap = _movement([ScoreAt(g.answered_on, g.gap) for g in course.gaps], since)
    return ScoreReview(scoring, tuple(partners), None if gap is None else gap[0])


def measures_course(
    db: DbSession, case_id: int, since: date | None, instruments: Sequence[Instrument]
) -> tuple[MeasureCourse, ...]:
    """Each instrument the case has answers to, its scores' course since *since* (None: over
    all the answers) per partner, with the gap between them. No *instruments* (the
    progress report reads the measures itself): nothing read."""
    if not instruments:
        return ()
    found = scored_measures(db, case_id, instruments)
    partner_ids = [pid for pid, _name, _language in found.partners]
    courses = []
    for course in found.instruments:
        reviewed = (
            _score_review(course.instrument.scoring(s.scoring_id), s, partner_ids, since)
            for s in course.scores
        )
        scores = tuple(r for r in reviewed if r is not None)
        if scores:
            courses.append(MeasureCourse(course.instrument, scores))
    return tuple(courses)
