"""Item 1 of the trust issue: a restore never races a program that has the practice open.

Before the fix, a second process kept committing through the services while `restore` ran;
hundreds of clients it was told were saved existed neither in the practice nor in the
safety copy. Now every program that opens a practice holds an operating-system lock, and
restore needs it exclusively: it is refused while anyone else has the practice open, and
nothing committed is lost.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from clarity_desktop.services import backups, cases, practices
from clarity_desktop.store.practice import OpenPractice
from tests.faults.conftest import child_env, cli

CHILD = Path(__file__).with_name("writer_child.py")


def start_writer(
    folder: Path, passphrase: str, seconds: float, stop: Path | None = None
) -> subprocess.Popen[str]:
    extra = [str(stop)] if stop else []
    proc = subprocess.Popen(
        [sys.executable, str(CHILD), str(folder), passphrase, str(seconds), *extra],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=child_env(),
    )
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "open", proc.stderr.read() if proc.stderr else ""
    return proc


def names_in(folder: Path, passphrase: str) -> set[str]:
    opened = practices.unlock_practice(folder, passphrase)
    try:
        return {c.display_name for c in cases.list_cases(opened.uow())}
    finally:
        opened.close()


def test_restore_is_refused_while_another_program_writes_and_nothing_is_lost(
    practice: OpenPractice, practice_dir: Path, passphrase: str, tmp_path: Path
) -> None:
    made = backups.backup_now(practice)
    practice.close()
    stop = tmp_path / "stop-writer"
    # The writer runs until the restore has answered, however slow the machine is.
    writer = start_writer(practice_dir, passphrase, seconds=300.0, stop=stop)
    time.sleep(0.5)
    result = cli(
        "restore",
        "--data-dir",
        str(practice_dir),
        "--from",
        str(made.folder),
        passphrase=passphrase,
    )
    stop.touch()
    out, err = writer.communicate(timeout=60)
    assert writer.returncode == 0, err
    committed = {
        line.removeprefix("committed ")
        for line in out.splitlines()
        if line.startswith("committed ")
    }
    assert len(committed) > 10
    assert result.returncode == 2, result.stdout
    assert "open in another Clarity program" in result.stderr
    assert "Traceback" not in result.stderr
    assert committed <= names_in(practice_dir, passphrase)


def test_restore_works_once_the_other_program_has_closed(
    practice: OpenPractice, practice_dir: Path, passphrase: str
) -> None:
    made = backups.backup_now(practice)
    practice.close()
    writer = start_writer(practice_dir, passphrase, seconds=0.5)
    writer.communicate(timeout=60)
    assert any(n.startswith("Writer client") for n in names_in(practice_dir, passphrase))
    result = cli(
        "restore",
        "--data-dir",
        str(practice_dir),
        "--from",
        str(made.folder),
        passphrase=passphrase,
    )
    assert result.returncode == 0, result.stderr
    assert not any(n.startswith("Writer client") for n in names_in(practice_dir, passphrase))


def test_a_killed_program_leaves_no_lock_behind(
    practice: OpenPractice, practice_dir: Path, passphrase: str
) -> None:
    made = backups.backup_now(practice)
    practice.close()
    writer = start_writer(practice_dir, passphrase, seconds=60)
    writer.kill()
    writer.wait(timeout=30)
    backups.restore(practice_dir, made.folder, passphrase)  # the system released its lock


def test_a_lock_file_naming_a_live_process_does_not_block_restore(
    practice: OpenPractice, practice_dir: Path, passphrase: str
) -> None:
    """The old lock named a process id; a reused id (here: init, always alive) blocked
    restore for good. Only a lock the system holds for a running program counts now."""
    made = backups.backup_now(practice)
    practice.close()
    (practice_dir / "practice.lock").write_text("1\nsomehost\nclarity-desktop\n", encoding="utf-8")
    backups.restore(practice_dir, made.folder, passphrase)


def test_a_writer_started_during_a_restore_waits_and_loses_nothing(
    practice: OpenPractice, practice_dir: Path, passphrase: str
) -> None:
    """Restore holds the practice to itself; a program opening it meanwhile waits for the
    restore to finish and then writes into the restored practice."""
    made = backups.backup_now(practice)
    practice.close()
    restore = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "clarity_desktop",
            "restore",
            "--data-dir",
            str(practice_dir),
            "--from",
            str(made.folder),
        ],
        env={**child_env(), "CLARITY_PASSPHRASE": passphrase},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    writer = start_writer(practice_dir, passphrase, seconds=1.0)
    out, err = writer.communicate(timeout=60)
    r_out, r_err = restore.communicate(timeout=60)
    committed = {
        line.removeprefix("committed ")
        for line in out.splitlines()
        if line.startswith("committed ")
    }
    assert committed, err
    if restore.returncode == 0:
        assert committed <= names_in(practice_dir, passphrase)
    else:  # the writer got there first: then restore was refused, and nothing was lost
        assert "open in another Clarity program" in r_err
        assert committed <= names_in(practice_dir, passphrase)
