"""The session brief on screen with a treatment plan: the agreement and its review date,
amber once the session it prepares has reached it, and the goals of the plan in force."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from pathlib import Path

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from clarity_desktop.domain.records import SessionInput
from clarity_desktop.services import cases, sessions
from clarity_desktop.store.practice import OpenPractice
from clarity_desktop.ui.common import language
from clarity_desktop.ui.documents import brief_html
from clarity_desktop.ui.documents.brief_view import BriefDialog
from tests.brief_case import make_brief_case
from tests.services.test_plan_document import LATER, write_plan
from tests.ui.test_brief_view import screen_text


def block(dialog: BriefDialog, heading: str) -> QLabel | None:
    """The block on screen now (a refresh hides the old ones and frees them later)."""
    labels = dialog.findChildren(QLabel)
    return next((b for b in labels if b.accessibleName() == heading and b.isVisible()), None)


def test_the_agreement_turns_amber_when_the_session_reaches_its_review(
    qtbot: QtBot, practice: OpenPractice, tmp_path: Path
) -> None:
    bc = make_brief_case(practice)
    write_plan(practice, bc.case)
    after = datetime.combine(LATER + timedelta(days=1), time(10, 0))
    later = sessions.create_session(practice.uow(), bc.case.id, SessionInput(starts_at=after))
    case = cases.read_case(practice.uow(), bc.case.id)
    dialog = BriefDialog(practice, case, later.id)
    qtbot.addWidget(dialog)
    dialog.show()
    text = screen_text(dialog)
    assert "No big practical steps before the review." in text
    assert f"Review due: {LATER.day} " in text
    assert "Goals of the plan (version 1)" in text
    assert "• Łukasz: Say what he needs before going quiet" in text
    assert "Name the pull to leave" not in text  # the draft's goal
    agreement = block(dialog, "While we are unsure")
    assert agreement is not None and brief_html.AMBER in agreement.text()
    dialog.grab().save(str(tmp_path / "brief_plan.png"))

    dialog.session.setCurrentIndex(dialog.session.findData(bc.next.id))  # 25 Mar 2025
    assert f"Review on {LATER.day} " in screen_text(dialog)
    agreement = block(dialog, "While we are unsure")
    assert agreement is not None and brief_html.AMBER not in agreement.text()


def test_without_a_signed_plan_the_brief_says_so(qtbot: QtBot, practice: OpenPractice) -> None:
    bc = make_brief_case(practice)
    dialog = BriefDialog(practice, bc.case, bc.next.id)
    qtbot.addWidget(dialog)
    dialog.show()
    text = screen_text(dialog)
    assert "No treatment plan is signed yet." in text
    assert block(dialog, "While we are unsure") is None


def test_in_spanish_the_agreement_and_goals_are_spanish(
    qtbot: QtBot, practice: OpenPractice
) -> None:
    bc = make_brief_case(practice)
    write_plan(practice, bc.case)
    before = QLocale()
    assert language.install("es")
    try:
        dialog = BriefDialog(practice, bc.case, bc.next.id)
        qtbot.addWidget(dialog)
        dialog.show()
        text = screen_text(dialog)
    finally:
        language.install("en")
        QLocale.setDefault(before)
    assert "Mientras no lo tengamos claro" in text
    assert f"Revisión el {LATER.day} " in text
    assert "Objetivos del plan (versión 1)" in text
    assert "• La pareja: Stay curious about each other while unsure" in text
    assert "While we are unsure" not in text and "Goals of the plan" not in text
