"""The note editor's page: the widgets and how they are laid out, without behaviour
(note_editor.py loads, saves and signs through them). The header with the save state
and Sign; the banner saying why the note is paused, when it is; under it how the note is written, the steps worked on, where each partner
stands, the sections, the addenda; the Dynamics panel beside it, or below where both do
not fit (note_panes.py)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from clarity_desktop.domain.templates import Template
from clarity_desktop.ui.common import appearance, labels
from clarity_desktop.ui.dashboard.dynamics_panel import DynamicsPanel
from clarity_desktop.ui.note import note_parts
from clarity_desktop.ui.note.note_addenda import AddendaPanel
from clarity_desktop.ui.note.note_lease import NoteBanner
from clarity_desktop.ui.note.note_panes import NotePanes
from clarity_desktop.ui.note.note_parts import SaveState
from clarity_desktop.ui.note.note_widgets import FlowLayout, StepGrid
from clarity_desktop.ui.plan.note_goals_panel import NoteGoalsPanel


class NotePage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.header = note_parts.header_label()
        self.save_state = SaveState()
        self.template = QComboBox()
        for t in Template:
            self.template.addItem(labels.label(t), t)
        self.template.setAccessibleName(self.tr("Note template"))
        template_label = QLabel(self.tr("Te&mplate"))
        template_label.setBuddy(self.template)
        self.private = QCheckBox(self.tr("P&rivate (individual content)"))
        self.private.setToolTip(
            self.tr(
                "Private notes never go into anything printed for clients unless you add them on purpose."
            )
        )

        self.step_buttons = note_parts.step_toggles()
        self.steps_grid = StepGrid(list(self.step_buttons.values()))
        self.partner_box = QGridLayout()
        self.partner_steps: dict[int, QComboBox] = {}

        self.sections_host = QWidget()
        self.sections_layout = QVBoxLayout(self.sections_host)
        self.sections_layout.setContentsMargins(0, 0, 0, 0)

        self.signature = note_parts.signature_label()
        self.sign_button = QPushButton(appearance.icon("sign"), self.tr("&Sign and lock…"))
        self.sign_button.setAccessibleName(self.tr("Sign and lock the note"))
        self.sign_button.setToolTip(self.tr("Sign the note (Ctrl+Shift+S)"))

        self.addendum_panel = AddendaPanel()
        self.addendum_edit = self.addendum_panel.edit
        self.addendum_button = self.addendum_panel.button

        body = QWidget()
        self._body = bl = QVBoxLayout(body)
        bl.setContentsMargins(12, 12, 12, 12)
        top = FlowLayout()
        template_row = QWidget()
        tl = QHBoxLayout(template_row)
        tl.setContentsMargins(0, 0, 0, 0)
        tl.addWidget(template_label)
        tl.addWidget(self.template)
        top.addWidget(template_row)
        top.addWidget(self.private)
        bl.addLayout(top)
        bl.addWidget(self.signature)
        steps_title = QLabel(self.tr("Steps worked on"))
        steps_title.setStyleSheet("font-weight: 600;")
        bl.addWidget(steps_title)
        bl.addWidget(self.steps_grid)
        self.partner_title = QLabel(self.tr("Where each partner stands"))
        self.partner_title.setStyleSheet("font-weight: 600;")
        bl.addWidget(self.partner_title)
        bl.addLayout(self.partner_box)
        self.goals_panel = NoteGoalsPanel()  # the plan's goals this session worked on
        bl.addWidget(self.goals_panel)
        bl.addWidget(self.sections_host)
        bl.addWidget(self.addendum_panel)
        bl.addStretch(1)
        self.dynamics = DynamicsPanel()
        # Beside the note where both fit, else below it (note_panes.py).
        self.panes = NotePanes(body, bl, self.dynamics, below_before=self.addendum_panel)
        self.note_scroll = self.panes.note_scroll
        self.dynamics_scroll = self.panes.dynamics_scroll

        # Says one thing, and only when there is a session to choose (main_window).
        self.empty = QLabel(self.tr("Choose a session to read or write its note."))
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet("color: palette(placeholder-text); padding: 24px;")

        head = QHBoxLayout()
        head.addWidget(self.header, 1)
        head.addWidget(self.save_state)
        head.addWidget(self.sign_button)
        self.content = QWidget()
        cl = QVBoxLayout(self.content)
        cl.setContentsMargins(0, 0, 0, 0)
        cl.addLayout(head)
        self.banner = NoteBanner()  # why the note cannot be edited just now (note_lease.py)
        cl.addWidget(self.banner)
        cl.addWidget(self.panes, 1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(8, 8, 8, 8)
        outer.addWidget(self.empty)
        outer.addWidget(self.content)
        self.content.hide()

    def _fit_dynamics(self) -> None:
        self.steps_grid.refit()
        self.panes.fit()

    @property
    def dynamics_below(self) -> bool:
        """True when the Dynamics panel sits below the note rather than beside it."""
        return self.panes.stacked

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            QTimer.singleShot(0, self, self.steps_grid.refit)  # once the buttons have the font
