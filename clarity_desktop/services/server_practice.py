"""Which practice server a window is signed in to, in the words its title bar uses:
the practice's name, and the login and host (never the password)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from clarity_desktop.store import opening
from clarity_desktop.store.backend import OpenPractice
from clarity_desktop.store.models import PracticeInfo


@dataclass(frozen=True)
class ServerSignIn:
    practice_name: str  # what ``server init`` named the practice, else the server's label
    login: str
    host: str
    label: str  # "login@host:port/database"

    @property
    def who_where(self) -> str:
        return f"{self.login}@{self.host}"


def signed_in(opened: OpenPractice) -> ServerSignIn | None:
    """None for a solo practice. Everyone on the staff may read the practice's own row
    (the server grants it to every staff group), administrators included."""
    label = opening.server_label(opened.folder)
    if label is None:
        return None
    # store/postgres/address.py writes the label as login@host:port/database; logins
    # are plain names (never an "@"), and the port is the host's last ":" part.
    login, _, rest = label.partition("@")
    host = rest.rpartition("/")[0].rpartition(":")[0].strip("[]")
    with opened.engine.connect() as conn:
        name = conn.execute(select(PracticeInfo.clinician_name)).scalar()
    return ServerSignIn(str(name or "").strip() or label, login, host, label)
