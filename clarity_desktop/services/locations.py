"""Where practices live. Light on purpose: imported before the first window shows."""

from __future__ import annotations

from pathlib import Path

from platformdirs import user_data_path

from clarity_desktop.store import files


def app_data() -> Path:
    return user_data_path("Clarity Desktop", appauthor=False)


def default_folder() -> Path:
    return app_data() / "practice"


def demo_folder() -> Path:
    return app_data() / "demo-practice"


def practice_exists(folder: Path) -> bool:
    return files.exists(folder)


def server_folder(host: str, dbname: str, user: str) -> Path:
    """The workstation's folder for one login on one practice server: it holds the
    server's address (never a password) and what the program keeps beside a practice."""
    # Host names are read without case (an address's host arrives lower-cased).
    name = f"{user}@{host.lower()}-{dbname}"
    safe = "".join(c if c.isalnum() or c in "-_." else "_" for c in name)
    return app_data() / "servers" / safe


def server_folders() -> list[Path]:
    """Practice servers this workstation has connected to, newest first."""
    root = app_data() / "servers"
    if not root.is_dir():
        return []
    found = [p for p in root.iterdir() if (p / "server.json").is_file()]
    return sorted(found, key=lambda p: (p / "server.json").stat().st_mtime, reverse=True)
