"""Today: the home view (Ctrl+0, shown after unlocking). The day's sessions and the next
days' with Start and Open buttons, bookings whose time passed without an outcome,
every unsigned note with how long it has waited, the handouts given at the last session
of each case seen soon, and the cases with no session in 30 days.

Other parts of the program add their own buttons to each session row through
add_session_action (the session brief does); the view itself only reads and asks.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from clarity_desktop.domain.schedule import SessionStatus
from clarity_desktop.services import today
from clarity_desktop.services.practices import OpenPractice
from clarity_desktop.services.today import DayPlan, DaySession
from clarity_desktop.ui.common.errors import explain
from clarity_desktop.ui.common.models import ID_ROLE
from clarity_desktop.ui.common.numbers import filled
from clarity_desktop.ui.practice.key_shares import KeySharePanel
from clarity_desktop.ui.practice.review_queue import ReviewQueueModel, ReviewQueuePanel
from clarity_desktop.ui.practice.today_models import (
    CASE_ROLE,
    DaySessionModel,
    DraftModel,
    HandoutModel,
    QuietModel,
    long_day,
)

# At most this many rows per list: a home screen, not an archive. A practice with more
# (years of unsigned drafts brought over) sees the count and the oldest ones; the rest are
# in each case's session list and in `clarity-desktop today`.
MAX_ROWS = 50


@dataclass(frozen=True)
class SessionAction:
    """A button on each session row it applies to."""

    text: str
    applies: Callable[[DaySession], bool]
    run: Callable[[DaySession], None]
    name: str  # for tests and screen readers: what the button does


class DayTable(QTableView):
    """A table as tall as its rows (the page scrolls, not each list); Enter or a
    double click acts on the current row."""

    activated_row = Signal(int)

    def __init__(self, model: QAbstractTableModel, name: str, stretch: int) -> None:
        super().__init__()
        self.setModel(model)
        self.setAccessibleName(name)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTabKeyNavigation(False)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setWordWrap(False)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # One column takes the room left (and gives it up first, with "…"), so the table
        # fits the pane at 1280 px without scrolling sideways.
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.doubleClicked.connect(lambda index: self.activated_row.emit(index.row()))
        model.modelReset.connect(self.fit)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.activated_row.emit(self.currentIndex().row())
            return
        super().keyPressEvent(event)

    def fit(self) -> None:
        rows = self.model().rowCount()
        self.resizeRowsToContents()
        height = self.horizontalHeader().height() + 2 * self.frameWidth()
        height += sum(self.rowHeight(r) for r in range(rows))
        bar = self.horizontalScrollBar()
        if bar.isVisible():
            height += bar.height()
        self.setFixedHeight(height + 2)


class TodayView(QWidget):
    start_requested = Signal(int)  # a scheduled session's id
    note_requested = Signal(int, int)  # case id, session id
    case_requested = Signal(int)  # case id

    def __init__(self, practice: OpenPractice, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._practice = practice
        self.plan: DayPlan | None = None
        self._actions: list[SessionAction] = []

        self.heading = QLabel()
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setWeight(QFont.Weight.DemiBold)
        self.heading.setFont(font)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.more = QLabel()
        self.more.setWordWrap(True)
        self.more.hide()
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.hide()

        self.sessions_model = DaySessionModel(self)
        self.drafts_model = DraftModel(self)
        self.handouts_model = HandoutModel(self)
        self.quiet_model = QuietModel(self)
        self.sessions = DayTable(
            self.sessions_model, self.tr("Sessions today and this week"), DaySessionModel.STATUS
        )
        self.drafts = DayTable(self.drafts_model, self.tr("Unsigned notes"), DraftModel.ACTIONS)
        self.handouts = DayTable(
            self.handouts_model, self.tr("Handouts given last session"), HandoutModel.NEXT
        )
        self.quiet = DayTable(self.quiet_model, self.tr("No session in 30 days"), QuietModel.NEXT)
        self.sessions.activated_row.connect(self._session_activated)
        self.drafts.activated_row.connect(self._draft_activated)
        self.handouts.activated_row.connect(
            lambda row: self.case_requested.emit(self._id(self.handouts_model, row, ID_ROLE))
        )
        self.quiet.activated_row.connect(
            lambda row: self.case_requested.emit(self._id(self.quiet_model, row, ID_ROLE))
        )
        # A supervisor's notes waiting for review or co-signature (review_queue.py).
        self.review_table = DayTable(
            ReviewQueueModel(self), self.tr("Notes waiting for review"), ReviewQueueModel.CASE
        )
        self.reviews = ReviewQueuePanel(self.review_table)
        self.review_table.activated_row.connect(self.reviews.activate)
        self.reviews.note_requested.connect(self.note_requested)
        # Someone given access to a case whose key the signed-in person holds (key_shares.py).
        self.key_shares = KeySharePanel()
        self.refresh_button = QPushButton(self.tr("&Refresh"))
        self.refresh_button.setAccessibleName(self.tr("Refresh the day"))
        self.refresh_button.clicked.connect(lambda: self.refresh())

        self.empty: dict[DayTable, QLabel] = {}
        page = QWidget()
        column = QVBoxLayout(page)
        column.setContentsMargins(16, 12, 16, 16)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.refresh_button)
        column.addLayout(top)
        column.addWidget(self.summary)
        column.addWidget(self.problem)
        column.addWidget(self.more)
        # Hidden on an empty practice, where the case list alone says what to do.
        self.sections_box = QWidget()
        sections = QVBoxLayout(self.sections_box)
        sections.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.sections_box)
        sections.addWidget(self.key_shares)
        sections.addWidget(self.reviews)
        for title, table, empty in (
            (
                self.tr("Sessions"),
                self.sessions,
                self.tr("Nothing booked for the next seven days."),
            ),
            (self.tr("Notes to sign"), self.drafts, self.tr("Every note is signed.")),
            (
                self.tr("Handouts given last session"),
                self.handouts,
                self.tr("No handouts recorded at the last session of the cases you see soon."),
            ),
            (
                self.tr("No session in 30 days"),
                self.quiet,
                self.tr("Every active case had a session in the last 30 days."),
            ),
        ):
            sections.addSpacing(10)
            label = QLabel(title)
            label.setStyleSheet("font-weight: 600;")
            label.setBuddy(table)
            sections.addWidget(label)
            note = QLabel(empty)
            note.setWordWrap(True)
            note.setStyleSheet("color: palette(placeholder-text);")
            sections.addWidget(note)
            sections.addWidget(table)
            self.empty[table] = note
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setAccessibleName(self.tr("Today"))
        scroll.setWidget(page)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

        self.add_session_action(
            self.tr("Start"),
            lambda s: s.status is SessionStatus.SCHEDULED,
            lambda s: self.start_requested.emit(s.session_id),
            self.tr("Start this session"),
        )
        self.add_session_action(
            self.tr("Open note"),
            lambda s: s.note_id is not None,
            lambda s: self.note_requested.emit(s.case_id, s.session_id),
            self.tr("Open this session's note"),
        )

    # ----- the hook -------------------------------------------------------------------

    def add_session_action(
        self,
        text: str,
        applies: Callable[[DaySession], bool],
        run: Callable[[DaySession], None],
        name: str | None = None,
    ) -> None:
        """Put a button labelled *text* on every session row for which *applies* is
        true; clicking it calls *run* with that row's session. Buttons appear in the
        order they were added, from the next refresh on."""
        self._actions.append(SessionAction(text, applies, run, name or text))
        if self.plan is not None:
            self._place_buttons()

    def action_buttons(self, row: int) -> list[QPushButton]:
        """The buttons on session row *row* (for tests and for keyboard focus)."""
        holder = self.sessions.indexWidget(self.sessions_model.index(row, DaySessionModel.ACTIONS))
        return holder.findChildren(QPushButton) if holder is not None else []

    # ----- showing the day ------------------------------------------------------------

    def set_practice(self, practice: OpenPractice) -> None:
        self._practice = practice

    def set_no_cases(self, none: bool) -> None:
        """An empty practice: nothing to list, and the case list already says so (one
        empty state at a time); the day's heading stays."""
        self.sections_box.setVisible(not none)
        self.summary.setVisible(not none)

    def refresh(self, *, record_view: bool = False, now: datetime | None = None) -> None:
        """Read the day again. *record_view* when a person opens the view (audited)."""
        try:
            plan = today.day_plan(self._practice.uow(), now, record_view=record_view)
        except Exception as exc:
            self.problem.setText(self.tr("The day could not be read: %s") % explain(exc))
            self.problem.show()
            return
        self.problem.hide()
        self.plan = plan
        day = plan.day
        self.heading.setText(long_day(day))
        todays = [s for s in plan.on(day) if not s.status.called_off]
        waiting = len(plan.drafts)
        bits = [
            self.tr("1 session today")
            if len(todays) == 1
            else filled(self.tr("%d sessions today"), len(todays)),
            self.tr("1 note to sign")
            if waiting == 1
            else filled(self.tr("%d notes to sign"), waiting),
        ]
        if plan.overdue:
            n = len(plan.overdue)
            bits.append(
                self.tr("1 booking past without an outcome")
                if n == 1
                else filled(self.tr("%d bookings past without an outcome"), n)
            )
        self.summary.setText(" · ".join(bits))
        overdue = plan.overdue[-MAX_ROWS // 2 :]  # the most recent of them
        self.sessions_model.set_rows(overdue, plan.sessions[:MAX_ROWS], day)
        self.drafts_model.set_rows(plan.drafts[:MAX_ROWS])
        self.handouts_model.set_rows(plan.handouts[:MAX_ROWS], day)
        self.quiet_model.set_rows(plan.quiet[:MAX_ROWS], day)
        cut = [
            (len(plan.overdue), len(overdue), self.tr("bookings past without an outcome")),
            (len(plan.sessions), MAX_ROWS, self.tr("sessions this week")),
            (len(plan.drafts), MAX_ROWS, self.tr("notes to sign (the oldest are listed)")),
            (len(plan.quiet), MAX_ROWS, self.tr("quiet cases")),
        ]
        shown = [
            filled(self.tr("%d of %d %s"), limit, total, what)
            for total, limit, what in cut
            if total > limit
        ]
        self.more.setText(self.tr("Listed here: %s.") % "; ".join(shown) if shown else "")
        self.more.setVisible(bool(shown))
        self._place_buttons()
        for table, note in self.empty.items():
            has_rows = table.model().rowCount() > 0
            table.setVisible(has_rows)
            note.setVisible(not has_rows)
            table.fit()
        self.key_shares.refresh(self._practice)
        self.reviews.refresh(self._practice)
        self.review_table.fit()

    def _place_buttons(self) -> None:
        for row in range(self.sessions_model.rowCount()):
            session = self.sessions_model.row_at(row).session
            holder = QWidget()
            line = QHBoxLayout(holder)
            line.setContentsMargins(2, 0, 2, 0)
            line.setSpacing(4)
            for action in self._actions:
                if action.applies(session):
                    button = QPushButton(action.text, holder)
                    button.setAccessibleName(action.name)
                    button.setAutoDefault(False)
                    button.clicked.connect(lambda _c=False, a=action, s=session: a.run(s))
                    line.addWidget(button)
            line.addStretch(1)
            self.sessions.setIndexWidget(
                self.sessions_model.index(row, DaySessionModel.ACTIONS), holder
            )
        for row in range(self.drafts_model.rowCount()):
            item = self.drafts_model.row_at(row)
            holder = QWidget()
            line = QHBoxLayout(holder)
            line.setContentsMargins(2, 0, 2, 0)
            button = QPushButton(self.tr("Open note"), holder)
            button.setAccessibleName(self.tr("Open this note"))
            button.setAutoDefault(False)
            button.clicked.connect(
                lambda _c=False, d=item: self.note_requested.emit(d.case_id, d.session_id)
            )
            line.addWidget(button)
            line.addStretch(1)
            self.drafts.setIndexWidget(self.drafts_model.index(row, DraftModel.ACTIONS), holder)
        self.sessions.fit()
        self.drafts.fit()

    # ----- acting on a row ------------------------------------------------------------

    @staticmethod
    def _id(model: QAbstractTableModel, row: int, role: int) -> int:
        return int(model.index(row, 0, QModelIndex()).data(role))

    def _session_activated(self, row: int) -> None:
        """Enter on a session: start it if it is booked, open its note if it has one,
        otherwise open its case."""
        s = self.sessions_model.row_at(row).session
        if s.status is SessionStatus.SCHEDULED:
            self.start_requested.emit(s.session_id)
        elif s.note_id is not None:
            self.note_requested.emit(s.case_id, s.session_id)
        else:
            self.case_requested.emit(s.case_id)

    def _draft_activated(self, row: int) -> None:
        self.note_requested.emit(
            self._id(self.drafts_model, row, CASE_ROLE), self._id(self.drafts_model, row, ID_ROLE)
        )
