"""Markers tapped in session mode, on a real practice: written at once, undone, refused
where they make no sense, locked with the signed note (by the service and by the
database's triggers), sealed with it; and the review at the end of the session."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy.exc

from clarity_desktop.domain.dynamics import CoupleReading, Loop, PartnerReading
from clarity_desktop.domain.errors import ClarityError, ErrorCode, RecordLocked, ValidationError
from clarity_desktop.domain.markers import MOMENTS_KEY, PAD_KEY, MarkerKind
from clarity_desktop.domain.templates import EXTRA_TITLES, Template, ordered_sections
from clarity_desktop.services import markers, notes, session_mode
from clarity_desktop.services.dto import CaseDetail, SessionView
from clarity_desktop.store.postgres import address
from clarity_desktop.store.postgres.encryption import values
from clarity_desktop.store.practice import OpenPractice
from clarity_desktop.store.sqlite.engine import connect_raw
from tests.services.conftest import AuditRow, note_draft

Loop_ = MarkerKind.LOOP_EPISODE


@pytest.fixture
def joint(couple_case: CaseDetail, record_session: Callable[..., SessionView]) -> SessionView:
    return record_session(couple_case.id)


def ids(case: CaseDetail) -> tuple[int, int]:
    a, b = (p.id for p in case.partners)
    return a, b


def tap_a_session(practice: OpenPractice, case: CaseDetail, session: SessionView) -> None:
    zoe, lukasz = ids(case)
    uow = practice.uow
    at = [datetime(2025, 3, 4, 9, minute) for minute in (5, 9, 14, 20, 22, 30, 41)]  # UTC
    markers.add_marker(uow(), session.id, Loop_, partner_id=zoe, other_partner_id=lukasz, at=at[0])
    markers.add_marker(uow(), session.id, Loop_, partner_id=zoe, other_partner_id=lukasz, at=at[1])
    markers.add_marker(uow(), session.id, MarkerKind.FLOODING, partner_id=lukasz, at=at[2])
    markers.add_marker(uow(), session.id, MarkerKind.CO_REGULATION, at=at[3])
    r1 = markers.add_marker(uow(), session.id, MarkerKind.REPAIR_ATTEMPT, at=at[4])
    markers.set_landed(uow(), r1.id, True)
    markers.add_marker(uow(), session.id, MarkerKind.REPAIR_ATTEMPT, at=at[5])
    markers.add_marker(
        uow(), session.id, MarkerKind.QUOTE, partner_id=zoe, text=" I need  to know ", at=at[6]
    )


def test_each_tap_is_stored_at_once_and_undo_removes_the_last(
    practice: OpenPractice,
    couple_case: CaseDetail,
    joint: SessionView,
    audit_log: Callable[[], list[AuditRow]],
) -> None:
    zoe, lukasz = ids(couple_case)
    first = markers.add_marker(
        practice.uow(), joint.id, Loop_, partner_id=lukasz, other_partner_id=zoe
    )
    quote = markers.add_marker(
        practice.uow(), joint.id, MarkerKind.QUOTE, partner_id=zoe, text="SECRET-WORDS here"
    )
    # Read back through a connection of our own: committed, not merely in a session.
    with practice.engine.connect() as conn:
        rows = conn.execute(
            sqlalchemy.text("SELECT kind, partner_id, text FROM session_markers ORDER BY id")
        )
        found = [tuple(r) for r in rows]
    if practice.backend.name == "postgresql":  # the server holds the words encrypted
        assert [r[:2] for r in found] == [("loop_episode", lukasz), ("quote", zoe)]
        assert all(values.is_encrypted(r[2]) for r in found)
        texts = [m.text for m in markers.session_markers(practice.uow(), joint.id)]
        assert texts == ["", "SECRET-WORDS here"]
    else:
        assert found == [
            ("loop_episode", lukasz, ""),
            ("quote", zoe, "SECRET-WORDS here"),
        ]
    markers.remove_marker(practice.uow(), quote.id)
    assert [m.id for m in markers.session_markers(practice.uow(), joint.id)] == [first.id]
    log = [(r[0], r[5]) for r in audit_log() if r[0].startswith("marker")]
    assert log == [
        ("marker_added", "loop episode"),
        ("marker_added", "quote"),
        ("marker_removed", "quote"),
    ]
    assert not any("SECRET-WORDS" in r[5] for r in audit_log())


@pytest.mark.parametrize(
    ("kind", "who", "other", "text", "message"),
    [
        (Loop_, 0, None, "", "names the partner who pursued and the one who withdrew"),
        (Loop_, 0, 0, "", "names the partner who pursued and the one who withdrew"),
        (MarkerKind.FLOODING, None, None, "", "names the partner who flooded"),
        (MarkerKind.QUOTE, 0, None, "   ", "type the words worth keeping"),
        (MarkerKind.QUOTE, None, None, "x" * 501, "at most 500 characters"),
        (MarkerKind.CO_REGULATION, None, None, "words", "Only a quote carries text"),
        (MarkerKind.FLOODING, 1, 0, "", "Only a loop episode names a second partner"),
    ],
)
def test_a_marker_that_makes_no_sense_is_refused(
    practice: OpenPractice,
    couple_case: CaseDetail,
    joint: SessionView,
    kind: MarkerKind,
    who: int | None,
    other: int | None,
    text: str,
    message: str,
) -> None:
    people = ids(couple_case)
    with pytest.raises(ValidationError, match=message):
        markers.add_marker(
            practice.uow(),
            joint.id,
            kind,
            partner_id=None if who is None else people[who],
            other_partner_id=None if other is None else people[other],
            text=text,
        )
    assert markers.session_markers(practice.uow(), joint.id) == ()


def test_an_individual_session_marks_only_its_partner_and_no_loop(
    practice: OpenPractice, couple_case: CaseDetail, record_session: Callable[..., SessionView]
) -> None:
    zoe, lukasz = ids(couple_case)
    alone = record_session(couple_case.id, attending=zoe)
    with pytest.raises(ValidationError, match="joint sessions"):
        markers.add_marker(practice.uow(), alone.id, MarkerKind.CO_REGULATION)
    with pytest.raises(ValidationError, match="partner who is in the session"):
        markers.add_marker(practice.uow(), alone.id, MarkerKind.FLOODING, partner_id=lukasz)
    markers.add_marker(practice.uow(), alone.id, MarkerKind.FLOODING, partner_id=zoe)


def test_markers_are_locked_and_sealed_with_the_signed_note(
    practice: OpenPractice,
    couple_case: CaseDetail,
    joint: SessionView,
    request: pytest.FixtureRequest,
) -> None:
    from clarity_desktop.services import integrity

    tap_a_session(practice, couple_case, joint)
    assert joint.note_id is not None
    notes.save_draft(practice.uow(), joint.note_id, note_draft({"focus": "Held."}))
    notes.sign_note(practice.uow(), joint.note_id)
    last = markers.session_markers(practice.uow(), joint.id)[-1]
    with pytest.raises(RecordLocked):
        markers.add_marker(practice.uow(), joint.id, MarkerKind.CO_REGULATION)
    with pytest.raises(RecordLocked):
        markers.remove_marker(practice.uow(), last.id)
    # Underneath the service, the database refuses too.
    with pytest.raises(sqlalchemy.exc.IntegrityError), practice.uow() as uow:
        uow.session.execute(sqlalchemy.text("DELETE FROM session_markers"))
    assert integrity.verify_seals(practice) == []
    # A marker changed behind every lock (triggers off) breaks the note's seal.
    if practice.backend.name == "postgresql":  # the server's superuser, at psql
        request.getfixturevalue("pg_practices").cluster.psql(
            "SET session_replication_role = replica; "
            # Shaped like ciphertext: the server refuses plain text there outright.
            "UPDATE clarity.session_markers SET text = 'c1.other-words' WHERE kind = 'quote';",
            address.read(practice.folder).dbname,
        )
    else:  # someone who holds the database key
        conn = connect_raw(practice.folder / "practice.clarity", practice.db_key)
        try:
            conn.execute("DROP TRIGGER trg_session_markers_signed_no_update")
            conn.execute("UPDATE session_markers SET text = 'other words' WHERE kind = 'quote'")
            conn.commit()
        finally:
            conn.close()
    if practice.backend.name == "postgresql":  # encrypted there: the words do not open
        with pytest.raises(ClarityError) as refused:
            integrity.verify_seals(practice)
        assert refused.value.code is ErrorCode.ENCRYPTION_VALUE_MALFORMED
        return
    problems = integrity.verify_seals(practice)
    assert len(problems) == 1 and "changed after it was signed" in str(problems[0])


def test_the_review_suggests_readings_and_moments(
    practice: OpenPractice, couple_case: CaseDetail, joint: SessionView
) -> None:
    zoe, lukasz = ids(couple_case)
    tap_a_session(practice, couple_case, joint)
    assert joint.note_id is not None
    review = session_mode.review(practice.uow(), joint.note_id, {zoe: "Zoë", lukasz: "Łukasz"})
    s = review.suggestion
    assert s.partner_readings[zoe].position == 2
    assert s.partner_readings[lukasz].position == -2
    assert s.partner_readings[lukasz].flooded and not s.partner_readings[zoe].flooded
    assert s.couple == CoupleReading(
        loops=frozenset({Loop.PURSUE_WITHDRAW}),
        intensity=3 + 2 + 2,
        co_regulation=True,
        repair_attempts=2,
        repairs_landed=1,
    )
    lines = review.moments.splitlines()
    assert lines[0].startswith("Marked during the session (")
    assert lines[0].endswith(
        "2 loop episodes (Zoë pursued 2); flooding: Łukasz 1 time; 1 co-regulation moment; "
        "2 repair attempts, 1 landed; 1 quote."
    )
    assert [line.split("  ", 1)[1] for line in lines[1:]] == [
        "Loop: Zoë pursued, Łukasz withdrew.",
        "Loop: Zoë pursued, Łukasz withdrew.",
        "Łukasz flooded.",
        "Co-regulation moment.",
        "Repair attempt, landed.",
        "Repair attempt.",
        "Quote (Zoë): “I need to know”",
    ]


def test_the_review_keeps_what_the_therapist_set_and_saves_only_when_confirmed(
    practice: OpenPractice, couple_case: CaseDetail, joint: SessionView
) -> None:
    zoe, lukasz = ids(couple_case)
    assert joint.note_id is not None
    draft = note_draft({"focus": "What the couple brought."}, private=False)
    notes.save_draft(
        practice.uow(),
        joint.note_id,
        type(draft)(
            Template.FIVE_STEPS,
            draft.sections,
            draft.steps,
            {},
            False,
            {zoe: PartnerReading(position=0, stance=7)},
            CoupleReading(intensity=2, loops=frozenset({Loop.TALK_SHUT_DOWN})),
        ),
    )
    tap_a_session(practice, couple_case, joint)
    names = {zoe: "Zoë", lukasz: "Łukasz"}
    review = session_mode.review(practice.uow(), joint.note_id, names)
    assert review.suggestion.partner_readings[zoe].position == 0  # the therapist's own value
    assert review.suggestion.partner_readings[zoe].stance == 7
    assert review.suggestion.couple is not None
    assert review.suggestion.couple.intensity == 2
    assert review.suggestion.couple.loops == {Loop.TALK_SHUT_DOWN, Loop.PURSUE_WITHDRAW}
    # Nothing reached the note yet.
    before = notes.open_note(practice.uow(), joint.note_id)
    assert MOMENTS_KEY not in before.sections
    assert before.couple_reading == CoupleReading(
        intensity=2, loops=frozenset({Loop.TALK_SHUT_DOWN})
    )

    changed = CoupleReading(intensity=4, co_regulation=True)
    saved = session_mode.apply_review(
        practice.uow(),
        joint.note_id,
        review.suggestion.partner_readings,
        changed,
        review.moments + "\nMy own line.",
    )
    assert saved.couple_reading == changed
    assert saved.sections["focus"] == "What the couple brought."
    assert saved.sections[MOMENTS_KEY].endswith("My own line.")
    assert saved.partner_readings[lukasz].flooded


def test_the_pad_is_its_own_section_and_keeps_the_rest(
    practice: OpenPractice, couple_case: CaseDetail, joint: SessionView
) -> None:
    assert joint.note_id is not None
    notes.save_draft(practice.uow(), joint.note_id, note_draft({"focus": "Written in the editor."}))
    view = session_mode.save_pad(practice.uow(), joint.note_id, "jotted: the kitchen argument")
    assert view.sections == {
        "focus": "Written in the editor.",
        PAD_KEY: "jotted: the kitchen argument",
    }
    titles = [t for _k, t, text in ordered_sections(Template.FIVE_STEPS, view.sections) if text]
    assert titles == ["Focus of the session", EXTRA_TITLES[PAD_KEY]]
    from clarity_desktop.services import search

    hits = search.search_notes(practice.uow(), "kitchen")
    assert [h.note_id for h in hits] == [joint.note_id]
    notes.save_draft(
        practice.uow(), joint.note_id, note_draft({"focus": "x", PAD_KEY: "jotted: more"})
    )
    notes.sign_note(practice.uow(), joint.note_id)
    with pytest.raises(RecordLocked):
        session_mode.save_pad(practice.uow(), joint.note_id, "after signing")


def test_the_export_carries_the_markers_with_the_note_and_a_copy_for_one_partner_withholds_them(
    practice: OpenPractice,
    couple_case: CaseDetail,
    record_session: Callable[..., SessionView],
    tmp_path: Path,
) -> None:

    from clarity_desktop.services import export

    zoe, lukasz = ids(couple_case)
    joint = record_session(couple_case.id, datetime(2025, 3, 4, 10))
    alone = record_session(couple_case.id, datetime(2025, 3, 11, 10), attending=lukasz)
    markers.add_marker(practice.uow(), joint.id, Loop_, partner_id=zoe, other_partner_id=lukasz)
    markers.add_marker(
        practice.uow(), alone.id, MarkerKind.QUOTE, partner_id=lukasz, text="ALONE-WORDS-3X"
    )

    def case_json(out: Path, for_partner: int | None = None) -> dict[str, Any]:
        export.export_case(
            practice.uow(), couple_case.id, out, include_pdfs=False, for_partner=for_partner
        )
        with zipfile.ZipFile(out) as z:
            return json.loads(z.read("case.json"))

    whole = case_json(tmp_path / "all.zip")
    by_id = {s["id"]: s for s in whole["sessions"]}
    assert [m["kind"] for m in by_id[joint.id]["note"]["markers"]] == ["loop_episode"]
    assert by_id[alone.id]["note"]["markers"][0]["text"] == "ALONE-WORDS-3X"
    for_zoe = case_json(tmp_path / "zoe.zip", for_partner=zoe)
    assert "ALONE-WORDS-3X" not in json.dumps(for_zoe, ensure_ascii=False)
