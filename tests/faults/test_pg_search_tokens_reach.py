"""The server's search function reads past row security (so the token index can be used)
and must keep its rule itself: a login finds rows of the cases it may read, nothing else.

Eli, not assigned to Dana's case, calls search_tokens with his own login and the exact
tokens of Dana's note (as if he had learnt them): no row comes back, while the same call
as Dana finds her note.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import psycopg

from clarity_desktop.domain.records import CaseInput, CaseKind, PartnerInput, SessionInput
from clarity_desktop.services import cases, notes, sessions
from clarity_desktop.store.postgres import address
from tests.pg_practice import DANA, ELI, Person, PgPractices, rows
from tests.services.conftest import note_draft


def _found(pg: PgPractices, folder: Path, who: Person, tokens: list[int]) -> list[tuple[int, int]]:
    cluster = pg.cluster
    with psycopg.connect(
        cluster.conninfo(who.login, who.password, address.read(folder).dbname),
        options="-c search_path=clarity",
    ) as conn:
        return [
            (int(r[0]), int(r[1]))
            for r in conn.execute(
                "SELECT note_id, addendum_id FROM search_tokens(%s, %s, 50)",  # type: ignore[arg-type]
                ([tokens[0]], json.dumps([[t] for t in tokens[1:3]])),
            )
        ]


def test_search_tokens_finds_only_the_searchers_cases(
    pg_practices: PgPractices, tmp_path: Path
) -> None:
    server = pg_practices.new_database(tmp_path)
    dana = pg_practices.unlock(server, DANA, tmp_path / "dana")
    try:
        case = cases.create_case(
            dana.uow(), CaseInput(CaseKind.INDIVIDUAL, "", (PartnerInput("Robin Vale"),))
        )
        made = sessions.create_session(dana.uow(), case.id, SessionInput(datetime(2026, 3, 2, 10)))
        assert made.note_id is not None
        notes.save_draft(
            dana.uow(), made.note_id, note_draft({"focus": "Robin named the kintsugi bowl."})
        )
        [(stored,)] = rows(dana, f"SELECT tokens FROM note_search WHERE note_id = {made.note_id}")
        tokens = [int(t) for t in stored]
        assert len(tokens) >= 3
        assert _found(pg_practices, dana.folder, DANA, tokens) == [(made.note_id, 0)]
        assert _found(pg_practices, dana.folder, ELI, tokens) == []
    finally:
        dana.close()
