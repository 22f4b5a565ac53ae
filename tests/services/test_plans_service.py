"""The treatment plan on a real practice: versions, drafts, signing and its seal, the goals a
note worked on, and the plan review."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest

from clarity_desktop.domain.errors import (
    ClarityError,
    ErrorCode,
    NotPermitted,
    RecordLocked,
    ValidationError,
)
from clarity_desktop.domain.identity import Principal, Role
from clarity_desktop.domain.plans import (
    ChangeKind,
    Concern,
    Goal,
    Objective,
    PlanContent,
    ProgressMark,
)
from clarity_desktop.services import cases, integrity, notes, plan_goals, plans
from clarity_desktop.services.dto import CaseDetail, NoteDraft, SessionView
from clarity_desktop.store.postgres import address
from clarity_desktop.store.practice import OpenPractice
from clarity_desktop.store.sqlite.engine import connect_raw
from clarity_desktop.store.uow import UnitOfWork
from tests.services.conftest import AuditRow

TODAY = date.today()


def content(case: CaseDetail) -> PlanContent:
    zoe, lukasz = (p.id for p in case.partners)
    return PlanContent(
        concerns=(Concern(None, "The move keeps coming back"), Concern(zoe, "Feels alone in it")),
        goals=(
            Goal(None, "Stay curious about each other while unsure", key="g-couple"),
            Goal(
                lukasz,
                "Say what he needs before he goes quiet",
                (Objective("Name one need a week", TODAY + timedelta(days=30)),),
                key="g-lukasz",
            ),
        ),
        interventions=("Slowing the loop in session",),
        review_on=TODAY + timedelta(days=60),
        agreement="Explore both directions for six sessions; no big practical steps.",
        agreement_review_on=TODAY + timedelta(days=42),
    )


def first_signed(practice: OpenPractice, case: CaseDetail) -> plans.PlanVersion:
    draft = plans.start_version(practice.uow(), case.id).draft
    assert draft is not None
    plans.save_draft(practice.uow(), draft.id, content(case))
    return plans.sign_plan(practice.uow(), draft.id)


def test_a_first_version_is_written_signed_and_read_back(
    practice: OpenPractice, couple_case: CaseDetail, audit_log: Callable[[], list[AuditRow]]
) -> None:
    empty = plans.open_plan(practice.uow(), couple_case.id)
    assert empty.versions == () and empty.current is None and empty.starts_on is None
    started = plans.start_version(practice.uow(), couple_case.id)
    assert started.draft is not None and started.draft.version == 1
    assert started.starts_on == TODAY
    saved = plans.save_draft(practice.uow(), started.draft.id, content(couple_case))
    assert saved.content == content(couple_case) and not saved.signed
    signed = plans.sign_plan(practice.uow(), started.draft.id)
    assert signed.signed and signed.signed_by == "Dana Reyes, LMFT"
    again = plans.open_plan(practice.uow(), couple_case.id)
    assert again.current == signed and again.draft is None
    assert again.current.content.goals_of(None)[0].text.startswith("Stay curious")
    actions = [(r[0], r[1]) for r in audit_log() if r[1] == "treatment_plan"]
    assert actions == [
        ("viewed", "treatment_plan"),
        ("created", "treatment_plan"),
        ("changed", "treatment_plan"),
        ("signed", "treatment_plan"),
        ("sealed", "treatment_plan"),
        ("viewed", "treatment_plan"),
    ]


def test_a_signed_version_is_locked_and_a_new_one_keeps_the_goal_keys(
    practice: OpenPractice, couple_case: CaseDetail
) -> None:
    v1 = first_signed(practice, couple_case)
    with pytest.raises(RecordLocked) as caught:
        plans.save_draft(practice.uow(), v1.id, PlanContent())
    assert caught.value.code is ErrorCode.PLAN_SIGNED_LOCKED
    with pytest.raises(RecordLocked):
        plans.sign_plan(practice.uow(), v1.id)
    revising = plans.start_version(practice.uow(), couple_case.id)
    draft = revising.draft
    assert draft is not None and draft.version == 2 and draft.content == v1.content
    assert draft.changes == ()
    # starting again while a draft is open gives the same draft, not a third version
    assert plans.start_version(practice.uow(), couple_case.id).draft == draft
    couple_goal = replace(draft.content.goals[0], text="Stay curious and kind while unsure")
    plans.save_draft(
        practice.uow(), draft.id, replace(draft.content, goals=(couple_goal,), interventions=())
    )
    after = plans.open_plan(practice.uow(), couple_case.id)
    assert [v.version for v in after.versions] == [1, 2]
    assert after.current is not None and after.current.id == v1.id  # v1 still in force
    assert after.versions[0].content == v1.content  # and still readable as signed
    assert [c.kind for c in after.versions[1].changes] == [
        ChangeKind.GOAL_REWORDED,
        ChangeKind.GOAL_REMOVED,
        ChangeKind.INTERVENTIONS,
    ]
    assert after.versions[1].content.goals[0].key == "g-couple"


def test_signing_refuses_a_plan_without_goals_or_with_a_past_review(
    practice: OpenPractice, couple_case: CaseDetail
) -> None:
    draft = plans.start_version(practice.uow(), couple_case.id).draft
    assert draft is not None
    with pytest.raises(ValidationError) as caught:
        plans.sign_plan(practice.uow(), draft.id)
    assert caught.value.code is ErrorCode.PLAN_HAS_NO_GOALS
    plans.save_draft(practice.uow(), draft.id, content(couple_case))
    later = TODAY + timedelta(days=61)
    with pytest.raises(ValidationError) as caught:
        plans.sign_plan(practice.uow(), draft.id, today=later)
    assert caught.value.code is ErrorCode.PLAN_REVIEW_DATE_PASSED
    assert not plans.read_plan(practice.uow(), couple_case.id).versions[0].signed


def test_a_draft_is_checked_as_it_is_saved(
    practice: OpenPractice, couple_case: CaseDetail, individual_case: CaseDetail
) -> None:
    draft = plans.start_version(practice.uow(), couple_case.id).draft
    assert draft is not None
    outsider = individual_case.partners[0].id
    with pytest.raises(ValidationError) as caught:
        plans.save_draft(
            practice.uow(), draft.id, PlanContent(goals=(Goal(outsider, "x", key="k"),))
        )
    assert caught.value.code is ErrorCode.PARTNER_NOT_IN_CASE
    early = Objective("Too early", TODAY - timedelta(days=1))
    with pytest.raises(ValidationError) as caught:
        plans.save_draft(
            practice.uow(), draft.id, PlanContent(goals=(Goal(None, "x", (early,), "k"),))
        )
    assert caught.value.code is ErrorCode.PLAN_TARGET_BEFORE_START
    alone = plans.start_version(practice.uow(), individual_case.id).draft
    assert alone is not None
    with pytest.raises(ValidationError) as caught:
        plans.save_draft(practice.uow(), alone.id, PlanContent(goals=(Goal(None, "x"),)))
    assert caught.value.code is ErrorCode.PLAN_INDIVIDUAL_HAS_NO_COUPLE


def test_a_closed_case_gets_no_new_version(practice: OpenPractice, couple_case: CaseDetail) -> None:
    cases.close_case(practice.uow(), couple_case.id, TODAY)
    with pytest.raises(ValidationError) as caught:
        plans.start_version(practice.uow(), couple_case.id)
    assert caught.value.code is ErrorCode.CASE_CLOSED_REOPEN
    assert str(caught.value) == "This case is closed; reopen it to revise the treatment plan."


def test_an_administrator_may_not_read_or_write_plans(
    practice: OpenPractice, couple_case: CaseDetail
) -> None:
    admin = Principal(7, "Front Desk", Role.ADMINISTRATOR)
    for action in (plans.open_plan, plans.start_version, plan_goals.plan_review):
        with pytest.raises(NotPermitted):
            action(UnitOfWork(practice.session_factory(), admin), couple_case.id)


@pytest.fixture
def joint_note(couple_case: CaseDetail, record_session: Callable[..., SessionView]) -> int:
    note_id = record_session(couple_case.id, datetime.combine(TODAY, datetime.min.time())).note_id
    assert note_id is not None
    return note_id


def test_a_note_links_goals_with_marks_until_it_is_signed(
    practice: OpenPractice,
    couple_case: CaseDetail,
    joint_note: int,
    draft: Callable[..., NoteDraft],
) -> None:
    first_signed(practice, couple_case)
    offered = plan_goals.note_goals(practice.uow(), joint_note)
    assert [c.key for c in offered.choices] == ["g-couple", "g-lukasz"] and offered.links == ()
    linked = plan_goals.set_note_goals(
        practice.uow(),
        joint_note,
        {
            "g-couple": (ProgressMark.MOVING, " asked  twice "),
            "g-lukasz": (ProgressMark.HARDER, ""),
        },
    )
    assert linked.links == (
        plan_goals.GoalLink("g-couple", ProgressMark.MOVING, "asked twice"),
        plan_goals.GoalLink("g-lukasz", ProgressMark.HARDER, ""),
    )
    plan_goals.set_note_goals(practice.uow(), joint_note, {"g-couple": (ProgressMark.STEADY, "")})
    assert [
        (x.key, x.progress) for x in plan_goals.note_goals(practice.uow(), joint_note).links
    ] == [("g-couple", ProgressMark.STEADY)]
    with pytest.raises(ValidationError) as caught:
        plan_goals.set_note_goals(practice.uow(), joint_note, {"nope": (ProgressMark.MOVING, "")})
    assert caught.value.code is ErrorCode.PLAN_GOAL_NOT_IN_CASE
    notes.save_draft(practice.uow(), joint_note, draft({"focus": "Slowed the loop."}))
    notes.sign_note(practice.uow(), joint_note)
    with pytest.raises(RecordLocked):
        plan_goals.set_note_goals(practice.uow(), joint_note, {})
    assert plan_goals.note_goals(practice.uow(), joint_note).signed
    assert integrity.verify_seals(practice) == []


def test_the_review_shows_each_goals_notes_since_the_version_was_signed(
    practice: OpenPractice,
    couple_case: CaseDetail,
    record_session: Callable[..., SessionView],
) -> None:
    first_signed(practice, couple_case)
    older = record_session(
        couple_case.id, datetime.combine(TODAY, datetime.min.time()) - timedelta(days=3)
    )
    newer = record_session(
        couple_case.id, datetime.combine(TODAY, datetime.min.time()).replace(hour=9)
    )
    for s, mark in ((older, ProgressMark.MOVING), (newer, ProgressMark.HARDER)):
        assert s.note_id is not None
        plan_goals.set_note_goals(practice.uow(), s.note_id, {"g-couple": (mark, "")})
    review = plan_goals.plan_review(practice.uow(), couple_case.id)
    assert review.since == TODAY
    by_key = {g.goal.key: g for g in review.goals}
    assert [n.session_id for n in by_key["g-couple"].notes] == [newer.id]
    assert by_key["g-couple"].count(ProgressMark.HARDER) == 1
    assert by_key["g-lukasz"].notes == ()
    everything = plan_goals.plan_review(
        practice.uow(), couple_case.id, since=TODAY - timedelta(days=9)
    )
    assert [n.session_id for n in everything.goals[0].notes] == [older.id, newer.id]
    assert review.measures == ()  # nobody answered a measure yet


def test_check_finds_a_signed_plan_changed_behind_the_programs_back(
    practice: OpenPractice, couple_case: CaseDetail, request: pytest.FixtureRequest
) -> None:
    v1 = first_signed(practice, couple_case)
    assert integrity.verify_seals(practice) == []
    if practice.backend.name == "postgresql":
        # The server's superuser, at psql, switches the triggers off for the session.
        request.getfixturevalue("pg_practices").cluster.psql(
            "SET session_replication_role = replica; "
            # Shaped like ciphertext: the server refuses plain text there outright.
            f"UPDATE clarity.plan_goals SET text = 'c1.Decide-by-June' WHERE plan_id = {v1.id};",
            address.read(practice.folder).dbname,
        )
    else:
        conn = connect_raw(practice.folder / "practice.clarity", practice.db_key)
        try:  # someone who holds the database key drops the lock and edits the goal
            triggers = [
                r[0]
                for r in conn.execute(
                    "SELECT name FROM sqlite_master WHERE type='trigger' AND tbl_name='plan_goals'"
                )
            ]
            for name in triggers:
                conn.execute(f'DROP TRIGGER "{name}"')
            conn.execute(
                "UPDATE plan_goals SET text = 'Decide by June' WHERE plan_id = ?", (v1.id,)
            )
            conn.commit()
        finally:
            conn.close()
    if practice.backend.name == "postgresql":
        # The goal's text is encrypted there (issue 14): the superuser's words are not a
        # value the program can open: the check stops at them in words, trusting nothing.
        with pytest.raises(ClarityError) as refused:
            integrity.verify_seals(practice)
        assert refused.value.code is ErrorCode.ENCRYPTION_VALUE_MALFORMED
        return
    found = [str(w) for w in integrity.verify_seals(practice)]
    assert found == [
        "Version 1 of the treatment plan of Zoë & Łukasz: it was changed after it was signed."
    ]
