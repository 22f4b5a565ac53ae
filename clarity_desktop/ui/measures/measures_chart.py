"""One score of one instrument over the case: both partners' lines, the gap between them
shaded at sessions both answered, and, only where the definition gives them, the cut-off
as a dashed line and each partner's reliable-change band (their first score plus and minus
the reliable-change value: a later score outside it moved more than answering twice would).

Takes plain data (:class:`PartnerLine`), so it draws the same for any instrument; an empty
course shows a sentence instead of bare axes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from PySide6.QtCharts import (
    QAreaSeries,
    QChart,
    QChartView,
    QDateTimeAxis,
    QLineSeries,
    QScatterSeries,
    QValueAxis,
)
from PySide6.QtCore import QDate, QDateTime, QLocale, QPointF, Qt, QTime
from PySide6.QtGui import QColor, QPainter, QPen

PARTNER_COLOURS = (QColor(38, 92, 100), QColor(158, 97, 69))
GAP_COLOUR = QColor(120, 120, 120, 50)
BAND_ALPHA = 28
DAY_MS = 86_400_000


@dataclass(frozen=True)
class PartnerLine:
    name: str
    points: tuple[tuple[date, float], ...]  # scored answers, oldest first


def _ms(day: date) -> float:
    return float(QDateTime(QDate(day.year, day.month, day.day), QTime(12, 0)).toMSecsSinceEpoch())


class MeasureChart(QChartView):
    def __init__(self, parent: object = None) -> None:
        super().__init__(QChart())
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(260)
        self.chart().setAnimationOptions(QChart.AnimationOption.NoAnimation)
        # Numbers and month names in the interface's language ("2,5", "ago"), as its text.
        self.chart().setLocalizeNumbers(True)
        self.chart().setLocale(QLocale())
        self.gap_areas: list[QAreaSeries] = []
        self.bands: list[QAreaSeries] = []
        self.cutoff_line: QLineSeries | None = None
        self.lines: list[QLineSeries] = []

    def show_course(
        self,
        title: str,
        partners: Sequence[PartnerLine],
        gaps: Sequence[tuple[date, float, float]],  # day, one partner's score, the other's
        score_range: tuple[float, float],
        cutoff: float | None = None,
        reliable_change: float | None = None,
    ) -> None:
        chart = self.chart()
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        self.gap_areas, self.bands, self.lines, self.cutoff_line = [], [], [], None
        days = sorted({d for p in partners for d, _ in p.points})
        if not days:
            chart.setTitle(self.tr("No answers recorded yet for %1.").replace("%1", title))
            return
        chart.setTitle(title)
        x = QDateTimeAxis()
        span_days = (days[-1] - days[0]).days
        x.setFormat("d MMM" if span_days < 200 else "MMM yyyy")  # as the dashboard's
        first, last = _ms(days[0]) - 3 * DAY_MS, _ms(days[-1]) + 3 * DAY_MS
        x.setRange(
            QDateTime.fromMSecsSinceEpoch(int(first)), QDateTime.fromMSecsSinceEpoch(int(last))
        )
        y = QValueAxis()
        y.setRange(*score_range)
        chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)

        def attach(series: QLineSeries | QAreaSeries | QScatterSeries) -> None:
            chart.addSeries(series)
            series.attachAxis(x)
            series.attachAxis(y)

        for day, one, other in gaps:
            upper, lower = QLineSeries(), QLineSeries()
            upper.replace(
                [
                    QPointF(_ms(day) - DAY_MS, max(one, other)),
                    QPointF(_ms(day) + DAY_MS, max(one, other)),
                ]
            )
            lower.replace(
                [
                    QPointF(_ms(day) - DAY_MS, min(one, other)),
                    QPointF(_ms(day) + DAY_MS, min(one, other)),
                ]
            )
            area = QAreaSeries(upper, lower)
            upper.setParent(area)  # the area does not own its edges; Python would free them
            lower.setParent(area)
            area.setBrush(GAP_COLOUR)
            area.setPen(QPen(Qt.PenStyle.NoPen))
            area.setName(self.tr("Gap between partners") if not self.gap_areas else "")
            attach(area)
            self.gap_areas.append(area)
        for index, partner in enumerate(partners):
            colour = PARTNER_COLOURS[index % 2]
            if reliable_change is not None and partner.points:
                base = partner.points[0][1]
                upper, lower = QLineSeries(), QLineSeries()
                upper.replace(
                    [QPointF(first, base + reliable_change), QPointF(last, base + reliable_change)]
                )
                lower.replace(
                    [QPointF(first, base - reliable_change), QPointF(last, base - reliable_change)]
                )
                band = QAreaSeries(upper, lower)
                upper.setParent(band)
                lower.setParent(band)
                tint = QColor(colour)
                tint.setAlpha(BAND_ALPHA)
                band.setBrush(tint)
                band.setPen(QPen(Qt.PenStyle.NoPen))
                band.setName(self.tr("%1: within reliable change").replace("%1", partner.name))
                attach(band)
                self.bands.append(band)
            line = QLineSeries()
            line.setName(partner.name)
            pen = QPen(colour, 2.5)
            if index % 2:
                pen.setStyle(Qt.PenStyle.DashLine)
            line.setPen(pen)
            line.replace([QPointF(_ms(d), v) for d, v in partner.points])
            line.setPointsVisible(True)
            attach(line)
            self.lines.append(line)
        if cutoff is not None:
            self.cutoff_line = QLineSeries()
            self.cutoff_line.setName(self.tr("Cut-off"))
            self.cutoff_line.setPen(QPen(QColor(90, 90, 90), 1.5, Qt.PenStyle.DotLine))
            self.cutoff_line.replace([QPointF(first, cutoff), QPointF(last, cutoff)])
            attach(self.cutoff_line)
        for series in chart.series():  # one legend entry for the gap, none for its repeats
            if not series.name():
                for marker in chart.legend().markers(series):
                    marker.setVisible(False)
