"""The staff roster's part of the storage seam: who works in a group practice and with
which cases. A practice server keeps it (store/postgres/backend.py); a solo practice has
one clinician and refuses every change with one sentence (store/sqlite/backend.py).

Each method works in the caller's session, so the change and its audit row commit
together.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from sqlalchemy.orm import Session

from clarity_desktop.domain.identity import Role
from clarity_desktop.domain.records import CaseStatus
from clarity_desktop.domain.supervision import SupervisionMode
from clarity_desktop.store.keys import KdfParams


@dataclass(frozen=True)
class Supervision:
    """The other side of a supervision link: their user id, their name (as the staff list
    has it) and the supervisee's mode."""

    user_id: int
    name: str
    mode: SupervisionMode


@dataclass(frozen=True)
class StaffMember:
    user_id: int
    login: str
    display_name: str
    role: Role
    credentials: str
    disabled: bool
    cases: int  # how many cases are assigned to them
    supervised_by: tuple[Supervision, ...] = ()  # their supervisors, closest first


EMERGENCY_KEY = "emergency key"
EMERGENCY_KEY_CASE = -1  # the case id of a request for the emergency key (0: directory)


@dataclass(frozen=True)
class KeyShare:
    """Someone given access to a case whose key the signed-in person holds and they do not
    yet: *how* is "assigned", "supervision" or "emergency", *given_by* who gave it. Or
    (*how* EMERGENCY_KEY, case EMERGENCY_KEY_CASE) a supervisor without the practice
    emergency key, asked of a supervisor who holds it; *given_by* is who added them. Or a
    new staff member without the practice's directory key (client names): case 0, *how*
    "joined"."""

    case_id: int
    reader: int
    reader_name: str
    how: str
    given_by: str


@dataclass(frozen=True)
class CaseName:
    """A case as anyone on the staff may know it: its id, its name, whether it is open."""

    case_id: int
    display_name: str
    status: CaseStatus


@dataclass(frozen=True)
class EmergencyGrant:
    id: int
    user_id: int
    display_name: str  # who asked
    case_id: int
    reason: str
    granted_at: datetime  # naive UTC, the server's clock
    until: datetime
    case_name: str = ""
    live: bool = True  # by the server's clock when read


class Roster(Protocol):
    def add_staff(
        self,
        db: Session,
        login: str,
        display_name: str,
        credentials: str,
        role: Role,
        password: str,
        kdf: KdfParams | None = None,
    ) -> int:
        """A login on the server and the staff member behind it; returns their user id."""
        ...

    def disable_staff(self, db: Session, login: str) -> int:
        """No further sign-ins and, at once, no rows; returns their user id."""
        ...

    def assign(self, db: Session, case_id: int, login: str, *, remove: bool = False) -> int:
        """Give (or take back) a case; returns the staff member's user id."""
        ...

    def staff(self, db: Session) -> list[StaffMember]: ...

    def case_clinicians(self, db: Session) -> dict[int, tuple[str, ...]]:
        """The names of the people each case is assigned to, by case id, as far as the
        signed-in person may see (a solo practice: none, its one clinician keeps all)."""
        ...

    # Supervision (a solo practice has none: None, [], and a refusal in one sentence)
    def supervisor_of(self, db: Session, user_id: int) -> Supervision | None:
        """Who supervises *user_id*, and how; with several, the closest (co-signing,
        then approving, then viewing)."""
        ...

    def supervisees_of(self, db: Session, user_id: int) -> list[Supervision]:
        """Whom *user_id* supervises, and how, by name."""
        ...

    def set_supervision(
        self,
        db: Session,
        supervisor_login: str,
        supervisee_login: str,
        mode: SupervisionMode | None,
    ) -> tuple[int, int]:
        """Link a supervisor to a supervisee (or, mode None, end the link); returns their
        user ids. The supervisor then reads the supervisee's cases."""
        ...

    def grant_emergency(self, db: Session, case_id: int, reason: str, minutes: int) -> int:
        """Open *case_id* to the signed-in clinician alone for *minutes*, from the server's
        clock; returns the grant's id."""
        ...

    def live_grants(self, db: Session) -> list[EmergencyGrant]:
        """The grants not yet ended that the signed-in person may see, newest first."""
        ...

    def grant_log(self, db: Session) -> list[EmergencyGrant]:
        """Every grant, ended or not, that the signed-in person may see, newest first."""
        ...

    def case_names(self, db: Session) -> list[CaseName]:
        """Every case's id, name and status, whoever it is assigned to (to choose one to
        open in an emergency); nothing else of the case."""
        ...

    def key_shares(self, db: Session) -> list[KeyShare]:
        """Readers of the cases whose key the signed-in person holds, waiting for it."""
        ...

    def share_case_key(self, db: Session, case_id: int, reader: int) -> KeyShare:
        """The case's key wrapped for *reader*, once their key certificate holds."""
        ...
