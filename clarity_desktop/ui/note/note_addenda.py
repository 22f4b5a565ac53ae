"""The addenda under a signed note: those already added, and the box for a new one.

An addendum is for good (dated, sealed, never changed), so adding one by keyboard
(Ctrl+Enter in the box) asks first; the button is a deliberate click and does not.
"""

from __future__ import annotations

import html
import re

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from clarity_desktop.domain.locked_text import is_locked
from clarity_desktop.services.dto import AddendumView
from clarity_desktop.ui.common import appearance, dates, labels
from clarity_desktop.ui.note import note_find
from clarity_desktop.ui.note.note_widgets import GrowingTextEdit, clear_layout


class AddendaPanel(QFrame):
    add_requested = Signal()  # the text in `edit` is to be added now

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.shown: list[tuple[QLabel, AddendumView]] = []
        self.host = QWidget()
        self.list_layout = QVBoxLayout(self.host)
        self.list_layout.setContentsMargins(0, 0, 0, 0)
        self.edit = GrowingTextEdit(3, 20)
        self.edit.setPlaceholderText(
            self.tr(
                "A correction or later information. Once added it is dated and cannot be "
                "changed. Ctrl+Enter adds it."
            )
        )
        self.edit.setAccessibleName(self.tr("New addendum"))
        self.button = QPushButton(appearance.icon("addendum"), self.tr("&Add addendum"))
        self.button.setAccessibleName(self.tr("Add the addendum"))
        self.button.setToolTip(self.tr("Add the addendum (Ctrl+Enter)"))
        self.button.clicked.connect(self.add_requested)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self.edit)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.setWhatsThis(self.tr("Add the addendum (asks first)"))
            shortcut.activated.connect(self.confirm_and_add)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        title = QLabel(self.tr("Addenda"))
        title.setStyleSheet("font-weight: 600;")
        layout.addWidget(title)
        layout.addWidget(self.host)
        layout.addWidget(self.edit)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.button)
        layout.addLayout(row)

    def show_addenda(self, addenda: tuple[AddendumView, ...] | list[AddendumView]) -> None:
        clear_layout(self.list_layout)
        self.shown = []
        for a in addenda:
            label = QLabel()
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.list_layout.addWidget(label)
            self.shown.append((label, a))
            self._fill(label, a, None)

    def mark(self, found: re.Pattern[str] | None) -> QLabel | None:
        """Mark search words in the addenda; the first addendum holding one, or None."""
        first = None
        for label, a in self.shown:
            if self._fill(label, a, found) and first is None:
                first = label
        return first

    def _fill(self, label: QLabel, a: AddendumView, found: re.Pattern[str] | None) -> bool:
        shown = labels.text(a.body) if is_locked(a.body) else a.body
        body, marked = note_find.marked_html(shown, found)
        label.setText(
            self.tr("<b>Addendum, %s, %s</b><br>%s")
            % (dates.utc_day_time(a.created_at), html.escape(a.author), body)
        )
        return marked

    def confirm_and_add(self) -> None:
        """Ctrl+Enter: asked first. An empty box goes straight on, to be told so."""
        if self.edit.toPlainText().strip():
            box = QMessageBox(
                QMessageBox.Icon.Question,
                self.tr("Add this addendum?"),
                self.tr("Once added, the addendum is dated and cannot be changed."),
                QMessageBox.StandardButton.Cancel,
                self,
            )
            add = box.addButton(self.tr("Add addendum"), QMessageBox.ButtonRole.AcceptRole)
            box.setDefaultButton(add)
            box.exec()
            if box.clickedButton() is not add:
                return
        self.add_requested.emit()
