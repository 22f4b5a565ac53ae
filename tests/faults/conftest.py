"""Fault injection: programs killed, files damaged, records tampered with raw SQL, other
programs racing. Each test here failed on the code before its fix."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pytest

from clarity_desktop.domain.dynamics import CoupleReading, Loop, PartnerReading
from clarity_desktop.domain.records import SessionInput
from clarity_desktop.domain.steps import Direction, Step
from clarity_desktop.domain.templates import Template
from clarity_desktop.services import notes, sessions
from clarity_desktop.services.dto import CaseDetail, NoteDraft
from clarity_desktop.store.practice import OpenPractice
from tests.services.conftest import draft, record_session

__all__ = ["draft", "record_session"]  # the service tests' helpers, for the fault tests

ROOT = Path(__file__).resolve().parents[2]


def cli(
    *args: str, passphrase: str | None = None, timeout: float = 60
) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "CLARITY_PASSPHRASE"}
    env["PYTHONPATH"] = str(ROOT)
    if passphrase is not None:
        env["CLARITY_PASSPHRASE"] = passphrase
    return subprocess.run(
        [sys.executable, "-m", "clarity_desktop", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=timeout,
        cwd=ROOT,
    )


def child_env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    return env


@dataclass(frozen=True)
class SignedRecord:
    case_id: int
    session_id: int
    note_id: int
    addendum_id: int
    partner_ids: tuple[int, int]


def make_signed_record(practice: OpenPractice, case: CaseDetail) -> SignedRecord:
    """A joint session with a full note (sections, tags, partner steps, readings of both
    partners and of the couple), signed, with one addendum."""
    p1, p2 = (p.id for p in case.partners)
    s = sessions.create_session(
        practice.uow(), case.id, SessionInput(starts_at=datetime(2024, 3, 1, 10, 0))
    )
    draft = NoteDraft(
        template=Template.FIVE_STEPS,
        sections={"focus": "They named the distance between them."},
        steps=frozenset({Step.NAME_WHATS_HAPPENING}),
        partner_steps={p1: Step.NAME_WHATS_HAPPENING, p2: Step.FIND_YOUR_DIRECTION},
        private=False,
        partner_readings={
            p1: PartnerReading(position=2, stance=6, clarity=4),
            p2: PartnerReading(position=-2, stance=3, clarity=5, direction=Direction.REPAIR),
        },
        couple_reading=CoupleReading(loops=frozenset({Loop.PURSUE_WITHDRAW}), intensity=5),
    )
    notes.save_draft(practice.uow(), s.note_id, draft)
    notes.sign_note(practice.uow(), s.note_id)
    add = notes.add_addendum(practice.uow(), s.note_id, "Late entry: the session ran long.")
    return SignedRecord(case.id, s.id, s.note_id, add.id, (p1, p2))


@pytest.fixture
def signed(practice: OpenPractice, couple_case: CaseDetail) -> SignedRecord:
    return make_signed_record(practice, couple_case)
