"""Where a practice server is, as a practice folder remembers it.

A group practice has no database file on the workstation: its practice folder holds one
small file, ``server.json``, naming the host, port, database, the staff member's login and
the CA file that vouches for the server's certificate. The password is never written
anywhere; it is asked for at each unlock. store/opening.py picks the PostgreSQL backend for
a folder holding this file.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
from dataclasses import asdict, dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from clarity_desktop.domain.errors import ErrorCode, ValidationError

SERVER_FILE = "server.json"
PINS_FILE = "pins.json"  # pins.py
DEFAULT_PORT = 5432
_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,62}$")


@dataclass(frozen=True)
class ServerAddress:
    host: str
    port: int
    dbname: str
    user: str
    ca_file: Path

    def conninfo(self, password: str) -> dict[str, str]:
        """libpq's keywords: TLS with the certificate checked against the CA and the host
        name (verify-full), and SCRAM-SHA-256 demanded by the client, so neither a server
        without TLS nor one asking for a weaker password exchange gets the password."""
        return {
            "host": self.host,
            "port": str(self.port),
            "dbname": self.dbname,
            "user": self.user,
            "password": password,
            "sslmode": "verify-full",
            "sslrootcert": str(self.ca_file),
            "require_auth": "scram-sha-256",
            "application_name": "Clarity Desktop",
            "connect_timeout": "10",
            "options": "-c search_path=clarity",
        }

    def label(self) -> str:
        return f"{self.user}@{self.host}:{self.port}/{self.dbname}"


def check_name(value: str, field: str) -> str:
    """A database or login name we create roles and grants from: plain letters, digits and
    underscores, so it never needs quoting and never reads as SQL."""
    if not _NAME.match(value):
        raise ValidationError(ErrorCode.SERVER_NAME_INVALID, field, name=value)
    return value


def parse_url(url: str, ca_file: Path, user: str | None = None) -> ServerAddress:
    """``postgresql://[user@]host[:port]/database``; a password in the address is refused
    (it would end up in shell history and files)."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("postgresql", "postgres") or not parts.hostname:
        raise ValidationError(ErrorCode.SERVER_URL_INVALID, "url", url=url)
    if parts.password:
        raise ValidationError(ErrorCode.SERVER_URL_HAS_PASSWORD, "url")
    dbname = unquote(parts.path.lstrip("/"))
    login = user or unquote(parts.username or "")
    if not dbname or not login:
        raise ValidationError(ErrorCode.SERVER_URL_INVALID, "url", url=url)
    try:
        port = parts.port or DEFAULT_PORT
    except ValueError as exc:
        raise ValidationError(ErrorCode.SERVER_URL_INVALID, "url", url=url) from exc
    return ServerAddress(parts.hostname, port, dbname, login, ca_file)


def is_server_folder(folder: Path) -> bool:
    return (folder / SERVER_FILE).is_file()


def write(folder: Path, address: ServerAddress) -> None:
    """Remember *address* in *folder*. Pointed at another practice database (not another
    login or CA file for the same one), the keys remembered for the old one (pins.py)
    are forgotten with it: only this workstation can do that, never the server."""
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    if is_server_folder(folder):
        with contextlib.suppress(ValidationError):
            old = read(folder)
            if (old.host, old.port, old.dbname) != (address.host, address.port, address.dbname):
                (folder / PINS_FILE).unlink(missing_ok=True)
    data = asdict(address) | {"ca_file": str(address.ca_file)}
    tmp = folder / (SERVER_FILE + ".tmp")
    tmp.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    os.replace(tmp, folder / SERVER_FILE)


def read(folder: Path) -> ServerAddress:
    try:
        data = json.loads((folder / SERVER_FILE).read_text(encoding="utf-8"))
        return ServerAddress(
            str(data["host"]),
            int(data["port"]),
            str(data["dbname"]),
            str(data["user"]),
            Path(data["ca_file"]),
        )
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ValidationError(
            ErrorCode.SERVER_FILE_UNREADABLE, "folder", folder=folder, exc=exc
        ) from exc
