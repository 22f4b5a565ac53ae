"""The measures' course in the plan review, on a real practice: two partners answering over
sessions before and after the plan version in force was signed (today), scored with the
measures service's own scoring, with the reliable-change call only where the definition
gives one and the gap between the partners then and now."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest

from clarity_desktop.domain.instruments import TOTAL, Band, Change
from clarity_desktop.services import measures, plan_goals
from clarity_desktop.services.dto import CaseDetail
from clarity_desktop.services.review_measures import MeasureCourse, ScoreReview
from clarity_desktop.store.practice import OpenPractice
from tests.review_case import TODAY, ReviewCase, make_review_case, sign_plan
from tests.services.conftest import AuditRow


@pytest.fixture
def answered(practice: OpenPractice, couple_case: CaseDetail) -> ReviewCase:
    return make_review_case(practice, couple_case, links=False)


def by_id(review: plan_goals.PlanReview) -> dict[str, MeasureCourse]:
    return {m.instrument.id: m for m in review.measures}


def total(course: MeasureCourse) -> ScoreReview:
    return next(s for s in course.scores if s.scoring.id == TOTAL)


def test_each_partner_s_course_runs_from_the_last_review_to_now_with_a_reliable_change_call(
    practice: OpenPractice,
    answered: ReviewCase,
    audit_log: Callable[[], list[AuditRow]],
) -> None:
    zoe, lukasz = (p.id for p in answered.case.partners)
    sign_plan(practice, answered.case)
    review = plan_goals.plan_review(
        practice.uow(), answered.case.id, instruments=answered.catalogue
    )
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
    practice: OpenPractice, answered: ReviewCase
) -> None:
    unsigned = plan_goals.plan_review(
        practice.uow(), answered.case.id, instruments=answered.catalogue
    )
    assert unsigned.version is None and unsigned.since is None
    her = total(by_id(unsigned)["practice_scale"]).partners[0]
    assert (her.course.then.value, her.answered_since) == (8, 4)
    assert her.change is Change.RELIABLE_RISE  # 8 -> 17 over the whole course

    sign_plan(practice, answered.case)
    earlier = plan_goals.plan_review(
        practice.uow(),
        answered.case.id,
        since=TODAY - timedelta(days=10),
        instruments=answered.catalogue,
    )
    her, his = total(by_id(earlier)["practice_scale"]).partners
    assert her.course.then.value == 8 and her.answered_since == 3
    assert his.course.then.value == 16  # his first answer came after the day given


def test_the_review_scores_as_the_measures_view_does(
    practice: OpenPractice, answered: ReviewCase
) -> None:
    shown = measures.case_measures(practice.uow(), answered.case.id, answered.catalogue)
    review = plan_goals.plan_review(
        practice.uow(), answered.case.id, instruments=answered.catalogue
    )
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
