"""The parts every dashboard chart shares: styling from the palette, axes, series filled
in one go, and the map from a series' points back to sessions for clicks and tooltips.

Series are filled with one ``replace()`` call on a list of points, never point by point,
and animations are off, so a 300-session case redraws at once.

A partner is drawn as three series (:meth:`ChartKit._partner`): the line (hidden from the
legend; stepped on the steps chart), the session markers in the partner's shape (filled,
or hollow for a private session; only the hollow ones in a long case, where filled ones
would merge into a thick line) and a legend entry with no points whose key is the
partner's marker shape in their colour.

Texts are never cut short: see dashboard_fit.py.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial

from PySide6.QtCharts import (
    QAbstractAxis,
    QAreaSeries,
    QCategoryAxis,
    QChart,
    QChartView,
    QDateTimeAxis,
    QLegend,
    QLineSeries,
    QScatterSeries,
    QXYSeries,
)
from PySide6.QtCore import QDateTime, QMargins, QPointF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QCursor,
    QFont,
    QPainter,
    QPen,
)
from PySide6.QtWidgets import QToolTip, QWidget

from clarity_desktop.domain.marks import step_corners
from clarity_desktop.domain.timeline import SessionPoint
from clarity_desktop.ui.dashboard.dashboard_fit import EDGE, LABELS, TITLE, FittingChartView
from clarity_desktop.ui.dashboard.dashboard_style import (
    DAY_MS,
    PARTNER_DASHES,
    PARTNER_PEN_STYLES,
    PARTNER_SHAPES,
    POINTS_VISIBLE_UP_TO,
    Colours,
)

Rows = Sequence[tuple[SessionPoint, float, float]]
LEGEND_SHAPES = (QLegend.MarkerShape.MarkerShapeCircle, QLegend.MarkerShape.MarkerShapeRectangle)


@dataclass
class PartnerSeries:
    """One partner's line and markers in one chart."""

    line: QLineSeries
    markers: QScatterSeries  # sessions that are not private (none in a long case)
    hollow: QScatterSeries  # private sessions, always drawn
    legend: QLineSeries  # no points: the legend's key for the partner, in their shape


@dataclass
class Track:
    """Which session each point of a series belongs to, and how to describe it."""

    sessions: list[SessionPoint]
    xs: list[float]
    ys: list[float]
    describe: Callable[[SessionPoint], str]

    def index_near(self, point: QPointF) -> int | None:
        """The point nearest in time to *point* (a click on a line lands between two
        sessions); among sessions at the same moment, the nearest in value."""
        if not self.xs:
            return None
        i = bisect.bisect_left(self.xs, point.x())
        candidates = [j for j in (i - 1, i) if 0 <= j < len(self.xs)]
        best = min(candidates, key=lambda j: abs(self.xs[j] - point.x()))
        same = [j for j, x in enumerate(self.xs) if x == self.xs[best]]
        return min(same, key=lambda j: abs(self.ys[j] - point.y()))


def make_view(chart: QChart, name: str) -> QChartView:
    view = FittingChartView(chart)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setAccessibleName(name)
    view.setMinimumSize(280, 200)
    return view


class ChartKit:
    """Chart-making helpers and the click/hover plumbing; ChartBuilder adds the charts."""

    charts: tuple[QChart, ...] = ()
    colours: Colours  # set by apply_palette(), which the dashboard calls before any build
    small_font: QFont

    def __init__(self, owner: QWidget, on_click: Callable[[int], None]) -> None:
        self.owner = owner
        self.on_click = on_click
        self.tracks: dict[QXYSeries, Track] = {}

    # -- set-up ---------------------------------------------------------------------------

    def _chart(self, title: str) -> QChart:
        chart = QChart()
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        chart.setTitle(title)
        chart.setProperty(TITLE, title)
        chart.setMargins(QMargins(EDGE, EDGE, EDGE, EDGE))
        chart.layout().setContentsMargins(0, 0, 0, 0)
        chart.setBackgroundRoundness(0)
        legend = chart.legend()
        legend.setAlignment(Qt.AlignmentFlag.AlignTop)
        legend.setMarkerShape(QLegend.MarkerShape.MarkerShapeFromSeries)
        return chart

    def apply_palette(self, colours: Colours, font: QFont) -> None:
        theme = (
            QChart.ChartTheme.ChartThemeDark if colours.dark else QChart.ChartTheme.ChartThemeLight
        )
        title_font = QFont(font)
        title_font.setWeight(QFont.Weight.DemiBold)
        small = QFont(font)
        small.setPointSizeF(max(7.0, font.pointSizeF() * 0.9))
        for chart in self.charts:
            chart.setTheme(theme)
            chart.setBackgroundBrush(QBrush(colours.background))
            chart.setBackgroundPen(QPen(Qt.PenStyle.NoPen))
            chart.setTitleBrush(QBrush(colours.text))
            chart.setTitleFont(title_font)
            chart.legend().setLabelColor(colours.text)
            chart.legend().setFont(small)
        self.colours = colours
        self.small_font = small

    def _series(
        self,
        chart: QChart,
        series: QXYSeries,
        rows: Rows,
        describe: Callable[[SessionPoint], str],
        axes: tuple[QAbstractAxis, QAbstractAxis],
    ) -> None:
        series.replace([QPointF(x, y) for _, x, y in rows])
        chart.addSeries(series)
        series.attachAxis(axes[0])
        series.attachAxis(axes[1])
        self.tracks[series] = Track(
            [p for p, _, _ in rows], [x for _, x, _ in rows], [y for _, _, y in rows], describe
        )
        if not rows:
            self._hide_from_legend(chart, series)  # no key for what is not drawn
        series.clicked.connect(partial(self._clicked, series))
        series.hovered.connect(partial(self._hovered, series))

    # -- partners -------------------------------------------------------------------------

    def _partner(
        self,
        chart: QChart,
        lane: int,
        name: str,
        rows: Rows,
        describe: Callable[[SessionPoint], str],
        axes: tuple[QAbstractAxis, QAbstractAxis],
        *,
        stepped: bool = False,
        width: float = 2.0,
        marker_size: float = 8.0,
        in_legend: bool = True,
    ) -> PartnerSeries:
        """The partner's line through *rows*, their markers and their legend entry."""
        colour = self.colours.partner(lane)
        style = PARTNER_PEN_STYLES[lane % len(PARTNER_PEN_STYLES)]
        shape = PARTNER_SHAPES[lane % len(PARTNER_SHAPES)]
        path = list(rows)
        if stepped:  # held until the next recorded step, then up or down there
            path = [(rows[i][0], rows[i][1], y) for i, y in step_corners([r[2] for r in rows])]
        line = self._line(name, colour, 0, width=width, style=style)
        dashes = PARTNER_DASHES[lane % len(PARTNER_DASHES)]
        if dashes:
            pen = line.pen()
            pen.setDashPattern(list(dashes))
            line.setPen(pen)
        line.setPointsVisible(False)  # the markers are series of their own
        self._series(chart, line, path, describe, axes)
        self._hide_from_legend(chart, line)
        dense = len(rows) > POINTS_VISIBLE_UP_TO
        shared = [] if dense else [r for r in rows if not r[0].private]
        markers = self._scatter(f"{name} · sessions", colour, shape, marker_size)
        self._series(chart, markers, shared, describe, axes)
        self._hide_from_legend(chart, markers)
        # Private sessions stay marked however long the case, smaller when it is long.
        size = marker_size * 0.7 if dense else marker_size
        hollow = self._hollow(f"{name} · individual sessions", colour, size, shape)
        self._series(chart, hollow, [r for r in rows if r[0].private], describe, axes)
        self._hide_from_legend(chart, hollow)
        # The partner's key: a series with nothing drawn whose legend marker takes the
        # partner's shape (a line's own key is a short stroke too small to show a dash).
        legend = self._line(name, colour, 0, width=width, style=style)
        chart.addSeries(legend)
        legend.attachAxis(axes[0])
        legend.attachAxis(axes[1])
        for key in chart.legend().markers(legend):
            key.setShape(LEGEND_SHAPES[lane % len(LEGEND_SHAPES)])
            key.setBrush(QBrush(colour))
            key.setPen(QPen(colour, 1.0))
        if not in_legend or not rows:
            self._hide_from_legend(chart, legend)
        return PartnerSeries(line, markers, hollow, legend)

    def _line(
        self,
        name: str,
        colour: QColor,
        count: int,
        dashed: bool = False,
        *,
        width: float = 2.0,
        style: Qt.PenStyle = Qt.PenStyle.SolidLine,
    ) -> QLineSeries:
        series = QLineSeries()
        series.setName(name)
        pen = QPen(colour, width)
        pen.setStyle(Qt.PenStyle.DashLine if dashed else style)
        series.setPen(pen)
        series.setColor(colour)
        series.setPointsVisible(count <= POINTS_VISIBLE_UP_TO)
        series.setMarkerSize(3.0)  # a radius for line series (a diameter for scatter)
        return series

    def _scatter(
        self, name: str, colour: QColor, shape: QScatterSeries.MarkerShape, size: float
    ) -> QScatterSeries:
        series = QScatterSeries()
        series.setName(name)
        series.setMarkerShape(shape)
        series.setMarkerSize(size)
        series.setColor(colour)
        series.setBorderColor(self.colours.background)
        return series

    def _x_axis(self, chart: QChart, x_range: tuple[float, float]) -> QDateTimeAxis:
        axis = QDateTimeAxis()
        span_days = (x_range[1] - x_range[0]) / DAY_MS
        axis.setFormat("d MMM" if span_days < 200 else "MMM yyyy")
        axis.setTickCount(5)
        axis.setRange(
            QDateTime.fromMSecsSinceEpoch(int(x_range[0])),
            QDateTime.fromMSecsSinceEpoch(int(x_range[1])),
        )
        self._style_axis(axis)
        chart.addAxis(axis, Qt.AlignmentFlag.AlignBottom)
        return axis

    def _style_axis(self, axis: QAbstractAxis) -> None:
        axis.setLabelsColor(self.colours.muted)
        axis.setLabelsFont(self.small_font)
        axis.setGridLineColor(self.colours.grid)
        axis.setLinePenColor(self.colours.grid)
        axis.setTitleBrush(QBrush(self.colours.muted))
        axis.setTitleFont(self.small_font)

    def _category_axis(
        self,
        chart: QChart,
        low: float,
        high: float,
        labels: Sequence[tuple[str, float]],
        align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft,
        centred: bool = False,
    ) -> QCategoryAxis:
        axis = QCategoryAxis()
        axis.setRange(low, high)
        axis.setStartValue(low)
        for label, end in labels:
            axis.append(label, end)
        axis.setProperty(LABELS, [label for label, _ in labels])  # fit_texts wraps them
        axis.setLabelsPosition(
            QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionCenter
            if centred
            else QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue
        )
        self._style_axis(axis)
        chart.addAxis(axis, align)
        return axis

    def _hollow(
        self,
        name: str,
        colour: QColor,
        size: float,
        shape: QScatterSeries.MarkerShape = QScatterSeries.MarkerShape.MarkerShapeCircle,
    ) -> QScatterSeries:
        """Markers for readings from private individual sessions: outlined, not filled."""
        series = self._scatter(name, colour, shape, size)
        series.setBrush(QBrush(self.colours.background))
        series.setPen(QPen(colour, 1.8))
        return series

    @staticmethod
    def _hide_from_legend(chart: QChart, series: QXYSeries | QAreaSeries) -> None:
        for marker in chart.legend().markers(series):
            marker.setVisible(False)

    # -- interaction ----------------------------------------------------------------------

    def _session_near(self, series: QXYSeries, point: QPointF) -> SessionPoint | None:
        track = self.tracks.get(series)
        index = None if track is None else track.index_near(point)
        return None if track is None or index is None else track.sessions[index]

    def session_at(self, series: QXYSeries, point: QPointF) -> int | None:
        """The id of the session the point nearest *point* on *series* belongs to."""
        session = self._session_near(series, point)
        return None if session is None else session.session_id

    def _clicked(self, series: QXYSeries, point: QPointF) -> None:
        session_id = self.session_at(series, point)
        if session_id is not None:
            self.on_click(session_id)

    def tooltip_at(self, series: QXYSeries, point: QPointF) -> str:
        session = self._session_near(series, point)
        return "" if session is None else self.tracks[series].describe(session)

    def _hovered(self, series: QXYSeries, point: QPointF, state: bool) -> None:
        if not state:
            QToolTip.hideText()
            return
        text = self.tooltip_at(series, point)
        if text:
            QToolTip.showText(QCursor.pos(), text, self.owner)
