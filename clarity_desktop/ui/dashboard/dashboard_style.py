"""Colours, shapes and small helpers shared by the dashboard's charts, header and tests.

Colours come in pairs that read on both light and dark backgrounds; which set is used
follows the palette's window lightness, so a dark desktop gets lighter lines. Partners
are never told apart by colour alone: the first has a solid line and round markers, the
second a dashed line and square markers (as in the printed documents), so a greyscale
screenshot or a colour-blind reader still tells them apart. A hollow marker is a reading
from a private individual session.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCharts import QScatterSeries
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QPalette

from clarity_desktop.domain.steps import Direction, Step
from clarity_desktop.domain.timeline import SessionPoint
from clarity_desktop.ui.common import labels

LANE_OFFSET = 0.16  # how far a partner's lane sits above (first) or below (second) the step
POINTS_VISIBLE_UP_TO = 60  # beyond this many points, markers would merge into a thick line
DAY_MS = 86_400_000.0

# Each partner's own line style and marker shape, after their colour.
PARTNER_PEN_STYLES = (Qt.PenStyle.SolidLine, Qt.PenStyle.DashLine)
# The second partner's dashes, in line widths: gaps wide enough to see at a glance.
PARTNER_DASHES: tuple[tuple[float, ...], ...] = ((), (3.0, 2.5))
PARTNER_SHAPES = (
    QScatterSeries.MarkerShape.MarkerShapeCircle,
    QScatterSeries.MarkerShape.MarkerShapeRectangle,
)
PARTNER_GLYPHS = ("●", "■")

# Partners' own markers are circles and squares, so no direction uses either.
DIRECTION_SHAPES: dict[Direction, QScatterSeries.MarkerShape] = {
    Direction.REPAIR: QScatterSeries.MarkerShape.MarkerShapeRotatedRectangle,
    Direction.REDEFINITION: QScatterSeries.MarkerShape.MarkerShapePentagon,
    Direction.LETTING_GO: QScatterSeries.MarkerShape.MarkerShapeTriangle,
    Direction.NOT_YET_CLEAR: QScatterSeries.MarkerShape.MarkerShapeStar,
}
DIRECTION_GLYPHS: dict[Direction, str] = {
    Direction.REPAIR: "◆",
    Direction.REDEFINITION: "⬟",
    Direction.LETTING_GO: "▲",
    Direction.NOT_YET_CLEAR: "★",
}


def tr(text: str) -> str:
    return QCoreApplication.translate("CaseDashboard", text)


@dataclass(frozen=True)
class Colours:
    """Colours for one palette. Partner pairs are blue/orange (distinct for the common
    colour-vision deficiencies), darker on light backgrounds and lighter on dark ones."""

    dark: bool
    partners: tuple[QColor, QColor]
    couple: QColor
    flooding: QColor
    co_regulation: QColor
    gap: QColor
    text: QColor
    muted: QColor
    grid: QColor
    background: QColor

    def partner(self, index: int) -> QColor:
        return self.partners[index % len(self.partners)]


def colours_for(palette: QPalette) -> Colours:
    window = palette.color(QPalette.ColorRole.Window)
    dark = window.lightnessF() < 0.5
    text = palette.color(QPalette.ColorRole.WindowText)
    grid = QColor(text)
    grid.setAlphaF(0.14)
    base = palette.color(QPalette.ColorRole.Base)
    muted = QColor.fromRgbF(
        0.7 * text.redF() + 0.3 * base.redF(),
        0.7 * text.greenF() + 0.3 * base.greenF(),
        0.7 * text.blueF() + 0.3 * base.blueF(),
    )
    gap = QColor(text)
    gap.setAlphaF(0.13 if dark else 0.10)
    if dark:
        partners = (QColor("#6cb6f5"), QColor("#f5a25d"))
        couple, flooding, co_reg = QColor("#c7b0f5"), QColor("#ff7b72"), QColor("#56d3a0")
    else:
        partners = (QColor("#1f63b0"), QColor("#c4561a"))
        couple, flooding, co_reg = QColor("#5b3e96"), QColor("#b3261e"), QColor("#17835a")
    return Colours(
        dark=dark,
        partners=partners,
        couple=couple,
        flooding=flooding,
        co_regulation=co_reg,
        gap=gap,
        text=text,
        muted=muted,
        grid=grid,
        background=base,
    )


def to_ms(dt: datetime) -> float:
    """Milliseconds since the epoch, reading the naive session time as local wall-clock
    time, as QDateTimeAxis will show it."""
    return dt.timestamp() * 1000.0


def step_label(step: Step, wrap: bool = True) -> str:
    """ "3 · Lean In". For the axis (*wrap*), long names break onto a second line (axis
    labels are rich text) so the plot keeps its width."""
    label = labels.step_label(step)
    if wrap and len(label) > 22 and " " in label[12:]:
        cut = label.rfind(" ", 0, 22)
        label = label[:cut] + "<br>" + label[cut + 1 :]
    return label


def lane_y(step: Step, lane: int, lanes: int) -> float:
    """Where a partner's step sits: the step's band, nudged up (first partner) or down."""
    if lanes < 2:
        return float(step)
    return float(step) + (LANE_OFFSET if lane == 0 else -LANE_OFFSET)


def has_readings(point: SessionPoint) -> bool:
    """A session counts for the charts once anything was recorded: a step, a partner's
    reading or the couple's reading."""
    return point.recorded
