"""Where the shipped resources (fonts, handout texts) are found.

resources/ sits at the top of the repository, beside clarity_desktop/. A frozen build
(PyInstaller) unpacks data files under sys._MEIPASS, so that is looked at first: bundle
the folder there as "resources" and nothing else needs to change.
"""

from __future__ import annotations

import sys
from pathlib import Path


def resource_root() -> Path:
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"


def resource_path(*parts: str) -> Path:
    """A file or folder under resources/, for example resource_path("fonts", "x.ttf")."""
    return resource_root().joinpath(*parts)
