"""The case dashboard: where each partner is in the five steps, the pursue/withdraw loop,
loop intensity, and stance and clarity, over the case's sessions; the latest trends and
attention flags above; step guidance for the therapist beside.

It shows movement and clarity only. The charts draw the readings the therapist recorded,
per partner; nothing combines them into a score toward staying or leaving.

Privacy: a therapist may turn this screen toward the couple. Readings from private
individual sessions (a direction, a step, a clarity one partner voiced alone) are left
out until the therapist ticks "Show readings from private individual sessions"; every
chart, trend, flag and guidance line then follows that choice. Shown, they are drawn
hollow and their tooltips say "individual session". The tick is cleared whenever another
case opens, so it never carries over to a screen shown to someone else.

The widget takes a Timeline (from services.dynamics.case_timeline) and never touches the
database; clicking a session's point asks the window to open that session's note through
``session_requested``. Pieces: dashboard_charts.py builds the four charts,
dashboard_parts.py the header strip and the guidance panel, dashboard_kit.py the shared
chart plumbing, dashboard_style.py the colours and shapes, dashboard_tooltips.py the tooltip texts.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCharts import QChart, QChartView
from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QLabel,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from clarity_desktop.domain import measures
from clarity_desktop.domain.timeline import Timeline
from clarity_desktop.ui.common import labels
from clarity_desktop.ui.common.numbers import filled
from clarity_desktop.ui.dashboard.dashboard_charts import ChartBuilder
from clarity_desktop.ui.dashboard.dashboard_kit import make_view
from clarity_desktop.ui.dashboard.dashboard_parts import DashboardHeader, GuidancePanel
from clarity_desktop.ui.dashboard.dashboard_style import (
    DIRECTION_GLYPHS,
    DIRECTION_SHAPES,
    colours_for,
    has_readings,
)
from clarity_desktop.ui.dashboard.dashboard_tooltips import Describer
from clarity_desktop.ui.plan.agreement_box import AgreementBox

MIN_SESSIONS_FOR_CHARTS = 2


class CaseDashboard(QWidget):
    session_requested = Signal(int)  # a session id: open that session's note

    CHARTS_PAGE, EMPTY_PAGE = 0, 1

    def __init__(self, parent: QWidget | None = None, guidance_folder: Path | None = None) -> None:
        super().__init__(parent)
        self.timeline: Timeline | None = None  # as given, private sessions' readings and all
        self.shown: Timeline | None = None  # what the dashboard draws
        self.today: date | None = None
        self._restyling = False
        self.colours = colours_for(self.palette())
        self.charts = ChartBuilder(self, self.session_requested.emit)
        self.charts.apply_palette(self.colours, self.font())

        self.placeholder = QLabel(self.tr("Open a case to see how its sessions are moving."))
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        # Margins, not style sheets: a style sheet would stop the label following the palette.
        self.placeholder.setMargin(24)

        self.header = DashboardHeader()
        self.private_toggle = QCheckBox(self.tr("Show readings from private individual sessions"))
        self.private_toggle.setObjectName("privateReadings")
        self.private_toggle.setToolTip(
            self.tr(
                "Left out by default, so this screen can be shown to the couple. Shown, they "
                "are drawn hollow and marked in the tooltips. Cleared when another case opens."
            )
        )
        self.private_toggle.toggled.connect(self._private_toggled)
        self.guidance = GuidancePanel()
        self.guidance.folder = guidance_folder
        self.guidance.setMinimumWidth(240)

        names = (
            self.tr("Steps of each partner over sessions"),
            self.tr("Pursue and withdraw positions over sessions"),
            self.tr("Loop intensity, flooding and co-regulation over sessions"),
            self.tr("Stance and clarity of each partner over sessions"),
        )
        self.views: tuple[QChartView, ...] = tuple(
            make_view(chart, name) for chart, name in zip(self.charts.charts, names, strict=True)
        )
        self.direction_key = QLabel()
        self.direction_key.setObjectName("directionKey")
        self.direction_key.setTextFormat(Qt.TextFormat.RichText)
        self.direction_key.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.direction_key.setWordWrap(True)  # never widens its column of the grid
        step_cell = QWidget()
        sc = QVBoxLayout(step_cell)
        sc.setContentsMargins(0, 0, 0, 0)
        sc.setSpacing(0)
        sc.addWidget(self.views[0], 1)
        sc.addWidget(self.direction_key)
        charts_page = QWidget()
        grid = QGridLayout(charts_page)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(6)
        grid.addWidget(step_cell, 0, 0)
        grid.addWidget(self.views[1], 0, 1)
        grid.addWidget(self.views[2], 1, 0)
        grid.addWidget(self.views[3], 1, 1)
        for i in range(2):
            grid.setRowStretch(i, 1)
            grid.setColumnStretch(i, 1)

        self.empty = QLabel(
            self.tr(
                "Charts appear once two sessions have readings. "
                "Record readings in the Dynamics panel beside the note."
            )
        )
        self.empty.setObjectName("dashboardEmpty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setMargin(24)
        self.stack = QStackedWidget()
        self.stack.addWidget(charts_page)
        self.stack.addWidget(self.empty)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.stack)
        splitter.addWidget(self.guidance)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([900, 300])
        splitter.setChildrenCollapsible(False)

        self.content = QWidget()
        cl = QVBoxLayout(self.content)
        cl.setContentsMargins(0, 0, 0, 0)
        cl.setSpacing(8)
        cl.addWidget(self.header)
        self.agreement = AgreementBox()  # the plan's "while we are unsure" agreement
        cl.addWidget(self.agreement)
        cl.addWidget(self.private_toggle)
        cl.addWidget(splitter, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.placeholder)
        layout.addWidget(self.content)
        self.content.hide()

    # -- public ---------------------------------------------------------------------------

    def set_timeline(self, timeline: Timeline, today: date | None = None) -> None:
        """Show *timeline*; *today* decides flags such as "no session in 30 days". Another
        case than the one shown clears "Show readings from private individual sessions"."""
        if self.timeline is not None and self.timeline.case_id != timeline.case_id:
            with_signals = self.private_toggle.blockSignals(True)
            self.private_toggle.setChecked(False)
            self.private_toggle.blockSignals(with_signals)
        self.timeline = timeline
        self.today = today
        hidden = timeline.private_sessions_with_readings
        self.private_toggle.setVisible(hidden > 0)
        if hidden:
            self.private_toggle.setText(
                filled(self.tr("Show readings from private individual sessions (%d)"), hidden)
            )
        shown = timeline if self.private_toggle.isChecked() else timeline.shareable()
        self.shown = shown
        flags = measures.attention_flags(shown, today or date.today())
        self.header.show_timeline(shown, self.colours, flags)
        self.guidance.show_timeline(shown)
        if self.sessions_with_readings(shown) >= MIN_SESSIONS_FOR_CHARTS:
            self.charts.build(shown, Describer(shown))
            self._update_direction_key()
            self.stack.setCurrentIndex(self.CHARTS_PAGE)
        else:
            self.charts.clear()
            self.direction_key.hide()
            self.stack.setCurrentIndex(self.EMPTY_PAGE)
        self.placeholder.hide()
        self.content.show()

    def clear(self) -> None:
        self.timeline = self.shown = None
        with_signals = self.private_toggle.blockSignals(True)
        self.private_toggle.setChecked(False)  # the next case starts with them left out
        self.private_toggle.blockSignals(with_signals)
        self.charts.clear()
        self.header.clear()
        self.agreement.clear()
        self.guidance.clear()
        self.content.hide()
        self.placeholder.show()

    @staticmethod
    def sessions_with_readings(timeline: Timeline) -> int:
        return sum(1 for p in timeline.points if has_readings(p))

    @property
    def showing_charts(self) -> bool:
        return self.content.isVisibleTo(self) and self.stack.currentIndex() == self.CHARTS_PAGE

    def chart_list(self) -> tuple[QChart, ...]:
        return self.charts.charts

    # -- internals ------------------------------------------------------------------------

    def _private_toggled(self, _checked: bool) -> None:
        if self.timeline is not None:
            self.set_timeline(self.timeline, self.today)

    def _update_direction_key(self) -> None:
        """The key under the steps chart: the direction shapes shown, and what a hollow
        marker means when one is drawn."""
        shown = [d for d in DIRECTION_SHAPES if d in self.charts.directions_shown]
        muted = self.colours.muted.name()
        parts = []
        if shown:
            items = "&nbsp;&nbsp; ".join(
                f"{DIRECTION_GLYPHS[d]}&nbsp;{labels.label(d).lower().replace(' ', '&nbsp;')}"
                for d in shown
            )
            shaping = self.tr("Direction taking shape:")
            parts.append(f"<span style='color:{muted}'>{shaping}</span> {items}")
        if self.charts.private_shown:
            hollow = self.tr("hollow: individual session (private)")
            parts.append(f"○&nbsp;{hollow.replace(' ', '&nbsp;')}")
        if not parts:
            self.direction_key.hide()
            return
        self.direction_key.setText("&nbsp;&nbsp;&nbsp; ".join(parts))
        self.direction_key.show()

    def changeEvent(self, event: QEvent) -> None:
        """Follow the palette (light or dark) and the text size when either changes."""
        super().changeEvent(event)
        changes = (QEvent.Type.PaletteChange, QEvent.Type.FontChange)
        if event.type() in changes and not self._restyling:
            self._restyling = True
            try:
                self.colours = colours_for(self.palette())
                self.charts.apply_palette(self.colours, self.font())
                if self.timeline is not None:
                    self.set_timeline(self.timeline, self.today)
            finally:
                self._restyling = False
