"""The measures chart: both partners, the gap shaded, cut-off and reliable-change bands
only where the definition gives them, and a sentence when nothing was answered."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from pytestqt.qtbot import QtBot

from clarity_desktop.ui.measures.measures_chart import MeasureChart, PartnerLine

AMARA = PartnerLine("Amara", ((date(2025, 3, 4), 3.2), (date(2025, 3, 11), 2.0)))
LUCIA = PartnerLine("Lucía", ((date(2025, 3, 4), 1.6), (date(2025, 3, 18), 2.4)))


def test_both_partners_and_the_gap_at_the_session_both_answered(
    qtbot: QtBot, tmp_path: Path
) -> None:
    chart = MeasureChart()
    qtbot.addWidget(chart)
    chart.resize(700, 320)
    chart.show_course(
        "How the session felt", [AMARA, LUCIA], [(date(2025, 3, 4), 3.2, 1.6)], (0, 4)
    )
    assert [line.count() for line in chart.lines] == [2, 2]
    assert len(chart.gap_areas) == 1 and chart.cutoff_line is None and chart.bands == []
    chart.grab().save(str(tmp_path / "measures_chart.png"))


def test_cut_off_and_reliable_change_bands_where_the_definition_gives_them(
    qtbot: QtBot, tmp_path: Path
) -> None:
    chart = MeasureChart()
    qtbot.addWidget(chart)
    chart.resize(700, 320)
    chart.show_course("Practice scale", [AMARA, LUCIA], [], (0, 4), cutoff=2.5, reliable_change=0.8)
    assert chart.cutoff_line is not None and chart.cutoff_line.at(0).y() == 2.5
    assert len(chart.bands) == 2
    assert chart.bands[0].upperSeries().at(0).y() == 3.2 + 0.8
    chart.grab().save(str(tmp_path / "measures_chart_bands.png"))


def test_nothing_answered_says_so(qtbot: QtBot) -> None:
    chart = MeasureChart()
    qtbot.addWidget(chart)
    chart.show_course("How the session felt", [PartnerLine("Amara", ())], [], (0, 4))
    assert "No answers recorded yet" in chart.chart().title()
    assert chart.chart().series() == []


def test_in_spanish_the_axes_use_the_decimal_comma_and_spanish_months(qtbot: QtBot) -> None:
    from PySide6.QtCharts import QDateTimeAxis

    from clarity_desktop.ui.common import language

    assert language.install("es")
    try:
        chart = MeasureChart()
        qtbot.addWidget(chart)
        chart.show_course("Cómo fue la sesión", [AMARA, LUCIA], [], (0, 4))
        assert chart.chart().localizeNumbers()
        assert chart.chart().locale().toString(2.5, "f", 1) == "2,5"
        (x,) = (a for a in chart.chart().axes() if isinstance(a, QDateTimeAxis))
        assert x.format() == "d MMM"
        assert chart.chart().locale().toString(x.min(), x.format()).endswith("mar")
    finally:
        language.install("en")
