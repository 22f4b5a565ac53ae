"""Practice ▸ Emergency access log: every time a clinician opened a case not theirs in an
emergency (who, which case, from when until when, and why), newest first, the grants still
running marked, for a supervisor or an administrator to follow each one up
(services/emergency.py grant_log; the server shows them every grant, a clinician none).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from clarity_desktop.services import emergency
from clarity_desktop.services.emergency import Grant
from clarity_desktop.services.practices import OpenPractice
from clarity_desktop.ui.common import dates, labels
from clarity_desktop.ui.common.errors import explain
from clarity_desktop.ui.common.models import Index, ListTableModel
from clarity_desktop.ui.common.numbers import filled


class GrantLogModel(ListTableModel[Grant]):
    STATE, WHO, CASE, SINCE, UNTIL, REASON = range(6)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__([], parent)
        self._headers = [
            self.tr("Access"),
            self.tr("Who"),
            self.tr("Case"),
            self.tr("From"),
            self.tr("Until"),
            self.tr("Reason"),
        ]

    def set_grants(self, grants: list[Grant]) -> None:
        self._replace(grants)

    def grant(self, row: int) -> Grant:
        return self._rows[row]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        g = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.STATE:
                return self.tr("Open now") if g.live else self.tr("Ended")
            if col == self.WHO:
                return g.clinician
            if col == self.CASE:
                return g.case_name or filled(self.tr("case %d"), g.case_id)
            if col == self.SINCE:
                return dates.utc_day_time(g.since)
            if col == self.UNTIL:
                same_day = dates.local(g.until).date() == dates.local(g.since).date()
                return (
                    dates.clock(dates.local(g.until)) if same_day else dates.utc_day_time(g.until)
                )
            if col == self.REASON:
                return labels.client(g.reason)
        if role == Qt.ItemDataRole.ToolTipRole and col == self.REASON:
            return labels.client(g.reason)
        if role == Qt.ItemDataRole.FontRole and g.live:
            font = QFont()
            font.setWeight(QFont.Weight.DemiBold)
            return font
        return None


class EmergencyLogDialog(QDialog):
    def __init__(self, practice: OpenPractice, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._practice = practice
        self.setWindowTitle(self.tr("Emergency access log"))
        self.resize(980, 520)
        intro = QLabel(
            self.tr(
                "Each time a clinician opened a case that is not theirs in an emergency: "
                "who, which case, for how long, and the reason they gave. Newest first; "
                "access still open is in bold."
            )
        )
        intro.setWordWrap(True)
        self.summary = QLabel()
        self.model = GrantLogModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Emergency access grants"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)  # the reason takes what is left
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.empty = QLabel(self.tr("Nobody has opened a case in an emergency."))
        self.empty.setStyleSheet("color: palette(placeholder-text); padding: 12px;")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.refresh_button = QPushButton(self.tr("&Refresh"))
        buttons.addButton(self.refresh_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.refresh_button.clicked.connect(self.refresh)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.summary)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.refresh()

    def refresh(self) -> None:
        try:
            grants = emergency.grant_log(self._practice)
        except Exception as exc:
            self.summary.setText(explain(exc))
            return
        self.model.set_grants(grants)
        live = sum(1 for g in grants if g.live)
        self.summary.setText(
            filled(self.tr("%d open now, %d in all."), live, len(grants)) if grants else ""
        )
        self.empty.setVisible(not grants)
        self.table.setVisible(bool(grants))
