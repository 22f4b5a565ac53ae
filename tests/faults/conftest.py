"""Fault injection: programs killed, files damaged, records tampered with raw SQL, other
programs racing. Each test here failed on the code before its fix.

Running the real program as a separate process, the way a therapist's computer would:
isolated_env gives a child its own home, data and config folders (so the developer's
own settings and data are never touched), and permissive_start starts it from the usual
umask 022, so a file that comes out owner-only does so because the program made it so.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
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
    add_marker(practice, s.id, "loop_episode", p1, p2)
    add_marker(practice, s.id, "quote", text="We keep missing each other.")
    notes.sign_note(practice.uow(), s.note_id)
    add = notes.add_addendum(practice.uow(), s.note_id, "Late entry: the session ran long.")
    return SignedRecord(case.id, s.id, s.note_id, add.id, (p1, p2))


def add_marker(
    practice: OpenPractice,
    session_id: int,
    kind: str,
    partner_id: int | None = None,
    other_partner_id: int | None = None,
    text: str = "",
) -> int:
    """A marker tapped during the session, written straight to its table."""
    with practice.engine.begin() as conn:
        return int(
            conn.exec_driver_sql(
                "INSERT INTO session_markers (session_id, at, kind, partner_id, "
                "other_partner_id, landed, text, created_at) "
                "VALUES (?, '2024-03-01 10:12:00', ?, ?, ?, NULL, ?, '2024-03-01 10:12:00') "
                "RETURNING id",
                (session_id, kind, partner_id, other_partner_id, text),
            ).scalar_one()
        )


@pytest.fixture
def signed(practice: OpenPractice, couple_case: CaseDetail) -> SignedRecord:
    return make_signed_record(practice, couple_case)


PERMISSIVE_UMASK = 0o022


def isolated_env(base: Path, **extra: str) -> dict[str, str]:
    """A child environment whose home, data, config and cache folders live under *base*."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("CLARITY_")}
    for name in ("home", "data", "config", "cache", "state"):
        (base / name).mkdir(mode=0o700, parents=True, exist_ok=True)
    env.update(
        HOME=str(base / "home"),
        XDG_DATA_HOME=str(base / "data"),
        XDG_CONFIG_HOME=str(base / "config"),
        XDG_CACHE_HOME=str(base / "cache"),
        XDG_STATE_HOME=str(base / "state"),
        PYTHONPATH=str(ROOT),
        QT_QPA_PLATFORM="offscreen",
        PYTHONUNBUFFERED="1",
    )
    env.pop("PYTHONFAULTHANDLER", None)
    env.update(extra)
    return env


def permissive_start(*, allow_core: bool = False) -> Callable[[], None]:
    """preexec_fn for a child: umask 022 and, if asked, core files allowed up to the hard
    limit, so any restriction seen in the child is the program's own doing."""

    def start() -> None:
        import resource  # POSIX only, like preexec_fn itself

        os.umask(PERMISSIVE_UMASK)
        if allow_core:
            _soft, hard = resource.getrlimit(resource.RLIMIT_CORE)
            resource.setrlimit(resource.RLIMIT_CORE, (hard, hard))

    return start


def program(*args: str) -> list[str]:
    """The command line of the real program (``python -m clarity_desktop ARGS``)."""
    return [sys.executable, "-m", "clarity_desktop", *args]


@pytest.fixture
def run_program(tmp_path: Path) -> Callable[..., subprocess.CompletedProcess[str]]:
    """Run the program to its end in an isolated environment; returns the finished process."""
    env_base = tmp_path / "env"

    def run(
        *args: str, passphrase: str | None = None, cwd: Path | None = None, **extra_env: str
    ) -> subprocess.CompletedProcess[str]:
        env = isolated_env(env_base, **extra_env)
        if passphrase is not None:
            env["CLARITY_PASSPHRASE"] = passphrase
        return subprocess.run(
            program(*args),
            capture_output=True,
            text=True,
            env=env,
            cwd=cwd or tmp_path,
            timeout=180,
            preexec_fn=permissive_start(),
        )

    return run


def modes_under(*roots: Path) -> dict[str, str]:
    """Every file and folder under *roots* (the roots included) with its permission bits."""
    found: dict[str, str] = {}
    for root in roots:
        for path in [root, *root.rglob("*")]:
            found[str(path)] = oct(path.lstat().st_mode & 0o777)
    return found


def not_owner_only(*roots: Path) -> dict[str, str]:
    """What group or others could read, write or enter: should be nothing."""
    return {path: mode for path, mode in modes_under(*roots).items() if int(mode, 8) & 0o077 != 0}
