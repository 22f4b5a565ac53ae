"""The measures' course in the plan review, on a real practice: two partners answering over
sessions before and after the plan version in force was signed (today), scored with the
measures service's own scoring, with the reliable-change call only where the definition
gives one and the gap between the partners then and now."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta

import pytest

from clarity_desktop.domain.instruments import TOTAL, Band, Change, Instrument
from clarity_desktop.services import measures, plan_goals
from clarity_desktop.services.dto import CaseDetail, SessionView
from clarity_desktop.services.review_measures import MeasureCourse, ScoreReview
from clarity_desktop.store.practice import OpenPractice
from tests.domain.instrument_examples import LICENSED
from tests.services.conftest import AuditRow
from tests.services.test_plans_service import first_signed

TODAY = date.today()
CALM = {"safe_to_speak": 4, "heard": 3, "clarity": 2, "hope": 3, "pressure": 0}


def scale(a: int, b: int, c: int, d: int) -> dict[str, int | None]:
    """practice_scale answers; its total is a + (7 - b) + c + d (b is reversed)."""
    return {"a": a, "b": b, "c": c, "d": d}


@pytest.fixture
def catalogue(practice: OpenPractice) -> tuple[Instrument, ...]:
    folder = practice.folder / "measures"
    folder.mkdir()
    (folder / "practice_scale.toml").write_text(LICENSED, encoding="utf-8")
    return measures.catalogue(practice.folder)


@pytest.fixture
def answered(
    practice: OpenPractice,
    couple_case: CaseDetail,
    record_session: Callable[..., SessionView],
    catalogue: tuple[Instrument, ...],
) -> CaseDetail:
    """Four joint sessions, two before the signing (today) and two from today on."""
    zoe, lukasz = (p.id for p in couple_case.partners)
    at = [
        record_session(
            couple_case.id,
            datetime.combine(TODAY + timedelta(days=d), datetime.min.time()).replace(hour=10),
        )
        for d in (-14, -7, 0, 7)
    ]
    licensed = measures.find(catalogue, "practice_scale")
    check_in = measures.find(catalogue, "session_check_in")
    ambivalence = measures.find(catalogue, "ambivalence_check")
    record = measures.record_answers
    case = couple_case.id
    for s, answers in zip(
        at,
        (scale(2, 6, 2, 3), scale(2, 5, 3, 3), scale(4, 4, 4, 3), scale(5, 3, 4, 4)),
        strict=True,
    ):  # Zoë: 8, 10 | 14, 17
        record(practice.uow(), licensed, case, zoe, answers, session_id=s.id)
    for s, answers in ((at[1], scale(4, 3, 4, 4)), (at[3], scale(3, 4, 3, 4))):  # Łukasz: 16 | 13
        record(practice.uow(), licensed, case, lukasz, answers, session_id=s.id)
    for s, pressure in ((at[2], 0), (at[3], 4)):  # Łukasz's check-ins only since the review
        record(
            practice.uow(), check_in, case, lukasz, {**CALM, "pressure": pressure}, session_id=s.id
        )
    neutral = dict.fromkeys((i.id for i in ambivalence.items), 2)
    record(practice.uow(), ambivalence, case, zoe, neutral, session_id=at[0].id)
    return couple_case


def by_id(review: plan_goals.PlanReview) -> dict[str, MeasureCourse]:
    return {m.instrument.id: m for m in review.measures}


def total(course: MeasureCourse) -> ScoreReview:
    return next(s for s in course.scores if s.scoring.id == TOTAL)


def test_each_partner_s_course_runs_from_the_last_review_to_now_with_a_reliable_change_call(
    practice: OpenPractice,
    answered: CaseDetail,
    catalogue: tuple[Instrument, ...],
    audit_log: Callable[[], list[AuditRow]],
) -> None:
    zoe, lukasz = (p.id for p in answered.partners)
    first_signed(practice, answered)
    review = plan_goals.plan_review(practice.uow(), answered.id, instruments=catalogue)
    assert review.since == TODAY
    found = by_id(review)
    assert list(found) == ["ambivalence_check", "session_check_in", "practice_scale"]

    scale_total = total(found["practice_scale"])
    her, his = scale_total.partners
    assert her.partner_id == zoe and his.partner_id == lukasz
    # Zoë: 10 at the review (her last answer before it), 17 now: more than 5.5, reliable
    assert (her.course.then.value, her.course.now and her.course.now.value) == (10, 17)
    assert her.course.then.answered_on == TODAY - timedelta(days=7)
    assert her.change is Change.RELIABLE_RISE and her.answered_since == 2
    assert (her.course.then.band, her.course.now and her.course.now.band) == (
        Band.BELOW,
        Band.AT_OR_ABOVE,
    )
    # Łukasz: 16 then, 13 now: a fall within the wobble of answering twice
    assert his.course.moved == -3 and his.change is Change.WITHIN_NOISE
    # the gap at sessions both answered: 6 at the review, 4 now
    assert scale_total.gap is not None and scale_total.gap.now is not None
    assert (scale_total.gap.then.value, scale_total.gap.now.value) == (6, 4)

    # the check-in gives no reliable-change value: the move is shown, never called
    (only,) = total(found["session_check_in"]).partners
    assert only.partner_id == lukasz and only.change is None
    assert only.course.then.answered_on == TODAY  # nothing before: from his first answer since
    assert only.course.moved == pytest.approx(-0.8)
    assert total(found["session_check_in"]).gap is None  # Zoë never answered it

    # answered only before the review: where it stood, nothing new since
    (before,) = found["ambivalence_check"].scores[0].partners
    assert before.course.now is None and before.answered_since == 0 and before.change is None

    viewed = [r for r in audit_log() if r[0] == "viewed"]
    assert [r[1:2] + r[5:] for r in viewed] == [("treatment_plan", "review")]


def test_a_given_day_or_no_signed_plan_reviews_from_the_first_answer(
    practice: OpenPractice, answered: CaseDetail, catalogue: tuple[Instrument, ...]
) -> None:
    unsigned = plan_goals.plan_review(practice.uow(), answered.id, instruments=catalogue)
    assert unsigned.version is None and unsigned.since is None
    her = total(by_id(unsigned)["practice_scale"]).partners[0]
    assert (her.course.then.value, her.answered_since) == (8, 4)
    assert her.change is Change.RELIABLE_RISE  # 8 -> 17 over the whole course

    first_signed(practice, answered)
    earlier = plan_goals.plan_review(
        practice.uow(), answered.id, since=TODAY - timedelta(days=10), instruments=catalogue
    )
    her, his = total(by_id(earlier)["practice_scale"]).partners
    assert her.course.then.value == 8 and her.answered_since == 3
    assert his.course.then.value == 16  # his first answer came after the day given


def test_the_review_scores_as_the_measures_view_does(
    practice: OpenPractice, answered: CaseDetail, catalogue: tuple[Instrument, ...]
) -> None:
    shown = measures.case_measures(practice.uow(), answered.id, catalogue)
    review = plan_goals.plan_review(practice.uow(), answered.id, instruments=catalogue)
    for course in shown.instruments:
        reviewed = by_id(review)[course.instrument.id]
        for score in course.scores:
            match = next(s for s in reviewed.scores if s.scoring.id == score.scoring_id)
            for partner in match.partners:
                values = [
                    p.value for p in score.by_partner[partner.partner_id] if p.value is not None
                ]
                now = partner.course.now
                assert (partner.course.then.value, now.value if now else values[0]) == (
                    values[0],
                    values[-1],
                )
