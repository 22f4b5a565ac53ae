"""The open case: who the partners are, where each stands, the safety banner (and, for a
case opened in an emergency, until when), sessions."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QItemSelection, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from clarity_desktop.domain.languages import Language
from clarity_desktop.domain.records import CaseKind, CaseStatus
from clarity_desktop.services.dto import CaseDetail, SessionView
from clarity_desktop.ui.common import appearance, dates, labels
from clarity_desktop.ui.common.languages import language_name
from clarity_desktop.ui.common.models import ID_ROLE, SessionTableModel
from clarity_desktop.ui.note.session_bar import SessionBar


def escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class CasePanel(QWidget):
    session_selected = Signal(int)
    new_session_requested = Signal()
    schedule_requested = Signal()
    session_action_requested = Signal(str, int)  # see ui/note/session_bar.py
    edit_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.case: CaseDetail | None = None
        self.title = QLabel()
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setWeight(QFont.Weight.DemiBold)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        self.subtitle = QLabel()
        self.subtitle.setWordWrap(True)
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setObjectName("safetyBanner")
        appearance.styled(
            self.banner,
            lambda t: (
                f"QLabel#safetyBanner {{ background: {t.alert_back}; color: {t.alert_text};"
                f" border: 1px solid {t.alert_border}; border-radius: 4px; padding: 8px; }}"
            ),
        )
        self.banner.setAccessibleName(self.tr("Safety flag"))
        self.emergency = QLabel()
        self.emergency.setWordWrap(True)
        self.emergency.setObjectName("emergencyBanner")
        appearance.styled(
            self.emergency,
            lambda t: (
                f"QLabel#emergencyBanner {{ background: {t.caution_back}; color: {t.caution_text};"
                f" border-radius: 4px; padding: 8px; }}"
            ),
        )
        self.emergency.setAccessibleName(self.tr("Emergency access"))
        self.emergency.hide()
        self.partners = QLabel()
        self.partners.setWordWrap(True)
        self.partners.setTextFormat(Qt.TextFormat.RichText)
        self.model = SessionTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setAccessibleName(self.tr("Sessions"))
        self.table.setTabKeyNavigation(False)  # arrows move between sessions; Tab moves on
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(SessionTableModel.WHO, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(True)  # when Attended is hidden (an individual case)
        self.table.setColumnHidden(SessionTableModel.MODE, True)  # in the date's tooltip
        # Alt letters that the menu bar does not use (main_menus.py); Edit case has Ctrl+E.
        self.new_session = QPushButton(appearance.icon("new-session"), self.tr("Ne&w session…"))
        self.new_session.setAccessibleName(self.tr("New session"))
        self.new_session.clicked.connect(self.new_session_requested)
        self.schedule = QPushButton(self.tr("Schedule…"))
        self.schedule.setAccessibleName(self.tr("Schedule sessions"))
        self.schedule.setToolTip(self.tr("Book sessions ahead, once or as a series"))
        self.schedule.clicked.connect(self.schedule_requested)
        self.session_bar = SessionBar()
        self.session_bar.action_requested.connect(self.session_action_requested)
        self.edit = QPushButton(self.tr("Edit case…"))
        self.edit.setToolTip(self.tr("Edit the case (Ctrl+E)"))
        self.edit.setAccessibleName(self.tr("Edit case"))
        self.edit.clicked.connect(self.edit_requested)
        self.no_sessions = QLabel(self.tr("No sessions yet. Record the first with New session."))
        self.no_sessions.setStyleSheet("color: palette(placeholder-text);")
        self.empty = QLabel(self.tr("Choose a case from the list."))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet("color: palette(placeholder-text); padding: 24px;")

        self.content = QWidget()
        cl = QVBoxLayout(self.content)
        cl.setContentsMargins(0, 0, 0, 0)
        cl.addWidget(self.title)
        cl.addWidget(self.subtitle)
        cl.addWidget(self.emergency)
        cl.addWidget(self.banner)
        cl.addWidget(self.partners)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_session)
        buttons.addWidget(self.schedule)
        buttons.addWidget(self.edit)
        buttons.addStretch(1)
        cl.addLayout(buttons)
        sessions_title = QLabel(self.tr("Sessions"))
        sessions_title.setStyleSheet("font-weight: 600;")
        cl.addWidget(sessions_title)
        cl.addWidget(self.no_sessions)
        cl.addWidget(self.table, 1)
        cl.addWidget(self.session_bar)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.empty)
        layout.addWidget(self.content)
        self.content.hide()
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)

    def show_case(self, case: CaseDetail, select_session: int | None = None) -> None:
        self.case = case
        self.title.setText(case.display_name)
        kind = self.tr("Couple") if case.kind is CaseKind.COUPLE else self.tr("Individual")
        bits = [kind]
        if case.relationship_structure:
            bits.append(case.relationship_structure)
        bits.append(self.tr("opened %s") % dates.day(case.opened_on))
        if case.status is CaseStatus.CLOSED and case.closed_on:
            bits.append(self.tr("closed %s") % dates.day(case.closed_on))
        self.subtitle.setText(" · ".join(bits))
        if case.safety_flag:
            self.banner.setText(self.tr("⚠ Safety flag: %s") % case.safety_note)
            self.banner.show()
        else:
            self.banner.hide()
        lines = []
        for p in case.partners:
            step = (
                labels.step_label(p.current_step)
                if p.current_step
                else self.tr("step not recorded yet")
            )
            pron = f" ({escape(p.pronouns)})" if p.pronouns else ""
            # Only a language other than English is worth a word: most handouts are.
            lang = (
                " · " + escape(self.tr("handouts in %s") % language_name(p.language))
                if p.language is not Language.EN
                else ""
            )
            lines.append(f"<b>{escape(p.name)}</b>{pron} — {escape(step)}{lang}")
        self.partners.setText("<br>".join(lines))
        active = case.status is CaseStatus.ACTIVE
        self.new_session.setEnabled(active)
        self.schedule.setEnabled(active)
        self.new_session.setToolTip(
            "" if active else self.tr("Reopen the case to record a session.")
        )
        self.model.set_sessions(case.sessions)
        # One client always attends an individual case: the column would only repeat it.
        self.table.setColumnHidden(SessionTableModel.WHO, case.kind is not CaseKind.COUPLE)
        self.no_sessions.setVisible(not case.sessions)
        self.empty.hide()
        self.content.show()
        if select_session is not None:
            self.select_session(select_session)
        self._show_chosen()

    def show_emergency(self, until: datetime | None) -> None:
        """Say until when the open case stays open to this clinician (a live emergency
        grant, *until* in UTC), or nothing (None)."""
        if until is None:
            self.emergency.hide()
            return
        local = dates.local(until)
        when = (
            dates.clock(local) if local.date() == datetime.now().date() else dates.day_time(local)
        )
        self.emergency.setText(
            self.tr(
                "Emergency access until %s. This case is not assigned to you: it is open to "
                "you until then, and your access is recorded and shown to the practice's "
                "supervisors."
            )
            % when
        )
        self.emergency.show()

    def select_session(self, session_id: int) -> None:
        row = self.model.row_of(session_id)
        if row is not None:
            self.table.selectRow(row)

    def clear(self) -> None:
        self.case = None
        self.model.set_sessions([])
        self.session_bar.show_session(None)
        self.content.hide()
        self.empty.show()

    def enter_sessions(self) -> None:
        """The cursor into the sessions, on the newest if none is chosen (its note opens)."""
        if self.current_session_id() is None and self.model.rowCount():
            self.table.selectRow(0)  # the newest, first in the list
        self.table.setFocus()

    def current_session_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return int(rows[0].data(ID_ROLE)) if rows else None

    def current_session(self) -> SessionView | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.session_at(rows[0].row()) if rows else None

    def _show_chosen(self) -> None:
        active = self.case is not None and self.case.status is CaseStatus.ACTIVE
        self.session_bar.show_session(self.current_session(), active)

    def _selection_changed(self, _s: QItemSelection, _d: QItemSelection) -> None:
        self._show_chosen()
        sid = self.current_session_id()
        if sid is not None:
            self.session_selected.emit(sid)
