"""The two ways answers come in, each a dialog that records what it is given at once:
the clinic-screen check-in (check_in.py) for whoever came to the session, and a printed
form copied in afterwards (paper_entry.py).

The check-in stores each partner's answers the moment they hand over, so nothing of one
partner stays in the window while the other answers, and a check-in stopped half way
keeps what the first partner gave. Both dialogs keep the sets they stored in ``stored``
for the caller to announce.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QMessageBox, QPushButton, QVBoxLayout, QWidget

from clarity_desktop.domain.instruments import AnswerSource, Instrument
from clarity_desktop.services import measures
from clarity_desktop.services.dto import CaseDetail, SessionView
from clarity_desktop.services.measures import AnswerSet
from clarity_desktop.services.practices import OpenPractice
from clarity_desktop.ui.common import dates, labels, language
from clarity_desktop.ui.common.errors import explain
from clarity_desktop.ui.measures.check_in import CheckInScreen, Respondent
from clarity_desktop.ui.measures.paper_entry import PaperEntry


def respondents(case: CaseDetail, session: SessionView | None) -> list[Respondent]:
    """Who answers: the one partner of an individual session, else every partner of the
    case in the case's order."""
    attending = None if session is None else session.attending_partner_id
    return [
        Respondent(p.id, p.name, p.language)
        for p in sorted(case.partners, key=lambda p: p.position)
        if attending is None or p.id == attending
    ]


def session_text(session: SessionView) -> str:
    """A session as the therapist knows it: its day, who came, and whether its note is
    private (what one partner said alone is marked wherever it shows)."""
    text = f"{dates.day(session.starts_at.date())} · {labels.text(session.attending_label)}"
    if session.note_private:
        text += QCoreApplication.translate("MeasureDialogs", " · private")
    return text


class CheckInDialog(QDialog):
    """The check-in, nearly the whole window, for turning the screen toward the client."""

    def __init__(
        self,
        practice: OpenPractice,
        case: CaseDetail,
        session: SessionView,
        instrument: Instrument,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(
            self.tr("Check-in: %1").replace("%1", instrument.title.in_language(language.current()))
        )
        self._practice = practice
        self._case = case
        self._session = session
        self._instrument = instrument
        self.stored: list[AnswerSet] = []
        self.check_in = CheckInScreen(instrument, respondents(case, session))
        self.check_in.answered.connect(self._record)
        self.check_in.finished.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.check_in)
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)  # Enter must never pick an answer by itself
            button.setDefault(False)
        if parent is not None:  # over the whole window: no chart of earlier answers shows
            self.setGeometry(parent.window().geometry())
        else:
            self.resize(960, 640)
        self.check_in.setFocus()

    def _record(self, partner_id: int, answers: dict[str, int | None]) -> None:
        try:
            stored = measures.record_answers(
                self._practice.uow(),
                self._instrument,
                self._case.id,
                partner_id,
                answers,
                session_id=self._session.id,
                source=AnswerSource.SCREEN,
            )
        except Exception as exc:
            QMessageBox.warning(self, self.tr("Answers not kept"), explain(exc))
            return
        self.stored.append(stored)

    def reject(self) -> None:
        """Escape half way asks first: the answers on screen now would be lost."""
        screen = self.check_in
        if screen.index > 0:
            name = screen.respondent.name
            answer = QMessageBox.question(
                self,
                self.tr("Stop the check-in?"),
                self.tr("%1's answers so far will not be kept. Stop the check-in?").replace(
                    "%1", name
                ),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        super().reject()


class PaperEntryDialog(QDialog):
    """A printed form copied in: the partner, the session (the chosen one offered first),
    the day on the form and each ticked box."""

    def __init__(
        self,
        practice: OpenPractice,
        case: CaseDetail,
        instrument: Instrument,
        chosen_session: int | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(
            self.tr("Enter a paper form: %1").replace(
                "%1", instrument.title.in_language(language.current())
            )
        )
        self._practice = practice
        self._case = case
        self._instrument = instrument
        self.stored: list[AnswerSet] = []
        open_sessions: Sequence[SessionView] = [
            s for s in case.sessions if s.note_id is not None and not s.note_signed
        ]
        self.entry = PaperEntry(
            instrument,
            respondents(case, None),
            [(s.id, session_text(s), s.starts_at.date()) for s in open_sessions],
        )
        for i in range(self.entry.session.count()):
            data = self.entry.session.itemData(i)
            if data is not None and data[0] == chosen_session:
                self.entry.session.setCurrentIndex(i)
        self.entry.entered.connect(self._record)
        layout = QVBoxLayout(self)
        layout.addWidget(self.entry)
        self.setMinimumWidth(760)

    def _record(
        self,
        partner_id: int,
        session_id: int | None,
        day: date,
        answers: dict[str, int | None],
    ) -> None:
        try:
            stored = measures.record_answers(
                self._practice.uow(),
                self._instrument,
                self._case.id,
                partner_id,
                answers,
                session_id=session_id,
                answered_on=day,
                source=AnswerSource.PAPER,
            )
        except Exception as exc:
            QMessageBox.warning(self, self.tr("Answers not kept"), explain(exc))
            return
        self.stored.append(stored)
        self.accept()
