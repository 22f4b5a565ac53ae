"""`clarity-desktop report ...`: the documents from the command line, as a script uses it."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import text

from clarity_desktop import cli
from clarity_desktop.domain.records import CaseInput, CaseKind, PartnerInput, SessionInput
from clarity_desktop.domain.steps import Step
from clarity_desktop.domain.templates import Template
from clarity_desktop.services import cases, notes, sessions
from clarity_desktop.services.dto import CaseDetail, NoteDraft
from clarity_desktop.store.practice import OpenPractice
from tests.reports import pdftools

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def env(monkeypatch: pytest.MonkeyPatch, passphrase: str, tmp_path: Path) -> Path:
    monkeypatch.setenv("CLARITY_PASSPHRASE", passphrase)
    monkeypatch.delenv("CLARITY_DEBUG", raising=False)
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def stepped_case(practice: OpenPractice, couple_case: CaseDetail) -> CaseDetail:
    """Zoë & Łukasz with one joint session: Zoë at step 3, Łukasz at step 2."""
    zoe, lukasz = couple_case.partners
    session = sessions.create_session(
        practice.uow(), couple_case.id, SessionInput(starts_at=datetime(2025, 3, 4, 10, 0))
    )
    assert session.note_id is not None
    notes.save_draft(
        practice.uow(),
        session.note_id,
        NoteDraft(
            Template.FIVE_STEPS,
            {"focus": "What changed since the move."},
            frozenset({Step.LEAN_IN}),
            {zoe.id: Step.LEAN_IN, lukasz.id: Step.NAME_WHATS_HAPPENING},
            False,
        ),
    )
    notes.sign_note(practice.uow(), session.note_id)
    return cases.read_case(practice.uow(), couple_case.id)


def report(
    capsys: pytest.CaptureFixture[str], practice_dir: Path, *args: str
) -> tuple[int, str, str]:
    code = cli.main(["report", *args, "--data-dir", str(practice_dir)])
    out, err = capsys.readouterr()
    return code, out, err


def one_sentence(err: str) -> str:
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    assert "Traceback" not in err
    return lines[0]


def test_note_of_the_latest_session(
    env: Path, practice_dir: Path, stepped_case: CaseDetail, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = report(capsys, practice_dir, "note", "--case", str(stepped_case.id))
    assert code == 0
    note_id = stepped_case.sessions[0].note_id
    path = env / f"session-note-{note_id}.pdf"
    assert out.strip() == f"Wrote {path.name}."
    printed = pdftools.flat(pdftools.text(path))
    assert "Signed electronically by Dana Reyes, LMFT" in printed
    assert "What changed since the move." in printed


def test_handout_for_one_partner_at_their_own_step(
    env: Path,
    practice: OpenPractice,
    practice_dir: Path,
    stepped_case: CaseDetail,
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = env / "for-lukasz.pdf"
    code, _, err = report(
        capsys,
        practice_dir,
        "handout",
        "--case",
        str(stepped_case.id),
        "--partner",
        "łukasz",
        "--message",
        "Keep the notebook by the bed.",
        "--page-size",
        "Letter",
        "--out",
        str(out),
    )
    assert code == 0, err
    printed = pdftools.flat(pdftools.text(out))
    assert "Step 2 of 5 · For Łukasz" in printed and "Name What's Happening" in printed
    assert "Keep the notebook by the bed." in printed
    assert "letter" in pdftools.info(out)["Page size"]
    with practice.engine.connect() as conn:
        last = conn.execute(
            text("SELECT action, entity, case_id, detail FROM audit_events ORDER BY id DESC")
        ).first()
    assert last is not None
    lukasz = stepped_case.partners[1].id
    assert tuple(last) == (
        "exported",
        "case",
        stepped_case.id,
        f"client handout PDF, step 2, partner {lukasz}, to {out}",
    )


def test_joint_handout_needs_a_step_when_partners_differ(
    env: Path, practice_dir: Path, stepped_case: CaseDetail, capsys: pytest.CaptureFixture[str]
) -> None:
    cid = str(stepped_case.id)
    code, _, err = report(capsys, practice_dir, "handout", "--case", cid, "--joint")
    assert code == 2
    assert one_sentence(err).endswith("choose the step for a joint handout (--step N).")
    code, _, err = report(capsys, practice_dir, "handout", "--case", cid)
    assert code == 2
    assert "(--joint or --partner NAME)" in one_sentence(err)
    code, _, err = report(capsys, practice_dir, "handout", "--case", cid, "--joint", "--step", "3")
    assert code == 0, err
    assert "For Zoë and Łukasz" in pdftools.text(env / "handout-step-3.pdf")


def test_a_safety_flag_needs_acknowledging_for_a_joint_handout(
    env: Path, practice: OpenPractice, practice_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    flagged = cases.create_case(
        practice.uow(),
        CaseInput(
            kind=CaseKind.COUPLE,
            display_name="",
            partners=(PartnerInput(name="Ngozi Eze"), PartnerInput(name="Дмитрий Орлов")),
            safety_flag=True,
            safety_note="Screened.",
        ),
    )
    args = ("handout", "--case", str(flagged.id), "--joint", "--step", "1")
    code, _, err = report(capsys, practice_dir, *args)
    assert code == 2
    assert "add --acknowledge-safety to make it anyway" in one_sentence(err)
    assert not (env / "handout-step-1.pdf").exists()
    code, _, err = report(capsys, practice_dir, *args, "--acknowledge-safety")
    assert code == 0, err
    assert "For Ngozi and Дмитрий" in pdftools.text(env / "handout-step-1.pdf")


def test_the_overview_with_a_pdf_password(
    env: Path, practice: OpenPractice, practice_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    secret = env / "pdf-password.txt"
    secret.write_text("open sesame\n", encoding="utf-8")
    code, out, err = report(capsys, practice_dir, "steps", "--pdf-password-file", str(secret))
    assert code == 0, err
    assert out.strip() == "Wrote five-steps.pdf."
    assert not pdftools.readable(env / "five-steps.pdf")
    assert "Five steps toward clarity" in pdftools.text(env / "five-steps.pdf", "open sesame")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("note",), "Please say which case with --case ID to make a note."),
        (("handout", "--case", "1", "--session", "2"), "--session is for the note report only."),
        (("note", "--case", "1", "--partner", "Zoë"), "--partner is for the handout report only."),
        (("steps", "--joint"), "--joint is for the handout report only."),
        (("handout", "--case", "1", "--step", "7"), "A step is a number from 1 to 5, not 7."),
        (("note", "--case", "99"), "There is no case number 99."),
    ],
)
def test_mistakes_are_one_sentence_and_exit_2(
    env: Path,
    practice_dir: Path,
    couple_case: CaseDetail,
    capsys: pytest.CaptureFixture[str],
    args: tuple[str, ...],
    message: str,
) -> None:
    code, _, err = report(capsys, practice_dir, *args)
    assert code == 2
    assert one_sentence(err) == f"clarity-desktop: {message}"


@pytest.mark.slow
def test_a_real_process_writes_the_pdf_without_loading_qt(
    practice: OpenPractice, practice_dir: Path, passphrase: str, tmp_path: Path
) -> None:
    out = tmp_path / "steps.pdf"
    probe = (
        "import sys; from clarity_desktop.cli import main; code = main(sys.argv[1:]); "
        "assert not any(m.startswith('PySide6') for m in sys.modules); raise SystemExit(code)"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT), "CLARITY_PASSPHRASE": passphrase}
    done = subprocess.run(
        [sys.executable, "-c", probe, "report", "steps", "--data-dir", str(practice_dir)]
        + ["--out", str(out)],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"Wrote {out}."
    assert pdftools.info(out)["Pages"] == "1"
