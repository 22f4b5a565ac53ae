"""The four charts of the case dashboard, built from a Timeline.

Why the shapes are as they are:
- Missing readings are skipped, not drawn as zero: a line joins the readings that exist.
- The step chart gives each step a band and each partner a lane inside it (a small
  offset up or down), so two partners at the same step stay visible as two lines and two
  partners at different steps read as "in different places" at a glance.
- A step is held until the next recorded one: the steps line runs flat and changes at
  the session where the step changed (domain/marks.py), never sloping "between" steps.
- Each partner keeps one colour, one line style and one marker shape in every chart
  (solid and round, dashed and square), so they stay apart in greyscale too; colours are
  picked as pairs that read on light and dark backgrounds.
- A hollow marker is a reading from a private individual session. The dashboard shows
  those only when the therapist asks (see dashboard.py).
- Direction markers are thinned in a long case (domain/marks.py) so they never pile up.
- Nothing here adds stance up into a couple score or draws a target: the charts show
  readings over time and nothing else.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCharts import (
    QAreaSeries,
    QLineSeries,
    QScatterSeries,
    QValueAxis,
)
from PySide6.QtCore import QCoreApplication, QPointF, Qt
from PySide6.QtGui import QBrush, QPen
from PySide6.QtWidgets import QWidget

from clarity_desktop.domain.marks import direction_marks
from clarity_desktop.domain.steps import Direction, Step
from clarity_desktop.domain.timeline import SessionPoint, Timeline
from clarity_desktop.ui.common import labels
from clarity_desktop.ui.dashboard.dashboard_fit import fit_texts
from clarity_desktop.ui.dashboard.dashboard_intensity import IntensityChart
from clarity_desktop.ui.dashboard.dashboard_kit import PartnerSeries
from clarity_desktop.ui.dashboard.dashboard_style import (
    DAY_MS,
    DIRECTION_SHAPES,
    POINTS_VISIBLE_UP_TO,
    has_readings,
    lane_y,
    step_label,
    to_ms,
)
from clarity_desktop.ui.dashboard.dashboard_tooltips import Describer


class ChartBuilder(IntensityChart):
    """Fills the four charts from a timeline (the loop intensity chart's series are drawn
    by IntensityChart, dashboard_intensity.py)."""

    def __init__(self, owner: QWidget, on_click: Callable[[int], None]) -> None:
        super().__init__(owner, on_click)
        self.step_chart = self._chart(QCoreApplication.translate("CaseDashboard", "Steps"))
        self.position_chart = self._chart(
            QCoreApplication.translate("CaseDashboard", "Pursue and withdraw")
        )
        self.intensity_chart = self._chart(
            QCoreApplication.translate("CaseDashboard", "Loop intensity")
        )
        self.stance_chart = self._chart(
            QCoreApplication.translate(
                "CaseDashboard", "Stance (thick lines) and clarity (thin lines)"
            )
        )
        self.charts = (
            self.step_chart,
            self.position_chart,
            self.intensity_chart,
            self.stance_chart,
        )
        # Filled by build(); read by tests and by the legend key under the step chart.
        self.step_lines: dict[int, QLineSeries] = {}
        self.direction_markers: dict[tuple[int, Direction], QScatterSeries] = {}
        self.private_direction_markers: dict[tuple[int, Direction], QScatterSeries] = {}
        self.position_lines: dict[int, QLineSeries] = {}
        self.gap_areas: list[QAreaSeries] = []
        self.intensity_line = None
        self.private_intensity_markers = None
        self.flooding_markers = {}
        self.co_regulation_markers = None
        self.stance_lines: dict[int, QLineSeries] = {}
        self.clarity_lines: dict[int, QLineSeries] = {}
        # (chart title, partner id) -> the partner's line, markers and legend entry
        self.partners: dict[tuple[str, int], PartnerSeries] = {}
        self.directions_shown: set[Direction] = set()
        self.private_shown = False  # a hollow marker is drawn somewhere

    def clear(self) -> None:
        self.tracks.clear()
        self.step_lines.clear()
        self.direction_markers.clear()
        self.private_direction_markers.clear()
        self.position_lines.clear()
        self.gap_areas.clear()
        self.stance_lines.clear()
        self.clarity_lines.clear()
        self.partners.clear()
        self.flooding_markers.clear()
        self.directions_shown.clear()
        self.private_shown = False
        self.intensity_line = self.co_regulation_markers = self.private_intensity_markers = None
        for chart in self.charts:
            chart.removeAllSeries()
            for axis in chart.axes():
                chart.removeAxis(axis)
                axis.deleteLater()

    # -- building -------------------------------------------------------------------------

    def build(self, timeline: Timeline, describe: Describer) -> None:
        self.clear()
        points = [p for p in timeline.points if has_readings(p)]
        xs = [to_ms(p.starts_at) for p in points]
        low, high = min(xs), max(xs)
        pad = max((high - low) * 0.03, DAY_MS * 2)
        x_range = (low - pad, high + pad)
        self._build_steps(timeline, points, xs, x_range, describe)
        self._build_positions(timeline, points, xs, x_range, describe)
        self._build_intensity(timeline, points, xs, x_range, describe)
        self._build_stance(timeline, points, xs, x_range, describe)
        self.private_shown = any(
            p.private and p.recorded for p in points
        )  # the key under the steps chart explains hollow markers then
        for chart in self.charts:
            fit_texts(chart)  # the keys shown changed; the views refit on each resize

    def _build_steps(
        self,
        tl: Timeline,
        points: list[SessionPoint],
        xs: list[float],
        x_range: tuple[float, float],
        describe: Describer,
    ) -> None:
        chart = self.step_chart
        x_axis = self._x_axis(chart, x_range)
        y_axis = self._category_axis(
            chart, 0.5, 5.5, [(step_label(s), s + 0.5) for s in Step], centred=True
        )
        y_axis.setGridLineVisible(True)
        lanes = len(tl.partner_ids)
        for lane, (pid, name) in enumerate(zip(tl.partner_ids, tl.partner_names, strict=False)):
            colour = self.colours.partner(lane)
            rows = [
                (p, x, lane_y(p.steps[pid], lane, lanes))
                for p, x in zip(points, xs, strict=True)
                if pid in p.steps
            ]
            drawn = self._partner(
                chart, lane, name, rows, describe.steps, (x_axis, y_axis), stepped=True
            )
            self.partners[("steps", pid)] = drawn
            self.step_lines[pid] = drawn.line
            size = 9.0 if len(rows) > POINTS_VISIBLE_UP_TO else 15.0
            marked = self._direction_rows(pid, rows)
            kinds = ((False, self.direction_markers), (True, self.private_direction_markers))
            for direction, shape in DIRECTION_SHAPES.items():
                for private, found in kinds:
                    here = [r for r in marked if r[3] is direction and r[0].private is private]
                    if not here:
                        continue
                    title = f"{name} · {labels.label(direction)}"
                    marker = (
                        self._hollow(title, colour, size, shape)
                        if private
                        else self._scatter(title, colour, shape, size)
                    )
                    self._series(
                        chart, marker, [r[:3] for r in here], describe.steps, (x_axis, y_axis)
                    )
                    self._hide_from_legend(chart, marker)
                    found[(pid, direction)] = marker
                    self.directions_shown.add(direction)

    @staticmethod
    def _direction_rows(
        pid: int, rows: list[tuple[SessionPoint, float, float]]
    ) -> list[tuple[SessionPoint, float, float, Direction]]:
        """Sessions where the partner's direction gets a marker: every one while they fit,
        in a long case where it first appears or changes, thinned further if even those
        would pile up (domain/marks.py); tooltips on the line still give the direction at
        every session."""
        at = {id(p): (x, y) for p, x, y in rows}
        recorded = [
            (p, r.direction)
            for p, _x, _y in rows
            if (r := p.partners.get(pid)) is not None and r.direction is not None
        ]
        return [(p, *at[id(p)], d) for p, d in direction_marks(recorded)]

    def _build_positions(
        self,
        tl: Timeline,
        points: list[SessionPoint],
        xs: list[float],
        x_range: tuple[float, float],
        describe: Describer,
    ) -> None:
        chart = self.position_chart
        x_axis = self._x_axis(chart, x_range)
        y_axis = self._category_axis(
            chart,
            -3.5,
            3.5,
            [
                (QCoreApplication.translate("CaseDashboard", "withdrawing"), -3.0),
                (QCoreApplication.translate("CaseDashboard", "neither"), 0.0),
                (QCoreApplication.translate("CaseDashboard", "pursuing"), 3.0),
            ],
        )
        rows_by_partner: dict[int, dict[int, tuple[SessionPoint, float, float]]] = {}
        for pid in tl.partner_ids:
            rows_by_partner[pid] = {
                i: (p, x, float(r.position))
                for i, (p, x) in enumerate(zip(points, xs, strict=True))
                if (r := p.partners.get(pid)) is not None and r.position is not None
            }
        if len(tl.partner_ids) >= 2:
            a, b = rows_by_partner[tl.partner_ids[0]], rows_by_partner[tl.partner_ids[1]]
            for segment in _runs([i for i in range(len(points)) if i in a and i in b]):
                if len(segment) < 2:
                    continue  # one session has no width to shade; its two points show it
                upper, lower = QLineSeries(), QLineSeries()
                upper.replace([QPointF(a[i][1], a[i][2]) for i in segment])
                lower.replace([QPointF(b[i][1], b[i][2]) for i in segment])
                area = QAreaSeries(upper, lower)
                upper.setParent(area)
                lower.setParent(area)
                area.setName(QCoreApplication.translate("CaseDashboard", "distance between them"))
                area.setBrush(QBrush(self.colours.gap))
                area.setPen(QPen(Qt.PenStyle.NoPen))
                chart.addSeries(area)
                area.attachAxis(x_axis)
                area.attachAxis(y_axis)
                if self.gap_areas:
                    self._hide_from_legend(chart, area)
                else:
                    # The faint fill alone would be an empty square in the key: outline it.
                    for key in chart.legend().markers(area):
                        key.setPen(QPen(self.colours.muted, 1.0))
                self.gap_areas.append(area)
        for lane, (pid, name) in enumerate(zip(tl.partner_ids, tl.partner_names, strict=False)):
            rows = list(rows_by_partner[pid].values())
            drawn = self._partner(chart, lane, name, rows, describe.positions, (x_axis, y_axis))
            self.partners[("positions", pid)] = drawn
            self.position_lines[pid] = drawn.line

    def _build_stance(
        self,
        tl: Timeline,
        points: list[SessionPoint],
        xs: list[float],
        x_range: tuple[float, float],
        describe: Describer,
    ) -> None:
        chart = self.stance_chart
        x_axis = self._x_axis(chart, x_range)
        stance_axis = self._category_axis(
            chart,
            -0.5,
            10.5,
            # Two short lines each (axis labels are rich text), so the plot keeps its width.
            [
                (QCoreApplication.translate("CaseDashboard", "toward<br>leaving"), 0.0),
                ("5", 5.0),
                (QCoreApplication.translate("CaseDashboard", "toward<br>staying"), 10.0),
            ],
        )
        clarity_axis = QValueAxis()
        clarity_axis.setRange(-0.5, 10.5)
        clarity_axis.setTickType(QValueAxis.TickType.TicksDynamic)
        clarity_axis.setTickAnchor(0.0)
        clarity_axis.setTickInterval(5.0)
        clarity_axis.setLabelFormat("%d")
        clarity_axis.setTitleText(QCoreApplication.translate("CaseDashboard", "clarity"))
        clarity_axis.setGridLineVisible(False)
        self._style_axis(clarity_axis)
        chart.addAxis(clarity_axis, Qt.AlignmentFlag.AlignRight)
        pairs = list(zip(points, xs, strict=True))
        for lane, (pid, name) in enumerate(zip(tl.partner_ids, tl.partner_names, strict=False)):
            stance = [
                (p, x, float(r.stance))
                for p, x in pairs
                if (r := p.partners.get(pid)) is not None and r.stance is not None
            ]
            clarity = [
                (p, x, float(r.clarity))
                for p, x in pairs
                if (r := p.partners.get(pid)) is not None and r.clarity is not None
            ]
            drawn = self._partner(
                chart, lane, name, stance, describe.stance, (x_axis, stance_axis), width=2.6
            )
            self.partners[("stance", pid)] = drawn
            self.stance_lines[pid] = drawn.line
            drawn = self._partner(
                chart,
                lane,
                QCoreApplication.translate("CaseDashboard", "%s · clarity") % name,
                clarity,
                describe.stance,
                (x_axis, clarity_axis),
                width=1.2,
                marker_size=5.5,
                in_legend=False,  # the title says thin lines are clarity
            )
            self.partners[("clarity", pid)] = drawn
            self.clarity_lines[pid] = drawn.line


def _runs(indexes: list[int]) -> list[list[int]]:
    """Consecutive runs: [1, 2, 3, 5, 6] -> [[1, 2, 3], [5, 6]]."""
    runs: list[list[int]] = []
    for i in indexes:
        if runs and runs[-1][-1] == i - 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    return runs
