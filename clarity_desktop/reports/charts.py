"""The charts of the case summary and the progress report, drawn with reportlab.graphics.

Three charts share one time axis, so a session sits at the same x in each:

- steps: the five steps as bands (named on the left, like the program's dashboard), one
  line per partner in a lane of its own inside each band, so two partners at one step
  stay two lines; a direction recorded from step 4 on is a marker on the line;
- pursue and withdraw: each partner from -3 (withdrawing) to +3 (pursuing), the distance
  between them shaded grey;
- loop intensity: the couple's rating 0-10, with flooding (a triangle in the colour of
  the partner who flooded) and co-regulation (a dot) on rows of their own underneath.

Drawn for paper: two partner colours (a blue and an orange that stay apart for the
common colour-vision deficiencies and in greyscale), everything else in greys; every
chart carries its own legend and axis labels as real text, so they print, extract and
search like the rest of the document. Missing readings are skipped, never drawn as zero,
and nothing here combines readings into a couple score or draws a target line.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from reportlab.graphics.shapes import Circle, Drawing, Group, Line, Polygon, PolyLine, Rect, String
from reportlab.lib.colors import Color, white
from reportlab.pdfbase.pdfmetrics import stringWidth

from clarity_desktop.domain.steps import Direction, Step
from clarity_desktop.domain.timeline import SessionPoint, Timeline
from clarity_desktop.reports import fonts

PARTNER_RGB: tuple[tuple[float, float, float], ...] = ((0.12, 0.39, 0.69), (0.77, 0.34, 0.10))
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

DIRECTION_ORDER = (
    Direction.REPAIR,
    Direction.REDEFINITION,
    Direction.LETTING_GO,
    Direction.NOT_YET_CLEAR,
)

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def partner_colour(lane: int) -> Color:
    return Color(*PARTNER_RGB[lane % len(PARTNER_RGB)])


def has_readings(point: SessionPoint) -> bool:
    """A session is drawn once anything was recorded at it: a step, a partner's reading
    or the couple's reading (the dashboard's rule)."""
    if point.steps:
        return True
    if any(not r.is_empty for r in point.partners.values()):
        return True
    return point.couple is not None and not point.couple.is_empty


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


def _day_label(value: date, with_year: bool) -> str:
    text = f"{value.day} {_MONTHS[value.month - 1]}"
    return f"{text} {value.year}" if with_year else text


def date_ticks(start: float, end: float, max_ticks: int = MAX_TICKS) -> list[tuple[float, str]]:
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
            out.append((float(value.toordinal()), _day_label(value, with_year)))
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
            label = str(tick.year) if months >= 12 else f"{_MONTHS[tick.month - 1]} {tick.year}"
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
    def spanning(cls, times: Sequence[datetime]) -> TimeAxis:
        low = min(day_number(t) for t in times)
        high = max(day_number(t) for t in times)
        pad = max((high - low) * 0.03, 2.0)
        start, end = low - pad, high + pad
        return cls(start, end, tuple(date_ticks(start, end)))

    def fraction(self, when: datetime) -> float:
        return (day_number(when) - self.start) / (self.end - self.start)


# -- drawing kit ------------------------------------------------------------------------


def _text(
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


def _width(text: str, size: float = FONT_SIZE) -> float:
    return float(stringWidth(text, fonts.REGULAR, size))


def _wrap_label(text: str, width: float, size: float = FONT_SIZE) -> list[str]:
    """One line, or two cut at the space that balances them best."""
    if _width(text, size) <= width or " " not in text:
        return [text]
    spaces = [i for i, c in enumerate(text) if c == " "]
    cut = min(spaces, key=lambda i: abs(_width(text[:i], size) - _width(text[i + 1 :], size)))
    return [text[:cut], text[cut + 1 :]]


def marker(
    shape: str, x: float, y: float, size: float, fill: Color, stroke: Color = white
) -> Group:
    """A point marker centred on (x, y); *size* is about its half-width."""
    g = Group()
    if shape == "circle":
        g.add(Circle(x, y, size, fillColor=fill, strokeColor=stroke, strokeWidth=0.6))
        return g
    if shape == "diamond":
        points = [x, y + size * 1.25, x + size * 1.25, y, x, y - size * 1.25, x - size * 1.25, y]
    elif shape == "square":
        s = size * 0.95
        points = [x - s, y - s, x + s, y - s, x + s, y + s, x - s, y + s]
    elif shape == "triangle":
        s = size * 1.2
        points = [x - s, y - s * 0.8, x + s, y - s * 0.8, x, y + s * 1.0]
    elif shape == "star":
        points = []
        for i in range(10):
            radius = size * 1.4 if i % 2 == 0 else size * 0.6
            angle = math.pi / 2 + i * math.pi / 5
            points += [x + radius * math.cos(angle), y + radius * math.sin(angle)]
    else:
        raise ValueError(f"unknown marker shape {shape!r}")
    g.add(Polygon(points, fillColor=fill, strokeColor=stroke, strokeWidth=0.6))
    return g


DIRECTION_SHAPES: dict[Direction, str] = {
    Direction.REPAIR: "diamond",
    Direction.REDEFINITION: "square",
    Direction.LETTING_GO: "triangle",
    Direction.NOT_YET_CLEAR: "star",
}

# A legend entry: draws its swatch at (x, y) (the text's baseline) and gives its label.
Swatch = Callable[[Group, float, float], None]


def line_swatch(colour: Color, *, dot: bool = True, width: float = 1.6) -> Swatch:
    def draw(g: Group, x: float, y: float) -> None:
        g.add(Line(x, y + 2.6, x + 16, y + 2.6, strokeColor=colour, strokeWidth=width))
        if dot:
            g.add(marker("circle", x + 8, y + 2.6, 2.1, colour))

    return draw


def shape_swatch(shape: str, colour: Color) -> Swatch:
    def draw(g: Group, x: float, y: float) -> None:
        g.add(marker(shape, x + 8, y + 2.6, 3.2, colour))

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
        need = 20 + _width(label) + 12
        if x > left and x + need > left + width:
            x, row = left, row + 1
        y = -row * LEGEND_ROW
        swatch(g, x, y)
        g.add(_text(x + 20, y, label, colour=INK))
        x += need
    return g, (row + 1) * LEGEND_ROW


class _Frame:
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
        self.drawing.hAlign = "LEFT"
        # The renderer starts every drawing in reportlab's base font (Helvetica, never
        # embedded) unless the drawing names its own.
        self.drawing.initialFontName = fonts.REGULAR
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
            half = _width(label) / 2
            anchor, at = "middle", x
            if x + half > self.drawing.width:
                anchor, at = "end", self.drawing.width
            self.add(_text(at, base - 10, label, anchor=anchor))
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


def _polyline(points: list[tuple[float, float]], colour: Color, width: float = 1.6) -> PolyLine:
    flat = [v for xy in points for v in xy]
    return PolyLine(flat, strokeColor=colour, strokeWidth=width, strokeLineJoin=1, strokeLineCap=1)


def _partner_items(timeline: Timeline) -> list[tuple[Swatch, str]]:
    return [
        (line_swatch(partner_colour(lane)), name)
        for lane, name in enumerate(timeline.partner_names)
    ]


# -- the charts -------------------------------------------------------------------------


def steps_chart(
    timeline: Timeline, points: Sequence[SessionPoint], axis: TimeAxis, width: float
) -> Drawing | None:
    """Each partner's step over time, in lanes; None when no step was recorded."""
    if not any(p.steps for p in points):
        return None
    dense = len(points) > DENSE_AT
    lanes = len(timeline.partner_ids)
    directed: dict[int, list[tuple[SessionPoint, Direction]]] = {}
    for pid in timeline.partner_ids:
        last: Direction | None = None
        rows = []
        for p in points:
            r = p.partners.get(pid)
            if r is None or r.direction is None:
                continue
            if not dense or r.direction is not last:
                rows.append((p, r.direction))
            last = r.direction
        directed[pid] = rows
    shown = {d for rows in directed.values() for _p, d in rows}
    items = _partner_items(timeline) + [
        (shape_swatch(DIRECTION_SHAPES[d], MUTED), d.title.lower())
        for d in DIRECTION_ORDER
        if d in shown
    ]
    band = 21.0
    f = _Frame(width, band * 5, axis, items)
    f.background()
    for step in Step:
        y0 = f.bottom + (int(step) - 1) * band
        if int(step) % 2 == 0:
            f.add(Rect(f.left, y0, f.plot_width, band, fillColor=BAND, strokeColor=None))
        lines = _wrap_label(step.label, LABEL_WIDTH - 10)
        mid = y0 + band / 2
        first_y = mid - 2.6 + (len(lines) - 1) * (FONT_SIZE + 1) / 2
        for i, line in enumerate(lines):
            f.add(_text(LABEL_WIDTH - 6, first_y - i * (FONT_SIZE + 1), line, anchor="end"))
        if int(step) > 1:
            f.add(Line(f.left, y0, f.left + f.plot_width, y0, strokeColor=GRID, strokeWidth=0.5))
    f.time_axis()
    offset = band * 0.2

    def lane_y(step: Step, lane: int) -> float:
        nudge = 0.0 if lanes < 2 else (offset if lane == 0 else -offset)
        return f.bottom + (int(step) - 0.5) * band + nudge

    for lane, pid in enumerate(timeline.partner_ids):
        colour = partner_colour(lane)
        xy = [(f.x(p.starts_at), lane_y(p.steps[pid], lane)) for p in points if pid in p.steps]
        if len(xy) > 1:
            f.add(_polyline(xy, colour))
        if not dense or len(xy) == 1:
            for x, y in xy:
                f.add(marker("circle", x, y, 2.1, colour))
        for p, direction in directed[pid]:
            at = p.steps.get(pid)
            if at is None:
                continue  # a direction without a step has no lane to sit in
            shape = DIRECTION_SHAPES[direction]
            f.add(marker(shape, f.x(p.starts_at), lane_y(at, lane), 3.6, colour))
    return f.finish()


def positions_chart(
    timeline: Timeline, points: Sequence[SessionPoint], axis: TimeAxis, width: float
) -> Drawing | None:
    """Each partner between withdrawing (-3) and pursuing (+3); None when no position was
    recorded. For two partners the distance between them is shaded."""
    series: list[list[tuple[SessionPoint, int]]] = []
    for pid in timeline.partner_ids:
        series.append(
            [
                (p, r.position)
                for p in points
                if (r := p.partners.get(pid)) is not None and r.position is not None
            ]
        )
    if not any(series):
        return None
    pair = len(series) >= 2
    items = _partner_items(timeline)
    if pair:
        items.append((block_swatch(GAP), "distance between them"))
    row = 13.0
    f = _Frame(width, row * 7, axis, items)
    f.background()

    def y_of(position: float) -> float:
        return f.bottom + (position + 3.5) * row

    words = {3: "pursuing", 0: "neither", -3: "withdrawing"}
    for value in range(-3, 4):
        y = y_of(value)
        strong = value in words
        f.add(
            Line(
                f.left,
                y,
                f.left + f.plot_width,
                y,
                strokeColor=AXIS if value == 0 else GRID,
                strokeWidth=0.6 if strong else 0.35,
                strokeDashArray=None if strong else [1.5, 2],
            )
        )
        number = f"+{value}" if value > 0 else "−3" if value == -3 else str(value).replace("-", "−")
        label = f"{words[value]}  {number}" if strong else number
        f.add(_text(LABEL_WIDTH - 6, y - 2.6, label, anchor="end"))
    if pair:
        first = {p.session_id: v for p, v in series[0]}
        both = [(p, first[p.session_id], v) for p, v in series[1] if p.session_id in first]
        if len(both) >= 2:
            upper = [(f.x(p.starts_at), y_of(a)) for p, a, _b in both]
            lower = [(f.x(p.starts_at), y_of(b)) for p, _a, b in reversed(both)]
            flat = [v for xy in upper + lower for v in xy]
            f.add(Polygon(flat, fillColor=GAP, strokeColor=None, strokeWidth=0))
        elif both:
            p, a, b = both[0]
            x = f.x(p.starts_at)
            f.add(
                Rect(
                    x - 3,
                    min(y_of(a), y_of(b)),
                    6,
                    abs(y_of(a) - y_of(b)),
                    fillColor=GAP,
                    strokeColor=None,
                )
            )
    f.time_axis()
    dense = len(points) > DENSE_AT
    for lane, rows in enumerate(series):
        colour = partner_colour(lane)
        xy = [(f.x(p.starts_at), y_of(v)) for p, v in rows]
        if len(xy) > 1:
            f.add(_polyline(xy, colour))
        if not dense or len(xy) == 1:
            for x, y in xy:
                f.add(marker("circle", x, y, 2.1, colour))
    return f.finish()


def intensity_chart(
    timeline: Timeline, points: Sequence[SessionPoint], axis: TimeAxis, width: float
) -> Drawing | None:
    """The couple's loop intensity (0-10), with flooding and co-regulation rows; None
    when none of the three was recorded."""
    rated = [
        (p, p.couple.intensity)
        for p in points
        if p.couple is not None and p.couple.intensity is not None
    ]
    flooded = [
        (p, [lane for lane, pid in enumerate(timeline.partner_ids) if _flooded(p, pid)])
        for p in points
    ]
    flooded = [(p, lanes) for p, lanes in flooded if lanes]
    co_regulated = [p for p in points if p.couple is not None and p.couple.co_regulation is True]
    if not rated and not flooded and not co_regulated:
        return None
    items: list[tuple[Swatch, str]] = [(line_swatch(COUPLE), "Loop intensity (0–10)")]
    lanes_flooded = sorted({lane for _p, lanes in flooded for lane in lanes})
    for lane in lanes_flooded:  # only who flooded: a key entry with no marker misleads
        name = timeline.partner_names[lane] if lane < len(timeline.partner_names) else ""
        label = f"{name} flooded" if len(timeline.partner_ids) >= 2 and name else "flooded"
        items.append((shape_swatch("triangle", partner_colour(lane)), label))
    if co_regulated:
        items.append((shape_swatch("circle", COUPLE), "co-regulation noted"))
    unit = 8.0  # per intensity point
    rows_height = 30.0  # the flooding and co-regulation rows
    f = _Frame(width, unit * 10 + 12 + rows_height, axis, items)
    f.background()
    base = f.bottom + rows_height  # where 0 sits

    def y_of(value: float) -> float:
        return base + 6 + value * unit

    for value in range(0, 11):
        strong = value in (0, 5, 10)
        f.add(
            Line(
                f.left,
                y_of(value),
                f.left + f.plot_width,
                y_of(value),
                strokeColor=GRID,
                strokeWidth=0.5 if strong else 0.3,
                strokeDashArray=None if strong else [1.5, 2],
            )
        )
        if strong:
            f.add(_text(LABEL_WIDTH - 6, y_of(value) - 2.6, str(value), anchor="end"))
    f.add(_text(LABEL_WIDTH - 22, y_of(5) - 2.6, "intensity", anchor="end"))
    flood_y, co_reg_y = f.bottom + 20, f.bottom + 8
    for y, label in ((flood_y, "flooding"), (co_reg_y, "co-regulation")):
        f.add(Line(f.left, y, f.left + f.plot_width, y, strokeColor=GRID, strokeWidth=0.35))
        f.add(_text(LABEL_WIDTH - 6, y - 2.6, label, anchor="end"))
    f.add(Line(f.left, base, f.left + f.plot_width, base, strokeColor=AXIS, strokeWidth=0.5))
    f.time_axis()
    xy = [(f.x(p.starts_at), y_of(v)) for p, v in rated]
    if len(xy) > 1:
        f.add(_polyline(xy, COUPLE, 1.5))
    if len(points) <= DENSE_AT or len(xy) == 1:
        for x, y in xy:
            f.add(marker("circle", x, y, 2.0, COUPLE))
    for p, lanes in flooded:
        x = f.x(p.starts_at)
        spread = 3.6 if len(lanes) > 1 else 0.0
        for i, lane in enumerate(lanes):
            nudge = (i - (len(lanes) - 1) / 2) * spread * 2
            f.add(marker("triangle", x + nudge, flood_y, 3.0, partner_colour(lane)))
    for p in co_regulated:
        f.add(marker("circle", f.x(p.starts_at), co_reg_y, 2.8, COUPLE))
    return f.finish()


def _flooded(point: SessionPoint, partner_id: int) -> bool:
    reading = point.partners.get(partner_id)
    return reading is not None and reading.flooded
