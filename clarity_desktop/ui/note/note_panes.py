"""The note page and the Dynamics panel: side by side where both fit, the panel below the
note where they do not (a 1280 px screen, a narrow window, a large text size), so
neither is squeezed and nothing ever has to scroll sideways."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QScrollArea, QVBoxLayout, QWidget

# Beside the Dynamics panel the note keeps at least this many characters of width, and
# never less than NOTE_MIN_PX (short lines read badly at any text size): on a 1280 px
# screen the panel goes below, from about 1400 px it fits beside.
NOTE_MIN_CHARS = 90
NOTE_MIN_PX = 560


def _scroll(widget: QWidget) -> QScrollArea:
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setWidget(widget)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to its fields, not to it
    return scroll


class NotePanes(QWidget):
    """*body* (the note, laid out by *body_layout*) in one scrolling page; *dynamics*
    beside it, or in the page just before *below_before* when there is no room."""

    def __init__(
        self,
        body: QWidget,
        body_layout: QVBoxLayout,
        dynamics: QWidget,
        below_before: QWidget,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._body_layout = body_layout
        self._dynamics = dynamics
        self._below_before = below_before
        self.note_scroll = _scroll(body)
        host = QWidget()
        self._host_layout = QVBoxLayout(host)
        self._host_layout.setContentsMargins(8, 12, 8, 12)
        self._host_layout.addWidget(dynamics)
        self.dynamics_scroll = _scroll(host)
        self._stacked = False
        self._need = 0
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.note_scroll, 1)
        layout.addWidget(self.dynamics_scroll)
        self.fit()

    @property
    def stacked(self) -> bool:
        """True when the Dynamics panel sits below the note rather than beside it."""
        return self._stacked

    def fit(self) -> None:
        """The Dynamics column is as wide as its fields need at the current text size, so
        it never scrolls sideways, and only a little wider."""
        margins = self._host_layout.contentsMargins()
        need = self._dynamics.minimumSizeHint().width() + margins.left() + margins.right()
        need += self.dynamics_scroll.verticalScrollBar().sizeHint().width() + 2
        self._need = need
        self.dynamics_scroll.setMinimumWidth(need)
        self.dynamics_scroll.setMaximumWidth(need + 6 * self.fontMetrics().averageCharWidth())
        self.arrange()

    def arrange(self) -> None:
        note = max(NOTE_MIN_PX, NOTE_MIN_CHARS * self.fontMetrics().averageCharWidth())
        side_by_side = self._need + note
        stacked = self.width() < side_by_side
        if stacked == self._stacked:
            return
        self._stacked = stacked
        if stacked:
            index = self._body_layout.indexOf(self._below_before)
            self._body_layout.insertWidget(index, self._dynamics)
            self.dynamics_scroll.hide()
        else:
            self._host_layout.insertWidget(0, self._dynamics)
            self.dynamics_scroll.show()
        self._dynamics.show()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.arrange()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            QTimer.singleShot(0, self, self.fit)  # once the fields have the new font
