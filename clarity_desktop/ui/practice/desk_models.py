"""Item models for the front desk (front_desk_window.py): the practice's sessions, and one
row per client with how to reach them. Only what services/front_desk.py returns, which
holds nothing clinical; a case's safety flag shows as "ask the clinician first", in words
and with an icon, never with its reason."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from clarity_desktop.domain.records import CaseKind, CaseStatus
from clarity_desktop.services.front_desk import ContactPerson, DeskContact, DeskSession
from clarity_desktop.ui.common import labels
from clarity_desktop.ui.common.languages import language_name
from clarity_desktop.ui.common.models import ID_ROLE, Index, ListTableModel, _warning_icon
from clarity_desktop.ui.common.numbers import filled
from clarity_desktop.ui.practice.today_models import CASE_ROLE, clock, day_words, full_day


def _ask_first() -> str:
    return QCoreApplication.translate("DeskModels", "Ask the clinician first")


def _ask_first_tip() -> str:
    return QCoreApplication.translate(
        "DeskModels", "Please ask the clinician before changing or cancelling this booking."
    )


def _nobody() -> str:
    return QCoreApplication.translate("DeskModels", "Not assigned")


def _clinicians(names: tuple[str, ...]) -> str:
    return ", ".join(names)


class DeskSessionModel(ListTableModel[DeskSession]):
    WHEN, CLIENT, CLINICIAN, WHO, WHERE, STATUS, ASK = range(7)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__([], parent)
        self._headers = [
            self.tr("When"),
            self.tr("Client"),
            self.tr("Clinician"),
            self.tr("Who comes"),
            self.tr("Where"),
            self.tr("Status"),
            self.tr("Before changing"),
        ]
        self.today = date.today()

    def set_rows(self, rows: tuple[DeskSession, ...], today: date) -> None:
        self.today = today
        self._replace(list(rows))

    def row_at(self, row: int) -> DeskSession:
        return self._rows[row]

    def who_comes(self, s: DeskSession) -> str:
        if s.attending is not None:
            return s.attending
        if s.case_kind is CaseKind.COUPLE:
            return self.tr("Both partners")
        return s.client_name

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        s, col = self._rows[index.row()], index.column()
        if role == ID_ROLE:
            return s.session_id
        if role == CASE_ROLE:
            return s.case_id
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.WHEN:
                day = day_words(s.starts_at.date(), self.today)
                return f"{day} {clock(s.starts_at)}–{clock(s.ends_at)}"
            if col == self.CLIENT:
                return labels.client(s.client_name)
            if col == self.CLINICIAN:
                return _clinicians(s.clinicians) or _nobody()
            if col == self.WHO:
                return self.who_comes(s)
            if col == self.WHERE:
                return filled(self.tr("%s · %d min"), labels.label(s.modality), s.duration_minutes)
            if col == self.STATUS:
                return labels.label(s.status)
            if col == self.ASK:
                return _ask_first() if s.ask_first else ""
            return None
        if role == Qt.ItemDataRole.DecorationRole and col == self.ASK and s.ask_first:
            return _warning_icon()
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == self.ASK and s.ask_first:
                return _ask_first_tip()
            if col == self.WHEN:
                return full_day(s.starts_at.date())
        if role == Qt.ItemDataRole.ForegroundRole and s.status.called_off:
            return QBrush(QColor("#777777"))
        if role == Qt.ItemDataRole.FontRole and s.status.called_off:
            font = QFont()
            font.setItalic(True)
            return font
        return None


@dataclass(frozen=True)
class ContactRow:
    contact: DeskContact
    person: ContactPerson | None  # None: a case with nobody on it yet

    @property
    def texts(self) -> tuple[str, ...]:
        """What the filter looks in: the names, phone and email."""
        p = self.person
        extra = (p.name, p.phone, p.email) if p is not None else ()
        return (self.contact.client_name, *extra, *self.contact.clinicians)


class ContactModel(ListTableModel[ContactRow]):
    CLIENT, PERSON, PHONE, EMAIL, PRONOUNS, LANGUAGE, CLINICIAN, ASK = range(8)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__([], parent)
        self._headers = [
            self.tr("Client"),
            self.tr("Person"),
            self.tr("Phone"),
            self.tr("Email"),
            self.tr("Pronouns"),
            self.tr("Writes in"),
            self.tr("Clinician"),
            self.tr("Before changing"),
        ]

    def set_contacts(self, contacts: tuple[DeskContact, ...]) -> None:
        rows: list[ContactRow] = []
        for c in contacts:
            people: tuple[ContactPerson | None, ...] = c.people or (None,)
            rows.extend(ContactRow(c, p) for p in people)
        self._replace(rows)

    def row_at(self, row: int) -> ContactRow:
        return self._rows[row]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        r, col = self._rows[index.row()], index.column()
        c, p = r.contact, r.person
        if role == ID_ROLE:
            return c.case_id
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.CLIENT:
                return labels.client(c.client_name)
            if col == self.CLINICIAN:
                return _clinicians(c.clinicians) or _nobody()
            if col == self.ASK:
                return _ask_first() if c.ask_first else ""
            if p is None:
                return ""
            return {
                self.PERSON: labels.client(p.name),
                self.PHONE: labels.client(p.phone),
                self.EMAIL: labels.client(p.email),
                self.PRONOUNS: labels.client(p.pronouns),
                self.LANGUAGE: language_name(p.language),
            }.get(col)
        if role == Qt.ItemDataRole.DecorationRole and col == self.ASK and c.ask_first:
            return _warning_icon()
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == self.ASK and c.ask_first:
                return _ask_first_tip()
            if col == self.CLIENT and c.status is CaseStatus.CLOSED:
                return self.tr("This case is closed.")
        if c.status is CaseStatus.CLOSED:  # still reachable, but nothing to book
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(QColor("#777777"))
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setItalic(True)
                return font
        return None
