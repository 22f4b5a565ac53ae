"""The four charts of the case dashboard, built from a Timeline.

Why the shapes are as they are:
- Missing readings are skipped, not drawn as zero: a line joins the readings that exist.
- The step chart gives each step a band and each partner a lane inside it (a small
  offset up or down), so two partners at the same step stay visible as two lines and two
  partners at different steps read as "in different places" at a glance.
- Each partner keeps one colour in every chart; colours are picked as pairs that read on
  light and dark backgrounds, chosen from the palette's window lightness.
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
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QBrush, QPen
from PySide6.QtWidgets import QWidget

from clarity_desktop.domain.steps import Direction, Step
from clarity_desktop.domain.timeline import SessionPoint, Timeline
from clarity_desktop.ui.dashboard_kit import ChartKit
from clarity_desktop.ui.dashboard_style import (
    DAY_MS,
    DIRECTION_SHAPES,
    POINTS_VISIBLE_UP_TO,
    has_readings,
    lane_y,
    step_label,
    to_ms,
    tr,
)
from clarity_desktop.ui.dashboard_tooltips import Describer


class ChartBuilder(ChartKit):
    """Fills the four charts from a timeline."""

    def __init__(self, owner: QWidget, on_click: Callable[[int], None]) -> None:
        super().__init__(owner, on_click)
        self.step_chart = self._chart(tr("Steps"))
        self.position_chart = self._chart(tr("Pursue and withdraw"))
        self.intensity_chart = self._chart(tr("Loop intensity"))
        self.stance_chart = self._chart(tr("Stance (solid) and clarity (dashed)"))
        self.charts = (
            self.step_chart,
            self.position_chart,
            self.intensity_chart,
            self.stance_chart,
        )
        # Filled by build(); read by tests and by the legend key under the step chart.
        self.step_lines: dict[int, QLineSeries] = {}
        self.direction_markers: dict[tuple[int, Direction], QScatterSeries] = {}
        self.position_lines: dict[int, QLineSeries] = {}
        self.gap_areas: list[QAreaSeries] = []
        self.intensity_line: QLineSeries | None = None
        self.flooding_markers: QScatterSeries | None = None
        self.co_regulation_markers: QScatterSeries | None = None
        self.stance_lines: dict[int, QLineSeries] = {}
        self.clarity_lines: dict[int, QLineSeries] = {}
        self.directions_shown: set[Direction] = set()

    def clear(self) -> None:
        self.tracks.clear()
        self.step_lines.clear()
        self.direction_markers.clear()
        self.position_lines.clear()
        self.gap_areas.clear()
        self.stance_lines.clear()
        self.clarity_lines.clear()
        self.directions_shown.clear()
        self.intensity_line = self.flooding_markers = self.co_regulation_markers = None
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
        self._build_intensity(points, xs, x_range, describe)
        self._build_stance(timeline, points, xs, x_range, describe)

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
            line = self._line(name, colour, len(rows))
            self._series(chart, line, rows, describe.steps, (x_axis, y_axis))
            self.step_lines[pid] = line
            dense = len(rows) > POINTS_VISIBLE_UP_TO
            directed = self._direction_rows(pid, rows, only_changes=dense)
            for direction, shape in DIRECTION_SHAPES.items():
                marked = [row for row in directed if row[3] is direction]
                if not marked:
                    continue
                marker = self._scatter(
                    f"{name} · {direction.title}", colour, shape, 9.0 if dense else 15.0
                )
                self._series(
                    chart, marker, [r[:3] for r in marked], describe.steps, (x_axis, y_axis)
                )
                self._hide_from_legend(chart, marker)
                self.direction_markers[(pid, direction)] = marker
                self.directions_shown.add(direction)

    @staticmethod
    def _direction_rows(
        pid: int, rows: list[tuple[SessionPoint, float, float]], only_changes: bool
    ) -> list[tuple[SessionPoint, float, float, Direction]]:
        """Sessions where the partner's direction was recorded. In a long case only where
        it first appears or changes: a marker on every session would read as a thick
        band, while the changes are what the therapist looks for (tooltips on the line
        still give the direction at every session)."""
        out: list[tuple[SessionPoint, float, float, Direction]] = []
        last: Direction | None = None
        for p, x, y in rows:
            r = p.partners.get(pid)
            if r is None or r.direction is None:
                continue
            if not only_changes or r.direction is not last:
                out.append((p, x, y, r.direction))
            last = r.direction
        return out

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
            [(tr("withdrawing"), -3.0), (tr("neither"), 0.0), (tr("pursuing"), 3.0)],
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
                area.setName(tr("Gap"))
                area.setBrush(QBrush(self.colours.gap))
                area.setPen(QPen(Qt.PenStyle.NoPen))
                chart.addSeries(area)
                area.attachAxis(x_axis)
                area.attachAxis(y_axis)
                if self.gap_areas:
                    self._hide_from_legend(chart, area)
                self.gap_areas.append(area)
        for lane, (pid, name) in enumerate(zip(tl.partner_ids, tl.partner_names, strict=False)):
            rows = list(rows_by_partner[pid].values())
            line = self._line(name, self.colours.partner(lane), len(rows))
            self._series(chart, line, rows, describe.positions, (x_axis, y_axis))
            self.position_lines[pid] = line

    def _build_intensity(
        self,
        points: list[SessionPoint],
        xs: list[float],
        x_range: tuple[float, float],
        describe: Describer,
    ) -> None:
        chart = self.intensity_chart
        x_axis = self._x_axis(chart, x_range)
        flood_row, co_reg_row = -1.0, -2.0
        y_axis = self._category_axis(
            chart,
            -2.6,
            10.5,
            [(tr("co-regulation"), co_reg_row), (tr("flooding"), flood_row)]
            + [(str(v), float(v)) for v in (0, 5, 10)],
        )
        pairs = list(zip(points, xs, strict=True))
        rows = [
            (p, x, float(p.couple.intensity))
            for p, x in pairs
            if p.couple is not None and p.couple.intensity is not None
        ]
        line = self._line(tr("Loop intensity"), self.colours.couple, len(rows))
        self._series(chart, line, rows, describe.intensity, (x_axis, y_axis))
        self.intensity_line = line
        flooded = [
            (p, x, flood_row) for p, x in pairs if any(r.flooded for r in p.partners.values())
        ]
        marker = self._scatter(
            tr("Flooding"),
            self.colours.flooding,
            QScatterSeries.MarkerShape.MarkerShapeTriangle,
            11.0,
        )
        self._series(chart, marker, flooded, describe.intensity, (x_axis, y_axis))
        self.flooding_markers = marker
        co_reg = [
            (p, x, co_reg_row)
            for p, x in pairs
            if p.couple is not None and p.couple.co_regulation is True
        ]
        marker = self._scatter(
            tr("Co-regulation"),
            self.colours.co_regulation,
            QScatterSeries.MarkerShape.MarkerShapeCircle,
            10.0,
        )
        self._series(chart, marker, co_reg, describe.intensity, (x_axis, y_axis))
        self.co_regulation_markers = marker

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
            [(tr("toward<br>leaving"), 0.0), ("5", 5.0), (tr("toward<br>staying"), 10.0)],
        )
        clarity_axis = QValueAxis()
        clarity_axis.setRange(-0.5, 10.5)
        clarity_axis.setTickType(QValueAxis.TickType.TicksDynamic)
        clarity_axis.setTickAnchor(0.0)
        clarity_axis.setTickInterval(5.0)
        clarity_axis.setLabelFormat("%d")
        clarity_axis.setTitleText(tr("clarity"))
        clarity_axis.setGridLineVisible(False)
        self._style_axis(clarity_axis)
        chart.addAxis(clarity_axis, Qt.AlignmentFlag.AlignRight)
        pairs = list(zip(points, xs, strict=True))
        for lane, (pid, name) in enumerate(zip(tl.partner_ids, tl.partner_names, strict=False)):
            colour = self.colours.partner(lane)
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
            line = self._line(name, colour, len(stance))
            self._series(chart, line, stance, describe.stance, (x_axis, stance_axis))
            self.stance_lines[pid] = line
            line = self._line(tr("%s · clarity") % name, colour, len(clarity), dashed=True)
            self._series(chart, line, clarity, describe.stance, (x_axis, clarity_axis))
            self._hide_from_legend(chart, line)  # the title says dashed is clarity
            self.clarity_lines[pid] = line


def _runs(indexes: list[int]) -> list[list[int]]:
    """Consecutive runs: [1, 2, 3, 5, 6] -> [[1, 2, 3], [5, 6]]."""
    runs: list[list[int]] = []
    for i in indexes:
        if runs and runs[-1][-1] == i - 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    return runs
