"""The case dashboard: what the charts hold, clicking through to a note, the header's
trends and flags, the empty state and the step guidance.

Timelines are built by hand so each test knows exactly which session has which reading.
`story_timeline()` and `synthetic_timeline()` are also used to render the dashboard to
PNG by hand (see the module's end)."""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCharts import QXYSeries
from PySide6.QtCore import QLocale, QPointF, Qt
from PySide6.QtGui import QColor, QPalette, QTextDocument
from PySide6.QtWidgets import QApplication, QLabel, QToolTip
from pytestqt.qtbot import QtBot

from clarity_desktop.domain import measures
from clarity_desktop.domain.dynamics import CoupleReading, Loop, PartnerReading
from clarity_desktop.domain.steps import Direction, Step
from clarity_desktop.domain.timeline import SessionPoint, Timeline
from clarity_desktop.services.guidance import guidance_dir
from clarity_desktop.ui.common import language
from clarity_desktop.ui.dashboard.dashboard import CaseDashboard
from clarity_desktop.ui.dashboard.dashboard_style import lane_y, to_ms

ZOE, LUKASZ = 11, 12
START = datetime(2024, 1, 22, 10, 0)
TODAY = date(2024, 5, 20)

S = Step
R = PartnerReading


def point(
    sid: int,
    week: int,
    *,
    joint: bool = True,
    steps: dict[int, Step] | None = None,
    partners: dict[int, PartnerReading] | None = None,
    couple: CoupleReading | None = None,
) -> SessionPoint:
    return SessionPoint(
        session_id=sid,
        starts_at=START + timedelta(weeks=week),
        joint=joint,
        steps=steps or {},
        partners=partners or {},
        couple=couple,
    )


def couple_timeline(points: list[SessionPoint], safety: bool = False) -> Timeline:
    return Timeline(
        case_id=1,
        partner_ids=(ZOE, LUKASZ),
        partner_names=("Zoë", "Łukasz"),
        safety_flag=safety,
        points=tuple(points),
    )


def small_timeline() -> Timeline:
    """Six sessions: an individual session (Łukasz) in the middle, a joint session with
    one position missing, step 4 with directions, flooding and co-regulation."""
    return couple_timeline(
        [
            point(
                101,
                0,
                steps={ZOE: S.NAME_WHATS_HAPPENING, LUKASZ: S.NOTICE_THE_SHIFT},
                partners={
                    ZOE: R(position=3, stance=8, clarity=3, flooded=True),
                    LUKASZ: R(position=-2, stance=4, clarity=2),
                },
                couple=CoupleReading(
                    loops=frozenset({Loop.PURSUE_WITHDRAW}), intensity=8, co_regulation=False
                ),
            ),
            point(
                102,
                1,
                steps={ZOE: S.LEAN_IN, LUKASZ: S.NAME_WHATS_HAPPENING},
                partners={ZOE: R(position=2, clarity=4), LUKASZ: R(position=-3, stance=3)},
                couple=CoupleReading(intensity=7),
            ),
            point(
                103,
                2,
                joint=False,
                steps={LUKASZ: S.LEAN_IN},
                partners={LUKASZ: R(position=-1, stance=5, clarity=4, flooded=True)},
            ),
            point(
                104,
                3,
                steps={ZOE: S.LEAN_IN},
                partners={
                    ZOE: R(position=2),
                    LUKASZ: R(stance=5),
                },  # Łukasz's position not observed
                couple=CoupleReading(intensity=5, co_regulation=True),
            ),
            point(
                105,
                4,
                steps={ZOE: S.FIND_YOUR_DIRECTION, LUKASZ: S.FIND_YOUR_DIRECTION},
                partners={
                    ZOE: R(position=1, stance=8, clarity=7, direction=Direction.REPAIR),
                    LUKASZ: R(position=-1, stance=6, clarity=5, direction=Direction.NOT_YET_CLEAR),
                },
                couple=CoupleReading(intensity=4, co_regulation=True),
            ),
            point(
                106,
                5,
                steps={ZOE: S.FIND_YOUR_DIRECTION, LUKASZ: S.FIND_YOUR_DIRECTION},
                partners={
                    ZOE: R(position=1, clarity=8, direction=Direction.REPAIR),
                    LUKASZ: R(position=0, clarity=6, direction=Direction.REPAIR),
                },
                couple=CoupleReading(intensity=3),
            ),
        ]
    )


def story_timeline() -> Timeline:
    """Fifteen sessions of a believable couple: polarized and flooding early, an
    individual session each, then the loop easing and both moving toward repair."""
    z_pos = [3, 3, 2, None, 2, 2, None, 1, 1, 1, 1, 0, 1, 0, 0]
    l_pos = [-3, -2, None, -2, -2, -1, -2, None, -1, -1, 0, 0, -1, 0, 0]
    z_step = [2, 2, 3, None, 3, 3, 3, 3, 3, 4, 4, 4, 4, 4, 5]
    l_step = [1, 1, None, 2, 2, 2, None, 3, 3, 3, 3, 4, 4, 4, 4]
    z_stance = [8, 8, 7, None, 7, 7, 6, 7, 7, 8, 8, 8, 8, 8, 9]
    l_stance = [4, 3, None, 3, 4, 5, None, 5, 5, 6, 6, 6, 7, 7, 7]
    z_clar = [3, 3, 4, None, 4, 5, 5, 5, 6, 6, 7, 7, 8, 8, 8]
    l_clar = [2, 2, None, 2, 3, 3, None, 4, 4, 5, 5, 6, 6, 7, 7]
    intensity = [8, 9, None, None, 7, 6, None, 6, 5, 5, 4, 4, 3, 3, 2]
    z_flood = {0, 1}
    l_flood = {1, 4}
    co_reg = {8, 10, 11, 13, 14}
    individual = {2: ZOE, 3: LUKASZ, 6: ZOE}
    points = []
    for i in range(15):
        present = [individual[i]] if i in individual else [ZOE, LUKASZ]
        steps: dict[int, Step] = {}
        partners: dict[int, PartnerReading] = {}
        for pid, pos, stp, stance, clar, flood in (
            (ZOE, z_pos, z_step, z_stance, z_clar, z_flood),
            (LUKASZ, l_pos, l_step, l_stance, l_clar, l_flood),
        ):
            if pid not in present:
                continue
            step = stp[i]
            if step is not None:
                steps[pid] = Step(step)
            direction = None
            if step is not None and step >= 4:
                direction = Direction.REPAIR
                if pid == LUKASZ and i < 13:
                    direction = Direction.NOT_YET_CLEAR
            partners[pid] = R(pos[i], stance[i], clar[i], i in flood, "", direction)
        couple = None
        if len(present) == 2:
            couple = CoupleReading(
                loops=frozenset({Loop.PURSUE_WITHDRAW}),
                intensity=intensity[i],
                co_regulation=i in co_reg if i >= 5 else False,
            )
        points.append(
            point(
                1000 + i, i, joint=len(present) == 2, steps=steps, partners=partners, couple=couple
            )
        )
    return couple_timeline(points)


def synthetic_timeline(n: int = 300, seed: int = 7) -> Timeline:
    """n sessions over several years: readings drift as random walks, with gaps between
    sessions, individual sessions and readings not taken."""
    rng = random.Random(seed)

    def walk(value: int, low: int, high: int) -> int:
        return max(low, min(high, value + rng.choice([-1, 0, 0, 0, 1])))

    points = []
    when = START
    steps = {ZOE: 1, LUKASZ: 1}
    pos = {ZOE: 2, LUKASZ: -2}
    stance = {ZOE: 7, LUKASZ: 4}
    clarity = {ZOE: 3, LUKASZ: 2}
    direction = {ZOE: Direction.NOT_YET_CLEAR, LUKASZ: Direction.NOT_YET_CLEAR}
    intensity = 7
    for i in range(n):
        when += timedelta(days=rng.choice([7, 7, 7, 14, 21]))
        joint = rng.random() < 0.8
        present = [ZOE, LUKASZ] if joint else [rng.choice([ZOE, LUKASZ])]
        st: dict[int, Step] = {}
        pr: dict[int, PartnerReading] = {}
        for pid in present:
            if rng.random() < 0.06:
                steps[pid] = max(1, min(5, steps[pid] + rng.choice([1, 1, -1])))
            pos[pid], stance[pid] = walk(pos[pid], -3, 3), walk(stance[pid], 0, 10)
            clarity[pid] = walk(clarity[pid], 0, 10)
            st[pid] = Step(steps[pid])
            if rng.random() < 0.1:
                direction[pid] = rng.choice(list(Direction))
            pr[pid] = R(
                pos[pid] if rng.random() < 0.9 else None,
                stance[pid] if rng.random() < 0.8 else None,
                clarity[pid] if rng.random() < 0.8 else None,
                rng.random() < 0.08,
                "",
                direction[pid] if steps[pid] >= 4 else None,
            )
        intensity = walk(intensity, 0, 10)
        couple = (
            CoupleReading(
                intensity=intensity if rng.random() < 0.9 else None,
                co_regulation=rng.random() < 0.3,
            )
            if joint
            else None
        )
        points.append(SessionPoint(5000 + i, when, joint, st, pr, couple))
    return couple_timeline(points)


def plain(rich: str) -> str:
    """What a rich-text label reads as on screen."""
    doc = QTextDocument()
    doc.setHtml(rich)
    return doc.toPlainText().replace("\xa0", " ")


def xs(series: QXYSeries) -> list[float]:
    return [p.x() for p in series.points()]


def ys(series: QXYSeries) -> list[float]:
    return [p.y() for p in series.points()]


def ms(tl: Timeline, *sids: int) -> list[float]:
    by_id = {p.session_id: p for p in tl.points}
    return [to_ms(by_id[s].starts_at) for s in sids]


@pytest.fixture
def dashboard(qtbot: QtBot) -> CaseDashboard:
    widget = CaseDashboard()
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    return widget


# -- the charts ----------------------------------------------------------------------------


def test_each_partners_step_lane_holds_their_recorded_steps_only(dashboard: CaseDashboard) -> None:
    tl = small_timeline()
    dashboard.set_timeline(tl, TODAY)
    assert dashboard.showing_charts
    c = dashboard.charts
    zoe, lukasz = c.partners[("steps", ZOE)].markers, c.partners[("steps", LUKASZ)].markers
    # Zoë has no step at Łukasz's individual session (103); Łukasz none at 104.
    assert xs(zoe) == ms(tl, 101, 102, 104, 105, 106)
    assert xs(lukasz) == ms(tl, 101, 102, 103, 105, 106)
    assert [round(y) for y in ys(zoe)] == [2, 3, 3, 4, 4]
    assert [round(y) for y in ys(lukasz)] == [1, 2, 3, 4, 4]
    # Two lanes: at the same step the partners sit apart, Zoë above, Łukasz below.
    assert ys(zoe)[-1] == lane_y(S.FIND_YOUR_DIRECTION, 0, 2) > 4 > ys(lukasz)[-1]
    assert c.partners[("steps", ZOE)].legend.name() == "Zoë"
    assert c.partners[("steps", LUKASZ)].legend.name() == "Łukasz"
    assert zoe.color() != lukasz.color()
    zoe, lukasz = c.step_lines[ZOE], c.step_lines[LUKASZ]
    # The same colour per partner in every chart.
    assert dashboard.charts.position_lines[ZOE].color() == zoe.color()
    assert dashboard.charts.stance_lines[LUKASZ].color() == lukasz.color()


def test_step_4_shows_a_marker_per_direction_in_the_partners_colour(
    dashboard: CaseDashboard,
) -> None:
    tl = small_timeline()
    dashboard.set_timeline(tl, TODAY)
    markers = dashboard.charts.direction_markers
    assert set(markers) == {
        (ZOE, Direction.REPAIR),
        (LUKASZ, Direction.NOT_YET_CLEAR),
        (LUKASZ, Direction.REPAIR),
    }
    assert xs(markers[(ZOE, Direction.REPAIR)]) == ms(tl, 105, 106)
    assert xs(markers[(LUKASZ, Direction.NOT_YET_CLEAR)]) == ms(tl, 105)
    assert xs(markers[(LUKASZ, Direction.REPAIR)]) == ms(tl, 106)
    assert (
        markers[(LUKASZ, Direction.REPAIR)].markerShape()
        != markers[(LUKASZ, Direction.NOT_YET_CLEAR)].markerShape()
    )
    assert markers[(ZOE, Direction.REPAIR)].color() == dashboard.charts.step_lines[ZOE].color()
    assert ys(markers[(ZOE, Direction.REPAIR)]) == ys(dashboard.charts.step_lines[ZOE])[-2:]
    assert dashboard.charts.private_direction_markers == {}  # nothing private here
    key = dashboard.direction_key
    assert key.isVisibleTo(dashboard)
    assert "◆ repair" in plain(key.text()) and "★ not yet clear" in plain(key.text())
    assert "letting go" not in plain(key.text())  # only directions that appear


def test_gap_is_shaded_only_across_sessions_where_both_positions_exist(
    dashboard: CaseDashboard,
) -> None:
    tl = small_timeline()
    dashboard.set_timeline(tl, TODAY)
    areas = dashboard.charts.gap_areas
    # Both positions at 101, 102, 105, 106; 103 is individual, 104 lacks Łukasz's.
    assert len(areas) == 2
    assert xs(areas[0].upperSeries()) == ms(tl, 101, 102)
    assert ys(areas[0].upperSeries()) == [3, 2]
    assert ys(areas[0].lowerSeries()) == [-2, -3]
    assert xs(areas[1].upperSeries()) == ms(tl, 105, 106)
    assert ys(areas[1].lowerSeries()) == [-1, 0]
    assert xs(dashboard.charts.position_lines[ZOE]) == ms(tl, 101, 102, 104, 105, 106)
    assert ys(dashboard.charts.position_lines[LUKASZ]) == [-2, -3, -1, -1, 0]


def test_intensity_line_and_the_flooding_and_co_regulation_markers(
    dashboard: CaseDashboard,
) -> None:
    tl = small_timeline()
    dashboard.set_timeline(tl, TODAY)
    c = dashboard.charts
    assert c.intensity_line is not None and c.co_regulation_markers is not None
    assert xs(c.intensity_line) == ms(tl, 101, 102, 104, 105, 106)
    assert ys(c.intensity_line) == [8, 7, 5, 4, 3]
    # Who flooded, in their own colour and shape: Zoë at 101, Łukasz alone at 103.
    zoe, lukasz = c.flooding_markers[ZOE], c.flooding_markers[LUKASZ]
    assert xs(zoe) == ms(tl, 101) and xs(lukasz) == ms(tl, 103)
    assert zoe.name() == "Zoë flooded" and lukasz.name() == "Łukasz flooded"
    assert zoe.markerShape() != lukasz.markerShape()
    assert zoe.color() == c.step_lines[ZOE].color()
    assert xs(c.co_regulation_markers) == ms(tl, 104, 105)  # False at 101 is not marked


def test_stance_and_clarity_per_partner_skip_what_was_not_asked(dashboard: CaseDashboard) -> None:
    tl = small_timeline()
    dashboard.set_timeline(tl, TODAY)
    c = dashboard.charts
    assert ys(c.stance_lines[ZOE]) == [8, 8]
    assert xs(c.stance_lines[LUKASZ]) == ms(tl, 101, 102, 103, 104, 105)
    assert ys(c.clarity_lines[ZOE]) == [3, 4, 7, 8]
    assert ys(c.clarity_lines[LUKASZ]) == [2, 4, 5, 6]
    axis_labels = [
        label for a in c.stance_chart.axes() for label in getattr(a, "categoriesLabels", list)()
    ]
    words = [label.replace("<br>", " ") for label in axis_labels]
    assert "toward leaving" in words and "toward staying" in words


def test_an_individual_case_has_one_lane_and_no_gap(dashboard: CaseDashboard) -> None:
    solo = Timeline(
        case_id=2,
        partner_ids=(7,),
        partner_names=("Søren",),
        safety_flag=False,
        points=(
            point(1, 0, joint=False, steps={7: S.NOTICE_THE_SHIFT}, partners={7: R(position=-1)}),
            point(
                2,
                1,
                joint=False,
                steps={7: S.NAME_WHATS_HAPPENING},
                partners={7: R(position=0, clarity=3)},
            ),
        ),
    )
    dashboard.set_timeline(solo, TODAY)
    assert dashboard.showing_charts
    assert list(dashboard.charts.step_lines) == [7]
    assert ys(dashboard.charts.step_lines[7]) == [1.0, 1.0, 2.0]  # held, then up
    assert dashboard.charts.gap_areas == []
    texts = dashboard.header.texts()
    assert not any("distance" in t.lower() for t in texts)
    assert not any("Loop intensity" in t for t in texts)  # a joint-session measure
    assert any("Clarity, Søren" in t for t in texts)


def test_clicking_a_point_asks_for_that_sessions_note(
    qtbot: QtBot, dashboard: CaseDashboard
) -> None:
    tl = small_timeline()
    dashboard.set_timeline(tl, TODAY)
    c = dashboard.charts
    lukasz = c.partners[("steps", LUKASZ)].markers
    third = lukasz.points()[2]  # Łukasz's individual session
    with qtbot.waitSignal(dashboard.session_requested) as got:
        lukasz.clicked.emit(third)
    assert got.args == [103]
    flooded = c.flooding_markers[ZOE]
    with qtbot.waitSignal(dashboard.session_requested) as got:
        flooded.clicked.emit(flooded.points()[0])
    assert got.args == [101]
    # A click on the stepped line at the corner where Łukasz moved opens that session.
    line = c.step_lines[LUKASZ]
    with qtbot.waitSignal(dashboard.session_requested) as got:
        line.clicked.emit(line.points()[3])
    assert got.args == [103]
    # A click on a line between two sessions opens the nearer one.
    a, b = c.intensity_line.points()[3], c.intensity_line.points()[4]  # type: ignore[union-attr]
    near_b = QPointF(a.x() + (b.x() - a.x()) * 0.8, (a.y() + b.y()) / 2)
    with qtbot.waitSignal(dashboard.session_requested) as got:
        c.intensity_line.clicked.emit(near_b)  # type: ignore[union-attr]
    assert got.args == [106]


def test_a_real_mouse_click_on_a_marker_opens_its_session(
    qtbot: QtBot, dashboard: CaseDashboard
) -> None:
    tl = small_timeline()
    dashboard.set_timeline(tl, TODAY)
    dashboard.show()
    qtbot.waitExposed(dashboard)
    view = dashboard.views[2]
    chart = dashboard.charts.intensity_chart
    markers = dashboard.charts.co_regulation_markers
    assert markers is not None
    scene_pos = chart.mapToPosition(markers.points()[1], markers)
    where = view.mapFromScene(chart.mapToScene(scene_pos))
    with qtbot.waitSignal(dashboard.session_requested, timeout=2000) as got:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert got.args == [105]


def test_tooltips_give_the_date_and_the_values(dashboard: CaseDashboard) -> None:
    tl = small_timeline()
    dashboard.set_timeline(tl, TODAY)
    c = dashboard.charts
    line = c.position_lines[LUKASZ]
    tip = c.tooltip_at(line, line.points()[0])
    assert "Mon 22 Jan 2024" in tip and "joint session" in tip
    assert "Zoë: Strongly pursuing (+3)" in tip and "Łukasz: Withdrawing (-2)" in tip
    assert "Distance between them: 5" in tip
    lukasz = c.partners[("steps", LUKASZ)].markers
    tip = c.tooltip_at(lukasz, lukasz.points()[2])
    assert "individual session (Łukasz)" in tip and "Łukasz: 3 · Lean In" in tip
    assert "private" not in tip  # this individual session's note is not private
    assert "Zoë" not in tip.split("\n", 1)[1]
    assert c.intensity_line is not None
    tip = c.tooltip_at(c.intensity_line, c.intensity_line.points()[0])
    assert "Loop intensity: 8 of 10" in tip and "Flooded: Zoë" in tip
    assert "Pursue – withdraw" in tip
    tip = c.tooltip_at(c.step_lines[ZOE], c.step_lines[ZOE].points()[-1])
    assert "direction: Repair" in tip


def test_empty_state_until_two_sessions_have_readings(dashboard: CaseDashboard) -> None:
    nothing = couple_timeline([])
    dashboard.set_timeline(nothing, TODAY)
    assert not dashboard.showing_charts
    assert dashboard.empty.isVisibleTo(dashboard)
    assert "two sessions have readings" in dashboard.empty.text()
    assert all(chart.series() == [] for chart in dashboard.chart_list())
    one = couple_timeline(
        [
            point(1, 0),  # a session with nothing recorded does not count
            point(2, 1, steps={ZOE: S.LEAN_IN}, partners={ZOE: R(position=2)}),
        ]
    )
    dashboard.set_timeline(one, TODAY)
    assert not dashboard.showing_charts
    assert dashboard.header.chips  # the header and guidance still show
    assert dashboard.guidance.blocks
    two = couple_timeline([*one.points, point(3, 2, couple=CoupleReading(intensity=4))])
    dashboard.set_timeline(two, TODAY)
    assert dashboard.showing_charts
    assert not dashboard.empty.isVisibleTo(dashboard)


def test_clear_empties_everything(dashboard: CaseDashboard) -> None:
    dashboard.set_timeline(small_timeline(), TODAY)
    dashboard.clear()
    assert dashboard.timeline is None
    assert all(chart.series() == [] for chart in dashboard.chart_list())
    assert not dashboard.content.isVisibleTo(dashboard)
    assert dashboard.placeholder.isVisibleTo(dashboard)


# -- the header ----------------------------------------------------------------------------


def test_header_shows_latest_intensity_trends_and_flags(dashboard: CaseDashboard) -> None:
    tl = story_timeline()
    dashboard.set_timeline(tl, date(2024, 9, 1))
    texts = [plain(t) for t in dashboard.header.texts()]
    joined = "\n".join(texts)
    assert "Loop intensity 2 of 10, down from 3 last time · easing" in texts
    assert (
        "Pursue/withdraw distance 0 points apart, the same as last time · drawing closer" in texts
    )
    assert "Clarity, Zoë 8 of 10, the same as last time · growing" in joined
    assert "Clarity, Łukasz" in joined
    flags = [f.text() for f in dashboard.header.flags]
    assert any("No session in the last 30 days" in f for f in flags)
    assert [f.property("code") for f in dashboard.header.flags] == [
        f.code for f in measures.attention_flags(tl, date(2024, 9, 1))
    ]


def test_header_flags_safety_and_partners_at_different_steps(dashboard: CaseDashboard) -> None:
    tl = couple_timeline(
        [
            point(
                1,
                0,
                steps={ZOE: S.NOTICE_THE_SHIFT, LUKASZ: S.LEAN_IN},
                partners={ZOE: R(position=1)},
            ),
            point(
                2,
                1,
                steps={ZOE: S.NOTICE_THE_SHIFT, LUKASZ: S.FIND_YOUR_DIRECTION},
                partners={ZOE: R(position=1)},
            ),
        ],
        safety=True,
    )
    dashboard.set_timeline(tl, date(2024, 2, 1))
    codes = [f.property("code") for f in dashboard.header.flags]
    assert codes[0] == "safety" and "step_gap" in codes
    assert any("different steps" in f.text() for f in dashboard.header.flags)
    # The guidance reminds that joint handouts need a check when the safety flag is set.
    assert all("Safety flag set" in t for t in dashboard.guidance.texts())


# -- guidance ------------------------------------------------------------------------------


def test_guidance_shows_one_block_per_step_with_the_partners_named(
    dashboard: CaseDashboard,
) -> None:
    tl = small_timeline()
    dashboard.set_timeline(tl, TODAY)
    # Both at step 4: one shared block.
    texts = dashboard.guidance.texts()
    assert len(texts) == 1
    assert "Guidance for Zoë and Łukasz at 4 · Find Your Direction" in texts[0]
    assert "Explore" in texts[0] and "Go gently" in texts[0] and "Handout" in texts[0]
    assert "Direction taking shape for Łukasz: repair" in texts[0]
    apart = couple_timeline(
        [
            point(1, 0, steps={ZOE: S.LEAN_IN, LUKASZ: S.NOTICE_THE_SHIFT}),
            point(2, 1, steps={ZOE: S.LEAN_IN}),
        ]
    )
    dashboard.set_timeline(apart, TODAY)
    texts = dashboard.guidance.texts()
    assert len(texts) == 2
    assert "Guidance for Łukasz at 1 · Notice the Shift" in texts[0]
    assert "Guidance for Zoë at 3 · Lean In" in texts[1]


def test_a_broken_guidance_file_shows_its_error_and_the_rest_still_works(
    qtbot: QtBot, tmp_path: Path
) -> None:
    for n in range(1, 6):
        (tmp_path / f"step-{n}.md").write_text(
            (guidance_dir() / f"step-{n}.md").read_text(encoding="utf-8"), encoding="utf-8"
        )
    (tmp_path / "step-4.md").write_text(
        "# Find Your Direction\n\n## Explore\nno dash\n", encoding="utf-8"
    )
    widget = CaseDashboard(guidance_folder=tmp_path)
    qtbot.addWidget(widget)
    widget.set_timeline(small_timeline(), TODAY)
    text = widget.guidance.texts()[0]
    assert "step-4.md" in text and "line 4" in text
    assert widget.showing_charts


# -- palettes and big cases ----------------------------------------------------------------


def dark_palette() -> QPalette:
    p = QPalette()
    for role, colour in (
        (QPalette.ColorRole.Window, "#202124"),
        (QPalette.ColorRole.WindowText, "#e8eaed"),
        (QPalette.ColorRole.Base, "#1a1b1e"),
        (QPalette.ColorRole.AlternateBase, "#26272b"),
        (QPalette.ColorRole.Text, "#e8eaed"),
        (QPalette.ColorRole.Button, "#2b2c30"),
        (QPalette.ColorRole.ButtonText, "#e8eaed"),
        (QPalette.ColorRole.Mid, "#5f6368"),
        (QPalette.ColorRole.ToolTipBase, "#303134"),
        (QPalette.ColorRole.ToolTipText, "#e8eaed"),
    ):
        p.setColor(role, QColor(colour))
    return p


def test_charts_follow_a_dark_palette(qtbot: QtBot, dashboard: CaseDashboard) -> None:
    dashboard.set_timeline(small_timeline(), TODAY)
    light_zoe = dashboard.charts.step_lines[ZOE].color()
    assert dashboard.charts.step_chart.backgroundBrush().color().lightnessF() > 0.5
    dashboard.setPalette(dark_palette())
    assert dashboard.charts.step_chart.backgroundBrush().color().lightnessF() < 0.5
    dark_zoe = dashboard.charts.step_lines[ZOE].color()
    assert dark_zoe.lightnessF() > light_zoe.lightnessF()  # lighter lines on dark ground
    assert dashboard.charts.step_chart.titleBrush().color().lightnessF() > 0.5


def test_a_300_session_case_builds_every_series(dashboard: CaseDashboard) -> None:
    tl = synthetic_timeline(300)
    dashboard.set_timeline(tl, TODAY)
    c = dashboard.charts
    assert c.intensity_line is not None
    recorded = sum(1 for p in tl.points if p.couple is not None and p.couple.intensity is not None)
    assert c.intensity_line.count() == recorded
    stepped = [p.steps[ZOE] for p in tl.points if ZOE in p.steps]
    changes = sum(1 for a, b in zip(stepped, stepped[1:], strict=False) if a != b)
    assert c.step_lines[ZOE].count() == len(stepped) + changes  # a corner per change
    assert not c.step_lines[ZOE].pointsVisible()
    assert c.partners[("steps", ZOE)].markers.count() == 0  # they would blur into a band
    # Direction markers are thinned: never more than fit along the chart.
    for pid in (ZOE, LUKASZ):
        shown = sum(s.count() for (who, _d), s in c.direction_markers.items() if who == pid)
        assert 0 < shown <= 24


def render(widget: CaseDashboard, path: Path) -> None:
    widget.resize(1200, 800)
    widget.show()
    QApplication.processEvents()
    assert widget.grab().save(str(path))


def test_renders_in_light_and_dark(qtbot: QtBot, tmp_path: Path) -> None:
    for name, palette in (("light", QPalette(QColor("#f3f3f3"))), ("dark", dark_palette())):
        widget = CaseDashboard()
        qtbot.addWidget(widget)
        widget.setPalette(palette)
        widget.set_timeline(story_timeline(), TODAY)
        render(widget, tmp_path / f"{name}.png")
        assert (tmp_path / f"{name}.png").stat().st_size > 10_000
        labels = widget.findChildren(QLabel)
        assert all("score" not in lb.text().lower() for lb in labels)


def test_hovering_a_point_shows_its_tooltip(qtbot: QtBot, dashboard: CaseDashboard) -> None:
    dashboard.set_timeline(small_timeline(), TODAY)
    dashboard.show()
    qtbot.waitExposed(dashboard)
    markers = dashboard.charts.co_regulation_markers
    assert markers is not None
    markers.hovered.emit(markers.points()[0], True)
    qtbot.waitUntil(lambda: QToolTip.isVisible())
    assert "Mon 12 Feb 2024" in QToolTip.text() and "Co-regulation: yes" in QToolTip.text()
    markers.hovered.emit(markers.points()[0], False)
    qtbot.waitUntil(lambda: not QToolTip.isVisible())


def test_guidance_follows_the_interface_language(
    dashboard: CaseDashboard, qapp: QApplication
) -> None:
    before = QLocale()
    assert language.install("es")
    try:
        dashboard.set_timeline(small_timeline(), TODAY)  # both partners at step 4
        text = dashboard.guidance.texts()[0]
    finally:
        language.install("en")
        QLocale.setDefault(before)
    assert "“Encontrar tu rumbo” (paso 4)" in text
    assert "Find Your Direction” (step 4)" not in text
    dashboard.set_timeline(small_timeline(), TODAY)
    assert "“Find Your Direction” (step 4)" in dashboard.guidance.texts()[0]
