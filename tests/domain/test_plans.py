"""The treatment plan as the therapist writes it: owners, goals, objectives, dates, the
agreement while unsure, what signing asks, and what changed between two versions."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clarity_desktop.domain.errors import ErrorCode, ValidationError
from clarity_desktop.domain.plans import (
    MAX_PLAN_TEXT,
    ChangeKind,
    Concern,
    Goal,
    Objective,
    PlanChange,
    PlanContent,
    ProgressMark,
    changes,
    check_signable,
    describe_change,
    owners,
    review_due,
    validate_plan,
)

ANA, LUIS = 11, 12
START = date(2027, 3, 1)
TODAY = date(2027, 3, 10)


def couple_plan(**kw: object) -> PlanContent:
    base = PlanContent(
        concerns=(
            Concern(None, "  Arguments about  the move\n\n\n keep returning. "),
            Concern(ANA, "Feels she is the only one trying."),
            Concern(LUIS, "   "),
        ),
        goals=(
            Goal(None, "Stay curious about each other while unsure", key="k-couple"),
            Goal(
                ANA,
                "Notice her own pull to stay and to go",
                (Objective("Write both pulls down each week", date(2027, 4, 1)),),
                key="k-ana",
            ),
        ),
        interventions=("Slowing the loop down in session", " "),
        review_on=date(2027, 5, 1),
        agreement="Explore both directions for six sessions; no big practical steps.",
        agreement_review_on=date(2027, 4, 15),
    )
    return replace(base, **kw)  # type: ignore[arg-type]


def check(content: PlanContent, couple: bool = True) -> PlanContent:
    partners = (ANA, LUIS) if couple else (ANA,)
    return validate_plan(content, partners=partners, couple=couple, starts_on=START)


def code_of(content: PlanContent, couple: bool = True) -> tuple[ErrorCode, str | None]:
    with pytest.raises(ValidationError) as caught:
        check(content, couple)
    return caught.value.code, caught.value.field


def test_progress_marks_have_plain_labels_and_none_is_a_verdict() -> None:
    assert [m.value for m in ProgressMark] == ["worked_on", "moving", "steady", "harder"]
    assert [m.title for m in ProgressMark] == ["Worked on", "Moving", "Steady", "Harder for now"]
    words = " ".join(m.title.lower() for m in ProgressMark)
    assert not any(w in words for w in ("achieved", "success", "fail", "stay", "leave"))


def test_a_saved_draft_is_trimmed_and_blank_lines_are_left_out() -> None:
    clean = check(couple_plan())
    assert clean.concerns == (
        Concern(None, "Arguments about the move\n\nkeep returning."),
        Concern(ANA, "Feels she is the only one trying."),
    )
    assert clean.interventions == ("Slowing the loop down in session",)
    assert [g.key for g in clean.goals] == ["k-couple", "k-ana"]
    assert clean.goals_of(ANA)[0].objectives[0].target_on == date(2027, 4, 1)


def test_an_empty_goal_or_objective_is_refused_and_named() -> None:
    empty_goal = couple_plan(goals=(Goal(LUIS, "  \n ", key="k-luis"),))
    assert code_of(empty_goal) == (ErrorCode.PLAN_GOAL_EMPTY, "goal:k-luis")
    empty_objective = couple_plan(goals=(Goal(LUIS, "Say what he needs", (Objective(" "),), "k"),))
    assert code_of(empty_objective) == (ErrorCode.PLAN_OBJECTIVE_EMPTY, "objective:k:0")


def test_an_objective_cannot_be_due_before_the_plan_began() -> None:
    early = Objective("Name the loop together", date(2027, 2, 28))
    plan = couple_plan(goals=(Goal(None, "Name the loop", (early,), "k"),))
    with pytest.raises(ValidationError) as caught:
        check(plan)
    assert caught.value.code is ErrorCode.PLAN_TARGET_BEFORE_START
    assert str(caught.value) == (
        "An objective's target date (28 Feb 2027) is before the plan began (01 Mar 2027)."
    )
    on_the_day = replace(plan, goals=(Goal(None, "Name it", (replace(early, target_on=START),)),))
    assert check(on_the_day).goals[0].objectives[0].target_on == START


def test_an_individual_case_has_no_couple_goals_or_concerns() -> None:
    alone = PlanContent(goals=(Goal(ANA, "Hear both pulls"),))
    assert check(alone, couple=False).goals[0].owner == ANA
    with_couple_goal = PlanContent(goals=(Goal(None, "Talk kindly", key="c"),))
    assert code_of(with_couple_goal, couple=False) == (
        ErrorCode.PLAN_INDIVIDUAL_HAS_NO_COUPLE,
        "goal:c",
    )
    with_couple_concern = PlanContent(concerns=(Concern(None, "The move"),))
    assert code_of(with_couple_concern, couple=False)[0] is ErrorCode.PLAN_INDIVIDUAL_HAS_NO_COUPLE


def test_a_goal_cannot_belong_to_someone_outside_the_case() -> None:
    stranger = couple_plan(goals=(Goal(99, "Anything", key="s"),))
    assert code_of(stranger) == (ErrorCode.PARTNER_NOT_IN_CASE, "goal:s")


def test_overlong_text_is_refused_with_what_it_was() -> None:
    plan = couple_plan(interventions=("x" * (MAX_PLAN_TEXT + 1),))
    with pytest.raises(ValidationError) as caught:
        check(plan)
    assert str(caught.value) == f"An intervention is too long (at most {MAX_PLAN_TEXT} characters)."


def test_an_agreement_date_needs_an_agreement() -> None:
    plan = couple_plan(agreement="  ")
    assert code_of(plan) == (ErrorCode.PLAN_AGREEMENT_DATE_WITHOUT_WORDS, "agreement_review_on")
    assert check(replace(plan, agreement_review_on=None)).agreement == ""


def test_a_goal_key_given_twice_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="twice"):
        check(couple_plan(goals=(Goal(None, "a", key="k"), Goal(ANA, "b", key="k"))))


def test_goals_get_fresh_keys_that_fit_the_column() -> None:
    a, b = Goal(None, "a"), Goal(None, "a")
    assert a.key != b.key and len(a.key) == 36


@pytest.mark.parametrize(
    ("change", "code", "field"),
    [
        ({"goals": ()}, ErrorCode.PLAN_HAS_NO_GOALS, "goals"),
        ({"review_on": None}, ErrorCode.PLAN_NEEDS_REVIEW_DATE, "review_on"),
        ({"review_on": date(2027, 3, 9)}, ErrorCode.PLAN_REVIEW_DATE_PASSED, "review_on"),
        (
            {"agreement_review_on": None},
            ErrorCode.PLAN_AGREEMENT_NEEDS_REVIEW_DATE,
            "agreement_review_on",
        ),
        (
            {"agreement_review_on": date(2027, 3, 1)},
            ErrorCode.PLAN_AGREEMENT_REVIEW_PASSED,
            "agreement_review_on",
        ),
    ],
)
def test_signing_asks_for_goals_and_review_dates_still_to_come(
    change: dict[str, object], code: ErrorCode, field: str
) -> None:
    check_signable(check(couple_plan()), today=TODAY)  # the whole plan signs
    with pytest.raises(ValidationError) as caught:
        check_signable(check(replace(couple_plan(), **change)), today=TODAY)  # type: ignore[arg-type]
    assert (caught.value.code, caught.value.field) == (code, field)


def test_a_review_on_the_day_itself_signs_and_is_due() -> None:
    check_signable(check(couple_plan(review_on=TODAY, agreement_review_on=TODAY)), today=TODAY)
    assert review_due(TODAY, TODAY) and review_due(START, TODAY)
    assert not review_due(date(2027, 3, 11), TODAY) and not review_due(None, TODAY)


def test_without_an_agreement_none_of_its_dates_is_asked_for() -> None:
    plan = check(couple_plan(agreement="", agreement_review_on=None))
    check_signable(plan, today=TODAY)


def test_sections_are_the_couple_then_each_partner() -> None:
    assert owners((ANA, LUIS), couple=True) == (None, ANA, LUIS)
    assert owners((ANA,), couple=False) == (ANA,)


# -- what changed --------------------------------------------------------------------------


def test_a_reworded_goal_is_one_rewording_not_a_removal_and_an_addition() -> None:
    old = check(couple_plan())
    reworded = Goal(None, "Stay curious and kind while unsure", key="k-couple")
    new = replace(old, goals=(reworded, *old.goals[1:]))
    assert changes(old, new) == (
        PlanChange(ChangeKind.GOAL_REWORDED, None, "Stay curious and kind while unsure"),
    )


def test_every_kind_of_change_is_listed_in_reading_order() -> None:
    old = check(couple_plan())
    ana_goal = old.goals[1]
    new = PlanContent(
        concerns=old.concerns[:1],  # Ana's concern gone
        goals=(
            replace(ana_goal, owner=LUIS, objectives=()),  # moved, objectives gone
            Goal(None, "Take a pause when either floods", key="k-new"),
        ),
        interventions=(),
        review_on=date(2027, 6, 1),
        agreement="No big steps before the review.",
        agreement_review_on=date(2027, 5, 1),
    )
    kinds = [(c.kind, c.owner) for c in changes(old, new)]
    assert kinds == [
        (ChangeKind.CONCERNS, ANA),
        (ChangeKind.GOAL_MOVED, LUIS),
        (ChangeKind.OBJECTIVES, LUIS),
        (ChangeKind.GOAL_ADDED, None),
        (ChangeKind.GOAL_REMOVED, None),
        (ChangeKind.INTERVENTIONS, None),
        (ChangeKind.REVIEW_DATE, None),
        (ChangeKind.AGREEMENT, None),
        (ChangeKind.AGREEMENT_REVIEW_DATE, None),
    ]
    said = [describe_change(c, {ANA: "Ana", LUIS: "Luis"}) for c in changes(old, new)]
    assert said[0] == "What Ana brings changed"
    assert said[3] == "Goal added for the couple: Take a pause when either floods"
    assert said[4] == "Goal of the couple removed: Stay curious about each other while unsure"


def test_a_target_date_moved_is_a_change_to_the_goals_objectives() -> None:
    old = check(couple_plan())
    ana = old.goals[1]
    later = replace(ana, objectives=(replace(ana.objectives[0], target_on=date(2027, 4, 20)),))
    listed = changes(old, replace(old, goals=(old.goals[0], later)))
    assert [(c.kind, c.owner) for c in listed] == [(ChangeKind.OBJECTIVES, ANA)]


texts = st.text(alphabet="ab \n", max_size=6)
goal_lists = st.lists(
    st.builds(Goal, st.sampled_from([None, ANA, LUIS]), texts, key=st.sampled_from("pqrs")),
    max_size=4,
    unique_by=lambda g: g.key,
).map(tuple)
plans = st.builds(
    PlanContent,
    concerns=st.lists(st.builds(Concern, st.sampled_from([None, ANA]), texts), max_size=3).map(
        tuple
    ),
    goals=goal_lists,
    interventions=st.lists(texts, max_size=2).map(tuple),
    review_on=st.sampled_from([None, TODAY]),
    agreement=texts,
)


@given(plans, plans)
def test_changes_are_empty_exactly_when_the_versions_are_equal(
    a: PlanContent, b: PlanContent
) -> None:
    assert changes(a, a) == ()
    same_goals = {g.key: g for g in a.goals} == {g.key: g for g in b.goals}
    same_rest = (
        a.interventions == b.interventions
        and a.review_on == b.review_on
        and a.agreement == b.agreement
        and all(a.concerns_of(o) == b.concerns_of(o) for o in (None, ANA))
    )
    assert (changes(a, b) == ()) == (same_goals and same_rest)
