"""The audit log is append-only and hash-chained: tampering shows, and the first
broken row is named."""

from __future__ import annotations

import secrets
from datetime import datetime
from pathlib import Path

from sqlalchemy import text

from clarity_desktop.domain.records import SessionInput
from clarity_desktop.services import cases, practices, search, sessions
from clarity_desktop.services.dto import CaseDetail
from clarity_desktop.services.practices import OpenPractice
from clarity_desktop.store import audit_chain, migrate
from clarity_desktop.store.sqlite.engine import make_engine


def test_a_busy_practice_has_an_intact_chain(
    practice: OpenPractice, couple_case: CaseDetail
) -> None:
    sessions.create_session(practice.uow(), couple_case.id, SessionInput(datetime(2026, 11, 2, 9)))
    cases.open_case(practice.uow(), couple_case.id)
    search.search_notes(practice.uow(), "anything")
    report = practices.verify_audit(practice)
    assert report.ok and report.rows >= 5


def _tamper(practice: OpenPractice, *sql: str) -> None:
    with practice.engine.begin() as conn:
        conn.execute(text("DROP TRIGGER trg_audit_no_update"))
        conn.execute(text("DROP TRIGGER trg_audit_no_delete"))
        for statement in sql:
            conn.execute(text(statement))


def test_an_edited_row_is_named(practice: OpenPractice, couple_case: CaseDetail) -> None:
    cases.open_case(practice.uow(), couple_case.id)
    _tamper(practice, "UPDATE audit_events SET actor = 'someone else' WHERE id = 2")
    report = practices.verify_audit(practice)
    assert report.first_broken == 2


def test_a_removed_row_is_noticed(practice: OpenPractice, couple_case: CaseDetail) -> None:
    cases.open_case(practice.uow(), couple_case.id)
    cases.open_case(practice.uow(), couple_case.id)
    _tamper(practice, "DELETE FROM audit_events WHERE id = 2")
    assert practices.verify_audit(practice).first_broken == 3


def test_migrating_a_practice_with_history_chains_the_old_rows(tmp_path: Path) -> None:
    db = tmp_path / "old.clarity"
    key = secrets.token_bytes(32)
    engine = make_engine(db, key, create=True)
    try:
        with engine.begin() as conn:
            migrate.upgrade(conn, "0002")
            for i in range(5):
                conn.execute(
                    text(
                        "INSERT INTO audit_events (at, actor, action, entity, entity_id, case_id, detail) "
                        "VALUES (:at, 'Dana', 'viewed', 'case', :i, :i, '')"
                    ),
                    {"at": datetime(2025, 1, 1, 9, i).isoformat(sep=" "), "i": i},
                )
        with engine.begin() as conn:
            migrate.upgrade(conn)
            assert migrate.current_revision(conn) == migrate.head_revision()
        from sqlalchemy.orm import Session

        from clarity_desktop.store.models import AuditEvent

        with Session(engine) as s:
            rows = s.query(AuditEvent).order_by(AuditEvent.id).all()
            report = audit_chain.verify(rows)
        assert report.ok and report.rows == 5
        with engine.begin() as conn:
            names = {
                r[0]
                for r in conn.execute(text("SELECT name FROM sqlite_master WHERE type='trigger'"))
            }
        assert "trg_audit_no_update" in names
    finally:
        engine.dispose()
