"""`schedule` and `today` from the command line: sessions booked ahead (one or a series),
overlaps warned about, the day's sessions and every unsigned draft with its age; mistakes
are one sentence and exit code 2, with nothing booked."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from clarity_desktop import cli
from clarity_desktop.domain.schedule import SessionStatus
from clarity_desktop.services import cases
from clarity_desktop.services.dto import CaseDetail, SessionView
from clarity_desktop.store.practice import OpenPractice
from tests.services.conftest import record_session
from tests.test_cli import assert_clean_error, run, run_process

__all__ = ["record_session"]  # the service tests' fixture, used here


@pytest.fixture
def env(monkeypatch: pytest.MonkeyPatch, passphrase: str, tmp_path: Path) -> Path:
    monkeypatch.setenv("CLARITY_PASSPHRASE", passphrase)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def booked(practice: OpenPractice, case_id: int) -> list[SessionView]:
    detail = cases.read_case(practice.uow(), case_id)
    return sorted(detail.sessions, key=lambda s: s.starts_at)


def test_schedule_books_a_weekly_series(
    env: Path,
    practice: OpenPractice,
    practice_dir: Path,
    couple_case: CaseDetail,
    capsys: pytest.CaptureFixture[str],
) -> None:
    code = cli.main(
        [
            "schedule",
            "--data-dir",
            str(practice_dir),
            "--case",
            str(couple_case.id),
            "--at",
            "2031-05-06 14:00",
            "--minutes",
            "80",
            "--repeat",
            "weekly",
            "--count",
            "3",
            "--telehealth",
        ]
    )
    out, err = capsys.readouterr()
    assert code == 0, err
    rows = booked(practice, couple_case.id)
    assert [s.starts_at for s in rows] == [
        datetime(2031, 5, 6, 14, 0) + timedelta(days=7 * i) for i in range(3)
    ]
    assert {(s.status, s.duration_minutes, s.modality.value) for s in rows} == {
        (SessionStatus.SCHEDULED, 80, "telehealth")
    }
    assert out.splitlines()[0] == (
        f"Scheduled session {rows[0].id}: Tue 06 May 2031 14:00, 80 min, both partners."
    )
    assert len(out.splitlines()) == 3 and err == ""


def test_schedule_warns_about_an_overlap_and_books_all_the_same(
    env: Path,
    practice: OpenPractice,
    practice_dir: Path,
    couple_case: CaseDetail,
    individual_case: CaseDetail,
    capsys: pytest.CaptureFixture[str],
) -> None:
    base = ["schedule", "--data-dir", str(practice_dir), "--at"]
    assert cli.main([*base, "2031-05-06 14:00", "--case", str(couple_case.id)]) == 0
    capsys.readouterr()
    code = cli.main(
        [*base, "2031-05-06 14:30", "--case", str(individual_case.id), "--partner", "soren"]
    )
    out, err = capsys.readouterr()
    assert code == 0
    assert "Scheduled session" in out
    assert err == (
        "Note: the session at Tue 06 May 14:30 overlaps Zoë & Łukasz's scheduled session at "
        f"14:00 (50 min, session {booked(practice, couple_case.id)[0].id}).\n"
    )
    assert len(booked(practice, individual_case.id)) == 1


D = ("--data-dir", "/nonexistent/practice")
MISTAKES = [
    (("schedule", *D, "--case", "1", "--at", "tomorrow"), 'like "2025-03-04 14:00"'),
    (("schedule", *D, "--case", "1", "--at", "2031-05-06"), 'like "2025-03-04 14:00"'),
    (("schedule", *D, "--case", "1"), "Please give --at."),
    (
        ("schedule", *D, "--case", "1", "--at", "2031-05-06 14:00", "--repeat", "daily"),
        "--repeat is one of weekly, fortnightly, not 'daily'.",
    ),
    (("today", *D, "--date", "06/05/2031"), "The date is written YYYY-MM-DD"),
]


@pytest.mark.parametrize(("args", "fragment"), MISTAKES, ids=[a[-1] for a, _ in MISTAKES])
def test_a_mistake_is_one_sentence_and_exit_2(
    args: tuple[str, ...], fragment: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stopped:
        cli.main(list(args))
    assert stopped.value.code == 2
    out, err = capsys.readouterr()
    assert out == "" and fragment in err and len(err.splitlines()) == 1


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (("--count", "4"), "--count goes with --repeat weekly or --repeat fortnightly."),
        (("--repeat", "weekly"), "Please give --count N with --repeat"),
        (("--repeat", "weekly", "--count", "60"), "A series has between 1 and 52 sessions."),
        (("--minutes", "0"), "A session lasts between 1 and 480 minutes."),
    ],
)
def test_a_series_without_its_count_or_a_bad_length_books_nothing(
    env: Path,
    practice: OpenPractice,
    practice_dir: Path,
    couple_case: CaseDetail,
    capsys: pytest.CaptureFixture[str],
    extra: tuple[str, ...],
    message: str,
) -> None:
    args = ["schedule", "--data-dir", str(practice_dir), "--case", str(couple_case.id)]
    code = cli.main([*args, "--at", "2031-05-06 14:00", *extra])
    out, err = capsys.readouterr()
    assert code == 2 and out == ""
    assert message in err and len(err.splitlines()) == 1
    assert booked(practice, couple_case.id) == []


def test_today_lists_the_days_sessions_and_every_draft_with_its_age(
    env: Path,
    practice: OpenPractice,
    practice_dir: Path,
    couple_case: CaseDetail,
    record_session: Callable[..., SessionView],
    capsys: pytest.CaptureFixture[str],
) -> None:
    now = datetime.now().replace(second=0, microsecond=0)
    old = record_session(couple_case.id, now - timedelta(days=4))
    assert cli.main(["schedule", "--data-dir", str(practice_dir), "--case", str(couple_case.id),
                     "--at", f"{now:%Y-%m-%d} 23:00"]) == 0  # fmt: skip
    capsys.readouterr()
    assert cli.main(["today", "--data-dir", str(practice_dir), "--json"]) == 0
    plan = json.loads(capsys.readouterr().out)
    assert plan["date"] == now.date().isoformat()
    [s] = plan["sessions"]
    assert (s["case"], s["starts_at"][11:], s["status"], s["note"]) == (
        "Zoë & Łukasz",
        "23:00",
        "scheduled",
        None,
    )
    [draft] = plan["drafts"]
    assert (draft["session_id"], draft["age_days"], draft["age"]) == (
        old.id,
        4,
        "over_three_days",
    )
    assert cli.main(["today", "--data-dir", str(practice_dir)]) == 0
    text = capsys.readouterr().out
    assert "23:00-23:50  Zoë & Łukasz (both partners)  scheduled" in text
    assert "Unsigned drafts: 1" in text and "4 days (over three days)" in text
    assert cli.main(["today", "--data-dir", str(practice_dir), "--date", "2031-05-06"]) == 0
    assert "No sessions this day." in capsys.readouterr().out


def test_a_real_process_schedules_and_refuses_an_unknown_case(tmp_path: Path) -> None:
    folder = tmp_path / "p"
    secret = tmp_path / "s.txt"
    secret.write_text("a long enough passphrase\n", encoding="utf-8")
    made = run("init", "--data-dir", str(folder), "--clinician", "Rosa Imbert",
               "--passphrase-file", str(secret))  # fmt: skip
    assert made.returncode == 0, made.stderr
    result = run_process("schedule", "--data-dir", str(folder), "--case", "9",
                         "--at", "2031-05-06 14:00", "--passphrase-file", str(secret))  # fmt: skip
    assert_clean_error(result, "clarity-desktop: There is no case number 9.")
