"""The case summary and progress report as documents (built from plain dataclasses), their
charts and "what moved" wording, and `clarity-desktop report summary|progress`."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import text as sql

from clarity_desktop import cli
from clarity_desktop.domain.dynamics import CoupleReading, Loop, PartnerReading
from clarity_desktop.domain.progress import CallbackProgress
from clarity_desktop.domain.records import SessionInput
from clarity_desktop.domain.steps import Direction, Step
from clarity_desktop.domain.templates import Template
from clarity_desktop.domain.timeline import SessionPoint, Timeline
from clarity_desktop.reports import charts, summary
from clarity_desktop.reports.summary import Period, SessionRow, SummaryDocument
from clarity_desktop.services import notes, sessions
from clarity_desktop.services.dto import CaseDetail, NoteDraft
from clarity_desktop.store.practice import OpenPractice
from tests.reports import pdftools

START = datetime(2025, 1, 6, 10, 0)
VERDICT_WORDS = ("stay", "leav", "success", "fail", "score", "better", "worse", "verdict")


def point(
    i: int,
    when: datetime,
    *,
    steps: tuple[int | None, int | None] = (None, None),
    positions: tuple[int | None, int | None] = (None, None),
    clarity: tuple[int | None, int | None] = (None, None),
    intensity: int | None = None,
    flooded: tuple[bool, bool] = (False, False),
    co_regulation: bool | None = None,
    direction: Direction | None = None,
    joint: bool = True,
) -> SessionPoint:
    partners = {}
    for pid, (pos, cl, fl) in enumerate(zip(positions, clarity, flooded, strict=True), start=1):
        reading = PartnerReading(
            position=pos, clarity=cl, flooded=fl, direction=direction if pid == 1 else None
        )
        if not reading.is_empty and (joint or pid == 1):
            partners[pid] = reading
    couple = None
    if joint and (intensity is not None or co_regulation is not None):
        couple = CoupleReading(
            loops=frozenset({Loop.PURSUE_WITHDRAW}),
            intensity=intensity,
            co_regulation=co_regulation,
        )
    return SessionPoint(
        session_id=i,
        starts_at=when,
        joint=joint,
        steps={pid: Step(s) for pid, s in enumerate(steps, start=1) if s is not None},
        partners=partners,
        couple=couple,
    )


def document(points: list[SessionPoint], **changes: object) -> SummaryDocument:
    names = ("Zoë Marchetti", "Łukasz Wiśniewski")
    rows = tuple(
        SessionRow(
            session_id=p.session_id,
            starts_at=p.starts_at,
            attendance="Joint" if p.joint else names[0],
            modality="In person",
            steps=tuple(sorted(set(p.steps.values()))),
            note="Signed",
            private=not p.joint,
        )
        for p in points
    )
    doc = SummaryDocument(
        clinician="Dana Reyes, LMFT",
        case_id=3,
        case_name="Zoë & Łukasz",
        case_kind="Couple",
        relationship_structure="Consensually non-monogamous",
        status="Active",
        opened_on=date(2024, 12, 1),
        closed_on=None,
        safety_flag=False,
        safety_note="",
        partners=(summary.PartnerRow(1, names[0], "she/her"), summary.PartnerRow(2, names[1])),
        sessions=rows,
        timeline=Timeline(3, (1, 2), names, False, tuple(points)),
        printed_at=datetime(2025, 6, 1, 9, 0),
    )
    return replace(doc, **changes)  # type: ignore[arg-type]


def easing_case(n: int = 8) -> list[SessionPoint]:
    """Intensity falling, positions drawing closer, Zoë's clarity rising, Łukasz's level."""
    return [
        point(
            i,
            START + timedelta(weeks=i),
            steps=(min(5, 1 + i // 2), min(5, 1 + i // 3)),
            positions=(3 - i * 3 // n, -3 + i * 3 // n),
            clarity=(2 + i, 5),
            intensity=9 - i,
            flooded=(False, i == 1),
            co_regulation=i > 3,
            direction=Direction.REDEFINITION if i >= 6 else None,
        )
        for i in range(n)
    ]


def test_what_moved_is_factual_and_never_a_verdict() -> None:
    moved = summary.what_moved(document(easing_case()))
    assert moved == [
        "Loop intensity: 2 of 10 at the latest reading (24 Feb 2025), down from 3 at the one "
        "before (17 Feb 2025); over 8 readings in this period, from 9 to 2, it eased.",
        "The distance between the partners on pursue/withdraw: 2 points apart at the latest "
        "reading (24 Feb 2025), unchanged from the one before (17 Feb 2025); over 8 readings "
        "in this period, from 6 to 2, it narrowed: the partners moved closer.",
        "Zoë Marchetti's clarity: 9 of 10 at the latest reading (24 Feb 2025), up from 8 at "
        "the one before (17 Feb 2025); over 8 readings in this period, from 2 to 9, it grew.",
        "Łukasz Wiśniewski's clarity: 5 of 10 at the latest reading (24 Feb 2025), unchanged "
        "from the one before (17 Feb 2025); over 8 readings in this period, from 5 to 5, it "
        "held about level.",
        "Zoë Marchetti's step: 1 · Notice the Shift at the start of the period (6 Jan 2025), "
        "4 · Find Your Direction at its end (24 Feb 2025).",
        "Łukasz Wiśniewski's step: 1 · Notice the Shift at the start of the period "
        "(6 Jan 2025), 3 · Lean In at its end (24 Feb 2025).",
    ]
    for sentence in moved:
        assert not any(word in sentence.lower() for word in VERDICT_WORDS), sentence


def test_what_moved_with_rising_and_missing_readings() -> None:
    points = [
        point(0, START, positions=(1, -1), intensity=3, steps=(3, None)),
        point(1, START + timedelta(weeks=1), positions=(2, -2), intensity=5, clarity=(4, None)),
        point(2, START + timedelta(weeks=2), positions=(3, -3), intensity=8),
    ]
    moved = summary.what_moved(document(points))
    assert moved[0].endswith("over 3 readings in this period, from 3 to 8, it rose.")
    assert moved[1].endswith("from 2 to 6, it widened: the partners moved further apart.")
    assert moved[2] == (
        "Zoë Marchetti's clarity: 4 of 10 at the latest reading (13 Jan 2025), the only "
        "reading in this period; a trend needs at least 3."
    )
    assert moved[3] == "Łukasz Wiśniewski's clarity: not recorded in this period."
    assert moved[4] == "Zoë Marchetti's step: 3 · Lean In, recorded once (6 Jan 2025)."
    assert moved[5] == "Łukasz Wiśniewski's step: not recorded in this period."


def test_a_flare_up_is_reported_as_it_happened_never_as_easing() -> None:
    """The issue's case: intensity 1 -> 6 at the last session with Zoë flooded, her
    clarity 9 -> 4. No sentence may call that easing or growing."""
    values = [(4, 5), (3, 6), (2, 8), (1, 9), (6, 4)]  # (intensity, Zoë's clarity)
    points = [
        point(
            i,
            START + timedelta(weeks=i),
            positions=(2, -2),
            clarity=(clarity, 5),
            intensity=intensity,
            flooded=(i == 4, False),
        )
        for i, (intensity, clarity) in enumerate(values)
    ]
    moved = summary.what_moved(document(points))
    assert moved[0] == (
        "Loop intensity: 6 of 10 at the latest reading (3 Feb 2025), up from 1 at the one "
        "before (27 Jan 2025); over 5 readings in this period, from 4 to 6, no clear "
        "direction: the readings do not agree (mixed)."
    )
    assert "from 5 to 4, no clear direction" in moved[2]
    assert not any("eased" in m or "grew" in m for m in moved)


def test_loop_and_step_counts() -> None:
    doc = document(easing_case())
    (loops,) = summary.loop_counts(doc)
    assert (loops.title, loops.sessions) == ("Pursue – withdraw", 8)
    assert summary.step_tag_counts(doc)[:2] == [
        (Step.NAME_WHATS_HAPPENING, 4),
        (Step.LEAN_IN, 4),  # a tie goes to the lower step
    ]
    assert summary.reading_facts(doc) == [
        "Flooding recorded: Zoë Marchetti in 0 sessions; Łukasz Wiśniewski in 1 session.",
        "Co-regulation noted in 4 of the 8 sessions that recorded whether it happened.",
    ]


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (date(2025, 3, 3), date(2025, 3, 6), ["3 Mar 2025", "4 Mar", "5 Mar", "6 Mar"]),
        (date(2025, 3, 1), date(2025, 4, 20), ["3 Mar 2025", "17 Mar", "31 Mar", "14 Apr"]),
        (date(2024, 11, 10), date(2025, 3, 1), ["Dec 2024", "Jan 2025", "Feb 2025", "Mar 2025"]),
        (date(2019, 6, 1), date(2025, 2, 1), ["2020", "2021", "2022", "2023", "2024", "2025"]),
    ],
)
def test_date_ticks(start: date, end: date, expected: list[str]) -> None:
    ticks = charts.date_ticks(charts.day_number(start), charts.day_number(end))
    assert [label for _x, label in ticks] == expected
    assert len(ticks) <= charts.MAX_TICKS


def test_charts_are_none_without_their_readings() -> None:
    only_steps = [point(0, START, steps=(2, 3))]
    tl = document(only_steps).timeline
    axis = charts.TimeAxis.spanning([START])
    assert charts.steps_chart(tl, only_steps, axis, 480) is not None
    assert charts.positions_chart(tl, only_steps, axis, 480) is None
    assert charts.intensity_chart(tl, only_steps, axis, 480) is None
    assert charts.chart_points(replace(tl, points=(point(1, START),))) == []


def test_the_charts_print_their_labels(tmp_path: Path) -> None:
    out = tmp_path / "summary.pdf"
    assert summary.build_summary(document(easing_case()), out) is None
    text = pdftools.flat(pdftools.text(out))
    for label in (
        "Steps over time",
        "5 · Move Forward",
        "4 · Find Your Direction",
        "1 · Notice the Shift",
        "redefinition",
        "pursuing +3",
        "neither 0",
        "withdrawing −3",
        "distance between them",
        "Loop intensity (0–10)",
        "Łukasz Wiśniewski flooded",
        "co-regulation noted",
        "6 Jan 2025",
        "Consensually non-monogamous",
    ):
        assert label in text, label
    assert "Zoë Marchetti flooded" not in text


def test_a_hundred_sessions_paginate_with_furniture_on_every_page(tmp_path: Path) -> None:
    points = [
        point(
            i,
            START + timedelta(days=7 * i),
            steps=(1 + i % 5, 1 + (i // 3) % 5),
            positions=(i % 4 - 1, -(i % 3)),
            intensity=i % 11,
            flooded=(i % 9 == 0, i % 13 == 0),
            co_regulation=i % 2 == 0,
            direction=Direction.REPAIR if i % 5 == 3 else None,
            joint=i % 10 != 4,
        )
        for i in range(100)
    ]
    shares: list[float] = []
    data = summary.build_summary(
        document(points),
        page_size="Letter",
        progress=CallbackProgress(lambda d, t: shares.append(d / t)),
    )
    assert data is not None
    pages = pdftools.pages(data)
    assert len(pages) >= 3
    for number, page in enumerate(pages, start=1):
        assert "Confidential clinical record" in page
        assert f"Page {number} of {len(pages)}" in page
    assert shares[-1] == 1.0 and shares == sorted(shares)
    text = pdftools.flat("".join(pages))
    assert "100 recorded (90 joint, 10 individual)" in text
    assert text.count("Private") >= 10


def test_one_session_still_draws(tmp_path: Path) -> None:
    doc = document([point(0, START, steps=(1, 1), positions=(2, -2), intensity=6)])
    text = pdftools.flat(pdftools.text(summary.build_summary(doc) or b""))
    assert "pursuing +3" in text and "Loop intensity (0–10)" in text
    assert "5 Jan 2025" in text  # the axis reaches a little either side of the session


def test_a_long_case_name_leaves_room_for_the_page_label() -> None:
    doc = document(easing_case(3), case_name="Zoë-Ἀλέξανδρος " * 9)
    data = summary.build_summary(doc)
    pages = pdftools.pages(data or b"")
    footer = [line for line in pages[0].splitlines() if line.startswith("Case summary ·")]
    assert footer and "…" in footer[0]
    assert "Page 1 of" in pages[0]


def test_the_progress_report_needs_a_period() -> None:
    with pytest.raises(ValueError, match="needs a period"):
        summary.build_progress(document(easing_case()))
    period = Period(date(2025, 1, 13), date(2025, 1, 27))
    assert START + timedelta(weeks=1) in period and START + timedelta(weeks=4) not in period
    assert datetime(2025, 1, 27, 23, 59) in period
    kept = summary.in_period(document(easing_case()).timeline, period)
    assert [p.session_id for p in kept.points] == [1, 2, 3]


# -- the command line -------------------------------------------------------------------


@pytest.fixture
def env(monkeypatch: pytest.MonkeyPatch, passphrase: str, tmp_path: Path) -> Path:
    monkeypatch.setenv("CLARITY_PASSPHRASE", passphrase)
    monkeypatch.delenv("CLARITY_DEBUG", raising=False)
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def three_sessions(practice: OpenPractice, couple_case: CaseDetail) -> CaseDetail:
    """Sessions on 4 Feb, 4 Mar and 1 Apr 2025, steps and positions recorded."""
    zoe, lukasz = (p.id for p in couple_case.partners)
    for i, when in enumerate(
        (datetime(2025, 2, 4, 9), datetime(2025, 3, 4, 9), datetime(2025, 4, 1, 9))
    ):
        view = sessions.create_session(practice.uow(), couple_case.id, SessionInput(starts_at=when))
        assert view.note_id is not None
        notes.save_draft(
            practice.uow(),
            view.note_id,
            NoteDraft(
                Template.FIVE_STEPS,
                {"focus": "Session."},
                frozenset({Step(i + 1)}),
                {zoe: Step(i + 1), lukasz: Step(i + 1)},
                False,
                {zoe: PartnerReading(position=2), lukasz: PartnerReading(position=-2 + i)},
            ),
        )
    return couple_case


def run(capsys: pytest.CaptureFixture[str], practice_dir: Path, *args: str) -> tuple[int, str, str]:
    code = cli.main(["report", *args, "--data-dir", str(practice_dir)])
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_summary(
    env: Path,
    practice: OpenPractice,
    practice_dir: Path,
    three_sessions: CaseDetail,
    capsys: pytest.CaptureFixture[str],
) -> None:
    cid = three_sessions.id
    code, out, err = run(capsys, practice_dir, "summary", "--case", str(cid))
    assert code == 0, err
    assert out.strip() == f"Wrote case-summary-{cid}.pdf."
    text = pdftools.flat(pdftools.text(env / f"case-summary-{cid}.pdf"))
    for expected in ("Case summary", "Zoë", "Łukasz", "4 Feb 2025", "1 Apr 2025", "pursuing"):
        assert expected in text
    with practice.engine.connect() as conn:
        last = conn.execute(
            sql("SELECT action, entity, case_id, detail FROM audit_events ORDER BY id DESC")
        ).first()
    assert last is not None
    assert tuple(last) == (
        "exported",
        "case",
        cid,
        f"case summary PDF, 3 sessions, to case-summary-{cid}.pdf",
    )


def test_cli_progress(
    env: Path, practice_dir: Path, three_sessions: CaseDetail, capsys: pytest.CaptureFixture[str]
) -> None:
    cid = str(three_sessions.id)
    args = ("progress", "--case", cid, "--from", "2025-03-01", "--to", "2025-04-01")
    code, out, err = run(capsys, practice_dir, *args, "--page-size", "Letter")
    assert code == 0, err
    name = f"progress-{cid}-2025-03-01-to-2025-04-01.pdf"
    assert out.strip() == f"Wrote {name}."
    text = pdftools.flat(pdftools.text(env / name))
    assert "1 Mar 2025 to 1 Apr 2025" in text
    assert "4 Mar 2025" in text and "1 Apr 2025, 09:00" in text
    assert "4 Feb 2025" not in text
    assert "What moved in this period" in text


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("summary",), "Please say which case with --case ID to make a case summary."),
        (
            ("progress", "--from", "2025-01-01", "--to", "2025-02-01"),
            "Please say which case with --case ID to make a progress report.",
        ),
        (
            ("progress", "--case", "1"),
            "A progress report needs its period: --from YYYY-MM-DD --to YYYY-MM-DD.",
        ),
        (
            ("progress", "--case", "1", "--from", "2025-01-01"),
            "A progress report needs its period: --from YYYY-MM-DD --to YYYY-MM-DD.",
        ),
        (
            ("progress", "--case", "1", "--from", "2025-02-30", "--to", "2025-03-01"),
            "The --from date must be a real date written YYYY-MM-DD, not '2025-02-30'.",
        ),
        (
            ("progress", "--case", "1", "--from", "2025-01-01", "--to", "1/3/2025"),
            "The --to date must be a real date written YYYY-MM-DD, not '1/3/2025'.",
        ),
        (
            ("progress", "--case", "1", "--from", "20250101", "--to", "2025-03-01"),
            "The --from date must be a real date written YYYY-MM-DD, not '20250101'.",
        ),
        (
            ("progress", "--case", "1", "--from", "2025-03-01", "--to", "2025-02-01"),
            "The --from date (2025-03-01) is after the --to date (2025-02-01).",
        ),
        (
            ("summary", "--case", "1", "--from", "2025-01-01"),
            "--from and --to are for the progress report only.",
        ),
        (
            ("note", "--case", "1", "--to", "2025-01-01"),
            "--from and --to are for the progress report only.",
        ),
        (("summary", "--case", "1", "--step", "2"), "--step is for the handout report only."),
        (("summary", "--case", "1", "--session", "2"), "--session is for the note report only."),
        (("summary", "--case", "99"), "There is no case number 99."),
    ],
)
def test_cli_mistakes_are_one_sentence_and_exit_2(
    env: Path,
    practice_dir: Path,
    couple_case: CaseDetail,
    capsys: pytest.CaptureFixture[str],
    args: tuple[str, ...],
    message: str,
) -> None:
    code, out, err = run(capsys, practice_dir, *args)
    assert code == 2
    lines = [line for line in err.splitlines() if line.strip()]
    assert lines == [f"clarity-desktop: {message}"]
    assert out == ""
    assert not list(env.glob("*.pdf"))
