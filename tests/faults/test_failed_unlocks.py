"""Every wrong passphrase reaches the audit trail, whichever front it was typed into and
whatever happened to that program afterwards: written beside the locked practice at
once, moved into the audit at the next successful unlock. The unlock window's growing
wait between tries holds across a restart. An edited or shortened record is noticed,
and that is written to the audit too."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from clarity_desktop import cli
from clarity_desktop.cli import safety as cli_safety
from clarity_desktop.services import backups, practices
from clarity_desktop.store.practice import OpenPractice
from clarity_desktop.store.sqlite.engine import connect_raw
from clarity_desktop.ui.practice.unlock import UnlockWindow
from tests.conftest import PASSPHRASE

CHILD = Path(__file__).with_name("unlock_child.py")
ATTEMPTS_FILE = "practice.attempts"


def audit_rows(folder: Path, key: bytes) -> list[tuple[str, str]]:
    conn = connect_raw(folder / "practice.clarity", key)
    try:
        return [
            (str(a), str(d))
            for a, d in conn.execute("SELECT action, detail FROM audit_events ORDER BY id")
        ]
    finally:
        conn.close()


def failed_rows(folder: Path, key: bytes) -> list[str]:
    return [d for a, d in audit_rows(folder, key) if a == "unlock_failed"]


def chain_intact(practice: OpenPractice) -> bool:
    return practices.verify_audit(practice).ok


def test_21_wrong_passphrases_on_the_command_line_are_21_audit_rows(
    practice: OpenPractice,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    folder, key = practice.folder, practice.db_key
    backup = backups.backup_now(practice, tmp_path / "backups")
    practice.close()
    monkeypatch.setattr(cli_safety, "WRONG_PASSPHRASE_DELAY_S", 0.0)
    monkeypatch.delenv("CLARITY_DEBUG", raising=False)
    clients = tmp_path / "clients.csv"
    clients.write_text("Name\nAmira Haddad\n", encoding="utf-8")
    out = tmp_path / "out"
    verbs = [
        ["cases"],
        ["check"],
        ["audit"],
        ["audit", "--verify"],
        ["report", "steps", "--out", str(out / "steps.pdf")],
        ["export", "--case", "1", "--out", str(out / "case.zip")],
        ["import", str(clients)],
        ["backup", "--to", str(out)],
        ["restore", "--from", str(backup.folder)],
    ]
    for i in range(21):
        monkeypatch.setenv("CLARITY_PASSPHRASE", f"a wrong guess {i}")
        verb = verbs[i % len(verbs)]
        code = cli.main([verb[0], "--data-dir", str(folder), *verb[1:]])
        _out, err = capsys.readouterr()
        assert code == 2, (verb, err)
        assert "does not unlock this practice" in err
    monkeypatch.setenv("CLARITY_PASSPHRASE", PASSPHRASE)
    assert cli.main(["cases", "--data-dir", str(folder)]) == 0

    failed = failed_rows(folder, key)
    assert len(failed) == 21
    assert all("wrong passphrase" in d and "command line" in d for d in failed)
    actions = [a for a, _ in audit_rows(folder, key)]
    # The attempts come before the unlock that found them, in the same transaction.
    assert actions[-22:] == ["unlock_failed"] * 21 + ["unlocked"]
    reopened = practices.unlock_practice(folder, PASSPHRASE)
    try:
        assert chain_intact(reopened)
    finally:
        reopened.close()
    # Moved, not copied: a second unlock adds none.
    assert len(failed_rows(folder, key)) == 21


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_a_killed_unlock_window_still_gets_its_wrong_passphrases_audited(
    practice: OpenPractice, tmp_path: Path
) -> None:
    folder, key = practice.folder, practice.db_key
    practice.close()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONUNBUFFERED="1")
    child = subprocess.Popen(
        [sys.executable, str(CHILD), str(folder), str(tmp_path / "settings.ini"), "3"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env,
    )
    deadline = time.monotonic() + 60
    try:
        assert child.stdout is not None
        for line in child.stdout:
            if line.strip() == "failed 3":
                break
            assert time.monotonic() < deadline, "the child program stopped trying"
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=10)
    assert child.returncode == -signal.SIGKILL

    practices.unlock_practice(folder, PASSPHRASE).close()
    assert len(failed_rows(folder, key)) == 3


def test_the_wait_between_tries_holds_in_a_new_window(qtbot: QtBot, practice: OpenPractice) -> None:
    folder, key = practice.folder, practice.db_key
    practice.close()
    first = UnlockWindow(folder)
    qtbot.addWidget(first)
    for i in range(3):
        qtbot.waitUntil(first.unlock_button.isEnabled, timeout=10000)
        first.passphrase.setText(f"wrong {i}")
        with qtbot.waitSignal(first.attempt_failed, timeout=10000):
            first.try_unlock()
    first.close()  # the program is closed and started again

    second = UnlockWindow(folder)
    qtbot.addWidget(second)
    second.show()
    assert not second.unlock_button.isEnabled()
    assert "wait" in second.status.text()
    second.passphrase.setText(PASSPHRASE)
    second.try_unlock()  # refused while waiting: nothing happens
    assert not second.unlock_button.isEnabled()
    qtbot.waitUntil(second.unlock_button.isEnabled, timeout=10000)
    with qtbot.waitSignal(second.unlocked, timeout=10000) as unlocked:
        second.try_unlock()
    opened = unlocked.args[0]
    assert isinstance(opened, OpenPractice)
    opened.close()
    assert len(failed_rows(folder, key)) == 3
    # After a good unlock the next window starts without a wait.
    third = UnlockWindow(folder)
    qtbot.addWidget(third)
    assert third.unlock_button.isEnabled()


def _lines(folder: Path) -> list[str]:
    return (folder / ATTEMPTS_FILE).read_text(encoding="utf-8").splitlines()


@pytest.mark.parametrize("how", ["edited", "shortened", "replaced"])
def test_an_altered_record_of_attempts_is_noticed_and_audited(
    practice: OpenPractice, how: str
) -> None:
    folder, key = practice.folder, practice.db_key
    practice.close()
    for i in range(4):
        with pytest.raises(practices.WrongPassphrase):
            practices.unlock_practice(folder, f"wrong {i}")
    lines = _lines(folder)
    attempt_lines = [n for n, line in enumerate(lines) if line.startswith("a ")]
    assert len(attempt_lines) == 4
    if how == "edited":  # move the second attempt to another day
        n = attempt_lines[1]
        lines[n] = lines[n].replace(lines[n].split()[2][:10], "2001-01-01", 1)
    elif how == "shortened":  # the last two attempts removed, the rest untouched
        lines = [line for n, line in enumerate(lines) if n not in attempt_lines[2:]]
    else:  # someone's own, made-up file
        lines = ["clarity-attempts 1", "open " + "00" * 32, "state 0 " + "00" * 32]
    (folder / ATTEMPTS_FILE).write_text("\n".join(lines) + "\n", encoding="utf-8")

    opened = practices.unlock_practice(folder, PASSPHRASE)
    try:
        assert chain_intact(opened)
    finally:
        opened.close()
    rows = audit_rows(folder, key)
    altered = [d for a, d in rows if a == "attempts_record_altered"]
    assert len(altered) == 1, rows
    if how == "edited":
        assert len(failed_rows(folder, key)) == 1  # only what comes before the edit is trusted
    elif how == "shortened":
        assert len(failed_rows(folder, key)) == 2
