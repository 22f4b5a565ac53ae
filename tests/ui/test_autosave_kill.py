"""A crash or power cut mid-typing loses at most the last couple of seconds.

A separate program types into the real note editor; we kill it with SIGKILL (no chance
to save or clean up), reopen the practice, and read what the note holds.
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

from clarity_desktop.domain.records import CaseInput, CaseKind, PartnerInput, SessionInput
from clarity_desktop.services import cases, notes, practices, sessions
from clarity_desktop.ui.note.autosave import MAX_UNSAVED_S
from tests.conftest import PASSPHRASE

CHILD = Path(__file__).with_name("autosave_child.py")
WORD_MS = 40


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_sigkill_mid_typing_loses_at_most_the_last_seconds(tmp_path: Path) -> None:
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
        [sys.executable, str(CHILD), str(folder), PASSPHRASE, str(tmp_path / "settings.ini")],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env,
    )
    typed: list[str] = []
    deadline = time.monotonic() + 60
    try:
        assert child.stdout is not None
        seen_pause = False
        for line in child.stdout:
            if line.startswith("typed "):
                typed.append(line.split()[1])
            elif line.strip() == "paused":
                seen_pause = True
            # Kill well into the second, unbroken run of typing (about 3 s of it).
            if seen_pause and len(typed) >= 20 + 75:
                break
            assert time.monotonic() < deadline, "the child program stopped typing"
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=10)
    assert child.returncode == -signal.SIGKILL

    reopened = practices.unlock_practice(folder, PASSPHRASE)
    try:
        text = notes.note_for_session(reopened.uow(), session.id).sections.get("focus", "")
    finally:
        reopened.close()
    saved = text.split()
    # What was saved is exactly what was typed, in order: nothing garbled. A save may land
    # between two keystrokes, so the last word may be cut short.
    assert saved[:-1] == typed[: len(saved) - 1]
    assert len(saved) > len(typed) or typed[len(saved) - 1].startswith(saved[-1])
    # Everything typed before the pause is there (the idle save).
    assert saved[:20] == typed[:20]
    # During unbroken typing, saves still happen: at most the last few seconds are lost.
    lost = len(typed) - len(saved)
    max_lost_words = int((MAX_UNSAVED_S + 1.0) * 1000 / WORD_MS)
    assert lost <= max_lost_words, f"lost {lost} words, more than {max_lost_words}"
    assert len(saved) > 20
