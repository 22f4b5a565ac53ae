"""The note editor's compact "Goals worked on" list: each goal of the plan in force (and any
older goal the note already names), a tick when the session worked on it, and a progress
mark beside it. Saved with the note's draft; locked with its signature. Hidden while the
case has no signed plan and the note names no goal."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QGridLayout, QGroupBox, QWidget

from clarity_desktop.domain.plans import ProgressMark
from clarity_desktop.services.plan_goals import NoteGoals
from clarity_desktop.ui.common import labels


class NoteGoalsPanel(QGroupBox):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Goals worked on"), parent)
        self._grid = QGridLayout(self)
        self._rows: dict[str, tuple[QCheckBox, QComboBox]] = {}
        self._comments: dict[str, str] = {}
        self._saved: dict[str, ProgressMark] = {}
        self.hide()

    def set_goals(self, goals: NoteGoals, names: dict[int, str]) -> None:
        while self._grid.count():
            item = self._grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self._rows = {}
        linked = {link.key: link for link in goals.links}
        self._comments = {k: link.comment for k, link in linked.items()}
        for row, choice in enumerate(goals.choices):
            whose = self.tr("Couple") if choice.owner is None else names.get(choice.owner, "?")
            text = choice.text.splitlines()[0] if choice.text else ""
            tick = QCheckBox(f"{whose}: {text}")
            tick.setToolTip(choice.text)
            mark = QComboBox()
            for m in ProgressMark:
                mark.addItem(labels.label(m), m)
            mark.setAccessibleName(self.tr("Progress on %1").replace("%1", text))
            link = linked.get(choice.key)
            tick.setChecked(link is not None)
            if link is not None:
                mark.setCurrentIndex(mark.findData(link.progress))
            mark.setEnabled(link is not None and not goals.signed)
            tick.setEnabled(not goals.signed)
            tick.toggled.connect(mark.setEnabled)
            tick.toggled.connect(lambda *_: self.changed.emit())
            mark.currentIndexChanged.connect(lambda *_: self.changed.emit())
            self._grid.addWidget(tick, row, 0)
            self._grid.addWidget(mark, row, 1)
            self._rows[choice.key] = (tick, mark)
        self._grid.setColumnStretch(0, 1)
        self._saved = self._current()
        self.setVisible(bool(goals.choices))

    def _current(self) -> dict[str, ProgressMark]:
        return {
            key: mark.currentData() for key, (tick, mark) in self._rows.items() if tick.isChecked()
        }

    @property
    def dirty(self) -> bool:
        return self._current() != self._saved

    def links(self) -> dict[str, tuple[ProgressMark, str]]:
        return {k: (m, self._comments.get(k, "")) for k, m in self._current().items()}

    def mark_saved(self) -> None:
        self._saved = self._current()

    def focus_chain(self) -> list[QWidget]:
        return [w for tick, mark in self._rows.values() for w in (tick, mark)]
