"""Chart texts never cut short, in any language.

QtCharts elides a legend key, a title or an axis label that does not fit ("distancia
entre e..."). :func:`fit_texts` sizes them from their text whenever a chart is built or
its view resized: the legend flows into as many rows under the plot as its keys need,
and a title or a category axis's label too wide for its room breaks between words.
Every dashboard chart sits in a FittingChartView (dashboard_kit.make_view).
"""

from __future__ import annotations

import re

from PySide6.QtCharts import QCategoryAxis, QChart, QChartView
from PySide6.QtCore import QMargins, QRectF, Qt
from PySide6.QtGui import QFontMetricsF, QResizeEvent


def fit_texts(chart: QChart) -> None:
    """Legend and title sized from their text so that QtCharts never elides them.

    The legend is detached and laid under the plot, where QtCharts flows its keys into as
    many rows as the width needs (attached, it keeps one row and cuts the labels short);
    the chart's bottom margin makes room for those rows."""
    legend = chart.legend()
    metrics = QFontMetricsF(legend.font())
    # Generous guesses (a blank row is harmless, a key off the chart is not): a key's
    # marker and gaps, and the legend's own inner margins.
    key, inner = metrics.height() * 2.2, metrics.height()
    room = max(1.0, chart.size().width() - 2 * EDGE)
    widths = [metrics.horizontalAdvance(m.label()) + key for m in legend.markers() if m.isVisible()]
    # QtCharts' own rule for a detached legend: after placing a key, the next goes on a
    # new row when one more key as wide as this one would pass the right edge.
    rows, x = (1 if widths else 0), 0.0
    for width in widths[:-1]:
        x += width
        if x + width > room - inner:
            rows, x = rows + 1, 0.0
    height = rows * metrics.height() * 1.6 + (metrics.height() * 0.4 if rows else 0)
    if legend.isAttachedToChart():
        legend.detachFromChart()
    legend.setAlignment(Qt.AlignmentFlag.AlignTop)  # detached: rows, filled from the top
    legend.setGeometry(QRectF(EDGE, chart.size().height() - height - EDGE, room, height))
    chart.setMargins(QMargins(EDGE, EDGE, EDGE, EDGE + int(height + 0.5)))
    title = str(chart.property(TITLE) or chart.title())
    chart.setTitle(wrapped(title, QFontMetricsF(chart.titleFont()), room))
    vertical = chart.axes(Qt.Orientation.Vertical)
    # QtCharts gives the vertical axes at most AXIS_SHARE of the width between them and
    # elides what is wider; the labels are broken into lines to fit their share.
    share = AXIS_SHARE * room / max(1, len(vertical)) - metrics.height() * 3
    for axis in vertical:
        if isinstance(axis, QCategoryAxis):
            words = QFontMetricsF(axis.labelsFont())
            originals = axis.property(LABELS) or []
            for shown, label in zip(axis.categoriesLabels(), originals, strict=False):
                axis.replaceLabel(shown, wrapped(label, words, share))


EDGE = 2  # the chart's own margin, in pixels
AXIS_SHARE = 0.4  # QtCharts' limit on the vertical axes' part of the chart's width
TITLE = "clarityTitle"  # the chart's title as written, before fit_texts breaks it
LABELS = "clarityLabels"  # a category axis's labels as written


def wrapped(text: str, metrics: QFontMetricsF, room: float) -> str:
    """*text* (a chart's title, an axis label) broken into lines (<br>) no wider than
    *room* where it has spaces or hyphens to break at; its own <br> are kept."""
    lines: list[str] = []
    for part in text.split("<br>"):
        line = ""
        for word in re.findall(r"[^ -]+-?|-", part):
            joined = f"{line}{'' if line.endswith('-') else ' '}{word}" if line else word
            if not line or metrics.horizontalAdvance(joined) <= room:
                line = joined
            else:
                lines.append(line)
                line = word
        lines.append(line)
    return "<br>".join(lines)


class FittingChartView(QChartView):
    """A chart view that refits its chart's legend and title to each new size."""

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        fit_texts(self.chart())
