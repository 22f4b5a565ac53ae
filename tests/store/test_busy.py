"""Writers take turns. One that cannot get the write lock in time gets PracticeBusy, one
plain sentence, never a driver error; autosave's short wait leaves every pooled
connection with its usual patience afterwards."""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import text

from clarity_desktop.domain.audit_actions import AuditAction
from clarity_desktop.domain.errors import PracticeBusy
from clarity_desktop.store.files import db_path
from clarity_desktop.store.practice import OpenPractice
from clarity_desktop.store.sqlite.engine import connect_raw


@pytest.fixture
def lock_held(practice: OpenPractice) -> Iterator[Any]:
    """Another connection (as another program would) holding the write lock."""
    other = connect_raw(db_path(practice.folder), practice.db_key)
    other.execute("BEGIN IMMEDIATE")
    try:
        yield other
    finally:
        other.execute("ROLLBACK")
        other.close()


def test_a_short_wait_gives_up_quickly_with_a_plain_sentence(
    practice: OpenPractice, lock_held: Any
) -> None:
    t0 = time.monotonic()
    with pytest.raises(PracticeBusy) as caught, practice.uow().waiting_at_most(0.1) as uow:
        uow.audit(AuditAction.VIEWED, "practice")
        uow.commit()
    waited = time.monotonic() - t0
    print(f"gave up after {waited * 1000:.0f} ms")
    message = str(caught.value)
    assert "try again" in message and "locked" not in message and message.endswith(".")


def test_after_a_short_wait_every_connection_has_its_usual_patience(
    practice: OpenPractice,
) -> None:
    other = connect_raw(db_path(practice.folder), practice.db_key)
    other.execute("BEGIN IMMEDIATE")
    for _ in range(3):
        with pytest.raises(PracticeBusy), practice.uow().waiting_at_most(0):
            pass
    other.execute("ROLLBACK")
    other.close()
    with practice.engine.connect() as conn:
        assert conn.execute(text("PRAGMA busy_timeout")).scalar_one() == 5000


def test_a_short_wait_that_gets_the_lock_commits_as_usual(practice: OpenPractice) -> None:
    with practice.uow().waiting_at_most(0.1) as uow:
        uow.audit(AuditAction.VIEWED, "practice", detail="short wait")
        uow.commit()
    with practice.uow() as uow:
        details = uow.session.execute(text("SELECT detail FROM audit_events")).scalars().all()
    assert "short wait" in details


def test_a_writer_that_outwaits_the_busy_timeout_gets_practice_busy(
    practice: OpenPractice, lock_held: Any
) -> None:
    """The ordinary path (no short wait) after SQLite's own busy timeout: PracticeBusy
    too. The timeout is lowered on the pooled connections so the test is quick."""
    practice.engine.dispose()
    with practice.engine.connect() as conn:
        conn.connection.driver_connection.execute("PRAGMA busy_timeout = 50")  # type: ignore[union-attr]
    with pytest.raises(PracticeBusy), practice.uow() as uow:
        uow.audit(AuditAction.VIEWED, "practice")
        uow.commit()
