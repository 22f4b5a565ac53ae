"""The clinic-screen check-in: each partner answers in turn, in their own language, and
never sees the other's answers.

One question at a time in large type, so the screen can be turned toward a client across
the room. Keys: a digit picks that point of the scale and moves on, Left and Right go back
and forth, S skips a question the definition lets go. When one partner is done, "Done,
hand to <name>" empties the screen before the next partner's first question shows; the
answers go out on :attr:`CheckInScreen.answered` and are kept nowhere in the widget.
The item words, scale labels and intro come from the definition in the partner's language;
the buttons are the interface's (tr()).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from clarity_desktop.domain.instruments import Instrument


@dataclass(frozen=True)
class Respondent:
    partner_id: int
    name: str
    language: str


def _big(label: QLabel, points: int) -> QLabel:
    font = QFont(label.font())
    font.setPointSize(points)
    label.setFont(font)
    label.setWordWrap(True)
    return label


class CheckInScreen(QWidget):
    """*respondents* answer *instrument* one after the other."""

    answered = Signal(int, dict)  # partner id, {item id: value or None}
    finished = Signal()

    def __init__(
        self, instrument: Instrument, respondents: list[Respondent], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.instrument = instrument
        self.respondents = list(respondents)
        self.turn = 0
        self.index = 0
        self._answers: dict[str, int | None] = {}
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.who = _big(QLabel(), 14)
        self.title = _big(QLabel(), 20)
        self.intro = _big(QLabel(), 13)
        self.counter = _big(QLabel(), 12)
        self.question = _big(QLabel(), 24)
        self.question.setMinimumHeight(120)
        self.choices = QHBoxLayout()
        self.buttons: list[QPushButton] = []
        for value in instrument.scale.values:
            button = QPushButton()
            button.setMinimumHeight(72)
            font = QFont(button.font())
            font.setPointSize(14)
            button.setFont(font)
            button.setCheckable(True)
            button.clicked.connect(lambda _=False, v=value: self.choose(v))
            self.buttons.append(button)
            self.choices.addWidget(button)
        self.back = QPushButton(self.tr("&Back"))
        self.back.clicked.connect(self.go_back)
        self.skip = QPushButton(self.tr("&Skip this question"))
        self.skip.clicked.connect(lambda: self.choose(None))
        self.done = QPushButton()
        self.done.clicked.connect(self.hand_over)
        nav = QHBoxLayout()
        nav.addWidget(self.back)
        nav.addStretch(1)
        nav.addWidget(self.skip)
        nav.addWidget(self.done)
        layout = QVBoxLayout(self)
        for widget in (self.who, self.title, self.intro, self.counter, self.question):
            layout.addWidget(widget)
        layout.addLayout(self.choices)
        layout.addStretch(1)
        layout.addLayout(nav)
        self._show()

    @property
    def respondent(self) -> Respondent:
        return self.respondents[self.turn]

    def _show(self) -> None:
        lang = self.respondent.language
        instrument = self.instrument
        self.who.setText(self.tr("For %1").replace("%1", self.respondent.name))
        self.title.setText(instrument.title.in_language(lang))
        self.intro.setText(instrument.intro.in_language(lang))
        complete = self.index >= len(instrument.items)
        for value, button in zip(instrument.scale.values, self.buttons, strict=True):
            label = instrument.scale.label(value)
            words = label.in_language(lang) if label else ""
            button.setText(f"{value}\n{words}" if words else str(value))
            button.setEnabled(not complete)
            button.setChecked(False)
        if complete:
            self.counter.setText("")
            self.question.setText(self.tr("Thank you. That is every question."))
            self.skip.setEnabled(False)
        else:
            item = instrument.items[self.index]
            self.counter.setText(
                self.tr("Question %1 of %2")
                .replace("%1", str(item.number))
                .replace("%2", str(len(instrument.items)))
            )
            self.question.setText(item.text.in_language(lang))
            self.skip.setEnabled(item.skippable)
            chosen = self._answers.get(item.id)
            for value, button in zip(instrument.scale.values, self.buttons, strict=True):
                button.setChecked(chosen == value and item.id in self._answers)
        self.back.setEnabled(self.index > 0)
        following = self.turn + 1 < len(self.respondents)
        if following:
            name = self.respondents[self.turn + 1].name
            self.done.setText(self.tr("&Done, hand to %1").replace("%1", name))
        else:
            self.done.setText(self.tr("&Done"))
        self.done.setEnabled(complete)

    def choose(self, value: int | None) -> None:
        if self.index >= len(self.instrument.items):
            return
        item = self.instrument.items[self.index]
        if value is None and not item.skippable:
            return
        self._answers[item.id] = value
        self.index += 1
        self._show()

    def go_back(self) -> None:
        if self.index > 0:
            self.index -= 1
            self._show()

    def go_forward(self) -> None:
        if (
            self.index < len(self.instrument.items)
            and self.instrument.items[self.index].id in self._answers
        ):
            self.index += 1
            self._show()

    def hand_over(self) -> None:
        """Send this partner's answers and empty the screen before anyone else sees it."""
        if self.index < len(self.instrument.items):
            return
        answers, self._answers = self._answers, {}
        self.answered.emit(self.respondent.partner_id, answers)
        self.index = 0
        if self.turn + 1 < len(self.respondents):
            self.turn += 1
            self._show()
        else:
            self.finished.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        scale = self.instrument.scale
        if Qt.Key.Key_0 <= key <= Qt.Key.Key_9 and scale.low <= key - Qt.Key.Key_0 <= scale.high:
            self.choose(key - Qt.Key.Key_0)
        elif key == Qt.Key.Key_Left:
            self.go_back()
        elif key == Qt.Key.Key_Right:
            self.go_forward()
        elif key == Qt.Key.Key_S:
            self.skip.click()
        else:
            super().keyPressEvent(event)
