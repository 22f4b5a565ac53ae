"""The treatment plan page: start a plan, write goals per owner, save, sign (confirmed, then
locked), revise in a new version, and read every version with what it changed."""

from __future__ import annotations

import os
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from clarity_desktop.services import plans
from clarity_desktop.services.dto import CaseDetail
from clarity_desktop.services.practices import OpenPractice
from clarity_desktop.ui.plan.plan_page import PlanPage
from tests.ui.conftest import ModalAnswerer, click_button

LATER = date.today() + timedelta(days=40)


def qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def test_write_sign_and_revise_a_plan(
    qtbot: QtBot,
    practice: OpenPractice,
    couple_case: CaseDetail,
    modal: ModalAnswerer,
    tmp_path: Path,
) -> None:
    page = PlanPage(lambda: practice)
    qtbot.addWidget(page)
    page.resize(1100, 800)
    page.set_case(couple_case)
    assert "No treatment plan yet" in page.heading.text()
    assert [s.title() for s in page.form.sections] == ["The couple", "Zoë", "Łukasz"]
    page.start_version()
    assert "Version 1 · draft" in page.heading.text()
    couple, zoe, lukasz = page.form.sections
    couple.brings.setPlainText("The move keeps coming back")
    goal = couple.add_goal()
    goal.setText(0, "Stay curious about each other while unsure")
    couple.goals.setCurrentItem(goal)
    couple.add_objective()
    objective = goal.child(0)
    assert objective is not None
    objective.setText(0, "Ask before assuming, once a day")
    objective.setText(1, LATER.isoformat())
    lukasz.add_goal().setText(0, "Say what he needs before going quiet")
    page.form.interventions.setPlainText("Slowing the loop in session")
    page.form.review_on.setDate(qdate(LATER))
    page.form.agreement.setPlainText("Explore both directions for six sessions.")
    page.form.agreement_review_on.setDate(qdate(LATER))
    assert page.save()
    stored = plans.read_plan(practice.uow(), couple_case.id).draft
    assert stored is not None
    assert [g.text for g in stored.content.goals] == [
        "Stay curious about each other while unsure",
        "Say what he needs before going quiet",
    ]
    assert stored.content.goals[0].objectives[0].target_on == LATER
    # removing a goal by mistake, then Ctrl+Shift+Z brings it back
    lukasz.goals.setCurrentItem(lukasz.goals.topLevelItem(0))
    lukasz.remove_selected()
    assert lukasz.goals.topLevelItemCount() == 0
    page.form.undo_remove()
    assert lukasz.goals.topLevelItemCount() == 1

    if os.environ.get("PLAN_SHOTS"):
        page.grab().save(str(Path(os.environ["PLAN_SHOTS"]) / "plan_draft.png"))
    modal.answer(QMessageBox, lambda box: click_button(box, "Yes"))
    page.sign()
    assert "Version 1 · signed" in page.heading.text()
    assert page.form.interventions.isReadOnly() and not page.save_button.isEnabled()
    assert not couple.add_goal_button.isVisible()
    signed = plans.read_plan(practice.uow(), couple_case.id)
    assert signed.current is not None and signed.draft is None

    page.start_version()
    assert "Version 2 · draft" in page.heading.text()
    assert not page.form.interventions.isReadOnly()
    page.form.interventions.setPlainText("Slowing the loop in session\nPause when flooded")
    assert page.save()
    assert page.versions.count() == 2
    newest = page.versions.item(0)
    assert newest is not None and "Version 2" in newest.text()
    assert newest.toolTip() == "Interventions changed"
    older = page.versions.item(1)
    assert older is not None
    page.versions.setCurrentItem(older)
    assert "Version 1 · signed" in page.heading.text()
    assert page.form.interventions.toPlainText() == "Slowing the loop in session"
    assert page.form.interventions.isReadOnly()
    # every version's line is whole in the list, none cut at its edge, even where the
    # case view leaves the page little room
    page.resize(900, 800)
    page.show()
    qtbot.waitExposed(page)
    qtbot.wait(20)
    assert page.versions.horizontalScrollBar().maximum() == 0
    if os.environ.get("PLAN_SHOTS"):
        page.grab().save(str(Path(os.environ["PLAN_SHOTS"]) / "plan_v1.png"))


def test_an_unreadable_target_date_is_said_and_nothing_saved(
    qtbot: QtBot, practice: OpenPractice, couple_case: CaseDetail, modal: ModalAnswerer
) -> None:
    page = PlanPage(lambda: practice)
    qtbot.addWidget(page)
    page.set_case(couple_case)
    page.start_version()
    couple = page.form.sections[0]
    goal = couple.add_goal()
    goal.setText(0, "Pause when flooded")
    couple.goals.setCurrentItem(goal)
    couple.add_objective()
    child = goal.child(0)
    assert child is not None
    child.setText(0, "Name it")
    child.setText(1, "next tuesday-ish")
    seen: list[str] = []
    modal.answer(QMessageBox, lambda box: (seen.append(box.text()), box.accept()))
    assert not page.save()
    assert seen and "target date could not be read" in seen[0]
    draft = plans.read_plan(practice.uow(), couple_case.id).draft
    assert draft is not None and draft.content.goals == ()


def test_the_dashboard_shows_the_agreement_quietly_and_amber_once_due(
    qtbot: QtBot, tmp_path: Path
) -> None:
    from clarity_desktop.ui.dashboard.dashboard import CaseDashboard
    from clarity_desktop.ui.plan.agreement_box import AMBER

    dashboard = CaseDashboard()
    qtbot.addWidget(dashboard)
    box = dashboard.agreement
    today = date(2027, 3, 10)
    box.set_agreement("Explore both directions for six sessions.", date(2027, 3, 20), today)
    assert not box.isHidden() and box.review.text() == "Review on 20 Mar 2027"
    assert box.review.palette().color(box.review.foregroundRole()) != AMBER
    box.set_agreement("Explore both directions for six sessions.", today, today)
    assert box.review.text() == "Review due: 10 Mar 2027"
    assert box.review.palette().color(box.review.foregroundRole()) == AMBER
    if os.environ.get("PLAN_SHOTS"):
        box.resize(500, 80)
        box.grab().save(str(Path(os.environ["PLAN_SHOTS"]) / "agreement_due.png"))
    box.set_agreement("", None, today)
    assert box.isHidden()


def test_the_note_editor_links_goals_with_a_mark_saved_with_the_draft(
    qtbot: QtBot, practice: OpenPractice, couple_case: CaseDetail
) -> None:
    from datetime import datetime

    from clarity_desktop.domain.plans import Goal, PlanContent, ProgressMark
    from clarity_desktop.domain.records import SessionInput
    from clarity_desktop.services import notes, plan_goals, sessions
    from clarity_desktop.ui.note.note_editor import NoteEditor

    draft = plans.start_version(practice.uow(), couple_case.id).draft
    assert draft is not None
    content = PlanContent(
        goals=(Goal(None, "Stay curious while unsure", key="g1"), Goal(None, "Pause", key="g2")),
        review_on=LATER,
    )
    plans.save_draft(practice.uow(), draft.id, content)
    plans.sign_plan(practice.uow(), draft.id)
    s = sessions.create_session(
        practice.uow(), couple_case.id, SessionInput(starts_at=datetime(2026, 3, 1, 10, 0))
    )
    assert s.note_id is not None
    editor = NoteEditor(practice)
    qtbot.addWidget(editor)
    editor.resize(1200, 900)
    editor.show_note(notes.open_note(practice.uow(), s.note_id), couple_case.partners)
    panel = editor.goals_panel
    assert not panel.isHidden()
    tick, mark = panel._rows["g1"]
    assert tick.text() == "Couple: Stay curious while unsure" and not mark.isEnabled()
    tick.setChecked(True)
    mark.setCurrentIndex(mark.findData(ProgressMark.MOVING))
    assert editor.save_now()
    links = plan_goals.note_goals(practice.uow(), s.note_id).links
    assert [(x.key, x.progress) for x in links] == [("g1", ProgressMark.MOVING)]
    if os.environ.get("PLAN_SHOTS"):
        panel.grab().save(str(Path(os.environ["PLAN_SHOTS"]) / "note_goals.png"))
