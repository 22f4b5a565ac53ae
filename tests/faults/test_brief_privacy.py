"""Privacy faults in the session brief, which may be on screen with the couple in the room.

A marker phrase is recorded only at Łukasz's private individual session: in the note's
next steps and in his flooding note, beside readings heard only there (step 4, letting
go, clarity 9) and a handout given to him there. None of it may reach the brief, on
screen or on paper, unless the therapist includes private sessions; included, it shows,
marked "individual session". Read back with pdftotext, as a user's tools would.
"""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from clarity_desktop.services import brief
from clarity_desktop.store.practice import OpenPractice
from clarity_desktop.ui.documents.brief_view import BriefDialog
from tests.brief_case import PRIVATE_PHRASE, make_brief_case
from tests.reports import pdftools
from tests.ui.test_brief_view import screen_text

HEARD_ALONE = ("Letting go", "Find Your Direction", "9 of 10", PRIVATE_PHRASE)


def test_nothing_from_a_private_session_reaches_the_brief_unless_included(
    qtbot: QtBot, practice: OpenPractice
) -> None:
    bc = make_brief_case(practice)
    for session in (bc.third.id, bc.next.id):  # just after the private session, and later
        pdf = pdftools.flat(
            pdftools.text(brief.brief_pdf(practice.uow(), bc.case.id, session) or b"")
        )
        dialog = BriefDialog(practice, bc.case, session)
        qtbot.addWidget(dialog)
        dialog.show()
        shown = screen_text(dialog)
        for words in HEARD_ALONE:
            assert words not in pdf, f"{words!r} printed from a private session"
            assert words not in shown, f"{words!r} shown from a private session"

    included = brief.brief_pdf(
        practice.uow(), bc.case.id, bc.third.id, include_private_readings=True
    )
    text = pdftools.flat(pdftools.text(included or b""))
    assert PRIVATE_PHRASE in text
    assert "Letting go (11 Mar 2025, individual session)" in text
    assert "4 · Find Your Direction, to Łukasz (individual session)" in text
    assert "9 of 10, up from 5 last time (11 Mar 2025, individual session)" in text
