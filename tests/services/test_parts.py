"""services/parts.py: claims for temporary files, and the sweep at start that removes
only what a killed copy of the program left, never anything else."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from clarity_desktop.services import parts


@pytest.fixture(autouse=True)
def own_claims(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test its own data folder, so claims of one never meet another's."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))


def claim(part: Path) -> Path:
    """A claim as a killed program leaves it: written, its lock gone with the process."""
    folder = parts.claims_folder()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{os.urandom(4).hex()}.json"
    path.write_text(json.dumps({"part": str(part), "target": "x.zip"}), encoding="utf-8")
    return path


def test_a_stale_part_goes_and_so_does_its_claim(tmp_path: Path) -> None:
    part = tmp_path / ".clarity-0123abcd.part"
    part.write_bytes(b"PK records")
    note = claim(part)
    assert parts.sweep_unfinished() == [part]
    assert not part.exists() and not note.exists()


def test_a_claim_never_removes_a_file_with_another_name_or_a_link(tmp_path: Path) -> None:
    mine = tmp_path / "session-notes.docx"
    mine.write_text("a therapist's own file", encoding="utf-8")
    link = tmp_path / ".clarity-feedc0de.part"
    link.symlink_to(mine)
    claims = [claim(mine), claim(link)]
    assert parts.sweep_unfinished() == []
    assert mine.read_text(encoding="utf-8") == "a therapist's own file" and link.is_symlink()
    assert not any(c.exists() for c in claims)


def test_the_part_of_a_write_going_on_is_left_alone(tmp_path: Path) -> None:
    target = tmp_path / "records.zip"
    with parts.writing(target) as part:
        part.write_bytes(b"half a zip")
        assert parts.sweep_unfinished() == []
        assert part.exists()
        assert part.stat().st_mode & 0o777 == 0o600
    assert not part.exists()
    assert list(parts.claims_folder().iterdir()) == []


def test_an_empty_claim_is_being_written_and_stays(tmp_path: Path) -> None:
    folder = parts.claims_folder()
    folder.mkdir(parents=True, exist_ok=True)
    young = folder / "abcd.json"
    young.touch()
    assert parts.sweep_unfinished() == [] and young.exists()
    old = os.path.getmtime(young) - parts.UNWRITTEN_CLAIM_GRACE_S - 60
    os.utime(young, (old, old))
    assert parts.sweep_unfinished() == [] and not young.exists()


def test_a_write_that_fails_names_the_chosen_file(tmp_path: Path) -> None:
    target = tmp_path / "no such folder" / "records.zip"
    with pytest.raises(parts.WriteFailed) as failed, parts.writing(target):
        pass
    assert str(failed.value) == f"Could not write {target}: no such file or directory."
    assert list(parts.claims_folder().iterdir()) == []


def test_a_cancel_passes_through_as_it_is_and_leaves_nothing(tmp_path: Path) -> None:
    """The window cancels an export by raising InterruptedError from its progress
    callback (an OSError without an errno): it must reach the window unchanged."""
    target = tmp_path / "records.zip"
    with pytest.raises(InterruptedError, match="cancelled"), parts.writing(target) as part:
        part.write_bytes(b"half")
        raise InterruptedError("The export was cancelled; nothing was written.")
    assert list(tmp_path.iterdir()) == [tmp_path / "data"]
