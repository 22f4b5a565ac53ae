"""Case ▸ Open a case in an emergency: a clinician on a practice server opens, for herself
and for a while, a case that is not hers (a client in crisis whose own clinician cannot be
reached). She chooses the case by name (services/emergency.py cases_to_open: names only,
nothing clinical until the grant exists), says why, and for how long; the dialog says
plainly, before she asks, that the access is recorded and shown to supervisors.

The reason's rule is the domain's (domain/emergency.py), checked by the service before
anything is written and again by the server: a reason too short is said in words here and
nothing is granted.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from clarity_desktop.domain.emergency import MAX_HOURS, MIN_MINUTES, MIN_REASON
from clarity_desktop.domain.records import CaseStatus
from clarity_desktop.services import emergency
from clarity_desktop.services.emergency import DEFAULT_MINUTES, CaseChoice
from clarity_desktop.services.practices import OpenPractice
from clarity_desktop.ui.common import appearance
from clarity_desktop.ui.common.numbers import filled
from clarity_desktop.ui.practice.staff_dialogs import ServiceDialog

CASE_ID = Qt.ItemDataRole.UserRole


class EmergencyDialog(ServiceDialog):
    """OK grants the chosen case to the signed-in clinician; result_value is the Grant."""

    def __init__(
        self,
        practice: OpenPractice,
        choices: Sequence[CaseChoice],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._practice = practice
        self.setWindowTitle(self.tr("Open a case in an emergency"))
        self.setMinimumWidth(560)
        self.ok.setText(self.tr("&Open the case"))
        self.warning = QLabel(
            filled(
                self.tr(
                    "Only for a client who needs care now while their own clinician cannot "
                    "be reached. The case opens to you alone, for at most %d hours. Your "
                    "name, the case, the time and your reason are recorded in the audit "
                    "trail and shown to the practice's supervisors and administrators."
                ),
                MAX_HOURS,
            )
        )
        self.warning.setWordWrap(True)
        self.warning.setObjectName("emergencyWarning")
        appearance.styled(
            self.warning,
            lambda t: (
                f"QLabel#emergencyWarning {{ background: {t.caution_back}; "
                f"color: {t.caution_text}; border-radius: 4px; padding: 8px; }}"
            ),
        )
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Type part of a name"))
        self.search.setAccessibleName(self.tr("Find a case"))
        self.search.setClearButtonEnabled(True)
        self.cases_model = QStandardItemModel(self)
        for choice in choices:
            text = choice.display_name
            if choice.status is CaseStatus.CLOSED:
                text = self.tr("%s (closed)") % choice.display_name
            item = QStandardItem(text)
            item.setData(choice.case_id, CASE_ID)
            item.setEditable(False)
            self.cases_model.appendRow(item)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.cases_model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        self.cases = QListView()
        self.cases.setModel(self.proxy)
        self.cases.setAccessibleName(self.tr("Cases not assigned to you"))
        self.cases.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.cases.setMinimumHeight(160)
        self.reason = QPlainTextEdit()
        self.reason.setPlaceholderText(
            self.tr("What is happening, and why it cannot wait for the case's own clinician")
        )
        self.reason.setAccessibleName(self.tr("Reason"))
        self.reason.setTabChangesFocus(True)
        self.reason.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 16)
        self.minutes = QSpinBox()
        self.minutes.setRange(MIN_MINUTES, MAX_HOURS * 60)
        self.minutes.setSingleStep(15)
        self.minutes.setValue(DEFAULT_MINUTES)
        self.minutes.setAccessibleName(self.tr("Minutes"))
        duration = QHBoxLayout()
        duration.addWidget(self.minutes)
        duration.addWidget(QLabel(filled(self.tr("minutes (at most %d hours)"), MAX_HOURS)), 1)
        reason_hint = QLabel(
            filled(
                self.tr("At least %d characters, in words a reviewer will understand."), MIN_REASON
            )
        )
        reason_hint.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("&Find"), self.search)
        form.addRow(self.tr("C&ase"), self.cases)
        form.addRow(self.tr("&Reason"), self.reason)
        form.addRow("", reason_hint)
        how_long = QLabel(self.tr("For &how long"))
        how_long.setBuddy(self.minutes)  # a layout, not a widget, holds the field
        form.addRow(how_long, duration)
        layout = QVBoxLayout(self)
        layout.addWidget(self.warning)
        if not choices:
            layout.addWidget(QLabel(self.tr("Every case of the practice is open to you already.")))
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.search.setFocus()

    def chosen_case(self) -> int | None:
        rows = self.cases.selectionModel().selectedRows()
        if not rows:
            return None
        return int(rows[0].data(CASE_ID))

    def choose(self, case_id: int) -> bool:
        """Select *case_id* in the list (as a click would); False if it is not there."""
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if index.data(CASE_ID) == case_id:
                self.cases.setCurrentIndex(index)
                return True
        return False

    def submit(self) -> None:
        case_id = self.chosen_case()
        if case_id is None:
            self.show_error(self.tr("Please choose the case to open."))
            return
        self._run(
            self.tr("Opening…"),
            emergency.open_in_emergency,
            self._practice,
            case_id,
            self.reason.toPlainText(),
            self.minutes.value(),
        )
