"""The practice overview panel: loads off the GUI thread, filters by toggles and text,
sorts by any column, and opens a case by Enter or double-click."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from clarity_desktop.domain.dynamics import CoupleReading
from clarity_desktop.domain.measures import Trend
from clarity_desktop.domain.movement import Measure, Movement
from clarity_desktop.domain.records import CaseInput, CaseKind, PartnerInput, SessionInput
from clarity_desktop.domain.steps import Step
from clarity_desktop.domain.templates import Template
from clarity_desktop.services import cases, notes, sessions
from clarity_desktop.services.dto import CaseDetail, NoteDraft
from clarity_desktop.services.overview import OverviewRow
from clarity_desktop.services.practices import OpenPractice
from clarity_desktop.ui.common import dates
from clarity_desktop.ui.common.models import ID_ROLE
from clarity_desktop.ui.dashboard.overview import OverviewModel, OverviewPanel


def ago(days: int) -> datetime:
    return datetime.combine(date.today() - timedelta(days=days), datetime.min.time()).replace(
        hour=10
    )


def record(
    practice: OpenPractice,
    case: CaseDetail,
    days_ago: int,
    steps: tuple[Step, Step],
    intensity: int | None = None,
) -> None:
    s = sessions.create_session(practice.uow(), case.id, SessionInput(ago(days_ago)))
    assert s.note_id is not None
    notes.save_draft(
        practice.uow(),
        s.note_id,
        NoteDraft(
            template=Template.FIVE_STEPS,
            sections={},
            steps=frozenset(),
            partner_steps={p.id: step for p, step in zip(case.partners, steps, strict=True)},
            private=False,
            couple_reading=CoupleReading(intensity=intensity),
        ),
    )


def couple(
    practice: OpenPractice, a: str, b: str, name: str = "", safety: bool = False
) -> CaseDetail:
    return cases.create_case(
        practice.uow(),
        CaseInput(
            kind=CaseKind.COUPLE,
            display_name=name,
            partners=(PartnerInput(a), PartnerInput(b)),
            opened_on=date.today() - timedelta(days=200),
            safety_flag=safety,
            safety_note="Screened at intake." if safety else "",
        ),
    )


@pytest.fixture
def practice_cases(
    practice: OpenPractice, couple_case: CaseDetail, individual_case: CaseDetail
) -> dict[str, int]:
    """Zoë & Łukasz: steps differ, seen 5 days ago.
    Harbour couple (Ana, Ben): safety flag, same steps, seen 3 days ago.
    Cleo & Dev: steps differ, safety flag, last seen 60 days ago.
    Søren Ødegård: one person, no session yet.
    Closed: not shown."""
    record(practice, couple_case, 12, (Step.NAME_WHATS_HAPPENING, Step.NOTICE_THE_SHIFT), 6)
    record(practice, couple_case, 5, (Step.LEAN_IN, Step.NAME_WHATS_HAPPENING), 4)
    harbour = couple(practice, "Ana", "Ben", name="Harbour couple", safety=True)
    record(practice, harbour, 3, (Step.LEAN_IN, Step.LEAN_IN), 2)
    cleo = couple(practice, "Cleo", "Dev", safety=True)
    record(practice, cleo, 60, (Step.FIND_YOUR_DIRECTION, Step.NOTICE_THE_SHIFT), 9)
    closed = couple(practice, "Gone", "Away")
    cases.close_case(practice.uow(), closed.id)
    return {
        "Zoë & Łukasz": couple_case.id,
        "Harbour couple": harbour.id,
        "Cleo & Dev": cleo.id,
        "Søren Ødegård": individual_case.id,
    }


def loaded_panel(qtbot: QtBot, practice: OpenPractice) -> OverviewPanel:
    panel = OverviewPanel(practice)
    qtbot.addWidget(panel)
    panel.resize(1100, 500)
    with qtbot.waitSignal(panel.overview_loaded, timeout=10_000):
        panel.show()  # the first show loads the overview
    return panel


def shown(panel: OverviewPanel) -> list[str]:
    proxy = panel.proxy
    return [str(proxy.index(r, OverviewModel.CASE).data()) for r in range(proxy.rowCount())]


def click(qtbot: QtBot, button: QPushButton) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=button.rect().center())


def test_loads_off_the_gui_thread_with_a_loading_state_and_shows_each_case(
    qtbot: QtBot, practice: OpenPractice, practice_cases: dict[str, int]
) -> None:
    panel = loaded_panel(qtbot, practice)
    assert sorted(shown(panel)) == sorted(practice_cases)  # the closed case is left out
    assert panel.count.text() == "4 active cases"
    panel.refresh()
    assert panel.count.text() == "Loading…"
    assert panel.pages.currentIndex() == OverviewPanel.TABLE_PAGE  # old rows stay usable
    with qtbot.waitSignal(panel.overview_loaded, timeout=10_000) as loaded:
        pass
    assert loaded.args == [4]
    assert panel.count.text() == "4 active cases"

    model = panel.model
    zoe = model.row_of(practice_cases["Zoë & Łukasz"])
    assert zoe is not None
    assert model.index(zoe, OverviewModel.STEPS).data() == "Zoë 3 · Łukasz 2"
    assert model.index(zoe, OverviewModel.INTENSITY).data() == "4"
    assert model.index(zoe, OverviewModel.LAST).data() == dates.day(ago(5).date())
    solo = model.row_of(practice_cases["Søren Ødegård"])
    assert solo is not None
    assert model.index(solo, OverviewModel.STEPS).data() == "—"
    cleo = model.row_of(practice_cases["Cleo & Dev"])
    assert cleo is not None
    attention = model.index(cleo, OverviewModel.ATTENTION)
    # safety, step_gap (4 vs 1) and no_recent_session
    assert attention.data() == "3"
    assert "Safety flag set" in attention.data(Qt.ItemDataRole.ToolTipRole)
    assert "No session in the last 30 days" in attention.data(Qt.ItemDataRole.ToolTipRole)
    assert attention.data(Qt.ItemDataRole.DecorationRole) is not None
    assert model.index(zoe, OverviewModel.ATTENTION).data(Qt.ItemDataRole.DecorationRole) is None


def test_models_pass_the_model_tester(
    qtmodeltester: ModelTester, qtbot: QtBot, practice: OpenPractice, practice_cases: dict[str, int]
) -> None:
    panel = loaded_panel(qtbot, practice)
    qtmodeltester.check(panel.model)
    qtmodeltester.check(panel.proxy)
    click(qtbot, panel.safety_button)
    panel.table.sortByColumn(OverviewModel.LAST, Qt.SortOrder.AscendingOrder)
    qtmodeltester.check(panel.proxy)
    empty = OverviewModel()
    qtmodeltester.check(empty)


def test_filter_toggles_narrow_the_rows_and_combine(
    qtbot: QtBot, practice: OpenPractice, practice_cases: dict[str, int]
) -> None:
    panel = loaded_panel(qtbot, practice)
    click(qtbot, panel.steps_differ_button)
    assert sorted(shown(panel)) == ["Cleo & Dev", "Zoë & Łukasz"]
    assert panel.count.text() == "2 of 4 cases"
    click(qtbot, panel.steps_differ_button)
    click(qtbot, panel.safety_button)
    assert sorted(shown(panel)) == ["Cleo & Dev", "Harbour couple"]
    click(qtbot, panel.safety_button)
    click(qtbot, panel.quiet_button)
    assert sorted(shown(panel)) == ["Cleo & Dev", "Søren Ødegård"]  # never seen counts too
    click(qtbot, panel.steps_differ_button)  # both on: AND, not OR
    assert shown(panel) == ["Cleo & Dev"]
    click(qtbot, panel.quiet_button)
    click(qtbot, panel.safety_button)  # different steps AND safety
    assert shown(panel) == ["Cleo & Dev"]
    click(qtbot, panel.steps_differ_button)
    click(qtbot, panel.safety_button)
    assert len(shown(panel)) == 4
    assert panel.count.text() == "4 active cases"


def test_text_filter_matches_case_and_partner_names_ignoring_case(
    qtbot: QtBot, practice: OpenPractice, practice_cases: dict[str, int]
) -> None:
    panel = loaded_panel(qtbot, practice)
    qtbot.keyClicks(panel.filter, "BEN")  # a partner of the Harbour couple
    assert shown(panel) == ["Harbour couple"]
    panel.filter.clear()
    qtbot.keyClicks(panel.filter, "ø")
    assert sorted(shown(panel)) == ["Søren Ødegård"]
    click(qtbot, panel.safety_button)  # and the toggles still apply on top
    assert shown(panel) == []


def test_no_match_shows_a_message_and_clear_filters_brings_the_rows_back(
    qtbot: QtBot, practice: OpenPractice, practice_cases: dict[str, int]
) -> None:
    panel = loaded_panel(qtbot, practice)
    qtbot.keyClicks(panel.filter, "nobody by this name")
    assert panel.pages.currentIndex() == OverviewPanel.MESSAGE_PAGE
    assert panel.message.text() == "No case matches these filters."
    assert panel.count.text() == "0 of 4 cases"
    assert panel.clear_button.isVisible()
    click(qtbot, panel.clear_button)
    assert panel.filter.text() == ""
    assert panel.pages.currentIndex() == OverviewPanel.TABLE_PAGE
    assert len(shown(panel)) == 4


def test_a_practice_without_active_cases_says_so(qtbot: QtBot, practice: OpenPractice) -> None:
    panel = OverviewPanel(practice)
    qtbot.addWidget(panel)
    assert panel.pages.currentIndex() == OverviewPanel.MESSAGE_PAGE
    with qtbot.waitSignal(panel.overview_loaded, timeout=10_000):
        panel.show()
    assert panel.pages.currentIndex() == OverviewPanel.MESSAGE_PAGE
    assert panel.message.text().startswith("No active cases.")
    assert not panel.clear_button.isVisible()
    assert panel.count.text() == "0 active cases"


def test_sorting_by_last_session_by_clicking_the_header(
    qtbot: QtBot, practice: OpenPractice, practice_cases: dict[str, int]
) -> None:
    panel = loaded_panel(qtbot, practice)
    header = panel.table.horizontalHeader()
    x = (
        header.sectionViewportPosition(OverviewModel.LAST)
        + header.sectionSize(OverviewModel.LAST) // 2
    )
    spot = QPoint(x, header.height() // 2)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=spot)
    assert header.sortIndicatorSection() == OverviewModel.LAST
    assert shown(panel) == ["Harbour couple", "Zoë & Łukasz", "Cleo & Dev", "Søren Ødegård"]
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=spot)
    assert shown(panel) == ["Søren Ødegård", "Cleo & Dev", "Zoë & Łukasz", "Harbour couple"]


def test_other_columns_sort_by_value_not_by_text(
    qtbot: QtBot, practice: OpenPractice, practice_cases: dict[str, int]
) -> None:
    panel = loaded_panel(qtbot, practice)
    table = panel.table
    table.sortByColumn(OverviewModel.INTENSITY, Qt.SortOrder.DescendingOrder)
    assert shown(panel) == ["Cleo & Dev", "Zoë & Łukasz", "Harbour couple", "Søren Ødegård"]
    table.sortByColumn(OverviewModel.ATTENTION, Qt.SortOrder.DescendingOrder)
    # Safety-flagged cases first, the most flagged of them first; unflagged ones by name.
    assert shown(panel) == ["Cleo & Dev", "Harbour couple", "Søren Ødegård", "Zoë & Łukasz"]
    table.sortByColumn(OverviewModel.STEPS, Qt.SortOrder.AscendingOrder)
    # No step yet, then by lowest step: 1 & 4, 2 & 3, 3 & 3
    assert shown(panel) == ["Søren Ødegård", "Cleo & Dev", "Zoë & Łukasz", "Harbour couple"]
    table.sortByColumn(OverviewModel.CASE, Qt.SortOrder.AscendingOrder)
    assert shown(panel) == ["Cleo & Dev", "Harbour couple", "Søren Ødegård", "Zoë & Łukasz"]


def test_the_selected_case_stays_selected_through_sorting_and_refresh(
    qtbot: QtBot, practice: OpenPractice, practice_cases: dict[str, int]
) -> None:
    panel = loaded_panel(qtbot, practice)
    assert panel.select_case(practice_cases["Zoë & Łukasz"])
    panel.table.sortByColumn(OverviewModel.LAST, Qt.SortOrder.AscendingOrder)
    assert panel.current_case_id() == practice_cases["Zoë & Łukasz"]
    assert panel.table.currentIndex().row() == 2
    with qtbot.waitSignal(panel.overview_loaded, timeout=10_000):
        panel.refresh()
    assert panel.current_case_id() == practice_cases["Zoë & Łukasz"]


def test_enter_on_a_row_asks_for_that_case(
    qtbot: QtBot, practice: OpenPractice, practice_cases: dict[str, int]
) -> None:
    panel = loaded_panel(qtbot, practice)
    table = panel.table
    row = shown(panel).index("Cleo & Dev")
    table.setCurrentIndex(panel.proxy.index(row, OverviewModel.TREND))
    table.setFocus()
    with qtbot.waitSignal(panel.case_requested) as asked:
        qtbot.keyClick(table, Qt.Key.Key_Return)
    assert asked.args == [practice_cases["Cleo & Dev"]]


def test_typing_a_filter_then_enter_twice_opens_the_match(
    qtbot: QtBot, practice: OpenPractice, practice_cases: dict[str, int]
) -> None:
    panel = loaded_panel(qtbot, practice)
    panel.activateWindow()
    qtbot.keyClicks(panel.filter, "harbour")
    qtbot.keyClick(panel.filter, Qt.Key.Key_Return)  # into the table, on the first match
    assert panel.table.currentIndex().data(ID_ROLE) == practice_cases["Harbour couple"]
    with qtbot.waitSignal(panel.case_requested) as asked:
        qtbot.keyClick(panel.table, Qt.Key.Key_Return)
    assert asked.args == [practice_cases["Harbour couple"]]


def test_double_click_on_a_row_asks_for_that_case(
    qtbot: QtBot, practice: OpenPractice, practice_cases: dict[str, int]
) -> None:
    panel = loaded_panel(qtbot, practice)
    row = shown(panel).index("Søren Ødegård")
    spot = panel.table.visualRect(panel.proxy.index(row, OverviewModel.CASE)).center()
    viewport = panel.table.viewport()
    with qtbot.waitSignal(panel.case_requested) as asked:
        qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=spot)
        qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=spot)
    assert asked.args == [practice_cases["Søren Ødegård"]]


def test_couples_sharing_a_first_name_are_told_apart_by_initials(qapp: QApplication) -> None:
    model = OverviewModel()
    model.set_rows(
        [
            OverviewRow(
                case_id=7,
                display_name="Priya Raman & Priya Nakamura",
                kind=CaseKind.COUPLE,
                safety_flag=False,
                partner_names=("Priya Raman", "Priya Nakamura"),
                current_steps=(Step.LEAN_IN, None),
                latest_intensity=None,
                intensity=Movement(Measure.INTENSITY, Trend.NOT_ENOUGH, ()),
                last_session=None,
                flags=(),
                steps_differ=False,
                no_recent_session=True,
            )
        ]
    )
    steps = model.index(0, OverviewModel.STEPS)
    assert steps.data() == "Priya R. 3 · Priya N. —"
    assert steps.data(Qt.ItemDataRole.ToolTipRole) == (
        "Priya Raman: 3 · Lean In\nPriya Nakamura: no step recorded yet"
    )


def test_a_failed_refresh_says_so_and_keeps_the_rows_on_screen(
    qtbot: QtBot, practice: OpenPractice, practice_cases: dict[str, int]
) -> None:
    panel = loaded_panel(qtbot, practice)
    practice.close()  # the key is wiped: the next read cannot open the database
    panel.refresh()
    qtbot.waitUntil(lambda: panel.count.text() == "Not refreshed", timeout=10_000)
    assert panel.count.toolTip().startswith("The overview could not be read.")
    assert panel.pages.currentIndex() == OverviewPanel.TABLE_PAGE
    assert len(shown(panel)) == 4
