"""The practice overview: one row per active case with each partner's current step, the
loop's latest intensity and trend, and the attention flags; read in a fixed number of
queries however many cases the practice holds."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import event

from clarity_desktop.domain import measures, movement
from clarity_desktop.domain.dynamics import CoupleReading, PartnerReading
from clarity_desktop.domain.measures import Trend
from clarity_desktop.domain.records import CaseInput, CaseKind, PartnerInput, SessionInput
from clarity_desktop.domain.steps import Step
from clarity_desktop.domain.templates import Template
from clarity_desktop.services import cases, dynamics, notes, overview, sessions
from clarity_desktop.services.dto import CaseDetail, NoteDraft
from clarity_desktop.services.overview import OverviewRow
from clarity_desktop.store.practice import OpenPractice

TODAY = date(2026, 12, 1)


def day(n: int, hour: int = 10) -> datetime:
    """*n* days before TODAY, at *hour*."""
    return datetime.combine(TODAY - timedelta(days=n), datetime.min.time()).replace(hour=hour)


def record(
    practice: OpenPractice,
    case_id: int,
    when: datetime,
    *,
    attending: int | None = None,
    steps: dict[int, Step] | None = None,
    readings: dict[int, PartnerReading] | None = None,
    couple: CoupleReading | None = None,
) -> int:
    """A session with its note's steps and readings saved as a draft; its session id."""
    s = sessions.create_session(
        practice.uow(), case_id, SessionInput(when, attending_partner_id=attending)
    )
    assert s.note_id is not None
    notes.save_draft(
        practice.uow(),
        s.note_id,
        NoteDraft(
            template=Template.FIVE_STEPS,
            sections={"focus": "Slowing the loop down."},
            steps=frozenset(),
            partner_steps=dict(steps or {}),
            private=attending is not None,
            partner_readings=dict(readings or {}),
            couple_reading=couple,
        ),
    )
    return s.id


def new_couple(practice: OpenPractice, a: str, b: str, *, safety: bool = False) -> CaseDetail:
    return cases.create_case(
        practice.uow(),
        CaseInput(
            kind=CaseKind.COUPLE,
            display_name="",
            partners=(PartnerInput(a), PartnerInput(b)),
            opened_on=date(2026, 1, 5),
            safety_flag=safety,
            safety_note="Screened; see intake note." if safety else "",
        ),
        today=TODAY,
    )


def by_name(rows: list[OverviewRow]) -> dict[str, OverviewRow]:
    return {r.display_name: r for r in rows}


def ids(case: CaseDetail) -> tuple[int, int]:
    a, b = (p.id for p in case.partners)
    return a, b


def test_a_couple_moving_apart_shows_steps_intensity_trend_and_flags(
    practice: OpenPractice, couple_case: CaseDetail
) -> None:
    zoe, lukasz = ids(couple_case)
    for n, (intensity, zoe_step) in enumerate(
        [(2, Step.NAME_WHATS_HAPPENING), (3, None), (5, None), (7, Step.FIND_YOUR_DIRECTION)]
    ):
        record(
            practice,
            couple_case.id,
            day(40 - 7 * n),
            steps={zoe: zoe_step, lukasz: Step.NAME_WHATS_HAPPENING} if zoe_step else {},
            readings={lukasz: PartnerReading(position=-2, flooded=n >= 2)},
            couple=CoupleReading(intensity=intensity),
        )
    (row,) = overview.practice_overview(practice.uow(), TODAY)
    assert row.case_id == couple_case.id
    assert row.display_name == "Zoë & Łukasz"
    assert row.kind is CaseKind.COUPLE
    assert row.partner_names == ("Zoë", "Łukasz")
    # Each partner's newest recorded step, aligned with the names.
    assert row.current_steps == (Step.FIND_YOUR_DIRECTION, Step.NAME_WHATS_HAPPENING)
    assert row.steps_differ
    assert row.latest_intensity == 7
    assert row.intensity_trend is Trend.RISING
    assert row.last_session == day(19)
    assert not row.no_recent_session
    assert [f.code for f in row.flags] == ["step_gap", "flooding_repeat", "intensity_rising"]
    assert not row.safety_flag


def test_easing_loop_same_steps_and_safety_flag(practice: OpenPractice) -> None:
    case = new_couple(practice, "Ana", "Ben", safety=True)
    ana, ben = ids(case)
    for n, intensity in enumerate([8, 6, 5, 3]):
        record(
            practice,
            case.id,
            day(30 - 7 * n),
            steps={ana: Step.LEAN_IN, ben: Step.LEAN_IN},
            couple=CoupleReading(intensity=intensity, co_regulation=True),
        )
    (row,) = overview.practice_overview(practice.uow(), TODAY)
    assert row.safety_flag
    assert row.current_steps == (Step.LEAN_IN, Step.LEAN_IN)
    assert not row.steps_differ
    assert row.latest_intensity == 3
    assert row.intensity_trend is Trend.FALLING
    assert [f.code for f in row.flags] == ["safety"]


def test_steps_differ_needs_both_partners_steps_and_never_applies_to_one_person(
    practice: OpenPractice, couple_case: CaseDetail, individual_case: CaseDetail
) -> None:
    zoe, _ = ids(couple_case)
    record(practice, couple_case.id, day(3), steps={zoe: Step.LEAN_IN})
    (solo,) = individual_case.partners
    record(practice, individual_case.id, day(2), steps={solo.id: Step.MOVE_FORWARD})
    rows = by_name(overview.practice_overview(practice.uow(), TODAY))
    couple = rows["Zoë & Łukasz"]
    assert couple.current_steps == (Step.LEAN_IN, None)
    assert not couple.steps_differ
    single = rows["Søren Ødegård"]
    assert single.kind is CaseKind.INDIVIDUAL
    assert single.partner_names == ("Søren Ødegård",)
    assert single.current_steps == (Step.MOVE_FORWARD,)
    assert not single.steps_differ
    assert single.latest_intensity is None
    assert single.intensity_trend is Trend.NOT_ENOUGH


def test_an_individual_session_moves_only_that_partners_step(
    practice: OpenPractice, couple_case: CaseDetail
) -> None:
    zoe, lukasz = ids(couple_case)
    record(practice, couple_case.id, day(20), steps={zoe: Step.LEAN_IN, lukasz: Step.LEAN_IN})
    record(practice, couple_case.id, day(10), attending=lukasz, steps={lukasz: Step.MOVE_FORWARD})
    (row,) = overview.practice_overview(practice.uow(), TODAY)
    assert row.current_steps == (Step.LEAN_IN, Step.MOVE_FORWARD)
    assert row.steps_differ
    assert row.last_session == day(10)


@pytest.mark.parametrize(
    ("days_ago", "quiet", "flagged"),
    [(30, False, False), (31, True, True), (-7, False, False)],  # -7: booked next week
)
def test_no_recent_session_counts_from_the_newest_session(
    practice: OpenPractice, couple_case: CaseDetail, days_ago: int, quiet: bool, flagged: bool
) -> None:
    record(practice, couple_case.id, day(90))
    record(practice, couple_case.id, day(days_ago))
    (row,) = overview.practice_overview(practice.uow(), TODAY)
    assert row.no_recent_session is quiet
    assert ("no_recent_session" in {f.code for f in row.flags}) is flagged


def test_a_case_with_no_session_yet_counts_as_no_recent_session_but_is_not_flagged(
    practice: OpenPractice, individual_case: CaseDetail
) -> None:
    (row,) = overview.practice_overview(practice.uow(), TODAY)
    assert row.last_session is None
    assert row.no_recent_session
    assert row.flags == ()
    assert row.current_steps == (None,)


def test_closed_cases_are_left_out_and_rows_are_sorted_by_name(practice: OpenPractice) -> None:
    names = [("zoë", "Xavi"), ("Émile", "Noor"), ("Bea", "Carl"), ("Dee", "Eli")]
    made = [new_couple(practice, a, b) for a, b in names]
    record(practice, made[3].id, day(5))
    cases.close_case(practice.uow(), made[3].id, TODAY)
    rows = overview.practice_overview(practice.uow(), TODAY)
    assert [r.display_name for r in rows] == ["Bea & Carl", "Émile & Noor", "zoë & Xavi"]


def test_rows_agree_with_each_cases_own_timeline(
    practice: OpenPractice, couple_case: CaseDetail, individual_case: CaseDetail
) -> None:
    """The bulk read groups sessions, steps and readings into the right cases: every
    measure matches the one computed from services.dynamics.case_timeline."""
    zoe, lukasz = ids(couple_case)
    other = new_couple(practice, "Ana", "Ben")
    ana, ben = ids(other)
    (solo,) = individual_case.partners
    for n in range(7):
        when = day(70 - 9 * n, hour=9 + n % 3)
        record(
            practice,
            couple_case.id,
            when,
            steps={zoe: Step(1 + n % 5), lukasz: Step(1 + n // 2)},
            readings={zoe: PartnerReading(position=n % 4 - 1, flooded=n > 4, clarity=n)},
            couple=CoupleReading(intensity=(n * 3) % 11, co_regulation=n % 2 == 0),
        )
        record(
            practice,
            other.id,
            when + timedelta(hours=3),
            attending=ana if n % 3 == 0 else None,
            steps={ana: Step.LEAN_IN} if n % 3 == 0 else {ana: Step.LEAN_IN, ben: Step(1 + n % 3)},
            readings={ana: PartnerReading(stance=n, flooded=True)},
            couple=None if n % 3 == 0 else CoupleReading(intensity=10 - n, co_regulation=False),
        )
        record(practice, individual_case.id, when, steps={solo.id: Step(1 + n % 5)})
    rows = overview.practice_overview(practice.uow(), TODAY)
    assert len(rows) == 3
    for row in rows:
        tl = dynamics.case_timeline(practice.uow(), row.case_id)
        steps = measures.current_steps(tl)
        assert row.partner_names == tl.partner_names
        assert row.current_steps == tuple(steps.get(p) for p in tl.partner_ids)
        assert row.latest_intensity == measures.latest_intensity(tl)
        assert row.intensity_trend is movement.intensity_movement(tl).trend
        assert row.flags == tuple(measures.attention_flags(tl, TODAY))
        assert row.last_session == max(p.starts_at for p in tl.points)
    assert {r.display_name for r in rows if r.flags} >= {"Ana & Ben"}


def test_reading_the_overview_writes_one_audit_row_and_changes_nothing(
    practice: OpenPractice,
    couple_case: CaseDetail,
    audit_log: Callable[[], list[tuple[Any, ...]]],
) -> None:
    zoe, _ = ids(couple_case)
    record(practice, couple_case.id, day(3), steps={zoe: Step.LEAN_IN})
    before = audit_log()
    listed = cases.list_cases(practice.uow())
    timeline = dynamics.case_timeline(practice.uow(), couple_case.id)
    overview.practice_overview(practice.uow(), TODAY)
    after = audit_log()
    assert after[: len(before)] == before
    assert [row[:4] + row[5:] for row in after[len(before) :]] == [
        ("viewed", "practice", None, None, "overview")
    ]
    assert cases.list_cases(practice.uow()) == listed
    assert dynamics.case_timeline(practice.uow(), couple_case.id) == timeline


def test_an_empty_practice_has_an_empty_overview(practice: OpenPractice) -> None:
    assert overview.practice_overview(practice.uow(), TODAY) == []


@pytest.fixture
def statements(practice: OpenPractice) -> Iterator[list[str]]:
    """Every SQL statement the engine runs while the test body runs."""
    seen: list[str] = []

    def note(_conn: Any, _cursor: Any, statement: str, *_rest: Any) -> None:
        seen.append(statement)

    event.listen(practice.engine, "before_cursor_execute", note)
    yield seen
    event.remove(practice.engine, "before_cursor_execute", note)


def _add_cases(practice: OpenPractice, start: int, count: int) -> None:
    for i in range(start, start + count):
        case = new_couple(practice, f"A{i}", f"B{i}", safety=i % 2 == 0)
        a, b = ids(case)
        for n in range(2):
            record(
                practice,
                case.id,
                day(20 - n * 7 + i),
                steps={a: Step(1 + i % 5), b: Step.LEAN_IN},
                readings={a: PartnerReading(position=1), b: PartnerReading(position=-1)},
                couple=CoupleReading(intensity=i % 11),
            )
        record(practice, case.id, day(3 + i), attending=a, readings={a: PartnerReading(stance=5)})


def test_the_number_of_queries_does_not_grow_with_the_number_of_cases(
    practice: OpenPractice, statements: list[str]
) -> None:
    _add_cases(practice, 0, 3)
    statements.clear()
    assert len(overview.practice_overview(practice.uow(), TODAY)) == 3
    with_three = list(statements)
    _add_cases(practice, 3, 9)
    statements.clear()
    assert len(overview.practice_overview(practice.uow(), TODAY)) == 12
    with_twelve = list(statements)
    assert len(with_twelve) == len(with_three)
    reads = [
        s
        for s in with_twelve
        if s.lstrip().upper().startswith("SELECT")
        and "audit_events" not in s
        and "audit_head" not in s  # the audit chain's head on a server
    ]
    assert len(reads) == 5  # cases with partners, sessions, steps, readings, couple readings
