"""The treatment plan's editor: one section per owner (the couple, then each partner by
name) with what they bring and their goals and objectives, then the interventions, the
review date and the "while we are unsure" agreement with its own review date.

It turns a PlanContent into widgets and back; it never talks to a service. Goal keys ride
on the goal rows (Qt.UserRole), so a goal reworded in a new version keeps its key and the
notes linked to it. Text fields keep Qt's own undo (Ctrl+Z); the goal lists have
Ctrl+Z through the form's undo of the last structural change (add or remove).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QLocale, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from clarity_desktop.domain.plans import Concern, Goal, Objective, Owner, PlanContent, new_goal_key
from clarity_desktop.ui.common import dates

NO_DATE = QDate(2000, 1, 1)  # the date fields' minimum, shown as "No date"
KEY = Qt.ItemDataRole.UserRole


def _lines(edit: QPlainTextEdit) -> list[str]:
    return [line for line in edit.toPlainText().splitlines() if line.strip()]


def parse_day(text: str) -> date | None:
    """A typed target date: "4 Mar 2027" in the window's language, or 2027-03-04; None
    when empty. ValueError when it is neither."""
    clean = text.strip()
    if not clean:
        return None
    q = QLocale().toDate(clean, dates.DATE_FORMAT)
    if q.isValid():
        return date(q.year(), q.month(), q.day())
    return date.fromisoformat(clean)


class DateField(QDateEdit):
    """A date or none ("No date")."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDisplayFormat(dates.DATE_FORMAT)
        self.setCalendarPopup(True)
        self.setMinimumDate(NO_DATE)
        self.setSpecialValueText(self.tr("No date"))
        self.setDate(NO_DATE)

    def value(self) -> date | None:
        q = self.date()
        return None if q == NO_DATE else date(q.year(), q.month(), q.day())

    def set_value(self, value: date | None) -> None:
        self.setDate(NO_DATE if value is None else QDate(value.year, value.month, value.day))


class OwnerSection(QGroupBox):
    """What one owner brings, and their goals with objectives and target dates."""

    changed = Signal()

    def __init__(self, owner: Owner, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.owner = owner
        self.brings = QPlainTextEdit()
        self.brings.setPlaceholderText(self.tr("What they bring, one line each"))
        self.brings.setTabChangesFocus(True)
        self.brings.setMaximumHeight(70)
        self.brings.setAccessibleName(self.tr("What %1 brings").replace("%1", title))
        self.goals = QTreeWidget()
        self.goals.setHeaderLabels([self.tr("Goal or objective"), self.tr("Target date")])
        self.goals.setColumnWidth(0, 420)
        self.goals.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.goals.setAccessibleName(self.tr("Goals of %1").replace("%1", title))
        self.goals.setMinimumHeight(90)
        self.add_goal_button = QPushButton(self.tr("Add goal"))
        self.add_objective_button = QPushButton(self.tr("Add objective"))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.add_goal_button.clicked.connect(lambda: self.add_goal())
        self.add_objective_button.clicked.connect(lambda: self.add_objective())
        self.remove_button.clicked.connect(self.remove_selected)
        buttons = QHBoxLayout()
        for b in (self.add_goal_button, self.add_objective_button, self.remove_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        form = QFormLayout(self)
        form.addRow(self.tr("Brings"), self.brings)
        form.addRow(self.tr("Goals"), self.goals)
        form.addRow("", _wrap(buttons))
        self.brings.textChanged.connect(self.changed)
        self.goals.itemChanged.connect(lambda *_: self.changed.emit())
        self._removed: list[tuple[int, QTreeWidgetItem | None, QTreeWidgetItem]] = []

    def _item(self, texts: list[str], key: str | None) -> QTreeWidgetItem:
        item = QTreeWidgetItem(texts)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
        if key is not None:
            item.setData(0, KEY, key)
        return item

    def add_goal(self, goal: Goal | None = None) -> QTreeWidgetItem:
        item = self._item([goal.text if goal else "", ""], goal.key if goal else new_goal_key())
        self.goals.addTopLevelItem(item)
        for o in goal.objectives if goal else ():
            item.addChild(self._item([o.text, dates.day(o.target_on) if o.target_on else ""], None))
        item.setExpanded(True)
        if goal is None:
            self.goals.setCurrentItem(item)
            self.goals.editItem(item, 0)
            self.changed.emit()
        return item

    def add_objective(self) -> None:
        current = self.goals.currentItem()
        if current is None:
            return
        goal = current.parent() or current
        child = self._item(["", ""], None)
        goal.addChild(child)
        goal.setExpanded(True)
        self.goals.setCurrentItem(child)
        self.goals.editItem(child, 0)
        self.changed.emit()

    def remove_selected(self) -> None:
        item = self.goals.currentItem()
        if item is None:
            return
        parent = item.parent()
        if parent is None:
            index = self.goals.indexOfTopLevelItem(item)
            self.goals.takeTopLevelItem(index)
        else:
            index = parent.indexOfChild(item)
            parent.takeChild(index)
        self._removed.append((index, parent, item))
        self.changed.emit()

    def undo_remove(self) -> bool:
        """Put back the last goal or objective removed; False when there is none."""
        if not self._removed:
            return False
        index, parent, item = self._removed.pop()
        if parent is None:
            self.goals.insertTopLevelItem(index, item)
        else:
            parent.insertChild(index, item)
        self.changed.emit()
        return True

    def set_content(self, concerns: tuple[Concern, ...], goals: tuple[Goal, ...]) -> None:
        self.brings.setPlainText("\n".join(c.text.replace("\n", " ") for c in concerns))
        self.goals.clear()
        self._removed.clear()
        for g in goals:
            self.add_goal(g)

    def read(self) -> tuple[list[Concern], list[Goal]]:
        """ValueError when a target date cannot be read (the item is made current)."""
        concerns = [Concern(self.owner, line) for line in _lines(self.brings)]
        goals = []
        for i in range(self.goals.topLevelItemCount()):
            item = self.goals.topLevelItem(i)
            assert item is not None
            objectives = []
            for n in range(item.childCount()):
                child = item.child(n)
                assert child is not None
                try:
                    target = parse_day(child.text(1))
                except ValueError:
                    self.goals.setCurrentItem(child, 1)
                    raise
                objectives.append(Objective(child.text(0), target))
            goals.append(Goal(self.owner, item.text(0), tuple(objectives), str(item.data(0, KEY))))
        return concerns, goals

    def set_read_only(self, locked: bool) -> None:
        self.brings.setReadOnly(locked)
        triggers = (
            QAbstractItemView.EditTrigger.NoEditTriggers
            if locked
            else QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.goals.setEditTriggers(triggers)
        for b in (self.add_goal_button, self.add_objective_button, self.remove_button):
            b.setVisible(not locked)


def _wrap(layout: QHBoxLayout) -> QWidget:
    w = QWidget()
    layout.setContentsMargins(0, 0, 0, 0)
    w.setLayout(layout)
    return w


class PlanForm(QWidget):
    """The whole plan: owner sections, interventions, review date, the agreement."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sections: list[OwnerSection] = []
        self._sections_box = QVBoxLayout()
        self.interventions = QPlainTextEdit()
        self.interventions.setPlaceholderText(self.tr("One intervention a line"))
        self.interventions.setTabChangesFocus(True)
        self.interventions.setMaximumHeight(80)
        self.review_on = DateField()
        self.agreement = QPlainTextEdit()
        self.agreement.setPlaceholderText(
            self.tr(
                "What the partners agreed to do while one or both are unsure, for example: "
                "explore both directions for six sessions; no big practical steps before the "
                "review."
            )
        )
        self.agreement.setTabChangesFocus(True)
        self.agreement.setMaximumHeight(80)
        self.agreement_review_on = DateField()
        rest = QFormLayout()
        rest.addRow(self.tr("Interventions"), self.interventions)
        rest.addRow(self.tr("Review on"), self.review_on)
        rest.addRow(self.tr("While we are unsure"), self.agreement)
        rest.addRow(self.tr("Agreement review on"), self.agreement_review_on)
        layout = QVBoxLayout(self)
        layout.addLayout(self._sections_box)
        layout.addLayout(rest)
        layout.addStretch(1)
        for edit in (self.interventions, self.agreement):
            edit.textChanged.connect(self.changed)
        for field in (self.review_on, self.agreement_review_on):
            field.dateChanged.connect(lambda *_: self.changed.emit())
        undo = QShortcut(QKeySequence(self.tr("Ctrl+Shift+Z")), self)
        undo.activated.connect(self.undo_remove)

    def set_owners(self, owners: list[tuple[Owner, str]]) -> None:
        for s in self.sections:
            s.setParent(None)
            s.deleteLater()
        self.sections = []
        for owner, title in owners:
            section = OwnerSection(owner, title)
            section.changed.connect(self.changed)
            self._sections_box.addWidget(section)
            self.sections.append(section)

    def set_content(self, content: PlanContent) -> None:
        self.blockSignals(True)
        try:
            for s in self.sections:
                s.set_content(content.concerns_of(s.owner), content.goals_of(s.owner))
            self.interventions.setPlainText("\n".join(content.interventions))
            self.review_on.set_value(content.review_on)
            self.agreement.setPlainText(content.agreement)
            self.agreement_review_on.set_value(content.agreement_review_on)
        finally:
            self.blockSignals(False)

    def content(self) -> PlanContent:
        concerns: list[Concern] = []
        goals: list[Goal] = []
        for s in self.sections:
            c, g = s.read()
            concerns += c
            goals += g
        return PlanContent(
            concerns=tuple(concerns),
            goals=tuple(goals),
            interventions=tuple(_lines(self.interventions)),
            review_on=self.review_on.value(),
            agreement=self.agreement.toPlainText(),
            agreement_review_on=self.agreement_review_on.value(),
        )

    def set_read_only(self, locked: bool) -> None:
        for s in self.sections:
            s.set_read_only(locked)
        for edit in (self.interventions, self.agreement):
            edit.setReadOnly(locked)
        for field in (self.review_on, self.agreement_review_on):
            field.setReadOnly(locked)
            field.setCalendarPopup(not locked)

    def undo_remove(self) -> None:
        """Ctrl+Shift+Z: bring back the goal or objective removed last, in any section."""
        for s in reversed(self.sections):
            if s.undo_remove():
                return
