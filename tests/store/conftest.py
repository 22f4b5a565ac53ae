"""Helpers for the practice-folder tests: a fingerprint of a folder, to prove that a
failed open changed nothing on disk."""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import text

from clarity_desktop.services import practices

Fingerprint = dict[str, str]


def fingerprint(folder: Path) -> Fingerprint:
    """Every path under *folder* (files hashed, folders marked), or {} if it is absent."""
    if not folder.exists():
        return {}
    out: Fingerprint = {".": "dir"}
    for p in sorted(folder.rglob("*")):
        rel = p.relative_to(folder).as_posix()
        out[rel] = "dir" if p.is_dir() else hashlib.sha256(p.read_bytes()).hexdigest()
    return out


@pytest.fixture
def folder_fingerprint() -> Callable[[Path], Fingerprint]:
    return fingerprint


@dataclass(frozen=True)
class Pristine:
    folder: Path
    recovery_key: str
    practice_info_page: int  # where the practice's own identity row lives in the file


@pytest.fixture(scope="session")
def pristine(tmp_path_factory: pytest.TempPathFactory, fast_kdf: None) -> Pristine:
    """One closed practice made once; tests that only open or break one use a copy."""
    folder = tmp_path_factory.mktemp("pristine") / "practice"
    opened, recovery = practices.create_practice(
        folder, "correct horse battery", "correct horse battery", "Dana Reyes", "LMFT"
    )
    with opened.engine.connect() as conn:
        page = conn.execute(
            text("SELECT rootpage FROM sqlite_master WHERE name = 'practice_info'")
        ).scalar_one()
    opened.close()
    return Pristine(folder, recovery, int(page))


@pytest.fixture
def closed_dir(pristine: Pristine, tmp_path: Path) -> Path:
    """A private copy of the pristine practice folder (closed, files and modes as made)."""
    copy = tmp_path / "practice"
    shutil.copytree(pristine.folder, copy)
    return copy


@pytest.fixture
def closed_recovery_key(pristine: Pristine) -> str:
    return pristine.recovery_key


@pytest.fixture
def practice_info_page(pristine: Pristine) -> int:
    return pristine.practice_info_page
