"""``clarity-desktop report check-in --case ID --partner NAME [--measure ID]``: a printable
form for one partner, in their language."""

from __future__ import annotations

from pathlib import Path

import pytest

from clarity_desktop import cli
from clarity_desktop.services.dto import CaseDetail
from clarity_desktop.store.practice import OpenPractice


@pytest.fixture
def env(monkeypatch: pytest.MonkeyPatch, passphrase: str, tmp_path: Path) -> Path:
    monkeypatch.setenv("CLARITY_PASSPHRASE", passphrase)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_report_check_in_writes_a_form_for_the_partner(
    env: Path,
    practice: OpenPractice,
    couple_case: CaseDetail,
    practice_dir: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from tests.reports import pdftools

    args = ["report", "check-in", "--data-dir", str(practice_dir), "--case", str(couple_case.id)]
    assert cli.main([*args, "--partner", "zoe", "--measure", "ambivalence_check"]) == 0
    out = env / f"case-{couple_case.id}-ambivalence_check.pdf"
    assert capsys.readouterr().out.strip() == f"Wrote {out.name}."
    words = " ".join(pdftools.text(out).split())
    assert "Zoë" in words and "Where I am right now" in words
    assert cli.main(args) == 2
    assert "needs --case ID and --partner NAME" in capsys.readouterr().err
