"""Preferences, typed, over QSettings. Clinical data never goes in here: only where the
practice folder is and how the windows were laid out."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings


class Settings:
    def __init__(self, qsettings: QSettings | None = None) -> None:
        self._s = qsettings or QSettings()

    def _bytes(self, key: str) -> QByteArray | None:
        value = self._s.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    @property
    def last_folder(self) -> Path | None:
        value = self._s.value("practice/last_folder")
        return Path(str(value)) if value else None

    @last_folder.setter
    def last_folder(self, folder: Path) -> None:
        self._s.setValue("practice/last_folder", str(folder))

    @property
    def window_geometry(self) -> QByteArray | None:
        return self._bytes("window/geometry")

    @window_geometry.setter
    def window_geometry(self, value: QByteArray) -> None:
        self._s.setValue("window/geometry", value)

    @property
    def window_state(self) -> QByteArray | None:
        return self._bytes("window/state")

    @window_state.setter
    def window_state(self, value: QByteArray) -> None:
        self._s.setValue("window/state", value)

    @property
    def splitter_state(self) -> QByteArray | None:
        return self._bytes("window/splitter-v2")

    @splitter_state.setter
    def splitter_state(self, value: QByteArray) -> None:
        self._s.setValue("window/splitter-v2", value)

    @property
    def idle_lock_minutes(self) -> int:
        try:
            value = int(str(self._s.value("security/idle_lock_minutes", 10)))
        except ValueError:
            return 10
        return value if 1 <= value <= 240 else 10

    @idle_lock_minutes.setter
    def idle_lock_minutes(self, minutes: int) -> None:
        self._s.setValue("security/idle_lock_minutes", int(minutes))

    def sync(self) -> None:
        self._s.sync()
