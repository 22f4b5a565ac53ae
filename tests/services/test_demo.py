"""The demo practice: built through the services into a real SQLCipher practice."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, time, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from clarity_desktop.domain.records import CaseKind
from clarity_desktop.domain.templates import SECTIONS
from clarity_desktop.services import cases, demo, demo_data, notes
from clarity_desktop.services.dto import CaseDetail, NoteView, SessionView
from clarity_desktop.store import practice as store
from clarity_desktop.store.models import AuditEvent
from clarity_desktop.store.practice import OpenPractice


@pytest.fixture(scope="module")
def demo_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Built once for the read-only tests below."""
    folder = tmp_path_factory.mktemp("demo") / "practice"
    demo.build_demo(folder).close()
    return folder


@pytest.fixture
def reopened(demo_folder: Path) -> Iterator[OpenPractice]:
    opened = store.unlock(demo_folder, demo.DEMO_PASSPHRASE)
    try:
        yield opened
    finally:
        opened.close()


def _details(p: OpenPractice) -> list[CaseDetail]:
    return [cases.get_case(p.uow(), c.id) for c in cases.list_cases(p.uow())]


def _notes(p: OpenPractice) -> list[tuple[CaseDetail, SessionView, NoteView]]:
    out = []
    for case in _details(p):
        for s in case.sessions:
            assert s.note_id is not None
            out.append((case, s, notes.open_note(p.uow(), s.note_id)))
    return out


def test_demo_reopens_with_the_demo_passphrase_as_a_demo(reopened: OpenPractice) -> None:
    assert reopened.is_demo is True
    assert reopened.clinician.signature == "Dr. Morgan Ellis, PhD, LMFT"
    with reopened.uow() as uow:
        actions = (
            uow.session.execute(select(AuditEvent.action).where(AuditEvent.entity == "practice"))
            .scalars()
            .all()
        )
    assert actions[0] == "created"


def test_demo_cases_cover_the_situations_a_therapist_meets(reopened: OpenPractice) -> None:
    details = _details(reopened)
    assert 7 <= len(details) <= 9
    couples = [c for c in details if c.kind is CaseKind.COUPLE]
    assert any(c.kind is CaseKind.INDIVIDUAL for c in details)
    assert any(c.status == "closed" and c.closed_on is not None for c in details)
    flagged = [c for c in details if c.safety_flag]
    assert flagged and all(c.safety_note.strip() for c in flagged)
    assert any(
        None not in (a.current_step, b.current_step) and a.current_step != b.current_step
        for a, b in (c.partners for c in couples)
    )
    assert len({c.relationship_structure for c in details}) >= 4
    names = [p.name for c in details for p in c.partners]
    assert sum(not n.isascii() for n in names) >= 3


def test_demo_notes_are_signed_amended_private_and_draft(reopened: OpenPractice) -> None:
    found = _notes(reopened)
    assert 30 <= len(found) <= 60  # enough to look lived-in, few enough to build fast
    assert any(n.signed and n.addenda for _, _, n in found)
    assert any(n.private and s.attending_partner_id is not None for _, s, n in found)
    assert any(not n.signed for _, _, n in found)
    for case, s, n in found:
        assert n.sections and set(n.sections) <= {spec.key for spec in SECTIONS[n.template]}
        assert n.steps
        attended = (
            {p.id for p in case.partners}
            if s.attending_partner_id is None
            else {s.attending_partner_id}
        )
        assert n.partner_steps and set(n.partner_steps) <= attended
        assert n.private == (s.attending_partner_id is not None)


def test_demo_dates_follow_the_build_day(tmp_path: Path) -> None:
    today = date(2024, 2, 29)
    opened = demo.build_demo(tmp_path / "demo", today=today)
    try:
        details = _details(opened)
    finally:
        opened.close()
    starts = [s.starts_at for c in details for s in c.sessions]
    assert max(starts).date() >= today - timedelta(days=7)
    assert min(starts).date() >= today - timedelta(weeks=30)
    assert all(s.date() < today and s.weekday() < 5 for s in starts)
    assert all(time(9) <= s.time() <= time(18) for s in starts)
    for c in details:
        assert c.opened_on == min(s.starts_at for s in c.sessions).date()
        if c.closed_on is not None:
            assert max(s.starts_at for s in c.sessions).date() <= c.closed_on <= today


def test_building_into_an_existing_practice_is_refused(demo_folder: Path) -> None:
    with pytest.raises(store.PracticeExists):
        demo.build_demo(demo_folder)
    opened = store.unlock(demo_folder, demo.DEMO_PASSPHRASE)  # left as it was
    try:
        assert 7 <= len(cases.list_cases(opened.uow())) <= 9
    finally:
        opened.close()


def test_a_failed_build_leaves_no_half_built_practice(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "demo"

    def fail(*args: object) -> None:
        raise RuntimeError("disk full")

    with monkeypatch.context() as m:
        m.setattr(notes, "sign_note", fail)
        with pytest.raises(RuntimeError):
            demo.build_demo(folder)
    assert not store.exists(folder)
    demo.build_demo(folder).close()


@pytest.mark.parametrize("offset", range(7))
def test_demo_sessions_fall_on_past_weekdays_whatever_the_build_day(offset: int) -> None:
    today = date(2025, 6, 2) + timedelta(days=offset)  # Monday to Sunday
    starts = []
    for spec in demo_data.CASES:
        slot = demo._last_slot(today, spec.weekday)
        starts += [demo._starts_at(spec, s, slot) for s in spec.sessions]
    assert all(s.date() < today and s.weekday() < 5 for s in starts)
    assert max(starts).date() >= today - timedelta(days=7)
