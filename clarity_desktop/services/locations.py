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
