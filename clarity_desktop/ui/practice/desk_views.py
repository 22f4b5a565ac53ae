"""The front desk's two views: the schedule (a day or a week of every clinician's
sessions, stepped back and forth) and the contact list (one row per person, found by
name, phone or email). They read through services/front_desk.py alone, so nothing
clinical can reach them; the tables are the Today view's (today_view.DayTable)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from clarity_desktop.services import front_desk
from clarity_desktop.services.practices import OpenPractice
from clarity_desktop.ui.common.errors import explain
from clarity_desktop.ui.common.numbers import filled
from clarity_desktop.ui.practice.desk_models import ContactModel, DeskSessionModel
from clarity_desktop.ui.practice.today_models import long_day
from clarity_desktop.ui.practice.today_view import DayTable

DAY, WEEK = 1, 7


def _heading(label: QLabel) -> QLabel:
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 1.4)
    font.setBold(True)
    label.setFont(font)
    return label


class SchedulePanel(QWidget):
    """A day or a week (Monday on) of the practice's sessions, whoever the clinician."""

    def __init__(
        self,
        practice: OpenPractice,
        today: Callable[[], date] = date.today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.practice = practice
        self._today = today
        self.day = today()
        self.heading = _heading(QLabel())
        self.summary = QLabel()
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.hide()
        self.span = QComboBox()
        self.span.addItem(self.tr("Day"), DAY)
        self.span.addItem(self.tr("Week"), WEEK)
        self.span.setCurrentIndex(1)
        self.span.setAccessibleName(self.tr("Show a day or a week"))
        self.span.currentIndexChanged.connect(lambda _i: self.load())
        self.previous = QPushButton(self.tr("◀ &Previous"))
        self.today_button = QPushButton(self.tr("&Today"))
        self.next = QPushButton(self.tr("&Next ▶"))
        self.previous.clicked.connect(lambda: self.step(-1))
        self.next.clicked.connect(lambda: self.step(1))
        self.today_button.clicked.connect(lambda: self.show_day(self._today()))
        self.model = DeskSessionModel(self)
        self.table = DayTable(self.model, self.tr("Sessions"), DeskSessionModel.CLIENT)
        self.empty = QLabel()

        bar = QHBoxLayout()
        bar.addWidget(self.heading, 1)
        for widget in (self.previous, self.today_button, self.next, self.span):
            bar.addWidget(widget)
        page = QWidget()
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.table)
        column.addWidget(self.empty)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addLayout(bar)
        layout.addWidget(self.summary)
        layout.addWidget(self.problem)
        layout.addWidget(scroll, 1)

    @property
    def days(self) -> int:
        return int(self.span.currentData())

    def first(self) -> date:
        if self.days == WEEK:
            return self.day - timedelta(days=self.day.weekday())
        return self.day

    def show_day(self, day: date, span: int | None = None) -> None:
        self.day = day
        if span is not None and span != self.days:
            self.span.setCurrentIndex(self.span.findData(span))  # loads
            return
        self.load()

    def step(self, direction: int) -> None:
        self.show_day(self.day + timedelta(days=direction * self.days))

    def load(self, *, record_view: bool = True) -> None:
        first = self.first()
        try:
            plan = front_desk.schedule(
                self.practice.uow(), first, self.days, record_view=record_view
            )
        except Exception as exc:
            self.problem.setText(self.tr("The schedule could not be read: %s") % explain(exc))
            self.problem.show()
            return
        self.problem.hide()
        if self.days == WEEK:
            last = first + timedelta(days=WEEK - 1)
            self.heading.setText(self.tr("%s to %s") % (long_day(first), long_day(last)))
        else:
            self.heading.setText(long_day(first))
        self.model.set_rows(plan.sessions, self._today())
        booked = [s for s in plan.sessions if not s.status.called_off]
        self.summary.setText(
            self.tr("1 session")
            if len(booked) == 1
            else filled(self.tr("%d sessions"), len(booked))
        )
        self.empty.setText(
            self.tr("Nothing booked this week.")
            if self.days == WEEK
            else self.tr("Nothing booked on this day.")
        )
        self.empty.setVisible(not plan.sessions)
        self.table.setVisible(bool(plan.sessions))


class _ContactFilter(QSortFilterProxyModel):
    def __init__(self, model: ContactModel) -> None:
        super().__init__()
        self.setSourceModel(model)
        self._model = model
        self._words: list[str] = []

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self._words = text.casefold().split()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(
        self,
        source_row: int,
        source_parent: QModelIndex | QPersistentModelIndex,
    ) -> bool:
        if not self._words:
            return True
        haystack = " ".join(self._model.row_at(source_row).texts).casefold()
        return all(word in haystack for word in self._words)


class ContactsPanel(QWidget):
    """Every client the practice has, with how to reach each person."""

    def __init__(self, practice: OpenPractice, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.practice = practice
        self.finder = QLineEdit()
        self.finder.setPlaceholderText(self.tr("Find a client by name, phone or email"))
        self.finder.setAccessibleName(self.tr("Find a client"))
        self.finder.setClearButtonEnabled(True)
        self.count = QLabel()
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.hide()
        self.model = ContactModel(self)
        self.filter = _ContactFilter(self.model)
        self.table = QTableView()
        self.table.setModel(self.filter)
        self.table.setAccessibleName(self.tr("Clients and how to reach them"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(ContactModel.EMAIL, QHeaderView.ResizeMode.Stretch)
        self.finder.textChanged.connect(self._filter)
        top = QHBoxLayout()
        top.addWidget(self.finder, 1)
        top.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addLayout(top)
        layout.addWidget(self.problem)
        layout.addWidget(self.table, 1)

    def load(self, *, record_view: bool = True) -> None:
        try:
            found = front_desk.contacts(self.practice.uow(), record_view=record_view)
        except Exception as exc:
            self.problem.setText(self.tr("The contact list could not be read: %s") % explain(exc))
            self.problem.show()
            return
        self.problem.hide()
        self.model.set_contacts(found)
        self._filter(self.finder.text())

    def _filter(self, text: str) -> None:
        self.filter.set_text(text)
        shown, total = self.filter.rowCount(), self.model.rowCount()
        self.count.setText(
            filled(self.tr("%d people"), total)
            if shown == total
            else filled(self.tr("%d of %d people"), shown, total)
        )
