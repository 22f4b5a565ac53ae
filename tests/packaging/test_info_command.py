"""`clarity-desktop info`: the versions the packaged build's check reports, from source.

Fast, so it runs with every test run (the build itself is test_frozen_build.py)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from clarity_desktop import APP_NAME, __version__
from clarity_desktop.cli import main

ROOT = Path(__file__).resolve().parents[2]


def test_info_reports_every_version_and_the_data_folder(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["info"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == f"{APP_NAME} {__version__} (from source)"
    assert re.fullmatch(r"Python 3\.\d+\.\d+ \(.+\)", out[1])
    assert re.fullmatch(r"PySide6 6\.\d+\.\d+, Qt 6\.\d+\.\d+", out[2])
    # SQLCipher 4, through the very library the program opens practices with.
    assert re.fullmatch(r"SQLCipher 4\.\d+\.\d+.* \(SQLite 3\.\d+\.\d+\)", out[3]), out[3]
    assert re.fullmatch(r"reportlab \d+\.\d+.*", out[4])
    assert out[5].startswith("Data folder: ") and "Clarity Desktop" in out[5]


def test_info_needs_no_passphrase_no_practice_and_no_display() -> None:
    env = {k: v for k, v in os.environ.items() if k not in {"CLARITY_PASSPHRASE", "DISPLAY"}}
    env |= {"PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-m", "clarity_desktop", "info"],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert "SQLCipher 4." in done.stdout
