"""The demo practice shows the golden thread: for three cases, a signed treatment plan with
the agreement while unsure, notes that link to its goals with a progress mark, and both
partners' answers session by session, read back through the services a therapist's
screens use."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from statistics import mean

import pytest

from clarity_desktop.domain.demo_content import DemoContentError
from clarity_desktop.domain.instruments import AnswerSource
from clarity_desktop.domain.plans import ChangeKind, ProgressMark
from clarity_desktop.domain.records import CaseKind
from clarity_desktop.services import cases, demo, measures, notes, plan_goals, plans
from clarity_desktop.services.dto import CaseDetail
from clarity_desktop.services.measures import CaseMeasures
from clarity_desktop.store import opening
from clarity_desktop.store import practice as store
from clarity_desktop.store.practice import OpenPractice

THREAD = ("Zoë", "Priya", "Ελένη")  # the first partner's first name in each case


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("demo") / "practice"
    demo.build_demo(folder).close()
    return folder


@pytest.fixture
def practice(built: Path) -> Iterator[OpenPractice]:
    opened = opening.unlock(built, demo.DEMO_PASSPHRASE)
    try:
        yield opened
    finally:
        opened.close()


def _case(p: OpenPractice, first_name: str) -> CaseDetail:
    for c in cases.list_cases(p.uow()):
        detail = cases.open_case(p.uow(), c.id)
        if detail.partners[0].name.split()[0] == first_name:
            return detail
    raise AssertionError(f"No demo case for {first_name}.")


def _check_in(p: OpenPractice, case: CaseDetail) -> CaseMeasures:
    return measures.case_measures(p.uow(), case.id, measures.catalogue())


def _gaps(found: CaseMeasures) -> list[float]:
    course = next(i for i in found.instruments if i.instrument.id == "session_check_in")
    return [g.gap for g in course.scores[0].gaps]  # the total, session by session


@pytest.mark.parametrize("first_name", THREAD)
def test_the_case_has_a_signed_plan_with_the_agreement_while_unsure(
    practice: OpenPractice, first_name: str
) -> None:
    case = _case(practice, first_name)
    plan = plans.read_plan(practice.uow(), case.id)
    current = plan.current
    assert current is not None and plan.draft is None
    content = current.content
    assert content.goals and content.interventions and content.concerns
    assert content.agreement and content.agreement_review_on is not None
    assert content.review_on is not None
    partner_ids = {p.id for p in case.partners}
    assert {g.owner for g in content.goals} <= partner_ids | {None}
    for pid in partner_ids:  # each partner has a goal of their own
        assert content.goals_of(pid)
    if case.kind is CaseKind.INDIVIDUAL:
        assert content.goals_of(None) == () and content.concerns_of(None) == ()
    words = " ".join(g.text for g in content.goals).lower()
    for verdict in ("stay together", "staying together", "leave", "leaving", "separat", "save"):
        assert verdict not in words  # goals about clarity and conduct, never a verdict


@pytest.mark.parametrize("first_name", ["Zoë", "Priya"])
def test_the_couples_plans_were_revised_keeping_their_goals(
    practice: OpenPractice, first_name: str
) -> None:
    plan = plans.read_plan(practice.uow(), _case(practice, first_name).id)
    first, revised = plan.versions
    assert first.signed and revised.signed
    kinds = {c.kind for c in revised.changes}
    assert {ChangeKind.GOAL_ADDED, ChangeKind.AGREEMENT} <= kinds
    assert ChangeKind.GOAL_REMOVED not in kinds
    assert {g.key for g in first.content.goals} < {g.key for g in revised.content.goals}


@pytest.mark.parametrize("first_name", THREAD)
def test_notes_link_to_goals_of_a_plan_signed_before_them(
    practice: OpenPractice, first_name: str
) -> None:
    case = _case(practice, first_name)
    versions = plans.read_plan(practice.uow(), case.id).versions
    linked = 0
    for s in case.sessions:
        assert s.note_id is not None
        links = plan_goals.note_goals(practice.uow(), s.note_id).links
        if not links:
            continue
        linked += 1
        note = notes.read_note(practice.uow(), s.note_id)
        in_force = [
            v
            for v in versions
            if v.signed_at is not None and (note.signed_at is None or v.signed_at < note.signed_at)
        ]
        assert in_force, "a note links to a goal before any plan was signed"
        keys = {g.key for g in in_force[-1].content.goals}
        assert {link.key for link in links} <= keys
    assert linked >= 5


@pytest.mark.parametrize("first_name", THREAD)
def test_the_plan_review_shows_each_goals_notes_and_marks(
    practice: OpenPractice, first_name: str
) -> None:
    case = _case(practice, first_name)
    review = plan_goals.plan_review(practice.uow(), case.id, since=case.opened_on)
    assert review.version is not None and review.goals
    for goal in review.goals:
        assert goal.notes, goal.goal.text
    marks = {n.progress for g in review.goals for n in g.notes}
    assert ProgressMark.MOVING in marks or ProgressMark.HARDER in marks
    assert any(n.comment for g in review.goals for n in g.notes)


def test_priyas_and_toms_loop_goal_reads_harder_for_now(practice: OpenPractice) -> None:
    case = _case(practice, "Priya")
    review = plan_goals.plan_review(practice.uow(), case.id, since=case.opened_on)
    couple = [g for g in review.goals if g.goal.owner is None]
    assert sum(g.count(ProgressMark.HARDER) for g in couple) >= 5
    assert sum(g.count(ProgressMark.MOVING) for g in couple) <= 1


def test_both_partners_answered_and_zoe_and_daniel_draw_closer(practice: OpenPractice) -> None:
    found = _check_in(practice, _case(practice, "Zoë"))
    ids = [p[0] for p in found.partners]
    for course in found.instruments:
        for score in course.scores:
            assert all(score.by_partner[pid] for pid in ids), course.instrument.id
    gaps = _gaps(found)
    assert len(gaps) >= 10
    assert mean(gaps[:4]) > 0.9 and mean(gaps[-4:]) < 0.4  # apart at first, then close


def test_priya_and_tom_drift_apart_on_the_check_in(practice: OpenPractice) -> None:
    gaps = _gaps(_check_in(practice, _case(practice, "Priya")))
    assert len(gaps) >= 7
    assert mean(gaps[:3]) < 0.4 and mean(gaps[-3:]) > 1.4  # close at first, then apart


def test_answers_belong_to_who_was_in_the_room_and_some_came_on_paper(
    practice: OpenPractice,
) -> None:
    sources = set()
    for first_name in THREAD:
        case = _case(practice, first_name)
        attending = {s.id: s.attending_partner_id for s in case.sessions}
        found = _check_in(practice, case)
        for course in found.instruments:
            for answered in course.answer_sets:
                assert answered.session_id in attending
                who = attending[answered.session_id]
                assert who is None or who == answered.partner_id
                sources.add(answered.source)
    assert sources == {AnswerSource.SCREEN, AnswerSource.PAPER}
    eleni = _check_in(practice, _case(practice, "Ελένη"))
    assert len(eleni.partners) == 1 and {i.instrument.id for i in eleni.instruments} == {
        "session_check_in",
        "ambivalence_check",
    }


def test_an_answer_off_the_scale_is_named_and_no_practice_is_made(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    content = tmp_path / "content"
    content.mkdir()
    good = demo.demo_folder() / "01-marchetti-okafor.toml"
    text = good.read_text(encoding="utf-8")
    last = (
        "session_check_in = { safe_to_speak = 4, heard = 4, clarity = 4, hope = 4, pressure = 0 }"
    )
    assert text.count(last) == 1
    (content / good.name).write_text(
        text.replace(last, last.replace("hope = 4", "hope = 5")), encoding="utf-8"
    )
    monkeypatch.setattr(demo, "demo_folder", lambda: content)
    with pytest.raises(DemoContentError) as caught:
        demo.build_demo(tmp_path / "demo")
    assert str(caught.value).startswith(
        "01-marchetti-okafor.toml: sessions[15].answers.partner1.session_check_in: "
        "The answer to question 4 is 5"
    )
    assert not store.exists(tmp_path / "demo")
