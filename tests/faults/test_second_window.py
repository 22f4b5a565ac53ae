"""Item 1 of the trust issue, the window's part: a second window on a practice that is
open in another program's window is refused before it writes anything. Before the fix it
first wrote an "unlocked" row, then found the lock file; and a lock file naming a live,
unrelated process (a reused pid) blocked the practice for good."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot

from clarity_desktop.services import backups
from clarity_desktop.services.practices import OpenPractice
from clarity_desktop.store import practice as store
from clarity_desktop.store.files import db_path
from clarity_desktop.store.oslock import PracticeInUse
from clarity_desktop.store.sqlite.engine import connect_raw
from clarity_desktop.ui.common.settings import Settings
from clarity_desktop.ui.main.app import AppController
from clarity_desktop.ui.practice.unlock import UnlockWindow
from tests.conftest import PASSPHRASE
from tests.faults.conftest import child_env, cli

CHILD = Path(__file__).with_name("window_child.py")


def audit_rows(folder: Path) -> int:
    conn = connect_raw(db_path(folder), store.unlock_key(folder, PASSPHRASE))
    try:
        return int(conn.execute("SELECT count(*) FROM audit_events").fetchone()[0])
    finally:
        conn.close()


def controller(folder: Path, ini: Path) -> AppController:
    c = AppController(folder, settings=Settings(QSettings(str(ini), QSettings.Format.IniFormat)))
    c.start()
    return c


def type_passphrase(qtbot: QtBot, c: AppController) -> UnlockWindow:
    window = c.window
    assert isinstance(window, UnlockWindow)
    qtbot.keyClicks(window.passphrase, PASSPHRASE)
    qtbot.keyClick(window.passphrase, Qt.Key.Key_Return)
    return window


@pytest.fixture
def other_window(practice: OpenPractice, tmp_path: Path) -> subprocess.Popen[str]:
    folder = practice.folder
    practice.close()
    proc = subprocess.Popen(
        [sys.executable, str(CHILD), str(folder), PASSPHRASE, str(tmp_path / "child.ini")],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=child_env(),
    )
    assert proc.stdout is not None
    line = proc.stdout.readline().strip()
    assert line == "open", proc.stderr.read() if proc.stderr else ""
    yield proc
    proc.kill()
    proc.wait()


def test_a_second_window_is_refused_before_it_writes_anything(
    qtbot: QtBot, practice_dir: Path, tmp_path: Path, other_window: subprocess.Popen[str]
) -> None:
    before = audit_rows(practice_dir)
    second = controller(practice_dir, tmp_path / "b.ini")
    window = type_passphrase(qtbot, second)
    qtbot.waitUntil(lambda: "already open" in window.error.text(), timeout=10000)
    assert second.main is None and second.practice is None
    assert audit_rows(practice_dir) == before
    # A command beside the open window is fine (it reads and writes through the same
    # services), but a restore under it is refused.
    listed = cli("cases", "--data-dir", str(practice_dir), passphrase=PASSPHRASE)
    assert listed.returncode == 0, listed.stderr
    with pytest.raises(PracticeInUse, match="open in another Clarity program"):
        backups.restore(practice_dir, practice_dir, PASSPHRASE)
    window.close()


def test_when_the_other_window_is_killed_this_one_opens(
    qtbot: QtBot, practice_dir: Path, tmp_path: Path, other_window: subprocess.Popen[str]
) -> None:
    other_window.kill()
    other_window.wait()
    second = controller(practice_dir, tmp_path / "b.ini")
    with qtbot.waitSignal(second.main_window_shown, timeout=10000) as blocker:
        type_passphrase(qtbot, second)
    qtbot.addWidget(blocker.args[0])
    assert second.practice is not None
