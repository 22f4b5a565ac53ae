"""Who acts: the principal every unit of work carries, and the roles a user can have.

A solo practice has one user, a clinician, who may do everything; a group practice adds
supervisors, administrators and the front desk. Permission is decided in one place
(services/permissions.py) for both.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from clarity_desktop.domain.supervision import SupervisionMode  # noqa: F401  (known here too)


class Role(StrEnum):
    CLINICIAN = "clinician"  # keeps records: reads, writes, signs, exports
    ADMINISTRATOR = "administrator"  # runs the practice (backups, imports), reads no notes
    # Group practice only (a practice server, store/postgres/):
    SUPERVISOR = "supervisor"  # a clinician who also oversees supervisees' cases
    FRONT_DESK = "front_desk"  # the schedule and contact details, never clinical text


@dataclass(frozen=True)
class Principal:
    """The user on whose behalf an action runs. The id is what every audit row, signature
    and addendum refers to; the name is what a person reads."""

    user_id: int
    display_name: str
    role: Role
