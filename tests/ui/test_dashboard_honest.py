"""The dashboard read as a clinician would: a flare-up said as it happened, private
readings left out until asked for and then marked, steps drawn as steps, and partners
told apart without colour."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCharts import QLegend
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from clarity_desktop.domain.dynamics import CoupleReading
from clarity_desktop.domain.steps import Direction
from clarity_desktop.domain.timeline import SessionPoint, Timeline
from clarity_desktop.ui.dashboard.dashboard import CaseDashboard
from tests.ui.test_dashboard import (
    LUKASZ,
    START,
    TODAY,
    ZOE,
    R,
    S,
    couple_timeline,
    plain,
    point,
    small_timeline,
    xs,
    ys,
)


@pytest.fixture
def dashboard(qtbot: QtBot) -> CaseDashboard:
    widget = CaseDashboard()
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    return widget


def flare_up() -> Timeline:
    """Easing for four sessions, then intensity 1 -> 6 with Zoë flooded and her clarity
    9 -> 4: the issue's case."""
    values = [(4, 5), (3, 6), (2, 8), (1, 9), (6, 4)]
    return couple_timeline(
        [
            point(
                200 + i,
                2 * i,
                steps={ZOE: S.LEAN_IN, LUKASZ: S.LEAN_IN},
                partners={
                    ZOE: R(position=2, clarity=clarity, flooded=i == 4),
                    LUKASZ: R(position=-2, clarity=5),
                },
                couple=CoupleReading(intensity=intensity),
            )
            for i, (intensity, clarity) in enumerate(values)
        ]
    )


def test_a_flare_up_is_never_called_easing_or_growing(dashboard: CaseDashboard) -> None:
    dashboard.set_timeline(flare_up(), START.date() + timedelta(weeks=9))
    texts = [plain(t) for t in dashboard.header.texts()]
    assert "Loop intensity 6 of 10, up from 1 last time · mixed" in texts
    assert "Clarity, Zoë 4 of 10, down from 9 last time · mixed" in texts
    joined = " ".join(texts).lower()
    assert "easing" not in joined and "growing" not in joined
    codes = [f.property("code") for f in dashboard.header.flags]
    assert "flare_up" in codes
    flag = next(f for f in dashboard.header.flags if f.property("code") == "flare_up")
    assert "from 1 to 6" in plain(flag.text()) and "Zoë flooded" in plain(flag.text())


def confided() -> Timeline:
    """small_timeline() plus Łukasz alone in a private session: step 4, letting go,
    clarity 9, flooded."""
    base = small_timeline()
    private = SessionPoint(
        session_id=107,
        starts_at=START + timedelta(weeks=6),
        joint=False,
        steps={LUKASZ: S.FIND_YOUR_DIRECTION},
        partners={LUKASZ: R(position=-3, clarity=9, flooded=True, direction=Direction.LETTING_GO)},
        couple=None,
        private=True,
    )
    return Timeline(1, base.partner_ids, base.partner_names, False, (*base.points, private))


def test_private_readings_stay_off_screen_until_asked_for(dashboard: CaseDashboard) -> None:
    dashboard.set_timeline(confided(), TODAY)
    c = dashboard.charts
    toggle = dashboard.private_toggle
    assert toggle.isVisibleTo(dashboard) and not toggle.isChecked()
    assert "(1)" in toggle.text()
    assert all(d is not Direction.LETTING_GO for _pid, d in c.direction_markers)
    assert c.private_direction_markers == {}
    assert "letting go" not in plain(dashboard.direction_key.text())
    assert "hollow" not in plain(dashboard.direction_key.text())
    guidance = " ".join(plain(t) for t in dashboard.guidance.texts())
    assert "Direction taking shape for Łukasz: repair" in guidance
    assert "Łukasz: letting go" not in guidance
    assert "Clarity, Łukasz 6 of 10" in " ".join(plain(t) for t in dashboard.header.texts())
    assert xs(c.step_lines[LUKASZ])[-1] == xs(c.step_lines[ZOE])[-1]  # 106, not 107

    toggle.setChecked(True)
    hollow = c.private_direction_markers[(LUKASZ, Direction.LETTING_GO)]
    assert hollow.brush().color() == dashboard.colours.background  # drawn hollow
    assert hollow.pen().color() == c.step_lines[LUKASZ].color()
    assert xs(c.partners[("steps", LUKASZ)].hollow) == xs(hollow)
    key = plain(dashboard.direction_key.text())
    assert "letting go" in key and "hollow: individual session (private)" in key
    tip = c.tooltip_at(hollow, hollow.points()[0])
    assert "individual session (Łukasz) · private" in tip and "Letting go" in tip
    assert "Clarity, Łukasz 9 of 10" in " ".join(plain(t) for t in dashboard.header.texts())

    # Another case opens: the choice does not carry over.
    other = Timeline(2, (31, 32), ("Ana", "Ben"), False, confided().points)
    dashboard.set_timeline(other, TODAY)
    assert not toggle.isChecked()
    assert dashboard.charts.private_direction_markers == {}


def test_steps_are_drawn_as_steps(dashboard: CaseDashboard) -> None:
    tl = small_timeline()
    dashboard.set_timeline(tl, TODAY)
    line = dashboard.charts.step_lines[ZOE]
    points = list(zip(xs(line), ys(line), strict=True))
    # Every segment is flat or upright: never sloping between two steps.
    for (x1, y1), (x2, y2) in zip(points, points[1:], strict=False):
        assert x1 == x2 or y1 == y2
    # Zoë moved from 2 to 3 at the second session: flat to it, then up there.
    assert [round(y) for y in ys(line)[:3]] == [2, 2, 3]
    assert xs(line)[1] == xs(line)[2]


def test_partners_differ_in_line_style_and_marker_shape_not_only_colour(
    qtbot: QtBot, dashboard: CaseDashboard
) -> None:
    dashboard.set_timeline(small_timeline(), TODAY)
    dashboard.show()
    qtbot.waitExposed(dashboard)
    c = dashboard.charts
    for chart in ("steps", "positions", "stance", "clarity"):
        zoe, lukasz = c.partners[(chart, ZOE)], c.partners[(chart, LUKASZ)]
        assert zoe.line.pen().style() == Qt.PenStyle.SolidLine, chart
        assert lukasz.line.pen().style() != Qt.PenStyle.SolidLine, chart
        assert lukasz.line.pen().dashPattern(), chart
        assert zoe.markers.markerShape() != lukasz.markers.markerShape(), chart
    assert c.flooding_markers[ZOE].markerShape() != c.flooding_markers[LUKASZ].markerShape()
    # The keys show each partner's shape, and every key has a label.
    for chart in (c.step_chart, c.position_chart, c.stance_chart, c.intensity_chart):
        shown = [m for m in chart.legend().markers() if m.isVisible()]
        assert shown and all(m.label().strip() for m in shown)
    keys = {m.label(): m.shape() for m in c.step_chart.legend().markers() if m.isVisible()}
    assert keys == {
        "Zoë": QLegend.MarkerShape.MarkerShapeCircle,
        "Łukasz": QLegend.MarkerShape.MarkerShapeRectangle,
    }
    gap = [m for m in c.position_chart.legend().markers() if m.series() in c.gap_areas]
    assert [m.label() for m in gap if m.isVisible()] == ["distance between them"]


def test_in_greyscale_the_partners_still_differ(qtbot: QtBot, dashboard: CaseDashboard) -> None:
    """Grab the positions chart, turn it grey, and compare where each partner's line is
    drawn: the dashed line leaves gaps, the solid one does not."""
    tl = couple_timeline(
        [point(i, i, partners={ZOE: R(position=2), LUKASZ: R(position=-2)}) for i in range(1, 7)]
    )
    dashboard.set_timeline(tl, TODAY)
    dashboard.show()
    qtbot.waitExposed(dashboard)
    view = dashboard.views[1]
    image = view.grab().toImage().convertToFormat(QImage.Format.Format_Grayscale8)
    chart = dashboard.charts.position_chart
    series = dashboard.charts.position_lines[ZOE]
    first, last = series.points()[0].x(), series.points()[-1].x()

    def row_ink(value: float) -> list[bool]:
        left = view.mapFromScene(chart.mapToScene(chart.mapToPosition(QPointF(first, value))))
        right = view.mapFromScene(chart.mapToScene(chart.mapToPosition(QPointF(last, value))))
        return [
            image.pixelColor(x, left.y()).lightness() < 200
            for x in range(left.x() + 12, right.x() - 12)
        ]

    solid, dashed = row_ink(2.0), row_ink(-2.0)
    assert sum(solid) / len(solid) > 0.8  # Zoë's line: ink nearly all along
    assert 0.3 < sum(dashed) / len(dashed) < 0.8  # Łukasz's: dashes with gaps


def test_the_dashboards_words_are_the_reports_words() -> None:
    """One source: the overview, the header and the progress report take the trend words
    from domain/movement.py."""
    from clarity_desktop.domain.movement import WORDS, Measure
    from clarity_desktop.ui.dashboard.overview_model import OverviewModel

    model = OverviewModel()
    texts = model.formatter._trend_texts
    for trend, word in WORDS[Measure.INTENSITY].items():
        if texts[trend] != "—":
            assert texts[trend].endswith(word.capitalize())


def test_the_overview_says_mixed_after_a_flare_up(qapp: object) -> None:
    from clarity_desktop.domain import measures
    from clarity_desktop.domain.movement import intensity_movement
    from clarity_desktop.domain.records import CaseKind
    from clarity_desktop.services.overview import OverviewRow
    from clarity_desktop.ui.dashboard.overview_model import OverviewModel

    tl = flare_up()
    today = START.date() + timedelta(weeks=9)
    row = OverviewRow(
        case_id=1,
        display_name="Zoë & Łukasz",
        kind=CaseKind.COUPLE,
        safety_flag=False,
        partner_names=tl.partner_names,
        current_steps=(S.LEAN_IN, S.LEAN_IN),
        latest_intensity=6,
        intensity=intensity_movement(tl),
        last_session=tl.points[-1].starts_at,
        flags=tuple(measures.attention_flags(tl, today)),
        steps_differ=False,
        no_recent_session=False,
    )
    model = OverviewModel()
    model.set_rows([row])
    trend = model.index(0, OverviewModel.TREND)
    assert model.data(trend) == "↕ Mixed"
    tip = model.data(trend, Qt.ItemDataRole.ToolTipRole)
    assert "Loop intensity 6 of 10, up from 1 last time." in tip
    assert "Easing" not in str(model.data(trend))
    attention = model.index(0, OverviewModel.ATTENTION)
    assert "rose sharply, from 1 to 6" in model.data(attention, Qt.ItemDataRole.ToolTipRole)
