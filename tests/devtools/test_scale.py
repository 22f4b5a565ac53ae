"""The scale practice (devtools/scale.py): bulk-built, yet a practice like any other."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QPersistentModelIndex, Qt
from pytestqt.modeltest import ModelTester
from sqlalchemy import text
from sqlalchemy.exc import DatabaseError

from clarity_desktop import cli
from clarity_desktop.cli.common import EXIT_ERROR, EXIT_OK
from clarity_desktop.devtools import scale
from clarity_desktop.domain.records import CaseStatus
from clarity_desktop.services import cases, practices, search
from clarity_desktop.services.demo import DEMO_PASSPHRASE
from clarity_desktop.store import opening
from clarity_desktop.store import practice as store
from clarity_desktop.store.practice import OpenPractice
from clarity_desktop.store.sqlite import fts
from clarity_desktop.ui.common.models import ID_ROLE, CaseFilterProxy, CaseTableModel

N = 30


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, scale.ScaleSummary]:
    folder = tmp_path_factory.mktemp("scale") / "practice"
    lines: list[str] = []
    opened, summary = scale.build_scale_practice(folder, N, progress=lines.append)
    opened.close()
    assert lines and lines[-1].startswith(f"{N} of {N} cases")
    return folder, summary


@pytest.fixture
def reopened(built: tuple[Path, scale.ScaleSummary]) -> Iterator[OpenPractice]:
    opened = opening.unlock(built[0], DEMO_PASSPHRASE)
    try:
        yield opened
    finally:
        opened.close()


def _count(p: OpenPractice, sql: str) -> int:
    with p.engine.connect() as conn:
        return int(conn.execute(text(sql)).scalar_one())


def test_it_opens_as_a_demo_practice_with_the_demo_passphrase(reopened: OpenPractice) -> None:
    assert reopened.is_demo
    assert reopened.clinician.signature == "Dr. Morgan Ellis, PhD, LMFT"
    listed = cases.list_cases(reopened.uow(), status=None)
    assert len(listed) == N
    assert {c.kind.value for c in listed} == {"couple", "individual"}
    assert any(c.status is CaseStatus.CLOSED for c in listed)
    assert any(c.safety_flag for c in listed)


def test_counts_per_table(reopened: OpenPractice, built: tuple[Path, scale.ScaleSummary]) -> None:
    summary = built[1]
    assert _count(reopened, "SELECT count(*) FROM cases") == N
    assert _count(reopened, "SELECT count(*) FROM sessions") == summary.sessions
    assert _count(reopened, "SELECT count(*) FROM notes") == summary.notes == summary.sessions
    assert 15 * N <= summary.notes <= 25 * N  # about twenty sessions a case
    couples = _count(reopened, "SELECT count(*) FROM cases WHERE kind = 'couple'")
    assert _count(reopened, "SELECT count(*) FROM partners") == N + couples
    signed = _count(reopened, "SELECT count(*) FROM notes WHERE signed_at IS NOT NULL")
    assert signed == summary.signed
    assert 0.8 * summary.notes < signed < summary.notes  # most, not all
    assert _count(reopened, "SELECT count(*) FROM addenda") == summary.addenda > 0
    # Every note and every addendum is in the full-text index, once.
    assert _count(reopened, "SELECT count(*) FROM note_search") == summary.notes + summary.addenda
    assert _count(reopened, "SELECT count(DISTINCT note_id) FROM note_steps") == summary.notes
    with_readings = _count(reopened, "SELECT count(DISTINCT note_id) FROM partner_readings")
    assert with_readings > 0.75 * summary.notes
    assert _count(reopened, "SELECT count(*) FROM note_partner_steps") == _count(
        reopened, "SELECT count(*) FROM partner_readings"
    )
    # Only a partner who attended has a step or a reading; the loop only at joint sessions.
    assert not _count(
        reopened,
        "SELECT count(*) FROM partner_readings r JOIN notes n ON n.id = r.note_id "
        "JOIN sessions s ON s.id = n.session_id JOIN partners p ON p.id = r.partner_id "
        "WHERE p.case_id != s.case_id OR s.attending_partner_id NOT IN (r.partner_id)",
    )
    assert _count(reopened, "SELECT count(*) FROM couple_readings") > 0
    assert not _count(
        reopened,
        "SELECT count(*) FROM couple_readings r JOIN notes n ON n.id = r.note_id "
        "JOIN sessions s ON s.id = n.session_id JOIN cases c ON c.id = s.case_id "
        "WHERE c.kind != 'couple' OR s.attending_partner_id IS NOT NULL",
    )
    # Private notes are exactly the individual sessions within couples work.
    private = _count(reopened, "SELECT count(*) FROM notes WHERE private")
    assert private > 0
    assert private == _count(
        reopened, "SELECT count(*) FROM sessions WHERE attending_partner_id IS NOT NULL"
    )
    average = _count(reopened, "SELECT avg(length(body)) FROM note_search WHERE addendum_id = 0")
    assert 1300 <= average <= 1700  # about 1,500 characters a note


def test_check_practice_passes(built: tuple[Path, scale.ScaleSummary]) -> None:
    folder, summary = built
    checked = practices.check_practice(folder, DEMO_PASSPHRASE)
    assert (checked.case_count, checked.note_count, checked.is_demo) == (N, summary.notes, True)


def test_one_audit_row_then_a_seal_per_signed_record_and_the_chain_verifies(
    reopened: OpenPractice,
) -> None:
    with reopened.engine.connect() as conn:
        rows = conn.execute(text("SELECT action, entity, detail FROM audit_events")).all()
        signed = conn.execute(
            text(
                "SELECT (SELECT count(*) FROM notes WHERE signed_at IS NOT NULL)"
                " + (SELECT count(*) FROM addenda)"
            )
        ).scalar_one()
    assert rows[0][:2] == ("created", "practice")
    assert "scale demo practice" in rows[0][2]
    assert [r[0] for r in rows[1:]] == ["sealed"] * signed
    report = practices.verify_audit(reopened)
    assert report.ok and report.rows == 1 + signed


def test_signed_notes_are_really_locked(reopened: OpenPractice) -> None:
    with reopened.engine.connect() as conn:
        note_id = conn.execute(
            text("SELECT id FROM notes WHERE signed_at IS NOT NULL LIMIT 1")
        ).scalar_one()
    for sql in (
        "UPDATE notes SET sections = '{}' WHERE id = :n",
        "DELETE FROM note_steps WHERE note_id = :n",
        "INSERT INTO note_steps (note_id, step) VALUES (:n, 5)",
        "UPDATE partner_readings SET stance = 0 WHERE note_id = :n",
    ):
        with reopened.engine.connect() as conn, pytest.raises(DatabaseError, match="locked"):
            conn.execute(text(sql), {"n": note_id})
    with reopened.engine.connect() as conn:
        draft = conn.execute(text("SELECT id FROM notes WHERE signed_at IS NULL LIMIT 1")).scalar()
        assert draft is not None
        with pytest.raises(DatabaseError, match="signed notes"):
            conn.execute(
                text(
                    "INSERT INTO addenda (note_id, created_at, author, body) "
                    "VALUES (:n, '2024-01-01 00:00:00.000000', 'x', 'y')"
                ),
                {"n": draft},
            )


def test_search_finds_the_common_word_in_about_a_quarter_of_notes(
    reopened: OpenPractice, built: tuple[Path, scale.ScaleSummary]
) -> None:
    hits = search.search_notes(reopened.uow(), scale.COMMON_WORD, limit=100_000)
    in_notes = {h.note_id for h in hits if not h.in_addendum}
    share = len(in_notes) / built[1].notes
    assert 0.17 < share < 0.33
    rare = search.search_notes(reopened.uow(), "harmonium", limit=100_000)
    assert len(rare) < len(in_notes) / 5


def test_long_cases_from_a_hundred_cases(tmp_path: Path) -> None:
    opened, summary = scale.build_scale_practice(tmp_path / "p", scale.LONG_CASES_FROM)
    try:
        listed = {c.id: c for c in cases.list_cases(opened.uow(), status=None)}
        assert listed[1].session_count == scale.LONG_CASE_SESSIONS
        assert listed[2].session_count == scale.SUMMARY_CASE_SESSIONS
        assert summary.cases == len(listed) == scale.LONG_CASES_FROM
    finally:
        opened.close()


def test_an_existing_practice_is_left_alone(built: tuple[Path, scale.ScaleSummary]) -> None:
    folder = built[0]
    before = {p.name: p.stat().st_mtime_ns for p in folder.iterdir()}
    with pytest.raises(store.PracticeExists):
        scale.build_scale_practice(folder, 3)
    assert {p.name: p.stat().st_mtime_ns for p in folder.iterdir()} == before


def test_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "p"
    assert cli.main(["demo", "--data-dir", str(folder), "--scale", "3"]) == EXIT_OK
    out = capsys.readouterr().out
    assert "3 of 3 cases" in out and "passphrase: demo" in out
    assert practices.check_practice(folder, DEMO_PASSPHRASE).case_count == 3
    assert cli.main(["demo", "--data-dir", str(tmp_path / "q"), "--scale", "0"]) == EXIT_ERROR
    assert "at least 1" in capsys.readouterr().err
    assert not (tmp_path / "q").exists()


def _hit_order(p: OpenPractice, word: str, order: str) -> list[tuple[int, bool]]:
    with p.engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT note_id, addendum_id FROM note_search WHERE note_search MATCH :q "
                f"ORDER BY {order} LIMIT 100"
            ),
            {"q": fts.to_match_query(word)},
        ).all()
    return [(int(n), a != 0) for n, a in rows]


def test_search_ranks_by_relevance_until_a_word_is_everywhere(
    reopened: OpenPractice, monkeypatch: pytest.MonkeyPatch
) -> None:
    word = scale.COMMON_WORD

    def found() -> list[tuple[int, bool]]:
        return [(h.note_id, h.in_addendum) for h in search.search_notes(reopened.uow(), word)]

    assert found() == _hit_order(reopened, word, "rank")  # 100+ matches, fewer than the cap
    monkeypatch.setattr(fts, "RANKED_AT_MOST", 50)
    newest = found()
    assert newest == _hit_order(reopened, word, "rowid DESC")  # the most recently written
    assert newest != _hit_order(reopened, word, "rank")
    assert len(newest) == 100


def test_the_case_list_model_sorts_and_filters_ten_thousand_ways(
    built: tuple[Path, scale.ScaleSummary], qtmodeltester: ModelTester
) -> None:
    """The case list sorts in its model (not through the proxy's sort) and filters from
    one precomputed pass: the same rows, orders and selection as before, only faster."""
    opened = opening.unlock(built[0], DEMO_PASSPHRASE)
    try:
        rows = cases.list_cases(opened.uow(), status=None)
    finally:
        opened.close()
    model = CaseTableModel()
    proxy = CaseFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_status(None)
    model.set_cases(rows)
    qtmodeltester.check(proxy)

    def shown(role: int = ID_ROLE) -> list[object]:
        return [proxy.index(r, 0).data(role) for r in range(proxy.rowCount())]

    assert shown() == [c.id for c in rows]  # name order, as list_cases gives it
    keep = QPersistentModelIndex(proxy.index(3, 0))
    kept_id = keep.data(ID_ROLE)
    proxy.sort(CaseTableModel.LAST, Qt.SortOrder.DescendingOrder)
    by_last = sorted(rows, key=lambda c: c.last_session or datetime.min, reverse=True)
    assert shown() == [c.id for c in by_last]
    assert keep.data(ID_ROLE) == kept_id  # a selection follows its case
    proxy.sort(CaseTableModel.SESSIONS, Qt.SortOrder.AscendingOrder)
    assert shown() == [c.id for c in sorted(rows, key=lambda c: c.session_count)]
    proxy.sort(CaseTableModel.NAME, Qt.SortOrder.DescendingOrder)
    assert shown() == [c.id for c in reversed(rows)]
    needle = rows[0].display_name.split()[-1][:3]
    proxy.set_text(needle.upper())
    assert shown(Qt.ItemDataRole.DisplayRole) == [
        c.display_name for c in reversed(rows) if needle.casefold() in c.display_name.casefold()
    ]
    assert model.row_of(rows[5].id) is not None
    assert model.case_at(model.row_of(rows[5].id) or 0) == rows[5]
    proxy.set_status(CaseStatus.CLOSED)
    assert all(
        model.case_at(proxy.mapToSource(proxy.index(r, 0)).row()).status is CaseStatus.CLOSED
        for r in range(proxy.rowCount())
    )
    qtmodeltester.check(proxy)
