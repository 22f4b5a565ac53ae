"""Preferences, typed, over QSettings. Clinical data never goes in here: only where the
practice folder is, where the practice server is (its address and CA file; never a
password), how the windows were laid out, and comfort choices such as text size."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QByteArray, QLocale, QSettings

TEXT_SCALE_MIN = 0.8
TEXT_SCALE_MAX = 1.6


DEFAULT_SERVER_PORT = 5432
RECENT_SERVERS = 5  # how many servers signed in to the connect form offers again


@dataclass(frozen=True)
class ServerChoice:
    """A practice server signed in to, as the connect form had it."""

    host: str
    port: int
    database: str
    login: str
    ca_file: Path

    @property
    def url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"postgresql://{self.login}@{host}:{self.port}/{self.database}"

    @property
    def label(self) -> str:
        return f"{self.login}@{self.host}:{self.port}/{self.database}"

    def same_login(self, other: ServerChoice) -> bool:
        """The same login on the same server (host names read without case), whatever CA
        file vouches for it."""
        mine = (self.host.lower(), self.port, self.database, self.login)
        return mine == (other.host.lower(), other.port, other.database, other.login)


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

    def _server_at(self, prefix: str) -> ServerChoice | None:
        host = str(self._s.value(f"{prefix}host", "") or "")
        database = str(self._s.value(f"{prefix}database", "") or "")
        login = str(self._s.value(f"{prefix}login", "") or "")
        ca_file = str(self._s.value(f"{prefix}ca_file", "") or "")
        if not (host and database and login and ca_file):
            return None
        try:
            port = int(str(self._s.value(f"{prefix}port", DEFAULT_SERVER_PORT)))
        except ValueError:
            port = DEFAULT_SERVER_PORT
        return ServerChoice(host, port, database, login, Path(ca_file))

    @property
    def recent_servers(self) -> list[ServerChoice]:
        """The servers signed in to from here, the last first, at most RECENT_SERVERS:
        where each is and its CA file, never a password. (Before this list, only the last
        was kept, under server/: it is read as the list's one entry.)"""
        found: list[ServerChoice] = []
        for i in range(RECENT_SERVERS):
            server = self._server_at(f"servers/{i}/")
            if server is not None:
                found.append(server)
        if not self._s.contains("servers/count"):
            legacy = self._server_at("server/")
            return [legacy] if legacy is not None else []
        return found

    def _keep_servers(self, servers: list[ServerChoice]) -> None:
        self._s.remove("servers")
        for key in ("host", "port", "database", "login", "ca_file"):
            self._s.remove(f"server/{key}")  # the one-server form of earlier versions
        for i, server in enumerate(servers[:RECENT_SERVERS]):
            self._s.setValue(f"servers/{i}/host", server.host)
            self._s.setValue(f"servers/{i}/port", int(server.port))
            self._s.setValue(f"servers/{i}/database", server.database)
            self._s.setValue(f"servers/{i}/login", server.login)
            self._s.setValue(f"servers/{i}/ca_file", str(server.ca_file))
        self._s.setValue("servers/count", min(len(servers), RECENT_SERVERS))

    def forget_server(self, server: ServerChoice) -> None:
        """Offer *server*'s login no more."""
        self._keep_servers([s for s in self.recent_servers if not s.same_login(server)])

    @property
    def last_server(self) -> ServerChoice | None:
        recent = self.recent_servers
        return recent[0] if recent else None

    @last_server.setter
    def last_server(self, server: ServerChoice) -> None:
        """Signed in to just now: first in the list (once), the oldest dropped past the
        limit."""
        others = [s for s in self.recent_servers if not s.same_login(server)]
        self._keep_servers([server, *others])

    @property
    def opens_server(self) -> bool:
        """Whether the practice last opened was the server (the next start offers it first)."""
        return str(self._s.value("server/last_opened", "false")).lower() == "true"

    @opens_server.setter
    def opens_server(self, on: bool) -> None:
        self._s.setValue("server/last_opened", "true" if on else "false")

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
