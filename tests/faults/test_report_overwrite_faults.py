"""`report --out FILE` never silently replaces a file that is already there: a session
note, a referral letter, anything the therapist had saved under that name."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from clarity_desktop import cli
from clarity_desktop.domain.records import SessionInput
from clarity_desktop.services import sessions
from clarity_desktop.services.dto import CaseDetail
from clarity_desktop.store.practice import OpenPractice

KINDS = [
    ("note",),
    ("summary",),
    ("progress", "--from", "2020-01-01", "--to", "2030-12-31"),
    ("handout", "--joint", "--step", "2"),
    ("steps",),
]
KEPT = b"the referral letter I wrote last year"


@pytest.mark.parametrize("args", KINDS, ids=[k[0] for k in KINDS])
def test_an_existing_file_is_kept_unless_overwrite_is_given(
    args: tuple[str, ...],
    practice: OpenPractice,
    couple_case: CaseDetail,
    practice_dir: Path,
    passphrase: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("CLARITY_PASSPHRASE", passphrase)
    sessions.create_session(
        practice.uow(), couple_case.id, SessionInput(starts_at=datetime(2025, 3, 4, 10))
    )
    out = tmp_path / "out"
    out.mkdir()
    target = out / "precious.pdf"
    target.write_bytes(KEPT)
    common = ["--data-dir", str(practice_dir), "--case", str(couple_case.id), "--out", str(target)]

    code = cli.main(["report", *args, *common])
    err = capsys.readouterr().err
    assert code == 2
    assert err.strip() == (
        f"clarity-desktop: {target} already exists; choose another name or add --overwrite."
    )
    assert target.read_bytes() == KEPT
    assert [p.name for p in out.iterdir()] == ["precious.pdf"]

    code = cli.main(["report", *args, *common, "--overwrite"])
    assert code == 0, capsys.readouterr().err
    assert target.read_bytes().startswith(b"%PDF-")
    assert [p.name for p in out.iterdir()] == ["precious.pdf"]
