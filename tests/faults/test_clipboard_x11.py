"""On a real X11 clipboard: the lock clears what the program copied, and never what
another program copied; the recovery key's 30 seconds spare what came after it."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.faults.conftest import isolated_env

CHILD = Path(__file__).with_name("clipboard_x11_child.py")


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("xvfb-run") is None, reason="needs xvfb-run (Debian: xvfb)")
def test_the_lock_clears_only_what_the_program_put_on_the_clipboard(tmp_path: Path) -> None:
    env = isolated_env(tmp_path / "env", QT_QPA_PLATFORM="xcb")
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)
    done = subprocess.run(
        ["xvfb-run", "-a", "-s", "-screen 0 1024x768x24", sys.executable, str(CHILD)],
        capture_output=True,
        text=True,
        env=env,
        timeout=180,
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["platform"] == "xcb"
    assert seen["theirs_before_lock"] == "a recipe copied in another program"
    assert seen["theirs_after_lock"] == "a recipe copied in another program"
    assert seen["ours_before_lock"] and seen["selection_before_lock"]
    assert seen["ours_after_lock"] == "" and seen["selection_after_lock"] == ""
    assert seen["key"] == "K7QM-2XHD-9TRW-4PLA-66JC-EN3B"
    assert seen["theirs_30_s_after_the_key"] == "copied in another program after the key"
    assert seen["key_after_30_s"] == ""
