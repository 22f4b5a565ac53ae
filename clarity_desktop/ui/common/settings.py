"""Preferences, typed, over QSettings. Clinical data never goes in here: only where the
practice folder is, how the windows were laid out, and comfort choices such as text size."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QLocale, QSettings

TEXT_SCALE_MIN = 0.8
TEXT_SCALE_MAX = 1.6


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

    @property
    def page_size(self) -> str:
        """ "A4" or "Letter" for documents; until chosen, Letter where the system measures
        in US units."""
        value = str(self._s.value("documents/page_size", "") or "")
        if value in ("A4", "Letter"):
            return value
        us = QLocale.system().measurementSystem() == QLocale.MeasurementSystem.ImperialUSSystem
        return "Letter" if us else "A4"

    @page_size.setter
    def page_size(self, value: str) -> None:
        self._s.setValue("documents/page_size", value if value in ("A4", "Letter") else "A4")

    @property
    def text_scale(self) -> float:
        """How much larger (or smaller) than the system's text size the program's text is:
        1.0 is the system size; kept within 0.8 to 1.6."""
        try:
            value = float(str(self._s.value("appearance/text_scale", 1.0)))
        except ValueError:
            return 1.0
        if value != value:  # NaN from a hand-edited file
            return 1.0
        return round(min(max(value, TEXT_SCALE_MIN), TEXT_SCALE_MAX), 2)

    @text_scale.setter
    def text_scale(self, value: float) -> None:
        self._s.setValue(
            "appearance/text_scale", round(min(max(value, TEXT_SCALE_MIN), TEXT_SCALE_MAX), 2)
        )

    @property
    def language(self) -> str:
        """ "en", "es", or "" until chosen (then the system's language decides)."""
        return str(self._s.value("appearance/language", "") or "")

    @language.setter
    def language(self, code: str) -> None:
        self._s.setValue("appearance/language", code)

    def sync(self) -> None:
        self._s.sync()
