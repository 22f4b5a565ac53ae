"""The demo practice: built through the services into a real SQLCipher practice."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, time, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from clarity_desktop.domain import measures, movement
from clarity_desktop.domain.demo_content import DemoContentError
from clarity_desktop.domain.measures import Trend
from clarity_desktop.domain.records import CaseKind, CaseStatus
from clarity_desktop.domain.steps import Direction, Step
from clarity_desktop.domain.templates import SECTIONS
from clarity_desktop.domain.timeline import Timeline
from clarity_desktop.services import cases, demo, dynamics, notes
from clarity_desktop.services.dto import CaseDetail, NoteView, SessionView
from clarity_desktop.store import opening
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
    opened = opening.unlock(demo_folder, demo.DEMO_PASSPHRASE)
    try:
        yield opened
    finally:
        opened.close()


def _details(p: OpenPractice) -> list[CaseDetail]:
    return [cases.open_case(p.uow(), c.id) for c in cases.list_cases(p.uow())]


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
    assert any(c.status is CaseStatus.CLOSED and c.closed_on is not None for c in details)
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
    assert 40 <= len(found) <= 80  # enough to look lived-in, few enough to build fast
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
    opened = opening.unlock(demo_folder, demo.DEMO_PASSPHRASE)  # left as it was
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
    for spec in demo.demo_cases():
        slot = demo._last_slot(today, spec.weekday)
        starts += [demo._starts_at(spec, s, slot) for s in spec.sessions]
    assert all(s.date() < today and s.weekday() < 5 for s in starts)
    assert max(starts).date() >= today - timedelta(days=7)


# --------------------------------------------------------------------------------------
# Readings: three cases tell a story the charts can show on first launch.


def _timeline(p: OpenPractice, first_name: str) -> Timeline:
    """The timeline of the case whose first partner is called *first_name*."""
    for case in _details(p):
        if case.partners[0].name.split()[0] == first_name:
            return dynamics.case_timeline(p.uow(), case.id)
    raise AssertionError(f"No demo case for {first_name}.")


def _with_readings(t: Timeline) -> int:
    return sum(1 for point in t.points if point.partners or point.couple is not None)


def test_readings_are_recorded_as_a_therapist_would(reopened: OpenPractice) -> None:
    found = _notes(reopened)
    assert sum(bool(n.partner_readings) for _, _, n in found) >= 40
    for case, s, n in found:
        if s.attending_partner_id is not None:  # individual: only who was in the room
            assert set(n.partner_readings) <= {s.attending_partner_id}
        if s.attending_partner_id is not None or case.kind is CaseKind.INDIVIDUAL:
            assert n.couple_reading is None
        for pid, r in n.partner_readings.items():
            assert pid in n.partner_steps
            if r.direction is not None:  # a direction takes shape from step 4 on
                assert n.partner_steps[pid] >= Step.FIND_YOUR_DIRECTION
            assert r.flooded == bool(r.flooding_note)
    flagged = [n for c, _, n in found if c.safety_flag]  # joint work paused: no readings
    assert flagged and all(not n.partner_readings and n.couple_reading is None for n in flagged)


def test_three_story_cases_have_many_sessions_with_readings(reopened: OpenPractice) -> None:
    for first_name in ("Zoë", "Priya", "Amara"):
        t = _timeline(reopened, first_name)
        assert 12 <= len(t.points) <= 18
        assert _with_readings(t) >= 10


def test_zoe_and_daniel_de_escalate_toward_repair(reopened: OpenPractice) -> None:
    t = _timeline(reopened, "Zoë")
    assert movement.intensity_movement(t).trend is Trend.FALLING
    assert movement.distance_movement(t).trend is Trend.FALLING
    assert measures.attention_flags(t, date.today()) == []
    zoe, daniel = t.partner_ids
    floods = [p.partners[daniel].flooded for p in t.points if daniel in p.partners]
    assert any(floods[:5]) and not any(floods[-5:])  # early, then not again
    joint = [p.couple for p in t.points if p.couple is not None]
    assert not any(c.co_regulation for c in joint[:4]) and all(c.co_regulation for c in joint[-4:])
    last = t.points[-1]
    assert last.steps == {zoe: Step.FIND_YOUR_DIRECTION, daniel: Step.FIND_YOUR_DIRECTION}
    assert all(last.partners[pid].direction is Direction.REPAIR for pid in (zoe, daniel))
    assert any(
        p.partners[daniel].direction is Direction.NOT_YET_CLEAR
        for p in t.points
        if daniel in p.partners
    )
    assert all(movement.clarity_movement(t, pid).trend is Trend.RISING for pid in (zoe, daniel))


def test_priya_and_tom_polarize_and_the_flags_show_it(reopened: OpenPractice) -> None:
    t = _timeline(reopened, "Priya")
    assert movement.intensity_movement(t).trend is Trend.RISING
    assert movement.distance_movement(t).trend is Trend.RISING
    codes = {f.code for f in measures.attention_flags(t, date.today())}
    assert {"step_gap", "flooding_repeat"} <= codes
    assert {"intensity_rising", "no_coregulation"} <= codes


def test_amara_and_julien_let_go_with_care(reopened: OpenPractice) -> None:
    t = _timeline(reopened, "Amara")
    for pid in t.partner_ids:
        assert any(
            p.steps.get(pid) is Step.FIND_YOUR_DIRECTION
            and p.partners[pid].direction is Direction.LETTING_GO
            for p in t.points
            if pid in p.partners
        )
        assert t.points[-1].steps[pid] is Step.MOVE_FORWARD
        assert movement.clarity_movement(t, pid).trend is Trend.RISING
    assert movement.intensity_movement(t).trend is Trend.FALLING
    positions = [
        r.position for p in t.points for r in p.partners.values() if r.position is not None
    ]
    assert all(abs(x) <= 1 for x in positions)  # near neutral throughout
    joint = [p.couple for p in t.points if p.couple is not None]
    assert sum(bool(c.co_regulation) for c in joint) >= len(joint) - 1


def test_readings_are_written_only_for_who_was_in_the_room() -> None:
    specs = demo.demo_cases()
    assert [s.name for s in specs][:2] == ["01-marchetti-okafor", "02-raman-albrecht"]
    for spec in specs:
        for s in spec.sessions:
            present = {s.attending} if s.attending else set(range(1, len(spec.people) + 1))
            assert set(s.readings) <= present
            if s.couple is not None:
                assert s.attending is None and spec.kind is CaseKind.COUPLE


def test_a_bad_demo_file_is_named_and_no_practice_is_made(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    content = tmp_path / "content"
    content.mkdir()
    good = sorted(demo.demo_folder().glob("*.toml"))[-1]
    (content / good.name).write_text(good.read_text(encoding="utf-8"), encoding="utf-8")
    bad = good.read_text(encoding="utf-8").replace("steps = [1, 2]", "steps = [1, 7]", 1)
    (content / "09-broken.toml").write_text(bad, encoding="utf-8")
    monkeypatch.setattr(demo, "demo_folder", lambda: content)
    with pytest.raises(DemoContentError, match=r"^09-broken\.toml: sessions\[2\]\.steps: "):
        demo.build_demo(tmp_path / "demo")
    assert not store.exists(tmp_path / "demo")
