"""The charts of the case summary and the progress report, drawn with reportlab.graphics.

Three charts share one time axis, so a session sits at the same x in each:

- steps: the five steps as bands (named on the left, like the program's dashboard), one
  line per partner in a lane of its own inside each band, so two partners at one step
  stay two lines. A step is held until the next recorded one, so the line runs flat and
  changes step at the session where it changed (domain/marks.py); a direction recorded
  from step 4 on is a marker on the line, thinned in a long case;
- pursue and withdraw: each partner from -3 (withdrawing) to +3 (pursuing), the distance
  between them shaded grey;
- loop intensity: the couple's rating 0-10, with flooding (the marker of the partner who
  flooded) and co-regulation (a dot) on rows of their own underneath.

Drawn for paper, colour or greyscale: each partner has a colour (a blue and an orange
that stay apart for the common colour-vision deficiencies), a line style and a marker
shape of their own (chart_kit.py), everything else is in greys; a hollow marker is a
reading from a private individual session. Every chart carries its own legend and axis
labels as real text, so they print, extract and search like the rest of the document.
Missing readings are skipped, never drawn as zero, and nothing here combines readings
into a couple score or draws a target line.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.graphics.shapes import Drawing, Line, Polygon, Rect

from clarity_desktop.domain.marks import direction_marks, step_corners
from clarity_desktop.domain.steps import Direction, Step
from clarity_desktop.domain.timeline import SessionPoint, Timeline
from clarity_desktop.reports.chart_kit import (
    AXIS,
    BAND,
    COUPLE,
    DENSE_AT,
    FONT_SIZE,
    GAP,
    GRID,
    LABEL_WIDTH,
    MAX_TICKS,
    MUTED,
    Frame,
    Swatch,
    TimeAxis,
    block_swatch,
    chart_points,
    date_ticks,
    day_number,
    has_readings,
    line_swatch,
    marker,
    partner_colour,
    partner_dash,
    partner_items,
    partner_shape,
    polyline,
    private_item,
    shape_swatch,
    text,
    wrap_label,
)
from clarity_desktop.reports.clinician_words import ENGLISH, Words

__all__ = [
    "DIRECTION_ORDER",
    "DIRECTION_SHAPES",
    "MAX_TICKS",
    "TimeAxis",
    "chart_points",
    "date_ticks",
    "day_number",
    "has_readings",
    "intensity_chart",
    "positions_chart",
    "steps_chart",
]

DIRECTION_ORDER = (
    Direction.REPAIR,
    Direction.REDEFINITION,
    Direction.LETTING_GO,
    Direction.NOT_YET_CLEAR,
)
# Partners' own markers are circles and squares, so no direction uses either.
DIRECTION_SHAPES: dict[Direction, str] = {
    Direction.REPAIR: "diamond",
    Direction.REDEFINITION: "pentagon",
    Direction.LETTING_GO: "triangle",
    Direction.NOT_YET_CLEAR: "star",
}
DOT = 2.3  # a session marker's half-width
SMALL_DOT = 1.7  # a private session's hollow marker in a dense chart


def _session_marks(
    f: Frame,
    xy: Sequence[tuple[SessionPoint, float, float]],
    lane: int,
    dense: bool,
) -> None:
    """The partner's marker at each session; in a dense chart only the private sessions'
    (hollow, smaller), which must stay marked however many sessions there are."""
    colour, shape = partner_colour(lane), partner_shape(lane)
    for p, x, y in xy:
        if p.private:
            f.add(marker(shape, x, y, SMALL_DOT if dense else DOT, colour, hollow=True))
        elif not dense or len(xy) == 1:
            f.add(marker(shape, x, y, DOT, colour))


def steps_chart(
    timeline: Timeline,
    points: Sequence[SessionPoint],
    axis: TimeAxis,
    width: float,
    w: Words = ENGLISH,
) -> Drawing | None:
    """Each partner's step over time, in lanes; None when no step was recorded."""
    stepped = [p for p in points if p.steps]
    if not stepped:
        return None
    dense = len(points) > DENSE_AT
    lanes = len(timeline.partner_ids)
    directed: dict[int, list[tuple[SessionPoint, Direction]]] = {}
    for pid in timeline.partner_ids:
        rows = [
            (p, r.direction)
            for p in stepped
            if pid in p.steps and (r := p.partners.get(pid)) is not None and r.direction
        ]
        directed[pid] = direction_marks(rows)
    shown = {d for rows in directed.values() for _p, d in rows}
    items = partner_items(timeline) + [
        (shape_swatch(DIRECTION_SHAPES[d], MUTED), w(d.title).lower())
        for d in DIRECTION_ORDER
        if d in shown
    ]
    items += private_item(stepped, w)
    band = 21.0
    f = Frame(width, band * 5, axis, items)
    f.background()
    for step in Step:
        y0 = f.bottom + (int(step) - 1) * band
        if int(step) % 2 == 0:
            f.add(Rect(f.left, y0, f.plot_width, band, fillColor=BAND, strokeColor=None))
        lines = wrap_label(w.step(step), LABEL_WIDTH - 10)
        mid = y0 + band / 2
        first_y = mid - 2.6 + (len(lines) - 1) * (FONT_SIZE + 1) / 2
        for i, line in enumerate(lines):
            f.add(text(LABEL_WIDTH - 6, first_y - i * (FONT_SIZE + 1), line, anchor="end"))
        if int(step) > 1:
            f.add(Line(f.left, y0, f.left + f.plot_width, y0, strokeColor=GRID, strokeWidth=0.5))
    f.time_axis()
    offset = band * 0.2

    def lane_y(step: Step, lane: int) -> float:
        nudge = 0.0 if lanes < 2 else (offset if lane == 0 else -offset)
        return f.bottom + (int(step) - 0.5) * band + nudge

    for lane, pid in enumerate(timeline.partner_ids):
        colour = partner_colour(lane)
        xy = [(p, f.x(p.starts_at), lane_y(p.steps[pid], lane)) for p in stepped if pid in p.steps]
        if len(xy) > 1:
            path = [(xy[i][1], y) for i, y in step_corners([y for _p, _x, y in xy])]
            f.add(polyline(path, colour, dash=partner_dash(lane)))
        _session_marks(f, xy, lane, dense)
        for p, direction in directed[pid]:
            at = lane_y(p.steps[pid], lane)
            shape = DIRECTION_SHAPES[direction]
            f.add(marker(shape, f.x(p.starts_at), at, 3.6, colour, hollow=p.private))
    return f.finish()


def positions_chart(
    timeline: Timeline,
    points: Sequence[SessionPoint],
    axis: TimeAxis,
    width: float,
    w: Words = ENGLISH,
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
    items = partner_items(timeline)
    if pair:
        items.append((block_swatch(GAP), w("distance between them")))
    items += private_item([p for rows in series for p, _v in rows], w)
    row = 13.0
    f = Frame(width, row * 7, axis, items)
    f.background()

    def y_of(position: float) -> float:
        return f.bottom + (position + 3.5) * row

    words = {3: w("pursuing"), 0: w("neither"), -3: w("withdrawing")}
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
        f.add(text(LABEL_WIDTH - 6, y - 2.6, label, anchor="end"))
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
        xy = [(p, f.x(p.starts_at), y_of(v)) for p, v in rows]
        if len(xy) > 1:
            line = [(x, y) for _p, x, y in xy]
            f.add(polyline(line, partner_colour(lane), dash=partner_dash(lane)))
        _session_marks(f, xy, lane, dense)
    return f.finish()


def intensity_chart(
    timeline: Timeline,
    points: Sequence[SessionPoint],
    axis: TimeAxis,
    width: float,
    w: Words = ENGLISH,
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
    items: list[tuple[Swatch, str]] = [(line_swatch(COUPLE), w("Loop intensity (0–10)"))]
    lanes_flooded = sorted({lane for _p, lanes in flooded for lane in lanes})
    for lane in lanes_flooded:  # only who flooded: a key entry with no marker misleads
        name = timeline.partner_names[lane] if lane < len(timeline.partner_names) else ""
        label = (
            w("{name} flooded", name=name)
            if len(timeline.partner_ids) >= 2 and name
            else w("flooded")
        )
        items.append((shape_swatch(partner_shape(lane), partner_colour(lane)), label))
    if co_regulated:
        items.append((shape_swatch("circle", COUPLE), w("co-regulation noted")))
    drawn = [p for p, _v in rated] + [p for p, _l in flooded] + co_regulated
    items += private_item(drawn, w)
    unit = 8.0  # per intensity point
    rows_height = 30.0  # the flooding and co-regulation rows
    f = Frame(width, unit * 10 + 12 + rows_height, axis, items)
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
            f.add(text(LABEL_WIDTH - 6, y_of(value) - 2.6, str(value), anchor="end"))
    f.add(text(LABEL_WIDTH - 22, y_of(5) - 2.6, w("intensity"), anchor="end"))
    flood_y, co_reg_y = f.bottom + 20, f.bottom + 8
    for y, label in ((flood_y, w("flooding")), (co_reg_y, w("co-regulation"))):
        f.add(Line(f.left, y, f.left + f.plot_width, y, strokeColor=GRID, strokeWidth=0.35))
        f.add(text(LABEL_WIDTH - 6, y - 2.6, label, anchor="end"))
    f.add(Line(f.left, base, f.left + f.plot_width, base, strokeColor=AXIS, strokeWidth=0.5))
    f.time_axis()
    xy = [(p, f.x(p.starts_at), y_of(v)) for p, v in rated]
    if len(xy) > 1:
        f.add(polyline([(x, y) for _p, x, y in xy], COUPLE, 1.5))
    dense = len(points) > DENSE_AT
    for p, x, y in xy:
        if p.private or not dense or len(xy) == 1:
            f.add(marker("circle", x, y, 2.0, COUPLE, hollow=p.private))
    for p, lanes in flooded:
        x = f.x(p.starts_at)
        spread = 3.6 if len(lanes) > 1 else 0.0
        for i, lane in enumerate(lanes):
            nudge = (i - (len(lanes) - 1) / 2) * spread * 2
            shape, colour = partner_shape(lane), partner_colour(lane)
            f.add(marker(shape, x + nudge, flood_y, 2.9, colour, hollow=p.private))
    for p in co_regulated:
        f.add(marker("circle", f.x(p.starts_at), co_reg_y, 2.8, COUPLE, hollow=p.private))
    return f.finish()


def _flooded(point: SessionPoint, partner_id: int) -> bool:
    reading = point.partners.get(partner_id)
    return reading is not None and reading.flooded
