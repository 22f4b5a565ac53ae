"""The note editor's building blocks that keep it readable on a small screen and at a
large text size: text boxes that grow with what is written, step buttons that keep room
for their bold checked label, and rows that wrap instead of pushing the page sideways."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QLayout,
    QLayoutItem,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QWidget,
    QWidgetItem,
)


def clear_layout(layout: QLayout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget() if item is not None else None
        if widget is not None:
            widget.hide()  # gone from the screen now, freed at the next event loop turn
            widget.deleteLater()


class GrowingTextEdit(QPlainTextEdit):
    """Plain text that grows with its text between *min_lines* and *max_lines*, so what
    is written reads whole on the page (which scrolls) instead of in a small box."""

    def __init__(self, min_lines: int = 3, max_lines: int = 30) -> None:
        super().__init__()
        self._lines = (min_lines, max_lines)
        self.setTabChangesFocus(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.document().documentLayout().documentSizeChanged.connect(self._fit)
        self._fit()

    def _fit(self, *_: object) -> None:
        """Fixed height = the wrapped text's height, within the line limits."""
        height = 0.0
        block = self.document().begin()
        while block.isValid():
            height += self.blockBoundingRect(block).height()
            block = block.next()
        line = self.fontMetrics().lineSpacing()
        low, high = self._lines
        height = min(max(height, low * line), high * line)
        margins = 2 * (self.frameWidth() + self.document().documentMargin())
        self.setFixedHeight(int(height + margins) + 2)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()  # a new width re-wraps the text


class SectionEdit(GrowingTextEdit):
    """One section of the note: 3 to 30 lines, then it scrolls inside."""

    def __init__(self, key: str, prompt: str) -> None:
        super().__init__(3, 30)
        self.key = key
        self.setPlaceholderText(prompt)


class ShortNoteEdit(GrowingTextEdit):
    """A short note (what set the loop off, what helped) on one line that wraps and grows
    to four, so a longer remark stays readable. Enter moves on, as in a line; pasted line
    breaks become spaces. Offers the few QLineEdit calls the Dynamics panel uses."""

    textEdited = Signal(str)  # by the user, not by setText

    def __init__(self, placeholder: str, max_length: int) -> None:
        super().__init__(1, 4)
        self._max_length = max_length
        self._setting = False
        self.setPlaceholderText(placeholder)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.textChanged.connect(self._changed)

    def text(self) -> str:
        return self.toPlainText()

    def setText(self, text: str) -> None:
        self._setting = True
        try:
            self.setPlainText(text)
        finally:
            self._setting = False

    def maxLength(self) -> int:
        return self._max_length

    def _changed(self) -> None:
        text = self.toPlainText()
        cleaned = text.replace("\r", " ").replace("\n", " ")[: self._max_length]
        if cleaned != text:
            cursor = self.textCursor()
            position = min(cursor.position(), len(cleaned))
            self.blockSignals(True)
            self.setPlainText(cleaned)
            self.blockSignals(False)
            cursor = self.textCursor()
            cursor.setPosition(position)
            self.setTextCursor(cursor)
        if not self._setting:
            self.textEdited.emit(cleaned)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers() & (
            Qt.KeyboardModifier.ControlModifier
        ):
            self.focusNextChild()
            return
        super().keyPressEvent(event)


class StepButton(QPushButton):
    """A step tag. Checked, its label turns bold; it is sized for the bold label all
    the time, so ticking it never cuts its own words, at any text size."""

    def _bold_extra(self) -> int:
        bold = QFont(self.font())
        bold.setWeight(QFont.Weight.DemiBold)
        text = self.text()
        return max(
            0,
            QFontMetrics(bold).horizontalAdvance(text) - self.fontMetrics().horizontalAdvance(text),
        )

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(hint.width() + self._bold_extra() + 2, hint.height())

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()


class StepGrid(QWidget):
    """The step buttons in equal columns: three when they fit, else two, else one. The
    page never has to scroll sideways for them."""

    def __init__(self, buttons: list[QPushButton], columns: int = 3) -> None:
        super().__init__()
        self._buttons = buttons
        self._most = columns
        self._columns = 0
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setHorizontalSpacing(6)
        self._grid.setVerticalSpacing(6)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        self._arrange(columns)

    @property
    def columns(self) -> int:
        return self._columns

    def _cell(self) -> int:
        return max(b.sizeHint().width() for b in self._buttons)

    def _fitting(self, width: int) -> int:
        spacing = self._grid.horizontalSpacing()
        return max(1, min(self._most, (width + spacing) // (self._cell() + spacing)))

    def _arrange(self, columns: int) -> None:
        if columns == self._columns:
            return
        for b in self._buttons:
            self._grid.removeWidget(b)
        for c in range(self._most):
            self._grid.setColumnStretch(c, 1 if c < columns else 0)
        for i, b in enumerate(self._buttons):
            self._grid.addWidget(b, i // columns, i % columns)
        self._columns = columns
        self.updateGeometry()

    def minimumSizeHint(self) -> QSize:
        rows = -(-len(self._buttons) // max(1, self._columns))
        height = max(b.sizeHint().height() for b in self._buttons)
        return QSize(self._cell(), rows * height + (rows - 1) * self._grid.verticalSpacing())

    def sizeHint(self) -> QSize:
        spacing = self._grid.horizontalSpacing()
        hint = self.minimumSizeHint()
        return QSize(self._most * self._cell() + (self._most - 1) * spacing, hint.height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange(self._fitting(event.size().width()))

    def refit(self) -> None:
        """After a font change: the cells need a new width."""
        self._arrange(self._fitting(self.width()))
        self.updateGeometry()


class FlowLayout(QLayout):
    """Widgets left to right, wrapping onto the next line when the width runs out."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 12) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def addWidget(self, widget: QWidget) -> None:
        self.addChildWidget(widget)
        self.addItem(QWidgetItem(widget))

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._place(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._place(rect, move=True)

    def sizeHint(self) -> QSize:
        width = sum(i.sizeHint().width() for i in self._items) + self._spacing * max(
            0, len(self._items) - 1
        )
        height = max((i.sizeHint().height() for i in self._items), default=0)
        return QSize(width, height)

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        return size

    def _place(self, rect: QRect, move: bool) -> int:
        x, y, line = rect.x(), rect.y(), 0
        for item in self._items:
            widget = item.widget()
            if widget is not None and widget.isHidden():
                continue
            hint = item.sizeHint()
            if x > rect.x() and x + hint.width() > rect.right() + 1:
                x, y, line = rect.x(), y + line + self._spacing // 2, 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + self._spacing
            line = max(line, hint.height())
        return y + line - rect.y()
