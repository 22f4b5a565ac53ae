"""The first window must not wait for the database layers to load."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

PROBE = """
import sys
import clarity_desktop.ui.main.app
import clarity_desktop.ui.practice.unlock
heavy = [m for m in ("sqlalchemy", "alembic", "argon2", "sqlcipher3") if m in sys.modules]
print(",".join(heavy))
"""


def test_unlock_window_modules_import_no_database_layers() -> None:
    result = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, cwd=ROOT, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""


RECORD_DOMAIN = """
import sys
import clarity_desktop.ui.main.app
import clarity_desktop.ui.practice.unlock
import clarity_desktop.ui.practice.create_practice
late = ("clarity_desktop.ui.common.labels", "clarity_desktop.domain.measures",
        "clarity_desktop.domain.timeline", "clarity_desktop.domain.records", "statistics")
print(",".join(m for m in late if m in sys.modules))
"""


def test_unlock_window_modules_leave_the_record_domain_for_later() -> None:
    # Issue 12's bench: the label catalogue (and through it the measures, the timeline and
    # statistics) on the unlock window's import path made the first paint ~15 % slower.
    result = subprocess.run(
        [sys.executable, "-c", RECORD_DOMAIN], capture_output=True, text=True, cwd=ROOT, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""
