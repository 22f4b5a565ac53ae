"""Names of the files in a practice folder. Kept free of heavy imports so the first
window can ask "is there a practice here?" before SQLAlchemy has loaded."""

from __future__ import annotations

from pathlib import Path

DB_NAME = "practice.clarity"
KEY_NAME = "practice.key"
MANIFEST = "manifest.json"  # in a backup folder, beside its copies of both
PART = ".part"  # a folder or file with this suffix is being written, not yet whole


def db_path(folder: Path) -> Path:
    return folder / DB_NAME


def key_path(folder: Path) -> Path:
    return folder / KEY_NAME


def exists(folder: Path) -> bool:
    return key_path(folder).exists() or db_path(folder).exists()
