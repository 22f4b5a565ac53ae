"""A solo practice moved onto a practice server, whole (``server import-practice``).

A real solo practice (the demo: signed notes, addenda, plans, measures' answers) moves
onto a real server fresh from ``server init``; its clinician then signs in there and finds
everything as it was, signatures included, while the solo folder is byte for byte as
before."""

from __future__ import annotations

import subprocess
import sys
import uuid
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import create_engine, select
from sqlalchemy.orm import Session

from clarity_desktop.domain.audit_actions import AuditAction
from clarity_desktop.domain.errors import ClarityError, ValidationError
from clarity_desktop.services import cases, demo, integrity, notes, practices, search
from clarity_desktop.store import audit_chain, keyring
from clarity_desktop.store.errors import PracticeError, WrongPassphrase
from clarity_desktop.store.models import AuditEvent
from tests.pg_import import (
    ADMIN_PASSWORD,
    NEW_PASSWORD,
    Server,
    folder_digest,
    fresh,
    small_practice,
    solo,
    source,
    source_counts,
)

__all__ = ["fresh", "solo", "source"]  # fixtures


def test_the_whole_practice_moves_and_the_solo_folder_is_untouched(
    source: Path, fresh: Server, tmp_path: Path
) -> None:
    expected = source_counts(source, demo.DEMO_PASSPHRASE, tmp_path / "counted")
    assert expected["notes"] > 10 and expected["addenda"] and expected["treatment_plans"]
    assert expected["measure_responses"] and expected["audit_events"] > 100
    before = folder_digest(source)

    moved = fresh.move(source)

    assert folder_digest(source) == before  # not one file added, removed or changed
    assert dict(moved.rows) == expected
    for table, n in expected.items():
        where = " WHERE id < 101" if table == "users" else ""
        extra = 1 if table == "audit_events" else 0  # the import's own entry
        assert fresh.count(table + where) == n + extra, table
    assert moved.user_id == 1 and moved.login == fresh.login


def test_the_audit_chain_goes_on_with_the_import_and_ids_are_kept(
    source: Path, fresh: Server, tmp_path: Path
) -> None:
    expected = source_counts(source, demo.DEMO_PASSPHRASE, tmp_path / "counted")
    moved = fresh.move(source)
    assert moved.audit_id == expected["audit_events"] + 1
    last = fresh.rows("SELECT id, action, user_id, detail FROM audit_events ORDER BY id DESC")[0]
    assert last[:3] == (moved.audit_id, AuditAction.IMPORTED.value, None)
    assert moved.source_practice_id in last[3]
    # The whole chain, read as the superuser, holds from entry 1 to the import's.
    engine = create_engine(
        "postgresql+psycopg://",
        creator=lambda: psycopg.connect(
            fresh.cluster.conninfo(
                fresh.cluster.superuser, fresh.cluster.superuser_password, fresh.dbname
            ),
            options="-c search_path=clarity",
        ),
    )
    try:
        with Session(engine) as s:
            report = audit_chain.verify(s.scalars(select(AuditEvent).order_by(AuditEvent.id)))
    finally:
        engine.dispose()
    assert report.ok and report.rows == moved.audit_id
    # New ids continue past the moved ones.
    seq = fresh.rows("SELECT last_value FROM cases_id_seq")[0][0]
    assert seq == fresh.rows("SELECT max(id) FROM cases")[0][0]


def test_the_clinician_signs_in_and_finds_her_cases_notes_and_signatures(
    source: Path, fresh: Server, tmp_path: Path
) -> None:
    expected = source_counts(source, demo.DEMO_PASSPHRASE, tmp_path / "counted")
    fresh.move(source)

    dana = fresh.sign_in(tmp_path / "dana", fresh.login, NEW_PASSWORD)
    try:
        assert dana.principal.user_id == 1
        assert dana.clinician.name == demo.DEMO_CLINICIAN.name
        assert len(cases.list_cases(dana.uow())) == expected["cases"]
        signed = fresh.rows("SELECT min(id) FROM notes WHERE signed_at IS NOT NULL")[0][0]
        note = notes.open_note(dana.uow(), signed)
        assert note.signed and note.signed_by == demo.DEMO_CLINICIAN.signature
        word = next(w for w in notes.full_text(dict(note.sections)).split() if len(w) > 6)
        assert signed in {h.note_id for h in search.search_notes(dana.uow(), word)}
        assert integrity.verify_seals(dana) == []  # every seal holds, under her kept key
        assert practices.integrity_problems(dana) == []
        # She signs on the server with the key she signed with at home.
        home_key = keyring.read_key_file(source).signer_public
        assert dana.backend.trusted_keys(dana) >= {home_key}
    finally:
        dana.close()
    # The administrator, who reads the whole audit trail, finds every link holding.
    admin = fresh.sign_in(tmp_path / "ada", fresh.admin, ADMIN_PASSWORD)
    try:
        chain = practices.verify_audit(admin)
        assert chain.ok and chain.rows > expected["audit_events"] + 1  # the import, and on
    finally:
        admin.close()


def test_a_server_that_already_has_records_is_refused_and_left_as_it_was(
    source: Path, fresh: Server, tmp_path: Path
) -> None:
    fresh.move(source)
    audit = fresh.count("audit_events")
    other = f"eli_{uuid.uuid4().hex[:10]}"
    with pytest.raises(PracticeError, match=r"already holds records of its own \(cases: \d+"):
        fresh.move(source, login=other)
    assert not fresh.has_login(other)
    assert fresh.count("audit_events") == audit


def test_a_server_someone_signed_in_to_is_not_fresh(
    source: Path, fresh: Server, tmp_path: Path
) -> None:
    fresh.sign_in(tmp_path / "ada", fresh.admin, ADMIN_PASSWORD).close()  # writes "unlocked"
    with pytest.raises(PracticeError, match=r"audit_events: 1.*before anyone signs in"):
        fresh.move(source)
    assert not fresh.has_login(fresh.login) and fresh.count("cases") == 0


def test_only_the_superuser_can_move_a_practice_in(source: Path, fresh: Server) -> None:
    with pytest.raises(PracticeError, match="not the server's superuser"):
        fresh.move(
            source,
            url=fresh.cluster.url(fresh.admin, fresh.dbname),
            superuser_password=ADMIN_PASSWORD,
        )
    assert not fresh.has_login(fresh.login) and fresh.count("cases") == 0


def test_a_wrong_passphrase_or_a_taken_login_changes_nothing(source: Path, fresh: Server) -> None:
    before = folder_digest(source)
    with pytest.raises(WrongPassphrase):
        fresh.move(source, passphrase="not the passphrase")
    with pytest.raises(ValidationError, match="already has a login named"):
        fresh.move(source, login=fresh.admin)
    with pytest.raises(ValidationError, match="do not match"):
        fresh.move(source, repeat="something else entirely")
    assert fresh.count("cases") == 0 and fresh.count("audit_events") == 0
    assert not fresh.has_login(fresh.login)
    assert folder_digest(source) == before


def test_a_practice_open_in_another_program_is_not_moved(source: Path, fresh: Server) -> None:
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys; from pathlib import Path; from clarity_desktop.store import oslock; "
            f"h = oslock.hold_shared(Path({str(source)!r})); print('held', flush=True); "
            "sys.stdin.read()",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        with pytest.raises(ClarityError, match="open in another Clarity program"):
            fresh.move(source)
    finally:
        holder.communicate("")
    assert fresh.count("cases") == 0 and not fresh.has_login(fresh.login)


def test_seals_made_with_a_former_signing_key_stay_trusted_on_the_server(
    fresh: Server, tmp_path: Path
) -> None:
    """A solo practice whose signing key changed (its key file vouches for the one before):
    notes sealed with the former key still verify for the clinician on the server."""
    folder = tmp_path / "solo"
    note_id = small_practice(folder, NEW_PASSWORD)
    former = keyring.read_key_file(folder).signer_public
    db_key = keyring.unlock_key(folder, NEW_PASSWORD)
    keyring.add_signer(folder, NEW_PASSWORD, db_key)  # a new key, vouching for the former
    assert keyring.read_key_file(folder).signer_public != former

    moved = fresh.move(folder, passphrase=NEW_PASSWORD)

    assert moved.former_keys == 1
    assert fresh.rows("SELECT public_key, user_id FROM former_keys") == [(former, 1)]
    dana = fresh.sign_in(tmp_path / "dana", fresh.login, NEW_PASSWORD)
    try:
        assert former in dana.backend.trusted_keys(dana)
        assert integrity.verify_seals(dana) == []
        assert notes.open_note(dana.uow(), note_id).signed
    finally:
        dana.close()
    # Without the vouched key the same seals would be refused as made by a stranger.
    fresh.cluster.psql("DELETE FROM clarity.former_keys;", fresh.dbname)
    dana = fresh.sign_in(tmp_path / "dana", fresh.login, NEW_PASSWORD)
    try:
        found = integrity.verify_seals(dana)
    finally:
        dana.close()
    assert found and all("key" in str(f) for f in found)


def test_check_passes_for_the_clinician_after_the_move(
    source: Path, fresh: Server, tmp_path: Path
) -> None:
    expected = source_counts(source, demo.DEMO_PASSPHRASE, tmp_path / "counted")
    fresh.move(source)
    fresh.sign_in(tmp_path / "dana", fresh.login, NEW_PASSWORD).close()
    # Every link of the chain, the import's own row included (audit_links() on the
    # server), the rows she may read, every seal, the server's guards.
    summary = practices.check_practice(tmp_path / "dana", NEW_PASSWORD)
    assert (summary.case_count, summary.note_count) == (expected["cases"], expected["notes"])
