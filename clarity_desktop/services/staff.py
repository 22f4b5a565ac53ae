"""A group practice's staff: an administrator adds and disables logins and gives cases to
clinicians. Each change and its audit row commit together; the server enforces the same
rules again (only an administrator's login may make logins, assignments or supervision
links)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from clarity_desktop.domain.audit_actions import AuditAction
from clarity_desktop.domain.errors import ErrorCode, ValidationError
from clarity_desktop.domain.identity import Role
from clarity_desktop.domain.passphrase import MIN_PASSPHRASE
from clarity_desktop.domain.records import CaseStatus
from clarity_desktop.domain.supervision import SupervisionMode
from clarity_desktop.services.permissions import Permission, require
from clarity_desktop.store import directory
from clarity_desktop.store.backend import OpenPractice
from clarity_desktop.store.models import Case
from clarity_desktop.store.roster import StaffMember


def add_staff(
    opened: OpenPractice,
    login: str,
    display_name: str,
    role: Role,
    password: str,
    *,
    credentials: str = "",
) -> int:
    require(opened.principal, Permission.MANAGE_STAFF)
    if len(password) < MIN_PASSPHRASE:
        raise ValidationError(
            ErrorCode.PLEASE_CHOOSE_PASSPHRASE_LEAST_CHARACTERS,
            "password",
            min_passphrase=MIN_PASSPHRASE,
        )
    with opened.uow() as uow:
        user_id = opened.backend.add_staff(
            uow.session, login, display_name, credentials, role, password
        )
        uow.audit(AuditAction.STAFF_ADDED, "user", user_id, detail=f"{login} as {role.value}")
        uow.commit()
    return user_id


def disable_staff(opened: OpenPractice, login: str) -> int:
    require(opened.principal, Permission.MANAGE_STAFF)
    with opened.uow() as uow:
        user_id = opened.backend.disable_staff(uow.session, login)
        uow.audit(AuditAction.STAFF_DISABLED, "user", user_id, detail=login)
        uow.commit()
    return user_id


def assign_case(opened: OpenPractice, case_id: int, login: str, *, remove: bool = False) -> int:
    require(opened.principal, Permission.MANAGE_STAFF)
    action = AuditAction.CASE_UNASSIGNED if remove else AuditAction.CASE_ASSIGNED
    with opened.uow() as uow:
        user_id = opened.backend.assign(uow.session, case_id, login, remove=remove)
        uow.audit(action, "case", case_id, case_id, detail=login)
        uow.commit()
    return user_id


def set_supervision(
    opened: OpenPractice,
    supervisor_login: str,
    supervisee_login: str,
    mode: SupervisionMode | str | None,
) -> tuple[int, int]:
    """Link a supervisor to a clinician they oversee (they then read the clinician's
    cases), change how, or with mode None end the link; returns (supervisor, supervisee)
    user ids. The one place supervision is set: the command line and the Staff window both
    come here. A mode may arrive as typed ("cosign"); anything else is refused in words."""
    require(opened.principal, Permission.MANAGE_STAFF)
    chosen = _mode(mode)
    action = AuditAction.SUPERVISION_ENDED if chosen is None else AuditAction.SUPERVISION_SET
    with opened.uow() as uow:
        ids = opened.backend.set_supervision(
            uow.session, supervisor_login, supervisee_login, chosen
        )
        how = "" if chosen is None else f" ({chosen.value})"
        detail = f"{supervisor_login} supervises {supervisee_login}{how}"
        uow.audit(action, "user", ids[0], detail=detail)
        uow.commit()
    return ids


def _mode(mode: SupervisionMode | str | None) -> SupervisionMode | None:
    if mode is None or isinstance(mode, SupervisionMode):
        return mode
    try:
        return SupervisionMode(mode)
    except ValueError:
        raise ValidationError(ErrorCode.SUPERVISION_MODE_INVALID, "mode") from None


def staff_list(opened: OpenPractice) -> list[StaffMember]:
    require(opened.principal, Permission.MANAGE_STAFF)
    with opened.uow() as uow:
        return opened.backend.staff(uow.session)


@dataclass(frozen=True)
class CaseEntry:
    """A case as the administrator sees it: who the clients are, never what is said."""

    case_id: int
    display_name: str
    status: CaseStatus


def case_directory(opened: OpenPractice) -> list[CaseEntry]:
    """Every case's id, name and status, so cases can be given to clinicians by name. Only
    those columns: the server grants the administrator them and nothing clinical."""
    require(opened.principal, Permission.MANAGE_STAFF)
    with opened.uow().reading() as s:
        found = s.execute(
            select(Case.id, Case.display_name, Case.status, Case.row_version).order_by(Case.id)
        ).all()
        rows = directory.reveal(s, found, "cases", 0, 3, {1: "display_name"})
    entries = [CaseEntry(int(r[0]), str(r[1]), CaseStatus(r[2])) for r in rows]
    return directory.sorted_by_name(entries, lambda e: e.display_name)
