"""Entering a printed check-in form afterwards, for the therapist: choose the partner, the
session it belongs to (or none) and the day, then each item's ticked box. A blank box is
"skipped" where the definition allows it; the form will not be accepted until every other
item has an answer. The answers go out on :attr:`PaperEntry.entered`; the caller records
them (services.measures.record_answers with source "paper")."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from clarity_desktop.domain.instruments import Instrument
from clarity_desktop.ui.measures.check_in import Respondent

NOT_TICKED = -1


class PaperEntry(QWidget):
    entered = Signal(int, object, object, dict)  # partner id, session id or None, date, answers

    def __init__(
        self,
        instrument: Instrument,
        respondents: Sequence[Respondent],
        sessions: Sequence[tuple[int, str, date]],  # id, how the therapist knows it, its day
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.instrument = instrument
        self.partner = QComboBox()
        for person in respondents:
            self.partner.addItem(person.name, person.partner_id)
        self.session = QComboBox()
        self.session.addItem(self.tr("No session"), None)
        for session_id, known_as, day in sessions:
            self.session.addItem(known_as, (session_id, day))
        self.day = QDateEdit(QDate.currentDate())
        self.day.setCalendarPopup(True)
        self.session.currentIndexChanged.connect(self._session_day)
        form = QFormLayout()
        form.addRow(self.tr("&Partner:"), self.partner)
        form.addRow(self.tr("&Session:"), self.session)
        form.addRow(self.tr("&Date on the form:"), self.day)
        self.items: dict[str, QComboBox] = {}
        for item in instrument.items:
            box = QComboBox()
            box.addItem(self.tr("Skipped") if item.skippable else self.tr("(choose)"), NOT_TICKED)
            for value in instrument.scale.values:
                label = instrument.scale.label(value)
                words = label.in_language("en") if label else ""
                box.addItem(f"{value}  {words}".rstrip(), value)
            box.currentIndexChanged.connect(self._update)
            text = QLabel(f"{item.number}. {item.text.in_language('en')}")
            text.setWordWrap(True)
            text.setMinimumWidth(40 * text.fontMetrics().averageCharWidth())  # else squeezed
            text.setBuddy(box)
            form.addRow(text, box)
            self.items[item.id] = box
        self.save = QPushButton(self.tr("&Record these answers"))
        self.save.clicked.connect(self._emit)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.save)
        self._update()

    def _session_day(self) -> None:
        data = self.session.currentData()
        if data is not None:
            day = data[1]
            self.day.setDate(QDate(day.year, day.month, day.day))

    def answers(self) -> dict[str, int | None]:
        out: dict[str, int | None] = {}
        for item_id, box in self.items.items():
            value = box.currentData()
            out[item_id] = None if value == NOT_TICKED else int(value)
        return out

    def _update(self) -> None:
        given = self.answers()
        self.save.setEnabled(
            all(given[i.id] is not None or i.skippable for i in self.instrument.items)
        )

    def _emit(self) -> None:
        session = self.session.currentData()
        picked = self.day.date()
        day = date(picked.year(), picked.month(), picked.day())
        self.entered.emit(
            int(self.partner.currentData()),
            None if session is None else session[0],
            day,
            self.answers(),
        )
