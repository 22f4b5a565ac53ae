"""`clarity-desktop report summary|progress --include-private-readings --include-safety-note`:
both off by default, each on only on purpose, and a clear sentence when misused."""

from __future__ import annotations

from pathlib import Path

import pytest

from clarity_desktop import cli
from clarity_desktop.services.dto import CaseDetail
from clarity_desktop.store.practice import OpenPractice
from tests.faults.test_private_readings_in_documents import SAFETY_TEXT, confided, flagged
from tests.reports import pdftools

__all__ = ["confided", "flagged"]  # fixtures, used by name below


@pytest.fixture
def env(monkeypatch: pytest.MonkeyPatch, passphrase: str, tmp_path: Path) -> Path:
    monkeypatch.setenv("CLARITY_PASSPHRASE", passphrase)
    monkeypatch.delenv("CLARITY_DEBUG", raising=False)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(capsys: pytest.CaptureFixture[str], practice_dir: Path, *args: str) -> tuple[int, str]:
    code = cli.main(["report", *args, "--data-dir", str(practice_dir)])
    _out, err = capsys.readouterr()
    return code, err


@pytest.mark.parametrize("document", ["summary", "progress"])
def test_the_flags_include_each_on_purpose(
    env: Path,
    practice: OpenPractice,
    practice_dir: Path,
    flagged: CaseDetail,
    capsys: pytest.CaptureFixture[str],
    document: str,
) -> None:
    period = ["--from", "2025-03-01", "--to", "2025-03-31"] if document == "progress" else []
    base = [document, "--case", str(flagged.id), *period]
    code, err = run(capsys, practice_dir, *base, "--out", "plain.pdf")
    assert code == 0, err
    plain = pdftools.flat(pdftools.text(env / "plain.pdf"))
    assert "letting go" not in plain.lower() and "SAFETY-DISCLOSURE" not in plain
    code, err = run(
        capsys,
        practice_dir,
        *base,
        "--include-private-readings",
        "--include-safety-note",
        "--out",
        "all.pdf",
    )
    assert code == 0, err
    full = pdftools.flat(pdftools.text(env / "all.pdf"))
    assert "Letting go (24 Mar 2025, individual session)" in full
    assert SAFETY_TEXT in full


@pytest.mark.parametrize("flag", ["--include-private-readings", "--include-safety-note"])
@pytest.mark.parametrize("document", ["note", "handout", "steps"])
def test_the_flags_belong_to_the_summary_and_progress_reports(
    env: Path,
    practice_dir: Path,
    couple_case: CaseDetail,
    capsys: pytest.CaptureFixture[str],
    flag: str,
    document: str,
) -> None:
    code, err = run(capsys, practice_dir, document, "--case", str(couple_case.id), flag)
    assert code == 2
    assert err.strip() == f"clarity-desktop: {flag} is for the summary and progress reports only."
    assert not list(env.glob("*.pdf"))
