"""Helpers for the service tests: recording a session, a note draft, and reading the
audit log straight from the database.

Every service test that uses a practice runs twice: on a solo practice (SQLite) and on a
group practice's server (PostgreSQL, tests/pg_practice.py), so the two stores cannot drift
apart. A test about what only a solo practice has (its key file, folder backups, the
recovery key) is marked ``solo_practice``."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from clarity_desktop.domain.records import Modality, SessionInput
from clarity_desktop.domain.steps import Step
from clarity_desktop.domain.templates import Template
from clarity_desktop.services import sessions
from clarity_desktop.services.dto import NoteDraft, SessionView
from clarity_desktop.store.practice import OpenPractice
from clarity_desktop.store.sqlite.engine import connect_raw


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "store_kind" not in metafunc.fixturenames:
        return
    if metafunc.definition.get_closest_marker("solo_practice") is not None:
        return
    metafunc.parametrize("store_kind", ["sqlite", "postgres"], indirect=True)


def went_to(practice: OpenPractice, out: Path) -> str:
    """Where a document's audit row says it went: its path on a solo practice, only "a
    file" on a practice server (services/document_audit.py)."""
    return "to a file" if practice.backend.name == "postgresql" else f"to {out}"


def note_draft(
    sections: dict[str, str],
    steps: set[Step] | frozenset[Step] = frozenset(),
    partner_steps: dict[int, Step] | None = None,
    private: bool = False,
    template: Template = Template.FIVE_STEPS,
) -> NoteDraft:
    return NoteDraft(template, dict(sections), frozenset(steps), dict(partner_steps or {}), private)


@pytest.fixture
def draft() -> Callable[..., NoteDraft]:
    return note_draft


@pytest.fixture
def record_session(practice: OpenPractice) -> Callable[..., SessionView]:
    def record(
        case_id: int,
        when: datetime = datetime(2025, 3, 4, 10, 0),
        attending: int | None = None,
        minutes: int = 50,
    ) -> SessionView:
        return sessions.create_session(
            practice.uow(),
            case_id,
            SessionInput(
                starts_at=when,
                duration_minutes=minutes,
                modality=Modality.IN_PERSON,
                attending_partner_id=attending,
            ),
        )

    return record


AuditRow = tuple[Any, ...]


@pytest.fixture
def audit_log(
    practice: OpenPractice, request: pytest.FixtureRequest
) -> Callable[[], list[AuditRow]]:
    """(action, entity, entity_id, case_id, actor, detail) of every audit row, oldest first."""

    # Read through a connection of our own: the practice may be closed (its key wiped)
    # and unlocked again during the test. On a server: as its superuser, past row security.
    if practice.backend.name == "postgresql":
        return lambda: request.getfixturevalue("pg_practices").audit_rows(practice.folder)
    key = practice.db_key
    db = practice.folder / "practice.clarity"

    def read() -> list[AuditRow]:
        conn = connect_raw(db, key)
        try:
            return [
                tuple(r)
                for r in conn.execute(
                    "SELECT action, entity, entity_id, case_id, actor, detail "
                    "FROM audit_events ORDER BY id"
                )
            ]
        finally:
            conn.close()

    return read
