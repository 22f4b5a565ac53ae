"""Every migration, run on populated practices made at each earlier revision (see
fixtures/make_fixtures.py): rows kept, signed notes still locked, triggers present,
foreign keys clean, the audit chain valid, a verified backup made first; and a failed
upgrade rolls back whole."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from clarity_desktop.domain.errors import ClarityError
from clarity_desktop.services import backups, integrity, practices
from clarity_desktop.store import migrate
from clarity_desktop.store import practice as store
from clarity_desktop.store.sqlite import backup, triggers
from clarity_desktop.store.sqlite.engine import connect_raw

FIXTURES = Path(__file__).parent / "fixtures"
PASSPHRASE = "fixture passphrase"
TABLES = (
    "practice_info",
    "cases",
    "partners",
    "sessions",
    "notes",
    "note_steps",
    "note_partner_steps",
    "addenda",
    "audit_events",
    "note_search",
)
REVISIONS = sorted(p.name.removeprefix("rev-") for p in FIXTURES.glob("rev-*"))


def copy(revision: str, tmp_path: Path) -> Path:
    folder = tmp_path / f"practice-{revision}"
    shutil.copytree(FIXTURES / f"rev-{revision}", folder)
    return folder


def counts(folder: Path, tables: tuple[str, ...]) -> dict[str, int]:
    key = store.unlock_key(folder, PASSPHRASE)
    conn = connect_raw(folder / "practice.clarity", key)
    try:
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}
    finally:
        conn.close()


def test_there_is_a_fixture_for_every_earlier_revision() -> None:
    head = migrate.head_revision()
    assert set(REVISIONS) == migrate.known_revisions() - {head}


@pytest.mark.parametrize("revision", REVISIONS)
def test_upgrading_keeps_every_record_and_every_lock(revision: str, tmp_path: Path) -> None:
    folder = copy(revision, tmp_path)
    before = counts(folder, TABLES)
    opened = practices.unlock_practice(folder, PASSPHRASE)
    try:
        with opened.engine.connect() as conn:
            assert migrate.current_revision(conn) == migrate.head_revision()
            assert triggers.missing(conn) == []
            assert conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall() == []
        # One more audit row (the unlock), then a seal for each of the 4 signed notes and
        # the addendum, made at this first unlock; everything else exactly as it was.
        after = counts(folder, TABLES)
        assert after == {**before, "audit_events": before["audit_events"] + 1 + 5}
        with opened.engine.connect() as conn:
            # Every session an older version made was held: it has its note.
            assert conn.exec_driver_sql(
                "SELECT DISTINCT status, status_reason, series_id FROM sessions"
            ).fetchall() == [("held", "", None)]
            given = 1 if revision >= "0006" else 0  # the fixtures record one from 0006 on
            for table, count in (("session_markers", 0), ("handouts_given", given)):
                assert conn.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar() == count
            # Everything given and everyone known before handout languages was English.
            for table in ("partners", "handouts_given"):
                assert conn.exec_driver_sql(
                    f"SELECT DISTINCT language FROM {table}"
                ).scalars().all() == (["en"] if table == "partners" or given else [])
        assert integrity.legacy_count(opened) == 5
        assert integrity.verify_seals(opened) == []
        with (
            pytest.raises(IntegrityError, match="signed note is locked"),
            opened.engine.begin() as conn,
        ):
            conn.execute(text("UPDATE notes SET sections = '{}' WHERE id = 1"))
        assert practices.verify_audit(opened).ok
    finally:
        opened.close()
    [safety] = [
        b for b in backups.list_backups(folder / "backups") if "before-upgrade" in b.folder.name
    ]
    assert safety.revision == revision and safety.note_count == before["notes"]
    assert (
        backup.problems(safety.folder / "practice.clarity", store.unlock_key(folder, PASSPHRASE))
        == []
    )


def test_a_failed_upgrade_rolls_back_to_the_old_revision(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    revision = REVISIONS[0]
    folder = copy(revision, tmp_path)
    before = counts(folder, TABLES)
    monkeypatch.setattr(triggers, "missing", lambda conn: ["trg_notes_signed_no_update"])
    with pytest.raises(ClarityError, match="failed and was undone"):
        practices.unlock_practice(folder, PASSPHRASE)
    monkeypatch.undo()
    key = store.unlock_key(folder, PASSPHRASE)
    conn = connect_raw(folder / "practice.clarity", key)
    try:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == revision
    finally:
        conn.close()
    assert counts(folder, TABLES) == before


def test_after_the_upgrade_a_partner_can_prefer_spanish_and_nothing_else(tmp_path: Path) -> None:
    """The language column added by 0007 on a practice from 0006 takes "es" and refuses a
    code the program does not know, at the database itself."""
    folder = copy("0006", tmp_path)
    opened = practices.unlock_practice(folder, PASSPHRASE)
    try:
        with opened.engine.begin() as conn:
            conn.execute(text("UPDATE partners SET language = 'es' WHERE id = 2"))
        with opened.engine.connect() as conn:
            rows = conn.execute(text("SELECT id, language FROM partners WHERE case_id = 1"))
            assert sorted(tuple(r) for r in rows) == [(1, "en"), (2, "es")]
        with pytest.raises(IntegrityError, match="language"), opened.engine.begin() as conn:
            conn.execute(text("UPDATE partners SET language = 'fr' WHERE id = 1"))
    finally:
        opened.close()


@pytest.mark.parametrize("revision", [r for r in REVISIONS if r >= "0003"])
def test_upgrading_points_every_record_at_the_practices_clinician(
    revision: str, tmp_path: Path
) -> None:
    """0008: the clinician becomes user 1; the audit rows, signed notes and addenda made
    before point at them, and the chain written before still verifies beside new rows."""
    folder = copy(revision, tmp_path)
    opened = practices.unlock_practice(folder, PASSPHRASE)
    try:
        with opened.engine.connect() as conn:
            q = conn.exec_driver_sql
            assert q("SELECT id, display_name, role, signature, disabled FROM users").all() == [
                (1, "Rosa Imbert", "clinician", "Rosa Imbert, LMFT", 0)
            ]
            formats = dict(q("SELECT hash_format, count(*) FROM audit_events GROUP BY 1").all())
            assert formats[1] == 6 and formats[2] >= 1  # the fixture's rows, then ours
            assert q("SELECT DISTINCT user_id FROM audit_events").all() == [(1,)]
            assert q(
                "SELECT DISTINCT signed_by_id FROM notes WHERE signed_at IS NOT NULL"
            ).all() == [(1,)]
            assert q("SELECT signed_by_id FROM notes WHERE signed_at IS NULL").all() == [
                (None,),
                (None,),
            ]
            assert q("SELECT author_id FROM addenda").all() == [(1,)]
        assert opened.principal.user_id == 1
        assert practices.verify_audit(opened).ok
        assert integrity.verify_seals(opened) == []
    finally:
        opened.close()
