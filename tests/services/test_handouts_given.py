"""Which handout went to whom at which session: recorded, read back for the brief, the
Today view and the case summary, where a handout given at a private session stays out
unless private sessions are included."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

import pytest

from clarity_desktop.domain.errors import NotFound, ValidationError
from clarity_desktop.domain.steps import Step
from clarity_desktop.services import documents, handouts_given
from clarity_desktop.services.dto import CaseDetail, SessionView
from clarity_desktop.store.practice import OpenPractice
from tests.brief_case import make_brief_case
from tests.reports import pdftools
from tests.services.conftest import AuditRow


def test_record_and_read_back(
    practice: OpenPractice,
    couple_case: CaseDetail,
    record_session: Callable[..., SessionView],
    audit_log: Callable[[], list[AuditRow]],
) -> None:
    zoe = couple_case.partners[0]
    first = record_session(couple_case.id, datetime(2025, 3, 4, 10))
    second = record_session(couple_case.id, datetime(2025, 3, 11, 10))
    handouts_given.record_given(practice.uow(), couple_case.id, Step.LEAN_IN, session_id=first.id)
    given = handouts_given.record_given(
        practice.uow(),
        couple_case.id,
        Step.NOTICE_THE_SHIFT,
        partner_id=zoe.id,
        session_id=second.id,
    )
    assert (given.to, given.step, given.given_on, given.safety_aware) == (
        "Zoë",
        Step.NOTICE_THE_SHIFT,
        date(2025, 3, 11),
        False,
    )
    rows = handouts_given.given_for_case(practice.uow(), couple_case.id)
    assert [(h.to, h.step, h.session_id) for h in rows] == [
        ("Zoë", Step.NOTICE_THE_SHIFT, second.id),
        ("Both partners", Step.LEAN_IN, first.id),
    ]
    at = handouts_given.given_at_sessions(practice.uow(), [first.id, second.id, 999])
    assert {sid: [h.step for h in hs] for sid, hs in at.items()} == {
        first.id: [Step.LEAN_IN],
        second.id: [Step.NOTICE_THE_SHIFT],
    }
    assert [r[5] for r in audit_log() if r[0] == "handout_given"] == [
        f"step 3, both partners, session {first.id}",
        f"step 1, partner {zoe.id}, session {second.id}",
    ]


def test_wrong_partner_session_or_case_is_refused(
    practice: OpenPractice,
    couple_case: CaseDetail,
    individual_case: CaseDetail,
    record_session: Callable[..., SessionView],
) -> None:
    other = record_session(individual_case.id)
    with pytest.raises(ValidationError, match="does not belong to this case"):
        handouts_given.record_given(
            practice.uow(), couple_case.id, Step.LEAN_IN, partner_id=individual_case.partners[0].id
        )
    with pytest.raises(ValidationError, match="is not a session of this case"):
        handouts_given.record_given(
            practice.uow(), couple_case.id, Step.LEAN_IN, session_id=other.id
        )
    with pytest.raises(NotFound):
        handouts_given.record_given(practice.uow(), 999, Step.LEAN_IN)
    assert handouts_given.given_for_case(practice.uow(), couple_case.id) == ()
    # An individual client's handout is recorded as theirs, and a flagged case's as the
    # safety-aware version, as printed.
    mine = handouts_given.record_given(practice.uow(), individual_case.id, Step.LEAN_IN)
    assert mine.to == "Søren Ødegård" and mine.session_id is None


def test_the_default_session_is_the_open_note_else_the_latest_held(
    couple_case: CaseDetail, record_session: Callable[..., SessionView], practice: OpenPractice
) -> None:
    from clarity_desktop.services import cases

    early = record_session(couple_case.id, datetime(2025, 3, 4, 10))
    late = record_session(couple_case.id, datetime(2025, 3, 11, 10))
    record_session(couple_case.id, datetime(2025, 4, 1, 10))  # after "today"
    case = cases.read_case(practice.uow(), couple_case.id)
    found = handouts_given.default_session(case, None, today=date(2025, 3, 20))
    assert found is not None and found.id == late.id
    found = handouts_given.default_session(case, early.id, today=date(2025, 3, 20))
    assert found is not None and found.id == early.id
    assert handouts_given.default_session(couple_case, None) is None


def test_the_case_summary_shows_them_and_keeps_private_ones_out(
    practice: OpenPractice,
) -> None:
    bc = make_brief_case(practice)
    data = documents.summary_pdf(practice.uow(), bc.case.id)
    text = pdftools.flat(pdftools.text(data or b""))
    assert "Handouts given" in text
    assert "18 Mar 2025: 3 · Lean In, to Both partners" in text
    assert "Find Your Direction, to Łukasz" not in text
    data = documents.summary_pdf(practice.uow(), bc.case.id, include_private_readings=True)
    text = pdftools.flat(pdftools.text(data or b""))
    assert "11 Mar 2025: 4 · Find Your Direction, to Łukasz (individual session)" in text
    # A progress report shows those given in its period only.
    data = documents.progress_pdf(practice.uow(), bc.case.id, date(2025, 3, 1), date(2025, 3, 10))
    text = pdftools.flat(pdftools.text(data or b""))
    assert "Handouts given" not in text
