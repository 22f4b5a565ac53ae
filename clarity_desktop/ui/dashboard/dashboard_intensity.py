"""The loop intensity chart of the case dashboard: the couple's loop intensity at each
joint session, a row of who flooded (each partner in their own colour and marker shape,
hollow at a private individual session) and a row of sessions where co-regulation was
seen. ChartBuilder (dashboard_charts.py) builds the other three charts and calls
_build_intensity; its texts keep the dashboard's translation context, "CaseDashboard".
"""

from __future__ import annotations

from PySide6.QtCharts import QChart, QLineSeries, QScatterSeries
from PySide6.QtCore import QCoreApplication

from clarity_desktop.domain.timeline import SessionPoint, Timeline
from clarity_desktop.ui.dashboard.dashboard_kit import ChartKit
from clarity_desktop.ui.dashboard.dashboard_style import PARTNER_SHAPES
from clarity_desktop.ui.dashboard.dashboard_tooltips import Describer


class IntensityChart(ChartKit):
    """Draws the intensity chart's series; ChartBuilder makes the chart and clears them."""

    intensity_chart: QChart
    # Filled by _build_intensity; read by tests.
    intensity_line: QLineSeries | None
    private_intensity_markers: QScatterSeries | None
    flooding_markers: dict[int, QScatterSeries]
    co_regulation_markers: QScatterSeries | None

    def _build_intensity(
        self,
        tl: Timeline,
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
            [
                (QCoreApplication.translate("CaseDashboard", "co-regulation"), co_reg_row),
                (QCoreApplication.translate("CaseDashboard", "flooding"), flood_row),
            ]
            + [(str(v), float(v)) for v in (0, 5, 10)],
        )
        pairs = list(zip(points, xs, strict=True))
        rows = [
            (p, x, float(p.couple.intensity))
            for p, x in pairs
            if p.couple is not None and p.couple.intensity is not None
        ]
        line = self._line(
            QCoreApplication.translate("CaseDashboard", "Loop intensity"),
            self.colours.couple,
            len(rows),
        )
        self._series(chart, line, rows, describe.intensity, (x_axis, y_axis))
        self.intensity_line = line
        hollow = self._hollow(
            QCoreApplication.translate("CaseDashboard", "Loop intensity · individual sessions"),
            self.colours.couple,
            8.0,
        )
        private = [r for r in rows if r[0].private]
        self._series(chart, hollow, private, describe.intensity, (x_axis, y_axis))
        self._hide_from_legend(chart, hollow)
        self.private_intensity_markers = hollow
        # Who flooded, in the partner's colour and marker shape; two partners flooding at
        # one session sit a little apart on the row.
        lanes = len(tl.partner_ids)
        for lane, (pid, name) in enumerate(zip(tl.partner_ids, tl.partner_names, strict=False)):
            y = flood_row + (0.0 if lanes < 2 else (0.22 if lane == 0 else -0.22))
            flooded = [
                (p, x, y) for p, x in pairs if (r := p.partners.get(pid)) is not None and r.flooded
            ]
            if not flooded:
                continue
            colour = self.colours.partner(lane)
            shape = PARTNER_SHAPES[lane % len(PARTNER_SHAPES)]
            label = (
                QCoreApplication.translate("CaseDashboard", "%s flooded") % name
                if lanes >= 2
                else QCoreApplication.translate("CaseDashboard", "Flooding")
            )
            shared = [r for r in flooded if not r[0].private]
            marker = self._scatter(label, colour, shape, 10.0)
            self._series(chart, marker, shared, describe.intensity, (x_axis, y_axis))
            self.flooding_markers[pid] = marker
            hollow = self._hollow(label, colour, 10.0, shape)
            private_floods = [r for r in flooded if r[0].private]
            self._series(chart, hollow, private_floods, describe.intensity, (x_axis, y_axis))
            if shared:  # one key per partner: the filled one unless all were private
                self._hide_from_legend(chart, hollow)
        co_reg = [
            (p, x, co_reg_row)
            for p, x in pairs
            if p.couple is not None and p.couple.co_regulation is True
        ]
        marker = self._scatter(
            QCoreApplication.translate("CaseDashboard", "Co-regulation"),
            self.colours.co_regulation,
            QScatterSeries.MarkerShape.MarkerShapeCircle,
            10.0,
        )
        self._series(chart, marker, co_reg, describe.intensity, (x_axis, y_axis))
        self.co_regulation_markers = marker
