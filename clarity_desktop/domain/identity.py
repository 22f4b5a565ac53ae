"""Who acts: the principal every unit of work carries, and the roles a user can have.

A solo practice has one user, a clinician, who may do everything; a group practice will
add more roles. Permission is decided in one place (services/permissions.py) for both.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Role(StrEnum):
    CLINICIAN = "clinician"  # keeps records: reads, writes, signs, exports
    ADMINISTRATOR = "administrator"  # runs the practice (backups, imports), reads no notes


@dataclass(frozen=True)
class Principal:
    """The user on whose behalf an action runs. The id is what every audit row, signature
    and addendum refers to; the name is what a person reads."""

    user_id: int
    display_name: str
    role: Role
