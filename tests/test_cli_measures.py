"""``clarity-desktop measures --case ID [--json]``: each partner's scores over the case,
scores only, and reading them is audited."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

from clarity_desktop import cli
from clarity_desktop.domain.records import SessionInput
from clarity_desktop.services import audit, measures, sessions
from clarity_desktop.services.dto import CaseDetail
from clarity_desktop.store.practice import OpenPractice

CALM = {"safe_to_speak": 4, "heard": 3, "clarity": 2, "hope": 3, "pressure": 0}


@pytest.fixture
def env(monkeypatch: pytest.MonkeyPatch, passphrase: str, tmp_path: Path) -> Path:
    monkeypatch.setenv("CLARITY_PASSPHRASE", passphrase)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_measures_lists_each_partner_s_scores_and_the_gap(
    env: Path,
    practice: OpenPractice,
    couple_case: CaseDetail,
    practice_dir: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    a, b = (p.id for p in couple_case.partners)
    joint = sessions.create_session(
        practice.uow(), couple_case.id, SessionInput(starts_at=datetime(2025, 3, 4, 10, 0))
    )
    check_in = measures.find(measures.catalogue(practice_dir), "session_check_in")
    measures.record_answers(practice.uow(), check_in, couple_case.id, a, CALM, session_id=joint.id)
    measures.record_answers(
        practice.uow(), check_in, couple_case.id, b, {**CALM, "pressure": 4}, session_id=joint.id
    )
    base = ["measures", "--data-dir", str(practice_dir), "--case", str(couple_case.id)]
    viewed = audit.AuditFilter(case_id=couple_case.id, action="viewed")
    before = len(audit.list_events(practice.uow(), viewed))
    assert cli.main(base) == 0
    assert len(audit.list_events(practice.uow(), viewed)) == before + 1
    out = capsys.readouterr().out
    assert "How today's session felt" in out and "3.20" in out and "2.40" in out
    assert f"gap at session {joint.id}: 0.80" in out
    assert "safe enough" not in out  # scores, never the items' words
    assert cli.main([*base, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    (instrument,) = data["instruments"]
    (total,) = instrument["scores"]
    assert [p["points"][0]["score"] for p in total["partners"]] == [3.2, 2.4]
    assert total["gaps"] == [{"session": joint.id, "answered_on": "2025-03-04", "gap": 0.8}]


def test_a_case_with_no_answers_says_so(
    env: Path,
    practice: OpenPractice,
    couple_case: CaseDetail,
    practice_dir: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    base = ["measures", "--data-dir", str(practice_dir), "--case", str(couple_case.id)]
    assert cli.main(base) == 0
    assert "No answers recorded yet." in capsys.readouterr().out
