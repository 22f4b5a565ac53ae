"""How the steps charts draw a partner's steps and directions, on screen and on paper.

Shared by the dashboard (ui/) and the documents (reports/) so both read the same way:

- a step is held until the session where another one is recorded, so the line runs flat
  to that session and then rises or falls there (:func:`step_corners`); a sloped line would
  show a partner "between" two steps for weeks;
- a direction marker sits on the line at each session that recorded one, but in a long
  case only so many fit before they pile into a band (:func:`direction_marks`).
"""

from __future__ import annotations

from collections.abc import Sequence

from clarity_desktop.domain.steps import Direction
from clarity_desktop.domain.timeline import SessionPoint

# About how many direction markers fit along a chart before they touch (a marker is about
# 4% of a dashboard chart's width, 2% of a page's).
MAX_DIRECTION_MARKS = 24


def step_corners(ys: Sequence[float]) -> list[tuple[int, float]]:
    """The corners of a step line through one partner's steps at successive sessions, as
    (index of the session, height): flat from each session to the next, then up or down
    at the next one. A caller turns each index into that session's x."""
    out: list[tuple[int, float]] = []
    for i, y in enumerate(ys):
        if out and out[-1][1] != y:
            out.append((i, out[-1][1]))
        out.append((i, y))
    return out


def direction_marks(
    rows: Sequence[tuple[SessionPoint, Direction]], most: int = MAX_DIRECTION_MARKS
) -> list[tuple[SessionPoint, Direction]]:
    """Which of a partner's recorded directions (oldest first) get a marker.

    Every one while they fit (*most*). Beyond that only where a direction first appears
    or changes (what the therapist looks for; tooltips still give the direction at each
    session), and of those only markers at least 1/*most* of the time span apart,
    walking back from the newest, which is always kept: so the markers spread over the
    chart instead of piling up where changes cluster.
    """
    if len(rows) <= most:
        return list(rows)
    changes = [row for i, row in enumerate(rows) if i == 0 or row[1] is not rows[i - 1][1]]
    span = (rows[-1][0].starts_at - rows[0][0].starts_at).total_seconds()
    gap = span / most
    kept: list[tuple[SessionPoint, Direction]] = []
    for row in reversed(changes):
        if not kept or (kept[-1][0].starts_at - row[0].starts_at).total_seconds() >= gap:
            kept.append(row)
    return kept[::-1]
