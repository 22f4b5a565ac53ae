"""Writing, signing and amending session notes."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import pytest

from clarity_desktop.domain.errors import RecordLocked, ValidationError
from clarity_desktop.domain.steps import Step
from clarity_desktop.domain.templates import MAX_NOTE_CHARS, Template
from clarity_desktop.services import cases, notes
from clarity_desktop.services.dto import CaseDetail, NoteDraft, NoteView, SessionView
from clarity_desktop.store.practice import OpenPractice

SIGNATURE = "Dana Reyes, LMFT"


@pytest.fixture
def joint(couple_case: CaseDetail, record_session: Callable[..., SessionView]) -> int:
    """The note id of a joint session of the couple."""
    note_id = record_session(couple_case.id).note_id
    assert note_id is not None
    return note_id


def test_draft_round_trips_everything_the_editor_sends(
    practice: OpenPractice,
    couple_case: CaseDetail,
    joint: int,
    draft: Callable[..., NoteDraft],
) -> None:
    zoe, lukasz = (p.id for p in couple_case.partners)
    sent = draft(
        {"focus": "Zoë: «je ne sais plus».\nŁukasz quiet.", "leaning_in": "Both pulls 🙂"},
        steps={Step.NAME_WHATS_HAPPENING, Step.LEAN_IN},
        partner_steps={zoe: Step.LEAN_IN, lukasz: Step.NOTICE_THE_SHIFT},
        private=True,
    )
    saved = notes.save_draft(practice.uow(), joint, sent)
    reread = notes.open_note(practice.uow(), joint)
    for view in (saved, reread):
        assert view.sections == sent.sections
        assert view.steps == (Step.NAME_WHATS_HAPPENING, Step.LEAN_IN)
        assert view.partner_steps == {zoe: Step.LEAN_IN, lukasz: Step.NOTICE_THE_SHIFT}
        assert view.private is True
        assert view.template is Template.FIVE_STEPS
        assert not view.signed
        assert view.case_name == "Zoë & Łukasz"


def test_saving_again_replaces_steps_and_drops_empty_sections(
    practice: OpenPractice,
    couple_case: CaseDetail,
    joint: int,
    draft: Callable[..., NoteDraft],
) -> None:
    zoe, lukasz = (p.id for p in couple_case.partners)
    notes.save_draft(
        practice.uow(),
        joint,
        draft(
            {"focus": "first"},
            steps={Step.NOTICE_THE_SHIFT, Step.LEAN_IN},
            partner_steps={zoe: Step.LEAN_IN, lukasz: Step.LEAN_IN},
        ),
    )
    second = notes.save_draft(
        practice.uow(),
        joint,
        draft(
            {"focus": "second", "shift": "   ", "data": "kept from DAP"},
            steps={Step.LEAN_IN, Step.FIND_YOUR_DIRECTION},
            partner_steps={lukasz: Step.FIND_YOUR_DIRECTION},
        ),
    )
    assert second == notes.open_note(practice.uow(), joint)
    assert second.sections == {"focus": "second", "data": "kept from DAP"}
    assert second.steps == (Step.LEAN_IN, Step.FIND_YOUR_DIRECTION)
    assert second.partner_steps == {lukasz: Step.FIND_YOUR_DIRECTION}


def test_switching_template_keeps_the_text(
    practice: OpenPractice, joint: int, draft: Callable[..., NoteDraft]
) -> None:
    notes.save_draft(practice.uow(), joint, draft({"focus": "the argument about money"}))
    after = notes.save_draft(
        practice.uow(),
        joint,
        draft({"focus": "the argument about money", "data": "D"}, template=Template.DAP),
    )
    assert after.template is Template.DAP
    assert after.sections == {"focus": "the argument about money", "data": "D"}


def test_step_for_a_partner_who_did_not_attend_is_refused(
    practice: OpenPractice,
    couple_case: CaseDetail,
    record_session: Callable[..., SessionView],
    draft: Callable[..., NoteDraft],
) -> None:
    zoe, lukasz = (p.id for p in couple_case.partners)
    alone = record_session(couple_case.id, attending=zoe).note_id
    assert alone is not None
    notes.save_draft(practice.uow(), alone, draft({"focus": "before"}))
    before = notes.open_note(practice.uow(), alone)
    with pytest.raises(ValidationError, match="partner who attended") as info:
        notes.save_draft(
            practice.uow(),
            alone,
            draft({"focus": "after"}, partner_steps={zoe: Step.LEAN_IN, lukasz: Step.LEAN_IN}),
        )
    assert info.value.field == "partner_steps"
    after = notes.open_note(practice.uow(), alone)
    assert after.sections == before.sections == {"focus": "before"}
    assert after.partner_steps == {}
    # the partner who came may be recorded
    ok = notes.save_draft(
        practice.uow(), alone, draft({"focus": "after"}, partner_steps={zoe: Step.LEAN_IN})
    )
    assert ok.partner_steps == {zoe: Step.LEAN_IN}


def test_step_for_a_partner_of_another_case_is_refused(
    practice: OpenPractice,
    individual_case: CaseDetail,
    joint: int,
    draft: Callable[..., NoteDraft],
) -> None:
    stranger = individual_case.partners[0].id
    with pytest.raises(ValidationError):
        notes.save_draft(
            practice.uow(), joint, draft({"focus": "x"}, partner_steps={stranger: Step.LEAN_IN})
        )


def test_overlong_note_is_refused(
    practice: OpenPractice, joint: int, draft: Callable[..., NoteDraft]
) -> None:
    with pytest.raises(ValidationError, match="too long"):
        notes.save_draft(practice.uow(), joint, draft({"focus": "x" * (MAX_NOTE_CHARS + 1)}))
    assert notes.open_note(practice.uow(), joint).sections == {}


@pytest.mark.parametrize("sections", [{}, {"focus": ""}, {"focus": "  \n\t ", "plan": " "}])
def test_an_empty_note_cannot_be_signed(
    practice: OpenPractice,
    joint: int,
    draft: Callable[..., NoteDraft],
    sections: dict[str, str],
) -> None:
    notes.save_draft(practice.uow(), joint, draft(sections))
    with pytest.raises(ValidationError, match="empty note cannot be signed"):
        notes.sign_note(practice.uow(), joint)
    assert not notes.open_note(practice.uow(), joint).signed


def _signed(practice: OpenPractice, note_id: int, draft: Callable[..., NoteDraft]) -> NoteView:
    notes.save_draft(
        practice.uow(), note_id, draft({"focus": "Agreed to pause big decisions."}, {Step.LEAN_IN})
    )
    return notes.sign_note(practice.uow(), note_id)


def test_signing_records_who_and_when(
    practice: OpenPractice, joint: int, draft: Callable[..., NoteDraft]
) -> None:
    t0 = datetime.now(UTC)
    signed = _signed(practice, joint, draft)
    assert signed.signed and signed.signed_by == SIGNATURE
    assert signed.signed_at is not None
    assert t0.replace(microsecond=0) <= signed.signed_at <= datetime.now(UTC)
    assert notes.open_note(practice.uow(), joint) == signed
    with pytest.raises(RecordLocked, match="already signed"):
        notes.sign_note(practice.uow(), joint)


def test_signed_note_refuses_a_new_draft_and_nothing_changes(
    practice: OpenPractice,
    couple_case: CaseDetail,
    joint: int,
    draft: Callable[..., NoteDraft],
) -> None:
    signed = _signed(practice, joint, draft)
    zoe = couple_case.partners[0].id
    with pytest.raises(RecordLocked, match="signed and locked"):
        notes.save_draft(
            practice.uow(),
            joint,
            draft({"focus": "rewritten"}, {Step.MOVE_FORWARD}, {zoe: Step.MOVE_FORWARD}, True),
        )
    assert notes.open_note(practice.uow(), joint) == signed
    session = cases.open_case(practice.uow(), couple_case.id).sessions[0]
    assert session.note_signed and session.steps == (Step.LEAN_IN,)


def test_addendum_is_refused_on_a_draft(
    practice: OpenPractice, joint: int, draft: Callable[..., NoteDraft]
) -> None:
    notes.save_draft(practice.uow(), joint, draft({"focus": "still writing"}))
    with pytest.raises(ValidationError, match="edit it directly"):
        notes.add_addendum(practice.uow(), joint, "Correction")
    assert notes.open_note(practice.uow(), joint).addenda == ()


@pytest.mark.parametrize("body", ["", "   ", "\n\t"])
def test_empty_addendum_is_refused(
    practice: OpenPractice, joint: int, draft: Callable[..., NoteDraft], body: str
) -> None:
    _signed(practice, joint, draft)
    with pytest.raises(ValidationError, match="write the addendum") as info:
        notes.add_addendum(practice.uow(), joint, body)
    assert info.value.field == "body"
    assert notes.open_note(practice.uow(), joint).addenda == ()


def test_addenda_come_back_in_order_signed_by_the_clinician(
    practice: OpenPractice, joint: int, draft: Callable[..., NoteDraft]
) -> None:
    signed = _signed(practice, joint, draft)
    first = notes.add_addendum(practice.uow(), joint, "  Session was 55 minutes, not 50.  ")
    second = notes.add_addendum(practice.uow(), joint, "Łukasz called to cancel next week.")
    assert first.body == "Session was 55 minutes, not 50."
    assert (first.author, second.author) == (SIGNATURE, SIGNATURE)
    assert signed.signed_at is not None and signed.signed_at <= first.created_at
    assert first.created_at <= second.created_at
    view = notes.open_note(practice.uow(), joint)
    assert view.addenda == (first, second)
    # the note itself is untouched by its addenda
    assert view.sections == signed.sections and view.signed_at == signed.signed_at


def test_partner_current_step_comes_from_the_newest_session(
    practice: OpenPractice,
    couple_case: CaseDetail,
    record_session: Callable[..., SessionView],
    draft: Callable[..., NoteDraft],
) -> None:
    zoe, lukasz = (p.id for p in couple_case.partners)
    later = record_session(couple_case.id, datetime(2025, 5, 6, 10)).note_id
    earlier = record_session(couple_case.id, datetime(2025, 4, 1, 10)).note_id
    only_zoe = record_session(couple_case.id, datetime(2025, 5, 20, 10), attending=zoe).note_id
    assert later and earlier and only_zoe
    # written in the "wrong" order: the later session's note first
    notes.save_draft(
        practice.uow(),
        later,
        draft({"focus": "b"}, partner_steps={zoe: Step.LEAN_IN, lukasz: Step.LEAN_IN}),
    )
    notes.save_draft(
        practice.uow(),
        earlier,
        draft({"focus": "a"}, partner_steps={zoe: Step.NOTICE_THE_SHIFT, lukasz: Step(2)}),
    )
    notes.save_draft(
        practice.uow(), only_zoe, draft({"focus": "c"}, partner_steps={zoe: Step.MOVE_FORWARD})
    )
    current = {
        p.id: p.current_step for p in cases.open_case(practice.uow(), couple_case.id).partners
    }
    assert current == {zoe: Step.MOVE_FORWARD, lukasz: Step.LEAN_IN}


def test_a_one_megabyte_note_with_rtl_text_and_emoji_saves_and_is_found(
    practice: OpenPractice, couple_case: CaseDetail
) -> None:
    from clarity_desktop.domain.records import SessionInput
    from clarity_desktop.domain.steps import Step
    from clarity_desktop.domain.templates import Template
    from clarity_desktop.services import search, sessions
    from clarity_desktop.services.dto import NoteDraft

    s = sessions.create_session(
        practice.uow(), couple_case.id, SessionInput(datetime(2026, 11, 2, 9))
    )
    assert s.note_id is not None
    rtl = "قالت إنها تشعر بالهدوء 🙂 והוא אמר שהוא מקשיב 👩‍❤️‍👨"
    body = (rtl + " ") + ("lorem ipsum session text " * 42_000) + " needleword"
    assert len(body) > 1_000_000
    draft = NoteDraft(Template.FIVE_STEPS, {"focus": body}, frozenset({Step.LEAN_IN}), {}, False)
    saved = notes.save_draft(practice.uow(), s.note_id, draft)
    assert saved.sections["focus"] == body
    assert [h.note_id for h in search.search_notes(practice.uow(), "needleword")] == [s.note_id]
    assert [h.note_id for h in search.search_notes(practice.uow(), "بالهدوء")] == [s.note_id]
    assert notes.open_note(practice.uow(), s.note_id).sections["focus"].startswith(rtl)
