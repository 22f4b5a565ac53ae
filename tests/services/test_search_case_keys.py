"""The first search after signing in to a practice server asks the server for the keys of
all the clinician's cases at once.

A search sends each typed word's token under every case key the clinician holds
(store/postgres/blind_search.py), so her first search opens all of them. Failed before:
each case's key came with a query of its own, so a clinician with 400 cases waited for
400 round trips to the server on her first search after signing in (each about 0.5 ms
more on a practice LAN; tests/bench/bench_server_encrypted.py times that first search).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest
from sqlalchemy import event

from clarity_desktop.domain.records import CaseInput, CaseKind, PartnerInput, SessionInput
from clarity_desktop.services import cases, notes, practices, search, sessions
from clarity_desktop.store.practice import OpenPractice
from tests.conftest import PASSPHRASE
from tests.services.conftest import note_draft

WORD = "lanternquay"
CASES = 6


def _cases_with_the_word(practice: OpenPractice) -> set[int]:
    written = set()
    for i in range(CASES):
        case = cases.create_case(
            practice.uow(),
            CaseInput(CaseKind.INDIVIDUAL, f"Client {i}", (PartnerInput(name=f"Client {i}"),)),
        )
        made = sessions.create_session(
            practice.uow(), case.id, SessionInput(starts_at=datetime(2025, 3, 3 + i, 10, 0))
        )
        assert made.note_id is not None
        notes.save_draft(practice.uow(), made.note_id, note_draft({"focus": f"The {WORD} walk."}))
        written.add(made.note_id)
    return written


def test_the_first_search_asks_for_every_case_key_at_once(practice: OpenPractice) -> None:
    if practice.backend.name != "postgresql":
        pytest.skip("a solo practice's search holds no case keys")
    written = _cases_with_the_word(practice)
    signed_in = practices.unlock_practice(practice.folder, PASSPHRASE)  # no key opened yet
    statements: list[str] = []

    def seen(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_rest: Any) -> None:
        # The client directory's key (for the hits' case names) is one more query of
        # its own, not a case key.
        if not (isinstance(parameters, dict) and parameters.get("s") == "directory"):
            statements.append(statement)

    event.listen(signed_in.engine, "before_cursor_execute", seen)
    try:
        found = search.search_notes(signed_in.uow(), WORD)
    finally:
        signed_in.close()
    assert {hit.note_id for hit in found} == written  # every case's key was opened
    asked_for_keys = [s for s in statements if "key_wraps" in s]
    assert len(asked_for_keys) <= 2, asked_for_keys
