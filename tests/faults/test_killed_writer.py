"""A program killed while it writes loses nothing it was told was saved, and leaves the
practice whole: every committed client present, check (seals, chain, locks) passes, and
the next program opens it at once (the OS released the dead program's lock).

Run with CLARITY_KILLS=40 for the longer soak quoted in the closing notes."""

from __future__ import annotations

import os
import random
import signal
import time
from pathlib import Path

from clarity_desktop.services import practices
from clarity_desktop.store.practice import OpenPractice
from tests.faults.test_restore_race import names_in, start_writer


def test_random_kills_while_writing_lose_nothing_committed(
    practice: OpenPractice, practice_dir: Path, passphrase: str
) -> None:
    practice.close()
    rng = random.Random(40)
    committed: set[str] = set()
    kills = int(os.environ.get("CLARITY_KILLS", "8"))
    for _ in range(kills):
        writer = start_writer(practice_dir, passphrase, seconds=60)
        time.sleep(rng.uniform(0.05, 0.8))
        writer.send_signal(signal.SIGKILL)
        out, _err = writer.communicate(timeout=30)
        committed |= {
            line.removeprefix("committed ")
            for line in out.splitlines()
            if line.startswith("committed ")
        }
    present = names_in(practice_dir, passphrase)
    lost = committed - present
    print(f"{kills} kills, {len(committed)} committed clients, {len(lost)} lost")
    assert lost == set()
    summary = practices.check_practice(practice_dir, passphrase)
    assert summary.case_count >= len(committed)
