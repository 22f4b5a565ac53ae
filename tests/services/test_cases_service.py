"""Cases: the list a therapist starts from, opening, editing, closing and reopening."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest

from clarity_desktop.domain.errors import NotFound, ValidationError
from clarity_desktop.domain.records import CaseInput, CaseKind, CaseStatus, PartnerInput
from clarity_desktop.services import cases
from clarity_desktop.services.dto import CaseDetail, SessionView
from clarity_desktop.store.practice import OpenPractice


def couple_input(a: str, b: str, **kw: object) -> CaseInput:
    return CaseInput(
        kind=CaseKind.COUPLE,
        display_name=str(kw.pop("display_name", "")),
        partners=(PartnerInput(a), PartnerInput(b)),
        **kw,
    )


def test_new_couple_case_comes_back_cleaned(couple_case: CaseDetail) -> None:
    assert couple_case.display_name == "Zoë & Łukasz"
    assert couple_case.kind is CaseKind.COUPLE
    assert couple_case.status is CaseStatus.ACTIVE
    assert couple_case.opened_on == date(2024, 1, 15)
    assert couple_case.closed_on is None
    assert [(p.position, p.name) for p in couple_case.partners] == [(1, "Zoë"), (2, "Łukasz")]
    assert couple_case.partners[0].email == "zoe@example.org"
    assert couple_case.partners[1].date_of_birth == date(1988, 4, 2)
    assert all(p.current_step is None for p in couple_case.partners)
    assert couple_case.sessions == ()


def test_get_case_reads_back_what_was_created(
    practice: OpenPractice, couple_case: CaseDetail
) -> None:
    assert cases.open_case(practice.uow(), couple_case.id) == couple_case


def test_get_case_of_an_unknown_number_is_not_found(practice: OpenPractice) -> None:
    with pytest.raises(NotFound, match="no case number 404"):
        cases.open_case(practice.uow(), 404)


def test_invalid_case_is_refused_and_not_stored(practice: OpenPractice) -> None:
    with pytest.raises(ValidationError) as info:
        cases.create_case(practice.uow(), couple_input("Zoë", "  "))
    assert info.value.field == "partner2.name"
    assert cases.list_cases(practice.uow()) == []


def test_case_list_is_sorted_by_name_ignoring_case_and_accents(practice: OpenPractice) -> None:
    for a, b in [
        ("zoë", "Xavi"),
        ("Émile", "Noor"),
        ("anna", "Ben"),
        ("Bea", "Cy"),
        ("élodie", "Marc"),
        ("Ada", "Tom"),
    ]:
        cases.create_case(practice.uow(), couple_input(a, b))
    names = [c.display_name for c in cases.list_cases(practice.uow())]
    assert names == [
        "Ada & Tom",
        "anna & Ben",
        "Bea & Cy",
        "élodie & Marc",
        "Émile & Noor",
        "zoë & Xavi",
    ]


def test_list_cases_filters_by_status(
    practice: OpenPractice, couple_case: CaseDetail, individual_case: CaseDetail
) -> None:
    cases.close_case(practice.uow(), individual_case.id, date(2024, 6, 1))
    assert [c.id for c in cases.list_cases(practice.uow(), CaseStatus.ACTIVE)] == [couple_case.id]
    assert [c.id for c in cases.list_cases(practice.uow(), CaseStatus.CLOSED)] == [
        individual_case.id
    ]
    assert {c.id for c in cases.list_cases(practice.uow())} == {
        couple_case.id,
        individual_case.id,
    }


def test_case_list_shows_last_session_and_session_count(
    practice: OpenPractice,
    couple_case: CaseDetail,
    individual_case: CaseDetail,
    record_session: Callable[..., SessionView],
) -> None:
    record_session(couple_case.id, datetime(2025, 3, 4, 10, 0))
    record_session(couple_case.id, datetime(2025, 4, 1, 17, 30))
    record_session(couple_case.id, datetime(2025, 3, 18, 10, 0))  # entered late, older
    rows = {c.id: c for c in cases.list_cases(practice.uow())}
    assert rows[couple_case.id].session_count == 3
    assert rows[couple_case.id].last_session == datetime(2025, 4, 1, 17, 30)
    assert rows[individual_case.id].session_count == 0
    assert rows[individual_case.id].last_session is None


def test_update_changes_names_details_and_safety(
    practice: OpenPractice, couple_case: CaseDetail
) -> None:
    data = CaseInput(
        kind=CaseKind.COUPLE,
        display_name="Z. & Ł. K.",
        partners=(PartnerInput("Zoë", pronouns="they/them"), PartnerInput("Łukasz")),
        relationship_structure="Separated, co-parenting",
        opened_on=couple_case.opened_on,
        safety_flag=True,
        safety_note="Screened 2025-03: ongoing concern, no joint handouts.",
    )
    updated = cases.update_case(practice.uow(), couple_case.id, data)
    assert updated.display_name == "Z. & Ł. K."
    assert updated.partners[0].pronouns == "they/them"
    assert updated.partners[0].email == ""  # cleared in the form, cleared in the record
    assert updated.relationship_structure == "Separated, co-parenting"
    assert updated.safety_flag and updated.safety_note.startswith("Screened")
    assert cases.open_case(practice.uow(), couple_case.id) == updated
    # partner ids are stable across edits (notes point at them)
    assert [p.id for p in updated.partners] == [p.id for p in couple_case.partners]


def test_update_without_an_opened_date_keeps_the_original_one(
    practice: OpenPractice, couple_case: CaseDetail
) -> None:
    updated = cases.update_case(
        practice.uow(), couple_case.id, couple_input("Zoë", "Łukasz", display_name="Renamed")
    )
    assert updated.display_name == "Renamed"
    assert updated.opened_on == date(2024, 1, 15)


def test_update_cannot_move_the_opened_date_past_the_closing_date(
    practice: OpenPractice, couple_case: CaseDetail
) -> None:
    cases.close_case(practice.uow(), couple_case.id, date(2024, 6, 30))
    late = couple_input("Zoë", "Łukasz", opened_on=date(2024, 7, 1))
    with pytest.raises(ValidationError, match="closed before the day it was opened"):
        cases.update_case(practice.uow(), couple_case.id, late)
    after = cases.open_case(practice.uow(), couple_case.id)
    assert (after.opened_on, after.closed_on) == (date(2024, 1, 15), date(2024, 6, 30))


def test_update_cannot_turn_a_couple_into_an_individual_case(
    practice: OpenPractice, couple_case: CaseDetail
) -> None:
    with pytest.raises(ValidationError) as info:
        cases.update_case(
            practice.uow(),
            couple_case.id,
            CaseInput(CaseKind.INDIVIDUAL, "", (PartnerInput("Zoë"),)),
        )
    assert info.value.field == "kind"
    assert cases.open_case(practice.uow(), couple_case.id).kind is CaseKind.COUPLE


def test_invalid_update_changes_nothing(practice: OpenPractice, couple_case: CaseDetail) -> None:
    bad = couple_input("Zoë", "Łukasz", safety_flag=True, safety_note="")
    with pytest.raises(ValidationError):
        cases.update_case(practice.uow(), couple_case.id, bad)
    assert cases.open_case(practice.uow(), couple_case.id) == couple_case


def test_close_and_reopen(practice: OpenPractice, couple_case: CaseDetail) -> None:
    closed = cases.close_case(practice.uow(), couple_case.id, date(2025, 1, 31))
    assert (closed.status, closed.closed_on) == (CaseStatus.CLOSED, date(2025, 1, 31))
    assert cases.open_case(practice.uow(), couple_case.id).status is CaseStatus.CLOSED
    with pytest.raises(ValidationError, match="already closed"):
        cases.close_case(practice.uow(), couple_case.id)

    reopened = cases.reopen_case(practice.uow(), couple_case.id)
    assert (reopened.status, reopened.closed_on) == (CaseStatus.ACTIVE, None)
    with pytest.raises(ValidationError, match="already active"):
        cases.reopen_case(practice.uow(), couple_case.id)


def test_closing_defaults_to_today(practice: OpenPractice, couple_case: CaseDetail) -> None:
    assert cases.close_case(practice.uow(), couple_case.id).closed_on == date.today()


def test_closing_before_the_opened_date_is_refused(
    practice: OpenPractice, couple_case: CaseDetail
) -> None:
    with pytest.raises(ValidationError, match="before the day it was opened") as info:
        cases.close_case(practice.uow(), couple_case.id, couple_case.opened_on - timedelta(days=1))
    assert info.value.field == "closed_on"
    after = cases.open_case(practice.uow(), couple_case.id)
    assert (after.status, after.closed_on) == (CaseStatus.ACTIVE, None)


def test_closed_case_refuses_a_new_session(
    practice: OpenPractice,
    couple_case: CaseDetail,
    record_session: Callable[..., SessionView],
) -> None:
    cases.close_case(practice.uow(), couple_case.id, date(2025, 1, 31))
    with pytest.raises(ValidationError, match="closed; reopen it") as info:
        record_session(couple_case.id)
    assert info.value.field == "case"
    assert cases.open_case(practice.uow(), couple_case.id).sessions == ()
    cases.reopen_case(practice.uow(), couple_case.id)
    assert record_session(couple_case.id).case_id == couple_case.id


def test_individual_case(individual_case: CaseDetail) -> None:
    assert individual_case.kind is CaseKind.INDIVIDUAL
    assert individual_case.display_name == "Søren Ødegård"
    assert [p.name for p in individual_case.partners] == ["Søren Ødegård"]


def test_cases_are_never_deleted_by_closing(
    practice: OpenPractice, couple_case: CaseDetail, record_session: Callable[..., SessionView]
) -> None:
    s = record_session(couple_case.id)
    cases.close_case(practice.uow(), couple_case.id, date(2025, 12, 31))
    detail = cases.open_case(practice.uow(), couple_case.id)
    assert [x.id for x in detail.sessions] == [s.id]
    assert (
        replace(detail, status=CaseStatus.ACTIVE, closed_on=None).partners == couple_case.partners
    )


def test_likely_duplicate_clients_are_found_ignoring_case_accents_and_spaces(
    practice: OpenPractice, couple_case: CaseDetail
) -> None:
    from clarity_desktop.services.cases import similar_clients

    found = similar_clients(practice.uow(), ["  zoe ", "Nobody Here"])
    assert [(c.name, c.case_id) for c in found] == [("Zoë", couple_case.id)]
    assert similar_clients(practice.uow(), ["zoe"], exclude_case_id=couple_case.id) == []


def test_unusual_dates_ask_to_confirm_but_ordinary_ones_do_not() -> None:
    from datetime import date

    from clarity_desktop.domain.errors import ErrorCode, Phrase
    from clarity_desktop.domain.records import unusual_date_warning

    today = date(2026, 11, 23)
    assert unusual_date_warning(date(2026, 11, 20), today, Phrase.SESSION_DATE) is None
    ahead = unusual_date_warning(date(2028, 1, 5), today, Phrase.SESSION_DATE)
    assert ahead is not None and ahead.code is ErrorCode.DATE_FAR_FUTURE
    assert str(ahead) == "The session date is more than a year from now (05 Jan 2028)."
    back = unusual_date_warning(date(2016, 11, 20), today, Phrase.OPENING_DATE)
    assert str(back) == "The opening date is more than 5 years ago (20 Nov 2016)."
