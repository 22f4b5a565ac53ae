"""The Measures tab: a check-in started from the Case menu keeps both partners' answers
with the chosen session and the tab then draws two lines; a paper form is kept; answers
entered by mistake are removed, never those of a signed session; an empty case says what
to do."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from clarity_desktop.domain.instruments import AnswerSource
from clarity_desktop.domain.records import SessionInput
from clarity_desktop.domain.templates import Template
from clarity_desktop.services import cases, measures, notes, sessions
from clarity_desktop.services.dto import CaseDetail, NoteDraft, SessionView
from clarity_desktop.services.guidance import resources_dir
from clarity_desktop.services.practices import OpenPractice
from clarity_desktop.ui.common.settings import Settings
from clarity_desktop.ui.main.main_window import MainWindow
from clarity_desktop.ui.main.shortcuts_dialog import collect
from clarity_desktop.ui.measures.answer_sets_model import AnswerSetModel
from clarity_desktop.ui.measures.measure_dialogs import (
    CheckInDialog,
    PaperEntryDialog,
    respondents,
)
from clarity_desktop.ui.measures.measures_page import MeasuresPage
from tests.ui.conftest import ModalAnswerer, click_button

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def held(practice: OpenPractice, case: CaseDetail, when: datetime, **kw: int) -> SessionView:
    return sessions.create_session(practice.uow(), case.id, SessionInput(starts_at=when, **kw))


def sign(practice: OpenPractice, session: SessionView) -> None:
    assert session.note_id is not None
    notes.save_draft(
        practice.uow(),
        session.note_id,
        NoteDraft(Template.FIVE_STEPS, {"focus": "Both attended."}, frozenset(), {}, False),
    )
    notes.sign_note(practice.uow(), session.note_id)


def check_in(practice: OpenPractice) -> measures.Instrument:
    return measures.find(measures.catalogue(practice.folder), "session_check_in")


def answer(practice: OpenPractice, case: CaseDetail, session: SessionView, base: int) -> None:
    instrument = check_in(practice)
    for offset, partner in enumerate(case.partners):
        value = max(0, min(4, base + offset * 2 - 1))
        measures.record_answers(
            practice.uow(),
            instrument,
            case.id,
            partner.id,
            {item.id: value for item in instrument.items},
            session_id=session.id,
        )


@pytest.fixture
def main(qtbot: QtBot, practice: OpenPractice, settings: Settings) -> MainWindow:
    window = MainWindow(practice, settings)
    qtbot.addWidget(window)
    window.resize(1440, 900)
    window.show()
    qtbot.waitExposed(window)
    return window


def page_for(
    qtbot: QtBot, practice: OpenPractice, case: CaseDetail, session_id: int | None
) -> MeasuresPage:
    page = MeasuresPage(lambda: practice, lambda: session_id)
    qtbot.addWidget(page)
    page.resize(1100, 800)
    page.show()
    page.set_case(cases.read_case(practice.uow(), case.id))
    qtbot.waitUntil(lambda: page.found is not None)
    choose_check_in(page)
    return page


def choose_check_in(page: MeasuresPage) -> None:
    page.instrument.setCurrentIndex(page.instrument.findData("session_check_in"))
    assert page.chosen_instrument() is not None
    assert page.chosen_instrument().id == "session_check_in"  # type: ignore[union-attr]


def test_a_check_in_from_the_case_menu_keeps_both_partners_answers_with_the_session(
    qtbot: QtBot,
    modal: ModalAnswerer,
    main: MainWindow,
    practice: OpenPractice,
    couple_case: CaseDetail,
) -> None:
    session = held(practice, couple_case, datetime(2026, 3, 2, 9))
    main.reload_cases()
    main.case_list.select_case(couple_case.id)
    main.case_panel.select_session(session.id)
    qtbot.waitUntil(lambda: main.current_session_id() == session.id)
    main.measures_tab_action.trigger()  # the check-in to use is chosen on the tab
    qtbot.waitUntil(lambda: main.measures.found is not None)
    choose_check_in(main.measures)
    main.note_tab_action.trigger()  # and started from the note, by the Case menu
    seen_by_second: list[bool] = []

    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, CheckInDialog)
        screen = dialog.check_in
        assert "Zoë" in screen.who.text()
        for key in (Qt.Key.Key_4, Qt.Key.Key_3, Qt.Key.Key_3, Qt.Key.Key_2, Qt.Key.Key_1):
            qtbot.keyClick(screen, key)
        qtbot.mouseClick(screen.done, Qt.MouseButton.LeftButton)  # "Done, hand to Łukasz"
        assert "Łukasz" in screen.who.text()
        seen_by_second.append(any(b.isChecked() for b in screen.buttons))
        for _ in range(5):
            qtbot.keyClick(screen, Qt.Key.Key_1)
        qtbot.mouseClick(screen.done, Qt.MouseButton.LeftButton)
        if dialog.isVisible():  # not finished: close it rather than hang the test
            dialog.done(0)

    modal.answer(CheckInDialog, fill)
    main.check_in_action.trigger()

    assert modal.answered == ["CheckInDialog"]
    assert seen_by_second == [False]  # nothing of Zoë's chosen on Łukasz's screen
    found = measures.case_measures(practice.uow(), couple_case.id, [check_in(practice)])
    sets = found.instruments[0].answer_sets
    assert [(a.partner_id, a.session_id, a.source) for a in sets] == [
        (couple_case.partners[0].id, session.id, AnswerSource.SCREEN),
        (couple_case.partners[1].id, session.id, AnswerSource.SCREEN),
    ]
    page = main.measures
    assert main.tabs.currentWidget() is page
    qtbot.waitUntil(lambda: len(page.panels) == 1 and len(page.panels[0].chart.lines) == 2)
    assert [line.name() for line in page.panels[0].chart.lines] == ["Zoë", "Łukasz"]
    assert page.panels[0].model.rowCount() == 2
    assert len(page.panels[0].chart.gap_areas) == 1  # both answered at that session


def test_an_individual_session_asks_only_the_partner_who_came(
    practice: OpenPractice, couple_case: CaseDetail
) -> None:
    lukasz = couple_case.partners[1]
    alone = held(practice, couple_case, datetime(2026, 3, 9, 9), attending_partner_id=lukasz.id)
    assert [r.name for r in respondents(couple_case, alone)] == ["Łukasz"]


def test_a_paper_form_is_kept_for_the_chosen_partner_and_session(
    qtbot: QtBot, modal: ModalAnswerer, practice: OpenPractice, couple_case: CaseDetail
) -> None:
    session = held(practice, couple_case, datetime(2026, 3, 2, 9))
    page = page_for(qtbot, practice, couple_case, session.id)
    changed: list[int] = []
    page.answers_changed.connect(changed.append)

    def copy(dialog: QWidget) -> None:
        assert isinstance(dialog, PaperEntryDialog)
        entry = dialog.entry
        assert entry.session.currentData()[0] == session.id  # the chosen session offered
        entry.partner.setCurrentIndex(1)
        for box in entry.items.values():
            box.setCurrentIndex(3)  # the value 2
        qtbot.mouseClick(entry.save, Qt.MouseButton.LeftButton)

    modal.answer(PaperEntryDialog, copy)
    page.enter_paper_form()

    assert changed == [couple_case.id]
    found = measures.case_measures(practice.uow(), couple_case.id, [check_in(practice)])
    (paper,) = found.instruments[0].answer_sets
    assert (paper.partner_id, paper.session_id, paper.source) == (
        couple_case.partners[1].id,
        session.id,
        AnswerSource.PAPER,
    )
    assert set(paper.answers.values()) == {2}


def test_answers_entered_by_mistake_are_removed_but_never_a_signed_sessions(
    qtbot: QtBot, modal: ModalAnswerer, practice: OpenPractice, couple_case: CaseDetail
) -> None:
    signed = held(practice, couple_case, datetime(2026, 2, 23, 9))
    draft = held(practice, couple_case, datetime(2026, 3, 2, 9))
    answer(practice, couple_case, signed, 2)
    answer(practice, couple_case, draft, 3)
    sign(practice, signed)
    page = page_for(qtbot, practice, couple_case, draft.id)
    panel = page.panels[0]
    assert panel.model.rowCount() == 4
    said: list[str] = []

    def read_and_close(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        said.append(box.text())
        click_button(box, "OK")

    # the newest first: row 0 is on the draft session, row 3 on the signed one
    locked_row = next(r for r in range(4) if panel.model.answer_set_at(r).locked)
    panel.table.selectRow(locked_row)
    modal.answer(QMessageBox, read_and_close)
    page.remove_selected()
    assert said and "signed" in said[0] and "cannot be changed" in said[0]

    open_row = next(r for r in range(4) if not panel.model.answer_set_at(r).locked)
    removed = panel.model.answer_set_at(open_row)
    panel.table.selectRow(open_row)
    modal.answer(QMessageBox, lambda box: click_button(box, "Yes"))
    page.remove_selected()
    left = measures.case_measures(practice.uow(), couple_case.id, [check_in(practice)])
    assert removed.id not in {a.id for a in left.instruments[0].answer_sets}
    assert len(left.instruments[0].answer_sets) == 3

    # signed behind the page's back: the service refuses, and the page says so
    page.refresh()
    qtbot.waitUntil(lambda: page.found is not None)
    panel = page.panels[0]
    row = next(r for r in range(3) if not panel.model.answer_set_at(r).locked)
    sign(practice, draft)
    panel.table.selectRow(row)
    said.clear()
    modal.answer(
        QMessageBox,
        lambda box: (click_button(box, "Yes"), modal.answer(QMessageBox, read_and_close)),
    )
    page.remove_selected()
    qtbot.waitUntil(lambda: len(said) == 1)
    assert "cannot be changed" in said[0]
    left = measures.case_measures(practice.uow(), couple_case.id, [check_in(practice)])
    assert len(left.instruments[0].answer_sets) == 3
    qtbot.waitUntil(lambda: page.found is not None and bool(page.panels))
    assert all(
        page.panels[0].model.answer_set_at(r).locked for r in range(3)
    )  # read again: every set now shows its lock


def test_an_empty_case_says_how_answers_come_in(
    qtbot: QtBot, practice: OpenPractice, couple_case: CaseDetail
) -> None:
    page = page_for(qtbot, practice, couple_case, None)
    assert page.panels == []
    assert "No answers yet" in page.empty.text() and "check-in" in page.empty.text()
    assert page.empty.isVisible() and page.check_in_button.isEnabled()
    page.set_case(None)
    assert "Open a case" in page.empty.text()
    assert not page.check_in_button.isEnabled()


def test_answers_to_a_measure_whose_definition_is_gone_are_named(
    qtbot: QtBot, practice: OpenPractice, couple_case: CaseDetail
) -> None:
    own = practice.folder / "measures"
    own.mkdir(exist_ok=True)
    shipped = (resources_dir() / "measures" / "session_check_in.toml").read_text("utf-8")
    mine = own / "our_weekly.toml"
    mine.write_text(shipped.replace('id = "session_check_in"', 'id = "our_weekly"'), "utf-8")
    instrument = measures.find(measures.catalogue(practice.folder), "our_weekly")
    session = held(practice, couple_case, datetime(2026, 3, 2, 9))
    measures.record_answers(
        practice.uow(),
        instrument,
        couple_case.id,
        couple_case.partners[0].id,
        {item.id: 1 for item in instrument.items},
        session_id=session.id,
    )
    mine.unlink()
    page = page_for(qtbot, practice, couple_case, None)
    assert page.unknown.isVisible() and "our_weekly" in page.unknown.text()
    assert page.panels == [] and "No answers yet" in page.empty.text()


def test_the_answer_set_table_is_a_sound_model(
    qtmodeltester: ModelTester, practice: OpenPractice, couple_case: CaseDetail
) -> None:
    session = held(practice, couple_case, datetime(2026, 3, 2, 9))
    answer(practice, couple_case, session, 2)
    found = measures.case_measures(practice.uow(), couple_case.id, [check_in(practice)])
    model = AnswerSetModel()
    course = found.instruments[0]
    names = {p.id: p.name for p in couple_case.partners}
    model.set_answer_sets(course.instrument, course.answer_sets, names, {session.id: "2 Mar"}, "en")
    qtmodeltester.check(model)
    assert model.rowCount() == 2
    assert model.index(0, AnswerSetModel.SCORES).data() != ""


def test_the_measures_keys_are_listed_with_the_other_shortcuts(main: MainWindow) -> None:
    listed = {(s.keys, s.what) for s in collect(main)}
    assert ("Ctrl+Shift+I", "Start check-in") in listed
    assert ("Ctrl+Shift+F", "Enter a paper form") in listed
    assert ("Ctrl+4", "Measures") in listed
    assert ("Del", "Remove the answers chosen in a table") in listed


def test_the_case_menu_s_check_in_asks_the_session_check_in_unless_another_is_chosen(
    qtbot: QtBot, main: MainWindow, practice: OpenPractice, couple_case: CaseDetail
) -> None:
    """Ctrl+Shift+I before the Measures tab was ever opened: the short session check-in,
    not whichever definition sorts first."""
    chosen = main.measures.chosen_instrument()
    assert chosen is not None and chosen.id == "session_check_in"
    main.reload_cases()
    main.case_list.select_case(couple_case.id)
    main.measures_tab_action.trigger()
    qtbot.waitUntil(lambda: main.measures.found is not None)
    assert main.measures.instrument.currentData() == "session_check_in"
    other = main.measures.instrument.findData("ambivalence_check")
    main.measures.instrument.setCurrentIndex(other)
    chosen = main.measures.chosen_instrument()
    assert chosen is not None and chosen.id == "ambivalence_check"


def test_answers_from_a_private_individual_session_are_marked_private(
    qtbot: QtBot, practice: OpenPractice, couple_case: CaseDetail
) -> None:
    lukasz = couple_case.partners[1]
    alone = held(practice, couple_case, datetime(2026, 3, 9, 9), attending_partner_id=lukasz.id)
    assert alone.note_id is not None
    notes.save_draft(
        practice.uow(),
        alone.note_id,
        NoteDraft(Template.FIVE_STEPS, {"focus": "Alone."}, frozenset(), {}, True),
    )
    measures.record_answers(
        practice.uow(),
        check_in(practice),
        couple_case.id,
        lukasz.id,
        {"safe_to_speak": 1, "heard": 1, "clarity": 1, "hope": 1, "pressure": 3},
        session_id=alone.id,
    )
    page = page_for(qtbot, practice, couple_case, alone.id)
    model = page.panels[0].model
    shown = [model.index(0, c).data() for c in range(model.columnCount())]
    assert any(isinstance(t, str) and t.endswith("Łukasz · private") for t in shown), shown
