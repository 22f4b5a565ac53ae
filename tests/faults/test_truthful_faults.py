"""Items 12 and 13 of the trust issue: faults explained truthfully.

Before the fix, a full disk was reported as "damaged or not a Clarity practice" (and the
window offered to restore an older backup), a flipped byte in the key file's passphrase
entry said "That passphrase does not unlock this practice", and another practice's key
file said "damaged"."""

from __future__ import annotations

import base64
import json
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from clarity_desktop.services import backups, practices
from clarity_desktop.store.practice import (
    KeyFileDamaged,
    NotAPractice,
    OpenPractice,
    PracticeDiskFull,
)
from clarity_desktop.ui.practice.unlock import UnlockWindow
from tests.faults.conftest import cli


def flip_in_entry(folder: Path, field: str) -> None:
    path = folder / "practice.key"
    data = json.loads(path.read_text(encoding="utf-8"))
    raw = bytearray(base64.b64decode(data["passphrase"][field]))
    raw[3] ^= 0x01
    data["passphrase"][field] = base64.b64encode(bytes(raw)).decode("ascii")
    path.write_text(json.dumps(data, indent=2), encoding="utf-8")


@pytest.mark.parametrize("field", ["wrapped", "tag", "salt"])
def test_a_flipped_byte_in_the_key_file_is_called_damage_not_a_wrong_passphrase(
    practice: OpenPractice, practice_dir: Path, passphrase: str, field: str
) -> None:
    practice.close()
    flip_in_entry(practice_dir, field)
    with pytest.raises(KeyFileDamaged, match="key file is damaged"):
        practices.unlock_practice(practice_dir, passphrase)
    result = cli("check", "--data-dir", str(practice_dir), passphrase=passphrase)
    assert result.returncode == 2
    assert "does not unlock" not in result.stderr and "is damaged" in result.stderr
    assert "backups/" in result.stderr  # and where to find a good copy


def test_another_practices_key_file_is_named_as_such(tmp_path: Path) -> None:
    a, _ = practices.create_practice(tmp_path / "a", "shared words", "shared words", "A", "")
    b, _ = practices.create_practice(tmp_path / "b", "shared words", "shared words", "B", "")
    a.close()
    b.close()
    shutil.copy(tmp_path / "b" / "practice.key", tmp_path / "a" / "practice.key")
    with pytest.raises(NotAPractice, match="belongs to a different practice"):
        practices.unlock_practice(tmp_path / "a", "shared words")


# --- a full disk ----------------------------------------------------------------------


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 3 MiB file system of our own (needs root, as CI and this machine have)."""
    mount = tmp_path / "small"
    mount.mkdir()
    made = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(mount)], capture_output=True
    )
    if made.returncode != 0:
        pytest.skip(f"cannot mount a small file system here: {made.stderr!r}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def fill(disk: Path) -> None:
    """Write until the file system refuses even one more byte (unbuffered, so closing
    the file cannot fail on a leftover buffer)."""
    with (disk / "filler").open("wb", buffering=0) as fh:
        for chunk in (65536, 4096, 1):
            try:
                while True:
                    fh.write(b"\0" * chunk)
            except OSError:
                pass
    os.sync()


@pytest.fixture
def full_practice(small_disk: Path, passphrase: str) -> Path:
    folder = small_disk / "practice"
    opened, _ = practices.create_practice(folder, passphrase, passphrase, "Dana Reyes", "LMFT")
    backups.backup_now(opened)
    opened.close()
    for p in folder.glob("practice.clarity-*"):
        p.unlink()
    fill(small_disk)
    return folder


def test_a_full_disk_is_said_by_every_command(full_practice: Path, passphrase: str) -> None:
    for verb in ("check", "cases", "audit", "backup"):
        result = cli(verb, "--data-dir", str(full_practice), passphrase=passphrase)
        assert result.returncode == 2, (verb, result.stdout)
        assert "disk" in result.stderr and "full" in result.stderr, (verb, result.stderr)
        assert "damaged" not in result.stderr, (verb, result.stderr)
        assert "Traceback" not in result.stderr


def test_the_unlock_window_says_the_disk_is_full_and_offers_no_restore(
    qtbot: QtBot, full_practice: Path, passphrase: str
) -> None:
    window = UnlockWindow(full_practice)
    qtbot.addWidget(window)
    window.show()
    qtbot.keyClicks(window.passphrase, passphrase)
    qtbot.keyClick(window.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(window.error.text()), timeout=10000)
    assert "full" in window.error.text()
    assert "damaged" not in window.error.text()
    assert not window.restore_button.isVisible()
    with pytest.raises(PracticeDiskFull):
        practices.unlock_practice(full_practice, passphrase)
