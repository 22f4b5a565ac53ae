"""A password-protected PDF: strong encryption (AES-256, revision 6), and no readable copy
on disk at any moment, even when writing fails half-way."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pikepdf
import pytest
from pikepdf.models.encryption import EncryptionMethod

from clarity_desktop.reports import layout
from clarity_desktop.reports.note import NoteDocument, build_note
from tests.reports import pdftools
from tests.reports.conftest import sample_note

PASSWORD = "a long PDF password"


@pytest.fixture
def note_doc() -> Callable[..., NoteDocument]:
    return sample_note


def _is_encrypted_r6(source: Path | bytes) -> None:
    opened: Any = source if isinstance(source, Path) else __import__("io").BytesIO(source)
    with pytest.raises(pikepdf.PasswordError):
        pikepdf.open(opened)
    if not isinstance(source, Path):
        opened.seek(0)
    with pytest.raises(pikepdf.PasswordError):
        pikepdf.open(opened, password="not the password")
    if not isinstance(source, Path):
        opened.seek(0)
    with pikepdf.open(opened, password=PASSWORD) as pdf:
        enc = pdf.encryption
        assert pdf.is_encrypted
        assert enc.R == 6, f"revision {enc.R}, not 6"
        assert enc.V == 5
        assert enc.bits == 256
        assert enc.stream_method == EncryptionMethod.aesv3
        assert enc.string_method == EncryptionMethod.aesv3
        assert enc.file_method == EncryptionMethod.aesv3


def test_a_saved_pdf_is_aes256_r6_and_opens_only_with_its_password(
    note_doc: Callable[..., NoteDocument], tmp_path: Path
) -> None:
    target = tmp_path / "note.pdf"
    build_note(note_doc(), target, password=PASSWORD)
    _is_encrypted_r6(target)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert "Signed electronically" in pdftools.text(target, password=PASSWORD)
    assert pdftools.info(target, password=PASSWORD)["Title"].startswith("Session note")
    assert [p.name for p in tmp_path.iterdir()] == ["note.pdf"]


def test_bytes_asked_for_with_a_password_are_encrypted_too(
    note_doc: Callable[..., NoteDocument],
) -> None:
    data = build_note(note_doc(), password=PASSWORD)
    assert data is not None
    _is_encrypted_r6(data)


def test_nothing_unencrypted_ever_reaches_the_folder(
    note_doc: Callable[..., NoteDocument], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every file that appears beside the target while it is written is checked at the
    moment it is renamed into place, and the folder is watched for any other file."""
    seen: list[tuple[str, int]] = []
    real_replace = os.replace

    def watching_replace(src: Any, dst: Any) -> None:
        path = Path(os.fspath(src))
        seen.append((path.name, stat.S_IMODE(path.stat().st_mode)))
        _is_encrypted_r6(path)
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", watching_replace)
    build_note(note_doc(), tmp_path / "note.pdf", password=PASSWORD)
    assert seen and all(mode == 0o600 for _name, mode in seen)


def test_a_failure_while_encrypting_leaves_nothing_behind(
    note_doc: Callable[..., NoteDocument], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Writing dies half-way (a full disk, a crash in the encryption library): no file
    under the chosen name, no temporary file, and an existing file is left untouched."""
    target = tmp_path / "note.pdf"
    target.write_bytes(b"the earlier copy")

    def failing_save(self: Any, *args: Any, **kwargs: Any) -> None:
        stream = args[0] if args else kwargs.get("filename_or_stream")
        if hasattr(stream, "write"):
            stream.write(b"%PDF-1.7 half")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(pikepdf.Pdf, "save", failing_save)
    with pytest.raises(OSError):
        build_note(note_doc(), target, password=PASSWORD)
    assert [p.name for p in tmp_path.iterdir()] == ["note.pdf"]
    assert target.read_bytes() == b"the earlier copy"


def test_the_encryption_keeps_metadata_and_page_size(
    note_doc: Callable[..., NoteDocument],
) -> None:
    data = build_note(note_doc(), page_size="Letter", password=PASSWORD)
    assert data is not None
    info = pdftools.info(data, password=PASSWORD)
    assert info["Title"] == "Session note — Zoë & Łukasz — 4 Mar 2025"
    assert info["Author"] == "Dana Reyes, LMFT"
    assert "letter" in info["Page size"].lower()
    assert layout.page_size_name("letter") == "Letter"
