"""The recovery key opens the practice without the passphrase, so it goes only where the
therapist sends it: a saved key is a file readable by its owner alone whatever the
umask, whole or not there at all; never inside the practice folder; and neither saving
nor printing leaves a copy anywhere else (temp folders, preferences, the practice)."""

from __future__ import annotations

import errno
import os
import stat
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QLineEdit, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from clarity_desktop.services.practices import OpenPractice
from clarity_desktop.ui.practice import recovery_key
from clarity_desktop.ui.practice.recovery_key import RecoveryKeyDialog
from tests.ui.conftest import ModalAnswerer, click_button

KEY = "R3CV-Q7MZ-K2PD-88WX-TL4N-EB6H"


@pytest.fixture
def modal(qapp: object) -> Iterator[ModalAnswerer]:
    """Answers the file, print and message dialogs as the therapist would."""
    answerer = ModalAnswerer()
    yield answerer
    answerer.stop()


@pytest.fixture
def permissive_umask() -> Iterator[None]:
    """As if the program ran with a careless umask (the hardening sets 077 at start)."""
    before = os.umask(0o022)
    yield
    os.umask(before)


@pytest.fixture
def dialog(qtbot: QtBot, practice: OpenPractice) -> RecoveryKeyDialog:
    d = RecoveryKeyDialog(KEY, None, practice_folder=practice.folder)
    qtbot.addWidget(d)
    d.show()
    return d


def save_as(qtbot: QtBot, modal: ModalAnswerer, dialog: RecoveryKeyDialog, path: Path) -> None:
    """Save, choosing *path* in the real file dialog."""

    def choose(file_dialog: QWidget) -> None:
        assert isinstance(file_dialog, QFileDialog)
        name = file_dialog.findChild(QLineEdit, "fileNameEdit")
        assert isinstance(name, QLineEdit)
        name.setText(str(path))  # typed, as a user would
        file_dialog.accept()

    modal.answer(QFileDialog, choose)
    if path.exists():  # the file dialog asks before replacing a file
        modal.answer(QMessageBox, lambda box: click_button(box, "Yes"))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)


def test_a_saved_key_is_its_owners_alone_whatever_the_umask(
    qtbot: QtBot,
    modal: ModalAnswerer,
    dialog: RecoveryKeyDialog,
    tmp_path: Path,
    permissive_umask: None,
) -> None:
    stick = tmp_path / "usb"
    stick.mkdir()
    target = stick / "clarity-recovery-key.txt"
    target.write_text("an older file in its place\n")
    target.chmod(0o644)
    save_as(qtbot, modal, dialog, target)
    assert KEY in target.read_text(encoding="utf-8")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert sorted(p.name for p in stick.iterdir()) == [target.name]  # no temporary left
    said = dialog.status.text()
    assert said.endswith(".") and ". " not in said  # one calm sentence
    assert "safe" in said and "apart from this computer" in said


def test_a_save_that_fails_leaves_nothing_and_says_so(
    qtbot: QtBot,
    modal: ModalAnswerer,
    dialog: RecoveryKeyDialog,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def full(_fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(recovery_key.os, "fsync", full)
    chosen = tmp_path / "chosen"
    chosen.mkdir()
    save_as(qtbot, modal, dialog, chosen / "key.txt")
    assert list(chosen.iterdir()) == [], "a half-written key was left behind"
    assert dialog.status.text().startswith("Not saved:")
    assert "space" in dialog.status.text().lower()


def test_the_key_is_never_saved_inside_the_practice_folder(
    qtbot: QtBot,
    modal: ModalAnswerer,
    dialog: RecoveryKeyDialog,
    practice: OpenPractice,
) -> None:
    before = sorted(p.name for p in practice.folder.rglob("*"))
    for place in (practice.folder / "key.txt", practice.folder / "backups" / "key.txt"):
        place.parent.mkdir(exist_ok=True)
        save_as(qtbot, modal, dialog, place)
        assert not place.exists()
        assert "practice folder" in dialog.status.text()
    after = sorted(p.name for p in practice.folder.rglob("*"))
    assert set(after) - set(before) <= {"backups"}


def holding(folder: Path, text: bytes) -> list[Path]:
    found = []
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            try:
                if text in path.read_bytes():
                    found.append(path)
            except OSError:
                continue
    return found


def test_saving_and_printing_leave_no_copy_anywhere_else(
    qtbot: QtBot,
    modal: ModalAnswerer,
    dialog: RecoveryKeyDialog,
    practice: OpenPractice,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    config = tmp_path / "config"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(config))
    temp = Path(tempfile.gettempdir())
    temp_before = {p for p in temp.iterdir()}
    saved = tmp_path / "chosen" / "key.txt"
    saved.parent.mkdir()
    save_as(qtbot, modal, dialog, saved)
    printed = tmp_path / "chosen" / "printed.pdf"

    def print_to(print_dialog: QWidget) -> None:
        assert isinstance(print_dialog, QPrintDialog)
        printer = print_dialog.printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed))
        print_dialog.done(QDialog.DialogCode.Accepted)

    modal.answer(QPrintDialog, print_to)
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    assert printed.exists()
    text = subprocess.run(
        ["pdftotext", str(printed), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert KEY in text, "the printed page does not show the key"
    assert "Sent to the printer" in dialog.status.text()

    key = KEY.encode()
    found = holding(tmp_path, key)  # the practice, preferences: none of them
    assert saved in found and set(found) <= {saved, printed}
    new_in_temp = [p for p in temp.iterdir() if p not in temp_before]
    assert [p for p in new_in_temp if p.is_file() and key in p.read_bytes()] == []
