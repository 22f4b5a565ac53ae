"""The drawing kit of the documents' charts (charts.py): the shared time axis, point
markers, legends and the frame every chart is drawn in, with reportlab.graphics.

Partners are told apart without colour too, so a greyscale print still reads: the first
partner is a solid line with round markers, the second a dashed line with square markers
(:data:`PARTNER_DASHES`, :data:`PARTNER_SHAPES`), in both partners' colours. A marker
drawn hollow is a reading from a private individual session, shown on the clinician's
choice (see summary.py).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from reportlab.graphics.shapes import Circle, Drawing, Group, Line, Polygon, PolyLine, Rect, String
from reportlab.lib.colors import Color, white
from reportlab.pdfbase.pdfmetrics import stringWidth

from clarity_desktop.domain.timeline import SessionPoint, Timeline
from clarity_desktop.reports import fonts
from clarity_desktop.reports.clinician_words import ENGLISH, Words

PARTNER_RGB: tuple[tuple[float, float, float], ...] = ((0.12, 0.39, 0.69), (0.77, 0.34, 0.10))
PARTNER_DASHES: tuple[list[float] | None, ...] = (None, [4.0, 2.6])
PARTNER_SHAPES: tuple[str, ...] = ("circle", "square")
INK = Color(0.16, 0.17, 0.19)
MUTED = Color(0.40, 0.42, 0.45)
AXIS = Color(0.55, 0.56, 0.58)
GRID = Color(0.86, 0.87, 0.88)
BAND = Color(0.955, 0.958, 0.962)
GAP = Color(0.80, 0.81, 0.83)
COUPLE = Color(0.22, 0.23, 0.26)

LABEL_WIDTH = 112.0  # room for the y labels, the same in every chart so the x axes align
RIGHT_PAD = 12.0
FONT_SIZE = 7.5
LEGEND_ROW = 13.0
X_LABELS = 16.0  # below the plot: tick labels
TOP_PAD = 5.0
DENSE_AT = 60  # beyond this many sessions, session dots and repeated markers are left out
MAX_TICKS = 7


_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def partner_colour(lane: int) -> Color:
    return Color(*PARTNER_RGB[lane % len(PARTNER_RGB)])


def partner_dash(lane: int) -> list[float] | None:
    return PARTNER_DASHES[lane % len(PARTNER_DASHES)]


def partner_shape(lane: int) -> str:
    return PARTNER_SHAPES[lane % len(PARTNER_SHAPES)]


def has_readings(point: SessionPoint) -> bool:
    """A session is drawn once anything was recorded at it: a step, a partner's reading
    or the couple's reading (the dashboard's rule)."""
    return point.recorded


def chart_points(timeline: Timeline) -> list[SessionPoint]:
    """The sessions the charts draw, oldest first."""
    return sorted((p for p in timeline.points if has_readings(p)), key=lambda p: p.starts_at)


# -- the time axis ----------------------------------------------------------------------


def day_number(when: datetime | date) -> float:
    """Days since 1 Jan of year 1, with the time of day as a fraction."""
    if isinstance(when, datetime):
        seconds = when.hour * 3600 + when.minute * 60 + when.second
        return when.toordinal() + seconds / 86400.0
    return float(when.toordinal())


def _add_months(value: date, months: int) -> date:
    total = value.year * 12 + value.month - 1 + months
    return date(total // 12, total % 12 + 1, 1)


def _day_label(value: date, with_year: bool, months: Sequence[str] = _MONTHS) -> str:
    text = f"{value.day} {months[value.month - 1]}"
    return f"{text} {value.year}" if with_year else text


def date_ticks(
    start: float, end: float, max_ticks: int = MAX_TICKS, months_said: Sequence[str] = _MONTHS
) -> list[tuple[float, str]]:
    """Tick positions and labels between two day numbers: days, weeks (Mondays) or the
    first of months, whichever gives the most ticks without passing *max_ticks*."""
    first, last = date.fromordinal(math.ceil(start)), date.fromordinal(math.floor(end))
    span = end - start
    for days in (1, 2, 7, 14):
        if span / days > max_ticks:
            continue
        tick = first
        if days >= 7:  # weeks start on Mondays
            tick = first + timedelta(days=(7 - first.weekday()) % 7)
        found: list[date] = []
        while tick <= last:
            found.append(tick)
            tick += timedelta(days=days)
        out = []
        for i, value in enumerate(found):
            with_year = i == 0 or value.year != found[i - 1].year
            out.append((float(value.toordinal()), _day_label(value, with_year, months_said)))
        return out
    for months in (1, 2, 3, 4, 6, 12, 24, 60, 120):
        if span / (30.44 * months) > max_ticks:
            continue
        tick = date(first.year, first.month, 1)
        if tick < first:
            tick = _add_months(tick, 1)
        while (tick.year * 12 + tick.month - 1) % months:
            tick = _add_months(tick, 1)
        months_out: list[tuple[float, str]] = []
        while tick <= last:
            month = months_said[tick.month - 1]
            label = str(tick.year) if months >= 12 else f"{month} {tick.year}"
            months_out.append((float(tick.toordinal()), label))
            tick = _add_months(tick, months)
        return months_out
    return []


@dataclass(frozen=True)
class TimeAxis:
    """The x axis every chart of one document shares."""

    start: float
    end: float
    ticks: tuple[tuple[float, str], ...]

    @classmethod
    def spanning(cls, times: Sequence[datetime], w: Words = ENGLISH) -> TimeAxis:
        """The axis over *times*, its month names in *w*'s language."""
        low = min(day_number(t) for t in times)
        high = max(day_number(t) for t in times)
        pad = max((high - low) * 0.03, 2.0)
        start, end = low - pad, high + pad
        return cls(start, end, tuple(date_ticks(start, end, months_said=w.months)))

    def fraction(self, when: datetime) -> float:
        return (day_number(when) - self.start) / (self.end - self.start)


# -- drawing kit ------------------------------------------------------------------------


def text(
    x: float,
    y: float,
    text: str,
    *,
    anchor: str = "start",
    size: float = FONT_SIZE,
    colour: Color = MUTED,
    bold: bool = False,
) -> String:
    return String(
        x,
        y,
        text,
        fontName=fonts.BOLD if bold else fonts.REGULAR,
        fontSize=size,
        fillColor=colour,
        textAnchor=anchor,
    )


def width_of(text: str, size: float = FONT_SIZE) -> float:
    return float(stringWidth(text, fonts.REGULAR, size))


def wrap_label(text: str, width: float, size: float = FONT_SIZE) -> list[str]:
    """One line, or two cut at the space that balances them best."""
    if width_of(text, size) <= width or " " not in text:
        return [text]
    spaces = [i for i, c in enumerate(text) if c == " "]
    cut = min(spaces, key=lambda i: abs(width_of(text[:i], size) - width_of(text[i + 1 :], size)))
    return [text[:cut], text[cut + 1 :]]


def marker(
    shape: str,
    x: float,
    y: float,
    size: float,
    fill: Color,
    stroke: Color = white,
    *,
    hollow: bool = False,
) -> Group:
    """A point marker centred on (x, y); *size* is about its half-width. *hollow*: white
    inside, outlined in *fill* (a reading from a private individual session)."""
    g = Group()
    width = 0.6
    if hollow:
        fill, stroke, width = white, fill, 1.0
    if shape == "circle":
        g.add(Circle(x, y, size, fillColor=fill, strokeColor=stroke, strokeWidth=width))
        return g
    if shape == "diamond":
        points = [x, y + size * 1.25, x + size * 1.25, y, x, y - size * 1.25, x - size * 1.25, y]
    elif shape == "square":
        s = size * 0.95
        points = [x - s, y - s, x + s, y - s, x + s, y + s, x - s, y + s]
    elif shape == "triangle":
        s = size * 1.2
        points = [x - s, y - s * 0.8, x + s, y - s * 0.8, x, y + s * 1.0]
    elif shape == "pentagon":
        points = []
        for i in range(5):
            angle = math.pi / 2 + i * 2 * math.pi / 5
            points += [x + size * 1.25 * math.cos(angle), y + size * 1.25 * math.sin(angle)]
    elif shape == "star":
        points = []
        for i in range(10):
            radius = size * 1.4 if i % 2 == 0 else size * 0.6
            angle = math.pi / 2 + i * math.pi / 5
            points += [x + radius * math.cos(angle), y + radius * math.sin(angle)]
    else:
        raise ValueError(f"unknown marker shape {shape!r}")
    g.add(Polygon(points, fillColor=fill, strokeColor=stroke, strokeWidth=width))
    return g


# A legend entry: draws its swatch at (x, y) (the text's baseline) and gives its label.
Swatch = Callable[[Group, float, float], None]


def line_swatch(
    colour: Color,
    *,
    dot: bool = True,
    width: float = 1.6,
    dash: list[float] | None = None,
    shape: str = "circle",
) -> Swatch:
    def draw(g: Group, x: float, y: float) -> None:
        g.add(
            Line(
                x,
                y + 2.6,
                x + 16,
                y + 2.6,
                strokeColor=colour,
                strokeWidth=width,
                strokeDashArray=dash,
            )
        )
        if dot:
            g.add(marker(shape, x + 8, y + 2.6, 2.3, colour))

    return draw


def partner_swatch(lane: int) -> Swatch:
    """A partner's line in the legend: colour, dash and marker shape, as drawn."""
    return line_swatch(partner_colour(lane), dash=partner_dash(lane), shape=partner_shape(lane))


def shape_swatch(shape: str, colour: Color, *, hollow: bool = False) -> Swatch:
    def draw(g: Group, x: float, y: float) -> None:
        g.add(marker(shape, x + 8, y + 2.6, 3.2, colour, hollow=hollow))

    return draw


def block_swatch(colour: Color) -> Swatch:
    def draw(g: Group, x: float, y: float) -> None:
        g.add(Rect(x + 1, y - 1, 14, 7.5, fillColor=colour, strokeColor=None))

    return draw


def legend(items: Sequence[tuple[Swatch, str]], left: float, width: float) -> tuple[Group, float]:
    """The entries laid out in rows from the top; returns the group (drawn with its top
    row at y = 0 and further rows below) and its height."""
    g = Group()
    x, row = left, 0
    for swatch, label in items:
        need = 20 + width_of(label) + 12
        if x > left and x + need > left + width:
            x, row = left, row + 1
        y = -row * LEGEND_ROW
        swatch(g, x, y)
        g.add(text(x + 20, y, label, colour=INK))
        x += need
    return g, (row + 1) * LEGEND_ROW


class Frame:
    """A drawing with a legend at the top, a plot area and the shared time axis below."""

    def __init__(
        self,
        width: float,
        plot_height: float,
        axis: TimeAxis,
        legend_items: Sequence[tuple[Swatch, str]],
    ) -> None:
        fonts.register_fonts()  # the labels are measured in the document's font
        self.axis = axis
        self.left = LABEL_WIDTH
        self.plot_width = width - LABEL_WIDTH - RIGHT_PAD
        group, legend_height = legend(legend_items, LABEL_WIDTH, self.plot_width)
        self.bottom = X_LABELS
        self.plot_height = plot_height
        height = X_LABELS + plot_height + 8 + legend_height + TOP_PAD
        self.drawing = Drawing(width, height)
        # The renderer starts every drawing in reportlab's base font (Helvetica, never
        # embedded) unless the drawing names its own.
        self.drawing.initialFontName = fonts.REGULAR
        self.drawing.hAlign = "LEFT"
        self._legend = group
        self._legend_top = height - TOP_PAD - FONT_SIZE
        self.top = self.bottom + plot_height

    def x(self, when: datetime) -> float:
        return self.left + self.axis.fraction(when) * self.plot_width

    def add(self, shape: object) -> None:
        self.drawing.add(shape)

    def background(self) -> None:
        self.add(
            Rect(
                self.left,
                self.bottom,
                self.plot_width,
                self.plot_height,
                fillColor=white,
                strokeColor=None,
            )
        )

    def time_axis(self, bottom: float | None = None) -> None:
        """Vertical grid at the ticks, the baseline and the tick labels."""
        base = self.bottom if bottom is None else bottom
        for position, label in self.axis.ticks:
            x = (
                self.left
                + (position - self.axis.start) / (self.axis.end - self.axis.start) * self.plot_width
            )
            self.add(Line(x, base, x, self.top, strokeColor=GRID, strokeWidth=0.4))
            self.add(Line(x, base - 2.5, x, base, strokeColor=AXIS, strokeWidth=0.6))
            half = width_of(label) / 2
            anchor, at = "middle", x
            if x + half > self.drawing.width:
                anchor, at = "end", self.drawing.width
            self.add(text(at, base - 10, label, anchor=anchor))
        self.add(
            Line(
                self.left,
                base,
                self.left + self.plot_width,
                base,
                strokeColor=AXIS,
                strokeWidth=0.6,
            )
        )
        self.add(Line(self.left, base, self.left, self.top, strokeColor=AXIS, strokeWidth=0.6))

    def finish(self) -> Drawing:
        self._legend.translate(0, self._legend_top)
        self.add(self._legend)
        return self.drawing


def polyline(
    points: list[tuple[float, float]],
    colour: Color,
    width: float = 1.6,
    dash: list[float] | None = None,
) -> PolyLine:
    flat = [v for xy in points for v in xy]
    return PolyLine(
        flat,
        strokeColor=colour,
        strokeWidth=width,
        strokeLineJoin=1,
        strokeLineCap=1,
        strokeDashArray=dash,
    )


def partner_items(timeline: Timeline) -> list[tuple[Swatch, str]]:
    return [(partner_swatch(lane), name) for lane, name in enumerate(timeline.partner_names)]


PRIVATE_KEY = "hollow: individual session (private)"


def private_item(points: Sequence[SessionPoint], w: Words = ENGLISH) -> list[tuple[Swatch, str]]:
    """The legend entry for hollow markers, when a private session is drawn."""
    if not any(p.private for p in points):
        return []
    return [(shape_swatch("circle", MUTED, hollow=True), w(PRIVATE_KEY))]
