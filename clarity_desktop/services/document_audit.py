"""What every printed or exported document shares: the action it is made for, and the one
audit row written once it exists ("exported", "printed" or "previewed", with what was
made, whether it has a password and where it went), so the log never claims a document
that was not made.
"""

from __future__ import annotations

import os
from datetime import datetime
from typing import Literal

from clarity_desktop.domain.audit_actions import DOCUMENT_ACTIONS, AuditAction
from clarity_desktop.domain.clock import as_utc
from clarity_desktop.domain.languages import DEFAULT as DEFAULT_LANGUAGE
from clarity_desktop.domain.languages import Language
from clarity_desktop.reports.layout import Destination
from clarity_desktop.store.uow import UnitOfWork

# What a document is made for; each is also its audit row's action (domain/audit_actions.py).
DocumentAction = Literal[AuditAction.EXPORTED, AuditAction.PRINTED, AuditAction.PREVIEWED]
ACTIONS: tuple[AuditAction, ...] = DOCUMENT_ACTIONS


def local(utc: datetime) -> datetime:
    """A stored UTC time as an aware local time, which prints its zone."""
    return as_utc(utc).astimezone()


def first_name(name: str) -> str:
    """The first word of a stored name: what a handout calls a partner by default."""
    words = name.split()
    return words[0] if words else ""


def check_action(action: str) -> None:
    if action not in ACTIONS:
        raise ValueError(f"unknown document action {action!r}")


def detail(what: str, out: Destination, password: str | None) -> str:
    """The audit row's words: what was made, password-protected or not, and where to."""
    bits = [what]
    if password:
        bits.append("password-protected")
    if isinstance(out, str | os.PathLike):
        bits.append(f"to {os.fspath(out)}")
    return ", ".join(bits)


def in_language(language: Language) -> str:
    """What the audit row adds about the language: nothing for English (as before)."""
    return "" if language is DEFAULT_LANGUAGE else f", in {language.display_name}"


def audit(
    uow: UnitOfWork,
    action: DocumentAction,
    entity: str,
    entity_id: int | None,
    case_id: int | None,
    what: str,
) -> None:
    """The document's one audit row, in its own write."""
    with uow:
        uow.audit(AuditAction(action), entity, entity_id, case_id, detail=what)
        uow.commit()
