"""The Qt versions, for ``clarity-desktop info``. Loads QtCore only: no application object,
no window, so it works without a display (and in a frozen build, proves Qt loads)."""

from __future__ import annotations


def qt_versions() -> tuple[str, str]:
    """(PySide6 version, version of the Qt libraries actually loaded)."""
    import PySide6
    from PySide6.QtCore import qVersion

    return PySide6.__version__, qVersion()
