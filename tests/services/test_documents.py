"""Printing and exporting from a real practice: the note's record copy, handouts, the
overview; the privacy rules, the safety-flag check and the audit rows."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from clarity_desktop.domain.errors import NotFound, ValidationError
from clarity_desktop.domain.records import CaseInput, CaseKind, PartnerInput
from clarity_desktop.domain.steps import Step
from clarity_desktop.services import cases, document_audit, documents, handout_documents, notes
from clarity_desktop.services.dto import CaseDetail, NoteDraft, SessionView
from clarity_desktop.store.practice import OpenPractice
from tests.reports import pdftools
from tests.services.conftest import went_to

ME = "Dana Reyes, LMFT"
MARKER = "PRIVATE-MARKER-7Q"
AuditLog = Callable[[], list[tuple[Any, ...]]]


def new_rows(audit_log: AuditLog, action: Callable[[], object]) -> list[tuple[Any, ...]]:
    before = audit_log()
    action()
    return audit_log()[len(before) :]


@pytest.fixture
def signed_note(
    practice: OpenPractice,
    couple_case: CaseDetail,
    record_session: Callable[..., SessionView],
    draft: Callable[..., NoteDraft],
) -> int:
    """A signed joint note of Zoë & Łukasz with two addenda."""
    zoe, lukasz = (p.id for p in couple_case.partners)
    note_id = record_session(couple_case.id, datetime(2025, 3, 4, 10, 0)).note_id
    assert note_id is not None
    notes.save_draft(
        practice.uow(),
        note_id,
        draft(
            {"focus": "Distance since the move.", "direction": "Nothing decided."},
            steps={Step.LEAN_IN},
            partner_steps={zoe: Step.LEAN_IN, lukasz: Step.NAME_WHATS_HAPPENING},
        ),
    )
    notes.sign_note(practice.uow(), note_id)
    notes.add_addendum(practice.uow(), note_id, "First correction.")
    notes.add_addendum(practice.uow(), note_id, "Second correction.")
    return note_id


@pytest.fixture
def local_zone(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Run in a zone far from UTC, so local and stored times differ visibly."""
    monkeypatch.setenv("TZ", "Asia/Kolkata")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_a_signed_note_prints_with_local_times_and_addenda_in_order(
    practice: OpenPractice, signed_note: int, tmp_path: Path, local_zone: None
) -> None:
    out = tmp_path / "note.pdf"
    assert documents.note_pdf(practice.uow(), signed_note, out) is None
    text = pdftools.flat(pdftools.text(out))
    view = notes.open_note(practice.uow(), signed_note)
    assert view.signed_at is not None
    signed = document_audit.local(view.signed_at)
    assert signed.utcoffset() == timedelta(hours=5, minutes=30)
    stamp = f"{signed.day} {signed:%b %Y, %H:%M} IST"
    assert f"Signed electronically by {ME} on {stamp}." in text
    for expected in (
        "Confidential",
        "Zoë & Łukasz",
        "Tue 4 Mar 2025, 10:00 · 50 minutes · In person",
        "Both partners (Zoë, Łukasz)",
        "Steps worked on 3 · Lean In",
        "Zoë: 3 · Lean In; Łukasz: 2 · Name What's Happening",
        "Focus of the session Distance since the move.",
        "Direction Nothing decided.",
    ):
        assert expected in text
    assert text.index("First correction.") < text.index("Second correction.")
    assert "draft" not in text.lower()
    info = pdftools.info(out)
    assert info["Author"] == ME
    assert info["Title"] == "Session note — Zoë & Łukasz — 4 Mar 2025"


def test_a_draft_note_prints_as_draft(
    practice: OpenPractice,
    couple_case: CaseDetail,
    record_session: Callable[..., SessionView],
    draft: Callable[..., NoteDraft],
    audit_log: AuditLog,
) -> None:
    note_id = record_session(couple_case.id).note_id
    assert note_id is not None
    notes.save_draft(practice.uow(), note_id, draft({"focus": "Half written"}))
    rows = new_rows(
        audit_log, lambda: documents.note_pdf(practice.uow(), note_id, page_size="Letter")
    )
    data = documents.note_pdf(practice.uow(), note_id, page_size="Letter")
    assert data is not None
    for page in pdftools.pages(data):
        assert "DRAFT — not signed" in page
    assert "letter" in pdftools.info(data)["Page size"]
    exported = [r for r in rows if r[0] == "exported"]
    assert exported == [
        ("exported", "note", note_id, couple_case.id, ME, "session note PDF (unsigned draft)")
    ]


def test_every_export_print_and_preview_is_audited(
    practice: OpenPractice,
    couple_case: CaseDetail,
    signed_note: int,
    tmp_path: Path,
    audit_log: AuditLog,
) -> None:
    cid = couple_case.id
    out = tmp_path / "n.pdf"
    zoe = couple_case.partners[0].id

    def made(action: Callable[[], object]) -> list[tuple[Any, ...]]:
        return [r for r in new_rows(audit_log, action) if r[0] != "viewed"]

    assert made(lambda: documents.note_pdf(practice.uow(), signed_note, out, password="pw pw")) == [
        (
            "exported",
            "note",
            signed_note,
            cid,
            ME,
            f"session note PDF, password-protected, {went_to(practice, out)}",
        )
    ]
    assert made(lambda: documents.note_pdf(practice.uow(), signed_note, action="printed")) == [
        ("printed", "note", signed_note, cid, ME, "session note PDF")
    ]
    assert made(
        lambda: handout_documents.handout_pdf(
            practice.uow(), cid, Step.LEAN_IN, ["Zoë"], "", partner_id=zoe
        )
    ) == [("exported", "case", cid, cid, ME, f"client handout PDF, step 3, partner {zoe}")]
    assert made(
        lambda: handout_documents.handout_pdf(
            practice.uow(), cid, Step.LEAN_IN, ["Zoë", "Łukasz"], action="previewed"
        )
    ) == [("previewed", "case", cid, cid, ME, "client handout PDF, step 3, joint")]
    assert made(lambda: handout_documents.steps_overview_pdf(practice.uow(), case_id=cid)) == [
        ("exported", "case", cid, cid, ME, "five steps overview PDF")
    ]
    assert made(lambda: handout_documents.steps_overview_pdf(practice.uow())) == [
        ("exported", "practice", None, None, ME, "five steps overview PDF")
    ]


def test_nothing_is_audited_when_nothing_was_made(
    practice: OpenPractice, signed_note: int, couple_case: CaseDetail, audit_log: AuditLog
) -> None:
    before = audit_log()
    with pytest.raises(ValidationError, match="A4 or Letter"):
        documents.note_pdf(practice.uow(), signed_note, page_size="A3")
    with pytest.raises(NotFound):
        documents.note_pdf(practice.uow(), 9999)
    with pytest.raises(ValidationError, match="first name"):
        handout_documents.handout_pdf(practice.uow(), couple_case.id, Step.LEAN_IN, ["  "])
    with pytest.raises(OSError):
        documents.note_pdf(practice.uow(), signed_note, Path("/nonexistent/folder/n.pdf"))
    assert [r for r in audit_log()[len(before) :] if r[0] != "viewed"] == []


@pytest.fixture
def safety_case(practice: OpenPractice) -> CaseDetail:
    return cases.create_case(
        practice.uow(),
        CaseInput(
            kind=CaseKind.COUPLE,
            display_name="",
            partners=(PartnerInput(name="Ngozi Eze"), PartnerInput(name="Marcus Hale")),
            safety_flag=True,
            safety_note="Screened; see the plan.",
            opened_on=date(2024, 5, 1),
        ),
    )


def test_a_safety_flag_blocks_a_joint_handout_until_confirmed(
    practice: OpenPractice, safety_case: CaseDetail, audit_log: AuditLog
) -> None:
    names = ["Ngozi", "Marcus"]
    before = audit_log()
    with pytest.raises(ValidationError) as refused:
        handout_documents.handout_pdf(practice.uow(), safety_case.id, Step.LEAN_IN, names, "")
    assert str(refused.value) == (
        "This case has a safety flag. A joint handout may not be safe; confirm to make it anyway."
    )
    assert [r for r in audit_log()[len(before) :] if r[0] != "viewed"] == []
    data = handout_documents.handout_pdf(
        practice.uow(), safety_case.id, Step.LEAN_IN, names, "", acknowledge_safety=True
    )
    assert data is not None and "For Ngozi and Marcus" in pdftools.flat(pdftools.text(data))
    assert audit_log()[-1][5] == (
        "client handout PDF, step 3, joint, safety-aware version, safety flag acknowledged"
    )


def test_a_partner_from_another_case_is_refused(
    practice: OpenPractice, couple_case: CaseDetail, safety_case: CaseDetail
) -> None:
    with pytest.raises(ValidationError, match="does not belong"):
        handout_documents.handout_pdf(
            practice.uow(),
            couple_case.id,
            Step.LEAN_IN,
            ["Ngozi"],
            partner_id=safety_case.partners[0].id,
        )


def test_handouts_never_carry_note_text_or_case_details(
    practice: OpenPractice,
    couple_case: CaseDetail,
    record_session: Callable[..., SessionView],
    draft: Callable[..., NoteDraft],
) -> None:
    """The privacy rule: a marker written everywhere a clinician writes about the case
    must not reach any kind of handout; typed into the message, it must."""
    zoe, lukasz = couple_case.partners
    cases.update_case(
        practice.uow(),
        couple_case.id,
        CaseInput(
            kind=CaseKind.COUPLE,
            display_name=f"Zoë & Łukasz {MARKER}",
            partners=(
                PartnerInput(name=f"Zoë {MARKER}", pronouns=MARKER, email="zoe@example.org"),
                PartnerInput(name="Łukasz Nowak", phone=MARKER),
            ),
            relationship_structure=MARKER,
            safety_flag=True,
            safety_note=f"Safety note {MARKER}",
        ),
    )
    private = record_session(couple_case.id, datetime(2025, 3, 5, 9, 0), attending=zoe.id)
    joint = record_session(couple_case.id, datetime(2025, 3, 12, 9, 0))
    for session, partner_steps in (
        (private, {zoe.id: Step.LEAN_IN}),
        (joint, {zoe.id: Step.LEAN_IN, lukasz.id: Step.LEAN_IN}),
    ):
        assert session.note_id is not None
        sections = {key: f"{key}: {MARKER}" for key in ("focus", "leaning_in", "safety")}
        notes.save_draft(
            practice.uow(),
            session.note_id,
            draft(sections, {Step.LEAN_IN}, partner_steps, private=session is private),
        )
    assert joint.note_id is not None
    notes.sign_note(practice.uow(), joint.note_id)
    notes.add_addendum(practice.uow(), joint.note_id, f"Addendum {MARKER}")
    assert notes.open_note(practice.uow(), private.note_id or 0).private

    case = cases.read_case(practice.uow(), couple_case.id)
    made: list[bytes] = []
    for step in Step:
        for plan in (
            handout_documents.plan_handout(case, joint=True, step=step),
            handout_documents.plan_handout(case, partner="Zoë", step=step),
            handout_documents.plan_handout(case, partner="Łukasz Nowak", step=step),
        ):
            data = handout_documents.handout_pdf(
                practice.uow(),
                case.id,
                plan.step,
                plan.first_names,
                "See you next week.",
                partner_id=plan.partner_id,
                acknowledge_safety=True,
            )
            assert data is not None
            made.append(data)
    # Each partner at their own recorded step, the way the command line picks it.
    for name in ("Zoë", "Łukasz"):
        plan = handout_documents.plan_handout(case, partner=name)
        assert plan.step is Step.LEAN_IN
        made.append(
            handout_documents.handout_pdf(
                practice.uow(),
                case.id,
                plan.step,
                plan.first_names,
                partner_id=plan.partner_id,
                acknowledge_safety=True,
            )
            or b""
        )
    made.append(handout_documents.steps_overview_pdf(practice.uow(), case_id=case.id) or b"")
    assert len(made) == 18
    for data in made:
        printed = pdftools.text(data)
        info = pdftools.info(data)
        for leaked in (MARKER, "Nowak", "zoe@example.org", "Safety note", "Zoë & Łukasz"):
            assert leaked not in printed
            assert leaked not in info["Title"]
        assert "Zoë" in printed or "Łukasz" in printed or "Five steps" in printed

    typed = handout_documents.handout_pdf(
        practice.uow(),
        case.id,
        Step.LEAN_IN,
        ["Zoë"],
        f"On purpose: {MARKER}",
        partner_id=zoe.id,
        acknowledge_safety=True,
    )
    assert typed is not None and f"On purpose: {MARKER}" in pdftools.text(typed)


def test_a_password_protected_handout_and_overview(
    practice: OpenPractice, couple_case: CaseDetail, tmp_path: Path
) -> None:
    out = tmp_path / "h.pdf"
    handout_documents.handout_pdf(
        practice.uow(), couple_case.id, Step.NOTICE_THE_SHIFT, ["Zoë"], "", out, password="p4ss"
    )
    assert not pdftools.readable(out)
    assert "Notice the Shift" in pdftools.text(out, password="p4ss")
    overview = handout_documents.steps_overview_pdf(practice.uow(), password="p4ss")
    assert overview is not None and not pdftools.readable(overview)


def test_planning_a_handout_follows_each_partners_step(
    practice: OpenPractice,
    couple_case: CaseDetail,
    individual_case: CaseDetail,
    record_session: Callable[..., SessionView],
    draft: Callable[..., NoteDraft],
) -> None:
    zoe, lukasz = couple_case.partners
    case = cases.read_case(practice.uow(), couple_case.id)
    with pytest.raises(ValidationError, match="No step is recorded for Zoë"):
        handout_documents.plan_handout(case, partner="zoë")
    with pytest.raises(ValidationError, match="joint handout or one partner's"):
        handout_documents.plan_handout(case)
    with pytest.raises(ValidationError, match="not both"):
        handout_documents.plan_handout(case, joint=True, partner="Zoë")
    with pytest.raises(ValidationError, match="no partner called “Ana”"):
        handout_documents.plan_handout(case, partner="Ana")

    session = record_session(couple_case.id)
    assert session.note_id is not None
    notes.save_draft(
        practice.uow(),
        session.note_id,
        draft(
            {"focus": "x"}, partner_steps={zoe.id: Step.LEAN_IN, lukasz.id: Step.NOTICE_THE_SHIFT}
        ),
    )
    case = cases.read_case(practice.uow(), couple_case.id)
    with pytest.raises(ValidationError) as apart:
        handout_documents.plan_handout(case, joint=True)
    assert f"({zoe.name} at 3, {lukasz.name} at 1)" in str(apart.value)
    plan = handout_documents.plan_handout(case, partner="Łukasz")
    assert plan == handout_documents.HandoutPlan(Step.NOTICE_THE_SHIFT, ("Łukasz",), lukasz.id)
    assert (
        handout_documents.plan_handout(case, partner="Zoë", step=Step.MOVE_FORWARD).step
        is Step.MOVE_FORWARD
    )
    with pytest.raises(ValidationError, match=r"Zoë at 3, Łukasz at 1"):
        handout_documents.plan_handout(case, joint=True)
    assert handout_documents.plan_handout(
        case, joint=True, step=Step.LEAN_IN
    ) == handout_documents.HandoutPlan(Step.LEAN_IN, ("Zoë", "Łukasz"), None)

    solo = cases.read_case(practice.uow(), individual_case.id)
    with pytest.raises(ValidationError, match="individual case"):
        handout_documents.plan_handout(solo, joint=True, step=Step.LEAN_IN)
    assert handout_documents.plan_handout(solo, step=Step.LEAN_IN).first_names == ("Søren",)


def test_the_note_for_a_case_is_its_latest_or_the_chosen_session(
    practice: OpenPractice, couple_case: CaseDetail, record_session: Callable[..., SessionView]
) -> None:
    case = cases.read_case(practice.uow(), couple_case.id)
    with pytest.raises(ValidationError, match="no session notes yet"):
        documents.note_for(case)
    first = record_session(couple_case.id, datetime(2025, 1, 1, 9, 0))
    latest = record_session(couple_case.id, datetime(2025, 2, 1, 9, 0))
    case = cases.read_case(practice.uow(), couple_case.id)
    assert documents.note_for(case) == latest.note_id
    assert documents.note_for(case, first.id) == first.note_id
    with pytest.raises(ValidationError, match="not a session of this case"):
        documents.note_for(case, 9999)


def test_handout_inputs_are_checked(practice: OpenPractice, couple_case: CaseDetail) -> None:
    with pytest.raises(ValidationError, match="at most 4 people"):
        handout_documents.handout_pdf(practice.uow(), couple_case.id, Step.LEAN_IN, list("abcde"))
    with pytest.raises(ValidationError, match="too long for a handout"):
        handout_documents.handout_pdf(
            practice.uow(), couple_case.id, Step.LEAN_IN, ["Zoë"], "x" * 3001
        )
    with pytest.raises(NotFound):
        handout_documents.handout_pdf(practice.uow(), 9999, Step.LEAN_IN, ["Zoë"])
    assert handout_documents.clean_first_names(["  Zoë  ", "", "Mary   Ann"]) == ("Zoë", "Mary Ann")
