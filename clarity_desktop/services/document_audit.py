"""What every printed or exported document shares: the action it is made for, and the one
audit row written once it exists ("exported", "printed" or "previewed", with what was
made, whether it has a password and where it went: its path on a solo practice, only "to
a file" on a practice server), so the log never claims a document that was not made.
"""

from __future__ import annotations

import os
from datetime import datetime
from typing import Literal, NamedTuple

from clarity_desktop.domain.audit_actions import DOCUMENT_ACTIONS, AuditAction
from clarity_desktop.domain.clock import as_utc
from clarity_desktop.domain.languages import DEFAULT as DEFAULT_LANGUAGE
from clarity_desktop.domain.languages import Language
from clarity_desktop.reports.layout import Destination
from clarity_desktop.store import directory
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


class Detail(NamedTuple):
    """An audit row's words for a document, and the file it went to (if any)."""

    words: str
    path: str | None

    def said(self, on_server: bool) -> str:
        """On a practice server the file's name stays off the record: the server keeps
        the audit trail in the clear, and a file is often named after its client."""
        if self.path is None:
            return self.words
        return f"{self.words}, to a file" if on_server else f"{self.words}, to {self.path}"


def detail(what: str, out: Destination, password: str | None) -> Detail:
    """The audit row's words: what was made, password-protected or not, and where to."""
    words = f"{what}, password-protected" if password else what
    return Detail(words, os.fspath(out) if isinstance(out, str | os.PathLike) else None)


def in_language(language: Language) -> str:
    """What the audit row adds about the language: nothing for English (as before)."""
    return "" if language is DEFAULT_LANGUAGE else f", in {language.display_name}"


def audit(
    uow: UnitOfWork,
    action: DocumentAction,
    entity: str,
    entity_id: int | None,
    case_id: int | None,
    what: Detail,
) -> None:
    """The document's one audit row, in its own write."""
    with uow:
        words = what.said(directory.encrypted(uow.session))
        uow.audit(AuditAction(action), entity, entity_id, case_id, detail=words)
        uow.commit()
