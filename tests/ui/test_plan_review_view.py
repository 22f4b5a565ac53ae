"""The Review sub-tab of the treatment plan: per goal its owner, the notes linked since the
plan was signed with their marks (a click opens the note), the counts per mark, and how each
partner's measures moved, in plain words; an empty state before anything is linked."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from pytestqt.qtbot import QtBot

from clarity_desktop.domain.plans import ProgressMark
from clarity_desktop.services import plan_goals
from clarity_desktop.services.dto import CaseDetail
from clarity_desktop.services.practices import OpenPractice
from clarity_desktop.ui.common import dates
from clarity_desktop.ui.common.settings import Settings
from clarity_desktop.ui.main.main_window import MainWindow
from clarity_desktop.ui.plan.plan_page import PlanPage
from tests.review_case import make_review_case, practice_catalogue, sign_plan

SHOTS = Path(os.environ.get("REVIEW_SHOTS", "/tmp/review_shots"))


def page_for(qtbot: QtBot, practice: OpenPractice, case: CaseDetail) -> PlanPage:
    page = PlanPage(lambda: practice)
    qtbot.addWidget(page)
    page.resize(1000, 900)
    page.show()
    page.set_case(case)
    page.show_review()
    return page


def shot(qtbot: QtBot, page: PlanPage, name: str) -> None:
    qtbot.wait(50)  # let the rebuilt labels lay out
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.grab().save(str(SHOTS / name))


def test_the_review_shows_each_goal_s_notes_and_the_measures_course(
    qtbot: QtBot, practice: OpenPractice, couple_case: CaseDetail
) -> None:
    seeded = make_review_case(practice, couple_case)
    page = page_for(qtbot, practice, couple_case)
    assert page.views.currentWidget() is page.review
    assert "Review since version 1 was signed" in page.review.heading.text()
    assert not page.review.empty.isVisible()
    couple, lukasz = (label.text() for label in page.review.goal_labels)
    assert "<b>The couple</b>: Stay curious about each other while unsure" in couple
    assert "Moving: 1 · Steady: 1" in couple  # the note of a week ago is before the review
    assert "asked before assuming" in couple
    today, later = seeded.sessions[2], seeded.sessions[3]
    assert f'href="session:{today.id}"' in couple and f'href="session:{later.id}"' in couple
    assert f'href="session:{seeded.sessions[1].id}"' not in couple
    assert dates.day(later.starts_at.date()) in couple
    assert "<b>Łukasz</b>" in lukasz and "Harder for now: 1" in lukasz

    words = "\n".join(label.text() for label in page.review.measure_labels)
    assert "Zoë: 10 → 17, a reliable rise, now at or above the cut-off" in words
    assert "Łukasz: 16 → 13, within the usual wobble" in words
    assert "Gap between them: 6 → 4" in words
    assert "Łukasz: 3.2 → 2.4</p>" in words  # the check-in gives no reliable-change value
    assert "on " in words and "no answer since the review" in words  # the ambivalence check, before

    # from another day: the note of a week ago joins, and the review says from when
    week_ago = seeded.sessions[1]
    page.review.other_day.setChecked(True)
    page.review.since.setDate(QDate(2000, 1, 1))
    assert "Review since 1 Jan 2000" in page.review.heading.text()
    assert f'href="session:{week_ago.id}"' in page.review.goal_labels[0].text()
    assert "Moving: 2 · Steady: 1" in page.review.goal_labels[0].text()
    page.review.other_day.setChecked(False)
    assert "Review since version 1 was signed" in page.review.heading.text()

    with qtbot.waitSignal(page.session_requested) as opened:
        page.review.goal_labels[0].linkActivated.emit(f"session:{today.id}")
    assert opened.args == [today.id]
    shot(qtbot, page, "review_with_data.png")


def test_before_anything_is_linked_the_review_says_so(
    qtbot: QtBot, practice: OpenPractice, couple_case: CaseDetail
) -> None:
    page = page_for(qtbot, practice, couple_case)
    assert page.review.empty.isVisible()
    assert "No signed plan yet" in page.review.empty.text()
    assert "No measure has been answered" in page.review.measure_labels[0].text()
    practice_catalogue(practice)
    sign_plan(practice, couple_case)
    page.refresh()
    assert page.review.empty.isVisible()
    assert "No note has been linked to a goal since the review" in page.review.empty.text()
    assert all("No note linked yet." in label.text() for label in page.review.goal_labels)
    shot(qtbot, page, "review_empty.png")
    page.views.setCurrentIndex(0)
    assert page.heading.isVisible() and not page.review.isVisible()
    assert page.views.tabText(1) == "Review"


def test_in_the_window_a_linked_note_opens_from_the_review_by_keyboard(
    qtbot: QtBot, practice: OpenPractice, couple_case: CaseDetail, settings: Settings
) -> None:
    seeded = make_review_case(practice, couple_case)
    window = MainWindow(practice, settings)
    qtbot.addWidget(window)
    window.show()
    window.case_list.select_case(couple_case.id)
    window.tabs.setCurrentWidget(window.tabs.plan)
    page = window.tabs.plan
    page.views.setCurrentWidget(page.review)
    qtbot.waitUntil(lambda: bool(page.review.goal_labels))
    first = page.review.goal_labels[0]
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    first.setFocus()
    qtbot.waitUntil(first.hasFocus)
    qtbot.keyClick(first, Qt.Key.Key_Tab)  # the label's first link: today's session
    assert first.selectedText() == dates.day(seeded.sessions[2].starts_at.date())
    qtbot.keyClick(first, Qt.Key.Key_Return)
    today = seeded.sessions[2]
    qtbot.waitUntil(lambda: window.editor.note is not None)
    assert window.tabs.currentWidget() is window.editor
    assert window.editor.note is not None and window.editor.note.session_id == today.id
    # the goals the note worked on change and the note is saved: back on the plan's
    # review, it shows them
    assert today.note_id is not None
    plan_goals.set_note_goals(
        practice.uow(), today.note_id, {"g-lukasz": (ProgressMark.MOVING, "named a need")}
    )
    window.editor.note_saved.emit(today.note_id)
    assert "named a need" not in page.review.goal_labels[1].text()  # not on screen: not read
    window.tabs.setCurrentWidget(page)
    assert page.views.currentWidget() is page.review
    qtbot.waitUntil(lambda: "named a need" in page.review.goal_labels[1].text())
    assert "Moving: 1" in page.review.goal_labels[1].text()


def test_marks_before_the_review_are_counted_and_one_link_reviews_from_the_first(
    qtbot: QtBot, practice: OpenPractice, couple_case: CaseDetail
) -> None:
    """A plan just signed (or revised) would look as if nothing had been worked on: the
    review says how many marks came earlier and reviews from the first of them on a click."""
    seeded = make_review_case(practice, couple_case)
    page = page_for(qtbot, practice, couple_case)
    week_ago = seeded.sessions[1]
    assert page.review.earlier.isVisible()
    said = page.review.earlier.text()
    assert "1 goal mark from an earlier session is not in this review." in said
    first = week_ago.starts_at.date()
    assert f"Review from {dates.day(first)}" in said
    assert f'href="session:{week_ago.id}"' not in page.review.goal_labels[0].text()
    page.review.earlier.linkActivated.emit(f"since:{first.isoformat()}")
    assert page.review.other_day.isChecked()
    assert f"Review since {dates.day(first)}" in page.review.heading.text()
    assert f'href="session:{week_ago.id}"' in page.review.goal_labels[0].text()
    assert not page.review.earlier.isVisible()
