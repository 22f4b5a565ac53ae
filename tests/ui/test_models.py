"""Every item model passes Qt's own consistency checks, with real data in it."""

from __future__ import annotations

from datetime import datetime

from pytestqt.modeltest import ModelTester

from clarity_desktop.domain.records import CaseStatus, SessionInput
from clarity_desktop.services import cases, search, sessions
from clarity_desktop.services.dto import CaseDetail
from clarity_desktop.services.practices import OpenPractice
from clarity_desktop.ui.common.models import CaseFilterProxy, CaseTableModel, SessionTableModel
from clarity_desktop.ui.main.search_dialog import SearchResultsModel


def test_case_models_pass_the_model_tester(
    qtmodeltester: ModelTester,
    practice: OpenPractice,
    couple_case: CaseDetail,
    individual_case: CaseDetail,
) -> None:
    model = CaseTableModel()
    qtmodeltester.check(model)
    model.set_cases(cases.list_cases(practice.uow()))
    qtmodeltester.check(model)
    proxy = CaseFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_status(None)
    qtmodeltester.check(proxy)
    proxy.set_text("zoë")
    assert proxy.rowCount() == 1
    qtmodeltester.check(proxy)


def test_session_and_search_models_pass_the_model_tester(
    qtmodeltester: ModelTester, practice: OpenPractice, couple_case: CaseDetail
) -> None:
    for day in (3, 10, 17):
        sessions.create_session(
            practice.uow(), couple_case.id, SessionInput(datetime(2026, 11, day, 10))
        )
    detail = cases.open_case(practice.uow(), couple_case.id)
    model = SessionTableModel()
    model.set_sessions(detail.sessions)
    assert model.rowCount() == 3
    qtmodeltester.check(model)
    results = SearchResultsModel()
    results.set_hits(search.search_notes(practice.uow(), "anything"))
    qtmodeltester.check(results)


def test_case_filter_matches_anywhere_in_the_name_ignoring_case(
    practice: OpenPractice, couple_case: CaseDetail, individual_case: CaseDetail
) -> None:
    model = CaseTableModel()
    model.set_cases(cases.list_cases(practice.uow()))
    proxy = CaseFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_text("ŁUK")
    assert [proxy.index(r, 0).data() for r in range(proxy.rowCount())] == [couple_case.display_name]
    proxy.set_text("")
    assert proxy.rowCount() == 2
    cases.close_case(practice.uow(), individual_case.id)
    model.set_cases(cases.list_cases(practice.uow()))
    assert proxy.rowCount() == 1  # active only, by default
    proxy.set_status(CaseStatus.CLOSED)
    assert [proxy.index(r, 0).data() for r in range(proxy.rowCount())] == [
        individual_case.display_name
    ]
