"""Nothing tapped in session mode is lost when the program dies.

A separate program runs the real session mode and taps markers with single keys (loops,
flooding, co-regulation, a repair that landed, an undo), then writes in the pad; we kill
it with SIGKILL (no chance to save or clean up), reopen the practice, and find every
marker it reported, exactly as tapped (undone ones gone), and the pad's words up to the
last couple of seconds.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

import pytest

from clarity_desktop.domain.markers import PAD_KEY
from clarity_desktop.domain.records import CaseInput, CaseKind, PartnerInput, SessionInput
from clarity_desktop.services import cases, markers, notes, practices, sessions
from clarity_desktop.ui.note.session_pad import MAX_UNSAVED_S
from tests.conftest import PASSPHRASE

CHILD = Path(__file__).with_name("session_mode_child.py")
WORD_MS = 40
WORDS_BEFORE_KILL = 60  # about 2.5 s of unbroken typing


def expected_markers(reports: list[str]) -> list[tuple[str, bool | None]]:
    """Replay what the child said it did: (kind, landed) of the markers that must be there."""
    stack: list[tuple[str, bool | None]] = []
    for what in reports:
        if what == "undo":
            stack.pop()
        elif what == "landed":
            kind, _ = stack[-1]
            assert kind == "repair_attempt"
            stack[-1] = (kind, True)
        else:
            stack.append((what, None))
    return stack


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_sigkill_in_session_mode_loses_no_marker(tmp_path: Path) -> None:
    folder = tmp_path / "practice"
    opened, _ = practices.create_practice(folder, PASSPHRASE, PASSPHRASE, "Dana Reyes", "LMFT")
    case = cases.create_case(
        opened.uow(), CaseInput(CaseKind.COUPLE, "", (PartnerInput("Ana"), PartnerInput("Ben")))
    )
    session = sessions.create_session(
        opened.uow(), case.id, SessionInput(datetime(2026, 11, 20, 10))
    )
    opened.close()

    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONUNBUFFERED="1")
    child = subprocess.Popen(
        [sys.executable, str(CHILD), str(folder), PASSPHRASE, str(session.id)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env,
    )
    did: list[str] = []
    typed: list[str] = []
    deadline = time.monotonic() + 90
    try:
        assert child.stdout is not None
        for line in child.stdout:
            if line.startswith("did "):
                did.append(line.split()[1])
            elif line.startswith("typed "):
                typed.append(line.split()[1])
            if len(typed) >= WORDS_BEFORE_KILL:
                break
            assert time.monotonic() < deadline, "the child program stopped"
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=10)
    assert child.returncode == -signal.SIGKILL
    assert len(did) == 60

    reopened = practices.unlock_practice(folder, PASSPHRASE)
    try:
        stored = markers.session_markers(reopened.uow(), session.id)
        pad = notes.note_for_session(reopened.uow(), session.id).sections.get(PAD_KEY, "")
    finally:
        reopened.close()
    want = expected_markers(did)
    assert [(m.kind.value, m.landed) for m in stored] == want
    assert len(want) == 39  # 60 keys: 7 rounds of 5 kept markers, then 1, 2, 3, C
    ana, ben = (p.id for p in case.partners)
    loops = [(m.partner_id, m.other_partner_id) for m in stored if m.kind.value == "loop_episode"]
    assert set(loops) == {(ana, ben), (ben, ana)}

    # The pad: exactly what was typed, in order, up to the last couple of seconds.
    saved = pad.split()
    assert saved, "nothing of the pad was saved"
    assert saved[:-1] == typed[: len(saved) - 1]
    assert typed[len(saved) - 1].startswith(saved[-1])
    lost = len(typed) - len(saved)
    assert lost <= int((MAX_UNSAVED_S + 1.0) * 1000 / WORD_MS), f"lost {lost} words"
